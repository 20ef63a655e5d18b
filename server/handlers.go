package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// The handler chain, outermost first:
//
//	track      (read loop)  counts handlers for a clean stop, answers $/cancelRequest
//	queue      one goroutine per message, run one at a time in arrival order
//	recover    a panic becomes a -32603 reply, and the session goes on
//	gate       lifecycle (-32002 / -32600), exit, unknown methods (-32601),
//	           methods whose results protocol v0.12.0 cannot express
//	protocol.ServerHandler  decodes params and calls the Server methods
func (s *Server) handler() jsonrpc2.Handler {
	return s.track(queue(s.recoverPanics(s.gate(protocol.ServerHandler(s, nil)))))
}

// track runs on the read loop. It answers $/cancelRequest at once (numeric
// ids included, which protocol.CancelHandler drops), gives every call a
// cancellable context, and replies on a detached context so that the answer
// to a cancelled request is still written.
func (s *Server) track(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodCancelRequest {
			s.cancelCall(req.Params())
			return nil
		}
		s.handlers.Add(1)
		call, ok := req.(*jsonrpc2.Call)
		if !ok {
			return next(ctx, reply, req)
		}
		id := call.ID()
		cctx, cancel := context.WithCancel(ctx)
		s.calls.Store(id, cancel)
		inner := reply
		reply = func(rctx context.Context, result any, err error) error {
			s.calls.Delete(id)
			if cctx.Err() != nil && err == nil && s.ctx.Err() == nil {
				result, err = nil, protocol.ErrRequestCancelled
			}
			cancel()
			return inner(context.WithoutCancel(rctx), result, err)
		}
		return next(cctx, reply, req)
	}
}

// queue runs each message on its own goroutine, one at a time in arrival
// order, as jsonrpc2.AsyncHandler does: the next message starts when this
// one is answered. A handler may let the next one start sooner by calling
// releaseQueue, once it has taken what it needs from the session: a command
// that downloads a policy (up to 10 seconds) must not hold every hover and
// keystroke behind it. queue itself runs on the read loop, one message at a
// time, so next needs no lock.
func queue(handler jsonrpc2.Handler) jsonrpc2.Handler {
	next := make(chan struct{})
	close(next)
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
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
			<-previous
			_ = handler(context.WithValue(ctx, releaseKey{}, release), reply, req)
		}()
		return nil
	}
}

type releaseKey struct{}

// releaseQueue lets the messages after this one start before it is
// answered (see queue).
func releaseQueue(ctx context.Context) {
	if release, ok := ctx.Value(releaseKey{}).(func()); ok {
		release()
	}
}

// cancelCall cancels the request named by $/cancelRequest params, whose id
// may be a number or a string.
func (s *Server) cancelCall(params json.RawMessage) {
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
	if cancel, ok := s.calls.Load(id); ok {
		cancel.(context.CancelFunc)()
	}
}

// recoverPanics makes sure every message is answered exactly once (the
// AsyncHandler queue waits for the reply) and that a panic in a handler is
// logged and answered with InternalError instead of ending the process.
func (s *Server) recoverPanics(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
		defer s.handlers.Done()
		var replied atomic.Bool
		once := func(ctx context.Context, result any, err error) error {
			if replied.Swap(true) {
				s.log.Error("handler replied twice", zap.String("method", req.Method()))
				return nil
			}
			if err != nil {
				err = asInvalidParams(req.Method(), err)
			}
			return reply(ctx, result, err)
		}
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("handler panicked", zap.String("method", req.Method()), zap.Any("panic", p), zap.ByteString("stack", debug.Stack()))
				err = nil
			}
			if !replied.Load() {
				_ = once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s", req.Method()))
			}
		}()
		if err := next(ctx, once, req); err != nil {
			s.log.Debug("reply failed", zap.String("method", req.Method()), zap.Error(err))
		}
		return nil
	}
}

// implemented lists the methods served by the Server's own methods;
// everything else is answered -32601 (requests) or ignored (notifications)
// before protocol.ServerHandler sees it.
var implemented = map[string]bool{
	protocol.MethodInitialize:                      true,
	protocol.MethodInitialized:                     true,
	protocol.MethodShutdown:                        true,
	protocol.MethodTextDocumentDidOpen:             true,
	protocol.MethodTextDocumentDidChange:           true,
	protocol.MethodTextDocumentDidClose:            true,
	protocol.MethodTextDocumentDidSave:             true,
	protocol.MethodWorkspaceDidChangeWatchedFiles:  true,
	protocol.MethodWorkspaceDidChangeConfiguration: true,
	protocol.MethodTextDocumentHover:               true,
	protocol.MethodTextDocumentCodeLens:            true,
	protocol.MethodTextDocumentDocumentLink:        true,
}

// direct methods are answered here because protocol v0.12.0's types cannot
// carry their results (a WorkspaceEdit that creates files).
type directHandler func(s *Server, ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error

var direct = map[string]directHandler{
	protocol.MethodTextDocumentCodeAction:  (*Server).handleCodeAction,
	protocol.MethodTextDocumentDidOpen:     (*Server).handleDidOpen,
	protocol.MethodTextDocumentDidChange:   (*Server).handleDidChange,
	protocol.MethodWorkspaceExecuteCommand: (*Server).handleExecuteCommand,
	methodTestBlock:                        (*Server).handleTestBlock,
	methodTestPanic:                        (*Server).handleTestPanic,
}

// methodTestBlock blocks until cancelled; it exists only with
// Options.TestHooks, for tests of $/cancelRequest.
const (
	methodTestBlock = "fineprint/test/block"
	methodTestPanic = "fineprint/test/panic" // panics, to test recovery
)

func (s *Server) gate(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		method := req.Method()
		_, isCall := req.(*jsonrpc2.Call)
		if method == protocol.MethodExit {
			s.exit()
			return reply(ctx, nil, nil)
		}
		switch st := s.lifecycle(); {
		case st == stateNew && method != protocol.MethodInitialize:
			return replyOrDrop(ctx, reply, isCall, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized yet"))
		case st == stateShutdown:
			return replyOrDrop(ctx, reply, isCall, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down"))
		case st == stateRunning && method == protocol.MethodInitialize:
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is already initialized"))
		}
		if h, ok := direct[method]; ok && s.directEnabled(method) {
			return h(s, ctx, reply, req)
		}
		if !implemented[method] {
			if !isCall {
				s.log.Debug("ignored notification", zap.String("method", method))
			}
			return replyOrDrop(ctx, reply, isCall, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %s", method))
		}
		return next(ctx, reply, req)
	}
}

func (s *Server) directEnabled(method string) bool {
	switch method {
	case methodTestBlock, methodTestPanic:
		return s.opts.TestHooks
	case protocol.MethodWorkspaceExecuteCommand:
		return len(s.opts.Commands) > 0
	}
	return true
}

// asInvalidParams gives the protocol library's errors for parameters that do
// not decode, which it sends with code 0, the code JSON-RPC defines for them
// (-32602), as the server's own decoding does.
func asInvalidParams(method string, err error) error {
	var rpcErr *jsonrpc2.Error
	if errors.As(err, &rpcErr) || !strings.HasPrefix(err.Error(), jsonrpc2.ErrParse.Error()) {
		return err
	}
	cause := err
	if u := errors.Unwrap(err); u != nil {
		cause = u
	}
	return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: invalid params: %v", method, cause)
}

// replyOrDrop answers a request with err and silently completes a
// notification (notifications have no answer).
func replyOrDrop(ctx context.Context, reply jsonrpc2.Replier, isCall bool, err error) error {
	if isCall {
		return reply(ctx, nil, err)
	}
	return reply(ctx, nil, nil)
}

// exit ends the session: 0 after shutdown, 1 otherwise.
func (s *Server) exit() {
	code := 1
	if s.lifecycle() == stateShutdown {
		code = 0
	}
	select {
	case s.exitCode <- code:
	default:
	}
}

func (s *Server) handleTestPanic(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	panic("fineprint/test/panic called")
}

func (s *Server) handleTestBlock(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	<-ctx.Done()
	return reply(ctx, nil, protocol.ErrRequestCancelled)
}

// decodeParams decodes a request's params into p, answering a bad request
// with InvalidParams.
func decodeParams(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request, p any) (bool, error) {
	if err := json.Unmarshal(req.Params(), p); err != nil {
		return false, reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: %v", req.Method(), err))
	}
	return true, nil
}

func notImplemented(name string) error {
	return fmt.Errorf("%s: %w", name, jsonrpc2.ErrMethodNotFound)
}
