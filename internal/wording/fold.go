package wording

import (
	"unicode"
	"unicode/utf8"
)

// FoldWords appends to dst what joining the fields of the lower-cased s
// with single spaces gives (strings.Join(strings.Fields(strings.ToLower(s)),
// " ")), in one pass: no blank at either end, each run of white space one
// space, an invalid byte U+FFFD as ToLower makes it. Each non-ASCII rune,
// lower-cased, is written by appendRune when it is not nil (so that a
// caller can fold "©" to "(c)" in the same pass), by utf8.AppendRune
// otherwise. Identification folds license texts with it and the notice
// rules fold notice lines, both on every analysis of a large text.
func FoldWords[T ~string | ~[]byte](dst []byte, s T, appendRune func([]byte, rune) []byte) []byte {
	space := false // white space seen since the last character written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case asciiSpace[c]:
				space = len(dst) > 0
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				dst, space = append(dst, ' '), false
			}
			dst = append(dst, c)
			continue
		}
		// At most UTFMax bytes: for a string the conversion is a copy on
		// the stack, for bytes none.
		r, size := utf8.DecodeRune([]byte(s[i:min(i+utf8.UTFMax, len(s))]))
		i += size
		r = unicode.ToLower(r)
		if unicode.IsSpace(r) {
			space = len(dst) > 0
			continue
		}
		if space {
			dst, space = append(dst, ' '), false
		}
		if appendRune != nil {
			dst = appendRune(dst, r)
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// asciiSpace are the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
