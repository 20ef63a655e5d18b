//go:build unix

package hostile

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/testbin"
)

// Issue 16 row 10: `fineprint record` killed (SIGKILL) before each rename
// of its commit, for every rename there is. The workspace has three
// recorded licenses that changed and one new one, so the run renames four
// copies; the lock becomes a journal first and is replaced last. After
// each kill:
//   - `fineprint check` sees either the old record whole (killed before the
//     journal: record/stale keeps its diff of every changed license) or
//     reports the interrupted record as a record/invalid error naming the
//     command that completes it, and nothing else about the record;
//   - the next `fineprint record` completes it: the files are exactly those
//     of a run that was never killed (so check finds the record whole), and
//     no temporary file is left.
//
// The kill comes from the binary itself, through its test hook
// FINEPRINT_TEST_KILL_AT_RENAME: steps are counted, nothing is timed.
func TestRecordKilledAtEveryRename(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fineprint binary")
	}
	bin := testbin.Fineprint(t)
	template := t.TempDir()
	for i := 1; i <= 3; i++ {
		writeFile(t, filepath.Join(template, fmt.Sprintf("LICENSE-%d", i)), fmt.Sprintf("Acme Test License %d\n\nYou may use this model.\n", i))
	}
	if out, err := runFineprint(bin, nil, "record", template); err != nil {
		t.Fatalf("first record: %v\n%s", err, out)
	}
	for i := 1; i <= 3; i++ {
		writeFile(t, filepath.Join(template, fmt.Sprintf("LICENSE-%d", i)), fmt.Sprintf("Acme Test License %d, changed\n\nYou may use this model.\n", i))
	}
	writeFile(t, filepath.Join(template, "LICENSE-4"), "Acme Test License 4\n\nYou may use this model.\n")

	before := checkFindings(t, bin, template)
	var stale []string
	for _, f := range before {
		if f.Code == "record/stale" && f.Data["diff"] != nil {
			stale = append(stale, f.Path)
		}
	}
	if !slices.Equal(stale, []string{"LICENSE-1", "LICENSE-2", "LICENSE-3"}) {
		t.Fatalf("before the record, record/stale with a diff on %v, want LICENSE-1..3", stale)
	}
	ref := copyTree(t, template)
	if out, err := runFineprint(bin, nil, "record", ref); err != nil {
		t.Fatalf("record: %v\n%s", err, out)
	}
	want := treeOf(t, ref)
	if after := checkFindings(t, bin, ref); !sameFindings(after, withoutRecord(before)) {
		t.Fatalf("after the record check gives\n%s", show(after))
	}

	interrupted := finding{Code: "record/invalid", Severity: "error", Path: analysis.LockFile,
		Message: "A fineprint record was interrupted while renaming its files, so some recorded copies may be newer than the lock; run fineprint record to complete it."}
	const renames = 6 // the journal, four copies, the lock
	k := 0
	for ; k <= renames; k++ {
		dir := copyTree(t, template)
		out, err := runFineprint(bin, []string{fmt.Sprintf("FINEPRINT_TEST_KILL_AT_RENAME=%d", k)}, "record", dir)
		var ee *exec.ExitError
		if err == nil {
			break // no rename k: every one was tried
		}
		if !errors.As(err, &ee) || !ee.Sys().(syscall.WaitStatus).Signaled() || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("kill at rename %d: %v\n%s", k, err, out)
		}
		got := checkFindings(t, bin, dir)
		wantNow := before
		if k > 0 {
			wantNow = append(withoutRecord(before), interrupted)
		}
		if !sameFindings(got, wantNow) {
			t.Errorf("kill at rename %d: check gives\n%s\nwant\n%s", k, show(got), show(wantNow))
		}
		out, err = runFineprint(bin, nil, "record", dir)
		if err != nil {
			t.Fatalf("kill at rename %d: the next record: %v\n%s", k, err, out)
		}
		if completed := strings.Contains(out, "fineprint.lock completed: an earlier record was interrupted"); completed != (k > 0) {
			t.Errorf("kill at rename %d: the next record says\n%s", k, out)
		}
		tree := treeOf(t, dir)
		for p := range tree {
			if strings.Contains(p, ".tmp-") {
				t.Errorf("kill at rename %d: %s left after the next record", k, p)
			}
		}
		if !equalTrees(tree, want) {
			t.Errorf("kill at rename %d: after the next record the files differ from an uninterrupted record:\n%v\nwant\n%v", k, keys(tree), keys(want))
		}
	}
	if k != renames {
		t.Errorf("the commit made %d renames, want %d", k, renames)
	}
}

func runFineprint(bin string, env []string, args ...string) (string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// finding is what this test compares of `fineprint check --format json`.
type finding struct {
	Code, Severity, Path, Message string
	Data                          map[string]any
}

func checkFindings(t *testing.T, bin, dir string) []finding {
	t.Helper()
	cmd := exec.Command(bin, "check", "--format", "json", "--fail-on", "never", dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("check: %v\n%s", err, out)
	}
	var rep struct{ Findings []finding }
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("check: %v\n%s", err, out)
	}
	return rep.Findings
}

func withoutRecord(fs []finding) []finding {
	var out []finding
	for _, f := range fs {
		if !strings.HasPrefix(f.Code, "record/") && !strings.HasPrefix(f.Code, "policy/") {
			out = append(out, f)
		}
	}
	return out
}

// sameFindings compares code, severity, path and message, and whether a
// diff is attached, in any order.
func sameFindings(a, b []finding) bool {
	key := func(fs []finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, fmt.Sprintf("%s %s %s %s diff=%v", f.Path, f.Severity, f.Code, f.Message, f.Data["diff"] != nil))
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(key(a), key(b))
}

func show(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s %s %s: %s\n", f.Path, f.Severity, f.Code, f.Message)
	}
	return b.String()
}

// recordedDate is the date in a lock entry: runs on either side of
// midnight record different dates for the same files.
var recordedDate = regexp.MustCompile(`"recorded": "\d{4}-\d\d-\d\d"`)

// treeOf maps each regular file under dir to its content.
func treeOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	date := func(s string) string { return recordedDate.ReplaceAllString(s, `"recorded": "DATE"`) }
	for p, text := range a {
		if other, ok := b[p]; !ok || date(other) != date(text) {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// copyTree copies the regular files and folders of dir into a new
// temporary folder.
func copyTree(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	for p, text := range treeOf(t, dir) {
		mkdir(t, filepath.Join(to, filepath.Dir(filepath.FromSlash(p))))
		writeFile(t, filepath.Join(to, filepath.FromSlash(p)), text)
	}
	return to
}
