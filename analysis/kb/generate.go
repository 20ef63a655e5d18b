package kb

import (
	"strings"
	"unicode"
)

// docs/rules.md is generated from this package's YAML; a test in
// internal/gendocs fails when the two drift apart.
//go:generate go run ../../internal/gendocs -o ../../docs/rules.md

// HeadingAnchor is the anchor GitHub gives a Markdown heading with this
// text, so that links into docs/rules.md land on the heading.
func HeadingAnchor(heading string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '-' || c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c):
			b.WriteRune(c)
		}
	}
	return b.String()
}
