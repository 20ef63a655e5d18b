package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHubCacheDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"HF_HUB_CACHE": "/c", "HF_HOME": "/h", "HOME": "/u"}, "/c"},
		{map[string]string{"HF_HOME": "/h", "HOME": "/u"}, filepath.Join("/h", "hub")},
		{map[string]string{"HOME": "/u"}, filepath.Join("/u", ".cache", "huggingface", "hub")},
	}
	for _, tt := range tests {
		if got := HubCacheDir(env(tt.env)); got != tt.want {
			t.Errorf("HubCacheDir(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

func TestHubCache(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The hub library stores files as blobs and links them from snapshots.
	write("models--Org--Model/blobs/111", "---\nlicense: llama3.1\n---\n")
	write("models--Org--Model/refs/main", "rev2\n")
	write("models--Org--Model/snapshots/rev1/README.md", "old card")
	write("models--Org--Model/snapshots/rev2/LICENSE", "license text")
	if err := os.Symlink(filepath.Join(dir, "models--Org--Model/blobs/111"), filepath.Join(dir, "models--Org--Model/snapshots/rev2/README.md")); err != nil {
		t.Fatal(err)
	}
	write("models--a--licence-only/snapshots/x/LICENSE.md", "only a license")
	lookup := HubCache(dir)
	tests := []struct {
		id            string
		card, license string
		ok            bool
	}{
		{"Org/Model", "---\nlicense: llama3.1\n---\n", "license text", true},
		{"org/model", "---\nlicense: llama3.1\n---\n", "license text", true},
		{"a/licence-only", "", "only a license", true},
		{"no/such", "", "", false},
	}
	for _, tt := range tests {
		card, license, ok := lookup(tt.id)
		if string(card) != tt.card || string(license) != tt.license || ok != tt.ok {
			t.Errorf("lookup(%q) = %q, %q, %v; want %q, %q, %v", tt.id, card, license, ok, tt.card, tt.license, tt.ok)
		}
	}
	if HubCache(filepath.Join(dir, "missing")) != nil {
		t.Error("HubCache of a missing folder should be nil")
	}
}
