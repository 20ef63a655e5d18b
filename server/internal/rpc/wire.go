package rpc

import (
	"fmt"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/protocol"
)

// The wire types below are shapes of LSP 3.17 that go.lsp.dev/protocol
// v0.12.0 cannot express, or expresses in a way that loses information.
// Everything else on the wire uses the protocol package's types.

// CodeAction is protocol.CodeAction with a WorkspaceEdit that can create
// files.
type CodeAction struct {
	Title       string                  `json:"title"`
	Kind        protocol.CodeActionKind `json:"kind,omitempty"`
	Diagnostics []protocol.Diagnostic   `json:"diagnostics,omitempty"`
	IsPreferred bool                    `json:"isPreferred,omitempty"`
	Edit        *WorkspaceEdit          `json:"edit,omitempty"`
	Command     *protocol.Command       `json:"command,omitempty"`
}

// WorkspaceEdit holds either documentChanges (text edits and file
// creations, in order: TextDocumentEdit and CreateFile values) or, for
// clients without them, changes.
type WorkspaceEdit struct {
	Changes         map[protocol.DocumentURI][]protocol.TextEdit `json:"changes,omitempty"`
	DocumentChanges []any                                        `json:"documentChanges,omitempty"`
}

// CreateFile is the resource operation "create".
type CreateFile struct {
	Kind    string               `json:"kind"` // "create"
	URI     protocol.DocumentURI `json:"uri"`
	Options *CreateFileOptions   `json:"options,omitempty"`
}

type CreateFileOptions struct {
	IgnoreIfExists bool `json:"ignoreIfExists,omitempty"`
}

// TextDocumentEdit is one file's edits inside documentChanges.
type TextDocumentEdit struct {
	TextDocument OptionalVersionedDocument `json:"textDocument"`
	Edits        []protocol.TextEdit       `json:"edits"`
}

// OptionalVersionedDocument has a version that is null for files not open.
type OptionalVersionedDocument struct {
	URI     protocol.DocumentURI `json:"uri"`
	Version *int32               `json:"version"`
}

// PublishDiagnosticsParams is protocol.PublishDiagnosticsParams with a
// version that can be 0 and is absent for files not open.
type PublishDiagnosticsParams struct {
	URI         protocol.DocumentURI  `json:"uri"`
	Version     *int32                `json:"version,omitempty"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
}

// WorkDoneProgressCreateParams and ProgressParams are plain structs:
// protocol.ProgressToken marshals only through a pointer.
type WorkDoneProgressCreateParams struct {
	Token string `json:"token"`
}

type ProgressParams struct {
	Token string `json:"token"`
	Value any    `json:"value"`
}

// DidOpenParams is textDocument/didOpen with the text decoded in one pass
// (see DecodeDidOpen).
type DidOpenParams struct {
	URI     protocol.DocumentURI
	Version int32
	Text    []byte
}

// DidChangeParams is protocol.DidChangeTextDocumentParams with the range
// of a change optional, as the protocol has it: v0.12.0's Range is a value,
// which cannot tell the whole text (no range) from an insertion at 0:0.
type DidChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier
	ContentChanges []ContentChange
}

type ContentChange struct {
	Range       *protocol.Range // nil: Text is the whole document
	RangeLength *uint32
	Text        []byte
}

// Ranged reports whether c replaces a range rather than the whole text.
// Clients built on go.lsp.dev/protocol cannot leave the range out and send
// 0:0-0:0 with a whole text, which is also how Helix or Zed insert at the
// very start. A zero range therefore counts as a range only once the
// client has shown that it sends ranges (incremental): a rangeLength, or a
// range other than 0:0-0:0 (see ShowsRanges).
func (c ContentChange) Ranged(incremental bool) bool {
	return c.Range != nil && (*c.Range != (protocol.Range{}) || c.RangeLength != nil || incremental)
}

// ShowsRanges reports whether c proves that its client sends ranged
// changes.
func (c ContentChange) ShowsRanges() bool {
	return c.Range != nil && (*c.Range != (protocol.Range{}) || c.RangeLength != nil)
}

// didOpenWire and didChangeWire are the notifications as they arrive. Each
// text stays a raw JSON string, for unquoteJSON: under full sync it is the
// whole document on every keystroke, and decoding it is most of the cost.
type didOpenWire struct {
	TextDocument struct {
		URI     protocol.DocumentURI `json:"uri"`
		Version int32                `json:"version"`
		Text    segjson.RawMessage   `json:"text"`
	} `json:"textDocument"`
}

type didChangeWire struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []struct {
		Range       *protocol.Range    `json:"range"`
		RangeLength *uint32            `json:"rangeLength"`
		Text        segjson.RawMessage `json:"text"`
	} `json:"contentChanges"`
}

// DecodeDidOpen decodes didOpen params as encoding/json would, in one pass
// over the text.
func DecodeDidOpen(data []byte) (*DidOpenParams, error) {
	var w didOpenWire
	if _, err := segjson.Parse(data, &w, segjson.ZeroCopy); err != nil {
		return nil, invalidParams("textDocument/didOpen", err)
	}
	text, err := textOf(w.TextDocument.Text)
	if err != nil {
		return nil, invalidParams("textDocument/didOpen", fmt.Errorf("textDocument: text: %w", err))
	}
	return &DidOpenParams{URI: w.TextDocument.URI, Version: w.TextDocument.Version, Text: text}, nil
}

// DecodeDidChange decodes didChange params as encoding/json would, in one
// pass over the text.
func DecodeDidChange(data []byte) (*DidChangeParams, error) {
	var w didChangeWire
	if _, err := segjson.Parse(data, &w, segjson.ZeroCopy); err != nil {
		return nil, invalidParams("textDocument/didChange", err)
	}
	p := &DidChangeParams{TextDocument: w.TextDocument}
	for _, c := range w.ContentChanges {
		text, err := textOf(c.Text)
		if err != nil {
			return nil, invalidParams("textDocument/didChange", fmt.Errorf("contentChanges: text: %w", err))
		}
		p.ContentChanges = append(p.ContentChanges, ContentChange{Range: c.Range, RangeLength: c.RangeLength, Text: text})
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

// InitializeResult is protocol.InitializeResult with the capabilities as
// Table.Capabilities collects them, so that a method of 3.17 that
// protocol.ServerCapabilities has no field for can announce itself.
type InitializeResult struct {
	Capabilities map[string]any       `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}
