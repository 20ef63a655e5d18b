package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	root := t.TempDir()
	if err := Write(root, ".fineprint/policies/a.md", []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(root, ".fineprint/policies/a.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(root, ".fineprint/policies/a.md", []byte("two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, ".fineprint/policies/a.md"))
	if err != nil || string(got) != "two\n" {
		t.Fatalf("file = %q, %v", got, err)
	}
	info, _ := os.Stat(filepath.Join(root, ".fineprint/policies/a.md"))
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want the old 0600 kept", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Join(root, ".fineprint/policies"))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteRefusesPathsOutside(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "out")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Mkdir(filepath.Join(root, "in"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "in"), filepath.Join(root, "alias")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "x"), filepath.Join(root, "link.lock")); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"../x", "a/../../x", "/etc/passwd", "out/x", "out/deeper/x", "link.lock", "", ".", `a\b`} {
		err := Write(root, rel, []byte("x"), 0o644)
		if !errors.Is(err, ErrOutside) {
			t.Errorf("Write(%q) = %v, want ErrOutside", rel, err)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote outside the root: %v", entries)
	}
	// A link that stays inside the root is fine.
	if err := Write(root, "alias/ok", []byte("x"), 0o644); err != nil {
		t.Errorf("Write through an inside link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "in", "ok")); err != nil {
		t.Error(err)
	}
}
