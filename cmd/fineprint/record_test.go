package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// noNetwork makes any use of the default HTTP transport fail the test.
func noNetwork(t *testing.T) {
	old := http.DefaultTransport
	http.DefaultTransport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("network used: %s %s", r.Method, r.URL)
		return nil, errors.New("network disabled in this test")
	})
	t.Cleanup(func() { http.DefaultTransport = old })
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func fixedRecordTime(t *testing.T, at time.Time) {
	old := recordNow
	recordNow = func() time.Time { return at }
	t.Cleanup(func() { recordNow = old })
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// checkCodes runs fineprint check --format json on dir and returns
// "path code: message" for each finding whose code starts with prefix.
func checkCodes(t *testing.T, dir, prefix string) []string {
	t.Helper()
	code, out, errOut := runCmd("check", "--format", "json", "--fail-on", "never", dir)
	if code != 0 {
		t.Fatalf("check exited %d: %s", code, errOut)
	}
	var rep struct {
		Findings []struct{ Code, Path, Message string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("check output: %v\n%s", err, out)
	}
	var got []string
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Code, prefix) {
			got = append(got, f.Path+" "+f.Code+": "+f.Message)
		}
	}
	return got
}

func TestRecordCommand(t *testing.T) {
	noNetwork(t)
	fixedRecordTime(t, time.Date(2026, 11, 29, 18, 30, 0, 0, time.UTC))
	dir := t.TempDir()
	license := filepath.Join(dir, "LICENSE")
	if err := os.WriteFile(license, []byte("Example Model License\n\nYou may use the model.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := checkCodes(t, dir, "record/"); len(got) != 1 || !strings.HasPrefix(got[0], "LICENSE record/unrecorded: ") {
		t.Errorf("before recording: %q", got)
	}

	code, out, errOut := runCmd("record", dir)
	if code != 0 || out != "wrote .fineprint/licenses/LICENSE\nwrote fineprint.lock\nfineprint.lock recorded: 1 license file, 0 policies\n" || errOut != "" {
		t.Fatalf("record = %d %q %q", code, out, errOut)
	}
	first, err := os.ReadFile(filepath.Join(dir, "fineprint.lock"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(first, []byte(`"recorded": "2026-11-29"`)) || !bytes.HasSuffix(first, []byte("}\n")) {
		t.Errorf("lock:\n%s", first)
	}
	if got := checkCodes(t, dir, "record/"); len(got) != 0 {
		t.Errorf("after recording: %q", got)
	}

	// Recording again a day later with nothing changed keeps every byte.
	fixedRecordTime(t, time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC))
	code, out, _ = runCmd("record", "--fetch=false", dir)
	second, _ := os.ReadFile(filepath.Join(dir, "fineprint.lock"))
	if code != 0 || out != "fineprint.lock up to date: 1 license file, 0 policies\n" || !bytes.Equal(first, second) {
		t.Errorf("second record = %d %q, lock changed: %v", code, out, !bytes.Equal(first, second))
	}

	// Editing the license makes the record stale.
	if err := os.WriteFile(license, []byte("Example Model License\n\nYou may use the model, but not on Sundays.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{"LICENSE record/stale: LICENSE has changed since it was recorded on 2026-11-29; review what changed before you rely on it again."}
	if got := checkCodes(t, dir, "record/"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after the edit: %q, want %q", got, want)
	}
}

func TestRecordUsage(t *testing.T) {
	noNetwork(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "LICENSE")
	os.WriteFile(file, []byte("x"), 0o644)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"record", dir, dir}, 2, "fineprint: record: one PATH at most, got 2 (see fineprint record --help)\n"},
		{[]string{"record", "--bogus"}, 2, "fineprint: record: flag provided but not defined: -bogus (see fineprint record --help)\n"},
		{[]string{"record", file}, 2, "fineprint: record: " + file + ": not a folder (record works on a workspace root)\n"},
		{[]string{"record", filepath.Join(dir, "missing")}, 2, "fineprint: record: " + filepath.Join(dir, "missing") + ": no such file or directory\n"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(tt.args...)
		if code != tt.code || errOut != tt.stderr {
			t.Errorf("%v = %d %q, want %d %q", tt.args, code, errOut, tt.code, tt.stderr)
		}
	}
	if code, out, _ := runCmd("record", "--help"); code != 0 || !strings.HasPrefix(out, "usage: fineprint record") {
		t.Errorf("--help = %d %q", code, out)
	}
}

func TestRecordRefusesUnreadableLock(t *testing.T) {
	noNetwork(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "LICENSE"), []byte("Example Model License\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "fineprint.lock"), []byte("{\"version\": 7}\n"), 0o644)
	code, _, errOut := runCmd("record", dir)
	if code != 2 || errOut != "fineprint: record: fineprint.lock:1:2: version 7 is not supported (this fineprint writes version 1); fix it, or delete it to record afresh\n" {
		t.Errorf("record = %d %q", code, errOut)
	}
}

// TestRecordWalkthrough runs testdata/record/walkthrough.txtar: a sequence
// of record and check runs against a policy server whose text changes.
func TestRecordWalkthrough(t *testing.T) {
	name, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "record", "walkthrough.txtar"))
	ar, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	for _, f := range ar.Files {
		sections[f.Name] = string(f.Data)
	}
	var mu sync.Mutex
	policy := ""
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path != "/use-policy" || policy == "" {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, policy)
	}))
	defer srv.Close()
	noNetwork(t) // only the test server's own client may connect
	// The policy lives at https://example.com/use-policy, a name the test
	// server's certificate covers; every connection goes to the test server.
	client := srv.Client()
	transport := client.Transport.(*http.Transport).Clone()
	transport.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
	}
	client.Transport = transport
	oldFetch := recordFetchOptions
	recordFetchOptions.Client = client
	t.Cleanup(func() { recordFetchOptions = oldFetch })

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "LICENSE"), []byte(sections["LICENSE"]), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for step := 1; ; step++ {
		n := strconv.Itoa(step)
		args, ok := sections[n+".args"]
		if !ok {
			break
		}
		if body, ok := sections[n+".serve"]; ok {
			mu.Lock()
			policy = body
			mu.Unlock()
		}
		if text, ok := sections[n+".edit"]; ok {
			if err := os.WriteFile("LICENSE", []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		fixedRecordTime(t, time.Date(2026, 11, step, 12, 0, 0, 0, time.UTC))
		got := walkthroughStep(t, strings.Fields(args))
		if want := sections[n+".want"]; got != want {
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == n+".want" {
						ar.Files[i].Data = []byte(got)
					}
				}
				continue
			}
			t.Errorf("step %d (%s) differs:\n--- got\n%s--- want\n%s", step, strings.TrimSpace(args), got, want)
		}
	}
	if *update {
		if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// walkthroughStep runs one command and renders what the walkthrough
// compares.
func walkthroughStep(t *testing.T, args []string) string {
	var b strings.Builder
	if args[0] == "check" {
		args = append([]string{"check", "--format", "json", "--fail-on", "never"}, args[1:]...)
	}
	code, out, errOut := runCmd(args...)
	if args[0] == "check" && code == 0 {
		var rep struct {
			Findings []struct {
				Code, Path, Message, Severity string
				Range                         struct{ Start struct{ Line, Column int } }
				Data                          map[string]any
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("check output: %v\n%s", err, out)
		}
		out = ""
		for _, f := range rep.Findings {
			if !strings.HasPrefix(f.Code, "record/") && !strings.HasPrefix(f.Code, "policy/") {
				continue
			}
			out += fmt.Sprintf("%s:%d:%d %s %s: %s\n", f.Path, f.Range.Start.Line, f.Range.Start.Column, f.Severity, f.Code, f.Message)
			if diff, _ := f.Data["diff"].(string); diff != "" {
				for _, line := range strings.SplitAfter(diff, "\n") {
					if line != "" {
						out += "    |" + line
					}
				}
			}
		}
	}
	b.WriteString(out)
	if errOut != "" {
		b.WriteString("[stderr]\n" + errOut)
	}
	fmt.Fprintf(&b, "[exit %d]\n", code)
	return b.String()
}

// TestRecordAllowHost: --allow-host (repeatable) and FINEPRINT_ALLOW_HOSTS
// name the hosts a fetch may reach on internal addresses (docs/security.md).
func TestRecordAllowHost(t *testing.T) {
	t.Setenv("FINEPRINT_ALLOW_HOSTS", " intranet.example , ,10.0.0.5")
	fetchToo, allow, root, err := parseRecordFlags([]string{"--fetch", "--allow-host", "policies.corp", "dir", "--allow-host=other.corp"})
	if err != nil || !fetchToo || root != "dir" || strings.Join(allow, ",") != "policies.corp,other.corp" {
		t.Fatalf("parse = %v %v %q %v", fetchToo, allow, root, err)
	}
	if got := strings.Join(fetchOptions(allow).AllowHosts, ","); got != "intranet.example,10.0.0.5,policies.corp,other.corp" {
		t.Errorf("allowed hosts %s", got)
	}
	if _, _, _, err := parseRecordFlags([]string{"--allow-host", "https://x/y"}); err == nil {
		t.Error("a URL was accepted as a host")
	}
}
