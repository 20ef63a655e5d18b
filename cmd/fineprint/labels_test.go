package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/corpus"
)

// TestClauseLabels scores "fineprint check" on the corpus license texts
// that were labelled by hand, clause by clause (testdata/labels, see its
// README), and fails when a code's recall or precision falls below the
// floor committed in testdata/labels/floors.tsv. Run with -v for the table
// and the misses and false alarms.
//
// A finding matches a label when both are of the same file and code and
// their line ranges overlap, one to one; a threshold is first paired with
// a label of its value. This is the rule of the labels' own scorer.
func TestClauseLabels(t *testing.T) {
	root := corpus.Dir(t)
	labels := readLabels(t, "tune.tsv", "holdout.tsv")
	floors := readFloors(t)
	s := scoreLabels(t, labels, func(file string) []labelRange {
		path := filepath.Join(root, filepath.FromSlash(file))
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("labelled corpus file %s: %v", file, err)
		}
		return checkFindings(t, path)
	})
	s.log(t, floors)
	for _, code := range append(labelCodes, "all") {
		r, p := s.figures(code)
		c := s.count(code)
		fl, ok := floors[code]
		if !ok {
			t.Errorf("%s: no floor in testdata/labels/floors.tsv", code)
			continue
		}
		// A ratchet at the figures as printed (three decimals): raise the
		// floors when the figures rise.
		r, p = math.Round(r*1000)/1000, math.Round(p*1000)/1000
		if r < fl[0] {
			t.Errorf("%s: recall %.3f (TP %d, FN %d) fell below its floor %.3f", code, r, c.tp, c.fn, fl[0])
		}
		if p < fl[1] {
			t.Errorf("%s: precision %.3f (TP %d, FP %d) fell below its floor %.3f", code, p, c.tp, c.fp, fl[1])
		}
	}
}

// TestExternalLabels scores "fineprint check" on labelled license texts
// that are not in the corpus and not in this repository: the blind
// measurement sets (testdata/labels/external, see its README). It runs
// only when FINEPRINT_LABEL_TEXTS names the folder holding their texts
// (fetched by the commits in the sets' SOURCES files), and
// FINEPRINT_LABEL_SET names the label file, or several separated by
// commas (default: every *.tsv there).
// Each text is checked as it ships, as the LICENSE of a folder of its
// own. It prints the table and fails on nothing: the floors are the
// corpus labels' ratchet above.
func TestExternalLabels(t *testing.T) {
	texts := os.Getenv("FINEPRINT_LABEL_TEXTS")
	if texts == "" {
		t.Skip("FINEPRINT_LABEL_TEXTS is not set: the external label sets need their texts (see testdata/labels/external/README.md)")
	}
	names := strings.Split(os.Getenv("FINEPRINT_LABEL_SET"), ",")
	if names[0] == "" {
		all, _ := filepath.Glob(filepath.Join("testdata", "labels", "external", "*.tsv"))
		names = names[:0]
		for _, a := range all {
			// SOURCES and CHANGES files describe a set; they hold no labels.
			if base := filepath.Base(a); !strings.HasPrefix(base, "SOURCES") && !strings.HasPrefix(base, "CHANGES") {
				names = append(names, filepath.Join("external", filepath.Base(a)))
			}
		}
	}
	labels := readLabels(t, names...)
	// A text of a set that got no row still counts: every finding on it
	// is a false alarm. Its SOURCES file lists it.
	for _, file := range sourcedTexts(t, names) {
		if _, ok := labels[file]; !ok {
			if _, err := os.Stat(filepath.Join(texts, file)); err != nil {
				t.Logf("text %s of a set's SOURCES is not in %s: not scored", file, texts)
				continue
			}
			labels[file] = nil
		}
	}
	s := scoreLabels(t, labels, func(file string) []labelRange {
		b, err := os.ReadFile(filepath.Join(texts, file))
		if err != nil {
			t.Fatalf("labelled text %s: %v", file, err)
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "LICENSE"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		return checkFindings(t, filepath.Join(dir, "LICENSE"))
	})
	s.log(t, nil)
}

// TestSecondLabeller measures how far two careful readers agree: a second
// blind labeller labelled texts of a set from the texts and the guide
// alone (testdata/labels/external/second/<set>-<who>.tsv: 16 texts of
// holdout6, all 46 of holdout7, all 49 of holdout10), and their rows are scored against the
// set's as fineprint's findings are, by the same matching rule. The table
// it prints is the ceiling to read the external figures against: what a
// second human scores on single-labeller labels. It needs no texts; it
// fails when a second labelling names a file its set does not label, or
// holds no rows.
func TestSecondLabeller(t *testing.T) {
	seconds, _ := filepath.Glob(filepath.Join("testdata", "labels", "external", "second", "*.tsv"))
	if len(seconds) == 0 {
		t.Fatal("no second labelling in testdata/labels/external/second")
	}
	for _, path := range seconds {
		name := filepath.Base(path)
		set, _, ok := strings.Cut(strings.TrimSuffix(name, ".tsv"), "-")
		if !ok {
			t.Fatalf("%s: want <set>-<labeller>.tsv", name)
		}
		t.Run(set, func(t *testing.T) {
			first := readLabels(t, filepath.Join("external", set+".tsv"))
			second := readLabels(t, filepath.Join("external", "second", name))
			if len(second) == 0 {
				t.Fatalf("%s holds no rows", name)
			}
			shared := map[string][]labelRange{}
			for file := range second {
				if _, ok := first[file]; !ok {
					t.Errorf("%s: %s is not a text of %s", name, file, set)
				}
				shared[file] = first[file]
			}
			s := scoreLabels(t, shared, func(file string) []labelRange { return second[file] })
			s.log(t, nil)
		})
	}
}

// labelScore is the outcome of scoring findings against labels: counts
// per code, and the labels missed and the findings no label matched.
type labelScore struct {
	counts         map[string]*labelCount
	misses, alarms []string
}

type labelCount struct{ tp, fp, fn int }

// scoreLabels pairs the findings of each labelled file (findingsOf gives
// them: fineprint's, or a second labeller's rows) with the file's labels,
// code by code.
func scoreLabels(t *testing.T, labels map[string][]labelRange, findingsOf func(file string) []labelRange) *labelScore {
	t.Helper()
	files := make([]string, 0, len(labels))
	for f := range labels {
		files = append(files, f)
	}
	sort.Strings(files)
	s := &labelScore{counts: map[string]*labelCount{}}
	for _, c := range labelCodes {
		s.counts[c] = &labelCount{}
	}
	for _, file := range files {
		finds := findingsOf(file)
		for _, code := range labelCodes {
			var ls []labelRange
			for _, l := range labels[file] {
				if l.code == code {
					ls = append(ls, l)
				}
			}
			var fs []labelRange
			for _, f := range finds {
				if f.code == code {
					fs = append(fs, f)
				}
			}
			if len(ls) == 0 && len(fs) == 0 {
				continue
			}
			fOf, lOf := matchRanges(code, fs, ls)
			c := s.counts[code]
			c.tp += len(fOf)
			c.fn += len(ls) - len(lOf)
			c.fp += len(fs) - len(fOf)
			for j, l := range ls {
				if _, ok := lOf[j]; !ok {
					s.misses = append(s.misses, fmt.Sprintf("%s:%d-%d: %s %s", file, l.start, l.end, code, l.value))
				}
			}
			for i, f := range fs {
				if _, ok := fOf[i]; !ok {
					s.alarms = append(s.alarms, fmt.Sprintf("%s:%d-%d: %s %s", file, f.start, f.end, code, f.value))
				}
			}
		}
	}
	return s
}

// count is a code's counts; "all" sums every code (micro-averaged).
func (s *labelScore) count(code string) labelCount {
	if code != "all" {
		return *s.counts[code]
	}
	var all labelCount
	for _, c := range s.counts {
		all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
	}
	return all
}

// figures are a code's recall and precision.
func (s *labelScore) figures(code string) (recall, precision float64) {
	c := s.count(code)
	return ratio(c.tp, c.tp+c.fn), ratio(c.tp, c.tp+c.fp)
}

// log prints the table (with the floors when given), the misses and the
// false alarms.
func (s *labelScore) log(t *testing.T, floors map[string][2]float64) {
	t.Helper()
	t.Logf("%-28s %4s %4s %4s %7s %9s %7s %9s", "code", "TP", "FP", "FN", "recall", "precision", "floor-R", "floor-P")
	for _, code := range append(labelCodes, "all") {
		c := s.count(code)
		r, p := s.figures(code)
		floor := fmt.Sprintf("%7s %9s", "-", "-")
		if fl, ok := floors[code]; ok {
			floor = fmt.Sprintf("%7.3f %9.3f", fl[0], fl[1])
		}
		t.Logf("%-28s %4d %4d %4d %7.3f %9.3f %s", code, c.tp, c.fp, c.fn, r, p, floor)
	}
	for _, m := range s.misses {
		t.Logf("miss: %s", m)
	}
	for _, a := range s.alarms {
		t.Logf("false alarm: %s", a)
	}
}

// labelCodes are the codes the labels cover.
var labelCodes = []string{
	"license/non-commercial", "license/research-only", "license/modified",
	"clause/scale-threshold", "clause/use-restriction", "clause/policy-by-reference",
	"clause/terms-may-change", "clause/attribution", "clause/derivative-naming",
	"clause/output-restriction", "clause/pass-through", "clause/share-alike",
	"clause/notice-required", "clause/geographic", "clause/remote-termination",
}

// labelRange is a label or a finding: a code over 1-based lines, with the
// threshold value it carries (labels: "value=N" in data).
type labelRange struct {
	code       string
	start, end int
	value      string
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func readLabels(t *testing.T, names ...string) map[string][]labelRange {
	t.Helper()
	out := map[string][]labelRange{}
	for _, name := range names {
		for i, r := range readTSV(t, name) {
			if len(r) != 5 {
				t.Fatalf("%s: row %d: want 5 columns, got %d", name, i+2, len(r))
			}
			s, err1 := strconv.Atoi(r[2])
			e, err2 := strconv.Atoi(r[3])
			if err1 != nil || err2 != nil || s < 1 || e < s {
				t.Fatalf("%s: row %d: bad lines %q-%q", name, i+2, r[2], r[3])
			}
			l := labelRange{code: r[1], start: s, end: e}
			// Facts are separated by spaces or semicolons.
			for _, kv := range strings.FieldsFunc(r[4], func(c rune) bool { return c == ';' || c == ' ' }) {
				if v, ok := strings.CutPrefix(kv, "value="); ok {
					f, err := strconv.ParseFloat(v, 64)
					if err != nil {
						t.Fatalf("%s: row %d: bad value %q", name, i+2, v)
					}
					l.value = strconv.FormatFloat(f, 'f', -1, 64)
				}
			}
			out[r[0]] = append(out[r[0]], l)
		}
	}
	return out
}

// sourcedTexts returns the texts the SOURCES files of the label sets
// list (external/SOURCES-<set>.tsv for external/<set>.tsv and for
// external/adjudicated/<set>.tsv), whether or not any row labels them.
func sourcedTexts(t *testing.T, names []string) []string {
	t.Helper()
	var out []string
	for _, name := range names {
		set := strings.TrimSuffix(filepath.Base(name), ".tsv")
		src := filepath.Join("external", "SOURCES-"+set+".tsv")
		if _, err := os.Stat(filepath.Join("testdata", "labels", src)); err != nil {
			continue // a second reading, or a set without sources
		}
		for _, r := range readTSV(t, src) {
			out = append(out, r[0])
		}
	}
	return out
}

// readFloors reads floors.tsv: code, recall floor, precision floor.
func readFloors(t *testing.T) map[string][2]float64 {
	t.Helper()
	out := map[string][2]float64{}
	for i, r := range readTSV(t, "floors.tsv") {
		rf, err1 := strconv.ParseFloat(r[1], 64)
		pf, err2 := strconv.ParseFloat(r[2], 64)
		if len(r) != 3 || err1 != nil || err2 != nil {
			t.Fatalf("floors.tsv: row %d: want code, recall, precision", i+2)
		}
		out[r[0]] = [2]float64{rf, pf}
	}
	return out
}

// readTSV returns the rows of testdata/labels/name after its header.
func readTSV(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "labels", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 0; sc.Scan(); n++ {
		if n > 0 && strings.TrimSpace(sc.Text()) != "" {
			rows = append(rows, strings.Split(sc.Text(), "\t"))
		}
	}
	return rows
}

// checkFindings runs "fineprint check --format json --fail-on never path"
// and returns the findings on path itself, by 1-based lines.
func checkFindings(t *testing.T, path string) []labelRange {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := runCheck([]string{"--format", "json", "--fail-on", "never", path}, &stdout, &stderr); code != 0 {
		t.Fatalf("check %s: exit %d: %s", path, code, stderr.String())
	}
	var doc struct {
		Root     string `json:"root"`
		Findings []struct {
			Code  string `json:"code"`
			Path  string `json:"path"`
			Range struct {
				Start struct{ Line, Column int } `json:"start"`
				End   struct{ Line, Column int } `json:"end"`
			} `json:"range"`
			Data map[string]any `json:"data"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("check %s: %v", path, err)
	}
	want, _ := filepath.EvalSymlinks(path)
	var out []labelRange
	for _, f := range doc.Findings {
		p := f.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(doc.Root, p)
		}
		if got, _ := filepath.EvalSymlinks(p); got != want || f.Range.Start.Line == 0 {
			continue
		}
		s, e := f.Range.Start.Line, f.Range.End.Line
		if e > s && f.Range.End.Column == 1 {
			e-- // an end at the start of a line does not cover that line
		}
		r := labelRange{code: f.Code, start: s, end: max(s, e)}
		if v, ok := f.Data["value"].(float64); ok {
			r.value = strconv.FormatFloat(v, 'f', -1, 64)
		}
		out = append(out, r)
	}
	return out
}

// matchRanges pairs findings with labels one to one (a maximum matching
// over overlapping ranges), thresholds first with labels of their value.
// It returns label index by finding index and finding index by label.
func matchRanges(code string, fs, ls []labelRange) (fOf, lOf map[int]int) {
	fOf, lOf = map[int]int{}, map[int]int{}
	overlap := func(f, l labelRange) bool { return f.start <= l.end && l.start <= f.end }
	if code == "clause/scale-threshold" {
		augment(fs, ls, fOf, lOf, func(f, l labelRange) bool { return overlap(f, l) && f.value != "" && f.value == l.value })
	}
	augment(fs, ls, fOf, lOf, overlap)
	return fOf, lOf
}

// augment adds to the matching the pairs a maximum matching among the
// still free findings and labels finds.
func augment(fs, ls []labelRange, fOf, lOf map[int]int, edge func(f, l labelRange) bool) {
	cur := map[int]int{} // label -> finding, among the free ones
	var try func(i int, seen map[int]bool) bool
	try = func(i int, seen map[int]bool) bool {
		for j := range ls {
			if _, taken := lOf[j]; taken || seen[j] || !edge(fs[i], ls[j]) {
				continue
			}
			seen[j] = true
			if k, ok := cur[j]; !ok || try(k, seen) {
				cur[j] = i
				return true
			}
		}
		return false
	}
	for i := range fs {
		if _, taken := fOf[i]; !taken {
			try(i, map[int]bool{})
		}
	}
	for j, i := range cur {
		fOf[i], lOf[j] = j, i
	}
}
