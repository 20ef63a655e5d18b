package modelcard

import "testing"

// TestEnd: where the text after a front matter begins, as every reader
// that skips the metadata sees it (clause references, identification,
// README edits, suppression comments).
func TestEnd(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       int
	}{
		{"none", "# Title\n---\nx\n", 0},
		{"lf", "---\nlicense: mit\n---\nbody", len("---\nlicense: mit\n---\n")},
		{"crlf", "---\r\nlicense: mit\r\n---\r\nbody", len("---\r\nlicense: mit\r\n---\r\n")},
		{"bom", "\xef\xbb\xbf---\nlicense: mit\n---\nbody", len("\xef\xbb\xbf---\nlicense: mit\n---\n")},
		{"closing line with trailing blanks", "---\na: 1\n--- \t\nbody", len("---\na: 1\n--- \t\n")},
		{"closing at the end of the text", "---\na: 1\n---", len("---\na: 1\n---")},
		{"no closing line", "---\na: 1\nbody\n", 0},
		{"a rule that is no closing line", "---\na: 1\n----\nb: 2\n---\nbody", len("---\na: 1\n----\nb: 2\n---\n")},
		// Hugging Face's expression needs a line break before the closing
		// "---" of its own, so two rules in a row are no front matter.
		{"two rules in a row", "---\n---\nbody", 0},
		{"an empty block", "---\n\n---\nbody", len("---\n\n---\n")},
	} {
		if got := End([]byte(c.text)); got != c.want {
			t.Errorf("%s: End = %d, want %d", c.name, got, c.want)
		}
	}
}
