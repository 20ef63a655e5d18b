package analysis

import (
	"context"
	"fmt"
	"testing"
)

// TestAnalyzeReusesUnchangedFiles: Reanalysed counts the files analysed
// afresh, in a workspace (where a keystroke may take the incremental path
// and fall back to a full run when the edit changes what the project rules
// read) and outside one.
func TestAnalyzeReusesUnchangedFiles(t *testing.T) {
	for _, root := range []string{"", "/ws"} {
		a := New()
		docs := func(third string) *Snapshot {
			return &Snapshot{Root: root, Docs: []Document{
				{Path: "a/LICENSE", Kind: KindLicense, Text: []byte("Acme License\n\nYou may not use the Model for commercial purposes.\n")},
				{Path: "b/LICENSE", Kind: KindLicense, Text: []byte("Other License\n")},
				{Path: "c/LICENSE", Kind: KindLicense, Text: []byte(third)},
			}}
		}
		if got := a.Analyze(context.Background(), docs("Third License\n")).Reanalysed; got != 3 {
			t.Fatalf("root %q: cold Analyze re-read %d files, want 3", root, got)
		}
		if got := a.Analyze(context.Background(), docs("Third License\n")).Reanalysed; got != 0 {
			t.Fatalf("root %q: unchanged Analyze re-read %d files, want 0", root, got)
		}
		if got := a.Analyze(context.Background(), docs("Third License, edited\n")).Reanalysed; got != 1 {
			t.Fatalf("root %q: Analyze after one edit re-read %d files, want 1", root, got)
		}
		// A clause the project rules read: no longer a mere keystroke.
		if got := a.Analyze(context.Background(), docs("Third License, edited\n\nYou may not use the Model for commercial purposes.\n")).Reanalysed; got != 1 {
			t.Fatalf("root %q: Analyze after an edit that changes the project re-read %d files, want 1", root, got)
		}
	}
}

func TestAnalyzeCancelledReturnsPartialResult(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := New().Analyze(ctx, &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte("x")}}})
	if res.Reanalysed != 0 {
		t.Fatalf("cancelled Analyze re-read %d files", res.Reanalysed)
	}
}

func TestDocumentWithoutWorkspaceHasNoRecordFindings(t *testing.T) {
	doc := Document{Path: "LICENSE", Kind: KindLicense, Text: []byte("Acme License\n\nYou may not use the Model for commercial purposes.\n")}
	for _, root := range []string{"", "/ws"} {
		res := New().Analyze(context.Background(), &Snapshot{Root: root, Docs: []Document{doc}})
		recorded := false
		for _, f := range res.Findings() {
			if f.Code == "record/unrecorded" {
				recorded = true
			}
		}
		if recorded != (root != "") {
			t.Errorf("root %q: record/unrecorded reported = %v", root, recorded)
		}
	}
}

// TestAnalyzeTellsTextsApartBySliceAndContent: an unchanged file is known by
// its array without hashing it again, so the shortcut must not take a new
// text of the same length, nor a shorter slice of the same array, for the
// old one.
func TestAnalyzeTellsTextsApartBySliceAndContent(t *testing.T) {
	a := New()
	text := []byte("Acme License\n\nYou may not use the Model for commercial purposes.\n")
	snap := &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: text}}}
	a.Analyze(context.Background(), snap)
	for _, c := range []struct {
		name string
		text []byte
		want int
	}{
		{"the same array", text, 0},
		{"a copy", append([]byte(nil), text...), 0},
		{"the copy again", nil, 0}, // filled below: the array the copy left in the cache
		{"new bytes of the same length", []byte("Acme License\n\nYou may now use the Model for commercial purposes.\n"), 1},
		{"a shorter slice of that array", nil, 1},
	} {
		switch c.name {
		case "the copy again":
			c.text = snap.Docs[0].Text
		case "a shorter slice of that array":
			c.text = snap.Docs[0].Text[:20]
		}
		snap.Docs[0].Text = c.text
		res := a.Analyze(context.Background(), snap)
		if res.Reanalysed != c.want {
			t.Errorf("%s: re-read %d files, want %d", c.name, res.Reanalysed, c.want)
		}
		fresh := New().Analyze(context.Background(), snap)
		if got, want := fmt.Sprint(res.Findings()), fmt.Sprint(fresh.Findings()); got != want {
			t.Errorf("%s: cached findings differ from a fresh analysis:\n%s\n%s", c.name, got, want)
		}
	}
}

// TestLayoutFollowsPaths: the analyzer keeps the last snapshot's layout
// (which folder holds what) while the paths stay the same. Moving a file,
// with the same number of files, must give the findings a fresh analyzer
// gives.
func TestLayoutFollowsPaths(t *testing.T) {
	card := []byte("---\nlicense: mit\nbase_model: ./models/acme\n---\n# Tool\n")
	base := []byte("---\nlicense: cc-by-nc-4.0\n---\n# Acme\n")
	snap := func(basePath string) *Snapshot {
		return &Snapshot{Docs: []Document{
			{Path: "README.md", Kind: KindCard, Text: card},
			{Path: basePath, Kind: KindCard, Text: base},
		}}
	}
	a := New()
	for _, p := range []string{"models/acme/README.md", "models/other/README.md", "models/acme/README.md"} {
		got := fmt.Sprint(a.Analyze(context.Background(), snap(p)).Findings())
		want := fmt.Sprint(New().Analyze(context.Background(), snap(p)).Findings())
		if got != want {
			t.Errorf("base card at %s: warm analyzer found\n%s\nfresh one\n%s", p, got, want)
		}
	}
}
