package server

import (
	"bytes"
	"sort"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/analysis"

	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

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
	now := map[protocol.DocumentURI]bool{}
	if v.parent != nil && prev != nil && (v.parent == prev || v.parent == prev.parent) {
		// Built on prev by an edit: only v's own files can differ (they
		// include every file prev had of its own). had is updated in
		// place (only publish, on the one worker, uses it): copying it
		// would cost a keystroke a pass over every file with findings.
		now = had
		for u := range v.files {
			targets[u] = true
		}
	} else {
		for u := range had {
			targets[u] = true
		}
		v.each(func(u protocol.DocumentURI, fv *fileView) {
			if len(fv.findings) > 0 || fv.open {
				targets[u] = true
			}
		})
	}
	uris := make([]protocol.DocumentURI, 0, len(targets))
	for u := range targets {
		uris = append(uris, u)
	}
	sort.Slice(uris, func(i, j int) bool { return uris[i] < uris[j] })

	for _, u := range uris {
		if fv := v.fileAt(u); fv != nil && samePublication(prev, v, u) {
			now[u] = len(fv.findings) > 0
			continue
		}
		p := rpc.PublishDiagnosticsParams{URI: u, Diagnostics: []protocol.Diagnostic{}}
		if fv := v.fileAt(u); fv != nil {
			p.Diagnostics = v.diagnostics(fv)
			if fv.open {
				version := fv.version
				p.Version = &version
			}
		}
		if len(p.Diagnostics) > 0 {
			now[u] = true
		} else {
			delete(now, u)
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
	old, cur := prev.lookupExact(u), v.fileAt(u)
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
			if fa.uri != fb.uri || !sameText(fa, fb) && !samePlace(fa, fb, rb.Span) {
				return false
			}
		}
	}
	return true
}

// samePlace reports whether the span sp reads as the same range in two
// versions of a file's text, when both have a line index at hand: a
// keystroke in a license moves nothing before it, and the files whose
// findings point at its title (every folder missing a copy of it) keep
// their diagnostics. A file without a kept index (closed, never asked
// about) is not indexed for it: its diagnostics are converted again.
func samePlace(old, cur *fileView, sp analysis.Span) bool {
	x := old.idx.Load()
	if x == nil || cur.idx.Load() == nil && !cur.open {
		return false
	}
	return rangeIn(x, sp) == rangeIn(cur.index(), sp)
}

// sameText compares two versions of a file's text; an unchanged file has
// the same bytes from the workspace cache, which bytes.Equal sees at once.
// A line index old kept is handed on rather than built again.
func sameText(old, cur *fileView) bool {
	if (old.text == nil) != (cur.text == nil) || !bytes.Equal(old.text, cur.text) {
		return false
	}
	if x := old.idx.Load(); x != nil {
		cur.idx.CompareAndSwap(nil, x)
	}
	return true
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
