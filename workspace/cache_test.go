package workspace

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCacheRescan checks that a Load with a Cache sees every change a
// Load without one sees: edits in place, replacement by rename, removal.
func TestCacheRescan(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	later := time.Now().Add(time.Hour) // a new modification time, whatever the clock's granularity
	write("LICENSE", "MIT License\n")
	write("NOTICE", "Copyright 2024 A\n")
	c := &Cache{}
	load := func() map[string]string {
		t.Helper()
		snap, _, err := Load(root, Options{Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, d := range snap.Docs {
			got[d.Path] = string(d.Text)
		}
		return got
	}
	steps := []struct {
		name   string
		change func()
		want   map[string]string
	}{
		{"first load", func() {}, map[string]string{"LICENSE": "MIT License\n", "NOTICE": "Copyright 2024 A\n"}},
		{"unchanged", func() {}, map[string]string{"LICENSE": "MIT License\n", "NOTICE": "Copyright 2024 A\n"}},
		{"edited in place, same size", func() {
			write("LICENSE", "MIT Licence\n")
			os.Chtimes(filepath.Join(root, "LICENSE"), later, later)
		}, map[string]string{"LICENSE": "MIT Licence\n", "NOTICE": "Copyright 2024 A\n"}},
		{"replaced by rename", func() {
			write("NOTICE.tmp", "Copyright 2024 B\n")
			os.Rename(filepath.Join(root, "NOTICE.tmp"), filepath.Join(root, "NOTICE"))
		}, map[string]string{"LICENSE": "MIT Licence\n", "NOTICE": "Copyright 2024 B\n"}},
		{"removed", func() { os.Remove(filepath.Join(root, "NOTICE")) }, map[string]string{"LICENSE": "MIT Licence\n"}},
	}
	for _, s := range steps {
		s.change()
		got := load()
		if len(got) != len(s.want) {
			t.Fatalf("%s: got %q, want %q", s.name, got, s.want)
		}
		for p, w := range s.want {
			if got[p] != w {
				t.Errorf("%s: %s = %q, want %q", s.name, p, got[p], w)
			}
		}
	}
	if n := len(c.entries); n != 1 {
		t.Errorf("cache holds %d entries after the removal, want 1", n)
	}
}
