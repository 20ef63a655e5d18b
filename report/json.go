package report

import (
	"encoding/json"
	"io"

	"github.com/fineprint-dev/fineprint/analysis"
)

// JSON document types: the public format of `fineprint check --format json`
// (version 1; change it only on purpose, and the README with it). Empty license,
// data, related and fixes are left out.
type (
	jsonReport struct {
		Version  int           `json:"version"`
		Root     string        `json:"root"`
		Licenses []jsonLicense `json:"licenses"`
		Findings []jsonFinding `json:"findings"`
		Models   []jsonModel   `json:"models"`
		Datasets []jsonModel   `json:"datasets"` // the same shape as models
		Summary  Summary       `json:"summary"`
	}
	// jsonModel is one entry of the inventory: null license, resolved_by
	// and original when there is none.
	jsonModel struct {
		ID         string         `json:"id"`
		License    *string        `json:"license"`
		Kind       string         `json:"kind"`
		ResolvedBy *string        `json:"resolved_by"`
		Original   *string        `json:"original"`
		Locations  []jsonLocation `json:"locations"`
	}
	jsonLocation struct {
		Path   string `json:"path"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	}
	jsonLicense struct {
		Path       string `json:"path"`
		ID         string `json:"id"`
		Family     string `json:"family"`
		Name       string `json:"name"`
		Kind       string `json:"kind"`
		Commercial bool   `json:"commercial"`
	}
	jsonFinding struct {
		Code     string         `json:"code"`
		Severity string         `json:"severity"`
		Path     string         `json:"path"`
		Range    Range          `json:"range"`
		Message  string         `json:"message"`
		License  string         `json:"license,omitempty"`
		Data     map[string]any `json:"data,omitempty"`
		Related  []jsonRelated  `json:"related,omitempty"`
		Fixes    []jsonFix      `json:"fixes,omitempty"`
	}
	jsonRelated struct {
		Path    string `json:"path"`
		Range   Range  `json:"range"`
		Message string `json:"message"`
	}
	jsonFix struct {
		Title string     `json:"title"`
		Edits []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Path    string `json:"path"`
		Create  bool   `json:"create"`
		Range   Range  `json:"range"`
		NewText string `json:"newText"`
	}
)

// JSON writes the result as one JSON document (version 1), indented, ending
// in a newline.
func JSON(w io.Writer, res *analysis.Result, snap *analysis.Snapshot, opts Options) error {
	pos := newPositions(snap)
	doc := jsonReport{Version: 1, Licenses: []jsonLicense{}, Findings: []jsonFinding{}, Models: jsonModels(res.Models, pos), Datasets: jsonModels(res.Datasets, pos), Summary: Summarize(res.Findings())}
	if snap != nil {
		doc.Root = snap.Root
	}
	for _, l := range res.Licenses {
		doc.Licenses = append(doc.Licenses, jsonLicense{Path: l.Path, ID: l.ID, Family: l.Family, Name: l.Name, Kind: l.Kind, Commercial: l.Commercial})
	}
	for _, f := range res.Findings() {
		jf := jsonFinding{
			Code: f.Code, Severity: f.Severity.String(), Path: f.Path, Range: pos.rangeOf(f.Path, f.Span),
			Message: f.Message, License: f.License, Data: f.Data,
		}
		for _, r := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{Path: r.Path, Range: pos.rangeOf(r.Path, r.Span), Message: r.Message})
		}
		for _, fix := range f.Fixes {
			jx := jsonFix{Title: fix.Title, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jx.Edits = append(jx.Edits, jsonEdit{Path: e.Path, Create: e.Create, Range: pos.rangeOf(e.Path, e.Span), NewText: e.NewText})
			}
			jf.Fixes = append(jf.Fixes, jx)
		}
		doc.Findings = append(doc.Findings, jf)
	}
	return encode(w, doc)
}

// jsonModels is the inventory as JSON and SARIF carry it.
func jsonModels(ms []analysis.ModelUse, pos *positions) []jsonModel {
	out := []jsonModel{}
	orNull := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	for _, m := range ms {
		jm := jsonModel{ID: m.ID, License: orNull(m.License), Kind: m.Kind, ResolvedBy: orNull(m.ResolvedBy), Original: orNull(m.Original), Locations: []jsonLocation{}}
		for _, l := range m.Locations {
			p := pos.at(l.Path, l.Span.Start)
			jm.Locations = append(jm.Locations, jsonLocation{Path: l.Path, Line: p.Line, Column: p.Column})
		}
		out = append(out, jm)
	}
	return out
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
