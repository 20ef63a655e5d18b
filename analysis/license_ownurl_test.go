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
