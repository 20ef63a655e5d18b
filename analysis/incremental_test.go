package analysis

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/corpus"
	"github.com/fineprint-dev/fineprint/internal/testws"
)

// generated is a workspace generated from ../shared/corpus (internal/testws)
// of n files, read into a snapshot; the test skips without the corpus.
func generated(t *testing.T, n int) (*Snapshot, *testws.Workspace) {
	t.Helper()
	c, err := testws.LoadCorpus(corpus.Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	ws, err := testws.Generate(t.TempDir(), c, n)
	if err != nil {
		t.Fatal(err)
	}
	s := &Snapshot{Root: ws.Root, Now: time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)}
	err = filepath.WalkDir(ws.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(ws.Root, p)
		rel = filepath.ToSlash(rel)
		s.Docs = append(s.Docs, Document{Path: rel, Kind: ClassifyContent(ClassifyPath(rel), text), Text: text, Size: int64(len(text))})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Docs = sortedByPath(s.Docs)
	return s, ws
}

// withDoc returns a copy of s with the document at path p holding text (a
// new document when there is none).
func withDoc(s *Snapshot, p string, text []byte) *Snapshot {
	c := *s
	c.Docs = slices.Clone(s.Docs)
	i, ok := slices.BinarySearchFunc(c.Docs, p, func(d Document, p string) int { return strings.Compare(d.Path, p) })
	d := Document{Path: p, Kind: ClassifyContent(ClassifyPath(p), text), Text: text, Size: int64(len(text))}
	if ok {
		c.Docs[i] = d
	} else {
		c.Docs = slices.Insert(c.Docs, i, d)
	}
	return &c
}

// edits are what a user types into a license: words and lines that mean
// nothing to the rules, and some that do (a commercial restriction, a
// policy URL, a copyright line, a new title), plus deletions.
var edits = []string{
	"e", " ", "\n", "\nedit\n", "the ", "Licensee", "\n\n",
	"\nYou may not use the Model for commercial purposes.\n",
	"\nYou must comply with the Acceptable Use Policy at https://example.com/aup.\n",
	"\nCopyright 2024 Example Corp.\n",
	"MIT License\n\n",
	"\nfineprint-ignore\n",
	"\nThis license terminates if you have more than 700 million monthly active users.\n",
}

func randomEdit(r *rand.Rand, text []byte) []byte {
	at := r.IntN(len(text) + 1)
	if r.IntN(4) == 0 && len(text) > 0 {
		end := min(len(text), at+1+r.IntN(40))
		return slices.Concat(text[:at], text[end:])
	}
	if r.IntN(3) == 0 { // at a line start, where most typing begins
		for at < len(text) && at > 0 && text[at-1] != '\n' {
			at++
		}
	}
	return slices.Concat(text[:at], []byte(edits[r.IntN(len(edits))]), text[at:])
}

// normal is res without what differs by design between a warm and a fresh
// analysis (how many files were read again, which result came before).
func normal(res *Result) *Result {
	c := *res
	c.Reanalysed, c.ID, c.Base, c.Dirty = 0, 0, 0, nil
	c.SetFindings(res.Findings()) // however they are held
	return &c
}

// TestIncrementalEqualsFresh types random edits into the licenses (and now
// and then another file) of a generated workspace, without and with a
// fineprint.lock, and compares each result of the warm Analyzer, which
// re-runs only the edited files' rules when it can, with a fresh Analyzer's
// full analysis of the same snapshot.
func TestIncrementalEqualsFresh(t *testing.T) {
	s, ws := generated(t, 400)
	ctx := context.Background()
	steps := 45 // each compared with a fresh analysis of the workspace
	if testing.Short() {
		steps = 15
	}
	for _, c := range []struct{ locked, capped bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		locked := c.locked
		t.Run(fmt.Sprintf("lock=%v,capped=%v", c.locked, c.capped), func(t *testing.T) {
			s := s
			if c.capped {
				// limits.findings below the workspace's count: the cut
				// moves with the edits.
				c := *s
				c.Settings = &Profile{Limits: Limits{Findings: 120}}
				s = &c
			}
			if locked {
				res := New().Analyze(ctx, s)
				lock := BuildLock(record.Lock{}, res, s.Docs, s.Now)
				lock.Licenses = lock.Licenses[:len(lock.Licenses)/2] // some recorded, some not
				s = withDoc(s, LockFile, record.Marshal(lock))
			}
			a := New()
			a.Analyze(ctx, s)
			r := rand.New(rand.NewPCG(1, uint64(len(s.Docs))))
			others := []string{}
			for _, d := range s.Docs {
				if d.Kind == KindCard || d.Kind == KindModelfile {
					others = append(others, d.Path)
				}
			}
			before := a.stats.edits.Load()
			why := map[string]int{}
			for step := range steps {
				p := ws.Licenses[r.IntN(len(ws.Licenses))]
				if step%10 == 9 {
					p = others[r.IntN(len(others))]
				}
				i, _ := slices.BinarySearchFunc(s.Docs, p, func(d Document, p string) int { return strings.Compare(d.Path, p) })
				s = withDoc(s, p, randomEdit(r, s.Docs[i].Text))
				n := a.stats.edits.Load()
				got := normal(a.Analyze(ctx, s))
				if a.stats.edits.Load() == n {
					why[fmt.Sprintf("%v", a.stats.why.Load())]++
				}
				want := normal(New().Analyze(ctx, s))
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("step %d, edit of %s: the warm analysis differs from a fresh one:\n%s", step, p, firstDifference(got, want))
				}
				if c.capped && want.Dropped == 0 {
					t.Fatalf("step %d: nothing was cut", step)
				}
			}
			t.Logf("analyses in full: %v; copied texts replaced in fixes: %d", why, a.stats.copies.Load())
			if c.capped && a.stats.cuts.Load() == 0 {
				t.Error("no keystroke spliced its findings into the last cut: every one redid the cut over all findings")
			}
			if !locked && a.stats.hints.Load() == 0 {
				t.Error("no keystroke patched the hint that records every license file")
			}
			if n := a.stats.edits.Load() - before; n < int64(steps)/3 {
				t.Errorf("only %d of %d edits took the incremental path: the test proves little", n, steps)
			}
		})
	}
}

// firstDifference describes where two results first differ.
func firstDifference(got, want *Result) string {
	for i := range max(len(got.Findings()), len(want.Findings())) {
		if i >= len(got.Findings()) || i >= len(want.Findings()) || !reflect.DeepEqual(got.Findings()[i], want.Findings()[i]) {
			var g, w any = "(none)", "(none)"
			if i < len(got.Findings()) {
				g = got.Findings()[i]
			}
			if i < len(want.Findings()) {
				w = want.Findings()[i]
			}
			return fmt.Sprintf("finding %d:\n got  %+v\n want %+v", i, g, w)
		}
	}
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range gv.NumField() {
		if gv.Type().Field(i).IsExported() && !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			return "field " + gv.Type().Field(i).Name
		}
	}
	return "nothing"
}

// TestKeystrokeWorkIndependentOfWorkspaceSize pins issue 17's incremental
// re-analysis: a keystroke in the body of a license re-runs the rules of
// that one file, and the project rules visit no document, whether the
// workspace has a hundred files or ten times as many; nor does the number
// of record findings it checks for suppression comments grow with it.
func TestKeystrokeWorkIndependentOfWorkspaceSize(t *testing.T) {
	ctx := context.Background()
	checked := map[int]int64{}
	for _, n := range []int{100, 1000} {
		s, ws := generated(t, n)
		a := New()
		a.Analyze(ctx, s)
		p := ws.Licenses[2]
		full, docs, rc := a.stats.full.Load(), a.stats.projectDocs.Load(), a.stats.recChecked.Load()
		visited := a.stats.fastVisited.Load()
		s = typeInLicense(ctx, a, s, p, 3)
		if got := a.stats.full.Load() - full; got != 0 {
			t.Errorf("%d files: %d of 3 keystrokes in %s ran every rule (%v), want none", n, got, p, a.stats.why.Load())
		}
		if got := a.stats.projectDocs.Load() - docs; got != 0 {
			t.Errorf("%d files: the project rules visited %d documents for 3 keystrokes, want 0", n, got)
		}
		if got := a.stats.fastVisited.Load() - visited; got != 3 {
			t.Errorf("%d files: 3 keystrokes re-ran the rules of %d files, want 3 (the edited one each time)", n, got)
		}
		checked[n] = a.stats.recChecked.Load() - rc
	}
	if checked[1000] != checked[100] {
		t.Errorf("3 keystrokes checked %d record findings for suppression in 100 files, %d in 1000: want as many", checked[100], checked[1000])
	}
}

// typeInLicense analyses n keystrokes in the middle of the license p of
// s (ws.Licenses[2] of a generated workspace is the AI Pubs OpenRAIL-M
// license: a custom license, read clause by clause) and returns the last
// snapshot.
// typingAt is where the tests type into a license: a line added at the
// end of a paragraph past the middle that ends in a full stop. Typed after
// a list's lead-in ("... the following conditions:") it would make the
// colon none and its list no list, which changes the findings.
func typingAt(text []byte) int {
	mid := len(text) / 2
	for mid+2 < len(text) && (text[mid] != '\n' || text[mid+1] != '\n' || text[mid-1] != '.') {
		mid++
	}
	return mid
}

func typeInLicense(ctx context.Context, a *Analyzer, s *Snapshot, p string, n int) *Snapshot {
	i, _ := slices.BinarySearchFunc(s.Docs, p, func(d Document, p string) int { return strings.Compare(d.Path, p) })
	text := s.Docs[i].Text
	mid := typingAt(text)
	for k := range n {
		s = withDoc(s, p, slices.Concat(text[:mid], fmt.Appendf(nil, "\nedit %d", k), text[mid:]))
		a.Analyze(ctx, s)
	}
	return s
}

// TestKeystrokeUnderCutCopiesNoUncappedList pins that a keystroke whose
// limits.findings cut stays where it was splices its findings into the
// last cut result without building the list of all findings before the
// cut again: a copy of every finding of the workspace per keystroke, the
// garbage that made the collector run every few keystrokes. Each keystroke
// still builds the result (the cut findings), which the caller reads.
func TestKeystrokeUnderCutCopiesNoUncappedList(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{100, 1000} {
		s, ws := generated(t, n)
		c := *s
		c.Settings = &Profile{Limits: Limits{Findings: n / 10}}
		s = &c
		a := New()
		if res := a.Analyze(ctx, s); res.Dropped == 0 {
			t.Fatalf("%d files: nothing cut at %d findings", n, n/10)
		}
		p := ws.Licenses[2]
		full, cuts, spliced := a.stats.full.Load(), a.stats.cuts.Load(), a.stats.spliced.Load()
		typeInLicense(ctx, a, s, p, 3)
		if got := a.stats.full.Load() - full; got != 0 {
			t.Fatalf("%d files: %d of 3 keystrokes ran every rule (%v)", n, got, a.stats.why.Load())
		}
		if got := a.stats.cuts.Load() - cuts; got != 3 {
			t.Errorf("%d files: %d of 3 keystrokes spliced into the last cut, want 3", n, got)
		}
		if got := a.stats.spliced.Load() - spliced; got != 0 {
			t.Errorf("%d files: 3 keystrokes copied %d findings into new lists of all findings before the cut, want 0", n, got)
		}
	}
}

// TestKeystrokeSharesOtherFilesFindings pins that a keystroke's result
// holds the findings of every file it did not change as the last result
// held them (the same runs, not copies), with or without a limits.findings
// cut, and copies no list of all findings: a keystroke costs the changed
// files' findings, not the workspace's (at 50,000 files a copy of every
// finding was 3 MB and a quarter of a keystroke's time).
func TestKeystrokeSharesOtherFilesFindings(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{100, 1000} {
		for _, capped := range []bool{false, true} {
			s, ws := generated(t, n)
			if capped {
				c := *s
				c.Settings = &Profile{Limits: Limits{Findings: n / 10}}
				s = &c
			}
			a := New()
			last := a.Analyze(ctx, s)
			if capped != (last.Dropped > 0) {
				t.Fatalf("%d files, capped %v: %d findings dropped", n, capped, last.Dropped)
			}
			p := ws.Licenses[2]
			i, _ := slices.BinarySearchFunc(s.Docs, p, func(d Document, p string) int { return strings.Compare(d.Path, p) })
			text := s.Docs[i].Text
			mid := typingAt(text)
			spliced, full := a.stats.spliced.Load(), a.stats.full.Load()
			for k := range 3 {
				s = withDoc(s, p, slices.Concat(text[:mid], fmt.Appendf(nil, "\nedit %d", k), text[mid:]))
				res := a.Analyze(ctx, s)
				if a.stats.full.Load() != full || res.Base != last.ID {
					t.Fatalf("%d files, capped %v: keystroke %d ran every rule (%v)", n, capped, k, a.stats.why.Load())
				}
				shared, other := 0, 0
				for _, d := range s.Docs {
					before, now := last.FindingsIn(d.Path), res.FindingsIn(d.Path)
					if len(before) == 0 || slices.Contains(res.Dirty, d.Path) {
						continue
					}
					other++
					if len(now) == len(before) && &now[0] == &before[0] {
						shared++
					}
				}
				if other == 0 || shared != other {
					t.Errorf("%d files, capped %v: keystroke %d shares the findings of %d of the %d other files with the last result, want all", n, capped, k, shared, other)
				}
				last = res
			}
			if got := a.stats.spliced.Load() - spliced; got != 0 {
				t.Errorf("%d files, capped %v: 3 keystrokes copied %d findings into lists of all findings, want 0", n, capped, got)
			}
		}
	}
}

// TestIncrementalCopiedText: a folder shipping a Llama 2 model without a
// copy of its license gets a fix that copies the workspace's Llama 2
// license, and a Modelfile building on Llama 2 a LICENSE directive holding
// it. A keystroke in that license takes the incremental path and the fixes
// carry the new text, as a fresh analysis's do.
func TestIncrementalCopiedText(t *testing.T) {
	license, err := os.ReadFile(corpus.Dir(t, "licenses", "llama-2", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Snapshot{Root: "/ws", Now: time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)}
	for _, d := range []struct{ path, text string }{
		{"base/LICENSE", string(license)},
		{"base/README.md", "---\nlicense: llama2\n---\n# Base\n"},
		{"tuned/README.md", "---\nlicense: llama2\nbase_model: meta-llama/Llama-2-7b-hf\n---\n# Tuned\n"},
		{"ollama/Modelfile", "FROM llama2:7b\n"},
	} {
		s = withDoc(s, d.path, []byte(d.text))
	}
	ctx := context.Background()
	a := New()
	a.Analyze(ctx, s)
	mid := len(license) / 2
	for license[mid] != '\n' {
		mid++
	}
	for k := range 3 {
		s = withDoc(s, "base/LICENSE", slices.Concat(license[:mid], fmt.Appendf(nil, "\nedit %d", k), license[mid:]))
		n := a.stats.edits.Load()
		got := normal(a.Analyze(ctx, s))
		if a.stats.edits.Load() == n {
			t.Fatalf("keystroke %d ran every rule (%v)", k, a.stats.why.Load())
		}
		if want := normal(New().Analyze(ctx, s)); !reflect.DeepEqual(got, want) {
			t.Fatalf("keystroke %d: the warm analysis differs from a fresh one:\n%s", k, firstDifference(got, want))
		}
	}
	if a.stats.copies.Load() == 0 {
		t.Error("no fix copied the license: the test proves nothing about copies")
	}
}

// TestIncrementalTypingInClause types a word into the middle of each
// clause the Llama 2 license's analysis found, as a user edits a license:
// the clause's end moves with the edit, and the project's findings are
// still reused when nothing else changed, equal to a fresh analysis's.
func TestIncrementalTypingInClause(t *testing.T) {
	license, err := os.ReadFile(corpus.Dir(t, "licenses", "llama-2", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Snapshot{Root: "/ws", Now: time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)}
	s = withDoc(s, "LICENSE", license)
	s = withDoc(s, "README.md", []byte("---\nlicense: llama2\n---\n# Model\n"))
	ctx := context.Background()
	a := New()
	res := a.Analyze(ctx, s)
	fast := 0
	for _, f := range res.Findings() {
		if f.Path != "LICENSE" || !strings.HasPrefix(f.Code, "clause/") || f.Span.End-f.Span.Start < 40 {
			continue
		}
		at := f.Span.Start + (f.Span.End-f.Span.Start)/2
		for at < f.Span.End && license[at] != ' ' {
			at++
		}
		s := withDoc(s, "LICENSE", slices.Concat(license[:at], []byte(" indeed"), license[at:]))
		n := a.stats.edits.Load()
		got := normal(a.Analyze(ctx, s))
		if a.stats.edits.Load() > n {
			fast++
		}
		if want := normal(New().Analyze(ctx, s)); !reflect.DeepEqual(got, want) {
			t.Fatalf("a word typed into %s at %d: the warm analysis differs from a fresh one:\n%s", f.Code, at, firstDifference(got, want))
		}
	}
	if fast == 0 {
		t.Error("no word typed into a clause took the incremental path")
	}
}
