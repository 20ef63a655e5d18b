package rpc

import (
	"encoding/binary"
	"errors"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

var errBadString = errors.New("invalid JSON string")

// unquoteJSON decodes one JSON string literal, quotes included, exactly as
// encoding/json decodes it into a string: escapes resolved, invalid UTF-8
// and unpaired surrogates replaced by U+FFFD. It exists because a document's
// whole text arrives as one such literal on every keystroke under full text
// sync, and this runs several times faster than the general decoders: it
// copies the runs between escapes whole instead of byte by byte.
func unquoteJSON(lit []byte) ([]byte, error) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return nil, errBadString
	}
	s := lit[1 : len(lit)-1]
	out := make([]byte, 0, len(s))
	for len(s) > 0 {
		i, ascii := plainASCII(s), true
	run:
		for ; i < len(s); i++ {
			switch c := s[i]; {
			case c == '\\':
				break run
			case c < 0x20 || c == '"':
				return nil, errBadString
			case c >= utf8.RuneSelf:
				ascii = false
			}
		}
		out = appendRun(out, s[:i], ascii)
		s = s[i:]
		if len(s) == 0 {
			break
		}
		if len(s) < 2 {
			return nil, errBadString
		}
		switch c := s[1]; c {
		case '"', '\\', '/':
			out = append(out, c)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(s[2:])
			if !ok {
				return nil, errBadString
			}
			s = s[6:]
			if utf16.IsSurrogate(r) {
				// A surrogate counts only when the next escape completes
				// the pair; otherwise it is U+FFFD and the next escape
				// stands alone.
				if len(s) >= 6 && s[0] == '\\' && s[1] == 'u' {
					if r2, ok := hex4(s[2:]); ok {
						if pair := utf16.DecodeRune(r, r2); pair != unicode.ReplacementChar {
							out = utf8.AppendRune(out, pair)
							s = s[6:]
							continue
						}
					}
				}
				r = unicode.ReplacementChar
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return nil, errBadString
		}
		s = s[2:]
	}
	return out, nil
}

// appendRun appends a run without escapes, replacing each byte of invalid
// UTF-8 by U+FFFD.
func appendRun(out, run []byte, ascii bool) []byte {
	if ascii || utf8.Valid(run) {
		return append(out, run...)
	}
	for len(run) > 0 {
		r, n := utf8.DecodeRune(run)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, unicode.ReplacementChar)
		} else {
			out = append(out, run[:n]...)
		}
		run = run[n:]
	}
	return out
}

// plainASCII returns the length of s's leading run, in whole 8-byte words,
// that needs no attention: ASCII without quotes, backslashes or control
// characters. It reads a word at a time (the bit tricks of "Bit Twiddling
// Hacks", "determine if a word has a byte less than n").
func plainASCII(s []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64(s[i:])
		quote, slash := w^(ones*'"'), w^(ones*'\\')
		special := (w - ones*0x20) | (quote-ones)&^quote | (slash-ones)&^slash | w
		if special&highs != 0 {
			break
		}
	}
	return i
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
