package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/policy", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "# Use policy\nNo spam.\n") })
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			http.Redirect(w, r, "/policy", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/block", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, strings.Repeat("x", 2048)) })
	mux.HandleFunc("/big-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "4096")
		fmt.Fprint(w, strings.Repeat("x", 4096))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestFetch(t *testing.T) {
	s := server(t)
	tests := []struct {
		name string
		url  string
		opts Options
		body string
		err  string
	}{
		{name: "plain", url: s.URL + "/policy", body: "# Use policy\nNo spam.\n"},
		{name: "three redirects", url: s.URL + "/hop/2", body: "# Use policy\nNo spam.\n"},
		{name: "four redirects", url: s.URL + "/hop/3", err: "fetch " + s.URL + "/hop/3: more than 3 redirects"},
		{name: "no redirects allowed", url: s.URL + "/hop/0", opts: Options{MaxRedirects: -1}, err: "fetch " + s.URL + "/hop/0: more than 0 redirects"},
		{name: "redirect to file", url: s.URL + "/to-file", err: `fetch ` + s.URL + `/to-file: redirect to file:///etc/passwd: scheme "file" is not allowed (only http and https)`},
		{name: "timeout", url: s.URL + "/block", opts: Options{Timeout: 50 * time.Millisecond}, err: "fetch " + s.URL + "/block: no answer within 50ms"},
		{name: "oversize", url: s.URL + "/big", opts: Options{MaxBytes: 1024}, err: "fetch " + s.URL + "/big: larger than 1024 bytes"},
		{name: "oversize declared", url: s.URL + "/big-declared", opts: Options{MaxBytes: 1024}, err: "fetch " + s.URL + "/big-declared: larger than 1024 bytes"},
		{name: "exactly the cap", url: s.URL + "/big", opts: Options{MaxBytes: 2048}, body: strings.Repeat("x", 2048)},
		{name: "not found", url: s.URL + "/nope", err: "fetch " + s.URL + "/nope: server answered 404 Not Found"},
		{name: "file scheme", url: "file:///etc/passwd", err: `fetch file:///etc/passwd: scheme "file" is not allowed (only http and https)`},
		{name: "ftp scheme", url: "ftp://example.test/policy", err: `fetch ftp://example.test/policy: scheme "ftp" is not allowed (only http and https)`},
		{name: "no host", url: "https:///policy", err: "fetch https:///policy: no host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Client = s.Client()
			body, err := Fetch(context.Background(), tt.url, tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err || body != nil {
					t.Fatalf("Fetch = %q, %v; want error %q and no body", body, err, tt.err)
				}
				return
			}
			if err != nil || string(body) != tt.body {
				t.Fatalf("Fetch = %q, %v; want %q", body, err, tt.body)
			}
		})
	}
}

func TestFetchHonoursCancel(t *testing.T) {
	s := server(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Fetch(ctx, s.URL+"/block", Options{Client: s.Client()}); err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("Fetch on a cancelled context = %v", err)
	}
}
