package server

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/fineprint-dev/fineprint/analysis"
)

// CodeLens puts a one-line summary of the license on the first line of a
// license file or model card: "Llama 3.1 Community License · custom · 5
// findings".
func (s *Server) CodeLens(ctx context.Context, p *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	out := []protocol.CodeLens{}
	fv := s.current().lookup(p.TextDocument.URI)
	if fv == nil || fv.text == nil {
		return out, nil
	}
	var title string
	switch {
	case len(fv.licenses) > 0:
		l := fv.licenses[0]
		name, kind := l.Name, l.Kind
		if l.ID == "" {
			name = "Unidentified license"
		}
		if len(fv.licenses) > 1 {
			name += fmt.Sprintf(" (+%d more)", len(fv.licenses)-1)
		}
		title = lensTitle(name, kind, len(fv.findings))
	case fv.kind == analysis.KindCard:
		title = s.cardLens(fv)
	}
	if title == "" {
		return out, nil
	}
	line := fv.rangeOf(analysis.Span{})
	return append(out, protocol.CodeLens{Range: line, Command: &protocol.Command{Title: title}}), nil
}

func (s *Server) cardLens(fv *fileView) string {
	for _, r := range fv.refs {
		if r.Model != "" || r.License == "" {
			continue
		}
		name, kind := r.License, "unknown"
		if l := s.an.KB().License(r.License); l != nil {
			name, kind = l.Name, l.Kind
		}
		return lensTitle("Card license: "+name, kind, len(fv.findings))
	}
	return lensTitle("Model card: no license resolved", "", len(fv.findings))
}

func lensTitle(name, kind string, findings int) string {
	parts := []string{name}
	if kind != "" {
		parts = append(parts, kind)
	}
	noun := "findings"
	if findings == 1 {
		noun = "finding"
	}
	parts = append(parts, fmt.Sprintf("%d %s", findings, noun))
	return strings.Join(parts, " · ")
}

var urlPattern = regexp.MustCompile(`https?://[^\s<>()\[\]{}"'\x60]+`)

// DocumentLink links every http(s) URL in a license text.
func (s *Server) DocumentLink(ctx context.Context, p *protocol.DocumentLinkParams) ([]protocol.DocumentLink, error) {
	out := []protocol.DocumentLink{}
	fv := s.current().lookup(p.TextDocument.URI)
	if fv == nil || fv.kind != analysis.KindLicense {
		return out, nil
	}
	for _, m := range urlPattern.FindAllIndex(fv.text, -1) {
		start, end := m[0], m[1]
		for end > start && strings.ContainsRune(".,;:!?*_", rune(fv.text[end-1])) {
			end--
		}
		out = append(out, protocol.DocumentLink{
			Range:  fv.rangeOf(analysis.Span{Start: start, End: end}),
			Target: uri.URI(fv.text[start:end]),
		})
	}
	return out, nil
}
