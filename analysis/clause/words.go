package clause

import (
	"regexp"
	"sort"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// lexiconWords are the words of the expressions of a pattern that binds
// you to a document, each nil unless the expression is a lexicon's choice
// alone between word boundaries ("\b{{binding}}\b", expanded on load to
// "\b(?:subject to|governed by|...)\b"): those are found by scanWords,
// not by the expression, which has no literal for the guards to seek and
// would run its backtracker from every byte of the sentence.
type lexiconWords struct {
	match, after [][]string
	document     []string
}

// choiceAlone is an expression that is one choice of literals, between
// word boundaries or not.
var choiceAlone = regexp.MustCompile(`^(?:\\b)?\(\?:([^()]*)\)(?:\\b)?$`)

// literalChoice returns the literals of an expression that is a choice of
// them alone, or nil.
func literalChoice(expr string) []string {
	m := choiceAlone.FindStringSubmatch(expr)
	if m == nil {
		return nil
	}
	var words []string
	for _, alt := range strings.Split(m[1], "|") {
		w := unquoteMeta(alt)
		if w == "" || regexp.QuoteMeta(w) != alt {
			return nil
		}
		words = append(words, w)
	}
	return words
}

// unquoteMeta undoes regexp.QuoteMeta.
func unquoteMeta(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		sb.WriteByte(s[i])
	}
	return sb.String()
}

// choiceWords returns the literals of c's expressions that are a choice
// of literals alone.
func choiceWords(c *kb.ClausePattern) lexiconWords {
	var w lexiconWords
	for _, m := range c.Match {
		w.match = append(w.match, literalChoice(m))
	}
	for _, a := range c.DocumentAfter {
		w.after = append(w.after, literalChoice(a))
	}
	w.document = literalChoice(c.Document)
	return w
}

// scanWords returns the bounds of the words found in norm, in order,
// leftmost and then longest, not overlapping, each a whole word where it
// begins or ends with a letter (as \b would have it). sk is the sketch
// of whole, the sentence norm is part of: a word one of whose pieces it
// lacks is not looked for.
func scanWords(norm string, words []string, whole string, sk *sketch) [][]int {
	var found [][]int
	for _, w := range words {
		if !sk.has(whole, w) {
			continue
		}
		for at := 0; ; {
			k := strings.Index(norm[at:], w)
			if k < 0 {
				break
			}
			a, b := at+k, at+k+len(w)
			at = a + 1
			if isLetter(w[0]) && a > 0 && isAlnum(norm[a-1]) || isLetter(w[len(w)-1]) && b < len(norm) && isAlnum(norm[b]) {
				continue
			}
			found = append(found, []int{a, b})
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i][0] != found[j][0] {
			return found[i][0] < found[j][0]
		}
		return found[i][1] > found[j][1]
	})
	out := found[:0]
	end := -1
	for _, f := range found {
		if f[0] >= end {
			out = append(out, f)
			end = f[1]
		}
	}
	return out
}
