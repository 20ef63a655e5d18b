package server

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// stalledClient is a client whose end of the server's output is never read:
// a write blocks until release is closed, then fails, as a write to a pipe
// blocks while nobody reads it and fails once its reader has gone.
type stalledClient struct {
	in      *io.PipeReader // the server's input
	send    *io.PipeWriter // the client's end of it
	release chan struct{}
	once    sync.Once
}

func newStalledClient(t *testing.T) *stalledClient {
	c := &stalledClient{release: make(chan struct{})}
	c.in, c.send = io.Pipe()
	t.Cleanup(c.stopReading)
	return c
}

// stopReading makes the output fail from now on, as when the client exits.
func (c *stalledClient) stopReading() { c.once.Do(func() { close(c.release) }) }

func (c *stalledClient) Read(p []byte) (int, error) { return c.in.Read(p) }
func (c *stalledClient) Write(p []byte) (int, error) {
	<-c.release
	return 0, io.ErrClosedPipe
}
func (c *stalledClient) Close() error { return c.in.Close() }

// hovers writes n hover requests, counting those the server took; it stops
// at the first write that fails.
func (c *stalledClient) hovers(n int, written *atomic.Int64) {
	for i := 1; i <= n; i++ {
		body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///w/LICENSE"},"position":{"line":0,"character":0}}}`, i)
		if _, err := fmt.Fprintf(c.send, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
			return
		}
		written.Add(1)
	}
}

const stallDeadline = 60 * time.Second // a hang guard only: the checks are counts

// TestClientThatStopsReading: a client that sends 5,000 requests and reads
// none of the replies meets back-pressure: the server holds at most
// rpc.DefaultMaxPending messages (plus what one read buffer and the
// read-ahead hold, as bytes) and as many goroutines, instead of reading everything (issue 16 row 13). When
// the client goes away, the session ends.
func TestClientThatStopsReading(t *testing.T) {
	c := newStalledClient(t)
	s := newServer(Options{})
	full := make(chan struct{})
	var once sync.Once
	s.rpc.OnFull = func() { once.Do(func() { close(full) }) }
	before := runtime.NumGoroutine()
	done := make(chan int, 1)
	go func() { done <- s.serve(context.Background(), rpc.NewStream(c, 0)) }()

	const n = 5000
	var written atomic.Int64
	sent := make(chan struct{})
	go func() { c.hovers(n, &written); close(sent) }()
	select {
	case <-full:
	case <-sent:
		t.Fatalf("the server read all %d requests while none of its replies was read", written.Load())
	case <-time.After(stallDeadline):
		t.Fatal("the server neither read everything nor stopped reading")
	}
	// One frame is about 150 bytes: the read buffer (4 KB) holds fewer
	// than 30 beyond the pending ones, and the read-ahead one frame per
	// read (each is a write to the pipe), in rpc.ReadAheadChunks reads
	// waiting plus one handed out and one read: undecoded bytes, at most
	// rpc.MaxReadAhead of them whatever the frames.
	if got, max := written.Load(), int64(rpc.DefaultMaxPending+1+30+rpc.ReadAheadChunks+2); got > max {
		t.Errorf("the server took %d requests while its output was blocked, want at most %d", got, max)
	}
	if got, max := runtime.NumGoroutine()-before, rpc.DefaultMaxPending+30; got > max {
		t.Errorf("%d goroutines more than before the session, want at most %d", got, max)
	}

	// The client goes away: its end of the output fails, its input ends.
	c.stopReading()
	<-sent
	c.send.Close()
	select {
	case code := <-done:
		if code != 1 {
			t.Errorf("exit status %d, want 1 (no shutdown)", code)
		}
	case <-time.After(stallDeadline):
		t.Fatal("the session did not end after the client went away")
	}
}

// TestInputClosedWhileOutputBlocked: when the client closes the server's
// input, the session ends even though replies are still waiting to be
// written to an output nobody reads (issue 16 row 13: the process used to
// wait for stdout).
func TestInputClosedWhileOutputBlocked(t *testing.T) {
	c := newStalledClient(t)
	s := newServer(Options{})
	done := make(chan int, 1)
	go func() { done <- s.serve(context.Background(), rpc.NewStream(c, 0)) }()
	var written atomic.Int64
	c.hovers(10, &written)
	c.send.Close()
	select {
	case code := <-done:
		if code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
	case <-time.After(stallDeadline):
		t.Fatal("the session waits for an output nobody reads after its input closed")
	}
}
