package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/record"
)

// hubServer is a Hub API with a gated model, a model under "other" with a
// license_name, a renamed model (a redirect), a dataset, and 404 for the
// rest.
func hubServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	answer := func(path, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet || r.Header.Get("Authorization") != "" {
				t.Errorf("%s %s with Authorization %q", r.Method, r.URL, r.Header.Get("Authorization"))
			}
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Write([]byte(body))
		})
	}
	answer("/api/models/acme/gated-7b", `{"id":"acme/gated-7b","sha":"1111111111111111111111111111111111111111","gated":"manual",
		"tags":["transformers","license:llama3.1"],"cardData":{"license":"llama3.1","base_model":"meta-llama/Llama-3.1-8B"}}`)
	answer("/api/models/acme/other-1b", `{"id":"acme/other-1b","sha":"2222222222222222222222222222222222222222","gated":false,
		"cardData":{"license":"other","license_name":"acme-open","license_link":"https://acme.example/license","base_model":["acme/a","acme/b"]}}`)
	answer("/api/models/acme/new-name", `{"id":"acme/new-name","sha":"3333333333333333333333333333333333333333","gated":false,"tags":["license:apache-2.0"]}`)
	mux.HandleFunc("/api/models/acme/old-name", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/models/acme/new-name", http.StatusTemporaryRedirect)
	})
	answer("/api/datasets/acme/chats", `{"id":"acme/chats","sha":"4444444444444444444444444444444444444444","gated":"auto","cardData":{"license":["cc-by-nc-4.0","other"]}}`)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"error":"Repository not found"}`, http.StatusNotFound)
	})
	srv := httptest.NewTLSServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestHubResolve(t *testing.T) {
	srv := hubServer(t)
	opts := Options{Client: srv.Client()}
	ctx := context.Background()
	for _, c := range []struct {
		kind HubKind
		id   string
		want record.HubEntry
	}{
		{HubModel, "acme/gated-7b", record.HubEntry{ID: "acme/gated-7b", License: "llama3.1", Gated: "manual",
			BaseModel: []string{"meta-llama/Llama-3.1-8B"}, Revision: "1111111111111111111111111111111111111111", Retrieved: "2026-12-04T10:00:00Z"}},
		{HubModel, "acme/other-1b", record.HubEntry{ID: "acme/other-1b", License: "other", LicenseName: "acme-open",
			LicenseLink: "https://acme.example/license", BaseModel: []string{"acme/a", "acme/b"},
			Revision: "2222222222222222222222222222222222222222", Retrieved: "2026-12-04T10:00:00Z"}},
		// A renamed repository redirects; the id asked for is what the lock keeps.
		{HubModel, "acme/old-name", record.HubEntry{ID: "acme/old-name", License: "apache-2.0",
			Revision: "3333333333333333333333333333333333333333", Retrieved: "2026-12-04T10:00:00Z"}},
		{HubDataset, "acme/chats", record.HubEntry{ID: "acme/chats", License: "cc-by-nc-4.0", Gated: "auto",
			Revision: "4444444444444444444444444444444444444444", Retrieved: "2026-12-04T10:00:00Z"}},
	} {
		got, err := HubResolve(ctx, srv.URL, c.kind, c.id, "2026-12-04T10:00:00Z", opts)
		if err != nil {
			t.Errorf("%s: %v", c.id, err)
			continue
		}
		if want := srv.URL + "/api/" + string(c.kind) + "/" + c.id; got.Source != want {
			t.Errorf("%s: source %q, want %q", c.id, got.Source, want)
		}
		got.Source = ""
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.id, got, c.want)
		}
	}
	_, err := HubResolve(ctx, srv.URL, HubModel, "acme/missing", "2026-12-04T10:00:00Z", opts)
	if !errors.Is(err, ErrNotOnHub) || !strings.HasPrefix(err.Error(), "acme/missing: not on the Hub") {
		t.Errorf("404: %v", err)
	}
	// The dataset API is asked for datasets: the model of that name is unknown.
	if _, err := HubResolve(ctx, srv.URL, HubModel, "acme/chats", "2026-12-04T10:00:00Z", opts); !errors.Is(err, ErrNotOnHub) {
		t.Errorf("model acme/chats: %v", err)
	}
}

func TestHubResolveRefuses(t *testing.T) {
	srv := hubServer(t)
	ctx := context.Background()
	for _, c := range []struct{ endpoint, id, want string }{
		{"http://hub.example", "acme/x", `the Hub endpoint "http://hub.example" is not an https URL (HF_ENDPOINT)`},
		{"file:///etc", "acme/x", `is not an https URL`},
		{srv.URL, "acme/x/../../y", "is not a Hub id"},
		{srv.URL, "x", "is not a Hub id"},
	} {
		_, err := HubResolve(ctx, c.endpoint, HubModel, c.id, "2026-12-04T10:00:00Z", Options{Client: srv.Client()})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %s: %v, want %q", c.endpoint, c.id, err, c.want)
		}
	}
	// A redirect from https to http is refused.
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://hub.example/api/models/acme/x", http.StatusFound)
	})
	down := httptest.NewTLSServer(mux)
	defer down.Close()
	_, err := HubResolve(ctx, down.URL, HubModel, "acme/x", "2026-12-04T10:00:00Z", Options{Client: down.Client()})
	if err == nil || !strings.Contains(err.Error(), `scheme "http" is not allowed (only https)`) {
		t.Errorf("redirect to http: %v", err)
	}
}
