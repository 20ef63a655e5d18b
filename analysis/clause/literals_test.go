package clause

import (
	"regexp"
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
func TestNeedsNeverRejectAMatch(t *testing.T) {
	d, err := patterns(kb.Default())
	if err != nil {
		t.Fatal(err)
	}
	var res []*regexp.Regexp
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
		}
	}
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
	var n normalizer
	checked := 0
	seen := map[string]bool{} // the corpus holds many copies of each license
	for name, text := range corpusLicenses(t) {
		for _, s := range sentences(text) {
			norm := n.sentence(text, s.start, s.end)
			if seen[norm] {
				continue
			}
			seen[norm] = true
			for i, g := range guards {
				if !g.need.may(norm) && res[i].MatchString(norm) {
					t.Errorf("%s: guard %s of %q rejects %q, which it matches", name, fmtNeeds(g.need), res[i], norm)
				}
				checked++
			}
		}
	}
	t.Logf("%d expressions, %d guarded, %d checks", len(res), used, checked)
}
