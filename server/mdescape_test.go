package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestHoverEscapesQuotedMarkdown is issue 16 row 11: Markdown in a license
// text ("![t](https://evil.example/t.png)", raw HTML) quoted into a hover
// is escaped, so that an editor cannot load an image from it; the hover's
// own Markdown is kept.
func TestHoverEscapesQuotedMarkdown(t *testing.T) {
	c := startClient(t, clientOptions{caps: protocol.ClientCapabilities{}})
	c.initialized()
	text := "Acme Model License\n\n" +
		"You must display \"Built with Acme ![t](https://evil.example/t.png) <img src=https://evil.example/i.png>\" on a related website.\n"
	u := protocol.DocumentURI("untitled:Untitled-1")
	c.open(string(u), 1, text)
	c.waitVersion(u, 1)
	for _, pos := range []protocol.Position{{Line: 2, Character: 3}} {
		h, err := c.server.Hover(c.ctx(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos}})
		if err != nil || h == nil {
			t.Fatalf("hover at %v: %v, %v", pos, h, err)
		}
		v := h.Contents.Value
		if !strings.Contains(v, "evil.example/t.png") {
			t.Fatalf("hover at %v does not quote the text:\n%s", pos, v)
		}
		if live(v, "![t]") || live(v, "<img") {
			t.Errorf("hover at %v holds live Markdown from the license:\n%s", pos, v)
		}
		if !strings.Contains(v, "**") {
			t.Errorf("hover at %v lost its own Markdown:\n%s", pos, v)
		}
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// live reports s in md not escaped by a backslash.
func live(md, s string) bool {
	for i := 0; ; {
		k := strings.Index(md[i:], s)
		if k < 0 {
			return false
		}
		at := i + k
		n := 0
		for j := at - 1; j >= 0 && md[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return true
		}
		i = at + 1
	}
}

func TestDefangKeepsFences(t *testing.T) {
	in := "a ![x](y) <b> \\<c> `<!-- x -->` ``a`b ![``\n```diff\n+![x](y) <b>\n```\nafter ![z](w)\n"
	want := "a \\![x](y) \\<b> \\<c> `<!-- x -->` ``a`b ![``\n```diff\n+![x](y) <b>\n```\nafter \\![z](w)\n"
	if got := defang(in); got != want {
		t.Errorf("defang:\n%s\nwant:\n%s", got, want)
	}
	if got := escapeMarkdown("Built with *Acme* [x](y)"); got != `Built with \*Acme\* \[x\](y)` {
		t.Errorf("escapeMarkdown = %q", got)
	}
}
