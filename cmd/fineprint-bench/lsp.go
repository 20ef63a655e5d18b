package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// lspClient drives a fineprint language server running as a child process
// over its stdin and stdout, the way an editor does. It answers the
// server's requests (configuration with debounceMs 0, registrations,
// progress tokens) and records what the server publishes.
type lspClient struct {
	cmd    *exec.Cmd
	conn   jsonrpc2.Conn
	server protocol.Server

	mu         sync.Mutex
	changed    chan struct{} // closed and replaced on every notification
	progEnds   int
	published  map[protocol.DocumentURI]publication
	publishes  int
	serverDone chan error
	cpuPerEdit time.Duration // server CPU time per edit of the last editLoop
	// incremental: the server asked for ranged changes (TextDocumentSyncKindIncremental).
	incremental bool

	// writeMu orders the frames written by the connection and by sendFrame.
	writeMu *sync.Mutex
	stdin   io.Writer
}

// lockedStream is a jsonrpc2.Stream whose writes hold a mutex shared with
// lspClient.sendFrame: jsonrpc2 writes a frame's header and body separately.
type lockedStream struct {
	jsonrpc2.Stream
	mu *sync.Mutex
}

func (s lockedStream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Stream.Write(ctx, msg)
}

type publication struct {
	version int32 // -1 when the server sent none
	count   int   // publications of this URI so far
	diags   int
}

// pipeRWC joins the child's stdout and stdin into one stream.
type pipeRWC struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipeRWC) Close() error {
	p.WriteCloser.Close()
	return p.ReadCloser.Close()
}

// startServer starts the server command (argv) with extra environment and
// initializes a session on root, without sending initialized.
func startServer(argv, env []string, root string) (*lspClient, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &lspClient{cmd: cmd, changed: make(chan struct{}), published: map[protocol.DocumentURI]publication{},
		serverDone: make(chan error, 1), writeMu: &sync.Mutex{}, stdin: in}
	c.conn = jsonrpc2.NewConn(lockedStream{jsonrpc2.NewStream(pipeRWC{out, in}), c.writeMu})
	c.conn.Go(context.Background(), c.handle)
	c.server = protocol.ServerDispatcher(c.conn, zap.NewNop())
	go func() { c.serverDone <- cmd.Wait() }()

	caps := protocol.ClientCapabilities{
		Window: &protocol.WindowClientCapabilities{WorkDoneProgress: true},
		Workspace: &protocol.WorkspaceClientCapabilities{
			Configuration:         true,
			DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesWorkspaceClientCapabilities{DynamicRegistration: true},
		},
	}
	params := &protocol.InitializeParams{Capabilities: caps, RootURI: protocol.DocumentURI(uri.File(root)),
		WorkspaceFolders: []protocol.WorkspaceFolder{{URI: string(uri.File(root)), Name: "bench"}}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := c.server.Initialize(ctx, params)
	if err != nil {
		c.kill()
		return nil, fmt.Errorf("initialize: %w", err)
	}
	c.incremental = syncKind(res.Capabilities.TextDocumentSync) == protocol.TextDocumentSyncKindIncremental
	return c, nil
}

// handle runs on the read loop and must not block.
func (c *lspClient) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	switch req.Method() {
	case protocol.MethodWorkspaceConfiguration:
		return reply(ctx, []any{map[string]any{"debounceMs": 0}}, nil)
	case protocol.MethodTextDocumentPublishDiagnostics:
		var p struct {
			URI         protocol.DocumentURI `json:"uri"`
			Version     *int32               `json:"version"`
			Diagnostics []json.RawMessage    `json:"diagnostics"`
		}
		if err := json.Unmarshal(req.Params(), &p); err == nil {
			c.mu.Lock()
			pub := c.published[p.URI]
			pub.count++
			pub.version = -1
			if p.Version != nil {
				pub.version = *p.Version
			}
			pub.diags = len(p.Diagnostics)
			c.published[p.URI] = pub
			c.publishes++
			c.signalLocked()
			c.mu.Unlock()
		}
		return nil
	case protocol.MethodProgress:
		var p struct {
			Value struct {
				Kind string `json:"kind"`
			} `json:"value"`
		}
		if json.Unmarshal(req.Params(), &p) == nil && p.Value.Kind == "end" {
			c.mu.Lock()
			c.progEnds++
			c.signalLocked()
			c.mu.Unlock()
		}
		return nil
	}
	if _, isCall := req.(*jsonrpc2.Call); isCall {
		return reply(ctx, nil, nil) // registrations, progress tokens
	}
	return nil
}

func (c *lspClient) signalLocked() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// waitFor waits until cond (called with c.mu held) holds.
func (c *lspClient) waitFor(timeout time.Duration, what string, cond func() bool) error {
	deadline := time.After(timeout)
	for {
		c.mu.Lock()
		ok, ch := cond(), c.changed
		c.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-deadline:
			return fmt.Errorf("timed out after %v waiting for %s", timeout, what)
		case err := <-c.serverDone:
			return fmt.Errorf("server exited (%v) while waiting for %s", err, what)
		}
	}
}

func (c *lspClient) pub(u protocol.DocumentURI) publication {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.published[u]
}

func (c *lspClient) initialized() error {
	return c.server.Initialized(context.Background(), &protocol.InitializedParams{})
}

func (c *lspClient) open(u protocol.DocumentURI, lang string, version int32, text string) error {
	return c.server.DidOpen(context.Background(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageIdentifier(lang), Version: version, Text: text}})
}

// changeFrame encodes a full-text didChange as editors send it: no range,
// and no HTML escaping (JSON.stringify in VS Code, vim.json.encode in
// Neovim). The frame is encoded before the clock starts, since encoding is
// the editor's work, then written whole by sendFrame.
func changeFrame(u protocol.DocumentURI, version int32, text []byte) ([]byte, error) {
	type change struct {
		Text string `json:"text"`
	}
	msg := struct {
		JSONRPC string `json:"jsonrpc"`
		Method  string `json:"method"`
		Params  struct {
			TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
			ContentChanges []change                                 `json:"contentChanges"`
		} `json:"params"`
	}{JSONRPC: "2.0", Method: protocol.MethodTextDocumentDidChange}
	msg.Params.TextDocument = protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version}
	msg.Params.ContentChanges = []change{{Text: string(text)}}
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(msg); err != nil {
		return nil, err
	}
	frame := fmt.Appendf(nil, "Content-Length: %d\r\n\r\n", body.Len())
	return append(frame, body.Bytes()...), nil
}

// sendFrame writes one encoded message in a single write.
func (c *lspClient) sendFrame(frame []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_, err := c.stdin.Write(frame)
	return err
}

// changeRange replaces a range of the document, as an editor with
// incremental sync does. The range is always present here, so the
// go.lsp.dev/protocol type (whose range cannot be left out) serves.
func (c *lspClient) changeRange(u protocol.DocumentURI, version int32, r protocol.Range, text string) error {
	return c.server.DidChange(context.Background(), &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Range: r, Text: text}},
	})
}

// syncKind reads textDocumentSync, a kind or an options object.
func syncKind(v any) protocol.TextDocumentSyncKind {
	data, err := json.Marshal(v)
	if err != nil {
		return protocol.TextDocumentSyncKindNone
	}
	var kind protocol.TextDocumentSyncKind
	if json.Unmarshal(data, &kind) == nil {
		return kind
	}
	var opts struct {
		Change protocol.TextDocumentSyncKind `json:"change"`
	}
	_ = json.Unmarshal(data, &opts)
	return opts.Change
}

// peakRSS is the child's peak resident set (VmHWM), in bytes.
func (c *lspClient) peakRSS() int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// cpuTime is the CPU time (user + system) the child has used so far.
func (c *lspClient) cpuTime() time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	s := string(data)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	// Fields after the command: state is f[0], utime f[11], stime f[12],
	// in clock ticks of 1/100 s on Linux.
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+st) * 10 * time.Millisecond
}

// close ends the session with shutdown and exit, as an editor does, and
// waits for the process; a server that does not exit is killed.
func (c *lspClient) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.server.Shutdown(ctx); err == nil {
		_ = c.server.Exit(ctx)
	}
	select {
	case <-c.serverDone:
	case <-time.After(10 * time.Second):
		c.kill()
	}
	c.conn.Close()
}

func (c *lspClient) kill() {
	if c.cmd.Process != nil {
		_ = c.cmd.Process.Kill()
	}
	c.conn.Close()
}
