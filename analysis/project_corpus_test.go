package analysis_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
)

// corpusCardPath places a corpus card where it would sit in a clone of its
// repository: "owner__name.md" becomes "owner/name/README.md"; a trailing
// "__via-..." part (the repository it was vendored through) is dropped.
func corpusCardPath(file string) string {
	name := strings.TrimSuffix(filepath.Base(file), ".md")
	var parts []string
	for _, p := range strings.Split(name, "__") {
		if !strings.HasPrefix(p, "via-") {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "/") + "/README.md"
}

// TestCorpusCards runs each real model card of the corpus on its own, in
// the folder its repository id gives, and compares its card/* findings
// with the expectations below (code and the text the range covers).
func TestCorpusCards(t *testing.T) {
	dir := filepath.Join(corpusDir(t), "model-cards")
	want := map[string][]string{
		// DeepSeek-R1-Distill-Llama-8B is derived from Llama 3.1 8B (the
		// table knows its lineage), yet declares MIT and is titled
		// "DeepSeek-R1".
		"deepseek-ai__DeepSeek-R1-Distill-Llama-8B.md": {
			"card/base-model-conflict [mit]",
			"card/derivative-naming [DeepSeek-R1]",
		},
		"BanglaGPT__SuSastho.AI__llama3-instruct-lora-adapter.md": {"card/no-license [---]"},
		"RoleInstructor__RoleInstructor__RoleInstrctor-1.5b.md":   {"card/other-needs-name [other]"},
		"facebook__opt-125m.md":                                   {"card/other-needs-name [other]"},
		"trl-internal-testing__tiny-Qwen2ForCausalLM-2.5.md":      {"card/no-license [---]"},
		"yushaolong10__soulmate__qwen_lora_adapter_0116_l.md":     {"card/no-license [---]"},
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	github, _ := filepath.Glob(filepath.Join(dir, "github", "*.md"))
	if len(files) != 31 || len(github) != 3 {
		t.Errorf("found %d cards and %d GitHub cards, want 31 and 3", len(files), len(github))
	}
	a := analysis.New()
	for _, file := range append(files, github...) {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p := corpusCardPath(file)
		kind := analysis.ClassifyContent(analysis.ClassifyPath(p), text)
		snap := &analysis.Snapshot{Root: "/work/cards", Docs: []analysis.Document{{Path: p, Kind: kind, Text: text, Size: int64(len(text))}}}
		res := a.Analyze(context.Background(), snap)
		var got []string
		for _, f := range res.Findings() {
			if strings.HasPrefix(f.Code, "card/") {
				got = append(got, f.Code+" ["+string(text[f.Span.Start:f.Span.End])+"]")
			}
		}
		sort.Strings(got)
		base := filepath.Base(file)
		if strings.Join(got, "\n") != strings.Join(want[base], "\n") {
			t.Errorf("%s (%s, kind %s):\n got %q\nwant %q", base, p, kind, got, want[base])
		}
	}
}
