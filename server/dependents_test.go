package server

import (
	"os"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/corpus"
)

// TestKeystrokeLeavesDependentsUnpublished: folders that ship a Llama 3.1
// model without a copy of its license get notice/missing-license-copy,
// pointing at the title of the workspace's Llama 3.1 license (and a fix
// copying its text). Typing in that license's body changes none of their
// diagnostics, so only the license is published again, however many
// folders point at it (a 50,000-file workspace has 160 such folders, whose
// re-publication cost half of each keystroke); a line added above the
// title moves the place they point at, and they are published again with
// it.
func TestKeystrokeLeavesDependentsUnpublished(t *testing.T) {
	license, err := os.ReadFile(corpus.Dir(t, "licenses", "llama-3.1", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	files := map[string][]byte{"models/llama/LICENSE": license}
	cards := []string{"models/a/README.md", "models/b/README.md", "models/c/README.md"}
	for _, p := range cards {
		files[p] = []byte("---\nlicense: llama3.1\n---\n# A fine-tune\n")
	}
	writeFiles(t, root, files)
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	related := func(p string) string {
		for _, d := range c.published(c.uri(p)).Diagnostics {
			if d.Code == "notice/missing-license-copy" && len(d.RelatedInformation) == 1 {
				return fmtRange(d.RelatedInformation[0].Location.Range)
			}
		}
		return ""
	}
	for _, p := range cards {
		if related(p) == "" {
			t.Fatalf("%s: no notice/missing-license-copy pointing at the license: %s", p, mustJSON(c.published(c.uri(p)).Diagnostics))
		}
	}
	before := related(cards[0])
	c.open("models/llama/LICENSE", 1, string(license))
	c.waitVersion(c.uri("models/llama/LICENSE"), 1)
	counts := map[string]int{}
	for _, p := range cards {
		counts[p] = c.countPublished(c.uri(p))
	}
	mid := len(license) / 2
	for license[mid] != '\n' {
		mid++
	}
	for v := int32(2); v <= 4; v++ {
		c.change("models/llama/LICENSE", v, string(license[:mid])+strings.Repeat("\nedit", int(v))+string(license[mid:]))
		c.waitVersion(c.uri("models/llama/LICENSE"), v)
	}
	for _, p := range cards {
		if got := c.countPublished(c.uri(p)) - counts[p]; got != 0 {
			t.Errorf("%s published %d times for 3 keystrokes in the license's body, want 0", p, got)
		}
	}
	c.change("models/llama/LICENSE", 5, "\n"+string(license))
	c.waitVersion(c.uri("models/llama/LICENSE"), 5)
	for _, p := range cards {
		if got := c.countPublished(c.uri(p)) - counts[p]; got != 1 {
			t.Errorf("%s published %d times after a line above the license's title, want 1", p, got)
		}
	}
	if after := related(cards[0]); after == before || !strings.HasPrefix(after, "2:") {
		t.Errorf("the related location after a line above the title is %s (before %s), want it one line down", after, before)
	}
}
