package clause

import "unicode/utf8"

// normalizer turns sentences into the form patterns are written against:
// ASCII lower case, straight quotes, dashes as "-", one space for any run
// of blanks, no Markdown emphasis. It remembers, for every byte it writes,
// the offset of the original byte it came from, so that matched groups can
// be read back from the original text.
type normalizer struct {
	buf []byte
	pos []int32
}

// sentence normalizes text[s:e], replacing the previous sentence, and
// returns it. Normalizing never makes a sentence longer, so the buffers are
// sized once and then written by index.
func (n *normalizer) sentence(text []byte, s, e int) string {
	buf := append(n.buf[:0], make([]byte, e-s+1)...)
	pos := append(n.pos[:0], make([]int32, e-s+1)...)
	w := 0
	space := true // suppress leading blanks
	i := s + commentMark(text[s:e])
	for i < e {
		c := text[i]
		if c < 0x80 && plainASCII[c] != 0 {
			// Most bytes: a letter, a digit or a mark written as it is
			// (letters in lower case).
			buf[w], pos[w] = plainASCII[c], int32(i)
			w++
			space = false
			i++
			continue
		}
		if c < 0x80 {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				if !space {
					buf[w], pos[w] = ' ', int32(i)
					w++
					space = true
				}
				if c == '\n' {
					i += commentMark(text[i+1 : e]) // the line's "//"
				}
			case c == '*':
			case c == '_' && !(i > s && isAlnum(text[i-1]) && i+1 < e && isAlnum(text[i+1])):
			default:
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[w], pos[w] = c, int32(i)
				w++
				space = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:e])
		var out byte
		switch r {
		case '“', '”', '„', '‟', '«', '»', '″', '「', '」', '『', '』':
			// Japanese corner brackets quote as “” do: 「X」と表記
			out = '"'
		case '‘', '’', '‚', '‛', '′':
			out = '\''
		case '–', '—', '‐', '‑', '−':
			out = '-'
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\u202f', '\u3000':
			if !space {
				buf[w], pos[w] = ' ', int32(i)
				w++
				space = true
			}
			i += size
			continue
		case '\u00ad', '\u200b', '\ufeff':
			i += size
			continue
		default:
			for k := 0; k < size; k++ {
				buf[w], pos[w] = text[i+k], int32(i)
				w++
			}
			space = false
			i += size
			continue
		}
		buf[w], pos[w] = out, int32(i)
		w++
		space = false
		i += size
	}
	if w > 0 && buf[w-1] == ' ' {
		w--
	}
	// The position after the last byte maps to the sentence end, so a group
	// that ends the sentence reads to its end.
	buf[w], pos[w] = 0, int32(e)
	n.buf, n.pos = buf[:w+1], pos[:w+1]
	return string(buf[:w])
}

// plainASCII maps each ASCII byte the normalizer writes as it is, in
// lower case, to what it writes; 0 for the blanks, "*", "_" and NUL.
var plainASCII = func() (t [0x80]byte) {
	for c := 1; c < 0x80; c++ {
		switch c {
		case ' ', '\t', '\n', '\r', '\v', '\f', '*', '_':
			continue
		}
		t[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// commentMark returns the length of the comment marker "//" that opens a
// line of a license kept in a source file's comment, with the blanks
// before it, or 0: "... must be open source and prohibited\n// for
// commercial use." reads as one sentence without it. ("#" would be a
// Markdown heading, which ends a sentence anyway.)
func commentMark(b []byte) int {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if i+1 < len(b) && b[i] == '/' && b[i+1] == '/' {
		return i + 2
	}
	return 0
}

// original maps the normalized range [a, b) back to the original text:
// from the first byte of a's character to the first byte of b's.
func (n *normalizer) original(a, b int) (int, int) {
	return int(n.pos[a]), int(n.pos[b])
}
