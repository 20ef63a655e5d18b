package server

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/server/internal/rpc"
	"github.com/fineprint-dev/fineprint/workspace"
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
	disk      bool // the next run reads the disk: something other than a buffer changed
	stopped   bool
}

func (sc *scheduler) init() {
	sc.kick = make(chan struct{}, 1)
	sc.done = make(chan struct{})
}

// request asks for an analysis after delay (0: now) that reads the disk
// again.
func (sc *scheduler) request(delay time.Duration) { sc.schedule(delay, true) }

// requestEdit asks for an analysis after an open buffer changed, and
// nothing else: the files on disk are taken from the last run.
func (sc *scheduler) requestEdit(delay time.Duration) { sc.schedule(delay, false) }

func (sc *scheduler) schedule(delay time.Duration, disk bool) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return
	}
	sc.disk = sc.disk || disk
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

// takeDisk reports, once, whether a request since the last call asked for
// the disk to be read.
func (sc *scheduler) takeDisk() bool {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	disk := sc.disk
	sc.disk = false
	return disk
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
			s.refreshLenses()
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
		snap, err := s.ws.load(ctx, root, overlay, st, s.sched.takeDisk(), s.log)
		if ctx.Err() != nil {
			return false
		}
		if err != nil {
			s.log.Warn("cannot read the workspace folder", zap.String("root", root), zap.Error(err))
		} else {
			prog.report(fmt.Sprintf("%d files", len(snap.Docs)))
			snap.Settings = st.profile()
			res := s.an.Analyze(ctx, snap)
			if ctx.Err() != nil {
				return false
			}
			v.add(snap, res, "", s.ws.fileURI)
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
		v.add(snap, res, d.uri, nil)
	}
	for _, d := range docs {
		v.markOpen(d)
	}
	s.opts.Logger.Debug("analysed", zap.Int("files", len(v.files)), zap.Duration("took", time.Since(start)))
	s.publish(v)
	return true
}

// wsState is what the worker keeps between runs: the files read from the
// root, and the last snapshot with the buffers it was loaded with, which a
// keystroke reuses instead of walking the workspace again.
type wsState struct {
	root        string
	cache       *workspace.Cache
	snap        *analysis.Snapshot // nil: the next run walks the disk
	buffers     map[string]bool    // the workspace paths of the buffers in snap
	ignore      []string
	maxFileSize int64
	// uris holds the file URI of every workspace path seen under root: a
	// keystroke in a large workspace would otherwise build them all again.
	uris map[string]protocol.DocumentURI
}

// fileURI returns the file URI of a workspace path under ws.root.
func (ws *wsState) fileURI(rel string) protocol.DocumentURI {
	u, ok := ws.uris[rel]
	if !ok {
		if ws.uris == nil {
			ws.uris = map[string]protocol.DocumentURI{}
		}
		u = fileURI(ws.root, rel)
		ws.uris[rel] = u
	}
	return u
}

// load returns the workspace with the buffers of overlay: from the last
// snapshot when only buffers changed since (disk is false) and the same
// buffers are open under the same settings, else by walking root.
func (ws *wsState) load(ctx context.Context, root string, overlay map[string][]byte, st Settings, disk bool, log *zap.Logger) (*analysis.Snapshot, error) {
	if ws.root != root || ws.cache == nil {
		*ws = wsState{root: root, cache: &workspace.Cache{}}
	}
	opts := workspace.Options{Overlay: overlay, Ignore: st.Ignore, MaxFileSize: st.MaxFileSize, Cache: ws.cache, Context: ctx}
	if !disk && ws.snap != nil && ws.sameBuffers(overlay) && slices.Equal(ws.ignore, st.Ignore) && ws.maxFileSize == st.MaxFileSize {
		ws.snap = workspace.WithOverlay(ws.snap, overlay, opts)
		return ws.snap, nil
	}
	ws.snap = nil
	snap, skips, err := workspace.Load(root, opts)
	if err != nil {
		return nil, err
	}
	for _, sk := range skips {
		log.Debug("skipped", zap.String("path", sk.Path), zap.String("reason", sk.Reason))
	}
	ws.snap, ws.ignore, ws.maxFileSize = snap, slices.Clone(st.Ignore), st.MaxFileSize
	if len(ws.uris) > 2*len(snap.Docs)+1024 {
		ws.uris = nil // mostly files that are gone: start over
	}
	ws.buffers = map[string]bool{}
	for p := range overlay {
		ws.buffers[p] = true
	}
	return snap, nil
}

func (ws *wsState) sameBuffers(overlay map[string][]byte) bool {
	if len(overlay) != len(ws.buffers) {
		return false
	}
	for p := range overlay {
		if !ws.buffers[p] {
			return false
		}
	}
	return true
}

// publish sends the diagnostics of every file that has findings, of every
// open document, and [] for files whose findings are gone; a URI whose
// diagnostics the last analysis already published as they are now is left
// out (a keystroke in a large workspace would re-send thousands).
func (s *Server) publish(v *view) {
	s.mu.Lock()
	had, prev := s.hadDiags, s.view
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
		if fv := v.files[u]; fv != nil && samePublication(prev, v, u) {
			now[u] = len(fv.findings) > 0
			continue
		}
		p := rpc.PublishDiagnosticsParams{URI: u, Diagnostics: []protocol.Diagnostic{}}
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

// samePublication reports whether u's diagnostics in v are those published
// from prev: same buffer state, same findings, and the same texts under
// every range (a range is a byte span read through its file's text).
func samePublication(prev, v *view, u protocol.DocumentURI) bool {
	old, cur := prev.lookupExact(u), v.files[u]
	if old == nil || old.open != cur.open || cur.open && old.version != cur.version ||
		len(old.findings) != len(cur.findings) || !sameText(old, cur) {
		return false
	}
	for i := range cur.findings {
		a, b := &old.findings[i], &cur.findings[i]
		if a.Code != b.Code || a.Severity != b.Severity || a.Message != b.Message || a.Path != b.Path ||
			a.Span != b.Span || len(a.Fixes) != len(b.Fixes) || len(a.Related) != len(b.Related) {
			return false
		}
		for j := range b.Related {
			ra, rb := a.Related[j], b.Related[j]
			if ra.Path != rb.Path || ra.Span != rb.Span || ra.Message != rb.Message {
				return false
			}
			fa, fb := prev.file(old, ra.Path), v.file(cur, rb.Path)
			if fa.uri != fb.uri || !sameText(fa, fb) {
				return false
			}
		}
	}
	return true
}

// sameText compares two versions of a file's text; an unchanged file has
// the same bytes from the workspace cache, which bytes.Equal sees at once.
// A matching line index is handed on rather than built again.
func sameText(old, cur *fileView) bool {
	if (old.text == nil) != (cur.text == nil) || !bytes.Equal(old.text, cur.text) {
		return false
	}
	cur.idxOnce.Do(func() { cur.idx = old.index() })
	return true
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
	if err := s.call(protocol.MethodWorkDoneProgressCreate, &rpc.WorkDoneProgressCreateParams{Token: token}, nil); err != nil {
		s.log.Debug("window/workDoneProgress/create failed", zap.Error(err))
		return nil
	}
	p := &progress{s: s, token: token}
	p.send(&protocol.WorkDoneProgressBegin{Kind: protocol.WorkDoneProgressKindBegin, Title: title})
	return p
}

func (p *progress) send(value any) {
	p.s.notify(protocol.MethodProgress, &rpc.ProgressParams{Token: p.token, Value: value})
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

// refreshLenses asks a client that supports it to request code lenses again:
// a client asks for them when it opens a file, often before the first scan
// has anything to show. At most one request is in flight.
func (s *Server) refreshLenses() {
	s.mu.Lock()
	ok := s.client.lensRefresh
	s.mu.Unlock()
	if !ok || !s.lensRefreshing.CompareAndSwap(false, true) {
		return
	}
	s.background(func() {
		defer s.lensRefreshing.Store(false)
		if err := s.call(protocol.MethodCodeLensRefresh, nil, nil); err != nil {
			s.opts.Logger.Debug("codeLens/refresh", zap.Error(err))
		}
	})
}
