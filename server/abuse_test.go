package server_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/internal/testbin"
)

// TestProtocolAbuse runs the built `fineprint serve` and feeds it raw frames
// no well-behaved client sends. The process must never panic (no Go stack on
// stderr), never hang (every request is answered or cancelled; the waits
// below have deadlines so that a hang fails instead of blocking the suite),
// and when the protocol library has to drop the connection it must exit
// with a log line saying so.
func TestProtocolAbuse(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := testbin.Fineprint(t)
	for _, c := range abuseCases() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := startServe(t, bin, c.opts)
			c.run(t, p)
			p.checkStderr(t)
		})
	}
}

type abuseCase struct {
	name string
	opts serveOptions
	run  func(t *testing.T, p *serveProc)
}

func abuseCases() []abuseCase {
	return []abuseCase{
		{name: "garbage body is a parse error", run: func(t *testing.T, p *serveProc) {
			p.raw("Content-Length: 10\r\n\r\nnot json!!")
			p.wantNullIDErrors(t, 1, -32700)
			p.initialize(t, "")
			p.shutdownExit(t)
		}},
		{name: "header without Content-Length", run: func(t *testing.T, p *serveProc) {
			p.raw("Content-Type: application/vscode-jsonrpc\r\n\r\n{}")
			p.wantExit(t, 1)
			p.wantLog(t, "connection closed")
		}},
		{name: "lower-case content-length", run: func(t *testing.T, p *serveProc) {
			p.raw("content-length: 2\r\n\r\n{}")
			p.wantExit(t, 1)
			p.wantLog(t, "connection closed")
		}},
		{name: "Content-Length beyond 32 bits", run: func(t *testing.T, p *serveProc) {
			p.raw("Content-Length: 99999999999\r\n\r\n{}")
			p.wantExit(t, 1)
			p.wantLog(t, "connection closed")
		}},
		{name: "Content-Length 2 GB with a short body", run: func(t *testing.T, p *serveProc) {
			p.raw("Content-Length: 2147483647\r\n\r\n{\"jsonrpc\":\"2.0\"")
			p.closeStdin()
			p.wantExit(t, 1)
			p.wantLog(t, "connection closed")
		}},
		{name: "Content-Length 2 GB ends the session before any body arrives", run: func(t *testing.T, p *serveProc) {
			p.raw("Content-Length: 2147483647\r\n\r\n{")
			p.wantExit(t, 1)
			p.wantLog(t, "message too large")
		}},
		{name: "batch array", run: func(t *testing.T, p *serveProc) {
			p.raw(frame(`[{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}]`))
			p.wantNullIDErrors(t, 1, -32600)
			p.initialize(t, "")
			p.shutdownExit(t)
		}},
		{name: "invalid ids, versions and methods", run: func(t *testing.T, p *serveProc) {
			// Issue 16 row 12: each is a -32600 reply, and the session
			// goes on. Numeric ids are echoed; others are null.
			p.initialize(t, "")
			hover := `"params":{"textDocument":{"uri":"file:///a"},"position":{"line":0,"character":0}}`
			for _, id := range []string{"1e30", "9223372036854775808", "1.5"} {
				p.send(`{"jsonrpc":"2.0","id":` + id + `,"method":"textDocument/hover",` + hover + `}`)
				p.wantError(t, id, -32600)
			}
			p.send(`{"jsonrpc":"2.0","id":{"x":1},"method":"textDocument/hover",` + hover + `}`)
			p.send(`{"jsonrpc":"2.0","id":true,"method":"textDocument/hover",` + hover + `}`)
			p.wantNullIDErrors(t, 2, -32600)
			p.send(`{"jsonrpc":"1.0","id":900001,"method":"textDocument/hover",` + hover + `}`)
			p.wantError(t, "900001", -32600)
			p.send(`{"jsonrpc":"2.0","id":900002,"method":42,` + hover + `}`)
			p.wantError(t, "900002", -32600)
			p.send(`{"jsonrpc":"1.0","method":"initialized","params":{}}`) // a notification: dropped
			p.wantResult(t, p.call("textDocument/hover", `{"textDocument":{"uri":"file:///a"},"position":{"line":0,"character":0}}`))
			p.shutdownExit(t)
		}},
		{name: "params nested 300,000 deep", run: func(t *testing.T, p *serveProc) {
			// Valid JSON, so the connection survives; decoding it is slow
			// (about 4 s per 300,000 levels here) but ends in an error reply.
			deep := strings.Repeat("[", 300_000) + strings.Repeat("]", 300_000)
			p.wantError(t, p.call("initialize", deep), 0)
			p.wantError(t, p.call("textDocument/hover", `{"textDocument":{"uri":"file:///a"},"position":`+deep+`}`), -32002)
			p.initialize(t, "")
			p.shutdownExit(t)
		}},
		{name: "wrong param types", run: func(t *testing.T, p *serveProc) {
			p.wantError(t, p.call("initialize", `"not an object"`), -32602)
			p.wantError(t, p.call("initialize", `{"processId":"abc","rootUri":42,"capabilities":[]}`), -32602)
			p.initialize(t, "")
			p.wantError(t, p.call("textDocument/hover", `{"textDocument":{"uri":5},"position":"x"}`), -32602)
			p.wantError(t, p.call("textDocument/codeAction", `[]`), -32602)
			p.wantError(t, p.call("textDocument/codeLens", `7`), -32602)
			p.wantError(t, p.call("workspace/executeCommand", `{"command":5,"arguments":{}}`), -32602)
			p.notify("textDocument/didOpen", `{"textDocument":7}`)
			p.notify("textDocument/didChange", `{"textDocument":{"uri":"file:///x","version":"two"},"contentChanges":{}}`)
			p.notify("workspace/didChangeConfiguration", `"settings"`)
			p.notify("$/cancelRequest", `{"id":{"nested":true}}`)
			p.shutdownExit(t)
		}},
		{name: "unknown methods", run: func(t *testing.T, p *serveProc) {
			p.initialize(t, "")
			p.wantError(t, p.call("fineprint/nope", `{}`), -32601)
			p.wantError(t, p.call("textDocument/completion", `{"textDocument":{"uri":"file:///a"},"position":{"line":0,"character":0}}`), -32601)
			p.wantError(t, p.call("$/unknownRequest", `null`), -32601)
			p.wantError(t, p.call("fineprint/test/block", `{}`), -32601) // test hooks are off
			p.wantError(t, p.call("workspace/executeCommand", `{"command":"fineprint.nope"}`), -32602)
			p.notify("fineprint/nope", `{}`)
			p.notify("$/setTrace", `{"value":"verbose"}`)
			p.raw(frame(`{"jsonrpc":"2.0","id":424242,"result":{"answer":"to nothing"}}`))
			p.shutdownExit(t)
		}},
		{name: "requests before initialize", run: func(t *testing.T, p *serveProc) {
			p.wantError(t, p.call("textDocument/hover", `{"textDocument":{"uri":"file:///a"},"position":{"line":0,"character":0}}`), -32002)
			p.wantError(t, p.call("shutdown", `null`), -32002)
			p.notify("textDocument/didOpen", `{"textDocument":{"uri":"file:///a/LICENSE","languageId":"plaintext","version":1,"text":"MIT License"}}`)
			p.notify("initialized", `{}`)
			p.initialize(t, "")
			p.shutdownExit(t)
		}},
		{name: "requests after shutdown", run: func(t *testing.T, p *serveProc) {
			p.initialize(t, "")
			p.wantResult(t, p.call("shutdown", `null`))
			p.wantError(t, p.call("textDocument/hover", `{"textDocument":{"uri":"file:///a"},"position":{"line":0,"character":0}}`), -32600)
			p.wantError(t, p.call("initialize", `{"capabilities":{}}`), -32600)
			p.wantError(t, p.call("shutdown", `null`), -32600)
			p.notify("textDocument/didOpen", `{"textDocument":{"uri":"file:///a/LICENSE","languageId":"plaintext","version":1,"text":"MIT License"}}`)
			p.notify("exit", `null`)
			p.wantExit(t, 0)
		}},
		{name: "exit without shutdown", run: func(t *testing.T, p *serveProc) {
			p.initialize(t, "")
			p.notify("exit", `null`)
			p.wantExit(t, 1)
		}},
		{name: "stdin closed mid-session", run: func(t *testing.T, p *serveProc) {
			p.initialize(t, "")
			p.notify("initialized", `{}`)
			p.closeStdin()
			p.wantExit(t, 1)
		}},
		{name: "1000 didChange in a burst", run: func(t *testing.T, p *serveProc) {
			root := t.TempDir()
			p.initialize(t, root)
			p.notify("initialized", `{}`)
			uri := fileURI(filepath.Join(root, "README.md"))
			p.notify("textDocument/didOpen", fmt.Sprintf(`{"textDocument":{"uri":%q,"languageId":"markdown","version":1,"text":"---\nlicense: mit\n---\n"}}`, uri))
			for v := 2; v <= 1001; v++ {
				text := fmt.Sprintf("---\\nlicense: %s\\n---\\n# v%d\\n", []string{"mit", "nonsense-id", "other", "llama3.1"}[v%4], v)
				p.notify("textDocument/didChange", fmt.Sprintf(`{"textDocument":{"uri":%q,"version":%d},"contentChanges":[{"text":"%s"}]}`, uri, v, text))
			}
			p.wantResult(t, p.call("textDocument/hover", fmt.Sprintf(`{"textDocument":{"uri":%q},"position":{"line":1,"character":10}}`, uri)))
			// The last version is published; the card says
			// nonsense-id, an unknown license id.
			diags := p.waitDiagnostics(t, uri, 1001)
			if !strings.Contains(diags, "card/unknown-license-id") {
				t.Errorf("diagnostics of version 1001 lack card/unknown-license-id: %s", diags)
			}
			p.shutdownExit(t)
		}},
		{name: "cancel storm", opts: serveOptions{env: []string{"FINEPRINT_TEST_HOOKS=1"}}, run: func(t *testing.T, p *serveProc) {
			p.initialize(t, "")
			var ids []string
			for i := 0; i < 100; i++ {
				id := p.call("fineprint/test/block", `{}`)
				ids = append(ids, id)
				p.notify("$/cancelRequest", `{"id":`+id+`}`)
				sid := strconv.Quote("s" + strconv.Itoa(i))
				p.send(`{"jsonrpc":"2.0","id":` + sid + `,"method":"fineprint/test/block","params":{}}`)
				ids = append(ids, sid)
				p.notify("$/cancelRequest", `{"id":`+sid+`}`)
				hover := p.call("textDocument/hover", `{"textDocument":{"uri":"file:///nowhere/LICENSE"},"position":{"line":0,"character":0}}`)
				ids = append(ids, hover)
				p.notify("$/cancelRequest", `{"id":`+hover+`}`)
				p.notify("$/cancelRequest", `{"id":`+strconv.Itoa(900000+i)+`}`)
				p.notify("$/cancelRequest", `{"id":"no such id"}`)
				p.notify("$/cancelRequest", `{"id":1e300}`)
				p.notify("$/cancelRequest", `"garbage"`)
			}
			for _, id := range ids {
				m := p.waitResponse(t, id)
				if m.Error != nil && m.Error.Code != -32800 {
					t.Errorf("request %s: error %d %s, want a result or -32800", id, m.Error.Code, m.Error.Message)
				}
				if strings.Contains(id, "s") && m.Error == nil {
					t.Errorf("blocking request %s was answered without being cancelled", id)
				}
			}
			p.shutdownExit(t)
		}},
		{name: "stdin closed while the client reads nothing", opts: serveOptions{noRead: true}, run: func(t *testing.T, p *serveProc) {
			// Issue 16 row 13: the replies (8 KB each, the unknown
			// method's name echoed) fill the output pipe, so the server's
			// writes block; closing stdin must still end the process
			// instead of waiting for an output nobody reads.
			p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
			long := "fineprint/" + strings.Repeat("x", 8<<10)
			for i := 0; i < 20; i++ {
				p.call(long, `{}`)
			}
			p.closeStdin()
			p.wantExit(t, 1)
		}},
		{name: "stdin closed while the server is saturated and the client reads nothing", opts: serveOptions{noRead: true}, run: func(t *testing.T, p *serveProc) {
			// Issue 16 row 13, the corner: a few replies of 8 KB fill
			// the output pipe, so every later handler waits on its
			// write; the server reads on until rpc.DefaultMaxPending
			// messages are unanswered and then stops taking messages
			// (back-pressure), with more (small) requests behind them in
			// the input pipe. Closing stdin must still end the process:
			// the server must see the end of its input while it takes no
			// message.
			p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
			long := "fineprint/" + strings.Repeat("x", 8<<10)
			for i := 0; i < 12; i++ {
				p.call(long, `{}`)
			}
			for i := 0; i < 300; i++ {
				p.call("fineprint/x", `{}`)
			}
			p.stderr.waitFor(t, "input paused")
			p.closeStdin()
			p.wantExit(t, 1)
		}},
		{name: "client never answers workspace/configuration", opts: serveOptions{silent: true}, run: func(t *testing.T, p *serveProc) {
			root := t.TempDir()
			if err := os.WriteFile(filepath.Join(root, "README.md"), []byte("---\nlicense: nonsense-id\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			p.initialize(t, root)
			p.notify("initialized", `{}`)
			// Requests are answered while the server waits for settings...
			p.wantResult(t, p.call("textDocument/hover", fmt.Sprintf(`{"textDocument":{"uri":%q},"position":{"line":1,"character":10}}`, fileURI(filepath.Join(root, "README.md")))))
			// ...and the scan runs with default settings once it gives up.
			diags := p.waitDiagnostics(t, fileURI(filepath.Join(root, "README.md")), -1)
			if !strings.Contains(diags, "card/unknown-license-id") {
				t.Errorf("scan without settings: diagnostics %s lack card/unknown-license-id", diags)
			}
			p.shutdownExit(t)
		}},
	}
}

// deadline bounds every wait: a server that hangs fails the test instead
// of blocking the suite. It is generous because the machine is shared.
const deadline = 90 * time.Second

type serveOptions struct {
	env    []string
	silent bool // never answer the server's requests (workspace/configuration, ...)
	noRead bool // never read the server's output: its pipe fills and its writes block
}

// serveProc is a running `fineprint serve` and the messages it wrote.
type serveProc struct {
	t      *testing.T
	cmd    *exec.Cmd
	opts   serveOptions
	wmu    sync.Mutex
	stdin  io.WriteCloser
	stderr *lockedBuffer
	exited chan struct{}
	code   int

	mu      sync.Mutex
	msgs    []message
	changed chan struct{} // closed and replaced when msgs grows or the output ends
	eof     bool
	nextID  int
}

type message struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

type lockedBuffer struct {
	mu   sync.Mutex
	b    bytes.Buffer
	grew chan struct{} // closed and cleared by the next Write
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.grew != nil {
		close(l.grew)
		l.grew = nil
	}
	return l.b.Write(p)
}

// waitFor waits until the buffer holds text.
func (l *lockedBuffer) waitFor(t *testing.T, text string) {
	t.Helper()
	timeout := time.After(deadline)
	for {
		l.mu.Lock()
		if strings.Contains(l.b.String(), text) {
			l.mu.Unlock()
			return
		}
		if l.grew == nil {
			l.grew = make(chan struct{})
		}
		grew := l.grew
		l.mu.Unlock()
		select {
		case <-grew:
		case <-timeout:
			t.Fatalf("no %q within %v:\n%s", text, deadline, l)
		}
	}
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startServe(t *testing.T, bin string, opts serveOptions) *serveProc {
	t.Helper()
	p := &serveProc{t: t, opts: opts, stderr: &lockedBuffer{}, exited: make(chan struct{}), changed: make(chan struct{})}
	p.cmd = exec.Command(bin, "serve", "--log-level", "info")
	p.cmd.Env = append(os.Environ(), opts.env...)
	p.cmd.Stderr = p.stderr
	var err error
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !opts.noRead {
		go p.read(stdout)
	}
	go func() {
		err := p.cmd.Wait()
		p.code = p.cmd.ProcessState.ExitCode()
		if err != nil && p.code < 0 {
			p.code = -1 // killed by a signal
		}
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			p.cmd.Process.Kill()
			<-p.exited
		}
	})
	return p
}

// read parses frames from the server's stdout and answers the server's own
// requests as an editor would, unless the client is silent.
func (p *serveProc) read(r io.Reader) {
	br := bufio.NewReader(r)
	defer func() {
		p.mu.Lock()
		p.eof = true
		close(p.changed)
		p.changed = make(chan struct{})
		p.mu.Unlock()
	}()
	for {
		body, err := readFrame(br)
		if err != nil {
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			p.t.Errorf("server wrote a frame that is not JSON-RPC: %q", body)
			continue
		}
		if m.Method != "" && m.ID != nil && !p.opts.silent {
			result := "null"
			if m.Method == "workspace/configuration" {
				result = `[{"debounceMs":0}]`
			}
			p.send(`{"jsonrpc":"2.0","id":` + string(m.ID) + `,"result":` + result + `}`)
		}
		p.mu.Lock()
		p.msgs = append(p.msgs, m)
		close(p.changed)
		p.changed = make(chan struct{})
		p.mu.Unlock()
	}
}

func readFrame(br *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			if length, err = strconv.Atoi(v); err != nil {
				return nil, err
			}
		}
	}
	if length < 0 {
		return nil, errors.New("frame without Content-Length")
	}
	body := make([]byte, length)
	_, err := io.ReadFull(br, body)
	return body, err
}

func frame(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

// raw writes bytes as they are; a write error means the server has closed
// its input, which the exit checks then judge.
func (p *serveProc) raw(s string) {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	_, _ = io.WriteString(p.stdin, s)
}

func (p *serveProc) send(body string) { p.raw(frame(body)) }

func (p *serveProc) closeStdin() {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	p.stdin.Close()
}

// call sends a request and returns its id.
func (p *serveProc) call(method, params string) string {
	p.mu.Lock()
	p.nextID++
	id := strconv.Itoa(p.nextID)
	p.mu.Unlock()
	p.send(`{"jsonrpc":"2.0","id":` + id + `,"method":"` + method + `","params":` + params + `}`)
	return id
}

func (p *serveProc) notify(method, params string) {
	p.send(`{"jsonrpc":"2.0","method":"` + method + `","params":` + params + `}`)
}

// waitFor returns the first message from index from on that matches, or
// fails the test at the deadline or when the server's output ends.
func (p *serveProc) waitFor(t *testing.T, what string, match func(message) bool) message {
	t.Helper()
	timeout := time.After(deadline)
	seen := 0
	for {
		p.mu.Lock()
		for ; seen < len(p.msgs); seen++ {
			if match(p.msgs[seen]) {
				m := p.msgs[seen]
				p.mu.Unlock()
				return m
			}
		}
		eof, changed := p.eof, p.changed
		p.mu.Unlock()
		if eof {
			t.Fatalf("%s: the server's output ended first (exit %s); stderr:\n%s", what, p.exitState(), p.stderr)
		}
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("%s: nothing after %v; stderr:\n%s", what, deadline, p.stderr)
		}
	}
}

func (p *serveProc) waitResponse(t *testing.T, id string) message {
	t.Helper()
	return p.waitFor(t, "response to "+id, func(m message) bool {
		return m.Method == "" && string(m.ID) == id
	})
}

func (p *serveProc) wantError(t *testing.T, id string, code int) {
	t.Helper()
	m := p.waitResponse(t, id)
	if m.Error == nil {
		t.Errorf("request %s: got result %s, want an error", id, m.Result)
		return
	}
	if code != 0 && m.Error.Code != code {
		t.Errorf("request %s: error %d %q, want code %d", id, m.Error.Code, m.Error.Message, code)
	}
}

// wantNullIDErrors waits for n error replies with a null id, each with
// code.
func (p *serveProc) wantNullIDErrors(t *testing.T, n, code int) {
	t.Helper()
	seen := 0
	p.waitFor(t, fmt.Sprintf("%d error replies with a null id", n), func(m message) bool {
		if m.Method == "" && string(m.ID) == "null" && m.Error != nil {
			if m.Error.Code != code {
				t.Errorf("reply with a null id: error %d %q, want code %d", m.Error.Code, m.Error.Message, code)
			}
			seen++
		}
		return seen == n
	})
}

func (p *serveProc) wantResult(t *testing.T, id string) json.RawMessage {
	t.Helper()
	m := p.waitResponse(t, id)
	if m.Error != nil {
		t.Fatalf("request %s: error %d %q", id, m.Error.Code, m.Error.Message)
	}
	return m.Result
}

// waitDiagnostics waits for diagnostics of uri at version (-1: any) and
// returns them as JSON.
func (p *serveProc) waitDiagnostics(t *testing.T, uri string, version int) string {
	t.Helper()
	m := p.waitFor(t, fmt.Sprintf("diagnostics of %s version %d", uri, version), func(m message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var d struct {
			URI     string `json:"uri"`
			Version *int   `json:"version"`
		}
		if json.Unmarshal(m.Params, &d) != nil || d.URI != uri {
			return false
		}
		return version < 0 || d.Version != nil && *d.Version == version
	})
	return string(m.Params)
}

func (p *serveProc) initialize(t *testing.T, root string) {
	t.Helper()
	params := `{"processId":null,"capabilities":{"workspace":{"configuration":true,"didChangeWatchedFiles":{"dynamicRegistration":true}},"window":{"workDoneProgress":true}}`
	if root != "" {
		params += fmt.Sprintf(`,"rootUri":%q,"workspaceFolders":[{"uri":%q,"name":"ws"}]`, fileURI(root), fileURI(root))
	}
	p.wantResult(t, p.call("initialize", params+"}"))
}

func (p *serveProc) shutdownExit(t *testing.T) {
	t.Helper()
	p.wantResult(t, p.call("shutdown", `null`))
	p.notify("exit", `null`)
	p.wantExit(t, 0)
}

func (p *serveProc) wantExit(t *testing.T, code int) {
	t.Helper()
	select {
	case <-p.exited:
	case <-time.After(deadline):
		t.Fatalf("the server did not exit within %v; stderr:\n%s", deadline, p.stderr)
	}
	if p.code != code {
		t.Errorf("exit status %d, want %d; stderr:\n%s", p.code, code, p.stderr)
	}
}

func (p *serveProc) exitState() string {
	select {
	case <-p.exited:
		return strconv.Itoa(p.code)
	default:
		return "still running"
	}
}

func (p *serveProc) wantLog(t *testing.T, text string) {
	t.Helper()
	if !strings.Contains(p.stderr.String(), text) {
		t.Errorf("stderr lacks %q:\n%s", text, p.stderr)
	}
}

var goStack = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[)`)

func (p *serveProc) checkStderr(t *testing.T) {
	t.Helper()
	if loc := goStack.FindStringIndex(p.stderr.String()); loc != nil {
		t.Errorf("the server printed a Go panic or stack:\n%s", p.stderr)
	}
	if strings.Contains(p.stderr.String(), "handler panicked") {
		t.Errorf("a handler panicked (recovered):\n%s", p.stderr)
	}
}

func fileURI(p string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
}
