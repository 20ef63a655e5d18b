package server

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis"
)

// Hover explains the findings under the cursor; on a license title, a
// card's license value or a model reference it shows the license's
// checklist.
func (s *Server) Hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	v := s.current()
	fv := v.lookup(p.TextDocument.URI)
	if fv == nil || fv.text == nil {
		return nil, nil
	}
	off := fv.offset(p.Position)
	s.mu.Lock()
	plain := s.client.plainHover
	s.mu.Unlock()
	var parts []string
	var at *analysis.Span
	cover := func(sp analysis.Span) {
		if at == nil {
			at = &sp
		}
	}
	// A license title carries the checklist; findings anchored on the
	// title are listed under it rather than explained at length.
	for _, l := range fv.licenses {
		if l.Title.End > l.Title.Start && overlaps(l.Title, off, off) {
			if plain {
				parts = append(parts, s.shortLicenseHover(l, v))
			} else {
				parts = append(parts, s.licenseHover(l, v)+findingList(fv.findings, off))
			}
			cover(l.Title)
		}
	}
	if len(parts) == 0 {
		// A model reference or a card's license value: the model's own
		// checklist first, then what the findings there mean in general.
		for _, r := range fv.refs {
			if overlaps(r.Span, off, off) && !plain {
				parts = append(parts, s.referenceHover(r, v))
				cover(r.Span)
			}
		}
		for _, f := range fv.findings {
			if overlaps(f.Span, off, off) {
				if plain {
					parts = append(parts, s.an.ShortFinding(f))
				} else {
					parts = append(parts, withDiff(f, s.an.ExplainFinding(f)))
				}
				cover(f.Span)
			}
		}
		for _, r := range fv.refs {
			if overlaps(r.Span, off, off) && plain && len(parts) == 0 {
				parts = append(parts, s.shortReferenceHover(r, v))
				cover(r.Span)
			}
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	rng := fv.rangeOf(*at)
	kind, sep := protocol.Markdown, "\n\n---\n\n"
	if plain {
		kind, sep = protocol.PlainText, "\n\n"
	}
	value := strings.Join(parts, sep)
	switch {
	case !plain:
		value = defang(value)
	case len(parts) > 1:
		value = analysis.Shorten(value, 2*analysis.ShortWords)
	}
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: kind, Value: value},
		Range:    &rng,
	}, nil
}

// licenseHover is the checklist of one identified (or unidentified)
// license text, built from the findings of its file.
func (s *Server) licenseHover(l analysis.LicenseInfo, v *view) string {
	title := l.Name
	if title == "" {
		title = "Unidentified license"
	}
	return "### " + title + "\n\n" + analysis.RenderChecklist(s.checklist(l, v))
}

// checklist answers the checklist of l from the findings of its file.
func (s *Server) checklist(l analysis.LicenseInfo, v *view) []analysis.ChecklistItem {
	var findings []analysis.Finding
	if fv := v.pathFile(l.Path); fv != nil {
		findings = fv.findings
	}
	return s.an.Checklist(l, findings)
}

// referenceHover is the checklist of the license a card value or a model
// reference resolves to: from the license file in the workspace that has
// it, else from the knowledge base.
func (s *Server) referenceHover(r analysis.Reference, v *view) string {
	head := ""
	if r.Model != "" {
		head = "Model `" + r.Model + "`\n\n"
		if r.Original != "" {
			head = "Model `" + r.Model + "`, a re-upload of `" + r.Original + "`, under its license\n\n"
		}
	}
	if r.Dataset != "" {
		if text, ok := s.an.ExplainDataset(r.Dataset); ok {
			return text
		}
		head = "Dataset `" + r.Dataset + "`\n\n"
	}
	l, ok := s.referenceLicense(r, v)
	if !ok {
		return head + "fineprint cannot resolve this license: check the model's card and license by hand."
	}
	return head + s.licenseHover(l, v)
}

// referenceLicense is the license a reference resolves to: the file it
// names, else the first workspace file (by path) identified as its
// license, else the knowledge base's entry.
func (s *Server) referenceLicense(r analysis.Reference, v *view) (analysis.LicenseInfo, bool) {
	if fv := v.pathFile(r.LicensePath); r.LicensePath != "" && fv != nil && len(fv.licenses) > 0 {
		return fv.licenses[0], true
	}
	if r.License == "" {
		return analysis.LicenseInfo{}, false
	}
	var best *analysis.LicenseInfo
	v.each(func(_ protocol.DocumentURI, fv *fileView) {
		if fv.loose != nil {
			return // a document analysed on its own is no workspace file
		}
		for i, l := range fv.licenses {
			if l.ID == r.License && (best == nil || l.Path < best.Path) {
				best = &fv.licenses[i]
			}
		}
	})
	if best != nil {
		return *best, true
	}
	info := analysis.LicenseInfo{ID: r.License, Kind: "unknown"}
	if k := s.an.KB().License(r.License); k != nil {
		info = analysis.LicenseInfo{ID: k.ID, Family: k.Family, Name: k.Name, Kind: k.Kind, Commercial: k.Commercial}
	}
	return info, true
}

// shortLicenseHover is licenseHover for plain-text clients: a summary
// (analysis.ShortChecklist).
func (s *Server) shortLicenseHover(l analysis.LicenseInfo, v *view) string {
	title := l.Name
	if title == "" {
		title = "Unidentified license in " + l.Path
	}
	return analysis.ShortChecklist(title, l.ID, s.checklist(l, v))
}

// shortReferenceHover is referenceHover for plain-text clients.
func (s *Server) shortReferenceHover(r analysis.Reference, v *view) string {
	head := ""
	if r.Model != "" {
		head = "Model " + r.Model + ": "
	}
	if r.Dataset != "" {
		if text, ok := s.an.ExplainDataset(r.Dataset); ok {
			return analysis.Shorten(text, analysis.ShortWords)
		}
		head = "Dataset " + r.Dataset + ": "
	}
	l, ok := s.referenceLicense(r, v)
	if !ok {
		return head + "fineprint cannot resolve this license: check the model's card and license by hand."
	}
	return head + s.shortLicenseHover(l, v)
}

// findingList lists the findings at off, one line each.
func findingList(fs []analysis.Finding, off int) string {
	var b strings.Builder
	for _, f := range fs {
		if overlaps(f.Span, off, off) {
			if b.Len() == 0 {
				b.WriteString("\n#### Findings here\n\n")
			}
			fmt.Fprintf(&b, "- `%s`: %s\n", f.Code, escapeMarkdown(f.Message))
			if d := diffBlock(f); d != "" {
				b.WriteString("\n" + d + "\n")
			}
		}
	}
	return b.String()
}

// withDiff puts the diff of a record/stale or policy/changed finding right
// under the message of its explanation: what changed is what the reader
// came for.
func withDiff(f analysis.Finding, explanation string) string {
	d := diffBlock(f)
	head := "**" + strings.TrimSpace(f.Message) + "**\n\n"
	rest, ok := strings.CutPrefix(explanation, head)
	if ok {
		head = "**" + escapeMarkdown(strings.TrimSpace(f.Message)) + "**\n\n" // the message is plain text
		explanation = head + rest
	}
	if d == "" {
		return explanation
	}
	if ok {
		return head + d + "\n" + rest
	}
	return d + "\n" + explanation
}

// diffBlock renders what a record/stale or policy/changed finding knows
// about the change: the recorded date and both hashes, and its data "diff"
// (a line diff from the recorded text, see analysis/record.Diff) as a
// fenced block. It is "" for other findings.
func diffBlock(f analysis.Finding) string {
	var b strings.Builder
	change := f.Facts()
	if change.OldSHA256 != "" && change.NewSHA256 != "" {
		fmt.Fprintf(&b, "Recorded %s: sha256 `%s`  \nNow: sha256 `%s`\n", change.Recorded, change.OldSHA256, change.NewSHA256)
	}
	if diff := change.Diff; diff != "" {
		from := "the recorded text"
		if c := change.RecordedCopy; c != "" {
			from = "`" + c + "`"
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		// A policy in Markdown may hold fences of its own: use a longer one.
		fence := "```"
		for strings.Contains(diff, fence) {
			fence += "`"
		}
		b.WriteString("Changes since " + from + ":\n\n" + fence + "diff\n" + strings.TrimSuffix(diff, "\n") + "\n" + fence + "\n")
	}
	return b.String()
}
