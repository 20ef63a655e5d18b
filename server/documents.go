package server

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// openDoc is an editor buffer. Its text overrides the file on disk.
type openDoc struct {
	uri     protocol.DocumentURI
	version int32
	text    []byte
}

// DidOpen serves callers of protocol.Server; on the wire, handleDidOpen
// takes the notification.
func (s *Server) DidOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.didOpen(p.TextDocument.URI, p.TextDocument.Version, []byte(p.TextDocument.Text))
	return nil
}

// handleDidOpen decodes didOpen itself, in one pass over the text (see
// didChangeWire); a malformed notification is dropped as protocol's handler
// drops it.
func (s *Server) handleDidOpen(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	var w struct {
		TextDocument struct {
			URI     protocol.DocumentURI `json:"uri"`
			Version int32                `json:"version"`
			Text    segjson.RawMessage   `json:"text"`
		} `json:"textDocument"`
	}
	if _, err := segjson.Parse(req.Params(), &w, segjson.ZeroCopy); err != nil {
		return reply(ctx, nil, fmt.Errorf("%s: %w", jsonrpc2.ErrParse, err))
	}
	text, err := textOf(w.TextDocument.Text)
	if err != nil {
		return reply(ctx, nil, fmt.Errorf("%s: textDocument: text: %w", jsonrpc2.ErrParse, err))
	}
	s.didOpen(w.TextDocument.URI, w.TextDocument.Version, text)
	return reply(ctx, nil, nil)
}

// didOpen keeps the new buffer and analyses it at once.
func (s *Server) didOpen(u protocol.DocumentURI, version int32, text []byte) {
	s.mu.Lock()
	s.docs[u] = &openDoc{uri: u, version: version, text: text}
	s.mu.Unlock()
	s.sched.request(0)
}

// didChangeParams is protocol.DidChangeTextDocumentParams with the range
// of a change optional, as the protocol has it: v0.12.0's Range is a value,
// which cannot tell the whole text (no range) from an insertion at 0:0.
type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier
	ContentChanges []contentChange
}

type contentChange struct {
	Range       *protocol.Range // nil: Text is the whole document
	RangeLength *uint32
	Text        []byte
}

// didChangeWire is didChange as it arrives. Each change's text stays a raw
// JSON string, for unquoteJSON: under full sync it is the whole document on
// every keystroke, and decoding it is most of the cost of a change.
type didChangeWire struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []struct {
		Range       *protocol.Range    `json:"range"`
		RangeLength *uint32            `json:"rangeLength"`
		Text        segjson.RawMessage `json:"text"`
	} `json:"contentChanges"`
}

// decodeDidChange decodes didChange params as encoding/json would, in one
// pass over the text.
func decodeDidChange(data []byte) (*didChangeParams, error) {
	var w didChangeWire
	if _, err := segjson.Parse(data, &w, segjson.ZeroCopy); err != nil {
		return nil, err
	}
	p := &didChangeParams{TextDocument: w.TextDocument}
	for _, c := range w.ContentChanges {
		text, err := textOf(c.Text)
		if err != nil {
			return nil, fmt.Errorf("contentChanges: text: %w", err)
		}
		p.ContentChanges = append(p.ContentChanges, contentChange{Range: c.Range, RangeLength: c.RangeLength, Text: text})
	}
	return p, nil
}

// textOf decodes a document text kept raw by the decoders above; an absent
// or null text is empty, as encoding/json would have it.
func textOf(raw segjson.RawMessage) ([]byte, error) {
	if raw == nil || string(raw) == "null" {
		return []byte{}, nil
	}
	return unquoteJSON(raw)
}

// ranged reports whether c replaces a range rather than the whole text.
// Clients built on go.lsp.dev/protocol cannot leave the range out and send
// 0:0-0:0 with a whole text, which is also how Helix or Zed insert at the
// very start. A zero range therefore counts as a range only once the
// client has shown that it sends ranges (incremental): a rangeLength, or a
// range other than 0:0-0:0.
func (c contentChange) ranged(incremental bool) bool {
	return c.Range != nil && (*c.Range != (protocol.Range{}) || c.RangeLength != nil || incremental)
}

// handleDidChange decodes didChange itself, for contentChange's optional
// range; a malformed notification is dropped as protocol's handler drops it.
func (s *Server) handleDidChange(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	p, err := decodeDidChange(req.Params())
	if err != nil {
		return reply(ctx, nil, fmt.Errorf("%s: %w", jsonrpc2.ErrParse, err))
	}
	s.didChange(p)
	return reply(ctx, nil, nil)
}

// DidChange serves callers of protocol.Server; on the wire, handleDidChange
// takes the notification. A change whose range is zero and whose
// rangeLength is 0 is read as the whole text.
func (s *Server) DidChange(ctx context.Context, p *protocol.DidChangeTextDocumentParams) error {
	q := didChangeParams{TextDocument: p.TextDocument}
	for _, c := range p.ContentChanges {
		cc := contentChange{Text: []byte(c.Text)}
		if c.Range != (protocol.Range{}) || c.RangeLength != 0 {
			cc.Range = &c.Range
			cc.RangeLength = &c.RangeLength
		}
		q.ContentChanges = append(q.ContentChanges, cc)
	}
	s.didChange(&q)
	return nil
}

// didChange applies the buffer's changes and analyses it after the
// debounce delay; a later change cancels the pending analysis. Only the
// buffer changed, so the disk is not read again.
func (s *Server) didChange(p *didChangeParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		d = &openDoc{uri: p.TextDocument.URI}
		s.docs[p.TextDocument.URI] = d
	}
	for _, c := range p.ContentChanges {
		if c.Range != nil && (*c.Range != (protocol.Range{}) || c.RangeLength != nil) {
			s.incremental = true
		}
	}
	for _, c := range p.ContentChanges {
		if !c.ranged(s.incremental) {
			c.Range = nil
		}
		d.text = applyChange(d.text, c)
	}
	d.version = p.TextDocument.Version
	delay := s.settings.debounce()
	s.mu.Unlock()
	s.sched.requestEdit(delay)
}

// applyChange returns text with one change applied; positions are UTF-16
// (package textpos converts them), and a range past the end is clamped.
func applyChange(text []byte, c contentChange) []byte {
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
