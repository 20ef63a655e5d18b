package server

import (
	"context"
	"encoding/json"
	"path"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// openDoc is an editor buffer. Its text overrides the file on disk.
type openDoc struct {
	uri     protocol.DocumentURI
	version int32
	text    []byte
}

// DidOpen keeps the new buffer and analyses it at once. Its params are
// decoded in one pass over the text (rpc.DecodeDidOpen).
func (s *Server) DidOpen(ctx context.Context, raw json.RawMessage) (any, error) {
	p, err := rpc.DecodeDidOpen(raw)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.docs[p.URI] = &openDoc{uri: p.URI, version: p.Version, text: p.Text}
	s.mu.Unlock()
	s.sched.request(0)
	return nil, nil
}

// DidChange applies the buffer's changes and analyses it after the
// debounce delay; a later change cancels the pending analysis. Only the
// buffer changed, so the disk is not read again. Changes may be ranged
// (incremental sync) or whole texts (clients that sync fully).
func (s *Server) DidChange(ctx context.Context, raw json.RawMessage) (any, error) {
	p, err := rpc.DecodeDidChange(raw)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		d = &openDoc{uri: p.TextDocument.URI}
		s.docs[p.TextDocument.URI] = d
	}
	for _, c := range p.ContentChanges {
		if c.ShowsRanges() {
			s.incremental = true
		}
	}
	for _, c := range p.ContentChanges {
		if !c.Ranged(s.incremental) {
			c.Range = nil
		}
		d.text = applyChange(d.text, c)
	}
	d.version = p.TextDocument.Version
	delay := s.settings.debounce()
	s.mu.Unlock()
	s.sched.requestEdit(delay)
	return nil, nil
}

// applyChange returns text with one change applied; positions are UTF-16
// (package textpos converts them), and a range past the end is clamped.
func applyChange(text []byte, c rpc.ContentChange) []byte {
	if c.Range == nil {
		return c.Text
	}
	idx := textpos.NewIndex(text)
	start, end := idx.Offset(toTextpos(c.Range.Start)), idx.Offset(toTextpos(c.Range.End))
	if end < start {
		start, end = end, start
	}
	out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
	out = append(out, text[:start]...)
	out = append(out, c.Text...)
	return append(out, text[end:]...)
}

// DidClose drops the buffer; the file on disk counts again.
func (s *Server) DidClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	delete(s.docs, p.TextDocument.URI)
	s.mu.Unlock()
	s.sched.request(0)
	return nil
}

// DidSave re-analyses at once (other files may depend on this one).
func (s *Server) DidSave(ctx context.Context, p *protocol.DidSaveTextDocumentParams) error {
	s.sched.request(0)
	return nil
}

// relPath returns the workspace-relative "/"-separated path of a file: URI
// inside root.
func relPath(root string, u protocol.DocumentURI) (string, bool) {
	if root == "" {
		return "", false
	}
	fn, ok := fileName(u)
	if !ok {
		return "", false
	}
	rel, err := filepath.Rel(root, fn)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// looseName names a document analysed on its own: its file name, or the
// last part of an opaque URI ("untitled:Untitled-1" -> "Untitled-1").
func looseName(u protocol.DocumentURI) string {
	if fn, ok := fileName(u); ok {
		return filepath.Base(fn)
	}
	s := string(u)
	if i := strings.LastIndexAny(s, "/:"); i >= 0 && i+1 < len(s) {
		s = s[i+1:]
	}
	return path.Clean(s)
}

func toTextpos(p protocol.Position) textpos.Position {
	return textpos.Position{Line: int(p.Line), Column: int(p.Character)}
}

func fromTextpos(p textpos.Position) protocol.Position {
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Column)}
}
