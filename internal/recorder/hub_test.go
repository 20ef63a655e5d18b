package recorder

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/fetch"
	"github.com/fineprint-dev/fineprint/workspace"
)

// A workspace loads three Hub models nothing local knows: record --fetch
// asks the Hub about each, keeps the answers in fineprint.lock, and a later
// offline analysis resolves them from the lock; a second record --fetch
// asks nothing again, and a plain record keeps the entries.
func TestFetchResolvesIDsIntoTheLock(t *testing.T) {
	var asked atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/api/models/acme/gated-7b", func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		w.Write([]byte(`{"id":"acme/gated-7b","sha":"1111111111111111111111111111111111111111","gated":"manual","cardData":{"license":"cc-by-nc-4.0"}}`))
	})
	mux.HandleFunc("/api/models/acme/other-1b", func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		w.Write([]byte(`{"id":"acme/other-1b","sha":"2222222222222222222222222222222222222222","gated":false,"cardData":{"license":"other","license_name":"acme-open","license_link":"https://acme.example/license"}}`))
	})
	mux.HandleFunc("/api/datasets/acme/chats", func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		w.Write([]byte(`{"id":"acme/chats","sha":"3333333333333333333333333333333333333333","gated":"auto","cardData":{"license":"cc-by-nc-sa-4.0"}}`))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		http.NotFound(w, r)
	})
	hub := httptest.NewTLSServer(mux)
	defer hub.Close()

	root := t.TempDir()
	app := "from transformers import AutoModel\n" +
		"a = AutoModel.from_pretrained(\"acme/gated-7b\")\n" +
		"b = AutoModel.from_pretrained(\"acme/other-1b\")\n" +
		"c = AutoModel.from_pretrained(\"acme/missing\")\n" +
		"d = AutoModel.from_pretrained(\"meta-llama/Llama-3.1-8B\")\n" +
		"from datasets import load_dataset\n" +
		"e = load_dataset(\"acme/chats\")\n" +
		"f = load_dataset(\"tatsu-lab/alpaca\")\n"
	if err := os.WriteFile(filepath.Join(root, "app.py"), []byte(app), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Fetch: true, Now: day1, HubEndpoint: hub.URL, FetchOptions: fetch.Options{Client: hub.Client()}}
	rep, err := RecordFolder(context.Background(), root, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rep.Resolved, ", "); got != "model acme/gated-7b: cc-by-nc-4.0, model acme/other-1b: acme-open, dataset acme/chats: cc-by-nc-sa-4.0" {
		t.Errorf("resolved %s", got)
	}
	if len(rep.Unresolved) != 1 || rep.Unresolved[0].Error() != "could not resolve model acme/missing: not on the Hub (it does not exist, or it is private)" {
		t.Errorf("unresolved %v", rep.Unresolved)
	}
	if n := asked.Load(); n != 4 {
		t.Errorf("%d requests, want 4 (the tables know Llama 3.1 and Alpaca)", n)
	}
	lock := read(t, root, analysis.LockFile)
	want := `  "models": [
    {
      "id": "acme/gated-7b",
      "license": "cc-by-nc-4.0",
      "gated": "manual",
      "revision": "1111111111111111111111111111111111111111",
      "source": "` + hub.URL + `/api/models/acme/gated-7b",
      "retrieved": "2026-11-01T09:00:00Z"
    },
    {
      "id": "acme/other-1b",
      "license": "other",
      "license_name": "acme-open",
      "license_link": "https://acme.example/license",
      "revision": "2222222222222222222222222222222222222222",
      "source": "` + hub.URL + `/api/models/acme/other-1b",
      "retrieved": "2026-11-01T09:00:00Z"
    }
  ],
  "datasets": [
    {
      "id": "acme/chats",
      "license": "cc-by-nc-sa-4.0",
      "gated": "auto",
      "revision": "3333333333333333333333333333333333333333",
      "source": "` + hub.URL + `/api/datasets/acme/chats",
      "retrieved": "2026-11-01T09:00:00Z"
    }
  ]
}
`
	if !strings.HasSuffix(lock, want) {
		t.Errorf("fineprint.lock:\n%s\nwant it to end with\n%s", lock, want)
	}
	if _, err := record.Parse([]byte(lock)); err != nil {
		t.Errorf("the lock written does not parse: %v", err)
	}

	// Offline: the lock resolves the two ids; the missing one stays unknown.
	snap, _, err := workspace.Load(root, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := analysis.New().Analyze(context.Background(), snap)
	var got []string
	for _, d := range res.Datasets {
		if want := map[string]string{"acme/chats": "lock", "tatsu-lab/alpaca": "kb"}[d.ID]; d.ResolvedBy != want {
			t.Errorf("dataset %s resolved by %q, want %q", d.ID, d.ResolvedBy, want)
		}
	}
	for _, f := range res.Findings() {
		if strings.HasPrefix(f.Code, "manifest/") || strings.HasPrefix(f.Code, "dataset/") {
			got = append(got, f.Code+": "+f.Message)
		}
	}
	wantFindings := []string{
		"manifest/model-license: acme/gated-7b is under the Creative Commons Attribution Non Commercial 4.0, which forbids commercial use.",
		`manifest/unknown-model-license: acme/other-1b is under "acme-open" according to fineprint.lock (recorded from the Hugging Face Hub on 2026-11-01), a license fineprint does not know, so its terms are not checked.`,
		"manifest/unknown-model-license: fineprint cannot tell which license acme/missing is under: it is not in the workspace, the local Hugging Face cache, fineprint.lock or fineprint's table of well-known models; fineprint record --fetch asks the Hub.",
		"manifest/model-license: meta-llama/Llama-3.1-8B is under the Llama 3.1 Community License Agreement, which comes with use restrictions and conditions.",
		"dataset/license: The dataset acme/chats is under the Creative Commons Attribution Non Commercial Share Alike 4.0, which forbids commercial use.",
		"dataset/license: The dataset tatsu-lab/alpaca is under the Creative Commons Attribution Non Commercial 4.0, which forbids commercial use; generated with OpenAI's text-davinci-003, so OpenAI's terms (no developing models that compete with OpenAI) bind its use; Stanford released it for research only.",
	}
	if strings.Join(got, "\n") != strings.Join(wantFindings, "\n") {
		t.Errorf("offline findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantFindings, "\n"))
	}

	// Again with --fetch: only the id still unknown is asked; the entries keep their date.
	opts.Now = day2
	if _, err := RecordFolder(context.Background(), root, opts); err != nil {
		t.Fatal(err)
	}
	if n := asked.Load(); n != 5 {
		t.Errorf("%d requests after the second run, want 5", n)
	}
	if read(t, root, analysis.LockFile) != lock {
		t.Errorf("the second run changed the lock:\n%s", read(t, root, analysis.LockFile))
	}
	// A plain record keeps them too, and asks nothing.
	if _, err := RecordFolder(context.Background(), root, Options{Now: day3}); err != nil {
		t.Fatal(err)
	}
	if read(t, root, analysis.LockFile) != lock || asked.Load() != 5 {
		t.Errorf("a plain record changed the lock or asked the Hub")
	}
}
