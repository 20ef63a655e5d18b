package server

import (
	"context"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// TestPublishKeepsIndexOfOpenFilesOnly pins what converting diagnostics
// keeps: a line index for a file open in the editor (its hovers and code
// actions come next), none for the other files with findings, whose
// indexes a large workspace would otherwise keep for every file (7 MB at
// 50,000 files) for positions nobody may ask for. The diagnostics are the
// same either way.
func TestPublishKeepsIndexOfOpenFilesOnly(t *testing.T) {
	text := []byte("Acme Internal License\n\nYou may not use the Model for commercial purposes.\n")
	snap := &analysis.Snapshot{Root: "/ws", Docs: []analysis.Document{
		{Path: "a/LICENSE", Kind: analysis.KindLicense, Text: text, Size: int64(len(text))},
		{Path: "b/LICENSE", Kind: analysis.KindLicense, Text: text, Size: int64(len(text))},
	}}
	res := analysis.New().Analyze(context.Background(), snap)
	v := newView("/ws")
	v.add(snap, res, "", func(rel string) protocol.DocumentURI { return fileURI("/ws", rel) })
	v.markOpen(openDoc{uri: fileURI("/ws", "a/LICENSE"), version: 1, text: text})
	open, closed := v.pathFile("a/LICENSE"), v.pathFile("b/LICENSE")
	if len(open.findings) == 0 || len(closed.findings) == 0 {
		t.Fatalf("findings %d and %d, want some in each license", len(open.findings), len(closed.findings))
	}
	dOpen, dClosed := v.diagnostics(open), v.diagnostics(closed)
	if open.idx.Load() == nil {
		t.Error("the open file's line index was not kept")
	}
	if closed.idx.Load() != nil {
		t.Error("the line index of a file nobody has open was kept")
	}
	for _, c := range []struct {
		fv *fileView
		ds []protocol.Diagnostic
	}{{open, dOpen}, {closed, dClosed}} {
		x := textpos.NewIndex(c.fv.text)
		for i, f := range c.fv.findings {
			if want := rangeIn(x, f.Span); c.ds[i].Range != want {
				t.Errorf("%s: diagnostic %d at %v, want %v", c.fv.path, i, c.ds[i].Range, want)
			}
		}
	}
}
