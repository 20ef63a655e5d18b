package server

import (
	"maps"
	"slices"
	"strings"
	"sync/atomic"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// view is one complete analysis, arranged for the protocol: per URI the
// text that was analysed and what was found in it. Handlers read it while
// the worker builds the next one.
type view struct {
	root  string
	uris  map[string]protocol.DocumentURI // workspace path -> the URI an open buffer uses
	files map[protocol.DocumentURI]*fileView
	paths map[string]*fileView // workspace path -> file
	// parent, when set, is the last view built whole and holds every file
	// this view does not: a keystroke builds only the files its analysis
	// changed (addEdit), and takes over the files the views since parent
	// changed. mine are the files this view made (the others it shares).
	parent *view
	mine   map[*fileView]bool
	resID  uint64                 // the analysis.Result it shows (of the workspace)
	refs   []analysis.Reference   // that result's references, which its files hold by path
	open   []protocol.DocumentURI // the open buffers it was built with, in order
	loose  bool                   // it holds documents analysed on their own
}

// layered reports whether a view built on prev by an edit would still be
// small beside the whole view below it: past that, the next view is built
// whole again, so that the files edits changed are not copied forever.
func (prev *view) layered() bool {
	if prev.parent == nil {
		return true
	}
	return len(prev.files) <= 256+len(prev.parent.files)/8
}

// fileAt is the file of URI u, from v or a view below.
func (v *view) fileAt(u protocol.DocumentURI) *fileView {
	for x := v; x != nil; x = x.parent {
		if fv, ok := x.files[u]; ok {
			return fv
		}
	}
	return nil
}

// pathFile is the file of workspace path p, from v or a view below.
func (v *view) pathFile(p string) *fileView {
	for x := v; x != nil; x = x.parent {
		if fv, ok := x.paths[p]; ok {
			return fv
		}
	}
	return nil
}

// each calls fn with every file of the view once.
func (v *view) each(fn func(u protocol.DocumentURI, fv *fileView)) {
	if v.parent == nil {
		for u, fv := range v.files {
			fn(u, fv)
		}
		return
	}
	seen := map[protocol.DocumentURI]bool{}
	for x := v; x != nil; x = x.parent {
		for u, fv := range x.files {
			if !seen[u] {
				seen[u] = true
				fn(u, fv)
			}
		}
	}
}

// fileView is one analysed file.
type fileView struct {
	uri      protocol.DocumentURI
	path     string // as the analysis names it
	kind     analysis.Kind
	text     []byte
	open     bool
	version  int32
	loose    *view // for a document analysed on its own: its one-file view
	findings []analysis.Finding
	licenses []analysis.LicenseInfo
	refs     []analysis.Reference

	// idx is the text's line index once a request has needed it (hover,
	// code actions, an open buffer's diagnostics). Publishing the
	// diagnostics of a file nobody has open uses one and drops it
	// (diagnostics): a large workspace would otherwise keep an index of
	// every file with findings, about 1.5 KB each, for positions nobody
	// may ask for again.
	idx atomic.Pointer[textpos.Index]
}

func newView(root string) *view {
	return &view{root: root, uris: map[string]protocol.DocumentURI{}, files: map[protocol.DocumentURI]*fileView{}, paths: map[string]*fileView{}}
}

// index returns the text's line index, built on first use and kept. Two
// requests building it at once build two equal ones; one is kept.
func (fv *fileView) index() *textpos.Index {
	if x := fv.idx.Load(); x != nil {
		return x
	}
	x := textpos.NewIndex(fv.text)
	if fv.idx.CompareAndSwap(nil, x) {
		return x
	}
	return fv.idx.Load()
}

// passingIndex is the index for converting fv's diagnostics: the kept one
// when there is one or the file is open (its requests will need it),
// else one that is not kept.
func (fv *fileView) passingIndex() *textpos.Index {
	if x := fv.idx.Load(); x != nil || fv.open {
		return fv.index()
	}
	return textpos.NewIndex(fv.text)
}

func (fv *fileView) rangeOf(sp analysis.Span) protocol.Range {
	return rangeIn(fv.index(), sp)
}

func rangeIn(x *textpos.Index, sp analysis.Span) protocol.Range {
	return protocol.Range{Start: fromTextpos(x.Position(sp.Start)), End: fromTextpos(x.Position(sp.End))}
}

func (fv *fileView) offset(p protocol.Position) int { return fv.index().Offset(toTextpos(p)) }

// add files the documents and results of one analysis. looseURI is set for
// a document analysed on its own, whose findings all belong to it; else
// fileURI gives the file URI of a workspace path (the worker keeps them
// between analyses).
func (v *view) add(snap *analysis.Snapshot, res *analysis.Result, looseURI protocol.DocumentURI, fileURI func(string) protocol.DocumentURI) {
	ns := v
	if looseURI != "" {
		ns = newView("")
	} else if len(v.paths) == 0 && len(v.files) == 0 {
		v.paths = make(map[string]*fileView, len(snap.Docs))
		v.files = make(map[protocol.DocumentURI]*fileView, len(snap.Docs))
	}
	for _, d := range snap.Docs {
		if d.Omitted {
			continue // nothing found, nothing to show: no view (retain.go)
		}
		fv := &fileView{path: d.Path, kind: d.Kind, text: d.Text}
		if looseURI != "" {
			fv.uri, fv.loose = looseURI, ns
		} else if u, ok := v.uris[d.Path]; ok {
			fv.uri = u
		} else {
			fv.uri = fileURI(d.Path)
		}
		ns.paths[d.Path] = fv
		v.files[fv.uri] = fv
	}
	file := func(p string) *fileView {
		fv := ns.paths[p]
		if fv == nil { // a finding on a file that was not read (it may not exist yet)
			fv = &fileView{path: p, uri: ns.uriFor(p)}
			if looseURI != "" {
				fv.uri, fv.loose = looseURI, ns
			}
			ns.paths[p] = fv
			v.files[fv.uri] = fv
		}
		return fv
	}
	// res.Findings are sorted by path: each file's are a run of them,
	// shared rather than copied.
	for fs := res.Findings(); len(fs) > 0; {
		n := 1
		for n < len(fs) && fs[n].Path == fs[0].Path {
			n++
		}
		fv := file(fs[0].Path)
		if fv.findings == nil {
			fv.findings = fs[:n:n]
		} else { // a loose document's: every finding is its own
			fv.findings = append(fv.findings, fs[:n]...)
		}
		fs = fs[n:]
	}
	for _, l := range res.Licenses {
		fv := file(l.Path)
		fv.licenses = append(fv.licenses, l)
	}
	if looseURI == "" {
		v.refs = res.References
	}
	for _, r := range res.References {
		fv := file(r.Path)
		fv.refs = append(fv.refs, r)
	}
}

// addEdit builds v on prev, the view of the result that res was derived
// from by an edit (res.Base): only the paths res.Dirty names get files of
// their own, the rest are prev's.
func (v *view) addEdit(prev *view, snap *analysis.Snapshot, res *analysis.Result, fileURI func(string) protocol.DocumentURI) {
	v.parent, v.mine = prev, map[*fileView]bool{}
	if prev.parent != nil {
		v.parent = prev.parent
		maps.Copy(v.files, prev.files)
		maps.Copy(v.paths, prev.paths)
	}
	dirty := make(map[string]*fileView, len(res.Dirty))
	for _, p := range res.Dirty {
		fv := &fileView{path: p}
		if i, ok := slices.BinarySearchFunc(snap.Docs, p, func(d analysis.Document, p string) int { return strings.Compare(d.Path, p) }); ok {
			fv.kind, fv.text = snap.Docs[i].Kind, snap.Docs[i].Text
			if u, ok := v.uris[p]; ok {
				fv.uri = u
			} else {
				fv.uri = fileURI(p)
			}
		} else {
			fv.uri = v.uriFor(p)
		}
		fv.findings = slices.Clip(res.FindingsIn(p))
		fv.licenses = slices.Clip(pathRun(res.Licenses, p, func(l analysis.LicenseInfo) string { return l.Path }))
		dirty[p] = fv
		v.mine[fv] = true
		if old := v.paths[p]; old != nil && old.uri != fv.uri {
			delete(v.files, old.uri)
		}
		v.paths[p] = fv
		v.files[fv.uri] = fv
	}
	v.refs = res.References
	if identicalList(prev.refs, res.References) {
		// The same references as the last result's (a keystroke that
		// moves none): each changed path's are the ones prev holds, and
		// the list of the whole workspace's need not be read.
		for p, fv := range dirty {
			if old := prev.pathFile(p); old != nil {
				fv.refs = old.refs
			}
		}
		return
	}
	for _, r := range res.References {
		if fv := dirty[r.Path]; fv != nil {
			fv.refs = append(fv.refs, r)
		}
	}
}

// identicalList reports whether a and b are the same list (not merely equal).
func identicalList[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// pathRun is the run of xs, in path order, whose path is p.
func pathRun[T any](xs []T, p string, pathOf func(T) string) []T {
	lo, _ := slices.BinarySearchFunc(xs, p, func(x T, p string) int { return strings.Compare(pathOf(x), p) })
	hi := lo
	for hi < len(xs) && pathOf(xs[hi]) == p {
		hi++
	}
	return xs[lo:hi]
}

// markOpen records the buffer version of an open document; a buffer that
// the analysis did not look at still gets its (empty) diagnostics. A file
// of a view below is copied into v first.
func (v *view) markOpen(d openDoc) {
	fv := v.files[d.uri]
	if fv != nil && v.parent != nil && !v.mine[fv] {
		fv = nil // an earlier view's: copied below
	}
	if fv == nil {
		if old := v.fileAt(d.uri); old != nil {
			fv = &fileView{uri: old.uri, path: old.path, kind: old.kind, text: old.text, loose: old.loose,
				findings: old.findings, licenses: old.licenses, refs: old.refs}
			if old.loose == nil && v.pathFile(old.path) == old {
				v.paths[old.path] = fv
			}
			if v.mine != nil {
				v.mine[fv] = true
			}
		} else {
			fv = &fileView{uri: d.uri, path: looseName(d.uri), text: d.text}
		}
		v.files[d.uri] = fv
	}
	fv.open, fv.version = true, d.version
}

// uriFor is the URI of a workspace path: the open buffer's, else a file URI.
func (v *view) uriFor(p string) protocol.DocumentURI {
	if u, ok := v.uris[p]; ok {
		return u
	}
	if v.root == "" {
		return protocol.DocumentURI("untitled:" + p)
	}
	return fileURI(v.root, p)
}

// file returns the file of a path in the namespace of fv (the workspace, or
// fv's own document).
func (v *view) file(from *fileView, p string) *fileView {
	ns := v
	if from.loose != nil {
		ns = from.loose
	}
	if fv := ns.pathFile(p); fv != nil {
		return fv
	}
	return &fileView{path: p, uri: ns.uriFor(p)}
}

// lookup finds the file a request names: by URI, else by the workspace path
// of a file URI (clients spell file URIs differently).
func (v *view) lookup(u protocol.DocumentURI) *fileView {
	if v == nil {
		return nil
	}
	if fv := v.fileAt(u); fv != nil {
		return fv
	}
	if rel, ok := relPath(v.root, u); ok {
		return v.pathFile(rel)
	}
	return nil
}

// lookupExact is the file a URI names in v, nil when v is nil or lacks it.
func (v *view) lookupExact(u protocol.DocumentURI) *fileView {
	if v == nil {
		return nil
	}
	return v.fileAt(u)
}

// diagnostics converts the findings of fv, with line indexes that are
// not kept for files nobody has open (passingIndex).
func (v *view) diagnostics(fv *fileView) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(fv.findings))
	if len(fv.findings) == 0 {
		return out
	}
	ix := passing{fv: fv.passingIndex()}
	for _, f := range fv.findings {
		out = append(out, v.diagnostic(fv, f, ix))
	}
	return out
}

// passing holds the line indexes diagnostics uses for one file's findings:
// the file's own, and those of the files its findings point to, built
// once for all of them and dropped with them.
type passing map[*fileView]*textpos.Index

func (ix passing) of(fv *fileView) *textpos.Index {
	if ix == nil {
		return fv.index()
	}
	x, ok := ix[fv]
	if !ok {
		x = fv.passingIndex()
		ix[fv] = x
	}
	return x
}

// diagnostic converts f, a finding of fv; ix, when not nil, holds the line
// indexes to use (else each file's kept one).
func (v *view) diagnostic(fv *fileView, f analysis.Finding, ix passing) protocol.Diagnostic {
	d := protocol.Diagnostic{
		Range:           rangeIn(ix.of(fv), f.Span),
		Severity:        protocol.DiagnosticSeverity(f.Severity),
		Code:            f.Code,
		CodeDescription: &protocol.CodeDescription{Href: uri.URI(analysis.RuleDocURL(f.Code))},
		Source:          "fineprint",
		Message:         f.Message,
		Data:            findingRef{Path: f.Path, Start: f.Span.Start, End: f.Span.End, Code: f.Code, Fixes: len(f.Fixes)},
	}
	for _, r := range f.Related {
		rf := v.file(fv, r.Path)
		d.RelatedInformation = append(d.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: rf.uri, Range: rangeIn(ix.of(rf), r.Span)},
			Message:  strings.TrimSpace(r.Message),
		})
	}
	return d
}

// findingRef is a diagnostic's data: enough to find its finding again.
type findingRef struct {
	Path  string `json:"path"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Code  string `json:"code"`
	Fixes int    `json:"fixes,omitempty"`
}

// current returns the last complete analysis.
func (s *Server) current() *view {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.view
}

// overlaps reports whether the byte span sp touches [start, end]; an empty
// request range selects the findings under the cursor.
func overlaps(sp analysis.Span, start, end int) bool {
	if start == end {
		return sp.Start <= start && (start < sp.End || sp.Start == sp.End && start == sp.Start)
	}
	return sp.Start < end && start < sp.End || sp.Start == sp.End && sp.Start >= start && sp.Start <= end
}
