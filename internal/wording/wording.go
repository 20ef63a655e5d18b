// Package wording writes numbers and plurals the one way every fineprint
// message, report and command line does, so that the same count never reads
// two ways:
//
//	Digits(1234567)        "1,234,567"
//	Short(700000000)       "700M"     (finding messages: "2M of 700M")
//	Long(700000000)        "700 million" (checklists and clause messages)
//	Count(3, "policy")     "3 policies"
//	Noun(1, "clause")      "clause"
//
// It also says when a line is written in capitals (CapitalLetters), which
// the clause reader (a heading) and the modified-license check (a warranty
// disclaimer, which adds no terms) both ask, and folds text to lower-case
// words one space apart (FoldWords), which identification and the notice
// rules both compare.
//
// A number is abbreviated (Short, Long) only when it is round to a tenth of
// the unit (700M, 2.5M, 1.5 billion); any other number is written out with
// thousands separators, so that a message never blurs a comparison: 699,999,999
// is not "700M".
package wording

import (
	"math"
	"strconv"
	"strings"
)

// Digits writes n with commas between groups of three digits: "1,234,567",
// "-1,000", "999".
func Digits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

type unit struct {
	size        int64
	short, long string
}

var units = []unit{{1e12, "", "trillion"}, {1e9, "B", "billion"}, {1e6, "M", "million"}, {1e3, "K", ""}}

// abbreviate writes n in the largest unit it is round in, or Digits.
func abbreviate(n int64, name func(unit) string) string {
	for _, u := range units {
		sym := name(u)
		if sym == "" {
			continue
		}
		if n >= u.size && n%(u.size/10) == 0 {
			return strconv.FormatFloat(float64(n)/float64(u.size), 'f', -1, 64) + sym
		}
	}
	return Digits(n)
}

// Short writes a count the way a short message does: 700M, 2.5M, 1B, 10K;
// a number not round to a tenth of its unit is written as Digits.
func Short(n int64) string {
	return abbreviate(n, func(u unit) string { return u.short })
}

// Long writes a count the way licenses do: "700 million", "1.5 billion",
// "20,000" (thousands are never abbreviated); a number not round to a tenth
// of its unit is written as Digits ("1,234,567").
func Long(n int64) string {
	return abbreviate(n, func(u unit) string {
		if u.long == "" {
			return ""
		}
		return " " + u.long
	})
}

// LongFloat is Long of v rounded to a whole number.
func LongFloat(v float64) string { return Long(int64(math.Round(v))) }

// Noun is the form of noun that goes with n: "file" for 1, "files" for
// any other number, "policies" for a noun ending in a consonant and "y";
// mass nouns ("information") do not change.
func Noun(n int, noun string) string {
	if n == 1 || noun == "information" || strings.HasSuffix(noun, " information") {
		return noun
	}
	if strings.HasSuffix(noun, "y") && len(noun) > 1 && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])) {
		return noun[:len(noun)-1] + "ies"
	}
	if strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "x") || strings.HasSuffix(noun, "sh") || strings.HasSuffix(noun, "ch") {
		return noun + "es"
	}
	return noun + "s"
}

// Count writes n and the noun in the form that goes with it: "1 file",
// "1,234,567 files", "2 policies".
func Count(n int, noun string) string { return Digits(int64(n)) + " " + Noun(n, noun) }

// Pick returns one when n is 1 and many otherwise, for words a plural
// changes other than the noun ("it is" / "they are").
func Pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// CapitalLetters counts the ASCII capital letters of line, or returns -1 as
// soon as it meets a lower-case one: "LIMITATION OF LIABILITY" has 21,
// "Section 2" -1.
func CapitalLetters(line []byte) int {
	n := 0
	for _, c := range line {
		switch {
		case c >= 'a' && c <= 'z':
			return -1
		case c >= 'A' && c <= 'Z':
			n++
		}
	}
	return n
}

// LowerASCII returns a copy of b with its ASCII letters in lower case and
// every other byte as it is, so that an offset found in the copy is the
// same offset in b (bytes.ToLower may change lengths: an invalid byte
// becomes a three-byte U+FFFD, "İ" a longer "i̇").
func LowerASCII(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
