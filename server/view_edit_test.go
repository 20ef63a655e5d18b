package server

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/testws"
	"github.com/fineprint-dev/fineprint/workspace"
)

// TestEditViewEqualsFullView types into the licenses of a generated
// workspace and checks that each view a keystroke builds on the last one
// (only the files its analysis changed are new) shows, for every file,
// what a view built from scratch for the same result shows: the same
// text, findings, licenses and references, so the same diagnostics.
func TestEditViewEqualsFullView(t *testing.T) {
	ws, err := testws.Generate(t.TempDir(), benchCorpusDir(t), 300)
	if err != nil {
		t.Fatal(err)
	}
	for _, capped := range []bool{false, true} {
		t.Run(fmt.Sprintf("capped=%v", capped), func(t *testing.T) { testEditView(t, ws, capped) })
	}
}

// testEditView is TestEditViewEqualsFullView on ws; with capped, the
// profile's limits.findings cuts the findings, so that a keystroke can
// change which findings of other files are kept.
func testEditView(t *testing.T, ws *testws.Workspace, capped bool) {
	snap, _, err := workspace.Load(ws.Root, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	snap.Now = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	if capped {
		snap.Settings = &analysis.Profile{Limits: analysis.Limits{Findings: 100}}
	}
	uris := map[string]protocol.DocumentURI{}
	fileURIOf := func(rel string) protocol.DocumentURI {
		if _, ok := uris[rel]; !ok {
			uris[rel] = fileURI(ws.Root, rel)
		}
		return uris[rel]
	}
	a := analysis.New()
	ctx := context.Background()
	build := func(prev *view, snap *analysis.Snapshot, res *analysis.Result, layered bool) *view {
		v := newView(ws.Root)
		v.resID = res.ID
		if layered {
			v.addEdit(prev, snap, res, fileURIOf)
		} else {
			v.add(snap, res, "", fileURIOf)
		}
		return v
	}
	res := a.Analyze(ctx, snap)
	prev := build(nil, snap, res, false)
	layers, sharedRefs := 0, 0
	since := map[string]bool{} // the paths edits changed since the last whole view
	for step := range 24 {
		p := ws.Licenses[step%len(ws.Licenses)]
		i := slices.IndexFunc(snap.Docs, func(d analysis.Document) bool { return d.Path == p })
		text := snap.Docs[i].Text
		mid := len(text) / 2
		for mid < len(text) && text[mid] != '\n' {
			mid++
		}
		next := *snap
		next.Docs = slices.Clone(snap.Docs)
		next.Docs[i].Text = slices.Concat(text[:mid], fmt.Appendf(nil, "\nedit %d", step), text[mid:])
		snap = &next
		res = a.Analyze(ctx, snap)
		full := build(nil, snap, res, false)
		if !layerable(prev, full, res, nil) {
			prev = full
			clear(since)
			continue
		}
		layers++
		v := build(prev, snap, res, true)
		for _, p := range res.Dirty {
			since[p] = true
		}
		// What publish compares and converts: the files of v's own layer,
		// only those the edits changed, however large the workspace.
		for _, fv := range v.files {
			if !since[fv.path] {
				t.Fatalf("step %d: the view made %s again, which no edit changed", step, fv.path)
			}
		}
		// A keystroke that moves no reference hands the changed files'
		// references on from the last view instead of reading the list of
		// the whole workspace's.
		for _, p := range res.Dirty {
			if got, old := v.pathFile(p), prev.pathFile(p); identicalList(res.References, prev.refs) && got != nil && old != nil && len(old.refs) > 0 {
				if !identicalList(got.refs, old.refs) {
					t.Fatalf("step %d: the references of %s were read again from an unchanged list", step, p)
				}
				sharedRefs++
			}
		}
		if len(res.Dirty) >= len(snap.Docs)/10 {
			t.Fatalf("step %d: %d of %d files changed", step, len(res.Dirty), len(snap.Docs))
		}
		full.each(func(u protocol.DocumentURI, want *fileView) {
			got := v.fileAt(u)
			if got == nil {
				t.Fatalf("step %d: the layered view lacks %s", step, u)
			}
			if got.path != want.path || got.kind != want.kind || !slices.Equal(got.text, want.text) ||
				!sameList(got.findings, want.findings) || !sameList(got.licenses, want.licenses) || !sameList(got.refs, want.refs) {
				t.Fatalf("step %d: %s differs:\n got  %d findings %+v\n want %d findings %+v", step, want.path, len(got.findings), got.findings, len(want.findings), want.findings)
			}
		})
		v.each(func(u protocol.DocumentURI, got *fileView) {
			if full.fileAt(u) == nil && (len(got.findings) > 0 || len(got.licenses) > 0 || len(got.refs) > 0) {
				t.Fatalf("step %d: the layered view has %s, which a full view lacks", step, u)
			}
		})
		if v.parent == nil || v.parent.parent != nil {
			t.Fatalf("step %d: the view is not one layer on a whole one", step)
		}
		prev = v
	}
	if capped && res.Dropped == 0 {
		t.Error("nothing was cut")
	}
	if sharedRefs == 0 {
		t.Error("no keystroke handed references on from the last view")
	}
	if layers < 12 {
		t.Errorf("only %d of 24 keystrokes built on the last view: the test proves little", layers)
	}
}

// sameList compares two lists, nil and empty alike.
func sameList[T any](a, b []T) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}
