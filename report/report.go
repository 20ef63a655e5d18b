// Package report renders an analysis result for people and machines: the
// text a developer reads in a terminal, JSON for scripts, and SARIF 2.1.0 for
// GitHub code scanning and other SARIF viewers.
//
// The formats are public interfaces (README.md and docs/architecture.md). Every position is printed
// 1-based, with columns counted in UTF-16 code units as LSP and SARIF count
// them; the analysis's byte offsets are converted here, at the edge, by
// package textpos. A range's end is exclusive: the column just after its
// last character.
//
// Rendering is pure: it reads only the result and the snapshot it came from.
// A position in a file that is not in the snapshot (a fix that creates a
// NOTICE) is printed as line 1, column 1.
package report

import (
	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"github.com/fineprint-dev/fineprint/workspace"
)

// Options tune a rendering.
type Options struct {
	// Analyzer builds the license checklists of the text output; nil means
	// a new one over the embedded knowledge base.
	Analyzer *analysis.Analyzer
	// PathPrefix goes before every path in the text output, so that a
	// terminal can open "testdata/example/LICENSE:3:1" when the workspace
	// root is not the current folder. It ends in "/" when not empty.
	PathPrefix string
	// Skips are the files left out of the scan; the text output lists them.
	Skips []workspace.Skip
	// Version is fineprint's version, for SARIF's tool.driver.version.
	Version string
	// Stats, when set, receives the work the rendering did.
	Stats *Stats
	// Checked is the number of files checked, when the snapshot also holds
	// files read only for context (the README and NOTICE of the project of
	// a file checked on its own); 0 means every document of the snapshot,
	// a negative number none.
	Checked int
}

// Stats count the work of one rendering: what a hostile workspace (thousands
// of copies of one license) can make it do, which the tests bound.
type Stats struct {
	// ChecklistFindings is the number of findings handed to license
	// checklists, over all licenses.
	ChecklistFindings int
}

func (o *Options) analyzer() *analysis.Analyzer {
	if o.Analyzer == nil {
		o.Analyzer = analysis.New()
	}
	return o.Analyzer
}

// Position is a 1-based line and a 1-based column in UTF-16 code units.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Range is a pair of Positions; End is exclusive.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// positions converts byte offsets of the snapshot's files, indexing each
// file once.
type positions struct {
	text  map[string][]byte
	index map[string]*textpos.Index
}

func newPositions(s *analysis.Snapshot) *positions {
	p := &positions{text: map[string][]byte{}, index: map[string]*textpos.Index{}}
	if s != nil {
		for _, d := range s.Docs {
			p.text[d.Path] = d.Text
		}
	}
	return p
}

func (p *positions) at(path string, off int) Position {
	x := p.index[path]
	if x == nil {
		x = textpos.NewIndex(p.text[path])
		p.index[path] = x
	}
	pos := x.Position(off)
	return Position{Line: pos.Line + 1, Column: pos.Column + 1}
}

func (p *positions) rangeOf(path string, s analysis.Span) Range {
	return Range{Start: p.at(path, s.Start), End: p.at(path, s.End)}
}

// Summary counts findings by severity.
type Summary struct {
	Error       int `json:"error"`
	Warning     int `json:"warning"`
	Information int `json:"information"`
	Hint        int `json:"hint"`
}

// Summarize counts fs by severity.
func Summarize(fs []analysis.Finding) Summary {
	var s Summary
	for _, f := range fs {
		switch f.Severity {
		case analysis.SeverityError:
			s.Error++
		case analysis.SeverityWarning:
			s.Warning++
		case analysis.SeverityInformation:
			s.Information++
		case analysis.SeverityHint:
			s.Hint++
		}
	}
	return s
}
