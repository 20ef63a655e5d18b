package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// Findings about one file that depend on another are re-published when the
// other changes: editing the LICENSE buffer clears the card's
// card/license-mismatch in README.md, which is not open. Saving re-reads
// the disk: a file written without a watcher event shows up on didSave.
func TestDependentFilesRepublished(t *testing.T) {
	root := t.TempDir()
	llama := "Llama 3.1 Community License Agreement\n\nA test fixture written for fineprint.\n"
	writeFiles(t, root, map[string][]byte{
		"README.md": []byte("---\nlicense: gemma\n---\n# Gemma-support\n"),
		"LICENSE":   []byte(llama),
	})
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	readme := c.uri("README.md")
	if got := diagCodes(c.published(readme)); !strings.Contains(got, "card/license-mismatch") {
		t.Fatalf("README.md before: %s", got)
	}
	c.open("LICENSE", 1, llama)
	c.change("LICENSE", 2, "Gemma Terms of Use\n\nA test fixture written for fineprint.\n")
	// An untitled buffer opened now is published after every file: URI of
	// an analysis that saw LICENSE's version 2.
	c.open("untitled:sync", 1, "sync\n")
	c.waitVersion("untitled:sync", 1)
	if got := diagCodes(c.published(readme)); strings.Contains(got, "card/license-mismatch") {
		t.Errorf("README.md after the LICENSE buffer changed: %s", got)
	}

	terms := c.uri("sub/TERMS_OF_USE.md")
	writeFiles(t, root, map[string][]byte{"sub/TERMS_OF_USE.md": []byte("Acme Terms of Use\n\nYou may not use the model for any commercial purpose.\n")})
	err := c.server.DidSave(c.ctx(), &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("LICENSE")}})
	if err != nil {
		t.Fatal(err)
	}
	c.waitFor("diagnostics of the file written before the save", func() bool {
		return strings.Contains(diagCodes(c.diags[terms]), "license/non-commercial")
	})
}
