package server

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/glob"
)

func TestWorkspaceEditForms(t *testing.T) {
	v := newView("/ws")
	lic := &fileView{uri: "file:///ws/LICENSE", path: "LICENSE", text: []byte("héllo 😀\nworld\n"), open: true, version: 7}
	v.paths["LICENSE"], v.files[lic.uri] = lic, lic
	fix := analysis.Fix{Title: "t", Edits: []analysis.Edit{
		{Path: "NOTICE", Create: true, NewText: "Notice line\n"},
		{Path: "LICENSE", Span: analysis.Span{Start: 11, End: 11}, NewText: "!"},
	}}
	for _, tc := range []struct {
		name string
		caps clientCaps
		want string
	}{
		{"documentChanges", clientCaps{documentChanges: true, createFiles: true},
			`{"documentChanges":[{"kind":"create","uri":"file:///ws/NOTICE","options":{"ignoreIfExists":true}},` +
				`{"textDocument":{"uri":"file:///ws/NOTICE","version":null},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"newText":"Notice line\n"}]},` +
				`{"textDocument":{"uri":"file:///ws/LICENSE","version":7},"edits":[{"range":{"start":{"line":0,"character":8},"end":{"line":0,"character":8}},"newText":"!"}]}]}`},
		{"changes only", clientCaps{documentChanges: true},
			`{"changes":{"file:///ws/LICENSE":[{"range":{"start":{"line":0,"character":8},"end":{"line":0,"character":8}},"newText":"!"}],` +
				`"file:///ws/NOTICE":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"newText":"Notice line\n"}]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(v.workspaceEdit(lic, fix, tc.caps))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func diagCodes(p publishParams) string {
	var codes []string
	for _, d := range p.Diagnostics {
		codes = append(codes, d.Code.(string))
	}
	return strings.Join(codes, ",")
}

// A buffer that stops being a license loses its diagnostics: [] is
// published with the buffer's version.
func TestChangeClearsDiagnostics(t *testing.T) {
	root := t.TempDir()
	terms := "Acme Terms of Use\n\nYou may not use the model for any commercial purpose.\n"
	writeFiles(t, root, map[string][]byte{"terms.md": []byte(terms)})
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	u := c.uri("terms.md")
	c.open("terms.md", 1, terms)
	c.waitVersion(u, 1)
	if got := diagCodes(c.published(u)); !strings.Contains(got, "license/non-commercial") {
		t.Fatalf("version 1: %s", got)
	}
	for v := int32(2); v <= 4; v++ {
		c.change("terms.md", v, "# Notes\n\nNothing here.\n")
	}
	c.waitVersion(u, 4)
	if got := c.published(u).Diagnostics; len(got) != 0 {
		t.Errorf("version 4: %v, want []", got)
	}
}

// Debounced changes end with the diagnostics of the last version.
func TestDebouncedChanges(t *testing.T) {
	root := t.TempDir()
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 50}})
	c.initialized()
	c.waitScan(1)
	c.open("LICENSE", 1, "Acme License\n")
	u := c.uri("LICENSE")
	c.waitVersion(u, 1)
	c.change("LICENSE", 2, "Acme License\n\nThe model may be used for research purposes only.\n")
	c.change("LICENSE", 3, "Acme License\n\nYou may not use the model for any commercial purpose.\n")
	c.waitVersion(u, 3)
	if got := diagCodes(c.published(u)); !strings.Contains(got, "license/non-commercial") || strings.Contains(got, "research-only") {
		t.Errorf("version 3 diagnostics %s", got)
	}
}

// A client that never answers workspace/configuration still gets its scan,
// and the failure shows in its log.
func TestConfigurationNotAnswered(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{"LICENSE": []byte("Acme License\n")})
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), noConfig: true, server: Options{ConfigTimeout: 20 * time.Millisecond}})
	c.initialized()
	c.waitScan(1)
	c.waitFor("the warning in window/logMessage", func() bool {
		for _, n := range c.notes {
			if n.method == protocol.MethodWindowLogMessage && strings.Contains(string(n.params), "workspace/configuration failed") {
				return true
			}
		}
		return false
	})
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// didChangeConfiguration re-pulls the settings and re-analyses.
func TestDidChangeConfiguration(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{"LICENSE": []byte("Acme License\n\nThe model may be used for research purposes only.\n")})
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	u := c.uri("LICENSE")
	if got := diagCodes(c.published(u)); !strings.Contains(got, "license/research-only") {
		t.Fatalf("before: %s", got)
	}
	c.mu.Lock()
	c.settings = map[string]any{"rules": map[string]any{"license/research-only": "off"}}
	c.mu.Unlock()
	if err := c.server.DidChangeConfiguration(c.ctx(), &protocol.DidChangeConfigurationParams{}); err != nil {
		t.Fatal(err)
	}
	c.waitFor("diagnostics without license/research-only", func() bool {
		return !strings.Contains(diagCodes(c.diags[u]), "research-only")
	})
}

// Without a workspace folder, untitled buffers are analysed on their own,
// and requests on URIs the server does not know answer empty.
func TestNoWorkspaceFolder(t *testing.T) {
	c := startClient(t, clientOptions{caps: protocol.ClientCapabilities{}})
	c.initialized()
	text := "Acme Terms of Use\n\nYou may not use the model for any commercial purpose.\n"
	c.open("untitled:Untitled-1", 1, text)
	u := protocol.DocumentURI("untitled:Untitled-1")
	c.waitVersion(u, 1)
	if got := diagCodes(c.published(u)); !strings.Contains(got, "license/non-commercial") {
		t.Errorf("untitled diagnostics: %s", got)
	}
	h, err := c.server.Hover(c.ctx(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 2, Character: 3}}})
	if err != nil || h == nil || !strings.Contains(h.Contents.Value, "commercial") {
		t.Errorf("hover on untitled: %v, %v", h, err)
	}
	for _, other := range []protocol.DocumentURI{"vscode-notebook-cell:/x#1", "file:///nowhere/LICENSE", "untitled:Other"} {
		raw, err := c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: other}})
		if err != nil || string(raw) != "[]" {
			t.Errorf("codeAction on %s: %s, %v", other, raw, err)
		}
		lenses, err := c.server.CodeLens(c.ctx(), &protocol.CodeLensParams{TextDocument: protocol.TextDocumentIdentifier{URI: other}})
		if err != nil || len(lenses) != 0 {
			t.Errorf("codeLens on %s: %v, %v", other, lenses, err)
		}
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// On initialized the server registers watchers for every kind of file it
// reads, and reports the scan with progress.
func TestInitializedRegistersWatchers(t *testing.T) {
	root := t.TempDir()
	c := startClient(t, clientOptions{root: root, caps: fullCaps()})
	c.initialized()
	c.waitScan(1)
	var reg, progress []string
	c.mu.Lock()
	for _, n := range c.notes {
		switch n.method {
		case protocol.MethodClientRegisterCapability:
			reg = append(reg, string(n.params))
		case protocol.MethodWorkDoneProgressCreate, protocol.MethodProgress:
			progress = append(progress, n.method)
		}
	}
	c.mu.Unlock()
	if len(reg) != 1 {
		t.Fatalf("registrations: %v", reg)
	}
	for _, g := range []string{"**/adapter_config.json", "**/*.gguf", "**/*.py", "**/.fineprint.yaml", "**/fineprint.lock", "**/.fineprint/policies/**", "**/.fineprint/licenses/**", "Modelfile", "LICENSE", "USE_POLICY", "TERMS_OF_USE", "ACCEPTABLE_USE", "NOTICE", "md"} {
		if !strings.Contains(reg[0], g) {
			t.Errorf("registration lacks %s: %s", g, reg[0])
		}
	}
	if strings.Join(progress, " ") != "window/workDoneProgress/create $/progress $/progress $/progress" {
		t.Errorf("progress messages: %v", progress)
	}
}

// Code lens and document links on a license file.
func TestLensAndLinks(t *testing.T) {
	root := t.TempDir()
	text := "Llama 3.1 Community License Agreement\n\nSee https://llama.meta.com/llama3_1/use-policy.\n"
	writeFiles(t, root, map[string][]byte{"LICENSE": []byte(text)})
	c := startClient(t, clientOptions{root: root, caps: fullCaps()})
	c.initialized()
	c.waitScan(1)
	doc := protocol.TextDocumentIdentifier{URI: c.uri("LICENSE")}
	lenses, err := c.server.CodeLens(c.ctx(), &protocol.CodeLensParams{TextDocument: doc})
	if err != nil || len(lenses) != 1 || !strings.HasPrefix(lenses[0].Command.Title, "Llama 3.1 Community License Agreement · custom · ") {
		t.Errorf("code lens: %+v, %v", lenses, err)
	}
	links, err := c.server.DocumentLink(c.ctx(), &protocol.DocumentLinkParams{TextDocument: doc})
	if err != nil || len(links) != 1 || links[0].Target != "https://llama.meta.com/llama3_1/use-policy" || fmtRange(links[0].Range) != "3:5-3:47" {
		t.Errorf("links: %+v, %v", links, err)
	}
}

// A file created on disk shows up after didChangeWatchedFiles.
func TestWatchedFileChange(t *testing.T) {
	root := t.TempDir()
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	writeFiles(t, root, map[string][]byte{"sub/USE_POLICY.md": []byte("Acme Use Policy\n\nYou may not use the model for any commercial purpose.\n")})
	err := c.server.DidChangeWatchedFiles(c.ctx(), &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{URI: c.uri("sub/USE_POLICY.md"), Type: protocol.FileChangeTypeCreated}}})
	if err != nil {
		t.Fatal(err)
	}
	u := c.uri("sub/USE_POLICY.md")
	c.waitFor("diagnostics of the new file", func() bool { return strings.Contains(diagCodes(c.diags[u]), "license/non-commercial") })
	if err := os.Remove(filepath.Join(root, "sub", "USE_POLICY.md")); err != nil {
		t.Fatal(err)
	}
	err = c.server.DidChangeWatchedFiles(c.ctx(), &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{URI: u, Type: protocol.FileChangeTypeDeleted}}})
	if err != nil {
		t.Fatal(err)
	}
	c.waitFor("[] for the deleted file", func() bool { p, ok := c.diags[u]; return ok && len(p.Diagnostics) == 0 })
}

// After exit every goroutine the server started has ended.
func TestNoGoroutineLeak(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{"LICENSE": []byte("Acme License\n")})
	c := startClient(t, clientOptions{root: root, caps: fullCaps()})
	c.initialized()
	c.waitScan(1)
	c.open("LICENSE", 1, "Acme License\n\nresearch purposes only.\n")
	c.waitVersion(c.uri("LICENSE"), 1)
	c.change("LICENSE", 2, "Acme License\n") // leaves a debounce timer behind, if anything
	c.shutdown()
	// A goroutine that has called its WaitGroup's Done may still be on
	// its way out: give the scheduler a chance before looking.
	var leaked []string
	for i := 0; i < 1000; i++ {
		leaked = serverGoroutines()
		if len(leaked) == 0 {
			return
		}
		runtime.Gosched()
	}
	t.Errorf("goroutines of the server still running after exit:\n%s", strings.Join(leaked, "\n\n"))
}

func serverGoroutines() []string {
	buf := make([]byte, 1<<20)
	var out []string
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if strings.Contains(g, "server.(*Server)") || strings.Contains(g, "server.(*scheduler)") {
			out = append(out, g)
		}
	}
	return out
}

// Commands passed in Options are advertised, run with the workspace folder,
// and followed by a new analysis.
func TestExecuteCommand(t *testing.T) {
	root := t.TempDir()
	ran := make(chan string, 1)
	cmd := func(ctx context.Context, r string, args []any) (any, error) {
		writeFiles(t, r, map[string][]byte{"LICENSE": []byte("Acme License\n")})
		ran <- r
		return "done", nil
	}
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), server: Options{Commands: map[string]Command{CommandRecord: cmd}}})
	c.initialized()
	c.waitScan(1)
	raw, err := c.call(protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: CommandRecord})
	if err != nil || string(raw) != `"done"` || <-ran != root {
		t.Fatalf("executeCommand: %s, %v", raw, err)
	}
	c.waitFor("diagnostics of the file the command wrote", func() bool { return len(c.diags[c.uri("LICENSE")].Diagnostics) > 0 })
	if _, err := c.call(protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: CommandRecordPolicy}); err == nil {
		t.Error("a command not passed in Options ran")
	}
}

// TestWatchGlobsCoverEveryKind: a file of any kind fineprint reads must be
// watched, or changes on disk to it go unseen until the next full scan.
func TestWatchGlobsCoverEveryKind(t *testing.T) {
	paths := []string{
		"LICENSE", "models/LICENSE-MODEL", "COPYING.txt", "NOTICE", "USE_POLICY.md", "falcon_TERMS_OF_USE.md",
		"README.md", "cards/model.markdown", "Modelfile", "ollama/llama.modelfile", "lora/adapter_config.json",
		"weights/model.gguf", "app/load.py", "scripts/fetch.sh", "tools/get.bash", "Dockerfile",
		"docker/Dockerfile.gpu", "serve.dockerfile", "Containerfile", "Makefile", "GNUmakefile", "rules.mk", "notebooks/demo.ipynb",
		".github/workflows/ci.yml", "svc/.github/workflows/release.yaml", ".gitlab-ci.yml",
		"examples/train_lora/llama3_lora_sft.yaml", "recipes/config.toml", "mergekit.json", "docker-compose.yml",
		"app/index.js", "src/chat.ts", "web/App.tsx", ".env", "deploy/.env.production", "deploy/tgi.env",
		analysis.ProfileFile, analysis.LockFile, analysis.PoliciesDir + "/aup.md", ".fineprint/licenses/LICENSE",
	}
	var globs []string
	for _, g := range watchGlobs {
		globs = append(globs, expandBraces(g)...)
	}
	for _, p := range paths {
		if analysis.ClassifyPath(p) == analysis.KindOther {
			t.Errorf("%s: not a kind fineprint reads; drop it from the test", p)
			continue
		}
		watched := false
		for _, g := range globs {
			// Clients match "**/" against any depth, the root included.
			if glob.Match(g, p) || glob.Match(strings.TrimPrefix(g, "**/"), p) {
				watched = true
			}
		}
		if !watched {
			t.Errorf("%s (%v) matches no watch glob", p, analysis.ClassifyPath(p))
		}
	}
}

// expandBraces expands the {a,b} alternatives of an LSP glob pattern.
func expandBraces(g string) []string {
	open := strings.IndexByte(g, '{')
	if open < 0 {
		return []string{g}
	}
	end := open + strings.IndexByte(g[open:], '}')
	var out []string
	for _, alt := range strings.Split(g[open+1:end], ",") {
		out = append(out, expandBraces(g[:open]+alt+g[end+1:])...)
	}
	return out
}
