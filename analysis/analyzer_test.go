package analysis

import (
	"context"
	"testing"
)

func TestAnalyzeReusesUnchangedFiles(t *testing.T) {
	a := New()
	docs := func(third string) *Snapshot {
		return &Snapshot{Docs: []Document{
			{Path: "a/LICENSE", Kind: KindLicense, Text: []byte("Acme License\n\nYou may not use the Model for commercial purposes.\n")},
			{Path: "b/LICENSE", Kind: KindLicense, Text: []byte("Other License\n")},
			{Path: "c/LICENSE", Kind: KindLicense, Text: []byte(third)},
		}}
	}
	if got := a.Analyze(context.Background(), docs("Third License\n")).Reanalysed; got != 3 {
		t.Fatalf("cold Analyze re-read %d files, want 3", got)
	}
	if got := a.Analyze(context.Background(), docs("Third License\n")).Reanalysed; got != 0 {
		t.Fatalf("unchanged Analyze re-read %d files, want 0", got)
	}
	if got := a.Analyze(context.Background(), docs("Third License, edited\n")).Reanalysed; got != 1 {
		t.Fatalf("Analyze after one edit re-read %d files, want 1", got)
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
		for _, f := range res.Findings {
			if f.Code == "record/unrecorded" {
				recorded = true
			}
		}
		if recorded != (root != "") {
			t.Errorf("root %q: record/unrecorded reported = %v", root, recorded)
		}
	}
}
