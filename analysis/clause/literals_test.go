package clause

import (
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestNeedsOf pins what is read as required, and that what cannot be
// required (optional parts, case folding, short words) is not.
func TestNeedsOf(t *testing.T) {
	for _, c := range []struct {
		expr string
		want string
	}{
		{`must\b[^.;]{0,80}?\b(?:give|provide) credits?`, `[[ credit] [must] [give provide]]`},
		{`(?:give|provide) (?:proper )?credit`, `[[credit] [give provide]]`},
		{`(?:non-)?commercial`, `[[commercial]]`},
		{`(?i)credit`, `[]`},
		{`a|bcd`, `[]`},
		{`(?:foo)*bar`, `[[bar]]`},
		{`x{2,}yz`, `[]`},
		{`(?:abc){1,3}`, `[[abc]]`},
	} {
		got := needsOf(c.expr)
		if s := fmtNeeds(got); s != c.want {
			t.Errorf("needsOf(%q) = %s, want %s", c.expr, s, c.want)
		}
	}
}

func fmtNeeds(n needs) string {
	s := "["
	for i, set := range n {
		if i > 0 {
			s += " "
		}
		s += "["
		for j, w := range set {
			if j > 0 {
				s += " "
			}
			s += w
		}
		s += "]"
	}
	return s + "]"
}

// TestNeedsNeverRejectAMatch checks the guard of every wording and veto of
// the knowledge base against every sentence of the corpus's licenses: a
// sentence an expression matches always holds what the guard requires.
//
// It runs every expression over every sentence, which under the race
// detector takes longer than the package's time limit; there it reads one
// sentence in raceStride, and .ci/run runs it whole without -race.
func TestNeedsNeverRejectAMatch(t *testing.T) {
	stride := 1
	if raceDetector {
		stride = raceStride
	}
	d, err := patterns(kb.Default())
	if err != nil {
		t.Fatal(err)
	}
	var res []*regexp.Regexp
	var lexicons [][]string // the words of document readers (scanWords)
	for _, ps := range [][]*pattern{d.patterns, d.terms} {
		for _, p := range ps {
			if !p.ready() {
				t.Fatal(p.err)
			}
			for _, e := range p.match {
				res = append(res, e.re.Regexp)
			}
			for _, u := range p.unless {
				res = append(res, u.Regexp)
			}
			for _, u := range p.variants {
				res = append(res, u.Regexp)
			}
			for _, u := range p.continued {
				res = append(res, u.Regexp)
			}
			for _, u := range p.uses {
				res = append(res, u.Regexp)
			}
			for _, ws := range append(append([][]string{p.documentWords}, p.matchWords...), p.afterWords...) {
				if ws != nil {
					lexicons = append(lexicons, ws)
				}
			}
		}
	}
	res = append(res, wish.Regexp) // guarded in Detect too
	guards := make([]guarded, len(res))
	used := 0
	for i, re := range res {
		guards[i] = guard(re)
		if len(guards[i].need) > 0 {
			used++
		}
	}
	if used < len(res)/2 {
		t.Errorf("only %d of %d expressions have a guard", used, len(res))
	}
	starts := newStartless(guards)
	var n normalizer
	var sk sketch
	checked, searched := 0, 0
	seen := map[string]bool{} // the corpus holds many copies of each license
	texts := corpusLicenses(t)
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		text := texts[name]
		for _, s := range sentences(text) {
			norm := n.sentence(text, s.start, s.end)
			if seen[norm] {
				continue
			}
			seen[norm] = true
			if len(seen)%stride != 0 {
				continue
			}
			sk.reset()
			// The words found with the sketch are those found without.
			for _, ws := range lexicons {
				if got, want := scanWords(norm, ws, norm, &sk), scanWords(norm, ws, norm, nil); !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("%s: scanWords of %q in %q with the sketch finds %v, not %v", name, ws, norm, got, want)
				}
			}
			for i, g := range guards {
				checked++
				if starts.none(i, norm, &sk) && res[i].MatchString(norm) {
					t.Errorf("%s: the first bytes of the starts %v of %q are not in the sketch of %q, which it matches", name, g.starts, res[i], norm)
				}
				if !g.need.may(norm, &sk) {
					if res[i].MatchString(norm) {
						t.Errorf("%s: guard %s of %q rejects %q, which it matches", name, fmtNeeds(g.need), res[i], norm)
					}
					continue
				}
				// Searched from where a match can start, the expression
				// finds what it finds in the whole sentence.
				if g.starts == nil {
					continue
				}
				searched++
				if got, want := g.findIn(norm, &sk), res[i].FindStringSubmatchIndex(norm); !slices.Equal(got, want) {
					t.Errorf("%s: %q searched from %v finds %v in %q, not %v", name, res[i], g.starts, got, norm, want)
				}
				if got, want := g.matchIn(norm, &sk), res[i].MatchString(norm); got != want {
					t.Errorf("%s: %q searched from %v matches %q: %v, not %v", name, res[i], g.starts, norm, got, want)
				}
			}
		}
	}
	t.Logf("%d expressions, %d guarded, %d checks, %d searches from a start", len(res), used, checked, searched)
}

// raceStride: one sentence in raceStride is checked under the race detector.
const raceStride = 16

// TestStartsOf pins where a search may start: at the strings every match
// starts with, after a word boundary when the expression opens with one,
// and nowhere in particular when a match may start otherwise.
func TestStartsOf(t *testing.T) {
	for _, c := range []struct {
		expr      string
		want      string
		wordStart bool
	}{
		{`(?:must|shall|agrees? to)\b[^.;]{0,80}?\bgive`, `[must shall agree]`, false},
		{`\b(?:licensor|we) (?:will|shall)`, `[licensor we]`, true},
		{`(?P<x>not) use`, `[not]`, false},
		{`(?:^|[\s("'])(?:policy|terms)\b`, `[]`, false},
		{`(?:\bnot|\bnever|\brefrain from)(?: to)? use`, `[not never refrain from]`, true},
		{`(?:\bnot|never) use`, `[]`, false},
		{`(?:foo)?bar`, `[]`, false},
		{`\b(?:"x|y)`, `[]`, false},
		{`(?i)must`, `[]`, false},
		{`[a-z]+ must`, `[]`, false},
	} {
		got, ws := startsOf(c.expr)
		if s := fmtNeeds(needs{got}); s != "["+c.want+"]" && !(c.want == "[]" && got == nil) || ws != c.wordStart {
			t.Errorf("startsOf(%q) = %v %v, want %s %v", c.expr, got, ws, c.want, c.wordStart)
		}
	}
}

// TestGuardedSearchesFromAStart checks that a match is found where it
// lies when the search starts after the sentence's beginning: offsets are
// of the whole sentence, and a word boundary is read before the start.
func TestGuardedSearchesFromAStart(t *testing.T) {
	g := guard(regexp.MustCompile(`\b(?:must|shall) (?P<verb>give|keep)\b`))
	for s, want := range map[string][]int{
		"you must give credit":             {4, 13, 9, 13},
		"mustard; you shall keep it":       {13, 23, 19, 23},
		"the dustmust give; you must keep": {23, 32, 28, 32},
		"nothing here":                     nil,
	} {
		var sk sketch
		if got := g.findIn(s, &sk); !slices.Equal(got, want) {
			t.Errorf("findIn(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSketchRejectsOnlyAbsentStrings checks the sketch against
// strings.Contains: it may allow a string the sentence lacks, never
// reject one it holds.
func TestSketchRejectsOnlyAbsentStrings(t *testing.T) {
	s := "you must give appropriate credit and retain this notice"
	var sk sketch
	for _, w := range []string{"must", "credit", "retain this", "you", "notice", " and "} {
		if !sk.has(s, w) {
			t.Errorf("sketch rejects %q, which %q holds", w, s)
		}
	}
	rejected := 0
	for _, w := range []string{"shall", "commercial", "research", "distribute", "license"} {
		if !sk.has(s, w) {
			rejected++
		}
	}
	if rejected < 4 {
		t.Errorf("sketch rejects %d of 5 absent words, want at least 4", rejected)
	}
}
