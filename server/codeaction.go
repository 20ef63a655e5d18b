package server

import (
	"bytes"
	"context"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/atomicfile"
	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// CodeAction answers textDocument/codeAction.
func (s *Server) CodeAction(ctx context.Context, p *protocol.CodeActionParams) ([]rpc.CodeAction, error) {
	return s.codeActions(p), nil
}

// codeActions offers the fixes of every finding on the lines of the
// requested range as quick fixes.
func (s *Server) codeActions(p *protocol.CodeActionParams) []rpc.CodeAction {
	out := []rpc.CodeAction{}
	v := s.current()
	fv := v.lookup(p.TextDocument.URI)
	if fv == nil || fv.text == nil {
		return out
	}
	if len(p.Context.Only) > 0 && !wantsQuickFix(p.Context.Only) {
		return out
	}
	start, end := fv.offset(p.Range.Start), fv.offset(p.Range.End)
	s.mu.Lock()
	caps := s.client
	s.mu.Unlock()
	// A client that names the diagnostics it wants fixed gets their fixes
	// only; one that names none gets every fix in the range.
	wanted := map[string]bool{}
	for _, d := range p.Context.Diagnostics {
		// Neovim 0.7 sends back only code, codeDescription and data.
		if code, ok := d.Code.(string); ok && (d.Source == "fineprint" || d.Source == "") {
			wanted[code] = true
		}
	}
	for _, f := range fv.findings {
		if !overlaps(fv.lines(f.Span), start, end) || len(wanted) > 0 && !wanted[f.Code] {
			continue
		}
		diag := v.diagnostic(fv, f, nil)
		for i, fix := range f.Fixes {
			if !v.fixStaysInside(fv, fix) {
				s.log.Warn("dropped a fix that would write outside the workspace", zap.String("code", f.Code), zap.String("fix", fix.Title))
				continue
			}
			a := rpc.CodeAction{
				Title:       fix.Title,
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{diag},
				IsPreferred: i == 0,
			}
			if a.Command = s.recordCommand(f, fix); a.Command == nil {
				a.Edit = v.workspaceEdit(fv, fix, caps)
			}
			out = append(out, a)
		}
		if a, ok := s.fetchPolicyAction(f, diag); ok {
			out = append(out, a)
		}
	}
	return out
}

// fetchPolicyAction is the online fix of a code whose rule names the
// fineprint.recordPolicy command (policy/not-recorded): run it on the
// finding's URL. It is never the preferred fix, so that no client downloads
// anything on an "apply the preferred fix" shortcut.
func (s *Server) fetchPolicyAction(f analysis.Finding, diag protocol.Diagnostic) (rpc.CodeAction, bool) {
	url := f.Facts().URL
	r := s.an.KB().Rule(f.Code)
	if r == nil || r.Command != CommandRecordPolicy || url == "" || s.opts.Commands[CommandRecordPolicy] == nil {
		return rpc.CodeAction{}, false
	}
	title := "Download and record the policy at " + url
	return rpc.CodeAction{
		Title:       title,
		Kind:        protocol.QuickFix,
		Diagnostics: []protocol.Diagnostic{diag},
		Command:     &protocol.Command{Title: title, Command: CommandRecordPolicy, Arguments: []any{url}},
	}, true
}

// recordCommand is what a client runs for the fix of a code whose rule
// names the fineprint.record command (record/unrecorded, record/stale): that
// command, when cmd/fineprint provides it, in place of the fix's edits. Those edits create fineprint.lock and a copy under
// .fineprint/licenses/, a folder that often does not exist yet, and clients
// cannot all create one through a WorkspaceEdit (Neovim 0.7's :wa fails
// with E212, eglot 1.9 signals an error); the server writes the files
// atomically instead.
func (s *Server) recordCommand(f analysis.Finding, fix analysis.Fix) *protocol.Command {
	r := s.an.KB().Rule(f.Code)
	if r == nil || r.Command != CommandRecord || s.opts.Commands[CommandRecord] == nil {
		return nil
	}
	return &protocol.Command{Title: fix.Title, Command: CommandRecord}
}

// lines widens sp to the whole lines it touches, line breaks included (the
// cursor at the end of a line is on it), so that a client asking for code
// actions anywhere on a finding's lines gets its fixes. The span may end one
// byte after the text; it is for overlaps only.
func (fv *fileView) lines(sp analysis.Span) analysis.Span {
	text := fv.text
	start, end := min(max(sp.Start, 0), len(text)), min(max(sp.End, sp.Start), len(text))
	if end > start && text[end-1] == '\n' {
		end-- // a span that ends with its line break stays on its lines
	}
	start = bytes.LastIndexByte(text[:start], '\n') + 1
	if i := bytes.IndexByte(text[end:], '\n'); i >= 0 {
		end += i + 1
	} else {
		end = len(text) + 1
	}
	return analysis.Span{Start: start, End: end}
}

func wantsQuickFix(only []protocol.CodeActionKind) bool {
	for _, k := range only {
		if k == protocol.QuickFix || k == "quickfix" || k == "" {
			return true
		}
	}
	return false
}

// workspaceEdit converts a fix. Edits are grouped by file in the order they
// first appear; positions are computed on the analysed text of each file.
func (v *view) workspaceEdit(from *fileView, fix analysis.Fix, caps clientCaps) *rpc.WorkspaceEdit {
	type fileEdits struct {
		fv     *fileView
		create bool
		edits  []protocol.TextEdit
	}
	var order []*fileEdits
	byURI := map[protocol.DocumentURI]*fileEdits{}
	for _, e := range fix.Edits {
		tf := v.file(from, e.Path)
		fe := byURI[tf.uri]
		if fe == nil {
			fe = &fileEdits{fv: tf}
			byURI[tf.uri] = fe
			order = append(order, fe)
		}
		fe.create = fe.create || e.Create
		fe.edits = append(fe.edits, protocol.TextEdit{Range: tf.rangeOf(e.Span), NewText: e.NewText})
	}
	we := &rpc.WorkspaceEdit{}
	if caps.documentChanges && caps.createFiles {
		for _, fe := range order {
			if fe.create {
				we.DocumentChanges = append(we.DocumentChanges, rpc.CreateFile{Kind: "create", URI: fe.fv.uri, Options: &rpc.CreateFileOptions{IgnoreIfExists: true}})
			}
			doc := rpc.OptionalVersionedDocument{URI: fe.fv.uri}
			if fe.fv.open {
				version := fe.fv.version
				doc.Version = &version
			}
			we.DocumentChanges = append(we.DocumentChanges, rpc.TextDocumentEdit{TextDocument: doc, Edits: fe.edits})
		}
		return we
	}
	we.Changes = map[protocol.DocumentURI][]protocol.TextEdit{}
	for _, fe := range order {
		we.Changes[fe.fv.uri] = append(we.Changes[fe.fv.uri], fe.edits...)
	}
	return we
}

// fixStaysInside reports whether every edit of fix writes inside the
// workspace: an editor applies a WorkspaceEdit as given, so a path that is
// (or passes through) a symbolic link leading out would write outside it. A
// document analysed on its own may only edit itself.
func (v *view) fixStaysInside(from *fileView, fix analysis.Fix) bool {
	for _, e := range fix.Edits {
		if from.loose != nil {
			if e.Path != from.path || e.Create {
				return false
			}
			continue
		}
		if v.root == "" {
			return false
		}
		if _, err := atomicfile.Resolve(v.root, e.Path); err != nil {
			return false
		}
	}
	return true
}
