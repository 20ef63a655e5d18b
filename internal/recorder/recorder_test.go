package recorder

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/fetch"
	"github.com/fineprint-dev/fineprint/workspace"
)

var (
	day1 = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 11, 15, 9, 0, 0, 0, time.UTC)
	day3 = time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
)

// policyServer serves a policy whose text the test can change.
type policyServer struct {
	mu   sync.Mutex
	body string
	*httptest.Server
}

func newPolicyServer(t *testing.T, body string) *policyServer {
	ps := &policyServer{body: body}
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/use-policy" {
			http.NotFound(w, r)
			return
		}
		ps.mu.Lock()
		defer ps.mu.Unlock()
		fmt.Fprint(w, ps.body)
	}))
	t.Cleanup(ps.Close)
	return ps
}

func (ps *policyServer) set(body string) {
	ps.mu.Lock()
	ps.body = body
	ps.mu.Unlock()
}

// workspaceAt writes a license referring to url and loads the workspace with
// a result that holds the clause/policy-by-reference finding the clause
// detector would report.
func load(t *testing.T, root, url string) (*analysis.Snapshot, *analysis.Result) {
	t.Helper()
	snap, _, err := workspace.Load(root, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := &analysis.Result{}
	res.SetFindings([]analysis.Finding{{Code: "clause/policy-by-reference", Path: "LICENSE",
		Span: analysis.Span{Start: 0, End: 10}, Data: map[string]any{"url": url}}})
	return snap, res
}

func setup(t *testing.T, url string) string {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "LICENSE"), []byte("Example Model License\n\nFollow the policy at "+url+".\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func read(t *testing.T, root, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func codes(fs []analysis.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func TestFetchRecordAndChange(t *testing.T) {
	ps := newPolicyServer(t, "# Use policy\n\nNo spam.\nNo malware.\n")
	url := ps.URL + "/use-policy"
	copyPath := record.PolicyPath(url)
	archive := record.ArchivePath(url, day1)
	root := setup(t, url)
	opts := func(now time.Time, fetchToo bool) Options {
		return Options{Fetch: fetchToo, Now: now, FetchOptions: fetch.Options{Client: ps.Client()}}
	}
	a := analysis.New()

	// First record: the copy and the lock.
	snap, res := load(t, root, url)
	rep, err := Record(context.Background(), root, snap, res, opts(day1, true))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{copyPath, record.LicenseCopyPath("LICENSE"), analysis.LockFile}; !reflect.DeepEqual(rep.Written, want) {
		t.Errorf("written = %v, want %v", rep.Written, want)
	}
	if got, want := read(t, root, copyPath), string(record.NewCopy(url, day1, []byte("# Use policy\n\nNo spam.\nNo malware.\n"))); got != want {
		t.Errorf("copy = %q, want %q", got, want)
	}
	lock1 := read(t, root, analysis.LockFile)
	snap, res = load(t, root, url)
	if fs := a.RecordFindings(snap, res); len(fs) != 0 {
		t.Errorf("after recording: %v", codes(fs))
	}

	// Again with nothing changed: nothing written, the same lock.
	rep, err = Record(context.Background(), root, snap, res, opts(day2, true))
	if err != nil || len(rep.Written) != 0 || read(t, root, analysis.LockFile) != lock1 {
		t.Fatalf("second record wrote %v (err %v)", rep.Written, err)
	}

	// The policy changes upstream: the fetch keeps the recorded text as a
	// dated copy and does not accept the new one.
	ps.set("# Use policy\n\nNo spam.\nNo weapons.\n")
	rep, err = Record(context.Background(), root, snap, res, opts(day2, true))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{archive, copyPath, analysis.LockFile}; !reflect.DeepEqual(rep.Written, want) || !reflect.DeepEqual(rep.Changed, []string{url}) {
		t.Errorf("written %v changed %v", rep.Written, rep.Changed)
	}
	snap, res = load(t, root, url)
	fs := a.RecordFindings(snap, res)
	if len(fs) != 1 || fs[0].Code != "policy/changed" || fs[0].Path != copyPath {
		t.Fatalf("after the change: %+v", fs)
	}
	if want := "…\n  \n  No spam.\n- No malware.\n+ No weapons.\n"; fs[0].Data["diff"] != want {
		t.Errorf("diff = %q, want %q", fs[0].Data["diff"], want)
	}
	if !strings.Contains(fs[0].Message, "differs from the copy recorded on 2026-11-01") {
		t.Errorf("message = %q", fs[0].Message)
	}

	// Fetching again does not accept it either; a plain record does.
	if rep, err = Record(context.Background(), root, snap, res, opts(day3, true)); err != nil || len(rep.Written) != 0 {
		t.Errorf("re-fetch wrote %v (err %v)", rep.Written, err)
	}
	if _, err = Record(context.Background(), root, snap, res, opts(day3, false)); err != nil {
		t.Fatal(err)
	}
	snap, res = load(t, root, url)
	if fs := a.RecordFindings(snap, res); len(fs) != 0 {
		t.Errorf("after accepting: %v", codes(fs))
	}
	lock, _ := record.Parse([]byte(read(t, root, analysis.LockFile)))
	if e := lock.Policy(url); e == nil || e.Path != copyPath || e.Retrieved != "2026-11-15T09:00:00Z" {
		t.Errorf("accepted entry = %+v", e)
	}
}

func TestFetchFailureRecordsTheRest(t *testing.T) {
	ps := newPolicyServer(t, "x")
	url := ps.URL + "/gone"
	root := setup(t, url)
	snap, res := load(t, root, url)
	written, err := RecordWorkspaceWith(root, snap, res, ps.Client())
	if err == nil || err.Error() != "fetch "+url+": server answered 404 Not Found" {
		t.Errorf("error = %v", err)
	}
	if !reflect.DeepEqual(written, []string{record.LicenseCopyPath("LICENSE"), analysis.LockFile}) {
		t.Errorf("written = %v", written)
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(record.PolicyPath(url)))); !os.IsNotExist(err) {
		t.Errorf("a failed fetch left a copy: %v", err)
	}
}

// RecordWorkspaceWith is RecordWorkspace with a test client.
func RecordWorkspaceWith(root string, snap *analysis.Snapshot, res *analysis.Result, c *http.Client) ([]string, error) {
	rep, err := Record(context.Background(), root, snap, res, Options{Fetch: true, Now: day1, FetchOptions: fetch.Options{Client: c}})
	if err == nil && len(rep.Failures) > 0 {
		err = rep.Failures[0]
	}
	return rep.Written, err
}

func TestUnreadableLockIsNotOverwritten(t *testing.T) {
	root := setup(t, "https://example.test/p")
	if err := os.WriteFile(filepath.Join(root, analysis.LockFile), []byte("{oops"), 0o644); err != nil {
		t.Fatal(err)
	}
	snap, res := load(t, root, "https://example.test/p")
	written, err := RecordWorkspace(root, snap, res, false, day1)
	if err == nil || !strings.HasPrefix(err.Error(), "fineprint.lock:1:2: invalid character 'o'") || written != nil {
		t.Errorf("RecordWorkspace = %v, %v", written, err)
	}
	if read(t, root, analysis.LockFile) != "{oops" {
		t.Error("the unreadable lock was overwritten")
	}
}

func TestFetchOnly(t *testing.T) {
	ps := newPolicyServer(t, "# Use policy\n")
	url := ps.URL + "/use-policy"
	root := setup(t, url)
	snap, res := load(t, root, url)
	rep, err := Record(context.Background(), root, snap, res, Options{Fetch: true, Only: []string{"https://other.test/p"}, Now: day1, FetchOptions: fetch.Options{Client: ps.Client()}})
	if err != nil || len(rep.Fetched) != 0 || !reflect.DeepEqual(rep.Missing, []string{url}) {
		t.Errorf("Record with Only = %+v, %v", rep, err)
	}
	rep, err = Record(context.Background(), root, snap, res, Options{Fetch: true, Only: []string{url}, Now: day1, FetchOptions: fetch.Options{Client: ps.Client()}})
	if err != nil || !reflect.DeepEqual(rep.Fetched, []string{url}) || len(rep.Lock.Policies) != 1 {
		t.Errorf("Record with Only = %+v, %v", rep, err)
	}
}

// Each recorded license is kept as recorded, so that record/stale can show
// what changed; recording policies only never accepts a license change.
func TestLicenseCopies(t *testing.T) {
	ps := newPolicyServer(t, "# Use policy\n")
	url := ps.URL + "/use-policy"
	root := setup(t, url)
	first := read(t, root, "LICENSE")
	snap, res := load(t, root, url)
	if _, err := Record(context.Background(), root, snap, res, Options{Now: day1}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, root, record.LicenseCopyPath("LICENSE")); got != first {
		t.Fatalf("copy = %q, want the license as recorded", got)
	}
	lock1 := read(t, root, analysis.LockFile)

	if err := os.WriteFile(filepath.Join(root, "LICENSE"), []byte(first+"New clause.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	snap, res = load(t, root, url)
	rep, err := Record(context.Background(), root, snap, res, Options{Fetch: true, PoliciesOnly: true, Only: []string{url}, Now: day2, FetchOptions: fetch.Options{Client: ps.Client()}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{record.PolicyPath(url), analysis.LockFile}; !reflect.DeepEqual(rep.Written, want) {
		t.Errorf("policies only wrote %v, want %v", rep.Written, want)
	}
	lock, _ := record.Parse([]byte(read(t, root, analysis.LockFile)))
	old, _ := record.Parse([]byte(lock1))
	if !reflect.DeepEqual(lock.Licenses, old.Licenses) || len(lock.Policies) != 1 {
		t.Errorf("policies only changed the licenses: %+v", lock)
	}
	if read(t, root, record.LicenseCopyPath("LICENSE")) != first {
		t.Error("policies only rewrote the license copy")
	}
	snap, res = load(t, root, url)
	fs := analysis.New().RecordFindings(snap, res)
	if len(fs) != 1 || fs[0].Code != "record/stale" || fs[0].Data["diff"] != "…\n  \n  Follow the policy at "+url+".\n+ New clause.\n" {
		t.Errorf("after the edit: %+v", fs)
	}

	// A plain record accepts the new text, in the lock and the copy.
	if _, err := Record(context.Background(), root, snap, res, Options{Now: day3}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, root, record.LicenseCopyPath("LICENSE")); got != first+"New clause.\n" {
		t.Errorf("copy after accepting = %q", got)
	}
}

func TestRecordPolicy(t *testing.T) {
	offline := &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, fmt.Errorf("network is unreachable")
	})}
	const url = "https://example.com/use-policy" // clause detection does not see a .test URL
	root := t.TempDir()
	license := "Example Model Community License Agreement\n\n1. Use Policy. Your use of the Example Model must comply with the Acceptable Use Policy at " + url + ", which is hereby incorporated by reference into this Agreement.\n"
	if err := os.WriteFile(filepath.Join(root, "LICENSE"), []byte(license), 0o644); err != nil {
		t.Fatal(err)
	}
	now := day1
	copyPath := record.PolicyPath(url)

	if _, err := RecordPolicy(context.Background(), root, "https://elsewhere.test/x", Options{Now: now}); err == nil || err.Error() != "no license in the workspace refers to https://elsewhere.test/x" {
		t.Errorf("an unreferenced URL: %v", err)
	}
	out, err := RecordPolicy(context.Background(), root, url, Options{Now: now, FetchOptions: fetch.Options{Client: offline}})
	if err != nil || out.Created != copyPath || len(out.Failures) != 1 || !reflect.DeepEqual(out.Written, []string{copyPath}) {
		t.Fatalf("offline = %+v, %v", out, err)
	}
	if got := read(t, root, copyPath); got != record.CopyHeader(url, now, true) {
		t.Errorf("offline copy = %q", got)
	}
	// What the user pasted is never overwritten by a second offline try.
	pasted := record.CopyHeader(url, now, true) + "Pasted policy.\n"
	if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(copyPath)), []byte(pasted), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = RecordPolicy(context.Background(), root, url, Options{Now: day2, FetchOptions: fetch.Options{Client: offline}})
	if err != nil || out.Created != "" || read(t, root, copyPath) != pasted {
		t.Errorf("second offline try = %+v, %v", out, err)
	}
	if _, err := os.Stat(filepath.Join(root, analysis.LockFile)); err == nil {
		lock, _ := record.Parse([]byte(read(t, root, analysis.LockFile)))
		if len(lock.Licenses) != 0 {
			t.Errorf("recordPolicy recorded a license: %+v", lock)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// A run that rewrites only a copy (one deleted by hand) still ends its
// commit with a lock: the same bytes as before, with no pending list, and
// only the copy is reported as written.
func TestCopyAloneEndsWithTheSameLock(t *testing.T) {
	root, _, _ := recordedOnce(t)
	lock := read(t, root, analysis.LockFile)
	if err := os.Remove(filepath.Join(root, filepath.FromSlash(record.LicenseCopyPath("LICENSE")))); err != nil {
		t.Fatal(err)
	}
	var steps []int
	snap, res := load(t, root, "https://example.com/use-policy")
	rep, err := Record(context.Background(), root, snap, res, Options{Now: day2, BeforeRename: func(k int) { steps = append(steps, k) }})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{record.LicenseCopyPath("LICENSE")}; !reflect.DeepEqual(rep.Written, want) {
		t.Errorf("wrote %v, want %v", rep.Written, want)
	}
	if got := read(t, root, analysis.LockFile); got != lock {
		t.Errorf("the lock changed:\n%s\nwant\n%s", got, lock)
	}
	if !reflect.DeepEqual(steps, []int{0, 1, 2}) { // the journal, the copy, the lock
		t.Errorf("renames %v, want [0 1 2]", steps)
	}
}

// An interrupted record whose staged files are gone (deleted by hand)
// cannot be completed: the lock keeps its old entries without the pending
// list, and the run says it found an interrupted record.
func TestInterruptedRecordWithoutItsFiles(t *testing.T) {
	root, snap, res := recordedOnce(t)
	old := read(t, root, analysis.LockFile)
	l, _ := record.Parse([]byte(old))
	l.Pending = []record.Rename{{Staged: ".fineprint/licenses/.LICENSE.tmp-1", Path: ".fineprint/licenses/LICENSE"}, {Staged: ".fineprint.lock.tmp-2", Path: analysis.LockFile}}
	if err := os.WriteFile(filepath.Join(root, analysis.LockFile), record.Marshal(l), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Record(context.Background(), root, snap, res, Options{Now: day2})
	if err != nil || !rep.Interrupted || len(rep.Completed) != 0 {
		t.Fatalf("record = %+v, %v; want an interrupted record with nothing to rename", rep, err)
	}
	if got := read(t, root, analysis.LockFile); got != old {
		t.Errorf("lock:\n%s\nwant the old one:\n%s", got, old)
	}
}

// recordedOnce is a workspace recorded on day1, its snapshot and result.
func recordedOnce(t *testing.T) (string, *analysis.Snapshot, *analysis.Result) {
	t.Helper()
	root := setup(t, "https://example.com/use-policy")
	snap, res := load(t, root, "https://example.com/use-policy")
	if _, err := Record(context.Background(), root, snap, res, Options{Now: day1}); err != nil {
		t.Fatal(err)
	}
	return root, snap, res
}
