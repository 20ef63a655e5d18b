package kb

import (
	"slices"
	"testing"
)

// TestLexiconsExpand: a class named as {{name}} becomes its phrases, quoted
// and longest first, in expressions, and its phrases in keyword lists; an
// unknown class is an error of the knowledge base.
func TestLexiconsExpand(t *testing.T) {
	l := Lexicons{"act": {"sell", "sell.on"}}
	cs := []ClausePattern{{ID: "x", Keywords: []string{"{{act}}", "fee"}, Match: []string{`not {{act}}\b`}, Unless: []string{`{{act}} data`}}}
	if err := l.expandClauses(cs); err != nil {
		t.Fatal(err)
	}
	if want := []string{"sell", "sell.on", "fee"}; !slices.Equal(cs[0].Keywords, want) {
		t.Errorf("keywords %q, want %q", cs[0].Keywords, want)
	}
	if want := `not (?:sell\.on|sell)\b`; cs[0].Match[0] != want {
		t.Errorf("match %q, want %q", cs[0].Match[0], want)
	}
	if want := `(?:sell\.on|sell) data`; cs[0].Unless[0] != want {
		t.Errorf("unless %q, want %q", cs[0].Unless[0], want)
	}
	// a match that opens with a class is one per phrase, longest first,
	// each opening with plain text
	lead := []ClausePattern{{ID: "z", Keywords: []string{"a"}, Match: []string{`{{act}} (?:{{act}})\b`, `x`}}}
	if err := l.expandClauses(lead); err != nil {
		t.Fatal(err)
	}
	if want := []string{`sell\.on (?:(?:sell\.on|sell))\b`, `sell (?:(?:sell\.on|sell))\b`, `x`}; !slices.Equal(lead[0].Match, want) {
		t.Errorf("split match %q, want %q", lead[0].Match, want)
	}
	bad := []ClausePattern{{ID: "y", Keywords: []string{"a"}, Match: []string{`{{nope}}`}}}
	if err := l.expandClauses(bad); err == nil {
		t.Error("unknown lexicon: no error")
	}
	if err := (Lexicons{"Up": {"Sell"}}).expandClauses(nil); err == nil {
		t.Error("upper-case phrase: no error")
	}
}

// TestLexiconsSplitLeading: (split) a Match expression that opens with a class is
// one expression per phrase, longest first, each opening with plain text;
// one that names a class later, and an Unless expression, stay one.
func TestLexiconsSplitLeading(t *testing.T) {
	l := Lexicons{"power": {"may", "reserves the right to"}}
	cs := []ClausePattern{{ID: "x", Match: []string{`{{power}} end\b`, `if {{power}}`}, Unless: []string{`{{power}} not`}}}
	if err := l.expandClauses(cs); err != nil {
		t.Fatal(err)
	}
	if want := []string{`reserves the right to end\b`, `may end\b`, `if (?:reserves the right to|may)`}; !slices.Equal(cs[0].Match, want) {
		t.Errorf("match %q, want %q", cs[0].Match, want)
	}
	if want := []string{`(?:reserves the right to|may) not`}; !slices.Equal(cs[0].Unless, want) {
		t.Errorf("unless %q, want %q", cs[0].Unless, want)
	}
}
