package rpc

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The cases a full-text change carries: escapes of every kind, surrogate
// pairs and lone halves, invalid UTF-8, CJK, emoji, CRLF and BOM.
var unquoteCases = []string{
	`""`,
	`"plain ASCII text"`,
	`"line one\nline two\r\n\ttabbed \"quoted\" back\\slash \/ \b\f"`,
	`"\u00e9t\u00E9 \u4e2d\u6587 \ud83d\ude00 \u003cp\u003e \u0026"`,
	`"\ufeffBOM first"`,
	`"lone high \ud83d then text"`,
	`"lone low \ude00 then text"`,
	`"high then non-low \ud83d\u0041"`,
	`"two highs \ud83d\ud83d\ude00"`,
	"\"raw UTF-8: 中文 😀 é\"",
	"\"invalid UTF-8: \xff\xfe and \xc3 cut\"",
	"\"long run without escapes, longer than one machine word of eight bytes, twice over\"",
}

func TestUnquoteJSONMatchesEncodingJSON(t *testing.T) {
	for _, lit := range unquoteCases {
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatalf("encoding/json refuses %q: %v", lit, err)
		}
		got, err := unquoteJSON([]byte(lit))
		if err != nil || string(got) != want {
			t.Errorf("unquoteJSON(%q) = %q, %v; want %q", lit, got, err, want)
		}
	}
}

func TestUnquoteJSONRefusesWhatJSONForbids(t *testing.T) {
	for _, lit := range []string{
		``, `"`, `abc`, `"abc`, `abc"`,
		"\"raw\nnewline\"", "\"raw\ttab\"", "\"nul\x00\"",
		`"inner " quote"`, `"bad \x escape"`, `"cut \"`, `"\u12"`, `"\u12G4"`, `"\"`,
	} {
		if got, err := unquoteJSON([]byte(lit)); err == nil {
			t.Errorf("unquoteJSON(%q) = %q, want an error", lit, got)
		}
	}
}

// FuzzUnquoteJSON: for any input without surrounding spaces, unquoteJSON agrees with encoding/json on
// whether it is a string literal and on its value.
func FuzzUnquoteJSON(f *testing.F) {
	for _, lit := range unquoteCases {
		f.Add([]byte(lit))
	}
	f.Fuzz(func(t *testing.T, lit []byte) {
		if len(bytes.TrimSpace(lit)) != len(lit) {
			return // encoding/json skips the spaces around a value; callers pass the literal alone
		}
		var want string
		wantErr := json.Unmarshal(lit, &want)
		got, err := unquoteJSON(lit)
		switch {
		case wantErr != nil && err == nil:
			t.Fatalf("unquoteJSON(%q) = %q; encoding/json refuses it: %v", lit, got, wantErr)
		case wantErr == nil && err != nil:
			t.Fatalf("unquoteJSON(%q) fails (%v); encoding/json gives %q", lit, err, want)
		case wantErr == nil && string(got) != want:
			t.Fatalf("unquoteJSON(%q) = %q, want %q", lit, got, want)
		}
	})
}
