package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// testClient is an in-process LSP client connected to a real Server over
// net.Pipe. It records every notification and answers the server's
// requests the way an editor would.
type testClient struct {
	t      testing.TB
	root   string
	conn   jsonrpc2.Conn
	server protocol.Server
	done   chan int // the server's exit code

	settings any // the answer to workspace/configuration
	noConfig bool

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every message
	notes   []note
	diags   map[protocol.DocumentURI]publishParams
}

// publishParams is what the server publishes.
type publishParams = rpc.PublishDiagnosticsParams

type note struct {
	method string
	params json.RawMessage
}

type clientOptions struct {
	root     string
	settings any
	caps     protocol.ClientCapabilities
	noConfig bool // never answer workspace/configuration
	server   Options
}

func fullCaps() protocol.ClientCapabilities {
	return protocol.ClientCapabilities{
		Window: &protocol.WindowClientCapabilities{WorkDoneProgress: true},
		Workspace: &protocol.WorkspaceClientCapabilities{
			Configuration:         true,
			DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesWorkspaceClientCapabilities{DynamicRegistration: true},
			WorkspaceEdit:         &protocol.WorkspaceClientCapabilitiesWorkspaceEdit{DocumentChanges: true, ResourceOperations: []string{"create"}},
		},
	}
}

// startClient starts a server and initializes it with root as the
// workspace folder ("" for none), without sending initialized.
func startClient(t testing.TB, o clientOptions) *testClient {
	t.Helper()
	cside, sside := net.Pipe()
	c := &testClient{t: t, root: o.root, done: make(chan int, 1), settings: o.settings, noConfig: o.noConfig,
		changed: make(chan struct{}), diags: map[protocol.DocumentURI]publishParams{}}
	opts := o.server
	if opts.Logger == nil {
		opts.Logger = zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))
	}
	go func() { c.done <- Serve(context.Background(), sside, opts) }()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(cside))
	c.conn.Go(context.Background(), c.handle)
	c.server = protocol.ServerDispatcher(c.conn, zap.NewNop())
	t.Cleanup(func() {
		c.conn.Close()
		<-c.conn.Done()
		<-c.done
	})
	params := &protocol.InitializeParams{Capabilities: o.caps}
	if o.root != "" {
		params.RootURI = protocol.DocumentURI(uri.File(o.root))
		params.WorkspaceFolders = []protocol.WorkspaceFolder{{URI: string(uri.File(o.root)), Name: "ws"}}
	}
	if _, err := c.server.Initialize(c.ctx(), params); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	return c
}

func (c *testClient) ctx() context.Context { return context.Background() }

// handle runs on the client's read loop: it must not block.
func (c *testClient) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	c.mu.Lock()
	c.notes = append(c.notes, note{req.Method(), append(json.RawMessage(nil), req.Params()...)})
	if req.Method() == protocol.MethodTextDocumentPublishDiagnostics {
		var p publishParams
		if err := json.Unmarshal(req.Params(), &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		if p.Diagnostics == nil {
			c.t.Errorf("publishDiagnostics for %s with null diagnostics", p.URI)
		}
		c.diags[p.URI] = p
	}
	close(c.changed)
	c.changed = make(chan struct{})
	c.mu.Unlock()
	switch req.Method() {
	case protocol.MethodWorkspaceConfiguration:
		if c.noConfig {
			return nil // never answered
		}
		return reply(ctx, []any{c.settings}, nil)
	case protocol.MethodClientRegisterCapability, protocol.MethodWorkDoneProgressCreate:
		return reply(ctx, nil, nil)
	}
	return reply(ctx, nil, nil)
}

// published returns the last diagnostics published for u.
func (c *testClient) published(u protocol.DocumentURI) publishParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.diags[u]
}

// waitFor blocks until cond holds over the recorded messages.
func (c *testClient) waitFor(what string, cond func() bool) {
	c.t.Helper()
	for {
		c.mu.Lock()
		ok := cond()
		ch := c.changed
		c.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case code := <-c.done:
			c.done <- code
			c.t.Fatalf("server exited (code %d) while waiting for %s", code, what)
		}
	}
}

// waitScan waits for the end of the n-th work-done progress.
func (c *testClient) waitScan(n int) {
	c.t.Helper()
	c.waitFor("the end of the scan", func() bool {
		ends := 0
		for _, m := range c.notes {
			if m.method == protocol.MethodProgress && strings.Contains(string(m.params), `"kind":"end"`) {
				ends++
			}
		}
		return ends >= n
	})
}

// waitVersion waits for diagnostics of u published with version.
func (c *testClient) waitVersion(u protocol.DocumentURI, version int32) {
	c.t.Helper()
	c.waitFor(fmt.Sprintf("diagnostics of %s version %d", u, version), func() bool {
		p, ok := c.diags[u]
		return ok && p.Version != nil && *p.Version == version
	})
}

func (c *testClient) uri(p string) protocol.DocumentURI {
	if strings.Contains(p, ":") {
		return protocol.DocumentURI(p)
	}
	return protocol.DocumentURI(uri.File(filepath.Join(c.root, filepath.FromSlash(p))))
}

// name is how goldens name a URI: workspace-relative for files in root.
func (c *testClient) name(u protocol.DocumentURI) string {
	if rel, ok := relPath(c.root, u); ok {
		return rel
	}
	return string(u)
}

func (c *testClient) initialized() {
	c.t.Helper()
	if err := c.server.Initialized(c.ctx(), &protocol.InitializedParams{}); err != nil {
		c.t.Fatal(err)
	}
}

func (c *testClient) open(p string, version int32, text string) {
	c.t.Helper()
	err := c.server.DidOpen(c.ctx(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: c.uri(p), LanguageID: "markdown", Version: version, Text: text}})
	if err != nil {
		c.t.Fatal(err)
	}
}

func (c *testClient) change(p string, version int32, text string) {
	c.t.Helper()
	err := c.server.DidChange(c.ctx(), &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: c.uri(p)}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: text}},
	})
	if err != nil {
		c.t.Fatal(err)
	}
}

// shutdown ends the session and returns the server's exit code.
func (c *testClient) shutdown() int {
	c.t.Helper()
	if err := c.server.Shutdown(c.ctx()); err != nil {
		c.t.Fatalf("shutdown: %v", err)
	}
	if err := c.server.Exit(c.ctx()); err != nil {
		c.t.Fatalf("exit: %v", err)
	}
	code := <-c.done
	c.done <- code
	return code
}

// diagnosticLines renders the latest diagnostics of every URI as
// "path:L:C-L:C severity code: message" with 1-based UTF-16 columns.
func (c *testClient) diagnosticLines() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var lines []string
	for u, p := range c.diags {
		for _, d := range p.Diagnostics {
			block := fmt.Sprintf("%s:%s %s %v: %s", c.name(u), fmtRange(d.Range), severityName(d.Severity), d.Code, d.Message)
			for _, r := range d.RelatedInformation {
				block += fmt.Sprintf("\n    related %s:%s %s", c.name(r.Location.URI), fmtRange(r.Location.Range), r.Message)
			}
			lines = append(lines, block)
			if d.Source != "fineprint" || d.CodeDescription == nil || !strings.Contains(string(d.CodeDescription.Href), "docs/rules.md#") {
				c.t.Errorf("diagnostic %v lacks source or codeDescription: %+v", d.Code, d)
			}
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func fmtRange(r protocol.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line+1, r.Start.Character+1, r.End.Line+1, r.End.Character+1)
}

func severityName(s protocol.DiagnosticSeverity) string {
	switch s {
	case protocol.DiagnosticSeverityError:
		return "error"
	case protocol.DiagnosticSeverityWarning:
		return "warning"
	case protocol.DiagnosticSeverityInformation:
		return "information"
	case protocol.DiagnosticSeverityHint:
		return "hint"
	}
	return fmt.Sprintf("severity(%v)", float64(s))
}

// call sends a raw request and returns the raw result.
func (c *testClient) call(method string, params any) (json.RawMessage, error) {
	var raw json.RawMessage
	_, err := c.conn.Call(c.ctx(), method, params, &raw)
	return raw, err
}

func writeFiles(t testing.TB, root string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
