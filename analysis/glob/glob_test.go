package glob

import "testing"

func TestMatch(t *testing.T) {
	tests := []struct {
		glob, path string
		want       bool
	}{
		{"third_party/**", "third_party/llama/LICENSE", true},
		{"third_party/**", "src/third_party/LICENSE", false},
		{"third_party", "src/third_party/LICENSE", true},
		{"*.gguf", "models/a.gguf", true},
		{"*.gguf", "models/a.gguf.txt", false},
		{"models/*/LICENSE", "models/llama/LICENSE", true},
		{"models/*/LICENSE", "models/llama/sub/LICENSE", false},
		{"**/LICENSE", "a/b/c/LICENSE", true},
		{"./vendor/", "vendor/x/README.md", true},
		{"docs/**/*.md", "docs/a/b.md", true},
		{"docs/**/*.md", "doc/a/b.md", false},
	}
	for _, tt := range tests {
		if got := Match(tt.glob, tt.path); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.glob, tt.path, got, tt.want)
		}
	}
}

func TestValid(t *testing.T) {
	for g, want := range map[string]bool{"third_party/**": true, "*.md": true, "[a-": false, "x/[": false} {
		if got := Valid(g); got != want {
			t.Errorf("Valid(%q) = %v, want %v", g, got, want)
		}
	}
}
