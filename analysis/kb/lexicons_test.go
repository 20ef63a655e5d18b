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
