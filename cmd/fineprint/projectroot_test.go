package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestProjectRootStopsAtTheCurrentFolder(t *testing.T) {
	home := t.TempDir() // a home folder kept in git
	if err := os.Mkdir(filepath.Join(home, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	proj := filepath.Join(home, "work", "proj")
	deep := filepath.Join(proj, "models", "a")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(proj, ".fineprint.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir, stop string
		want      string
		ok        bool
	}{
		{deep, proj, proj, true},                        // pre-commit: the repository root is the current folder
		{deep, home, proj, true},                        // the nearest marker wins
		{deep, deep, "", false},                         // the current folder is below the project: the file alone
		{filepath.Join(home, "work"), home, home, true}, // up to the current folder, inclusive
		{filepath.Join(home, "work"), filepath.Join(home, "work"), "", false},
	}
	for _, tt := range tests {
		got, ok := projectRoot(tt.dir, tt.stop)
		if got != tt.want || ok != tt.ok {
			t.Errorf("projectRoot(%s, %s) = %q, %v; want %q, %v", tt.dir, tt.stop, got, ok, tt.want, tt.ok)
		}
	}
}
