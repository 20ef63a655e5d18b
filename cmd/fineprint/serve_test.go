package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var updateServe = flag.Bool("update-serve", false, "rewrite testdata/lsp/initialize.golden.json")

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// fineprintBin builds the command once per test run.
func fineprintBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "fineprint-serve-test")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "fineprint")
		out, err := exec.Command("go", "build", "-ldflags", "-X main.version=v0.0.0-test", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// lspProcess is `fineprint serve` driven with raw Content-Length frames.
type lspProcess struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	msgs   chan map[string]any // every message the server wrote, in order
	stderr bytes.Buffer
}

func startServe(t *testing.T, args ...string) *lspProcess {
	t.Helper()
	cmd := exec.Command(fineprintBin(t), append([]string{"serve"}, args...)...)
	cmd.Env = append(os.Environ(), "FINEPRINT_TEST_HOOKS=1")
	p := &lspProcess{t: t, cmd: cmd, msgs: make(chan map[string]any, 100)}
	cmd.Stderr = &p.stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.stdin = stdin
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go p.readFrames(stdout)
	t.Cleanup(func() {
		stdin.Close()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return p
}

func (p *lspProcess) readFrames(r io.Reader) {
	defer close(p.msgs)
	br := bufio.NewReader(r)
	for {
		n := -1
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			p.t.Errorf("server wrote a frame that is not JSON: %q", body)
			return
		}
		p.msgs <- m
	}
}

func (p *lspProcess) sendRaw(body []byte) {
	p.t.Helper()
	if _, err := fmt.Fprintf(p.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		p.t.Fatal(err)
	}
}

func (p *lspProcess) send(msg map[string]any) {
	p.t.Helper()
	msg["jsonrpc"] = "2.0"
	body, err := json.Marshal(msg)
	if err != nil {
		p.t.Fatal(err)
	}
	p.sendRaw(body)
}

func (p *lspProcess) request(id any, method string, params any) {
	p.t.Helper()
	p.send(map[string]any{"id": id, "method": method, "params": params})
}

func (p *lspProcess) notify(method string, params any) {
	p.t.Helper()
	p.send(map[string]any{"method": method, "params": params})
}

// response waits for the answer to the request with this id (as JSON
// decodes it), skipping notifications.
func (p *lspProcess) response(id any) map[string]any {
	p.t.Helper()
	for m := range p.msgs {
		if _, isCall := m["method"]; isCall {
			continue
		}
		if fmt.Sprint(m["id"]) == fmt.Sprint(id) {
			return m
		}
	}
	p.t.Fatalf("server closed its output before answering request %v; stderr:\n%s", id, p.stderr.String())
	return nil
}

func errorCode(m map[string]any) float64 {
	e, _ := m["error"].(map[string]any)
	if e == nil {
		return 0
	}
	c, _ := e["code"].(float64)
	return c
}

// wait returns the exit code once the process ends.
func (p *lspProcess) wait() int {
	p.t.Helper()
	for range p.msgs {
	}
	err := p.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		p.t.Fatal(err)
	}
	return 0
}

func initializeParams(root string) map[string]any {
	params := map[string]any{"processId": nil, "capabilities": map[string]any{}}
	if root != "" {
		params["rootUri"] = "file://" + filepath.ToSlash(root)
	}
	return params
}

func (p *lspProcess) initialize() map[string]any {
	p.t.Helper()
	p.request(1, "initialize", initializeParams(p.t.TempDir()))
	return p.response(1)
}

func TestServeInitializeResponse(t *testing.T) {
	p := startServe(t)
	resp := p.initialize()
	got, err := json.MarshalIndent(resp, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "..", "testdata", "lsp", "initialize.golden.json")
	if *updateServe {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(got)+"\n" {
		t.Errorf("initialize response differs from %s (go test ./cmd/fineprint -run TestServeInitializeResponse -update-serve):\n%s", golden, got)
	}
}

func TestServeErrorCodes(t *testing.T) {
	p := startServe(t)
	p.request(1, "textDocument/hover", map[string]any{})
	if c := errorCode(p.response(1)); c != -32002 {
		t.Errorf("request before initialize: code %v, want -32002", c)
	}
	p.request(2, "initialize", initializeParams(t.TempDir()))
	if r := p.response(2); r["result"] == nil {
		t.Fatalf("initialize failed: %v", r)
	}
	p.request(3, "initialize", initializeParams(t.TempDir()))
	if c := errorCode(p.response(3)); c != -32600 {
		t.Errorf("second initialize: code %v, want -32600", c)
	}
	p.notify("initialized", map[string]any{})
	p.notify("$/unknownNotification", map[string]any{})
	p.request(4, "textDocument/inlayHint", map[string]any{})
	if c := errorCode(p.response(4)); c != -32601 {
		t.Errorf("unknown method: code %v, want -32601", c)
	}
	p.request(5, "fineprint/test/panic", nil)
	if c := errorCode(p.response(5)); c != -32603 {
		t.Errorf("panicking handler: code %v, want -32603", c)
	}
	p.request("six", "textDocument/completion", map[string]any{})
	if c := errorCode(p.response("six")); c != -32601 {
		t.Errorf("unimplemented protocol method after a panic: code %v, want -32601", c)
	}
	p.request(7, "shutdown", nil)
	if r := p.response(7); r["error"] != nil {
		t.Fatalf("shutdown: %v", r)
	}
	p.request(8, "textDocument/hover", map[string]any{})
	if c := errorCode(p.response(8)); c != -32600 {
		t.Errorf("request after shutdown: code %v, want -32600", c)
	}
	p.notify("exit", nil)
	if code := p.wait(); code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
	if s := p.stderr.String(); hasPanicTrace(s) {
		t.Errorf("stderr has a Go panic trace:\n%s", s)
	}
}

func TestServeCancelRequest(t *testing.T) {
	for _, tc := range []struct {
		name string
		id   any
	}{
		{"numeric id", 7},
		{"string id", "req-7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := startServe(t)
			p.initialize()
			// The request blocks until cancelled: only the cancel can end it.
			p.request(tc.id, "fineprint/test/block", nil)
			p.notify("$/cancelRequest", map[string]any{"id": tc.id})
			if c := errorCode(p.response(tc.id)); c != -32800 {
				t.Errorf("cancelled request: code %v, want -32800", c)
			}
			// The queue goes on after the cancelled request.
			p.request(9, "shutdown", nil)
			p.response(9)
			p.notify("exit", nil)
			if code := p.wait(); code != 0 {
				t.Errorf("exit code %d, want 0", code)
			}
		})
	}
}

func TestServeExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		shutdown bool
		want     int
	}{
		{"shutdown then exit", true, 0},
		{"exit without shutdown", false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := startServe(t)
			p.initialize()
			p.notify("initialized", map[string]any{})
			if tc.shutdown {
				p.request(2, "shutdown", nil)
				p.response(2)
			}
			p.notify("exit", nil)
			if code := p.wait(); code != tc.want {
				t.Errorf("exit code %d, want %d", code, tc.want)
			}
		})
	}
}

func TestServeBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		send func(p *lspProcess)
	}{
		// A body that is not JSON is answered -32700 and the session goes
		// on (server/abuse_test.go); it ends with the input.
		{"garbage body", func(p *lspProcess) { p.sendRaw([]byte("{this is not json")); p.stdin.Close() }},
		{"closed input", func(p *lspProcess) { p.stdin.Close() }},
		{"wrong params type", func(p *lspProcess) {
			p.request(2, "textDocument/hover", []int{1, 2})
			if r := p.response(2); r["error"] == nil {
				t.Errorf("hover with an array for params: no error in %v", r)
			}
			p.stdin.Close()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := startServe(t)
			p.initialize()
			tc.send(p)
			if code := p.wait(); code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			if s := p.stderr.String(); hasPanicTrace(s) || strings.Contains(s, "panic") {
				t.Errorf("stderr shows a panic:\n%s", s)
			}
		})
	}
}

func TestServeFlags(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "serve.log")
	for _, tc := range []struct {
		name string
		args []string
		want int
		err  string
	}{
		{"bad level", []string{"--log-level", "loud"}, 2, `--log-level "loud"`},
		{"extra argument", []string{"x"}, 2, `unexpected argument "x"`},
		{"unwritable log", []string{"--log-file", filepath.Join(t.TempDir(), "no", "dir", "log")}, 2, "--log-file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := serve(tc.args, strings.NewReader(""), &stdout, &stderr); code != tc.want {
				t.Errorf("exit %d, want %d", code, tc.want)
			}
			if !strings.Contains(stderr.String(), tc.err) || stdout.Len() != 0 {
				t.Errorf("stdout %q, stderr %q; want %q on stderr only", stdout.String(), stderr.String(), tc.err)
			}
		})
	}
	t.Run("log file", func(t *testing.T) {
		p := startServe(t, "--stdio", "--log-file", logFile, "--log-level", "debug") // --stdio: what vscode-languageclient adds
		p.initialize()
		p.request(2, "shutdown", nil)
		p.response(2)
		p.notify("exit", nil)
		if code := p.wait(); code != 0 {
			t.Fatalf("exit code %d", code)
		}
		log, err := os.ReadFile(logFile)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(log), "initialize") || p.stderr.Len() != 0 {
			t.Errorf("log file %q, stderr %q: want the log in the file only", log, p.stderr.String())
		}
	})
}

// hasPanicTrace reports an unrecovered panic's trace (a recovered one is
// logged with its stack quoted on one line).
func hasPanicTrace(stderr string) bool {
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "goroutine ") || strings.HasPrefix(line, "fatal error: ") {
			return true
		}
	}
	return false
}

// TestNeovim drives the built server from a real client: headless Neovim
// (Debian's neovim, 0.7 API) opens a license file, gets fineprint's
// diagnostics, a hover, and applies the quick fix that records the license:
// it runs fineprint.record, which writes fineprint.lock on disk.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim not installed (apt-get install neovim); skipping the Neovim client test")
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "editors", "nvim", "test", "headless.lua"))
	if err != nil {
		t.Fatal(err)
	}
	ws := t.TempDir()
	files := map[string]string{
		"LICENSE":   "Llama 3.1 Community License Agreement\n\nA fixture written for fineprint's tests.\n",
		"README.md": "---\nlicense: llama3.1\n---\n# demo\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(ws, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	cmd.Dir = ws
	cmd.Env = append(os.Environ(), "FINEPRINT_BIN="+fineprintBin(t), "FINEPRINT_WS="+ws, "FINEPRINT_FILE=LICENSE",
		"FINEPRINT_ACTION_CODE=record/unrecorded", "XDG_STATE_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	t.Logf("nvim output:\n%s", out)
	if err != nil {
		t.Fatalf("nvim: %v", err)
	}
	for _, want := range []string{
		"INIT hover",
		"DIAG 1:1 fineprint record/unrecorded",
		"HOVER markdown ### Llama 3.1 Community License Agreement",
		"ACTION quickfix Record LICENSE in fineprint.lock",
		"COMMAND fineprint.record",
		`WROTE fineprint.lock {\n  "version": 1,\n  "licenses": [\n    {\n      "path": "LICENSE",\n      "license": "llama3.1"`,
		"\nOK\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("nvim output lacks %q", want)
		}
	}
}
