package rpc

import (
	"bytes"
	"context"
	"encoding/json"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// Dispatcher serves a Table on a jsonrpc2 connection. Its handler chain,
// outermost first:
//
//	track    (read loop) counts handlers for a clean stop, answers $/cancelRequest
//	queue    one goroutine per message, run one at a time in arrival order
//	recover  a panic becomes a -32603 reply, and the session goes on
//	dispatch Gate (the session's lifecycle), then the Table (-32601 when
//	         the method is not in it), then the method's Handler
type Dispatcher struct {
	Table Table
	// Gate, when set, runs before the table: a non-nil error is the
	// answer to a request (a notification is dropped) and the method is
	// not run.
	Gate func(method string) error
	// Log receives panics and dropped notifications; nil means none.
	Log *zap.Logger
	// Stopping reports that the session is ending: a cancelled request
	// is then answered with what its handler returned, not -32800.
	Stopping func() bool
	// MaxPending and MaxPendingBytes bound the messages read and not yet
	// answered, in number and in bytes of params; zero means the defaults.
	// When either is reached, the connection stops reading until a message
	// is answered: a client that sends without reading its replies meets
	// back-pressure instead of growing the server's memory. A single
	// message is always let in, whatever its size (the frame reader caps
	// it).
	MaxPending      int
	MaxPendingBytes int
	// Closed, when set, ends the wait for a free place (the stream is
	// closed, so replies fail at once); so does InputEnded (the client
	// closed its side: what it sent is taken, and the session ends at the
	// end of it instead of waiting on replies nobody reads).
	Closed     <-chan struct{}
	InputEnded <-chan struct{}
	// OnFull, for tests, runs when the read loop waits for a free place.
	OnFull func()

	calls    sync.Map // jsonrpc2.ID -> context.CancelFunc, for $/cancelRequest
	handlers sync.WaitGroup

	pausedOnce   sync.Once
	pendingMu    sync.Mutex
	pending      int           // messages read and not yet answered
	pendingBytes int           // their params' bytes
	freed        chan struct{} // signalled when a message is answered
}

// DefaultMaxPending and DefaultMaxPendingBytes are the defaults of
// Dispatcher.MaxPending and MaxPendingBytes: far more than an editor has in
// flight (a burst of keystrokes, a few requests).
const (
	DefaultMaxPending      = 256
	DefaultMaxPendingBytes = 64 << 20
)

// Handler is the connection's handler.
func (d *Dispatcher) Handler() jsonrpc2.Handler {
	if d.Log == nil {
		d.Log = zap.NewNop()
	}
	if d.MaxPending <= 0 {
		d.MaxPending = DefaultMaxPending
	}
	if d.MaxPendingBytes <= 0 {
		d.MaxPendingBytes = DefaultMaxPendingBytes
	}
	d.freed = make(chan struct{}, 1)
	return d.track(d.queue(d.recoverPanics(d.dispatch)))
}

// Wait waits for every message read so far to be answered.
func (d *Dispatcher) Wait() { d.handlers.Wait() }

func (d *Dispatcher) dispatch(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	method := req.Method()
	_, isCall := req.(*jsonrpc2.Call)
	if d.Gate != nil {
		if err := d.Gate(method); err != nil {
			return replyOrDrop(ctx, reply, isCall, err)
		}
	}
	h, ok := d.Table.lookup(method)
	if !ok {
		if !isCall {
			d.Log.Debug("ignored notification", zap.String("method", method))
		}
		return replyOrDrop(ctx, reply, isCall, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %s", method))
	}
	if ctx.Err() != nil {
		return replyOrDrop(ctx, reply, isCall, protocol.ErrRequestCancelled)
	}
	result, err := h(context.WithValue(ctx, methodKey{}, method), req.Params())
	if !isCall {
		if err != nil {
			d.Log.Debug("dropped notification", zap.String("method", method), zap.Error(err))
		}
		return reply(ctx, nil, nil)
	}
	return reply(ctx, result, err)
}

// replyOrDrop answers a request with err and silently completes a
// notification (notifications have no answer).
func replyOrDrop(ctx context.Context, reply jsonrpc2.Replier, isCall bool, err error) error {
	if isCall {
		return reply(ctx, nil, err)
	}
	return reply(ctx, nil, nil)
}

// track runs on the read loop. It answers $/cancelRequest at once (numeric
// ids included, which protocol.CancelHandler drops), gives every call a
// cancellable context, and replies on a detached context so that the answer
// to a cancelled request is still written.
func (d *Dispatcher) track(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodCancelRequest {
			d.cancelCall(req.Params())
			return nil
		}
		d.handlers.Add(1)
		call, ok := req.(*jsonrpc2.Call)
		if !ok {
			return next(ctx, reply, req)
		}
		id := call.ID()
		cctx, cancel := context.WithCancel(ctx)
		d.calls.Store(id, cancel)
		inner := reply
		reply = func(rctx context.Context, result any, err error) error {
			d.calls.Delete(id)
			if cctx.Err() != nil && err == nil && (d.Stopping == nil || !d.Stopping()) {
				result, err = nil, protocol.ErrRequestCancelled
			}
			cancel()
			return inner(context.WithoutCancel(rctx), result, err)
		}
		return next(cctx, reply, req)
	}
}

// cancelCall cancels the request named by $/cancelRequest params, whose id
// may be a number or a string.
func (d *Dispatcher) cancelCall(params json.RawMessage) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return
	}
	var id jsonrpc2.ID
	if raw := bytes.TrimSpace(p.ID); len(raw) > 0 && raw[0] == '"' {
		var str string
		if json.Unmarshal(raw, &str) != nil {
			return
		}
		id = jsonrpc2.NewStringID(str)
	} else {
		var n float64
		if json.Unmarshal(raw, &n) != nil {
			return
		}
		id = jsonrpc2.NewNumberID(int32(n))
	}
	if cancel, ok := d.calls.Load(id); ok {
		cancel.(context.CancelFunc)()
	}
}

// queue runs each message on its own goroutine, one at a time in arrival
// order, as jsonrpc2.AsyncHandler does: the next message starts when this
// one is answered. A handler may let the next one start sooner by calling
// ReleaseQueue, once it has taken what it needs from the session: a command
// that downloads a policy (up to 10 seconds) must not hold every hover and
// keystroke behind it. queue itself runs on the read loop, one message at a
// time, so next needs no lock; it waits there while MaxPending messages
// (or MaxPendingBytes of params) are unanswered.
func (d *Dispatcher) queue(handler jsonrpc2.Handler) jsonrpc2.Handler {
	next := make(chan struct{})
	close(next)
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		size := len(req.Params())
		held := d.take(ctx, size)
		previous := next
		next = make(chan struct{})
		var once sync.Once
		unlock := next
		release := func() { once.Do(func() { close(unlock) }) }
		inner := reply
		reply = func(ctx context.Context, result any, err error) error {
			release()
			return inner(ctx, result, err)
		}
		go func() {
			if held {
				defer d.give(size)
			}
			<-previous
			_ = handler(context.WithValue(ctx, releaseKey{}, release), reply, req)
		}()
		return nil
	}
}

// take waits until a message of size bytes fits among the pending ones;
// false when it stopped waiting because the session or the stream ended.
func (d *Dispatcher) take(ctx context.Context, size int) bool {
	for full := false; ; full = true {
		d.pendingMu.Lock()
		fits := d.pending == 0 || d.pending < d.MaxPending && d.pendingBytes+size <= d.MaxPendingBytes
		if fits {
			d.pending++
			d.pendingBytes += size
		}
		d.pendingMu.Unlock()
		if fits {
			return true
		}
		if !full {
			d.pausedOnce.Do(func() {
				d.Log.Info("input paused: the client has too many messages unanswered (it does not read the replies)", zap.Int("messages", d.MaxPending), zap.Int("params_bytes", d.MaxPendingBytes))
			})
			if d.OnFull != nil {
				d.OnFull()
			}
		}
		select {
		case <-d.freed:
		case <-ctx.Done():
			return false
		case <-d.Closed:
			return false
		case <-d.InputEnded:
			return false
		}
	}
}

// give returns the place of an answered message.
func (d *Dispatcher) give(size int) {
	d.pendingMu.Lock()
	d.pending--
	d.pendingBytes -= size
	d.pendingMu.Unlock()
	select {
	case d.freed <- struct{}{}:
	default:
	}
}

type releaseKey struct{}

// ReleaseQueue lets the messages after this one start before it is
// answered (see queue).
func ReleaseQueue(ctx context.Context) {
	if release, ok := ctx.Value(releaseKey{}).(func()); ok {
		release()
	}
}

// recoverPanics makes sure every message is answered exactly once (the
// queue waits for the reply) and that a panic in a handler is logged and
// answered with InternalError instead of ending the process.
func (d *Dispatcher) recoverPanics(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
		defer d.handlers.Done()
		var replied atomic.Bool
		once := func(ctx context.Context, result any, err error) error {
			if replied.Swap(true) {
				d.Log.Error("handler replied twice", zap.String("method", req.Method()))
				return nil
			}
			return reply(ctx, result, err)
		}
		defer func() {
			if p := recover(); p != nil {
				d.Log.Error("handler panicked", zap.String("method", req.Method()), zap.Any("panic", p), zap.ByteString("stack", debug.Stack()))
				err = nil
			}
			if !replied.Load() {
				_ = once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s", req.Method()))
			}
		}()
		if err := next(ctx, once, req); err != nil {
			d.Log.Debug("reply failed", zap.String("method", req.Method()), zap.Error(err))
		}
		return nil
	}
}
