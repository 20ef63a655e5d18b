package clause

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// needs is what any match of one regular expression must contain: for
// each of its sets, at least one of the set's strings. A pattern's
// keywords only say that a sentence may hold one of its wordings; a
// wording such as "must ... give ... credit" is then tried with the
// backtracker across the whole sentence even when "give" is nowhere in
// it. Checking the wording's own required words first (strings.Contains,
// no allocation) skips those runs. It is a necessary condition only, so
// results are the same (TestNeedsNeverRejectAMatch).
type needs [][]string

// Limits that keep the check cheaper than the expression: sets of at most
// maxNeedAlts strings, each at least minNeedLen bytes long, at most
// maxNeedSets sets.
const (
	minNeedLen  = 3
	maxNeedAlts = 12
	maxNeedSets = 4
)

// may reports whether s holds something from every set of n.
func (n needs) may(s string) bool {
	for _, set := range n {
		found := false
		for _, w := range set {
			if strings.Contains(s, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// needsOf reads the required strings of expr; none when it cannot tell.
func needsOf(expr string) needs {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	sets := required(re.Simplify())
	// The sets most likely to fail first: fewest alternatives, then
	// longest shortest string.
	var out needs
	for _, s := range sets {
		if len(s) <= maxNeedAlts && shortest(s) >= minNeedLen {
			out = append(out, s)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && better(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	if len(out) > maxNeedSets {
		out = out[:maxNeedSets]
	}
	return out
}

func better(a, b []string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return shortest(a) > shortest(b)
}

func shortest(set []string) int {
	n := -1
	for _, w := range set {
		if n < 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}

// literal returns the text re matches when it is a plain literal: case
// sensitive, and with no U+FFFD (which also matches an invalid byte).
func literal(re *syntax.Regexp) (string, bool) {
	if re.Op != syntax.OpLiteral || re.Flags&syntax.FoldCase != 0 {
		return "", false
	}
	for _, r := range re.Rune {
		if r == utf8.RuneError {
			return "", false
		}
	}
	return string(re.Rune), true
}

// required returns sets of strings such that every match of re contains
// at least one string of each set. Sets may be weak (short strings); the
// caller keeps the useful ones.
func required(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if s, ok := literal(re); ok {
			return [][]string{{s}}
		}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var out [][]string
		run := ""
		flush := func() {
			if run != "" {
				out = append(out, []string{run})
				run = ""
			}
		}
		for _, sub := range re.Sub {
			if s, ok := literal(sub); ok {
				run += s
				continue
			}
			flush()
			out = append(out, required(sub)...)
		}
		flush()
		return out
	case syntax.OpAlternate:
		var union []string
		for _, sub := range re.Sub {
			best := bestSet(required(sub))
			if best == nil {
				return nil
			}
			union = append(union, best...)
		}
		if len(union) > maxNeedAlts {
			return nil
		}
		return [][]string{union}
	}
	return nil
}

// bestSet is the most selective of sets that is still usable, or nil.
func bestSet(sets [][]string) []string {
	var best []string
	for _, s := range sets {
		if len(s) > maxNeedAlts || shortest(s) < minNeedLen {
			continue
		}
		if best == nil || better(s, best) {
			best = s
		}
	}
	return best
}

// guarded is a compiled expression with what its matches need.
type guarded struct {
	*regexp.Regexp
	need needs
}

func guard(re *regexp.Regexp) guarded {
	return guarded{re, needsOf(re.String())}
}

// MatchString is re's, answering false without running it when s lacks
// something every match holds.
func (g guarded) MatchString(s string) bool {
	return g.need.may(s) && g.Regexp.MatchString(s)
}

// FindStringSubmatchIndex is re's, likewise.
func (g guarded) FindStringSubmatchIndex(s string) []int {
	if !g.need.may(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatchIndex(s)
}

// FindStringIndex is re's, likewise.
func (g guarded) FindStringIndex(s string) []int {
	if !g.need.may(s) {
		return nil
	}
	return g.Regexp.FindStringIndex(s)
}

// FindAllStringSubmatchIndex is re's, likewise.
func (g guarded) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.need.may(s) {
		return nil
	}
	return g.Regexp.FindAllStringSubmatchIndex(s, n)
}
