package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/lsp/*.txtar")

// TestWorkspaces runs every testdata/lsp/*.txtar workspace against the real
// server over a pipe. Sections:
//
//	PATH                    a workspace file
//	lsp/crlf                paths whose line breaks are written as CRLF
//	lsp/settings.json       the answer to workspace/configuration
//	lsp/open                "PATH" lines: buffers opened (with the disk text) after the scan
//	lsp/change/PATH         new text of the open buffer PATH (version 2)
//	lsp/untitled/NAME       a buffer "untitled:NAME" opened after the scan
//	lsp/hover               "PATH:LINE:COL" lines (1-based, UTF-16)
//	lsp/codeaction          "PATH:LINE:COL" lines
//	golden/diagnostics      the final diagnostics of every file
//	golden/hover            the hovers asked for
//	lsp/lens                paths whose code lenses and document links are shown
//	golden/codeaction       the code actions asked for, with their edits
//	golden/lens             the code lenses and document links asked for
func TestWorkspaces(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "lsp", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no testdata/lsp/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runWorkspace(t, file)
		})
	}
}

func runWorkspace(t *testing.T, file string) {
	ar := golden.Read(t, file)
	sections := map[string][]byte{}
	disk := map[string][]byte{}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "lsp/") || strings.HasPrefix(f.Name, "golden/") {
			sections[f.Name] = f.Data
		} else {
			disk[f.Name] = f.Data
		}
	}
	for _, p := range lines(sections["lsp/crlf"]) {
		disk[p] = bytes.ReplaceAll(disk[p], []byte("\n"), []byte("\r\n"))
	}
	root := t.TempDir()
	writeFiles(t, root, disk)
	var settings any = map[string]any{"debounceMs": 0}
	if s, ok := sections["lsp/settings.json"]; ok {
		if err := json.Unmarshal(s, &settings); err != nil {
			t.Fatalf("lsp/settings.json: %v", err)
		}
	}
	c := startClient(t, clientOptions{root: root, settings: settings, caps: fullCaps()})
	c.initialized()
	c.waitScan(1)

	for _, p := range lines(sections["lsp/open"]) {
		c.open(p, 1, string(disk[p]))
		c.waitVersion(c.uri(p), 1)
	}
	for name, data := range sections {
		if p, ok := strings.CutPrefix(name, "lsp/change/"); ok {
			c.change(p, 2, string(data))
			c.waitVersion(c.uri(p), 2)
		}
		if n, ok := strings.CutPrefix(name, "lsp/untitled/"); ok {
			c.open("untitled:"+n, 1, string(data))
			c.waitVersion(c.uri("untitled:"+n), 1)
		}
	}

	got := map[string]string{"golden/diagnostics": c.diagnosticLines()}
	if q := lines(sections["lsp/hover"]); len(q) > 0 {
		got["golden/hover"] = hovers(t, c, q)
	}
	if q := lines(sections["lsp/codeaction"]); len(q) > 0 {
		got["golden/codeaction"] = codeActionsText(t, c, q)
	}
	if q := lines(sections["lsp/lens"]); len(q) > 0 {
		got["golden/lens"] = lensesAndLinks(t, c, q)
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
	compareGoldens(t, ar, got)
}

func compareGoldens(t *testing.T, ar *golden.Archive, got map[string]string) {
	t.Helper()
	for name := range got {
		got[name] += "\n"
	}
	ar.Check(t, got, golden.Options{
		Update:   *update,
		Sections: []string{"golden/diagnostics", "golden/hover", "golden/codeaction", "golden/lens"},
		Hint:     "go test ./server -run TestWorkspaces -update rewrites it",
	})
}

func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// parseAt reads "PATH:LINE:COL" (1-based, UTF-16 columns).
func parseAt(t *testing.T, s string) (string, protocol.Position) {
	t.Helper()
	i := strings.LastIndex(s, ":")
	j := strings.LastIndex(s[:i], ":")
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil || line < 1 || col < 1 {
		t.Fatalf("bad position %q", s)
	}
	return s[:j], protocol.Position{Line: uint32(line - 1), Character: uint32(col - 1)}
}

// hoverLines keeps goldens readable and stable while explanations grow.
const hoverLines = 12

func hovers(t *testing.T, c *testClient, queries []string) string {
	var b strings.Builder
	for _, q := range queries {
		p, pos := parseAt(t, q)
		h, err := c.server.Hover(c.ctx(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(p)}, Position: pos}})
		if err != nil {
			t.Fatalf("hover %s: %v", q, err)
		}
		if h == nil {
			fmt.Fprintf(&b, "== %s: no hover\n", q)
			continue
		}
		rng := "none"
		if h.Range != nil {
			rng = fmtRange(*h.Range)
		}
		fmt.Fprintf(&b, "== %s (range %s, %s)\n", q, rng, h.Contents.Kind)
		text := strings.Split(strings.TrimSpace(h.Contents.Value), "\n")
		if len(text) > hoverLines {
			text = append(text[:hoverLines], fmt.Sprintf("[... %d more lines]", len(text)-hoverLines))
		}
		b.WriteString(strings.Join(text, "\n") + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func codeActionsText(t *testing.T, c *testClient, queries []string) string {
	var b strings.Builder
	for _, q := range queries {
		p, pos := parseAt(t, q)
		raw, err := c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(p)},
			Range:        protocol.Range{Start: pos, End: pos},
		})
		if err != nil {
			t.Fatalf("codeAction %s: %v", q, err)
		}
		var actions []struct {
			Title       string
			Kind        string
			Diagnostics []protocol.Diagnostic
			Edit        struct {
				DocumentChanges []json.RawMessage
			}
		}
		if err := json.Unmarshal(raw, &actions); err != nil {
			t.Fatalf("codeAction %s: %v in %s", q, err, raw)
		}
		fmt.Fprintf(&b, "== %s: %d actions\n", q, len(actions))
		for _, a := range actions {
			var codes []string
			for _, d := range a.Diagnostics {
				codes = append(codes, fmt.Sprint(d.Code))
			}
			fmt.Fprintf(&b, "%s: %s [%s]\n", a.Kind, a.Title, strings.Join(codes, ", "))
			for _, dc := range a.Edit.DocumentChanges {
				var ch struct {
					Kind         string
					URI          protocol.DocumentURI
					TextDocument struct{ URI protocol.DocumentURI }
					Edits        []protocol.TextEdit
				}
				if err := json.Unmarshal(dc, &ch); err != nil {
					t.Fatal(err)
				}
				if ch.Kind == "create" {
					fmt.Fprintf(&b, "  create %s\n", c.name(ch.URI))
					continue
				}
				for _, e := range ch.Edits {
					fmt.Fprintf(&b, "  edit %s:%s %q\n", c.name(ch.TextDocument.URI), fmtRange(e.Range), e.NewText)
				}
			}
		}
	}
	// Fixes that record things carry today's date.
	return datePattern.ReplaceAllString(strings.TrimSuffix(b.String(), "\n"), "DATE")
}

var datePattern = regexp.MustCompile(`\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?`)

func lensesAndLinks(t *testing.T, c *testClient, paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		doc := protocol.TextDocumentIdentifier{URI: c.uri(p)}
		lenses, err := c.server.CodeLens(c.ctx(), &protocol.CodeLensParams{TextDocument: doc})
		if err != nil {
			t.Fatalf("codeLens %s: %v", p, err)
		}
		links, err := c.server.DocumentLink(c.ctx(), &protocol.DocumentLinkParams{TextDocument: doc})
		if err != nil {
			t.Fatalf("documentLink %s: %v", p, err)
		}
		fmt.Fprintf(&b, "== %s\n", p)
		for _, l := range lenses {
			fmt.Fprintf(&b, "lens %s %s\n", fmtRange(l.Range), l.Command.Title)
		}
		for _, l := range links {
			fmt.Fprintf(&b, "link %s %s\n", fmtRange(l.Range), l.Target)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
