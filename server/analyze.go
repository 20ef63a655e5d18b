package server

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/workspace"
)

// scheduler decides when the worker analyses: at once, or after a debounce
// delay. A new request cancels the analysis under way, whose partial result
// is then thrown away.
type scheduler struct {
	mu        sync.Mutex
	kick      chan struct{}
	done      chan struct{}
	timer     *time.Timer
	cancelRun context.CancelFunc
	scan      bool // the next run reports progress
	stopped   bool
}

func (sc *scheduler) init() {
	sc.kick = make(chan struct{}, 1)
	sc.done = make(chan struct{})
}

// request asks for an analysis after delay (0: now).
func (sc *scheduler) request(delay time.Duration) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return
	}
	if sc.timer != nil {
		sc.timer.Stop()
		sc.timer = nil
	}
	if sc.cancelRun != nil {
		sc.cancelRun()
	}
	if delay <= 0 {
		sc.kickLocked()
		return
	}
	sc.timer = time.AfterFunc(delay, func() {
		sc.mu.Lock()
		defer sc.mu.Unlock()
		if !sc.stopped {
			sc.kickLocked()
		}
	})
}

func (sc *scheduler) kickLocked() {
	select {
	case sc.kick <- struct{}{}:
	default:
	}
}

// requestScan asks for an analysis now, reported with work-done progress.
func (sc *scheduler) requestScan() {
	sc.mu.Lock()
	sc.scan = true
	sc.mu.Unlock()
	sc.request(0)
}

// next waits for a request and returns the context of the run.
func (sc *scheduler) next(parent context.Context) (ctx context.Context, cancel context.CancelFunc, scan, ok bool) {
	select {
	case <-sc.kick:
	case <-sc.done:
		return nil, nil, false, false
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return nil, nil, false, false
	}
	ctx, cancel = context.WithCancel(parent)
	sc.cancelRun = cancel
	scan, sc.scan = sc.scan, false
	return ctx, cancel, scan, true
}

func (sc *scheduler) stop() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return
	}
	sc.stopped = true
	if sc.timer != nil {
		sc.timer.Stop()
	}
	if sc.cancelRun != nil {
		sc.cancelRun()
	}
	close(sc.done)
}

// worker runs analyses one after another until the session stops.
func (s *Server) worker() {
	select {
	case <-s.ready:
	case <-s.sched.done:
		return
	}
	var prog *progress
	for {
		ctx, cancel, scan, ok := s.sched.next(s.ctx)
		if !ok {
			prog.end("stopped")
			return
		}
		if scan && prog == nil {
			prog = s.beginProgress("fineprint: scanning licenses")
		}
		if s.analyze(ctx, prog) {
			prog.end(s.summary())
			prog = nil
		}
		cancel()
	}
}

// analyze runs the analysis of the workspace and of the open documents
// outside it, and publishes the diagnostics. It reports false when the run
// was cancelled.
func (s *Server) analyze(ctx context.Context, prog *progress) bool {
	s.mu.Lock()
	root, st := s.root, s.settings
	docs := make([]openDoc, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, *d)
	}
	s.mu.Unlock()
	sort.Slice(docs, func(i, j int) bool { return docs[i].uri < docs[j].uri })

	v := newView(root)
	overlay := map[string][]byte{}
	var loose []openDoc
	for _, d := range docs {
		if rel, ok := relPath(root, d.uri); ok {
			overlay[rel] = d.text
			v.uris[rel] = d.uri
		} else {
			loose = append(loose, d)
		}
	}
	start := time.Now()
	if root != "" {
		snap, skips, err := workspace.Load(root, workspace.Options{Overlay: overlay, Ignore: st.Ignore, MaxFileSize: st.MaxFileSize})
		if err != nil {
			s.log.Warn("cannot read the workspace folder", zap.String("root", root), zap.Error(err))
		} else {
			for _, sk := range skips {
				s.log.Debug("skipped", zap.String("path", sk.Path), zap.String("reason", sk.Reason))
			}
			prog.report(fmt.Sprintf("%d files", len(snap.Docs)))
			snap.Settings = st.profile()
			res := s.an.Analyze(ctx, snap)
			if ctx.Err() != nil {
				return false
			}
			v.add(snap, res, "")
		}
	}
	for _, d := range loose {
		name := looseName(d.uri)
		doc := analysis.Document{Path: name, Text: d.text, Size: int64(len(d.text))}
		doc.Kind = analysis.ClassifyContent(analysis.ClassifyPath(name), d.text)
		snap := &analysis.Snapshot{Docs: []analysis.Document{doc}, Settings: st.profile()}
		res := s.loose.Analyze(ctx, snap)
		if ctx.Err() != nil {
			return false
		}
		v.add(snap, res, d.uri)
	}
	for _, d := range docs {
		v.markOpen(d)
	}
	s.opts.Logger.Debug("analysed", zap.Int("files", len(v.files)), zap.Duration("took", time.Since(start)))
	s.publish(v)
	return true
}

// publish sends the diagnostics of every file that has findings, of every
// open document, and [] for files whose findings are gone.
func (s *Server) publish(v *view) {
	s.mu.Lock()
	had := s.hadDiags
	s.view = v
	s.mu.Unlock()

	targets := map[protocol.DocumentURI]bool{}
	for u := range had {
		targets[u] = true
	}
	for u, fv := range v.files {
		if len(fv.findings) > 0 || fv.open {
			targets[u] = true
		}
	}
	uris := make([]protocol.DocumentURI, 0, len(targets))
	for u := range targets {
		uris = append(uris, u)
	}
	sort.Slice(uris, func(i, j int) bool { return uris[i] < uris[j] })

	now := map[protocol.DocumentURI]bool{}
	for _, u := range uris {
		p := publishParams{URI: u, Diagnostics: []protocol.Diagnostic{}}
		if fv := v.files[u]; fv != nil {
			p.Diagnostics = v.diagnostics(fv)
			if fv.open {
				version := fv.version
				p.Version = &version
			}
		}
		if len(p.Diagnostics) > 0 {
			now[u] = true
		}
		s.notify(protocol.MethodTextDocumentPublishDiagnostics, &p)
	}
	s.mu.Lock()
	s.hadDiags = now
	s.mu.Unlock()
}

// publishParams is protocol.PublishDiagnosticsParams with a version that
// can be 0 and is absent for files not open.
type publishParams struct {
	URI         protocol.DocumentURI  `json:"uri"`
	Version     *int32                `json:"version,omitempty"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
}

// summary is the message ending the scan's progress.
func (s *Server) summary() string {
	s.mu.Lock()
	v := s.view
	s.mu.Unlock()
	if v == nil {
		return ""
	}
	n, lic := 0, 0
	for _, fv := range v.files {
		n += len(fv.findings)
		lic += len(fv.licenses)
	}
	return fmt.Sprintf("%d licenses, %d findings", lic, n)
}

// progress is one work-done progress the server reports; nil reports
// nothing (the client does not support it).
type progress struct {
	s     *Server
	token string
}

var progressSeq atomic.Int64

func (s *Server) beginProgress(title string) *progress {
	s.mu.Lock()
	ok := s.client.progress
	s.mu.Unlock()
	if !ok {
		return nil
	}
	token := fmt.Sprintf("fineprint-scan-%d", progressSeq.Add(1))
	if err := s.call(protocol.MethodWorkDoneProgressCreate, &progressCreate{Token: token}, nil); err != nil {
		s.log.Debug("window/workDoneProgress/create failed", zap.Error(err))
		return nil
	}
	p := &progress{s: s, token: token}
	p.send(&protocol.WorkDoneProgressBegin{Kind: protocol.WorkDoneProgressKindBegin, Title: title})
	return p
}

// Params are plain structs of our own: protocol.ProgressToken marshals
// only through a pointer.
type progressCreate struct {
	Token string `json:"token"`
}

type progressParams struct {
	Token string `json:"token"`
	Value any    `json:"value"`
}

func (p *progress) send(value any) {
	p.s.notify(protocol.MethodProgress, &progressParams{Token: p.token, Value: value})
}

func (p *progress) report(msg string) {
	if p != nil {
		p.send(&protocol.WorkDoneProgressReport{Kind: protocol.WorkDoneProgressKindReport, Message: msg})
	}
}

func (p *progress) end(msg string) {
	if p != nil {
		p.send(&protocol.WorkDoneProgressEnd{Kind: protocol.WorkDoneProgressKindEnd, Message: msg})
	}
}

// fileURI is the URI of a workspace file that no buffer names.
func fileURI(root, rel string) protocol.DocumentURI {
	return protocol.DocumentURI(uri.File(filepath.Join(root, filepath.FromSlash(rel))))
}

