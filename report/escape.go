package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape makes s safe to print on one line of a terminal or a CI log: a
// path or a message may come from a hostile repository (a file name with a
// newline, a license text with escape sequences), and printed raw it could
// forge output lines (GitHub Actions reads "::error ..." and
// "::add-mask::" at the start of any line), retitle or clear the terminal,
// or write the clipboard (OSC 52). Newlines, tabs and every other C0 or C1
// control character, DEL, the bidirectional-override characters that
// reorder what is shown (U+202A-U+202E, U+2066-U+2069) and bytes that are
// not UTF-8 are written as Go-style escapes (\n, \x1b, \u202e); everything
// else is kept.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// escapeLines escapes each line of a multi-line text block (a checklist),
// keeping its line breaks.
func escapeLines(s string) string {
	if !needsEscape(strings.ReplaceAll(s, "\n", "")) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Escape(l)
	}
	return strings.Join(lines, "\n")
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			if c < 0x80 {
				return true
			}
			for _, r := range s[i:] {
				if r < 0x20 || r == 0x7f || r == utf8.RuneError || unsafeRune(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// unsafeRune reports C1 controls and the bidirectional embedding, override
// and isolate characters.
func unsafeRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}
