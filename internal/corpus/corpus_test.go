package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFind(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "main")
	deep := filepath.Join(repo, "analysis", "clause")
	for _, d := range []string{deep, filepath.Join(top, "shared", "corpus", "licenses")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if got := Find(deep); got != "" {
		t.Errorf("Find without go.mod = %q, want none", got)
	}
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := Find(deep), filepath.Join(top, "shared", "corpus"); got != want {
		t.Errorf("Find = %q, want %q", got, want)
	}
	if err := os.RemoveAll(filepath.Join(top, "shared")); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != "" {
		t.Errorf("Find with the corpus gone = %q, want none", got)
	}
}
