package server

import (
	"context"
	"path/filepath"
	"slices"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// clientCaps is what the server needs to know about the client.
type clientCaps struct {
	progress        bool // window.workDoneProgress
	watchRegister   bool // workspace.didChangeWatchedFiles.dynamicRegistration
	configuration   bool // workspace.configuration
	documentChanges bool // workspace.workspaceEdit.documentChanges
	createFiles     bool // workspace.workspaceEdit.resourceOperations has "create"
	lensRefresh     bool // workspace.codeLens.refreshSupport
	plainHover      bool // textDocument.hover.contentFormat lists formats, markdown not among them
}

func readCaps(c protocol.ClientCapabilities) clientCaps {
	var cc clientCaps
	if c.Window != nil {
		cc.progress = c.Window.WorkDoneProgress
	}
	if t := c.TextDocument; t != nil && t.Hover != nil && len(t.Hover.ContentFormat) > 0 {
		cc.plainHover = !slices.Contains(t.Hover.ContentFormat, protocol.Markdown)
	}
	if w := c.Workspace; w != nil {
		cc.configuration = w.Configuration
		if w.CodeLens != nil {
			cc.lensRefresh = w.CodeLens.RefreshSupport
		}
		if w.DidChangeWatchedFiles != nil {
			cc.watchRegister = w.DidChangeWatchedFiles.DynamicRegistration
		}
		if e := w.WorkspaceEdit; e != nil {
			cc.documentChanges = e.DocumentChanges
			for _, op := range e.ResourceOperations {
				if op == "create" {
					cc.createFiles = true
				}
			}
		}
	}
	return cc
}

// Initialize records the client's capabilities and workspace folder and
// answers with the server's capabilities, which the method table lists.
func (s *Server) Initialize(ctx context.Context, p *protocol.InitializeParams) (*rpc.InitializeResult, error) {
	root := rootFolder(p)
	s.mu.Lock()
	s.state = stateRunning
	s.client = readCaps(p.Capabilities)
	s.root = root
	s.mu.Unlock()
	s.log.Info("initialize", zap.String("root", root), zap.Any("client", p.ClientInfo))
	return &rpc.InitializeResult{
		Capabilities: s.rpc.Table.Capabilities(),
		ServerInfo:   &protocol.ServerInfo{Name: "fineprint", Version: s.opts.Version},
	}, nil
}

// rootFolder is the first workspace folder with a file URI, else rootUri,
// else rootPath; "" when the client opened no folder.
func rootFolder(p *protocol.InitializeParams) string {
	var candidates []string
	for _, f := range p.WorkspaceFolders {
		candidates = append(candidates, f.URI)
	}
	candidates = append(candidates, string(p.RootURI))
	for _, c := range candidates {
		if fn, ok := fileName(protocol.DocumentURI(c)); ok {
			return fn
		}
	}
	if p.RootPath != "" {
		if abs, err := filepath.Abs(p.RootPath); err == nil {
			return abs
		}
	}
	return ""
}

// Initialized starts the session's setup in the background (file watchers,
// settings, the first scan) and returns at once: requests are answered one
// at a time, and the setup waits on the client.
func (s *Server) Initialized(ctx context.Context, p *protocol.InitializedParams) error {
	if !s.initialized.CompareAndSwap(false, true) {
		return nil // a second initialized notification changes nothing
	}
	s.background(s.setup)
	s.background(s.worker)
	return nil
}

func (s *Server) setup() {
	s.registerWatchers()
	s.pullSettings()
	s.markReady()
	s.sched.requestScan()
}

// Shutdown stops background work; the process ends on exit.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.state = stateShutdown
	s.mu.Unlock()
	s.stopBackground()
	return nil
}

// Exit ends the session: with status 0 after shutdown, 1 otherwise.
func (s *Server) Exit(ctx context.Context) error {
	code := 1
	if s.lifecycle() == stateShutdown {
		code = 0
	}
	select {
	case s.exitCode <- code:
	default:
	}
	return nil
}

// watchGlobs cover every kind of file analysis.ClassifyPath knows plus fineprint's
// own files. Globs are case-sensitive in most clients, hence the variants.
var watchGlobs = []string{
	"**/{LICENSE,LICENCE,COPYING,NOTICE,USE_POLICY,License,Licence,Notice,license,licence,copying,notice,use_policy}*",
	"**/*{LICENSE,License,license,TERMS_OF_USE,terms_of_use,ACCEPTABLE_USE,acceptable_use}*",
	"**/*.{md,markdown,txt,MD}",
	"**/{Modelfile,modelfile}*",
	"**/*.modelfile",
	"**/adapter_config.json",
	"**/*.gguf",
	"**/*.py",
	"**/*.ipynb",
	"**/*.{sh,bash,zsh,mk,dockerfile,containerfile}",
	"**/{Dockerfile,dockerfile,Containerfile,containerfile,Makefile,makefile,GNUmakefile}*",
	"**/.github/workflows/*.{yml,yaml}",
	"**/.gitlab-ci.yml",
	"**/*.{yaml,yml,toml,json,env}",
	"**/.env*",
	"**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx}",
	"**/setup.cfg",
	"**/.fineprint.yaml",
	"**/fineprint.lock",
	"**/.fineprint/policies/**",
	"**/.fineprint/licenses/**",
}

func (s *Server) registerWatchers() {
	s.mu.Lock()
	ok := s.client.watchRegister
	s.mu.Unlock()
	if !ok {
		return
	}
	var watchers []protocol.FileSystemWatcher
	for _, g := range watchGlobs {
		watchers = append(watchers, protocol.FileSystemWatcher{GlobPattern: g})
	}
	params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              "fineprint-watch",
		Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}}
	if err := s.call(protocol.MethodClientRegisterCapability, params, nil); err != nil {
		s.log.Warn("could not register file watchers; changes on disk are seen on save only", zap.Error(err))
	}
}

// DidChangeWatchedFiles re-analyses the workspace.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, p *protocol.DidChangeWatchedFilesParams) error {
	s.sched.request(0)
	return nil
}

// fileName returns the local path of a file: URI. URIs are opaque keys
// everywhere else: uri.Filename panics on other schemes.
func fileName(u protocol.DocumentURI) (name string, ok bool) {
	if len(u) < 7 || string(u[:7]) != "file://" {
		return "", false
	}
	defer func() {
		if recover() != nil {
			name, ok = "", false
		}
	}()
	return uri.URI(u).Filename(), true
}
