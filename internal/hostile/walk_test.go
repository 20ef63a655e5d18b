//go:build unix

package hostile

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/glob"
	"github.com/fineprint-dev/fineprint/report"
	"github.com/fineprint-dev/fineprint/workspace"
)

// Issue 16 row 1: two symbolic links per folder down a chain of 32
// folders is 2^32 paths to a walk that only checks the path it is on. Each
// real folder is listed once, so the walk lists the 33 folders and skips
// each link after the first into a folder: work linear in the folders.
func TestLinkChainWalksEachFolderOnce(t *testing.T) {
	dir := t.TempDir()
	const depth = 32
	for i := 0; i < depth; i++ {
		d := filepath.Join(dir, "chain", fmt.Sprintf("n%02d", i))
		mkdir(t, d)
		next := fmt.Sprintf("../n%02d", i+1)
		if i == depth-1 {
			next = "../n00"
		}
		symlink(t, next, filepath.Join(d, "a"))
		symlink(t, next, filepath.Join(d, "b"))
	}
	writeFile(t, filepath.Join(dir, "chain", "n31", "LICENSE"), plainLicense)
	var st workspace.Stats
	snap, skips, err := workspace.Load(dir, workspace.Options{Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	// The root, chain/ and the 32 links.
	if want := depth + 2; st.Dirs != want {
		t.Errorf("listed %d folders, want %d (each real folder once)", st.Dirs, want)
	}
	licenses := 0
	for _, d := range snap.Docs {
		if strings.HasSuffix(d.Path, "LICENSE") {
			licenses++
		}
	}
	if licenses != 1 {
		t.Errorf("the one LICENSE was read as %d documents", licenses)
	}
	if len(skips) != 2*depth {
		t.Errorf("%d skips, want one per link (%d)", len(skips), 2*depth)
	}
	for _, s := range skips {
		if !strings.Contains(s.Reason, "folder already read as chain/") && s.Reason != "symbolic link loop" {
			t.Errorf("skip %s: %s", s.Path, s.Reason)
		}
	}
}

// Issue 16 row 1 and 2: the walk stops when its context is cancelled (the
// server's shutdown, Ctrl-C): cancelled after the first file, it lists no
// more folders.
func TestWalkStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 50; i++ {
		mkdir(t, filepath.Join(dir, fmt.Sprintf("p%02d", i)))
		writeFile(t, filepath.Join(dir, fmt.Sprintf("p%02d", i), "LICENSE"), plainLicense)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var st workspace.Stats
	_, _, err := workspace.Load(dir, workspace.Options{Context: ctx, Stats: &st, Progress: func(int) { cancel() }})
	if err != context.Canceled {
		t.Fatalf("Load = %v, want context.Canceled", err)
	}
	// The root and the folder of the first file.
	if st.Dirs > 2 || st.Files > 1 {
		t.Errorf("after the cancel the walk went on: %d folders listed, %d files read", st.Dirs, st.Files)
	}
}

// Issue 16 row 2: a 75-byte profile with twenty "**" in an ignore glob over
// a 12-deep folder. The matcher advances a set of glob positions, one path
// segment at a time: its steps are bounded by glob segments times path
// segments, per path.
func TestIgnoreGlobIsLinear(t *testing.T) {
	g := strings.Repeat("**/", 20) + "x/y"
	p := strings.Repeat("d/", 12) + "LICENSE"
	ok, steps := glob.Compile(g).MatchSteps(p)
	if ok {
		t.Fatalf("%s matched %s", g, p)
	}
	if bound := 3 * 13; steps > bound { // "**" runs collapse: 3 segments
		t.Errorf("MatchSteps took %d steps, bound %d", steps, bound)
	}
	dir := t.TempDir()
	nest(t, dir, 12)
	writeFile(t, filepath.Join(dir, strings.Repeat("d/", 12)+"LICENSE"), plainLicense)
	var st workspace.Stats
	snap, _, err := workspace.Load(dir, workspace.Options{Ignore: []string{g}, Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	if !hasDoc(snap, strings.Repeat("d/", 12)+"LICENSE") {
		t.Error("the deep LICENSE was not read")
	}
	// 14 paths (LICENSE-OK is absent here: 12 folders, the LICENSE), each
	// at most 3 glob segments times 13 path segments.
	if bound := 13 * 3 * 13; st.GlobSteps > bound {
		t.Errorf("ignore globs took %d steps, bound %d", st.GlobSteps, bound)
	}
	t.Logf("glob steps: %d", st.GlobSteps)
}

// Issue 16 row 6: 500 symbolic links to one 1 MiB license. The file is
// read from disk once; the analysed bytes stop at the workspace cap, which
// is reported once.
func TestLinksToOneFileHitTheByteCap(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("Acme Test License. You may use this model.\n", (1<<20)/43)
	writeFile(t, filepath.Join(dir, "LICENSE"), big)
	for i := 0; i < 500; i++ {
		symlink(t, "LICENSE", filepath.Join(dir, fmt.Sprintf("LICENSE-%03d", i)))
	}
	const cap = 8 << 20
	var st workspace.Stats
	snap, skips, err := workspace.Load(dir, workspace.Options{MaxBytes: cap, Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	if st.BytesRead != int64(len(big)) {
		t.Errorf("read %d bytes from disk, want %d (the file once)", st.BytesRead, len(big))
	}
	if st.Bytes > cap || len(snap.Docs) != cap/len(big) {
		t.Errorf("%d bytes in %d documents, cap %d", st.Bytes, len(snap.Docs), cap)
	}
	capSkips := 0
	for _, s := range skips {
		if strings.Contains(s.Reason, "workspace limit of 8388608 bytes reached") {
			capSkips++
		}
	}
	if capSkips != 1 || len(skips) != 1 {
		t.Errorf("%d skips, %d of them the cap; want the cap reported once: %v", len(skips), capSkips, skips)
	}
}

// Issue 16 row 6: 100 sparse 64 MiB GGUF files whose header is a few bytes.
// Only the first 64 KiB of each is read: the read grows only while the
// header goes on.
func TestSparseGGUFReadsTheHeaderOnly(t *testing.T) {
	dir := t.TempDir()
	kv := ggufString("general.license")
	kv = append(kv, 8, 0, 0, 0) // string
	kv = append(kv, ggufString("apache-2.0")...)
	header := ggufHeader(1, kv)
	for i := 0; i < 100; i++ {
		p := filepath.Join(dir, fmt.Sprintf("m%03d.gguf", i))
		writeBytes(t, p, header)
		if err := os.Truncate(p, 64<<20); err != nil {
			t.Fatal(err)
		}
	}
	var st workspace.Stats
	snap, _, err := workspace.Load(dir, workspace.Options{Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Docs) != 100 {
		t.Fatalf("%d documents, want 100", len(snap.Docs))
	}
	if bound := int64(100 * 64 << 10); st.BytesRead > bound {
		t.Errorf("read %d bytes, bound %d", st.BytesRead, bound)
	}
	res := analysis.New().Analyze(context.Background(), snap)
	for _, f := range res.Findings() {
		if f.Code == "manifest/unreadable" {
			t.Errorf("%s: %s", f.Path, f.Message)
		}
	}
}

// Issue 16 row 6: 60 hard links to a Python file with 2,000 loader calls
// of distinct unknown models. The file is read from disk once, and the
// findings stop at the profile's limits.findings.
func TestHardLinksHitTheFindingsCap(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("from transformers import AutoModel\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "AutoModel.from_pretrained(\"nobody%d/model%d\")\n", i, i)
	}
	writeFile(t, filepath.Join(dir, "app.py"), b.String())
	for i := 0; i < 60; i++ {
		if err := os.Link(filepath.Join(dir, "app.py"), filepath.Join(dir, fmt.Sprintf("app%02d.py", i))); err != nil {
			t.Skipf("hard links unavailable: %v", err)
		}
	}
	writeFile(t, filepath.Join(dir, analysis.ProfileFile), "limits:\n  findings: 5000\n")
	var st workspace.Stats
	snap, _, err := workspace.Load(dir, workspace.Options{Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	if st.BytesRead > int64(b.Len())+64 {
		t.Errorf("read %d bytes from disk, want %d (the file once)", st.BytesRead, b.Len())
	}
	res := analysis.New().Analyze(context.Background(), snap)
	if len(res.Findings()) != 5000 || res.Dropped == 0 {
		t.Errorf("%d findings, %d dropped; want 5000 and the rest dropped", len(res.Findings()), res.Dropped)
	}
	t.Logf("%d findings kept, %d dropped", len(res.Findings()), res.Dropped)
}

// Issue 16 row 7: 512 copies of an unidentified license. Each license's
// checklist gets the findings of its own file (and its license's
// project-wide ones), not all of them: the work is linear in the findings.
func TestManyUnidentifiedLicensesAreLinear(t *testing.T) {
	dir := t.TempDir()
	const n = 512
	text := "Acme Test License\n\nYou must display \"Built with Acme\" on your website.\nSee https://acme.example.com/use-policy for the use policy.\n"
	for i := 0; i < n; i++ {
		d := filepath.Join(dir, fmt.Sprintf("p%04d", i))
		mkdir(t, d)
		writeFile(t, filepath.Join(d, "LICENSE"), text)
	}
	writeFile(t, filepath.Join(dir, analysis.ProfileFile), "limits:\n  findings: 200000\n")
	snap, _, err := workspace.Load(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := analysis.New()
	res := a.Analyze(context.Background(), snap)
	var st report.Stats
	var out strings.Builder
	if err := report.Text(&out, res, snap, report.Options{Analyzer: a, Stats: &st}); err != nil {
		t.Fatal(err)
	}
	if len(res.Licenses) < n {
		t.Fatalf("%d licenses, want %d", len(res.Licenses), n)
	}
	if st.ChecklistFindings > len(res.Findings()) {
		t.Errorf("checklists were handed %d findings for %d findings in all (quadratic: %d)", st.ChecklistFindings, len(res.Findings()), len(res.Licenses)*len(res.Findings()))
	}
	t.Logf("%d licenses, %d findings, %d handed to checklists", len(res.Licenses), len(res.Findings()), st.ChecklistFindings)
}

// Issue 16 row 8: distinct unknown model ids (10,000 in the report, 2,000
// here) against a cache of many repositories (500 here): the cache folder
// is listed once, not once per id.
func TestHubCacheListedOnce(t *testing.T) {
	cache := t.TempDir()
	for i := 0; i < 500; i++ {
		if err := os.Mkdir(filepath.Join(cache, fmt.Sprintf("models--org%d--name%d", i, i)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mkdir(t, filepath.Join(cache, "models--org7--name7", "snapshots", "abc"))
	writeFile(t, filepath.Join(cache, "models--org7--name7", "snapshots", "abc", "LICENSE"), plainLicense)
	c := workspace.OpenHubCache(cache)
	for i := 0; i < 2000; i++ {
		if _, _, ok := c.Lookup(fmt.Sprintf("unknown%d/model", i)); ok {
			t.Fatal("an unknown id was found")
		}
	}
	if _, lic, ok := c.Lookup("ORG7/Name7"); !ok || string(lic) != plainLicense {
		t.Error("a cached model (case-insensitive) was not found")
	}
	if c.Listings != 1 {
		t.Errorf("the cache folder was listed %d times, want once", c.Listings)
	}
}

// A folder reachable both through a link and on its own is read under its
// own path, even when the link comes first in the listing.
func TestRealPathsWinOverLinks(t *testing.T) {
	dir := t.TempDir()
	mkdir(t, filepath.Join(dir, "z", "model"))
	writeFile(t, filepath.Join(dir, "z", "model", "LICENSE"), plainLicense)
	symlink(t, "z/model", filepath.Join(dir, "a"))
	symlink(t, "..", filepath.Join(dir, "z", "model", "up"))
	snap, skips, err := workspace.Load(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !hasDoc(snap, "z/model/LICENSE") || hasDoc(snap, "a/LICENSE") {
		t.Errorf("documents %v", snap.Docs)
	}
	want := map[string]string{"a": "folder already read as z/model", "z/model/up": "symbolic link loop"}
	for _, s := range skips {
		if want[s.Path] != s.Reason {
			t.Errorf("skip %s: %s, want %q", s.Path, s.Reason, want[s.Path])
		}
		delete(want, s.Path)
	}
	if len(want) > 0 {
		t.Errorf("missing skips %v", want)
	}
}
