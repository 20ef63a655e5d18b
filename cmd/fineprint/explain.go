package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/kb"
)

const explainUsage = `usage: fineprint explain CODE|LICENSE-ID

Prints what a finding code means (clause/scale-threshold) or what a license
lets you do (llama3.1, gemma, apache-2.0), the text an editor shows on hover.
`

func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprint(stdout, explainUsage)
		return 0
	}
	if len(args) != 1 {
		fmt.Fprintf(stderr, "fineprint: explain: want one CODE or LICENSE-ID, got %d arguments (see fineprint explain --help)\n", len(args))
		return 2
	}
	a := analysis.New()
	name := strings.TrimSpace(args[0])
	text, ok := a.ExplainRule(name)
	if !ok {
		text, ok = a.ExplainLicense(name)
	}
	if !ok {
		fmt.Fprintf(stderr, "fineprint: explain: %q is neither a finding code nor a license id; did you mean %s?\n", name, nearest(name, explainNames(a.KB())))
		return 2
	}
	fmt.Fprint(stdout, strings.TrimRight(text, "\n")+"\n")
	return 0
}

// explainNames are the names explain knows: codes, license ids and aliases,
// family ids.
func explainNames(k *kb.KB) []string {
	var names []string
	for _, r := range k.Rules {
		names = append(names, r.Code)
	}
	for _, l := range k.Licenses {
		names = append(names, l.ID)
		names = append(names, l.Aliases...)
	}
	for _, f := range k.Families {
		names = append(names, f.ID)
	}
	return names
}

// nearest picks the name closest to what was typed: one it ends with
// ("scale-threshold" for "clause/scale-threshold"), else the smallest edit
// distance, ties to the first.
func nearest(typed string, names []string) string {
	typed = strings.ToLower(typed)
	for _, n := range names {
		if strings.HasSuffix(strings.ToLower(n), "/"+typed) {
			return n
		}
	}
	best, bestD := "", -1
	for _, n := range names {
		if d := editDistance(typed, strings.ToLower(n)); bestD < 0 || d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
