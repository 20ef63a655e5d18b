package analysis_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/corpus"
	"github.com/fineprint-dev/fineprint/workspace"
)

// TestFixesNeverMakeThingsWorse applies every fix offered in every test
// workspace (testdata/project, testdata/cli and testdata/lsp archives, the
// example project, the real projects of the corpus), analyses again, and
// checks that the finding the fix is for is gone and that no finding
// appeared that was not there before: a fix must never create a new
// finding (docs/rules.md).
func TestFixesNeverMakeThingsWorse(t *testing.T) {
	for name, snap := range fixWorkspaces(t) {
		t.Run(name, func(t *testing.T) {
			checkFixes(t, snap)
		})
	}
}

// checkFixes applies each fix of snap on its own and compares the findings.
func checkFixes(t *testing.T, snap *analysis.Snapshot) {
	t.Helper()
	before := analysis.New().Analyze(context.Background(), cloneSnapshot(snap))
	had := findingKeys(before.Findings())
	for _, f := range before.Findings() {
		for _, fix := range f.Fixes {
			fixed, err := applyFix(snap, fix)
			if err != nil {
				t.Errorf("%s: fix %q: %v", describe(f), fix.Title, err)
				continue
			}
			after := analysis.New().Analyze(context.Background(), fixed)
			has := findingKeys(after.Findings())
			// The finding is gone, or says something else now: a fix may do
			// its part of a job (a policy's copy created for the user to
			// paste into; a Modelfile's LICENSE directive added, the model
			// still under its license).
			if stillThere(after.Findings(), f) {
				t.Errorf("%s: fix %q leaves the finding", describe(f), fix.Title)
			}
			for _, g := range after.Findings() {
				if has[findingKey(g)] > had[findingKey(g)] {
					t.Errorf("%s: fix %q creates %s", describe(f), fix.Title, describe(g))
					has[findingKey(g)] = had[findingKey(g)] // once
				}
			}
		}
	}
}

func stillThere(fs []analysis.Finding, f analysis.Finding) bool {
	for _, g := range fs {
		if g.Code == f.Code && g.Path == f.Path && g.Message == f.Message {
			return true
		}
	}
	return false
}

func describe(f analysis.Finding) string {
	return fmt.Sprintf("%s %s %s: %s", f.Path, f.Severity, f.Code, f.Message)
}

// findingKey identifies a finding across an edit, which moves ranges and
// may reword messages (a NOTICE that was absent now lacks a line).
// The project's one record hint counts the license files and sits on the
// shallowest: a license copy a fix adds may take its place, which is no
// new finding.
func findingKey(f analysis.Finding) string {
	if _, ok := f.Data["files"]; ok && f.Code == "record/unrecorded" {
		return f.Code
	}
	return f.Code + "\x00" + f.Path
}

func findingKeys(fs []analysis.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[findingKey(f)]++
	}
	return m
}

func cloneSnapshot(s *analysis.Snapshot) *analysis.Snapshot {
	c := *s
	c.Docs = append([]analysis.Document(nil), s.Docs...)
	return &c
}

// applyFix returns snap with the edits of fix applied, files created as
// needed and every touched file classified again.
func applyFix(snap *analysis.Snapshot, fix analysis.Fix) (*analysis.Snapshot, error) {
	out := cloneSnapshot(snap)
	byPath := map[string][]analysis.Edit{}
	var order []string
	for _, e := range fix.Edits {
		if _, ok := byPath[e.Path]; !ok {
			order = append(order, e.Path)
		}
		byPath[e.Path] = append(byPath[e.Path], e)
	}
	for _, p := range order {
		edits := byPath[p]
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start > edits[j].Span.Start })
		idx := -1
		for i := range out.Docs {
			if out.Docs[i].Path == p {
				idx = i
			}
		}
		var text []byte
		if idx >= 0 {
			text = out.Docs[idx].Text
		}
		for _, e := range edits {
			if e.Create {
				text = nil
			}
			if e.Span.Start < 0 || e.Span.End > len(text) || e.Span.Start > e.Span.End {
				return nil, fmt.Errorf("edit of %s at %v outside its %d bytes", p, e.Span, len(text))
			}
			text = append(append(append([]byte(nil), text[:e.Span.Start]...), e.NewText...), text[e.Span.End:]...)
		}
		d := analysis.Document{Path: p, Kind: analysis.ClassifyContent(analysis.ClassifyPath(p), text), Text: text, Size: int64(len(text))}
		if idx >= 0 {
			out.Docs[idx] = d
		} else {
			out.Docs = append(out.Docs, d)
		}
	}
	sort.Slice(out.Docs, func(i, j int) bool { return out.Docs[i].Path < out.Docs[j].Path })
	return out, nil
}

// fixWorkspaces are the workspaces the fix invariant runs on, by name.
func fixWorkspaces(t *testing.T) map[string]*analysis.Snapshot {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	out := map[string]*analysis.Snapshot{}
	for _, dir := range []string{"project", "cli", "lsp", "lsp/steps", "record"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txtar"))
		for _, file := range files {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			kept := ar.Files[:0:0]
			for _, f := range ar.Files {
				if dir == "project" || workspaceFile(f.Name) {
					kept = append(kept, f)
				}
			}
			ar.Files = kept
			snap := loadArchive(t, ar)
			snap.Now = now
			out[dir+"/"+strings.TrimSuffix(filepath.Base(file), ".txtar")] = snap
		}
	}
	roots := []string{filepath.Join("..", "testdata", "example")}
	if c := corpus.Find(mustGetwd(t)); c != "" {
		projects, _ := filepath.Glob(filepath.Join(c, "projects", "*"))
		roots = append(roots, projects...)
	}
	for _, root := range roots {
		snap, _, err := workspace.Load(root, workspace.Options{})
		if err != nil {
			t.Fatal(err)
		}
		snap.Now = now
		snap.ModelCache = nil
		out["dir/"+filepath.Base(root)] = snap
	}
	return out
}

// workspaceFile tells the files of an archive's workspace from its test
// script: wants, arguments, LSP requests and numbered steps (1.args,
// 2.write/LICENSE) are not in the workspace.
func workspaceFile(name string) bool {
	if strings.HasPrefix(name, "want") || strings.HasPrefix(name, "lsp/") || strings.HasPrefix(name, "golden/") || name == "args" || name == "stdin" || name == "policy" {
		return false
	}
	step, _, _ := strings.Cut(name, ".")
	return strings.Trim(step, "0123456789") != ""
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
