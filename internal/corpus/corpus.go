// Package corpus finds the shared corpus of real license texts and model
// cards that tests and benchmarks read: ../shared/corpus beside the folder
// holding go.mod. The project never copies those texts; where the folder is
// absent (a clone elsewhere) the tests that need it skip with a message.
//
//	dir := corpus.Dir(t, "licenses") // skips t when there is no corpus
//	root := corpus.Find(".")         // "" when there is none, for benchmarks
//
// The corpus's own README says what each folder holds (licenses by family,
// model cards, whole projects) and where each text comes from.
package corpus

import (
	"os"
	"path/filepath"
)

// Find walks up from dir to the folder holding go.mod and returns
// ../shared/corpus beside it, or "" when there is none.
func Find(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			c := filepath.Join(d, "..", "shared", "corpus")
			if fi, err := os.Stat(filepath.Join(c, "licenses")); err == nil && fi.IsDir() {
				return filepath.Clean(c)
			}
			return ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// TB is the part of testing.TB that Dir needs; shipped code does not import
// package testing.
type TB interface {
	Helper()
	Fatal(args ...any)
	Skipf(format string, args ...any)
}

// Dir returns the corpus folder joined with elem (e.g. "licenses"), or
// skips tb with a message saying where the corpus was looked for.
func Dir(tb TB, elem ...string) string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	c := Find(wd)
	if c == "" {
		tb.Skipf("corpus not found at ../shared/corpus beside the module root (above %s); tests on real texts skipped", wd)
	}
	return filepath.Join(append([]string{c}, elem...)...)
}
