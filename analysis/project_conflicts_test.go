package analysis

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestRestrictedBasesConflictWithPermissiveCards is issue 4's rule for
// card/base-model-conflict: any Llama, Gemma, RAIL, DeepSeek or Qwen base
// under a card that says apache-2.0 or mit conflicts.
func TestRestrictedBasesConflictWithPermissiveCards(t *testing.T) {
	k := kb.Default()
	bases := []string{
		"llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4",
		"gemma",
		"creativeml-openrail-m", "bigscience-openrail-m", "bigscience-bloom-rail-1.0", "bigcode-openrail-m", "openrail++",
		"deepseek",
		"tongyi-qianwen", "qwen", "qwen-research",
	}
	for _, base := range bases {
		for _, declared := range []string{"apache-2.0", "mit"} {
			b, d := k.License(base), k.License(declared)
			if b == nil || d == nil {
				t.Fatalf("license %s or %s missing from the knowledge base", base, declared)
			}
			if !conflicts(b, d) {
				t.Errorf("a %s card over a %s base does not conflict", declared, base)
			}
		}
	}
}
