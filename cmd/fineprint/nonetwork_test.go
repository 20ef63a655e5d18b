package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// docs/security.md: no network access except `record --fetch` and the
// fineprint.recordPolicy command. These tests run check, record and a serve
// session (scan, hover, code actions, the record command) over a workspace
// full of URLs and Hub model ids, in process with the HTTP transport and the
// DNS resolver replaced by ones that fail the test, and as the built binary
// with HTTP(S)_PROXY pointing at a listener that counts connections.

// networkWorkspace writes a workspace whose files invite a download: a
// policy incorporated by URL, Hub model ids in a card, a manifest and code.
func networkWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"LICENSE": "ACME OPEN MODEL LICENSE\n\nYou may use the Model.\n" +
			"Your use must comply with the Acceptable Use Policy at https://policy.acme.example/aup, " +
			"which we may update from time to time.\n",
		"README.md":  "---\nlicense: other\nlicense_name: acme-open\nlicense_link: https://acme.example/license\nbase_model: acme/base-7b\n---\n# Model\n",
		"Modelfile":  "FROM hf.co/acme/base-7b-gguf\n",
		"app.py":     "from transformers import AutoModel\nm = AutoModel.from_pretrained(\"acme/other-1b\")\n",
		"sub/NOTICE": "See https://acme.example/notice\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// forbidNetwork makes HTTP through the default transport and DNS lookups
// through the default resolver fail the test, and points the Hugging Face
// cache at an empty folder.
func forbidNetwork(t *testing.T) {
	oldTransport, oldResolver := http.DefaultTransport, net.DefaultResolver
	http.DefaultTransport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("network used: %s %s", r.Method, r.URL)
		return nil, errors.New("network disabled in this test")
	})
	net.DefaultResolver = &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		t.Errorf("DNS used: %s %s", network, address)
		return nil, errors.New("network disabled in this test")
	}}
	t.Cleanup(func() { http.DefaultTransport, net.DefaultResolver = oldTransport, oldResolver })
	t.Setenv("HF_HOME", t.TempDir())
	t.Setenv("HF_HUB_CACHE", "")
}

// proxyTrap points every proxy variable at a local listener and returns a
// function giving the number of connections it received.
func proxyTrap(t *testing.T) func() int64 {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns atomic.Int64
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	proxy := "http://" + ln.Addr().String()
	for _, v := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"} {
		t.Setenv(v, proxy)
	}
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")
	t.Setenv("HF_HOME", t.TempDir())
	return conns.Load
}

func TestNoNetworkInProcess(t *testing.T) {
	forbidNetwork(t)
	dir := networkWorkspace(t)
	for _, args := range [][]string{{"check", dir}, {"check", "--format", "json", dir}, {"check", "--format", "sarif", dir}, {"record", dir}, {"check", dir}} {
		code, _, stderr := runCmd(args...)
		if code > 1 {
			t.Errorf("fineprint %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
	}
	t.Run("serve", func(t *testing.T) { serveSessionInProcess(t, dir) })
}

// serveSessionInProcess runs `fineprint serve` with its real commands over
// a pipe: scan, hover, code actions, the record command, shutdown.
func serveSessionInProcess(t *testing.T, dir string) {
	cside, sside := net.Pipe()
	done := make(chan int, 1)
	stderr := &syncBuffer{}
	go func() { done <- serve([]string{"--log-level", "warn"}, sside, sside, stderr) }()
	published := make(chan protocol.DocumentURI, 100)
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(cside))
	conn.Go(context.Background(), func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		switch req.Method() {
		case protocol.MethodWorkspaceConfiguration:
			return reply(ctx, []any{map[string]any{"debounceMs": 0}}, nil)
		case protocol.MethodTextDocumentPublishDiagnostics:
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err == nil {
				select {
				case published <- p.URI:
				default:
				}
			}
		}
		return reply(ctx, nil, nil)
	})
	defer conn.Close()
	srv := protocol.ServerDispatcher(conn, zap.NewNop())
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	root := uri.File(dir)
	if _, err := srv.Initialize(ctx, &protocol.InitializeParams{
		RootURI:          root,
		WorkspaceFolders: []protocol.WorkspaceFolder{{URI: string(root), Name: "ws"}},
		Capabilities:     protocol.ClientCapabilities{Workspace: &protocol.WorkspaceClientCapabilities{Configuration: true}},
	}); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if err := srv.Initialized(ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	license := uri.File(filepath.Join(dir, "LICENSE"))
	waitPublished(t, ctx, published, license)
	doc := protocol.TextDocumentIdentifier{URI: license}
	for _, line := range []uint32{0, 3} {
		if _, err := srv.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: doc, Position: protocol.Position{Line: line}}}); err != nil {
			t.Errorf("hover line %d: %v", line, err)
		}
	}
	var actions []map[string]any
	if _, err := conn.Call(ctx, protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{TextDocument: doc, Range: protocol.Range{End: protocol.Position{Line: 10}}}, &actions); err != nil {
		t.Errorf("codeAction: %v", err)
	}
	var result any
	if _, err := conn.Call(ctx, protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: "fineprint.record"}, &result); err != nil {
		t.Errorf("fineprint.record: %v", err)
	}
	if err := srv.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	_ = conn.Notify(ctx, protocol.MethodExit, nil)
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d after shutdown and exit; log:\n%s", code, stderr)
		}
	case <-ctx.Done():
		t.Fatal("serve did not exit")
	}
}

func waitPublished(t *testing.T, ctx context.Context, published <-chan protocol.DocumentURI, want protocol.DocumentURI) {
	t.Helper()
	for {
		select {
		case u := <-published:
			if u == want {
				return
			}
		case <-ctx.Done():
			t.Fatalf("no diagnostics for %s", want)
		}
	}
}

func TestNoNetworkBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := fineprintBin(t)
	connections := proxyTrap(t)
	dir := networkWorkspace(t)
	for _, args := range [][]string{{"check", dir}, {"record", dir}, {"check", "--format", "json", dir}} {
		out, err := exec.Command(bin, args...).CombinedOutput()
		var ee *exec.ExitError
		if err != nil && (!errors.As(err, &ee) || ee.ExitCode() > 1) {
			t.Fatalf("fineprint %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	serveSessionBinary(t, dir)
	if n := connections(); n != 0 {
		t.Errorf("the proxy received %d connections without --fetch", n)
	}
	// The trap works: record --fetch does go to the network (the proxy).
	exec.Command(bin, "record", "--fetch", dir).Run()
	if connections() == 0 {
		t.Errorf("record --fetch made no connection: the proxy trap does not catch downloads")
	}
}

// serveSessionBinary drives the built server through a scan, hovers, code
// actions and the record command, answering its requests as an editor.
func serveSessionBinary(t *testing.T, dir string) {
	p := startServe(t)
	license := string(uri.File(filepath.Join(dir, "LICENSE")))
	p.request(1, "initialize", initializeParams(dir))
	answerUntil(t, p, func(m map[string]any) bool { return fmt.Sprint(m["id"]) == "1" && m["method"] == nil })
	p.notify("initialized", map[string]any{})
	answerUntil(t, p, func(m map[string]any) bool {
		params, _ := m["params"].(map[string]any)
		return m["method"] == "textDocument/publishDiagnostics" && params["uri"] == license
	})
	doc := map[string]any{"uri": license}
	p.request(2, "textDocument/hover", map[string]any{"textDocument": doc, "position": map[string]any{"line": 0, "character": 2}})
	p.request(3, "textDocument/codeAction", map[string]any{"textDocument": doc, "range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 9, "character": 0}}, "context": map[string]any{"diagnostics": []any{}}})
	p.request(4, "workspace/executeCommand", map[string]any{"command": "fineprint.record"})
	p.request(5, "shutdown", nil)
	answerUntil(t, p, func(m map[string]any) bool { return fmt.Sprint(m["id"]) == "5" && m["method"] == nil })
	p.notify("exit", nil)
	if code := p.wait(); code != 0 {
		t.Errorf("serve exited %d; stderr:\n%s", code, p.stderr.String())
	}
}

// answerUntil reads the server's messages, answering its requests with
// null (settings: defaults), until one matches.
func answerUntil(t *testing.T, p *lspProcess, match func(map[string]any) bool) {
	t.Helper()
	for m := range p.msgs {
		if match(m) {
			return
		}
		if method, ok := m["method"].(string); ok && m["id"] != nil {
			var result any
			if method == "workspace/configuration" {
				result = []any{map[string]any{"debounceMs": 0}}
			}
			p.send(map[string]any{"id": m["id"], "result": result})
		}
	}
	t.Fatalf("the server's output ended; stderr:\n%s", p.stderr.String())
}

// syncBuffer is a log sink the server and the test may touch at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
