package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// Text writes the result for a terminal: the findings grouped by file, one a
// line (path:line:col: severity code: message), then the checklist of each
// license found, the files left out, and a summary line.
func Text(w io.Writer, res *analysis.Result, snap *analysis.Snapshot, opts Options) error {
	bw := bufio.NewWriter(w)
	pos := newPositions(snap)
	for i, f := range res.Findings() {
		if i > 0 && f.Path != res.Findings()[i-1].Path {
			bw.WriteString("\n")
		}
		p := pos.at(f.Path, f.Span.Start)
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", Escape(opts.PathPrefix+f.Path), p.Line, p.Column, f.Severity, f.Code, Escape(f.Message))
		bw.WriteString(diffText(f))
	}
	a := opts.analyzer()
	idx := newFindingIndex(res.Findings())
	for _, l := range res.Licenses {
		bw.WriteString("\n")
		fmt.Fprintf(bw, "%s: %s\n", Escape(opts.PathPrefix+l.Path), Escape(licenseTitle(l)))
		if standardLicense(l) {
			continue // MIT, Apache-2.0, the GPL: their terms are well known; the title says it
		}
		fs := idx.forLicense(l)
		if opts.Stats != nil {
			opts.Stats.ChecklistFindings += len(fs)
		}
		bw.WriteString(escapeLines(checklistText(a, l, fs)))
	}
	if len(opts.Skips) > 0 {
		bw.WriteString("\n")
	}
	for _, s := range opts.Skips {
		fmt.Fprintf(bw, "%s: skipped: %s\n", Escape(opts.PathPrefix+s.Path), Escape(s.Reason))
	}
	if len(res.Findings()) > 0 || len(res.Licenses) > 0 || len(opts.Skips) > 0 {
		bw.WriteString("\n")
	}
	if len(res.Models) > 0 {
		modelsText(bw, "Models in use", res.Models, pos, opts.PathPrefix)
		bw.WriteString("\n")
	}
	if len(res.Datasets) > 0 {
		modelsText(bw, "Datasets in use", res.Datasets, pos, opts.PathPrefix)
		bw.WriteString("\n")
	}
	docs := max(opts.Checked, 0)
	if snap != nil && opts.Checked == 0 {
		docs = len(snap.Docs)
	}
	fmt.Fprintf(bw, "%s checked, %s: %s\n", wording.Count(docs, "file"), wording.Count(len(res.Licenses), "license"), summaryText(Summarize(res.Findings())))
	return bw.Flush()
}

// findingIndex hands each license's checklist only the findings that can
// belong to it (those in its file, and the project-wide ones of its
// license): passing all findings to each of thousands of licenses was
// quadratic (docs/security.md).
type findingIndex struct {
	fs        []analysis.Finding
	byPath    map[string][]int
	byLicense map[string][]int
}

func newFindingIndex(fs []analysis.Finding) *findingIndex {
	x := &findingIndex{fs: fs, byPath: map[string][]int{}, byLicense: map[string][]int{}}
	for i, f := range fs {
		x.byPath[f.Path] = append(x.byPath[f.Path], i)
		if f.License != "" && analysis.CoversElsewhere(f) {
			x.byLicense[f.License] = append(x.byLicense[f.License], i)
		}
	}
	return x
}

// forLicense returns the findings that may belong to l, in their order.
func (x *findingIndex) forLicense(l analysis.LicenseInfo) []analysis.Finding {
	idx := x.byPath[l.Path]
	if l.ID != "" && len(x.byLicense[l.ID]) > 0 {
		idx = append(slices.Clone(idx), x.byLicense[l.ID]...)
		slices.Sort(idx)
		idx = slices.Compact(idx)
	}
	out := make([]analysis.Finding, len(idx))
	for i, k := range idx {
		out[i] = x.fs[k]
	}
	return out
}

// standardLicense reports a standard permissive or copyleft license, whose
// checklist the text output leaves out (fineprint explain ID shows it).
func standardLicense(l analysis.LicenseInfo) bool {
	return l.ID != "" && !l.Policy && (l.Kind == "permissive" || l.Kind == "copyleft")
}

func licenseTitle(l analysis.LicenseInfo) string {
	if l.ID == "" {
		return "unidentified license"
	}
	use := "commercial use allowed"
	if !l.Commercial {
		use = "no commercial use"
	}
	return fmt.Sprintf("%s (%s; %s, %s)", l.Name, l.ID, l.Kind, use)
}

// checklistText is the license's checklist as indented plain text.
func checklistText(a *analysis.Analyzer, l analysis.LicenseInfo, fs []analysis.Finding) string {
	return analysis.RenderChecklistText(a.Checklist(l, fs))
}

func summaryText(s Summary) string {
	if s == (Summary{}) {
		return "no findings"
	}
	return fmt.Sprintf("%s, %s, %s, %s", wording.Count(s.Error, "error"), wording.Count(s.Warning, "warning"), wording.Count(s.Information, "information"), wording.Count(s.Hint, "hint"))
}

// modelsText writes the "Models in use" (or "Datasets in use") section:
// each model under its license, restricted licenses first, unresolved
// models last, with where each is first named and how many other places
// name it.
func modelsText(bw *bufio.Writer, title string, ms []analysis.ModelUse, pos *positions, prefix string) {
	type group struct {
		license, kind string
		models        []analysis.ModelUse
	}
	var groups []*group
	byLicense := map[string]*group{}
	for _, m := range ms {
		g := byLicense[m.License]
		if g == nil {
			g = &group{license: m.License, kind: m.Kind}
			byLicense[m.License] = g
			groups = append(groups, g)
		}
		g.models = append(g.models, m)
	}
	rank := map[string]int{"research-only": 0, "non-commercial": 1, "copyleft": 2, "custom": 3, "permissive": 4, "unknown": 5}
	slices.SortStableFunc(groups, func(a, b *group) int {
		if (a.license == "") != (b.license == "") {
			if a.license == "" {
				return 1
			}
			return -1
		}
		if c := rank[a.kind] - rank[b.kind]; c != 0 {
			return c
		}
		return strings.Compare(a.license, b.license)
	})
	bw.WriteString(title + ":\n")
	for _, g := range groups {
		if g.license == "" {
			bw.WriteString("  license unknown:\n")
		} else {
			fmt.Fprintf(bw, "  %s (%s):\n", g.license, g.kind)
		}
		for _, m := range g.models {
			l := m.Locations[0]
			p := pos.at(l.Path, l.Span.Start)
			fmt.Fprintf(bw, "    %s", m.ID)
			if m.Original != "" {
				fmt.Fprintf(bw, " (a re-upload of %s)", m.Original)
			}
			fmt.Fprintf(bw, " at %s%s:%d:%d", prefix, l.Path, p.Line, p.Column)
			if n := len(m.Locations) - 1; n > 0 {
				fmt.Fprintf(bw, " and %s", wording.Count(n, "other place"))
			}
			bw.WriteString("\n")
		}
	}
}
