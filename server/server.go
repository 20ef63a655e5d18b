// Package server is fineprint's language server: it speaks the Language
// Server Protocol over one stream (stdio for `fineprint serve`) and shows
// what the licenses in a workspace let its developer do.
//
// What an editor gets:
//
//   - Diagnostics for every finding of the analysis (package analysis), on
//     open, on change (debounced by the setting fineprint.debounceMs, 200 ms
//     by default), on save and when watched files change. Findings that need
//     the whole workspace (a missing NOTICE line, a card that contradicts its
//     license, the record) are re-published for every file they touch.
//     Each diagnostic links to its rule in docs/rules.md.
//   - A workspace scan on `initialized`, with work-done progress.
//   - Hovers: the long explanation on a finding, the license's checklist on a
//     license title, a card's `license:` value or a model reference.
//   - Code actions carrying each finding's fixes (creating files when the
//     client supports resource operations).
//   - A code lens summarising the license on the first line of license files
//     and cards, and document links for every URL in a license text.
//   - Settings from the `fineprint` section (workspace/configuration),
//     re-read on didChangeConfiguration without a restart.
//
// Open buffers override the files on disk. Documents outside the workspace
// folder, and buffers with non-file URIs (untitled:), are analysed on their
// own. Positions on the wire are UTF-16; the analysis works in bytes, and
// package textpos converts at this edge only.
//
// Every method the server serves is an entry of one table (methods.go),
// served by package rpc (server/internal/rpc), which also reads the frames
// and holds the wire types go.lsp.dev/protocol v0.12.0 lacks. Every handler
// recovers from panics (replying -32603 and serving on), unknown requests
// get -32601, requests before initialize get -32002, requests after
// shutdown get -32600, and $/cancelRequest works with numeric ids. The
// layers are described in docs/architecture.md.
package server

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// DefaultMaxMessageBytes caps one incoming LSP message (Options.MaxMessageBytes).
const DefaultMaxMessageBytes = rpc.DefaultMaxMessageBytes

// Options configure a server.
type Options struct {
	// Logger receives the server's log; warnings and errors are also sent
	// to the client as window/logMessage. Nil means no log.
	Logger *zap.Logger
	// Version is reported in serverInfo.
	Version string
	// Analyzer runs the rules; nil means analysis.New().
	Analyzer *analysis.Analyzer
	// Commands are the workspace commands the server offers
	// (fineprint.record, fineprint.recordPolicy). Only the ones given are
	// advertised.
	Commands map[string]Command
	// ConfigTimeout bounds the wait for the client's answer to
	// workspace/configuration and other server-to-client requests made
	// before the first scan; zero means 3 s.
	ConfigTimeout time.Duration
	// MaxMessageBytes caps one incoming message; a larger one ends the
	// session with a log line. Zero means DefaultMaxMessageBytes.
	MaxMessageBytes int64
	// TestHooks enables the request fineprint/test/block, which blocks until
	// cancelled: protocol tests use it to exercise $/cancelRequest.
	TestHooks bool
}

// Command runs a workspace command. root is the workspace folder ("" when
// none); args are the command's raw JSON arguments.
type Command func(ctx context.Context, root string, args []any) (any, error)

// Server is one language-server session.
type Server struct {
	opts   Options
	log    *zap.Logger
	an     *analysis.Analyzer // the workspace
	loose  *analysis.Analyzer // documents outside the workspace, one at a time
	conn   jsonrpc2.Conn
	ctx    context.Context // ends when the session ends
	cancel context.CancelFunc
	// callCtx bounds server-to-client requests; stopBackground ends it
	// first, so that shutdown never waits on a client that does not answer.
	callCtx    context.Context
	callCancel context.CancelFunc
	// lensRefreshing is set while a workspace/codeLens/refresh is in flight.
	lensRefreshing atomic.Bool

	mu       sync.Mutex
	state    lifecycle
	exitCode chan int
	client   clientCaps
	root     string // absolute workspace folder, "" when none
	settings Settings
	docs     map[protocol.DocumentURI]*openDoc
	// incremental is set once the client sent a ranged change; from then
	// on a 0:0-0:0 range is an insertion, not the whole text (rpc.ContentChange.Ranged).
	incremental bool
	view        *view                         // the last complete analysis
	hadDiags    map[protocol.DocumentURI]bool // URIs whose last publication was not empty

	rpc         rpc.Dispatcher
	commandMu   sync.Mutex     // commands run one at a time, beside other messages
	bg          sync.WaitGroup // background goroutines: worker, setup (see background)
	bgMu        sync.Mutex     // orders bg.Add before stopBackground's bg.Wait
	bgStopped   bool
	sched       scheduler
	ws          wsState       // the worker's own: the workspace as last read
	ready       chan struct{} // closed once settings are known and the first scan may start
	readyOnce   sync.Once
	initialized atomic.Bool
	stopOnce    sync.Once
}

type lifecycle int

const (
	stateNew lifecycle = iota
	stateRunning
	stateShutdown
)

// Serve runs a session over rwc until the client sends exit or closes the
// stream, and returns the process exit status the protocol asks for: 0 after
// shutdown and exit, 1 otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	s := newServer(opts)
	return s.serve(ctx, rpc.NewStream(rwc, opts.MaxMessageBytes))
}

func newServer(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	if opts.Analyzer == nil {
		opts.Analyzer = analysis.New()
	}
	if opts.ConfigTimeout <= 0 {
		opts.ConfigTimeout = 3 * time.Second
	}
	s := &Server{
		opts:     opts,
		an:       opts.Analyzer,
		loose:    analysis.New(),
		exitCode: make(chan int, 1),
		docs:     map[protocol.DocumentURI]*openDoc{},
		hadDiags: map[protocol.DocumentURI]bool{},
		ready:    make(chan struct{}),
		settings: defaultSettings(),
	}
	s.sched.init()
	s.rpc.Table = s.methods()
	s.rpc.Gate = s.gate
	return s
}

func (s *Server) serve(ctx context.Context, stream *rpc.Stream) int {
	s.ctx, s.cancel = context.WithCancel(ctx)
	defer s.cancel()
	s.callCtx, s.callCancel = context.WithCancel(s.ctx)
	s.conn = jsonrpc2.NewConn(stream)
	s.log = withClientLog(s.opts.Logger, s.logToClient)
	s.rpc.Log = s.log
	s.rpc.Stopping = func() bool { return s.ctx.Err() != nil }
	s.rpc.Closed = stream.Closed()
	s.rpc.InputEnded = stream.InputEnded()
	s.conn.Go(s.ctx, s.rpc.Handler())
	// Warm-up is a process-wide one-time cost (licensecheck's tables);
	// exit does not wait for it.
	go warmup(s.an)

	var code int
	select {
	case code = <-s.exitCode:
	case <-s.conn.Done():
		code = 1
		if s.lifecycle() == stateShutdown {
			code = 0
		}
		if err := s.conn.Err(); err != nil {
			s.opts.Logger.Info("connection closed", zap.Error(err))
		}
	case <-s.ctx.Done():
		code = 1
	}
	// Closing the stream first makes every write under way return, so that
	// nothing below waits on a client that has stopped reading.
	s.cancel()
	s.conn.Close()
	s.stopBackground()
	select {
	case <-s.conn.Done():
		s.rpc.Wait()
	case <-time.After(2 * time.Second):
		// A stream whose Read does not end on Close (a terminal): the
		// process is about to exit anyway.
		s.opts.Logger.Warn("the input stream did not close")
	}
	return code
}

func (s *Server) lifecycle() lifecycle {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// stopBackground ends the worker and every goroutine the server started, and
// waits for them.
func (s *Server) stopBackground() {
	s.stopOnce.Do(func() {
		s.bgMu.Lock()
		s.bgStopped = true
		s.bgMu.Unlock()
		if s.callCancel != nil {
			s.callCancel()
		}
		s.sched.stop()
		s.markReady() // a worker still waiting for settings must see the stop
		s.bg.Wait()
	})
}

// background runs f on its own goroutine, which stopBackground waits for.
// Once the session is stopping it runs nothing: a handler still queued when
// the stream drops (initialized, say) must not start work after the wait
// has begun, which is also a WaitGroup misuse.
func (s *Server) background(f func()) {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if s.bgStopped {
		return
	}
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		f()
	}()
}

func (s *Server) markReady() { s.readyOnce.Do(func() { close(s.ready) }) }

// logToClient forwards a warning or error to the client's log.
func (s *Server) logToClient(typ protocol.MessageType, msg string) {
	if s.conn == nil {
		return
	}
	_ = s.conn.Notify(context.WithoutCancel(s.ctx), protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Type: typ, Message: msg})
}

// notify sends a notification, logging a failure (the client has gone).
func (s *Server) notify(method string, params any) {
	if err := s.conn.Notify(s.ctx, method, params); err != nil && s.ctx.Err() == nil {
		s.opts.Logger.Debug("notify failed", zap.String("method", method), zap.Error(err))
	}
}

// call makes a server-to-client request, waiting at most ConfigTimeout.
func (s *Server) call(method string, params, result any) error {
	parent := s.callCtx
	if parent == nil {
		parent = s.ctx
	}
	ctx, cancel := context.WithTimeout(parent, s.opts.ConfigTimeout)
	defer cancel()
	_, err := s.conn.Call(ctx, method, params, result)
	return err
}

func warmup(a *analysis.Analyzer) { a.Warmup() }
