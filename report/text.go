package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/fineprint-dev/fineprint/analysis"
)

// Text writes the result for a terminal: the findings grouped by file, one a
// line (path:line:col: severity code: message), then the checklist of each
// license found, the files left out, and a summary line.
func Text(w io.Writer, res *analysis.Result, snap *analysis.Snapshot, opts Options) error {
	bw := bufio.NewWriter(w)
	pos := newPositions(snap)
	for i, f := range res.Findings {
		if i > 0 && f.Path != res.Findings[i-1].Path {
			bw.WriteString("\n")
		}
		p := pos.at(f.Path, f.Span.Start)
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", Escape(opts.PathPrefix+f.Path), p.Line, p.Column, f.Severity, f.Code, Escape(f.Message))
	}
	a := opts.analyzer()
	for _, l := range res.Licenses {
		bw.WriteString("\n")
		fmt.Fprintf(bw, "%s: %s\n", Escape(opts.PathPrefix+l.Path), Escape(licenseTitle(l)))
		bw.WriteString(escapeLines(checklistText(a, l, res.Findings)))
	}
	if len(opts.Skips) > 0 {
		bw.WriteString("\n")
	}
	for _, s := range opts.Skips {
		fmt.Fprintf(bw, "%s: skipped: %s\n", Escape(opts.PathPrefix+s.Path), Escape(s.Reason))
	}
	if len(res.Findings) > 0 || len(res.Licenses) > 0 || len(opts.Skips) > 0 {
		bw.WriteString("\n")
	}
	docs := 0
	if snap != nil {
		docs = len(snap.Docs)
	}
	fmt.Fprintf(bw, "%s checked, %s: %s\n", plural(docs, "file"), plural(len(res.Licenses), "license"), summaryText(Summarize(res.Findings)))
	return bw.Flush()
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
	return fmt.Sprintf("%s, %s, %s, %s", plural(s.Error, "error"), plural(s.Warning, "warning"), plural(s.Information, "information"), plural(s.Hint, "hint"))
}
