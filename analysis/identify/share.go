package identify

import "github.com/fineprint-dev/fineprint/analysis/kb"

// OwnWords returns how many words of text (a sentence) are not l's
// standard text in the sentence's order (no triple of the words of
// licensecheck's template for l holds them), and ok false for a license
// without a template or a text of fewer than three words.
//
// The terms found added to a standard license are lines, and a line that
// holds a word the licensor altered is added whole: the item that follows
// an inserted one in a numbered list ("(c) You must cause any modified
// files to carry prominent notices ..." where Apache-2.0 says "(b)") is
// still the standard text's sentence word for word, and "a copy of this
// Agreement" for "this License" is one word of the licensor's own, while
// "to deal in the Software for non-commercial purposes" puts in four.
func OwnWords(l *kb.License, text []byte) (n int, ok bool) {
	if l == nil || len(l.Licensecheck) == 0 {
		return 0, false
	}
	ws := words(text)
	if len(ws) < 3 {
		return 0, false
	}
	t := templateOf(l.Licensecheck[0])
	if len(t) == 0 {
		return 0, false
	}
	theirs, _, _ := mark(ws, t)
	for _, b := range theirs {
		n += b2i(!b)
	}
	return n, true
}
