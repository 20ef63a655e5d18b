package rpc

import (
	"encoding/json"
	"reflect"
	"testing"

	"go.lsp.dev/protocol"
)

func rng(l1, c1, l2, c2 uint32) *protocol.Range {
	return &protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
}

// rawChange is a didChange as editors send it, the range left out for a
// whole text.
type rawChange struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []rawContentChange                       `json:"contentChanges"`
}

type rawContentChange struct {
	Range       *protocol.Range `json:"range,omitempty"`
	RangeLength *uint32         `json:"rangeLength,omitempty"`
	Text        string          `json:"text"`
}

// TestContentChangeRanged: a missing range is the whole text; a zero range
// is the whole text too until the client has shown it sends ranges (what
// go.lsp.dev/protocol clients send for a whole text), then an insertion.
func TestContentChangeRanged(t *testing.T) {
	var zero uint32
	tests := []struct {
		name        string
		change      ContentChange
		incremental bool
		want        bool
	}{
		{"no range", ContentChange{}, true, false},
		{"zero range from a full-sync client", ContentChange{Range: rng(0, 0, 0, 0)}, false, false},
		{"zero range with rangeLength", ContentChange{Range: rng(0, 0, 0, 0), RangeLength: &zero}, false, true},
		{"zero range from an incremental client", ContentChange{Range: rng(0, 0, 0, 0)}, true, true},
		{"other range", ContentChange{Range: rng(0, 1, 0, 1)}, false, true},
	}
	for _, tt := range tests {
		if got := tt.change.Ranged(tt.incremental); got != tt.want {
			t.Errorf("%s: ranged = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// didChangeBodies are didChange params on which DecodeDidChange must agree
// with encoding/json.
var didChangeBodies = []string{
	`{"textDocument":{"uri":"file:///w/LICENSE","version":7},"contentChanges":[{"text":"MIT License\r\n\r\nCopyright \u00a9 模型 🦙\n"}]}`,
	`{"textDocument":{"uri":"file:///w/README.md","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":16},"end":{"line":1,"character":16}},"rangeLength":0,"text":" \ud83e\udd99"},{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"\r\n"}]}`,
	`{"textDocument":{"uri":"file:///a","version":1},"contentChanges":[{"text":null},{}]}`,
	`{"textDocument":{"uri":"file:///a"},"contentChanges":[]}`,
	`{"contentChanges":[{"text":"\ufeff---\nlicense: other\n---\n"}],"textDocument":{"version":3,"uri":"untitled:Untitled-1"}}`,
}

func TestDecodeDidChangeAgreesWithEncodingJSON(t *testing.T) {
	for _, body := range didChangeBodies {
		checkDidChangeAgrees(t, []byte(body))
	}
}

func FuzzDecodeDidChange(f *testing.F) {
	for _, body := range didChangeBodies {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkDidChangeAgrees(t, body)
	})
}

// checkDidChangeAgrees: whatever encoding/json decodes, DecodeDidChange
// decodes to the same changes. (Where encoding/json refuses the params,
// DecodeDidChange may still read them.)
func checkDidChangeAgrees(t *testing.T, body []byte) {
	t.Helper()
	var want rawChange
	if json.Unmarshal(body, &want) != nil {
		return
	}
	got, err := DecodeDidChange(body)
	if err != nil {
		t.Fatalf("params %q: DecodeDidChange: %v; encoding/json reads them", body, err)
	}
	if got.TextDocument != want.TextDocument || len(got.ContentChanges) != len(want.ContentChanges) {
		t.Fatalf("params %q: DecodeDidChange gives %+v, encoding/json %+v", body, got, want)
	}
	for i, w := range want.ContentChanges {
		g := got.ContentChanges[i]
		if string(g.Text) != w.Text || !reflect.DeepEqual(g.Range, w.Range) || !reflect.DeepEqual(g.RangeLength, w.RangeLength) {
			t.Fatalf("params %q: change %d: DecodeDidChange gives %+v, encoding/json %+v", body, i, g, w)
		}
	}
}
