package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/kb"
)

const explainUsage = `usage: fineprint explain [CODE|LICENSE-ID|MODEL-ID|DATASET-ID]

Prints what a finding code means (clause/scale-threshold), what a license
lets you do (llama3.1, gemma, apache-2.0), or which license a well-known
model is under and what that lets you do (meta-llama/Llama-3.1-8B,
llama3.2-vision:11b), or the terms of a well-known dataset
(tatsu-lab/alpaca): the text an editor shows on hover. With no argument,
lists the finding codes and license ids it can explain.
`

func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprint(stdout, explainUsage)
		return 0
	}
	if len(args) == 0 {
		listExplainable(stdout, analysis.New().KB())
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
		text, ok = a.ExplainDataset(name)
	}
	if !ok {
		fmt.Fprintf(stderr, "fineprint: explain: %s\n", unknownName(name, a.KB()))
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

// listExplainable prints every finding code with its title, then every
// license id with its name: what `fineprint explain NAME` takes.
func listExplainable(w io.Writer, k *kb.KB) {
	fmt.Fprintln(w, "Finding codes (fineprint explain CODE):")
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, r := range k.Rules {
		fmt.Fprintf(tw, "  %s\t%s\n", r.Code, r.Title)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nLicenses (fineprint explain LICENSE-ID):")
	ls := slices.Clone(k.Licenses)
	slices.SortFunc(ls, func(a, b kb.License) int { return strings.Compare(a.ID, b.ID) })
	for _, l := range ls {
		fmt.Fprintf(tw, "  %s\t%s\n", l.ID, l.Name)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nModels: any Hugging Face id or Ollama name, e.g. fineprint explain meta-llama/Llama-3.1-8B-Instruct")
	fmt.Fprintln(w, "Datasets: a well-known Hugging Face dataset id, e.g. fineprint explain tatsu-lab/alpaca")
}

// unknownName says that name is not explainable and suggests what the user
// may have meant, among names of the same shape. A model id (org/name, or
// an Ollama name:tag) gets no license suggestion: the nearest string would
// name an unrelated license.
func unknownName(name string, k *kb.KB) string {
	msg := fmt.Sprintf("%q is not a finding code, a license id or a model fineprint knows", name)
	if code, ok := nearestCode(strings.ToLower(name), k); ok {
		return msg + "; did you mean " + code + "?"
	}
	if strings.ContainsAny(name, "/:") {
		return msg + ": its license cannot be resolved offline; read its model card on the Hub"
	}
	// A short name is near every short id: allow one edit per three
	// characters.
	if best, ok := analysis.Nearest(name, explainNames(k), min(3, len(name)/3)); ok {
		return msg + "; did you mean " + best + "?"
	}
	return msg + " (fineprint explain with no argument lists them)"
}

// nearestCode returns the code a mistyped name stands for: one that ends
// with it ("scale-threshold"), or one within three edits of it or of its
// part after the "/".
func nearestCode(name string, k *kb.KB) (string, bool) {
	var codes, tails []string
	for _, r := range k.Rules {
		_, tail, _ := strings.Cut(r.Code, "/")
		codes, tails = append(codes, r.Code), append(tails, tail)
	}
	if _, tail, ok := strings.Cut(name, "/"); ok {
		if c, ok := analysis.Nearest(name, codes, 3); ok {
			return c, true
		}
		name = tail
	}
	if t, ok := analysis.Nearest(name, tails, 3); ok {
		return codes[slices.Index(tails, t)], true
	}
	return "", false
}
