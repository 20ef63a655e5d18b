package analysis

import (
	"context"
	"testing"
)

func TestALicenseNamingItsOwnAddressIncorporatesNothing(t *testing.T) {
	notice := "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms\n"
	res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "NOTICE", Kind: KindLicense, Text: []byte(notice)}}})
	if len(res.Licenses) == 0 || res.Licenses[0].ID != "gemma" {
		t.Fatalf("NOTICE identified as %+v, want gemma", res.Licenses)
	}
	for _, f := range res.Findings() {
		if f.Code == "clause/policy-by-reference" {
			t.Errorf("the license's own address reported as a policy: %s", f.Message)
		}
	}
}

func TestURLKey(t *testing.T) {
	for _, u := range []string{"https://ai.google.dev/gemma/terms", "http://www.ai.google.dev/gemma/terms/", "AI.google.dev/gemma/terms"} {
		if got := urlKey(u); got != "ai.google.dev/gemma/terms" {
			t.Errorf("urlKey(%q) = %q", u, got)
		}
	}
}

// A file that names a standard license gives that license's address as
// the text that governs it, whether or not it adds terms of its own: the
// Creative Commons legal code a modified pointer names is no document it
// pulls in beside itself (GUIDE.md, settled by session 11's adjudicators).
func TestAStandardLicensesAddressInItsOwnPointer(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       int
	}{
		{"a plain pointer", "The Zeta weights are released under CC BY-NC 4.0.\n\nLegal code of the license: https://creativecommons.org/licenses/by-nc/4.0/legalcode\n", 0},
		{"a pointer with terms of its own", "The Zeta weights are released under CC BY-NC 4.0.\n\nLegal code of the license: https://creativecommons.org/licenses/by-nc/4.0/legalcode\n\nIn addition, you must not use the Zeta weights to identify or track individuals.\n", 0},
	} {
		res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(tt.text)}}})
		n := 0
		for _, f := range res.Findings() {
			if f.Code == "clause/policy-by-reference" {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%s: %d references, want %d", tt.name, n, tt.want)
		}
	}
}
