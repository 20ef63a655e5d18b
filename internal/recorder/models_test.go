package recorder

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/fetch"
	"github.com/fineprint-dev/fineprint/workspace"
)

// TestRecordFetchResolvesModels: record --fetch asks the Hub ($HF_ENDPOINT)
// for the license of each model nothing local knows, keeps the answer in
// the lock, and the next analysis resolves the model through it. Known
// models are not asked about; a model the Hub does not answer for stays
// unknown without failing the record; a record without fetch keeps the
// entries.
func TestRecordFetchResolvesModels(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	hub := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.Path)
		mu.Unlock()
		switch r.URL.Path {
		case "/api/models/acme-labs/tox-detector":
			w.Write([]byte(`{"id":"acme-labs/tox-detector","tags":["license:cc-by-nc-4.0"],"cardData":{"license":"cc-by-nc-4.0"}}`))
		case "/api/models/acme-labs/custom":
			w.Write([]byte(`{"id":"acme-labs/custom","cardData":{"license":"other","license_name":"acme-model-license"}}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer hub.Close()
	t.Setenv("HF_ENDPOINT", hub.URL+"/")
	root := t.TempDir()
	src := "from transformers import AutoModel\n" +
		"a = AutoModel.from_pretrained(\"acme-labs/tox-detector\")\n" +
		"b = AutoModel.from_pretrained(\"acme-labs/custom\")\n" +
		"c = AutoModel.from_pretrained(\"acme-labs/private\")\n" +
		"d = AutoModel.from_pretrained(\"google/gemma-2-9b\")\n"
	if err := os.WriteFile(filepath.Join(root, "app.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	analyse := func() (*analysis.Snapshot, *analysis.Result) {
		snap, _, err := workspace.Load(root, workspace.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return snap, analysis.New().Analyze(context.Background(), snap)
	}
	snap, res := analyse()
	// The test's Hub listens on loopback: its client replaces the guard
	// against internal addresses, as the policy tests' clients do.
	rep, err := Record(context.Background(), root, snap, res, Options{Fetch: true, Now: day1, FetchOptions: fetch.Options{Client: hub.Client()}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failures) != 0 || len(rep.Unresolved) != 1 || !strings.Contains(rep.Unresolved[0].Error(), "acme-labs/private") {
		t.Errorf("failures %v, model misses %v: want one miss, for acme-labs/private", rep.Failures, rep.Unresolved)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range asked {
		if strings.Contains(p, "gemma") {
			t.Errorf("asked the Hub about %s, which the table knows", p)
		}
	}
	lock, err := record.Parse([]byte(read(t, root, analysis.LockFile)))
	if err != nil {
		t.Fatal(err)
	}
	if len(lock.Models) != 2 || lock.Model("acme-labs/tox-detector").License != "cc-by-nc-4.0" ||
		lock.Model("acme-labs/custom").LicenseName != "acme-model-license" || lock.Model("acme-labs/tox-detector").Retrieved != "2026-11-01T09:00:00Z" {
		t.Fatalf("lock models = %+v", lock.Models)
	}
	_, res = analyse()
	for _, m := range res.Models {
		want := map[string]string{"acme-labs/tox-detector": "lock", "acme-labs/custom": "lock", "acme-labs/private": "", "google/gemma-2-9b": "kb"}[m.ID]
		if m.ResolvedBy != want {
			t.Errorf("%s resolved by %q, want %q", m.ID, m.ResolvedBy, want)
		}
	}
	// Recording again without --fetch keeps what the Hub said.
	snap, res = analyse()
	if _, err := Record(context.Background(), root, snap, res, Options{Now: day2}); err != nil {
		t.Fatal(err)
	}
	if lock, _ := record.Parse([]byte(read(t, root, analysis.LockFile))); len(lock.Models) != 2 {
		t.Errorf("after a plain record, lock models = %+v", lock.Models)
	}
}
