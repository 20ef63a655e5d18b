package server

import (
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

func rng(l1, c1, l2, c2 uint32) *protocol.Range {
	return &protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
}

// TestApplyChangeUTF16 applies ranged changes whose positions count UTF-16
// code units, as the protocol does: an emoji is two units, a CJK character
// one, and "\r\n" or a lone "\r" ends a line.
func TestApplyChangeUTF16(t *testing.T) {
	tests := []struct {
		name, text string
		change     rpc.ContentChange
		want       string
	}{
		{"whole text", "old", rpc.ContentChange{Text: []byte("new")}, "new"},
		{"insert at the start", "abc", rpc.ContentChange{Range: rng(0, 0, 0, 0), Text: []byte("x")}, "xabc"},
		{"after an emoji", "🦙b\n", rpc.ContentChange{Range: rng(0, 2, 0, 2), Text: []byte("a")}, "🦙ab\n"},
		{"replace an emoji", "a🦙b", rpc.ContentChange{Range: rng(0, 1, 0, 3), Text: []byte("😀")}, "a😀b"},
		{"inside a surrogate pair maps to its start", "a🦙b", rpc.ContentChange{Range: rng(0, 2, 0, 2), Text: []byte("|")}, "a|🦙b"},
		{"CJK counts one unit", "模型许可\n", rpc.ContentChange{Range: rng(0, 1, 0, 3), Text: []byte("X")}, "模X可\n"},
		{"CRLF lines", "one\r\ntwo\r\nthree", rpc.ContentChange{Range: rng(1, 0, 1, 3), Text: []byte("2")}, "one\r\n2\r\nthree"},
		{"across a CRLF", "one\r\ntwo", rpc.ContentChange{Range: rng(0, 3, 1, 0), Text: []byte(" ")}, "one two"},
		{"lone CR ends a line", "a\rb\rc", rpc.ContentChange{Range: rng(2, 0, 2, 1), Text: []byte("C")}, "a\rb\rC"},
		{"column past the line end stops before CRLF", "ab\r\ncd", rpc.ContentChange{Range: rng(0, 9, 0, 9), Text: []byte("!")}, "ab!\r\ncd"},
		{"line past the end appends", "ab\n", rpc.ContentChange{Range: rng(7, 0, 7, 0), Text: []byte("z")}, "ab\nz"},
		{"delete lines with emoji and CJK", "x\n🦙模\ny\n", rpc.ContentChange{Range: rng(1, 0, 2, 0), Text: []byte("")}, "x\ny\n"},
		{"reversed range", "abcdef", rpc.ContentChange{Range: rng(0, 4, 0, 1), Text: []byte("-")}, "a-ef"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(applyChange([]byte(tt.text), tt.change)); got != tt.want {
				t.Errorf("applyChange(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// rawContentChange is a change as editors send it, the range left out
// for a whole text.
type rawContentChange struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

// TestIncrementalSyncOverTheWire edits a card through ranged changes,
// including an insertion at 0:0, and checks the diagnostics of the text the
// server ends up with.
func TestIncrementalSyncOverTheWire(t *testing.T) {
	root := t.TempDir()
	text := "---\r\nmodel_name: 模型 🦙\r\nlicense: cc-by-nc-4.0\r\n---\r\n# 模型\r\n"
	writeFiles(t, root, map[string][]byte{"README.md": []byte(text)})
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	c.open("README.md", 1, text)
	c.waitVersion(c.uri("README.md"), 1)
	send := func(version int32, changes ...rawContentChange) {
		t.Helper()
		p := map[string]any{"textDocument": protocol.VersionedTextDocumentIdentifier{
			TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: c.uri("README.md")}, Version: version}, "contentChanges": changes}
		if err := c.conn.Notify(c.ctx(), protocol.MethodTextDocumentDidChange, p); err != nil {
			t.Fatal(err)
		}
		c.waitVersion(c.uri("README.md"), version)
	}
	// After the emoji of line 1 (UTF-16 column 16), then the value
	// "cc-by-nc-4.0" (columns 9-21 of line 2) replaced by a value the Hub
	// does not know.
	send(2, rawContentChange{Range: rng(1, 16, 1, 16), Text: " 🦙"}, rawContentChange{Range: rng(2, 9, 2, 21), Text: "模-🦙"})
	// A blank line at 0:0: leading white space is allowed before "---".
	send(3, rawContentChange{Range: rng(0, 0, 0, 0), Text: "\r\n"})
	p := c.published(c.uri("README.md"))
	if len(p.Diagnostics) != 1 {
		t.Fatalf("diagnostics = %s, want one", mustJSON(p.Diagnostics))
	}
	d := p.Diagnostics[0]
	wantRange := *rng(3, 9, 3, 13) // "模-🦙": 1 + 1 + 2 UTF-16 units, on line 3 after the blank line
	if d.Code != "card/unknown-license-id" || !strings.Contains(d.Message, `"模-🦙"`) || d.Range != wantRange {
		t.Errorf("diagnostic = %s %q at %v, want card/unknown-license-id quoting \"模-🦙\" at %v", d.Code, d.Message, d.Range, wantRange)
	}
	// A whole text, without a range, replaces everything.
	send(4, rawContentChange{Text: "---\nlicense: cc-by-nc-4.0\n---\n"})
	p = c.published(c.uri("README.md"))
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "notice/missing-license-copy" || p.Diagnostics[0].Range != *rng(1, 9, 1, 21) {
		t.Errorf("after a whole-text change, diagnostics = %s, want notice/missing-license-copy at 1:9-1:21", mustJSON(p.Diagnostics))
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// countPublished counts the publications of u so far.
func (c *testClient) countPublished(u protocol.DocumentURI) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, m := range c.notes {
		if m.method != protocol.MethodTextDocumentPublishDiagnostics {
			continue
		}
		var p publishParams
		if json.Unmarshal(m.params, &p) == nil && p.URI == u {
			n++
		}
	}
	return n
}

// TestPublishOnlyChanged: after an edit, a file's diagnostics are sent
// again only when they changed; the edited buffer's always are (with its
// version).
func TestPublishOnlyChanged(t *testing.T) {
	root := t.TempDir()
	notes := "# Notes\n\nNothing to see.\n"
	writeFiles(t, root, map[string][]byte{
		"models/x/README.md": []byte("---\nlicense: cc-by-nc-4.0\n---\n# X\n"),
		"models/x/TERMS.md":  []byte(notes),
		"other/README.md":    []byte("---\nlicense: apache\n---\n# Other\n"),
	})
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	card, other, terms := c.uri("models/x/README.md"), c.uri("other/README.md"), c.uri("models/x/TERMS.md")
	steps := []struct {
		name            string
		text            string
		card, other     int // publications so far
		cardDiagnostics int
		termsFindings   bool
	}{
		{"opened, unchanged", notes, 1, 1, 1, false},
		{"an edit that changes nothing elsewhere", notes + "More.\n", 1, 1, 1, false},
		{"the buffer becomes a license: the card's copy is there", "Acme Model License\n\nYou may use this model.\n", 2, 1, 0, true},
		{"an edit inside the license", "Acme Model License\n\nYou may use this model freely.\n", 2, 1, 0, true},
		{"no longer a license: the card's finding is back", notes, 3, 1, 1, false},
	}
	for i, st := range steps {
		version := int32(i + 1)
		if i == 0 {
			c.open("models/x/TERMS.md", version, st.text)
		} else {
			c.change("models/x/TERMS.md", version, st.text)
		}
		c.waitVersion(terms, version)
		if got := len(c.published(terms).Diagnostics) > 0; got != st.termsFindings {
			t.Errorf("%s: the buffer has diagnostics: %v, want %v", st.name, got, st.termsFindings)
		}
		if got := len(c.published(card).Diagnostics); got != st.cardDiagnostics {
			t.Errorf("%s: the card has %d diagnostics, want %d", st.name, got, st.cardDiagnostics)
		}
		if got := c.countPublished(card); got != st.card {
			t.Errorf("%s: the card was published %d times, want %d", st.name, got, st.card)
		}
		if got := c.countPublished(other); got != st.other {
			t.Errorf("%s: the unrelated card was published %d times, want %d", st.name, got, st.other)
		}
	}
}
