package kb

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Lexicons are classes of words that clause patterns name instead of
// spelling them out (lexicons.yaml): the purposes a grant may be limited
// to ("non-commercial", "research"), the objects and acts a commercial ban
// is about ("commercial use", "monetize", "paid service"), in English and
// Chinese. A pattern then states a rule over classes, a modality over a
// class of object or purpose, and a licensor that words its limit in
// other words of the class still hits it; teaching fineprint a new word
// of a class is one line of data.
//
// A pattern names a class as {{name}}. In Match, Unless, Uses, Applied,
// Document, DocumentAfter, Self and the When of Variants and Continued it
// stands for an alternation of the class's phrases, quoted, longest first, as a group that captures
// nothing; a Match expression that opens with a class is one expression
// per phrase instead (split). A Keywords or Also entry that is exactly {{name}} stands for
// the class's phrases as keywords.
type Lexicons map[string][]string

// lexiconRef finds a class named in an expression.
var lexiconRef = regexp.MustCompile(`\{\{([a-z0-9-]+)\}\}`)

// alternation returns the phrases of class name as one RE2 group.
func (l Lexicons) alternation(name string) (string, error) {
	words, ok := l[name]
	if !ok || len(words) == 0 {
		return "", fmt.Errorf("unknown or empty lexicon %q", name)
	}
	ws := slices.Clone(words)
	// Longest first, so that "non-commercial use" is taken whole before
	// "non-commercial".
	slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(ws, "|") + ")", nil
}

// expand replaces each {{name}} of an expression with its alternation.
func (l Lexicons) expand(expr string) (string, error) {
	var err error
	out := lexiconRef.ReplaceAllStringFunc(expr, func(ref string) string {
		alt, e := l.alternation(ref[2 : len(ref)-2])
		if e != nil && err == nil {
			err = e
		}
		return alt
	})
	return out, err
}

// expandAll expands every expression of list in place.
func (l Lexicons) expandAll(list []string) error {
	for i, e := range list {
		x, err := l.expand(e)
		if err != nil {
			return err
		}
		list[i] = x
	}
	return nil
}

// keywords returns list with each {{name}} entry replaced by the class's
// phrases.
func (l Lexicons) keywords(list []string) ([]string, error) {
	if !slices.ContainsFunc(list, func(k string) bool { return strings.HasPrefix(k, "{{") }) {
		return list, nil
	}
	var out []string
	for _, k := range list {
		m := lexiconRef.FindStringSubmatch(k)
		if m == nil || m[0] != k {
			out = append(out, k)
			continue
		}
		words, ok := l[m[1]]
		if !ok || len(words) == 0 {
			return nil, fmt.Errorf("unknown or empty lexicon %q", m[1])
		}
		out = append(out, words...)
	}
	return out, nil
}

// split returns the Match expressions with each one that opens with a
// class made one expression per phrase of it, longest first: an expression
// that opens with plain text is searched for quickly (strings.Index),
// while one that opens with a choice of many phrases is tried at every
// byte of the sentence. Which sentences match is the same.
func (l Lexicons) split(match []string) ([]string, error) {
	var out []string
	for _, m := range match {
		at := lexiconRef.FindStringSubmatchIndex(m)
		if at == nil || at[0] != 0 {
			out = append(out, m)
			continue
		}
		words, ok := l[m[at[2]:at[3]]]
		if !ok || len(words) == 0 {
			return nil, fmt.Errorf("unknown or empty lexicon %q", m[at[2]:at[3]])
		}
		ws := slices.Clone(words)
		slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
		for _, w := range ws {
			out = append(out, regexp.QuoteMeta(w)+m[at[1]:])
		}
	}
	return out, nil
}

// expandClauses puts the lexicons' words into the clause patterns that
// name them.
func (l Lexicons) expandClauses(cs []ClausePattern) error {
	for name, words := range l {
		for _, w := range words {
			if w == "" || w != strings.ToLower(w) {
				return fmt.Errorf("lexicons.yaml: %s: phrase %q is empty or not lower case", name, w)
			}
		}
	}
	for i := range cs {
		c := &cs[i]
		var err error
		if c.Keywords, err = l.keywords(c.Keywords); err == nil {
			c.Also, err = l.keywords(c.Also)
		}
		if err == nil {
			c.Match, err = l.split(c.Match)
		}
		for _, list := range [][]string{c.Match, c.Unless, c.Uses, c.Applied, c.DocumentAfter} {
			if err == nil {
				err = l.expandAll(list)
			}
		}
		for _, e := range []*string{&c.Document, &c.Self} {
			if err == nil {
				*e, err = l.expand(*e)
			}
		}
		for _, vs := range [][]MessageVariant{c.Variants, c.Continued} {
			for j := range vs {
				if err == nil {
					vs[j].When, err = l.expand(vs[j].When)
				}
			}
		}
		if err != nil {
			return fmt.Errorf("clauses.yaml: %s: %w", c.ID, err)
		}
	}
	return nil
}

// Expand returns expr with each {{name}} replaced by the alternation of
// the class's phrases (longest first, a group that captures nothing), for
// the readers that build their expressions in Go (analysis/identify).
func (l Lexicons) Expand(expr string) (string, error) { return l.expand(expr) }
