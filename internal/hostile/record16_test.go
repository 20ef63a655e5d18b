//go:build unix

package hostile

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/fetch"
	"github.com/fineprint-dev/fineprint/internal/recorder"
	"github.com/fineprint-dev/fineprint/workspace"
)

var recordDay = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// fakeDNS resolves every name to 127.0.0.1, where the test's policy server
// listens: what a name like 127.0.0.1.nip.io does on the real internet.
type fakeDNS struct{}

func (fakeDNS) LookupHost(context.Context, string) ([]string, error) {
	return []string{"127.0.0.1"}, nil
}

// policyServer serves policies on 127.0.0.1 and counts the requests.
func policyServer(t *testing.T) (srv *httptest.Server, port string, hits *atomic.Int64) {
	hits = &atomic.Int64{}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<h1>Policy at %s</h1>\n", r.URL.Path)
	})
	mux.HandleFunc("/secret", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "AWS_SECRET=hunter2\n")
	})
	mux.HandleFunc("/to-loopback", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "http://127.0.0.1:"+port+"/secret", http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte("\x00\x01\x02 not a policy"))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	_, port, _ = net.SplitHostPort(srv.Listener.Addr().String())
	return srv, port, hits
}

// recordWorkspace writes a license referring to urls and records it with
// --fetch through the default (guarded) client.
func recordWorkspace(t *testing.T, dir string, urls []string, fo fetch.Options, max int) (recorder.Report, error) {
	t.Helper()
	var b strings.Builder
	b.WriteString("Acme Test License\n\n")
	for _, u := range urls {
		fmt.Fprintf(&b, "Use of the model must comply with the use policy at %s (the policy).\n", u)
	}
	writeFile(t, filepath.Join(dir, "LICENSE"), b.String())
	fo.Resolver = fakeDNS{}
	return recorder.RecordFolder(context.Background(), dir, recorder.Options{Fetch: true, Now: recordDay, FetchOptions: fo, MaxPolicies: max})
}

func policyFiles(t *testing.T, dir string) []string {
	entries, _ := os.ReadDir(filepath.Join(dir, record.PoliciesDir))
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// Issue 16 row 3: policy URLs that lead to internal addresses (a name
// resolving to 127.0.0.1, a redirect to 127.0.0.1 or to the cloud metadata
// address) are refused when dialled; nothing is saved. Allowing the first
// host by name does not allow where it redirects.
func TestFetchRefusesInternalAddresses(t *testing.T) {
	_, port, hits := policyServer(t)
	for _, c := range []struct {
		name, url string
		allow     []string
		refused   string
	}{
		{"name resolving to loopback", "http://127.0.0.1.nip.io:" + port + "/secret", nil, "refused to connect to 127.0.0.1"},
		{"redirect to loopback", "http://policy.example.com:" + port + "/to-loopback", []string{"policy.example.com"}, "refused to connect to 127.0.0.1"},
		{"redirect to metadata", "http://policy.example.com:" + port + "/to-metadata", []string{"policy.example.com"}, "refused to connect to 169.254.169.254"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			before := hits.Load()
			rep, err := recordWorkspace(t, dir, []string{c.url}, fetch.Options{AllowHosts: c.allow}, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Failures) != 1 || !strings.Contains(rep.Failures[0].Error(), c.refused) {
				t.Fatalf("failures %v, want one saying %q", rep.Failures, c.refused)
			}
			if files := policyFiles(t, dir); len(files) != 0 {
				t.Errorf("saved %v", files)
			}
			// Only the allowed first hop reached the server.
			if got, want := hits.Load()-before, int64(len(c.allow)); got != want {
				t.Errorf("%d requests reached the server, want %d", got, want)
			}
		})
	}
}

// Issue 16 rows 4 and 14: two URLs whose readable copy names collide
// ("/aup/okpolicy", "/aup-okpolicy") get one copy file each, each naming
// its own URL; ports stay in URLs and names. A second fetch finds nothing
// changed.
func TestPolicyCopiesOnePerURL(t *testing.T) {
	_, port, _ := policyServer(t)
	dir := t.TempDir()
	urls := []string{"http://policy.example.com:" + port + "/aup/okpolicy", "http://policy.example.com:" + port + "/aup-okpolicy"}
	fo := fetch.Options{AllowHosts: []string{"policy.example.com"}}
	rep, err := recordWorkspace(t, dir, urls, fo, 0)
	if err != nil || len(rep.Failures) > 0 {
		t.Fatalf("record: %v %v", err, rep.Failures)
	}
	if len(rep.Lock.Policies) != 2 || rep.Lock.Policies[0].Path == rep.Lock.Policies[1].Path {
		t.Fatalf("lock policies %+v, want two with their own copies", rep.Lock.Policies)
	}
	for _, e := range rep.Lock.Policies {
		if !strings.Contains(e.URL, ":"+port+"/") || !strings.Contains(e.Path, "-"+port+"-") {
			t.Errorf("the port is lost: %s in %s", e.URL, e.Path)
		}
		text, err := os.ReadFile(filepath.Join(dir, e.Path))
		if err != nil {
			t.Fatal(err)
		}
		c := record.ParseCopy(text)
		path := strings.TrimPrefix(e.URL, "http://policy.example.com:"+port)
		if c.URL != e.URL || !strings.Contains(string(c.Body), "Policy at "+path) || record.Sum(c.Body) != e.SHA256 {
			t.Errorf("%s holds %q for %s", e.Path, text, e.URL)
		}
	}
	rep, err = recordWorkspace(t, dir, urls, fo, 0)
	if err != nil || len(rep.Changed) > 0 || len(rep.Failures) > 0 {
		t.Errorf("second fetch: %v changed %v failures %v", err, rep.Changed, rep.Failures)
	}
}

// Issue 16 rows 6 and 15: at most MaxPolicies downloads per run, the rest
// reported once; a binary body is refused with a clear line and not
// counted as recorded.
func TestPolicyFetchBounds(t *testing.T) {
	_, port, hits := policyServer(t)
	var urls []string
	for i := 0; i < 30; i++ {
		urls = append(urls, fmt.Sprintf("http://policy.example.com:%s/p%d", port, i))
	}
	dir := t.TempDir()
	fo := fetch.Options{AllowHosts: []string{"policy.example.com"}}
	rep, err := recordWorkspace(t, dir, urls, fo, 10)
	if err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 10 || len(rep.Failures) != 1 || rep.Failures[0].Error() != "20 more policies were not downloaded: at most 10 per run" {
		t.Errorf("%d requests, failures %v", hits.Load(), rep.Failures)
	}

	dir = t.TempDir()
	rep, err = recordWorkspace(t, dir, []string{"http://policy.example.com:" + port + "/binary"}, fo, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failures) != 1 || !strings.Contains(rep.Failures[0].Error(), "the server sent application/octet-stream, not text") {
		t.Errorf("failures %v", rep.Failures)
	}
	if len(rep.Lock.Policies) != 0 || len(policyFiles(t, dir)) != 0 {
		t.Errorf("a binary policy was recorded: %+v", rep.Lock.Policies)
	}
}

// Issue 16 row 9: .fineprint/licenses as a link to a folder of the
// repository. record refuses to write through it, names the path once,
// and leaves the folder's files alone.
func TestRecordWritesNoLinks(t *testing.T) {
	dir := t.TempDir()
	mkdir(t, filepath.Join(dir, "vendor", "lib"))
	writeFile(t, filepath.Join(dir, "vendor", "lib", "LICENSE"), "vendored\n")
	mkdir(t, filepath.Join(dir, ".fineprint"))
	symlink(t, "../vendor/lib", filepath.Join(dir, ".fineprint", "licenses"))
	writeFile(t, filepath.Join(dir, "LICENSE"), plainLicense)
	_, err := recorder.RecordFolder(context.Background(), dir, recorder.Options{Now: recordDay})
	if err == nil || !strings.Contains(err.Error(), ".fineprint/licenses is a symbolic link") {
		t.Fatalf("record = %v, want a refusal naming the link", err)
	}
	if n := strings.Count(err.Error(), ".fineprint/licenses/LICENSE"); n != 1 {
		t.Errorf("the path appears %d times in %q", n, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "vendor", "lib", "LICENSE")); string(b) != "vendored\n" {
		t.Errorf("vendor/lib/LICENSE overwritten: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, analysis.LockFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a lock was written although its copies were not: %v", err)
	}
}

// Issue 16 row 10: a record that fails part way (here the 30th copy cannot
// be written) leaves every recorded copy and the lock as they were, and no
// temporary file; temporary files an earlier, killed run left are removed.
func TestRecordCommitsTogether(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 30; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("LICENSE-%02d", i)), fmt.Sprintf("Acme Test License %d\n\nYou may use this model.\n", i))
	}
	if err := recordAt(dir); err != nil {
		t.Fatal(err)
	}
	snapshot := func() map[string]string {
		out := map[string]string{}
		filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.Mode().IsRegular() {
				b, _ := os.ReadFile(p)
				out[strings.TrimPrefix(p, dir+"/")] = string(b)
			}
			return nil
		})
		return out
	}
	for i := 0; i < 30; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("LICENSE-%02d", i)), fmt.Sprintf("Acme Test License %d, changed\n\nYou may use this model.\n", i))
	}
	// Stale temporary files of a killed run.
	writeFile(t, filepath.Join(dir, ".fineprint", "licenses", ".LICENSE-03.tmp-123"), "half")
	writeFile(t, filepath.Join(dir, ".fineprint.lock.tmp-456"), "half")
	// The last copy's place is taken by a folder: its write fails.
	last := filepath.Join(dir, ".fineprint", "licenses", "LICENSE-29")
	if err := os.Remove(last); err != nil {
		t.Fatal(err)
	}
	mkdir(t, last)
	before := snapshot()
	delete(before, ".fineprint/licenses/.LICENSE-03.tmp-123")
	delete(before, ".fineprint.lock.tmp-456")
	if err := recordAt(dir); err == nil {
		t.Fatal("record succeeded although a copy could not be written")
	}
	after := snapshot()
	for p, text := range before {
		if after[p] != text {
			t.Errorf("%s changed by a failed record", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s left behind", p)
		}
	}
}

// Issue 16, smaller items: a lock with a byte order mark reads; a lock
// with merge-conflict markers is record/invalid, an error by default (so
// CI fails), at its line; a notebook that is not JSON is reported.
func TestBrokenRecordAndNotebookFindings(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "LICENSE"), plainLicense)
	if err := recordAt(dir); err != nil {
		t.Fatal(err)
	}
	lock, _ := os.ReadFile(filepath.Join(dir, analysis.LockFile))
	writeFile(t, filepath.Join(dir, analysis.LockFile), "\xef\xbb\xbf"+string(lock))
	writeFile(t, filepath.Join(dir, "broken.ipynb"), "<<<<<<< HEAD\n")
	res := analyzeDir(t, dir)
	for _, f := range res.Findings() {
		if f.Code == "record/invalid" || f.Code == "record/unrecorded" {
			t.Errorf("a lock with a byte order mark: %s %s", f.Code, f.Message)
		}
	}
	if !hasFinding(res, "broken.ipynb", "manifest/unreadable", analysis.SeverityWarning) {
		t.Error("a notebook that is not JSON gave no finding")
	}
	writeFile(t, filepath.Join(dir, analysis.LockFile), "<<<<<<< HEAD\n"+string(lock)+"=======\n>>>>>>> branch\n")
	if res := analyzeDir(t, dir); !hasFinding(res, analysis.LockFile, "record/invalid", analysis.SeverityError) {
		t.Error("a lock with conflict markers is not a record/invalid error")
	}
}

func analyzeDir(t *testing.T, dir string) *analysis.Result {
	t.Helper()
	snap, _, err := workspace.Load(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return analysis.New().Analyze(context.Background(), snap)
}

func hasFinding(res *analysis.Result, path, code string, sev analysis.Severity) bool {
	for _, f := range res.Findings() {
		if f.Path == path && f.Code == code && f.Severity == sev {
			return true
		}
	}
	return false
}

// Issue 16 row 10, the other side: the pending list of an interrupted
// record comes from the repository, so a hostile one must not make
// `fineprint record` rename anything fineprint would not write itself: a
// file outside .fineprint/, a file that is not a staged name beside its
// target, a path with "..", or a link.
func TestHostilePendingListRenamesNothing(t *testing.T) {
	for _, c := range []struct {
		name, staged, path, refusal string
	}{
		{"outside .fineprint", "vendor/lib/.LICENSE.tmp-1", "vendor/lib/LICENSE", "fineprint does not write there"},
		{"not a staged name", "vendor/lib/LICENSE", ".fineprint/licenses/LICENSE", "not a staged file of .fineprint/licenses/LICENSE"},
		{"climbing out", ".fineprint/../vendor/lib/.LICENSE.tmp-1", ".fineprint/../vendor/lib/LICENSE", `path leads outside the workspace ("..")`},
		{"a link", ".fineprint/licenses/.LICENSE.tmp-link", ".fineprint/licenses/LICENSE", "not a regular file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "LICENSE"), plainLicense)
			mkdir(t, filepath.Join(dir, "vendor", "lib"))
			writeFile(t, filepath.Join(dir, "vendor", "lib", "LICENSE"), "vendored\n")
			writeFile(t, filepath.Join(dir, "vendor", "lib", ".LICENSE.tmp-1"), "evil\n")
			mkdir(t, filepath.Join(dir, ".fineprint", "licenses"))
			symlink(t, "../../vendor/lib/LICENSE", filepath.Join(dir, ".fineprint", "licenses", ".LICENSE.tmp-link"))
			writeFile(t, filepath.Join(dir, ".fineprint.lock.tmp-2"), "{}\n")
			lock := record.Lock{Pending: []record.Rename{{Staged: c.staged, Path: c.path}, {Staged: ".fineprint.lock.tmp-2", Path: analysis.LockFile}}}
			writeBytes(t, filepath.Join(dir, analysis.LockFile), record.Marshal(lock))
			_, err := recorder.RecordFolder(context.Background(), dir, recorder.Options{Now: recordDay})
			if err == nil || !strings.Contains(err.Error(), c.refusal) {
				t.Fatalf("record = %v, want a refusal saying %q", err, c.refusal)
			}
			for p, want := range map[string]string{"vendor/lib/LICENSE": "vendored\n", "vendor/lib/.LICENSE.tmp-1": "evil\n", ".fineprint.lock.tmp-2": "{}\n"} {
				if b, _ := os.ReadFile(filepath.Join(dir, p)); string(b) != want {
					t.Errorf("%s is now %q", p, b)
				}
			}
			if _, err := os.Lstat(filepath.Join(dir, ".fineprint", "licenses", "LICENSE")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf(".fineprint/licenses/LICENSE was written: %v", err)
			}
		})
	}
}
