//go:build unix

package hostile

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/report"
	"github.com/fineprint-dev/fineprint/workspace"
)

// Issue 16 row 5: escape sequences in a license text (title change, screen
// clear, an OSC 52 clipboard write) and newlines in file names (forged
// lines, GitHub Actions commands) come out of the text format escaped: no
// control character reaches the terminal, and every output line is one
// fineprint wrote.
func TestTextOutputCannotBeForged(t *testing.T) {
	dir := t.TempDir()
	evil := "x\n::error file=LICENSE,line=1::forged\n::add-mask::secret"
	mkdir(t, filepath.Join(dir, evil))
	writeFile(t, filepath.Join(dir, evil, "LICENSE"),
		"Acme \x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07 License\n\n"+
			"You must display \"Built with \x1b[31mAcme\r\n::warning ::forged\" on your website.\n")
	symlink(t, "nowhere", filepath.Join(dir, "LICENSE-\n::notice ::forged"))
	snap, skips, err := workspace.Load(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := analysis.New().Analyze(context.Background(), snap)
	var out strings.Builder
	if err := report.Text(&out, res, snap, report.Options{Skips: skips}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	t.Logf("\n%s", text)
	for _, c := range text {
		if c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f {
			t.Fatalf("control character %U in the output", c)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") {
			t.Errorf("forged line: %q", line)
		}
	}
	for _, want := range []string{`x\n::error file=LICENSE,line=1::forged\n::add-mask::secret/LICENSE:1:1: `, `LICENSE-\n::notice ::forged: skipped: broken symbolic link`, `"Built with \x1b[31mAcme ::warning ::forged"`} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
