package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

const rulesPath = "../../docs/rules.md"

func TestRulesDocIsUpToDate(t *testing.T) {
	have, err := os.ReadFile(rulesPath)
	if err != nil {
		t.Fatalf("%v: run `go generate ./...` to create docs/rules.md", err)
	}
	want := Generate(kb.Default())
	if !bytes.Equal(have, want) {
		t.Fatalf("docs/rules.md is out of date with analysis/kb (first difference at line %d): run `go generate ./...`",
			firstDifferentLine(have, want))
	}
}

func firstDifferentLine(a, b []byte) int {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}

// Every code needs a heading whose GitHub anchor is Rule.Anchor, because
// diagnostics link there; and every link in the table must land.
func TestEveryCodeHasItsAnchor(t *testing.T) {
	doc := string(Generate(kb.Default()))
	anchors := map[string]int{}
	for _, m := range regexp.MustCompile(`(?m)^#{1,6} (.+)$`).FindAllStringSubmatch(doc, -1) {
		anchors[kb.HeadingAnchor(m[1])]++
	}
	for a, n := range anchors {
		if n > 1 {
			t.Errorf("anchor #%s is used by %d headings; GitHub would number them", a, n)
		}
	}
	for _, r := range kb.Default().Rules {
		if anchors[r.Anchor()] != 1 {
			t.Errorf("%s: no heading with anchor #%s", r.Code, r.Anchor())
		}
		if !strings.Contains(doc, "](#"+r.Anchor()+")") {
			t.Errorf("%s: not linked from the table of codes", r.Code)
		}
	}
	for _, l := range kb.Default().Licenses {
		if !strings.Contains(doc, "| `"+l.ID+"` |") {
			t.Errorf("license %s missing from the known-licenses table", l.ID)
		}
	}
}

func TestWriteFileReplacesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(path, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new\n" {
		t.Errorf("file holds %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}
