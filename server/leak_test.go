package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/atomicfile"
)

// TestSessionEndsLeaveNoGoroutines ends sessions in every way a client can (shutdown and
// exit, a dropped stream, a client that never answers, a cancelled request)
// and checks that every goroutine the session started has ended: the
// server's worker, its setup, its handlers and the connection's loops.
func TestSessionEndsLeaveNoGoroutines(t *testing.T) {
	analysis.New().Warmup() // a process-wide one-time cost, finished before the baseline
	llama := leakWorkspace(t)
	for _, c := range []struct {
		name string
		opts clientOptions
		run  func(c *testClient)
	}{
		{"shutdown and exit after a full session", clientOptions{root: llama, settings: map[string]any{"debounceMs": 0}, caps: fullCaps()}, func(c *testClient) {
			c.initialized()
			c.waitScan(1)
			c.open("README.md", 1, "---\nlicense: llama3.1\n---\n")
			c.change("README.md", 2, "---\nlicense: mit\n---\n")
			c.waitVersion(c.uri("README.md"), 2)
			if _, err := c.call(protocol.MethodTextDocumentHover, hoverAt(c.uri("LICENSE"))); err != nil {
				c.t.Errorf("hover: %v", err)
			}
			if _, err := c.call(protocol.MethodTextDocumentCodeAction, actionsIn(c.uri("LICENSE"))); err != nil {
				c.t.Errorf("codeAction: %v", err)
			}
			if code := c.shutdown(); code != 0 {
				c.t.Errorf("exit code %d", code)
			}
		}},
		{"stream dropped mid-session", clientOptions{root: llama, settings: map[string]any{"debounceMs": 0}, caps: fullCaps()}, func(c *testClient) {
			c.initialized()
			c.open("README.md", 1, "---\nlicense: mit\n---\n")
			c.conn.Close()
			code := <-c.done
			c.done <- code
		}},
		{"client never answers workspace/configuration", clientOptions{root: llama, noConfig: true, caps: fullCaps(), server: Options{ConfigTimeout: 2 * time.Second}}, func(c *testClient) {
			c.initialized()
			c.open("README.md", 1, "---\nlicense: mit\n---\n")
			if code := c.shutdown(); code != 0 {
				c.t.Errorf("exit code %d", code)
			}
		}},
		{"cancelled request, then exit without shutdown", clientOptions{server: Options{TestHooks: true}}, func(c *testClient) {
			c.initialized()
			answered := make(chan struct{})
			go func() {
				var raw json.RawMessage
				_, _ = c.conn.Call(c.ctx(), methodTestBlock, nil, &raw)
				close(answered)
			}()
			// The call's id is not known before it returns: cancel the first
			// few ids until it is answered.
			for waiting := true; waiting; {
				for id := 1; id <= 4; id++ {
					_ = c.conn.Notify(c.ctx(), protocol.MethodCancelRequest, map[string]any{"id": id})
				}
				select {
				case <-answered:
					waiting = false
				case <-time.After(10 * time.Millisecond):
				}
			}
			if err := c.server.Exit(c.ctx()); err != nil {
				c.t.Errorf("exit: %v", err)
			}
			code := <-c.done
			c.done <- code
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := goroutineIDs()
			client := startClient(t, c.opts)
			c.run(client)
			client.conn.Close()
			<-client.conn.Done()
			if leaked := waitGoroutinesEnd(before, 20*time.Second); leaked != "" {
				t.Errorf("goroutines left after the session ended:\n%s", leaked)
			}
		})
	}
}

// TestCodeActionsStayInWorkspace offers fixes in a workspace whose NOTICE,
// README.md, fineprint.lock and .fineprint folder are links leading out of
// it. An editor applies a WorkspaceEdit as given, so an edit of one of those
// paths would write outside the workspace: no action may carry one.
func TestCodeActionsStayInWorkspace(t *testing.T) {
	root := leakWorkspace(t)
	outside := t.TempDir()
	for _, name := range []string{"NOTICE", "README.md", "fineprint.lock"} {
		if err := os.WriteFile(filepath.Join(outside, name), []byte("outside\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Remove(filepath.Join(root, "README.md"))
	for _, name := range []string{"NOTICE", "README.md", "fineprint.lock"} {
		if err := os.Symlink(filepath.Join(outside, name), filepath.Join(root, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(root, ".fineprint")); err != nil {
		t.Fatal(err)
	}
	c := startClient(t, clientOptions{root: root, settings: map[string]any{"debounceMs": 0}, caps: fullCaps()})
	c.initialized()
	c.waitScan(1)
	for _, name := range []string{"LICENSE", "model/README.md"} {
		raw, err := c.call(protocol.MethodTextDocumentCodeAction, actionsIn(c.uri(name)))
		if err != nil {
			t.Fatalf("codeAction %s: %v", name, err)
		}
		for _, u := range editedURIs(raw) {
			rel, ok := relPath(root, protocol.DocumentURI(u))
			if !ok {
				t.Errorf("a fix edits %s, outside the workspace", u)
				continue
			}
			if _, err := atomicfile.Resolve(root, rel); errors.Is(err, atomicfile.ErrOutside) {
				t.Errorf("a fix edits %s: %v", rel, err)
			}
		}
	}
	c.shutdown()
}

// leakWorkspace is a Llama-licensed project whose fixes create NOTICE,
// fineprint.lock and a policy copy. The license is a fixture in our own
// words around the license's title.
func leakWorkspace(t *testing.T) string {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{
		"LICENSE": []byte("Llama 3.1 Community License Agreement\n\nA fixture written for fineprint's tests.\n\n" +
			"If the monthly active users of the licensee's products exceed 700 million monthly active users, you must request a license.\n\n" +
			"Your use must comply with the Acceptable Use Policy at https://llama.meta.com/llama3_1/use-policy.\n"),
		"README.md":       []byte("---\nlicense: llama3.1\nbase_model: meta-llama/Llama-3.1-8B\n---\n# chat\n"),
		"model/README.md": []byte("---\nlicense: llama3.1\nbase_model: meta-llama/Llama-3.1-8B\n---\n# Acme-Chat\n"),
	})
	return root
}

func hoverAt(u protocol.DocumentURI) *protocol.HoverParams {
	return &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Character: 2}}}
}

func actionsIn(u protocol.DocumentURI) *protocol.CodeActionParams {
	return &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range: protocol.Range{End: protocol.Position{Line: 100}}}
}

// editedURIs lists every URI a list of code actions would create or edit.
func editedURIs(raw json.RawMessage) []string {
	var actions []struct {
		Edit struct {
			Changes         map[string]json.RawMessage `json:"changes"`
			DocumentChanges []struct {
				URI          string `json:"uri"`
				TextDocument struct {
					URI string `json:"uri"`
				} `json:"textDocument"`
			} `json:"documentChanges"`
		} `json:"edit"`
	}
	_ = json.Unmarshal(raw, &actions)
	var uris []string
	for _, a := range actions {
		for u := range a.Edit.Changes {
			uris = append(uris, u)
		}
		for _, dc := range a.Edit.DocumentChanges {
			for _, u := range []string{dc.URI, dc.TextDocument.URI} {
				if u != "" {
					uris = append(uris, u)
				}
			}
		}
	}
	return uris
}

var goroutineHeader = regexp.MustCompile(`^goroutine (\d+) `)

// goroutineIDs returns the stacks of all goroutines by id.
func goroutineIDs() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	stacks := map[string]string{}
	for _, block := range bytes.Split(buf, []byte("\n\n")) {
		if m := goroutineHeader.FindSubmatch(block); m != nil {
			stacks[string(m[1])] = string(block)
		}
	}
	return stacks
}

// waitGoroutinesEnd polls until every goroutine not in before has ended,
// or returns the stacks of those left when limit has passed. Goroutines of
// the testing package itself are not the session's.
func waitGoroutinesEnd(before map[string]string, limit time.Duration) string {
	end := time.Now().Add(limit)
	for {
		var left []string
		for id, stack := range goroutineIDs() {
			if _, old := before[id]; old || strings.Contains(stack, "testing.tRunner") || strings.Contains(stack, "testing.(*T).Run") {
				continue
			}
			left = append(left, stack)
		}
		if len(left) == 0 {
			return ""
		}
		if time.Now().After(end) {
			return strings.Join(left, "\n\n")
		}
		runtime.Gosched()
		time.Sleep(5 * time.Millisecond) // poll interval, not a wait for an event
	}
}

// TestShutdownWhileClientWithholdsAnswers: a client that never answers
// workspace/configuration (or the watcher registration) must still get its
// shutdown answered, and a dropped stream must end the session, without
// waiting for the server's own unanswered requests to time out.
func TestShutdownWhileClientWithholdsAnswers(t *testing.T) {
	for _, drop := range []bool{false, true} {
		name := map[bool]string{false: "shutdown", true: "stream dropped"}[drop]
		t.Run(name, func(t *testing.T) {
			c := startClient(t, clientOptions{root: leakWorkspace(t), noConfig: true, caps: fullCaps(), server: Options{ConfigTimeout: time.Hour}})
			c.initialized()
			c.open("README.md", 1, "---\nlicense: mit\n---\n")
			if drop {
				c.conn.Close()
			} else {
				ctx, cancel := context.WithTimeout(c.ctx(), time.Minute) // a hang guard, not a timing check
				defer cancel()
				var raw json.RawMessage
				if _, err := c.conn.Call(ctx, protocol.MethodShutdown, nil, &raw); err != nil {
					t.Fatalf("shutdown not answered while the server waits for the client: %v", err)
				}
				_ = c.conn.Notify(ctx, protocol.MethodExit, nil)
			}
			select {
			case code := <-c.done:
				c.done <- code
			case <-time.After(time.Minute):
				t.Fatal("the session did not end while the server waits for the client")
			}
		})
	}
}

// TestInitializedAfterStopStartsNothing: when the stream drops, the session
// stops its background work while a queued initialized notification may
// still run. That notification must not start the worker or the setup after
// the stop has begun waiting for them (which would also race WaitGroup.Add
// with Wait, as a CI run once caught).
func TestInitializedAfterStopStartsNothing(t *testing.T) {
	s := newServer(Options{})
	s.ctx, s.cancel = context.WithCancel(context.Background())
	defer s.cancel()
	s.stopBackground()

	// Whatever background started has ended once bg.Wait returns, so this
	// check needs no timing.
	ran := false
	s.background(func() { ran = true })
	s.bg.Wait()
	if ran {
		t.Error("background work started after the stop")
	}

	// Initialized goes through background: the goroutines it would start
	// were created by this test's goroutine. (One that has already ended is
	// not seen; the check above is the one that cannot miss.)
	buf := make([]byte, 64)
	self := goroutineHeader.FindSubmatch(buf[:runtime.Stack(buf, false)])
	if self == nil {
		t.Fatal("cannot tell this goroutine's id")
	}
	createdHere := fmt.Sprintf(" in goroutine %s\n", self[1])
	before := goroutineIDs()
	if err := s.Initialized(context.Background(), &protocol.InitializedParams{}); err != nil {
		t.Fatalf("initialized: %v", err)
	}
	for id, stack := range goroutineIDs() {
		if _, old := before[id]; !old && strings.Contains(stack+"\n", createdHere) {
			t.Errorf("initialized after stop started a goroutine:\n%s", stack)
		}
	}
	s.bg.Wait()
}
