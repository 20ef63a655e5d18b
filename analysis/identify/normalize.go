package identify

import (
	"sort"
	"unicode/utf8"
)

// normText is a license text reduced to what fingerprints compare against:
// ASCII lower case, curly quotes and dashes made plain, Markdown emphasis,
// heading marks and HTML tags removed, and every run of white space (line
// breaks included) collapsed to one space. Hard-wrapped, re-indented,
// CRLF and Markdown copies of one license therefore normalize alike.
//
// off maps each byte of s back to the byte offset in the original text it
// came from, so that matches report exact ranges. lines holds, for every
// original line, the offset in s where its content begins (after leading
// white space and Markdown marks), sorted, so that a phrase can be asked
// whether it opens a line, as a title does.
type normText struct {
	s     string
	src   []byte // the original text
	off   []int32
	lines []int32 // normalized offset where each non-empty line begins
	ends  []int32 // normalized offset where that line ends
}

// normalize builds the normalized copy of text[from:]. It makes one pass;
// it is the hot loop of identification, so the common ASCII case is inline.
func normalize(text []byte, from int) *normText {
	nb := normBuilder{
		b:       make([]byte, 0, len(text)-from),
		off:     make([]int32, 0, len(text)-from),
		space:   true,
		pending: true,
	}
	for i := from; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == ',':
				// the common case
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '\n':
				nb.blank(i)
				nb.pending = true
				i++
				continue
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				nb.blank(i)
				i++
				continue
			case c == '*' || c == '#' || c == '`' || c == '|':
				i++
				continue
			case c == '_' && (nb.space || nb.pending || i+1 == len(text) || !isASCIIAlnum(text[i+1])):
				// __emphasis__, but not the underscore of llama3_1/use-policy
				i++
				continue
			case c == '<':
				if j := htmlTagEnd(text, i); j > 0 {
					i = j
					continue
				}
			}
			if nb.pending {
				nb.startLine(i)
			}
			nb.b = append(nb.b, c)
			nb.off = append(nb.off, int32(i))
			nb.space = false
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch r {
		case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\uff02':
			nb.put('"', i)
		case '\u2018', '\u2019', '\u201a', '\u2032':
			nb.put('\'', i)
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			nb.put('-', i)
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\u200a', '\u202f', '\u3000':
			nb.blank(i)
		case '\ufeff', '\u200b', '\u200c', '\u200d':
		default:
			for k := 0; k < size; k++ {
				nb.put(text[i+k], i+k)
			}
		}
		i += size
	}
	n := &normText{src: text, s: string(nb.b), off: nb.off, lines: nb.lines, ends: nb.ends}
	if len(n.lines) > len(n.ends) {
		n.ends = append(n.ends, int32(len(nb.b)))
	}
	return n
}

// normBuilder accumulates a normText.
type normBuilder struct {
	b           []byte
	off         []int32
	lines, ends []int32
	space       bool // the last byte written is a space (or nothing yet)
	pending     bool // a line began and has no content yet
}

// put writes one content byte that came from text[at].
func (nb *normBuilder) put(c byte, at int) {
	if nb.pending {
		nb.startLine(at)
	}
	nb.b = append(nb.b, c)
	nb.off = append(nb.off, int32(at))
	nb.space = false
}

// blank writes a space, unless one was just written or the line has no
// content yet (leading white space is dropped).
func (nb *normBuilder) blank(at int) {
	if nb.space || nb.pending {
		return
	}
	nb.b = append(nb.b, ' ')
	nb.off = append(nb.off, int32(at))
	nb.space = true
}

// startLine records where a line's content begins, separating it from the
// previous line by one space.
func (nb *normBuilder) startLine(at int) {
	if len(nb.lines) > 0 {
		nb.ends = append(nb.ends, int32(len(nb.b)))
	}
	if !nb.space {
		nb.b = append(nb.b, ' ')
		nb.off = append(nb.off, int32(at))
		nb.space = true
	}
	nb.lines = append(nb.lines, int32(len(nb.b)))
	nb.pending = false
}

// htmlTagEnd returns the index just past an HTML tag such as <br>, <h2
// align="center"> or </h2> starting at i, or 0. Autolinks (<https://...>)
// are not tags: they keep their URL.
func htmlTagEnd(text []byte, i int) int {
	j := i + 1
	if j < len(text) && text[j] == '/' {
		j++
	}
	if j >= len(text) || !isASCIILetter(text[j]) {
		return 0
	}
	for k := j; k < len(text) && k < i+80; k++ {
		switch text[k] {
		case '>':
			return k + 1
		case ':', '\n', '<':
			return 0
		}
	}
	return 0
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// orig maps a normalized offset to an offset in the original text; end
// offsets map just past the last byte they cover.
func (n *normText) orig(i int) int {
	if i < len(n.off) {
		return int(n.off[i])
	}
	return -1
}

func (n *normText) origEnd(i int, textLen int) int {
	if i <= 0 {
		return n.orig(0)
	}
	if i > len(n.off) {
		return textLen
	}
	return int(n.off[i-1]) + 1
}

// lineOf returns the index of the line holding normalized offset i.
func (n *normText) lineOf(i int) int {
	return sort.Search(len(n.lines), func(k int) bool { return int(n.lines[k]) > i }) - 1
}

// opensLine reports whether the phrase at [i, i+size) is what its line
// says: nothing but symbols (no ASCII letters or digits: an emoji, a CJK
// bracket, a list mark) before it, and at most slack bytes after it.
func (n *normText) opensLine(i, size, slack int) bool {
	k := n.lineOf(i)
	if k < 0 {
		return false
	}
	for _, c := range []byte(n.s[n.lines[k]:i]) {
		if c < utf8.RuneSelf && (isASCIILetter(c) || c >= '0' && c <= '9') {
			return false
		}
	}
	return int(n.ends[k])-(i+size) <= slack
}
