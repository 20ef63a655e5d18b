package analysis

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

func TestNearestHubID(t *testing.T) {
	a := New()
	tests := []struct{ in, want string }{
		{"apache 2.0", "apache-2.0"},
		{"llama-3.1", "llama3.1"}, // an alias: its Hub id
		{"llama3_2", "llama3.2"},  // an alias too
		{"lama3.1", "llama3.1"},   // a typo
		{"cc-by-nc-4", "cc-by-nc-4.0"},
		{"proprietary-enterprise-eula", ""}, // nothing close
	}
	for _, tt := range tests {
		if got := a.nearestHubID(tt.in, a.kb.License(tt.in)); got != tt.want {
			t.Errorf("nearestHubID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHasNamePrefix(t *testing.T) {
	tests := []struct {
		name, prefix string
		want         bool
	}{
		{"Llama-3.1-tune", "Llama", true},
		{"llama3-8b-ft", "Llama 3", true},
		{"Llama 3 Support", "Llama 3", true},
		{"Meta-Llama-3-8B-ft", "Llama 3", false},
		{"DeepSeek-R1", "Llama", false},
		{"Support Bot", "Llama", false},
	}
	for _, tt := range tests {
		if got := hasNamePrefix(tt.name, tt.prefix); got != tt.want {
			t.Errorf("hasNamePrefix(%q, %q) = %v", tt.name, tt.prefix, got)
		}
	}
}

func TestConflicts(t *testing.T) {
	k := kb.Default()
	tests := []struct {
		base, declared string
		want           bool
	}{
		{"llama3.1", "apache-2.0", true},
		{"llama3.1", "mit", true},
		{"llama3.1", "llama3.1", false},
		{"llama3.1", "other", false},
		{"gemma", "gemma", false},
		{"creativeml-openrail-m", "mit", true},
		{"deepseek", "apache-2.0", true},
		{"qwen-research", "apache-2.0", true},
		{"apache-2.0", "mit", false},
		{"mit", "apache-2.0", false},
		{"cc-by-sa-4.0", "cc-by-4.0", true},
	}
	for _, tt := range tests {
		b, d := k.License(tt.base), k.License(tt.declared)
		if b == nil || d == nil {
			t.Fatalf("license %s or %s missing from the knowledge base", tt.base, tt.declared)
		}
		if got := conflicts(b, d); got != tt.want {
			t.Errorf("conflicts(%s, %s) = %v, want %v", tt.base, tt.declared, got, tt.want)
		}
	}
}
