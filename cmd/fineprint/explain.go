package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/kb"
)

const explainUsage = `usage: fineprint explain CODE|LICENSE-ID|MODEL-ID

Prints what a finding code means (clause/scale-threshold), what a license
lets you do (llama3.1, gemma, apache-2.0), or which license a well-known
model is under and what that lets you do (meta-llama/Llama-3.1-8B,
llama3.2-vision:11b): the text an editor shows on hover.
`

func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprint(stdout, explainUsage)
		return 0
	}
	if len(args) != 1 {
		fmt.Fprintf(stderr, "fineprint: explain: want one CODE, LICENSE-ID or MODEL-ID, got %d arguments (see fineprint explain --help)\n", len(args))
		return 2
	}
	a := analysis.New()
	name := strings.TrimSpace(args[0])
	text, ok := a.ExplainRule(name)
	if !ok {
		text, ok = a.ExplainLicense(name)
	}
	if !ok {
		text, ok = a.ExplainModel(name)
	}
	if !ok {
		fmt.Fprintf(stderr, "fineprint: explain: %q is not a finding code, a license id or a model fineprint knows; did you mean %s?\n", name, nearest(name, explainNames(a.KB())))
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
	best, _ := analysis.Nearest(typed, names, -1)
	return best
}
