package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestExample checks that testdata/example, the project a newcomer runs
// first, shows what fineprint is for: each kind of clause in its custom
// license, the lineage problems of a Llama fine-tune, and the profile at work.
func TestExample(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--format", "json", filepath.Join("..", "..", "testdata", "example")}, &stdout, &stderr)
	if code != 0 || stderr.Len() != 0 {
		t.Fatalf("exit %d, stderr %q; want 0 and nothing on stderr", code, stderr.String())
	}
	var doc struct {
		Findings []struct{ Code, Severity, Path string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{} // code@path -> severity
	for _, f := range doc.Findings {
		got[f.Code+"@"+f.Path] = f.Severity
	}
	want := map[string]string{
		"clause/notice-required@LICENSE":     "information",
		"clause/attribution@LICENSE":         "information",
		"clause/derivative-naming@LICENSE":   "information",
		"clause/policy-by-reference@LICENSE": "information",
		"clause/terms-may-change@LICENSE":    "warning",
		"clause/use-restriction@LICENSE":     "information",
		// The profile's 2 million users are under the license's 50 million.
		"clause/scale-threshold@LICENSE":       "information",
		"clause/output-restriction@LICENSE":    "warning",
		"clause/geographic@LICENSE":            "warning",
		"notice/missing-attribution@README.md": "warning",
		"notice/missing-notice@README.md":      "warning",
		"card/derivative-naming@README.md":     "warning",
		"manifest/model-license@app.py":        "information",
	}
	for k, sev := range want {
		if got[k] != sev {
			t.Errorf("%s: severity %q, want %q", k, got[k], sev)
		}
	}
}
