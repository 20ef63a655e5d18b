package analysis

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// normaliseNoticeSpec is normaliseNotice as first written, four passes:
// the definition the one-pass version must match.
func normaliseNoticeSpec(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("©", "(c)", "\u00a0", " ", "’", "'").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSuffix(s, ".")
}

func TestNormaliseNoticeMatchesSpec(t *testing.T) {
	cases := []string{"", " ", ".", " . ", "Built with Llama.", "  Copyright © 2026  Acme\u00a0Inc.\n", "It’s ©.", "Ⓐ KELVIN \u212a İstanbul",
		"a\u2028b\u0085c\u3000d", "bad \xff\xfe utf8", "\xc3", "ends with dots..", "TAB\tAND\r\nCRLF", "\u00a0\u00a0lead", "x\u200by"}
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"a", "B", " ", "\t", "\n", ".", "©", "’", "\u00a0", "\u212a", "İ", "\xff", "\xe2\x80", "Ω", "\u2029", "\u1680", "ǅ", "é"}
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(10) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		if got, want := normaliseNotice(c), normaliseNoticeSpec(c); got != want {
			t.Fatalf("normaliseNotice(%q) = %q, want %q", c, got, want)
		}
	}
}

// TestApacheAppendixMatchesRegexp checks the hand-written search against
// the regexp it replaced, `(?i)appendix:\s*how to apply`.
func TestApacheAppendixMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`(?i)appendix:\s*how to apply`)
	cases := []string{"", "APPENDIX: How to apply the Apache License", "appendix:how to apply", "Appendix:\n\t  HOW TO APPLY",
		"appendix: how to", "appendix appendix: how to apply", "APPENDIX:\vhow to apply", "xappendix: how to applyx", "appendix:\u00a0how to apply"}
	rng := rand.New(rand.NewSource(5))
	pieces := []string{"appendix:", "APPENDIX:", "ApPeNdIx:", "how to apply", "HOW to Apply", " ", "\n", "\f", "a", "é", "appendix", "how to"}
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(6) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		want := -1
		if m := re.FindStringIndex(c); m != nil {
			want = m[0]
		}
		if got := apacheAppendix([]byte(c)); got != want {
			t.Fatalf("apacheAppendix(%q) = %d, want %d", c, got, want)
		}
	}
}

// TestAbsentNeverHidesANotice: whenever absent says a notice cannot be in a
// text, the normalised text indeed lacks it.
func TestAbsentNeverHidesANotice(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	pieces := []string{"Built", "with", "LLAMA", "llama", " ", "\n", "©", "(c)", "’", "'", "\u212a", "İ", "i", "k", "2026", "\xff", "c", ".", "\u00a0"}
	gen := func(n int) string {
		var b strings.Builder
		for range rng.Intn(n) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	said := 0
	for range 50000 {
		text, line := gen(12), gen(4)
		needle := normaliseNotice(line)
		if absent([]byte(text), needle) {
			said++
			if strings.Contains(normaliseNotice(text), needle) {
				t.Fatalf("absent(%q, %q) = true, but the normalised text %q holds it", text, needle, normaliseNotice(text))
			}
		}
	}
	if said == 0 {
		t.Fatal("absent never answered true: the test checks nothing")
	}
}
