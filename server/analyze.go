package server

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/workspace"
)

// worker runs analyses one after another until the session stops.
func (s *Server) worker() {
	select {
	case <-s.ready:
	case <-s.sched.done:
		return
	}
	var prog *progress
	scanning := false // a workspace scan is under way
	for {
		ctx, cancel, scan, ok := s.sched.next(s.ctx)
		if !ok {
			prog.end("stopped")
			return
		}
		if scan && prog == nil {
			prog = s.beginProgress("fineprint: scanning licenses")
		}
		scanning = scanning || scan
		if s.analyze(ctx, prog) {
			if prog != nil { // the summary counts every file's findings
				prog.end(s.summary())
			}
			prog = nil
			s.refreshLenses()
			if scanning {
				scanning = false
				if limit := retuneMemory(); limit > 0 { // memory.go
					s.log.Debug("memory limit from the live heap", zap.Int64("bytes", limit))
				}
			}
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
		snap, err := s.ws.load(ctx, root, overlay, st, s.sched.takeDisk(), s.log, s.an.Retains)
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
			v.resID = res.ID
			if prev := s.current(); len(loose) == 0 && layerable(prev, v, res, docs) {
				v.addEdit(prev, snap, res, s.ws.fileURI)
			} else {
				v.add(snap, res, "", s.ws.fileURI)
			}
		}
	}
	v.loose = len(loose) > 0
	for _, d := range docs {
		v.open = append(v.open, d.uri)
	}
	for _, d := range loose {
		doc := workspace.Buffer(looseName(d.uri), d.text, st.MaxFileSize)
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

// layerable reports whether the view v of res can be built on prev: res
// was derived by an edit from the result prev shows, of the same root, and
// the same buffers are open with nothing analysed on its own.
func layerable(prev, v *view, res *analysis.Result, docs []openDoc) bool {
	if prev == nil || res.Base == 0 || res.Base != prev.resID || prev.root != v.root || prev.loose ||
		!prev.layered() || len(prev.open) != len(docs) {
		return false
	}
	for i, d := range docs {
		if prev.open[i] != d.uri {
			return false
		}
	}
	return true
}

// wsState is what the worker keeps between runs: the live workspace, which
// reuses its last snapshot when only buffers changed (package workspace),
// and the file URI of every workspace path seen under its root, which a
// keystroke in a large workspace would otherwise build again.
type wsState struct {
	live *workspace.Live
	uris map[string]protocol.DocumentURI
}

// load returns the workspace at root with the buffers of overlay; disk
// says that something other than a buffer changed since the last load.
func (ws *wsState) load(ctx context.Context, root string, overlay map[string][]byte, st Settings, disk bool, log *zap.Logger, retain func(*analysis.Document) bool) (*analysis.Snapshot, error) {
	if ws.live == nil || ws.live.Root() != root {
		*ws = wsState{live: workspace.NewLive(root)}
	}
	snap, skips, err := ws.live.Load(workspace.Options{Overlay: overlay, Ignore: st.Ignore, MaxFileSize: st.MaxFileSize, Context: ctx, Retain: retain}, disk)
	if err != nil {
		return nil, err
	}
	for _, sk := range skips {
		log.Debug("skipped", zap.String("path", sk.Path), zap.String("reason", sk.Reason))
	}
	if len(ws.uris) > 2*len(snap.Docs)+1024 {
		ws.uris = nil // mostly files that are gone: start over
	}
	return snap, nil
}

// fileURI returns the file URI of a workspace path under the live root.
func (ws *wsState) fileURI(rel string) protocol.DocumentURI {
	u, ok := ws.uris[rel]
	if !ok {
		if ws.uris == nil {
			ws.uris = map[string]protocol.DocumentURI{}
		}
		u = fileURI(ws.live.Root(), rel)
		ws.uris[rel] = u
	}
	return u
}

// fileURI is the URI of a workspace file that no buffer names.
func fileURI(root, rel string) protocol.DocumentURI {
	return protocol.DocumentURI(uri.File(filepath.Join(root, filepath.FromSlash(rel))))
}
