package server

import (
	"context"
	"sort"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// methods is the session's method table: every method the server serves,
// its handler, and the capability that announces it. A method not listed is
// answered -32601 (or ignored, for a notification). Adding a method is a
// handler in its own file, one entry here, and a test (docs/architecture.md).
func (s *Server) methods() rpc.Table {
	return rpc.Table{
		// Lifecycle (lifecycle.go); gate below decides when each may come.
		protocol.MethodInitialize:  {Handle: rpc.Request(s.Initialize)},
		protocol.MethodInitialized: {Handle: rpc.Notification(s.Initialized)},
		protocol.MethodShutdown:    {Handle: rpc.NoParams(s.Shutdown)},
		protocol.MethodExit:        {Handle: rpc.NoParams(s.Exit)},

		// Buffers (documents.go); didOpen's entry announces the sync of all four.
		protocol.MethodTextDocumentDidOpen: {Handle: s.DidOpen, Capability: "textDocumentSync", Options: protocol.TextDocumentSyncOptions{
			OpenClose: true,
			// Incremental sync: a change carries the edited range only.
			// A client that sends whole texts anyway is served too.
			Change: protocol.TextDocumentSyncKindIncremental,
			Save:   &protocol.SaveOptions{},
		}},
		protocol.MethodTextDocumentDidChange: {Handle: s.DidChange},
		protocol.MethodTextDocumentDidClose:  {Handle: rpc.Notification(s.DidClose)},
		protocol.MethodTextDocumentDidSave:   {Handle: rpc.Notification(s.DidSave)},

		// Workspace events (lifecycle.go, config.go).
		protocol.MethodWorkspaceDidChangeWatchedFiles:  {Handle: rpc.Notification(s.DidChangeWatchedFiles)},
		protocol.MethodWorkspaceDidChangeConfiguration: {Handle: rpc.Notification(s.DidChangeConfiguration)},

		// Features, one file each.
		protocol.MethodTextDocumentHover: {Handle: rpc.Request(s.Hover), Capability: "hoverProvider", Options: true},
		protocol.MethodTextDocumentCodeAction: {Handle: rpc.Request(s.CodeAction), Capability: "codeActionProvider",
			Options: protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix}}},
		protocol.MethodTextDocumentCodeLens:     {Handle: rpc.Request(s.CodeLens), Capability: "codeLensProvider", Options: protocol.CodeLensOptions{}},
		protocol.MethodTextDocumentDocumentLink: {Handle: rpc.Request(s.DocumentLink), Capability: "documentLinkProvider", Options: protocol.DocumentLinkOptions{}},
		protocol.MethodWorkspaceExecuteCommand: {Handle: rpc.Request(s.ExecuteCommand), Enabled: s.hasCommands,
			Capability: "executeCommandProvider", Options: protocol.ExecuteCommandOptions{Commands: s.commandNames()}},

		// Test hooks (Options.TestHooks): a request that blocks until
		// cancelled, and one that panics.
		methodTestBlock: {Handle: rpc.NoParams(blockUntilCancelled), Enabled: s.testHooks},
		methodTestPanic: {Handle: rpc.NoParams(panics), Enabled: s.testHooks},
	}
}

const (
	methodTestBlock = "fineprint/test/block"
	methodTestPanic = "fineprint/test/panic"
)

// gate answers what the lifecycle forbids: anything but initialize before
// it (-32002), anything after shutdown (-32600), a second initialize
// (-32600). exit is served in every state.
func (s *Server) gate(method string) error {
	if method == protocol.MethodExit {
		return nil
	}
	switch st := s.lifecycle(); {
	case st == stateNew && method != protocol.MethodInitialize:
		return jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized yet")
	case st == stateShutdown:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down")
	case st == stateRunning && method == protocol.MethodInitialize:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is already initialized")
	}
	return nil
}

func (s *Server) testHooks() bool   { return s.opts.TestHooks }
func (s *Server) hasCommands() bool { return len(s.opts.Commands) > 0 }

func (s *Server) commandNames() []string {
	names := make([]string, 0, len(s.opts.Commands))
	for name := range s.opts.Commands {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func blockUntilCancelled(ctx context.Context) error {
	<-ctx.Done()
	return protocol.ErrRequestCancelled
}

func panics(context.Context) error { panic("fineprint/test/panic called") }
