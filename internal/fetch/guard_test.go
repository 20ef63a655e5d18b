package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

// TestFetchRefusesInternalAddresses fetches from an httptest server (on
// 127.0.0.1) through the default, guarded client: refused unless the host
// is allowed by name, and a redirect from an allowed host to an internal
// one is refused at its own dial.
func TestFetchRefusesInternalAddresses(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/policy", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "# Use policy\n") })
	inner := httptest.NewServer(mux)
	t.Cleanup(inner.Close)
	// outer is reached as "localhost": it redirects to inner's 127.0.0.1
	// address, which is not allowed.
	outer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inner.URL+"/policy", http.StatusFound)
	}))
	t.Cleanup(outer.Close)
	_, outerPort, _ := net.SplitHostPort(strings.TrimPrefix(outer.URL, "http://"))
	viaName := "http://localhost:" + outerPort + "/"

	_, err := Fetch(context.Background(), inner.URL+"/policy", Options{})
	if err == nil || !errors.Is(err, ErrInternalAddress) && !strings.Contains(err.Error(), "refused to connect to 127.0.0.1") {
		t.Fatalf("loopback without allow: err %v, want refused", err)
	}
	if want := "refused to connect to 127.0.0.1: the address is internal"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}
	body, err := Fetch(context.Background(), inner.URL+"/policy", Options{AllowHosts: []string{"127.0.0.1"}})
	if err != nil || string(body) != "# Use policy\n" {
		t.Fatalf("allowed loopback: %q, %v", body, err)
	}
	// A name resolving to loopback is checked after resolution.
	if _, err := Fetch(context.Background(), viaName, Options{}); err == nil || !strings.Contains(err.Error(), "refused to connect to") {
		t.Fatalf("name resolving to loopback: err %v, want refused", err)
	}
	// Allowing the first host does not allow where it redirects.
	if _, err := Fetch(context.Background(), viaName, Options{AllowHosts: []string{"localhost"}}); err == nil || !strings.Contains(err.Error(), "refused to connect to 127.0.0.1") {
		t.Fatalf("redirect to loopback: err %v, want refused", err)
	}
}

func TestInternal(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "::1": true, "169.254.169.254": true, "10.1.2.3": true, "172.16.0.1": true,
		"192.168.1.1": true, "0.0.0.0": true, "::": true, "fe80::1": true, "fd00::1": true, "100.64.0.1": true,
		"::ffff:127.0.0.1": true, "::ffff:169.254.169.254": true, "224.0.0.1": true, "0.1.2.3": true,
		"93.184.215.14": false, "2606:2800:21f:cb07:6820:80da:af6b:8b2c": false, "8.8.8.8": false,
	} {
		if got := Internal(netip.MustParseAddr(addr)); got != want {
			t.Errorf("Internal(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestFetchRefusesBinaryBodies(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/pdf":
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.7\n")
		case "/nul":
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "text\x00\x01\x02")
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<p>Use policy</p>")
		}
	}))
	t.Cleanup(s.Close)
	opts := Options{AllowHosts: []string{"127.0.0.1"}}
	if _, err := Fetch(context.Background(), s.URL+"/pdf", opts); err == nil || err.Error() != "fetch "+s.URL+"/pdf: the server sent application/pdf, not text; save the policy's text into its copy by hand" {
		t.Errorf("pdf: %v", err)
	}
	if _, err := Fetch(context.Background(), s.URL+"/nul", opts); err == nil || err.Error() != "fetch "+s.URL+"/nul: the body is binary, not text; save the policy's text into its copy by hand" {
		t.Errorf("nul: %v", err)
	}
	if b, err := Fetch(context.Background(), s.URL+"/html", opts); err != nil || string(b) != "<p>Use policy</p>" {
		t.Errorf("html: %q %v", b, err)
	}
}
