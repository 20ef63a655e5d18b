package rpc

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
)

type echoParams struct {
	Text string `json:"text"`
}

// serveTable connects a client to a Dispatcher serving t.
func serveTable(t *testing.T, d *Dispatcher) jsonrpc2.Conn {
	t.Helper()
	cside, sside := net.Pipe()
	server := jsonrpc2.NewConn(NewStream(sside, 0))
	server.Go(context.Background(), d.Handler())
	client := jsonrpc2.NewConn(jsonrpc2.NewStream(cside))
	client.Go(context.Background(), jsonrpc2.MethodNotFoundHandler)
	t.Cleanup(func() {
		client.Close()
		server.Close()
		<-server.Done()
		d.Wait()
	})
	return client
}

// TestDispatcherServesTheTable: a table entry is served with its params
// decoded; a method not in the table, or disabled, is -32601; params that
// do not decode are -32602; the gate answers first; a panic is -32603.
func TestDispatcherServesTheTable(t *testing.T) {
	gated := false
	var notified []string
	d := &Dispatcher{
		Table: Table{
			"echo": {Handle: Request(func(_ context.Context, p *echoParams) (string, error) { return p.Text, nil })},
			"off":  {Handle: NoParams(func(context.Context) error { return nil }), Enabled: func() bool { return false }},
			"note": {Handle: Notification(func(_ context.Context, p *echoParams) error { notified = append(notified, p.Text); return nil })},
			"boom": {Handle: NoParams(func(context.Context) error { panic("boom") })},
		},
		Gate: func(method string) error {
			if gated && method != "echo" {
				return jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "not yet")
			}
			return nil
		},
	}
	c := serveTable(t, d)
	ctx := context.Background()
	call := func(method string, params any) (string, jsonrpc2.Code) {
		t.Helper()
		var out string
		_, err := c.Call(ctx, method, params, &out)
		var rpcErr *jsonrpc2.Error
		if errors.As(err, &rpcErr) {
			return "", rpcErr.Code
		}
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		return out, 0
	}
	if out, code := call("echo", echoParams{Text: "hi"}); out != "hi" || code != 0 {
		t.Errorf("echo = %q, %d", out, code)
	}
	for _, tc := range []struct {
		method string
		params any
		want   jsonrpc2.Code
	}{
		{"nope", nil, jsonrpc2.MethodNotFound},
		{"off", nil, jsonrpc2.MethodNotFound},
		{"echo", []int{1}, jsonrpc2.InvalidParams},
		{"boom", nil, jsonrpc2.InternalError},
	} {
		if _, code := call(tc.method, tc.params); code != tc.want {
			t.Errorf("%s: code %d, want %d", tc.method, code, tc.want)
		}
	}
	// Notifications: a bad one is dropped, a good one served, in order.
	if err := c.Notify(ctx, "note", []int{1}); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify(ctx, "note", echoParams{Text: "a"}); err != nil {
		t.Fatal(err)
	}
	call("echo", echoParams{}) // answered after the notifications before it
	if len(notified) != 1 || notified[0] != "a" {
		t.Errorf("notified %v, want [a]", notified)
	}
	gated = true
	if _, code := call("boom", nil); code != jsonrpc2.ServerNotInitialized {
		t.Errorf("gated: code %d, want %d", code, jsonrpc2.ServerNotInitialized)
	}
}

// TestDispatcherBoundsPendingBytes: messages wait to be read while their
// params would pass MaxPendingBytes, as they do past MaxPending.
func TestDispatcherBoundsPendingBytes(t *testing.T) {
	unblock := make(chan struct{})
	full := make(chan int, 1)
	var d *Dispatcher
	d = &Dispatcher{
		Table: Table{"hold": {Handle: Notification(func(context.Context, *echoParams) error {
			<-unblock
			return nil
		})}},
		MaxPendingBytes: 1000,
		OnFull: func() {
			d.pendingMu.Lock()
			n := d.pending
			d.pendingMu.Unlock()
			select {
			case full <- n:
			default:
			}
		},
	}
	c := serveTable(t, d)
	defer close(unblock)
	text := strings.Repeat("x", 400) // params of about 410 bytes
	for i := 0; i < 3; i++ {
		if err := c.Notify(context.Background(), "hold", echoParams{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case n := <-full:
		if n != 2 {
			t.Errorf("the read loop waited with %d messages pending, want 2 (1,000 bytes hold two of about 410)", n)
		}
	case <-time.After(time.Minute): // a hang guard: the check is the count
		t.Fatal("the read loop never waited: all three messages were let in")
	}
}
