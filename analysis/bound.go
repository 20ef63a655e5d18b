package analysis

import (
	"fmt"

	"github.com/fineprint-dev/fineprint/internal/wording"
)

// MaxFindingsPerCode is how many findings of one code one file gets. A
// license of ten megabytes of repeated legal phrases, or a script with
// ninety thousand loader calls, would otherwise give a finding per
// repetition: output, memory and the editor's problem list would grow with
// the input rather than with what a developer can act on. The rest become
// one summary finding that says how many were left out.
const MaxFindingsPerCode = 100

// boundPerFileAndCode keeps the first max findings of each code in each
// file and replaces the rest by one summary finding at the first one left
// out. fs must be sorted (SortFindings); the result stays sorted. A summary
// from an earlier pass (a file's own findings are bounded when they are
// cached) counts the findings it stands for. It reuses the array of fs.
func boundPerFileAndCode(fs []Finding, max int) []Finding {
	if len(fs) <= max {
		return fs
	}
	type key struct{ path, code string }
	counts := map[key]int{}
	summaries := map[key]int{} // index in out of the summary finding
	// In place: each finding yields at most one, so out never overtakes
	// the finding being read (a copy would be megabytes of garbage in a
	// large workspace).
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Path, f.Code}
		omitted, isSummary := f.Data["omitted"].(int) // bounded once already
		if !isSummary {
			if counts[k] < max {
				counts[k]++
				out = append(out, f)
				continue
			}
			omitted = 1
		}
		i, ok := summaries[k]
		if !ok {
			summaries[k] = len(out)
			out = append(out, Finding{
				Code: f.Code, Severity: f.Severity, Path: f.Path, Span: f.Span, License: f.License,
				Data: map[string]any{"omitted": omitted},
			})
			continue
		}
		s := &out[i]
		s.Data["omitted"] = s.Data["omitted"].(int) + omitted
		if f.Severity != SeverityOff && f.Severity < s.Severity { // lower values are more severe
			s.Severity = f.Severity
		}
	}
	for k, i := range summaries {
		n := out[i].Data["omitted"].(int)
		out[i].Message = fmt.Sprintf("%s more %s %s in this file are not listed: fineprint lists the first %d of each code in a file.",
			wording.Digits(int64(n)), k.code, wording.Noun(n, "finding"), max)
	}
	return out
}
