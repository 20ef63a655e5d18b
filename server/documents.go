package server

import (
	"context"
	"path"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// openDoc is an editor buffer. Its text overrides the file on disk.
type openDoc struct {
	uri     protocol.DocumentURI
	version int32
	text    []byte
}

// DidOpen analyses the new buffer at once.
func (s *Server) DidOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.mu.Lock()
	s.docs[p.TextDocument.URI] = &openDoc{uri: p.TextDocument.URI, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.mu.Unlock()
	s.sched.request(0)
	return nil
}

// DidChange takes the buffer's new text and analyses it after the debounce
// delay; a later change cancels the pending analysis. Full sync is asked
// for, but a ranged change is applied too.
func (s *Server) DidChange(ctx context.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		d = &openDoc{uri: p.TextDocument.URI}
		s.docs[p.TextDocument.URI] = d
	}
	for _, c := range p.ContentChanges {
		d.text = applyChange(d.text, c)
	}
	d.version = p.TextDocument.Version
	delay := s.settings.debounce()
	s.mu.Unlock()
	s.sched.request(delay)
	return nil
}

func applyChange(text []byte, c protocol.TextDocumentContentChangeEvent) []byte {
	if c.Range == (protocol.Range{}) && c.RangeLength == 0 {
		return []byte(c.Text)
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
