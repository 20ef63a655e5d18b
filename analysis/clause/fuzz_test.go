package clause

import (
	"testing"
	"unicode/utf8"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// checkHit fails t unless h's range lies inside text, is non-empty, starts
// and ends on UTF-8 boundaries and has no blank at either end.
func checkHit(t *testing.T, name string, text []byte, h Hit) {
	t.Helper()
	if h.Start < 0 || h.End > len(text) || h.Start >= h.End {
		t.Fatalf("%s: %s: bad range [%d,%d) in %d bytes", name, h.Code, h.Start, h.End, len(text))
	}
	if !boundary(text, h.Start) || !boundary(text, h.End) {
		t.Fatalf("%s: %s: range [%d,%d) splits a character", name, h.Code, h.Start, h.End)
	}
	if isSpace(text[h.Start]) || isSpace(text[h.End-1]) {
		t.Errorf("%s: %s: range [%d,%d) is not trimmed", name, h.Code, h.Start, h.End)
	}
}

// boundary reports whether i falls between two characters as Go decodes
// text (an invalid byte counts as one character).
func boundary(text []byte, i int) bool {
	for j := 0; j < len(text); {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
		_, n := utf8.DecodeRune(text[j:])
		j += n
	}
	return i == len(text)
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		acmeLicense,
		"\xEF\xBB\xBF1.\tYou must not use the Model in the European Union.\r\n",
		"本许可证。If you have more than 700 million monthly active users, ask us.",
		"⚠️ “Built with X” must be displayed. Include the following notice: \"X is licensed\"",
		"e.g. U.S. Inc. No. 1.b.v. $1M in annual revenue at https://a.example/x.",
		"\"unclosed quote. Next. “curly。",
		"\xff\xfe\x80 invalid utf-8 \xe2\x80",
		"***\n# H\n- a\n(i) b\n2.1 c",
	} {
		f.Add([]byte(s))
	}
	k := kb.Default()
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, h := range Detect(k, text) {
			checkHit(t, "fuzz", text, h)
		}
	})
}
