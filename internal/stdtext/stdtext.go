// Package stdtext writes out a standard license's text from
// google/licensecheck's template for it, for tests that need a faithful
// MIT, BSD or Apache-2.0 text to add terms to or change a word of,
// without a copy of any license text in the repository, and for the
// analysis, which reads the clauses a standard text gives to tell them
// from the terms a modified copy adds (analysis/standard.go).
//
// A template's groups offer alternatives ("((must || shall))") and
// optional text ("((sell))??"): Text takes every optional part and, of the
// alternatives, the one with the most words (then the most letters), so
// that the text is the template's fullest wording. A wildcard ("__5__",
// up to five words of the file's own, a name mostly) becomes Holder.
package stdtext

import (
	"regexp"
	"strings"

	"github.com/google/licensecheck"
)

// Holder fills a template's wildcards of more than one word (the name of
// a copyright holder, mostly).
const Holder = "Zeta Labs"

var (
	comment = regexp.MustCompile(`(?s)//\*\*.*?\*\*//`)
	token   = regexp.MustCompile(`\(\(|\)\)|\?\?|\|\||__\d+__|[^()|?_]+|[()|?_]`)
)

// Text returns the text of licensecheck's template id, wrapped at 72
// columns, or "" when licensecheck has no such template.
func Text(id string) string {
	for _, l := range licensecheck.BuiltinLicenses() {
		if l.ID == id && l.LRE != "" {
			toks := token.FindAllString(comment.ReplaceAllString(l.LRE, " "), -1)
			alts, _ := parse(toks, 0)
			return wrap(best(alts))
		}
	}
	return ""
}

// parse reads tokens from i to the end of the enclosing group and returns
// its alternatives, each already written out, and where it stopped.
func parse(toks []string, i int) ([]string, int) {
	alts := []string{""}
	for i < len(toks) {
		switch t := toks[i]; {
		case t == "((":
			g, j := parse(toks, i+1)
			alts[len(alts)-1] += " " + best(g) + " "
			i = j
		case t == "))":
			return alts, i + 1
		case t == "||":
			alts = append(alts, "")
			i++
		case t == "??":
			i++
		case strings.HasPrefix(t, "__") && len(t) > 4:
			if t != "__1__" {
				alts[len(alts)-1] += " " + Holder + " "
			}
			i++
		default:
			alts[len(alts)-1] += t
			i++
		}
	}
	return alts, i
}

// best is the alternative with the most words, then the most bytes.
func best(alts []string) string {
	b := ""
	for _, a := range alts {
		if n, m := len(strings.Fields(a)), len(strings.Fields(b)); n > m || n == m && len(a) > len(b) {
			b = a
		}
	}
	return b
}

// wrap wraps each paragraph (the template's blank lines part them) at 72
// columns; a space before punctuation, left by a group's edge, goes.
func wrap(s string) string {
	var out strings.Builder
	for _, para := range paragraph.Split(s, -1) {
		col := 0
		for _, w := range strings.Fields(para) {
			switch {
			case col > 0 && strings.ContainsAny(w[:1], ".,;:)"):
			case col > 0 && col+1+len(w) > 72:
				out.WriteByte('\n')
				col = 0
			case col > 0:
				out.WriteByte(' ')
				col++
			}
			out.WriteString(w)
			col += len(w)
		}
		if col > 0 {
			out.WriteString("\n\n")
		}
	}
	return strings.TrimSuffix(out.String(), "\n")
}

var paragraph = regexp.MustCompile(`\n[ \t]*\n\s*`)
