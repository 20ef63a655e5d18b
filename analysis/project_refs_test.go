package analysis

import (
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/manifest"
)

// TestLicenseDirectiveFixApplies: the LICENSE directive the fix appends is
// read back by the Modelfile parser, and the finding's complaint goes away.
func TestLicenseDirectiveFixApplies(t *testing.T) {
	license := "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT\r\nLlama 3.2 Version Release Date: September 25, 2024\r\n"
	modelfile := "FROM llama3.2\r\nPARAMETER temperature 0.3"
	docs := func(mf string) []Document {
		return []Document{
			{Path: "LICENSE", Kind: KindLicense, Text: []byte(license)},
			{Path: "Modelfile", Kind: KindModelfile, Text: []byte(mf)},
		}
	}
	res := New().Analyze(t.Context(), &Snapshot{Root: "/w", Docs: docs(modelfile)})
	var fix *Fix
	for _, f := range res.Findings() {
		if f.Code == "manifest/model-license" && len(f.Fixes) == 1 {
			fix = &f.Fixes[0]
		}
	}
	if fix == nil || len(fix.Edits) != 1 {
		t.Fatalf("no LICENSE directive fix in %+v", res.Findings())
	}
	e := fix.Edits[0]
	fixed := modelfile[:e.Span.Start] + e.NewText + modelfile[e.Span.End:]
	if mf := manifest.ParseModelfile([]byte(fixed)); len(mf.Licenses) != 1 || mf.Licenses[0].Text != license {
		t.Fatalf("fixed Modelfile %q carries licenses %+v, want the license text", fixed, mf.Licenses)
	}
	for _, f := range New().Analyze(t.Context(), &Snapshot{Root: "/w", Docs: docs(fixed)}).Findings() {
		if f.Code == "manifest/model-license" && strings.Contains(f.Message, "no LICENSE directive") {
			t.Errorf("after the fix: %s", f.Message)
		}
	}
}
