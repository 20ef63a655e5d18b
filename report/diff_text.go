package report

import (
	"fmt"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis"
)

// maxDiffLines bounds the diff printed under a finding; the recorded copy
// and the file hold the rest.
const maxDiffLines = 40

// diffText is the diff a record/stale or policy/changed finding carries,
// indented under its line, "" when it has none: what changed is what the
// reader must review. Its lines come from the workspace and are escaped.
func diffText(f analysis.Finding) string {
	diff, _ := f.Data["diff"].(string)
	if diff == "" {
		return ""
	}
	var b strings.Builder
	if from, _ := f.Data["recorded_copy"].(string); from != "" {
		fmt.Fprintf(&b, "    changes since the recorded copy %s:\n", Escape(from))
	}
	lines := strings.Split(strings.TrimRight(diff, "\n"), "\n")
	for i, l := range lines {
		if i == maxDiffLines {
			fmt.Fprintf(&b, "    ... %d more lines\n", len(lines)-i)
			break
		}
		b.WriteString("    " + Escape(l) + "\n")
	}
	return b.String()
}
