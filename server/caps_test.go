package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// A client that opened files before the first scan ended gets its code
// lenses refreshed once the scan has something to show.
func TestScanRefreshesCodeLenses(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{"LICENSE": []byte("Acme Model License\n\nYou may use the Model for non-commercial purposes only.\n")})
	caps := fullCaps()
	caps.Workspace.CodeLens = &protocol.CodeLensWorkspaceClientCapabilities{RefreshSupport: true}
	c := startClient(t, clientOptions{root: root, caps: caps})
	c.initialized()
	c.waitScan(1)
	c.waitFor("workspace/codeLens/refresh", func() bool {
		for _, m := range c.notes {
			if m.method == protocol.MethodCodeLensRefresh {
				return true
			}
		}
		return false
	})
}

// A client that lists hover formats without Markdown gets plain text.
func TestHoverHonoursThePlainTextOnlyClient(t *testing.T) {
	text := "Acme Model License\n\nYou may use the Model for non-commercial purposes only.\n"
	for _, tc := range []struct {
		formats []protocol.MarkupKind
		want    protocol.MarkupKind
	}{
		{[]protocol.MarkupKind{protocol.PlainText}, protocol.PlainText},
		{[]protocol.MarkupKind{protocol.Markdown, protocol.PlainText}, protocol.Markdown},
		{nil, protocol.Markdown},
	} {
		root := t.TempDir()
		writeFiles(t, root, map[string][]byte{"LICENSE": []byte(text)})
		caps := fullCaps()
		caps.TextDocument = &protocol.TextDocumentClientCapabilities{Hover: &protocol.HoverTextDocumentClientCapabilities{ContentFormat: tc.formats}}
		c := startClient(t, clientOptions{root: root, caps: caps, settings: map[string]any{"debounceMs": 0}})
		c.initialized()
		c.waitScan(1)
		c.open("LICENSE", 1, text)
		c.waitVersion(c.uri("LICENSE"), 1)
		line := strings.Count(text[:strings.Index(text, "non-commercial")], "\n")
		h, err := c.server.Hover(c.ctx(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("LICENSE")}, Position: protocol.Position{Line: uint32(line), Character: 5}}})
		if err != nil || h == nil {
			t.Fatalf("formats %v: hover %v, %v", tc.formats, h, err)
		}
		if h.Contents.Kind != tc.want {
			t.Errorf("formats %v: hover kind %q, want %q", tc.formats, h.Contents.Kind, tc.want)
		}
		// A plain-text client shows hovers in a small place (Emacs's echo
		// area): a summary of at most about 80 words, without Markdown.
		if words := len(strings.Fields(h.Contents.Value)); tc.want == protocol.PlainText && (words > 80 || strings.Contains(h.Contents.Value, "**")) {
			t.Errorf("formats %v: plain-text hover of %d words: %s", tc.formats, words, h.Contents.Value)
		}
		// The title line carries the license's checklist, short or long.
		h, err = c.server.Hover(c.ctx(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("LICENSE")}, Position: protocol.Position{Line: 0, Character: 2}}})
		if err != nil || h == nil || !strings.Contains(h.Contents.Value, "Commercial use") {
			t.Errorf("formats %v: hover on the title: %v, %v", tc.formats, h, err)
		} else if words := len(strings.Fields(h.Contents.Value)); tc.want == protocol.PlainText && words > 80 {
			t.Errorf("formats %v: plain-text hover of the title, %d words: %s", tc.formats, words, h.Contents.Value)
		}
	}
}
