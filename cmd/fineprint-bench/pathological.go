package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/report"
	"github.com/fineprint-dev/fineprint/workspace"
)

// pathological measures inputs whose shape, not size, once made fineprint
// slow: a license written as one line, a minified notebook, and a large
// license of repeated legal phrases. Each runs the path of `fineprint
// check --format json` (load, analyse, convert every position, encode) and
// is compared with the same bytes laid out normally, measured in the same
// run: the ratio is what the shape costs (target <= 1.5).
func (b *bench) pathological() error {
	_, lic, err := b.largestLicense()
	if err != nil {
		return err
	}
	const size = 1 << 20
	text := repeatTo(lic, size)
	oneLine := bytes.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, text)
	nbLines, nbMinified, err := notebookPair(4 << 20)
	if err != nil {
		return err
	}
	cases := []struct {
		figure       string
		file         string
		shaped, base []byte
		baseName     string
	}{
		{"license written as one line (" + kb(len(oneLine)) + ")", "LICENSE", oneLine, text, "the same text with its line breaks"},
		{"minified notebook, one JSON line (" + kb(len(nbMinified)) + ")", "demo.ipynb", nbMinified, nbLines, "the same notebook indented"},
	}
	for i, c := range cases {
		shaped, err := b.writeCase(fmt.Sprintf("shape-%d-a", i), c.file, c.shaped)
		if err != nil {
			return err
		}
		base, err := b.writeCase(fmt.Sprintf("shape-%d-b", i), c.file, c.base)
		if err != nil {
			return err
		}
		ds, dbase, cs, cbase := medianPair(b.cfg.minTime, func() { checkJSON(shaped) }, func() { checkJSON(base) })
		r := cs.Seconds() / cbase.Seconds()
		b.add(row{figure: "pathological: " + c.figure + ", CPU", fineprint: ms(cs), base: c.baseName + " " + ms(cbase),
			ratio: fmt.Sprintf("%.2f", r), target: "ratio <= 1.5", met: verdict(r <= 1.5)})
		b.add(row{figure: "pathological: " + c.figure + ", wall", fineprint: ms(ds), base: ms(dbase), ratio: ratio(ds.Seconds(), dbase.Seconds())})
	}

	// Repeated legal phrases: 10 MB against 1 MB of the same phrases. A
	// linear check takes ten times as long; the output stays bounded.
	phrases := repeatTo([]byte("You shall not use the Model for military purposes. The Licensor may terminate this License at any time. "+
		"You must display \"Built with Acme\" on your product.\n"), 10<<20)
	big, err := b.writeCase("phrases-10m", "LICENSE", phrases)
	if err != nil {
		return err
	}
	small, err := b.writeCase("phrases-1m", "LICENSE", phrases[:1<<20])
	if err != nil {
		return err
	}
	var findings, outBytes int
	_, _, cbig, csmall := medianPair(b.cfg.minTime, func() { findings, outBytes = checkJSON(big) }, func() { checkJSON(small) })
	r := cbig.Seconds() / (10 * csmall.Seconds())
	b.add(row{figure: "pathological: 10 MB of repeated legal phrases, CPU", fineprint: ms(cbig), base: "10 x 1 MB of them " + ms(10*csmall),
		ratio: fmt.Sprintf("%.2f", r), target: "ratio <= 1.5", met: verdict(r <= 1.5)})
	b.add(row{figure: "pathological: 10 MB of repeated legal phrases, output", fineprint: fmt.Sprintf("%d findings, %s of JSON", findings, kb(outBytes))})
	return nil
}

// writeCase writes one file into a fresh folder and returns the folder.
func (b *bench) writeCase(dir, file string, text []byte) (string, error) {
	root := filepath.Join(b.tmp, dir)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", err
	}
	return root, os.WriteFile(filepath.Join(root, file), text, 0o644)
}

// checkJSON is `fineprint check --format json ROOT` without the process:
// it returns the number of findings and the size of the document.
func checkJSON(root string) (findings, size int) {
	snap, _, err := workspace.Load(root, workspace.Options{MaxFileSize: 64 << 20})
	if err != nil {
		fmt.Fprintf(os.Stderr, "fineprint-bench: %v\n", err)
		return 0, 0
	}
	a := analysis.New()
	res := a.Analyze(context.Background(), snap)
	var w countingWriter
	if err := report.JSON(&w, res, snap, report.Options{Analyzer: a}); err != nil {
		fmt.Fprintf(os.Stderr, "fineprint-bench: %v\n", err)
	}
	return res.FindingCount(), w.n
}

type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// largestLicense returns the corpus's largest license text and its path
// relative to the licenses folder.
func (b *bench) largestLicense() (string, []byte, error) {
	largest, size := "", int64(-1)
	for _, rel := range b.corpus.Licenses {
		fi, err := os.Stat(filepath.Join(b.corpus.Dir, "licenses", filepath.FromSlash(rel)))
		if err == nil && fi.Size() > size {
			largest, size = rel, fi.Size()
		}
	}
	text, err := os.ReadFile(filepath.Join(b.corpus.Dir, "licenses", filepath.FromSlash(largest)))
	return largest, text, err
}

// repeatTo repeats text until it is n bytes long.
func repeatTo(text []byte, n int) []byte {
	out := make([]byte, 0, n+len(text))
	for len(out) < n {
		out = append(out, text...)
	}
	return out[:n]
}

// notebookPair returns a notebook of about n bytes, indented as Jupyter
// writes it and minified to one line: code cells that load models, Markdown
// cells with prose, CJK and emoji.
func notebookPair(n int) (indented, minified []byte, err error) {
	type cell struct {
		CellType string         `json:"cell_type"`
		Metadata map[string]any `json:"metadata"`
		Source   []string       `json:"source"`
	}
	nb := map[string]any{"nbformat": 4, "nbformat_minor": 5, "metadata": map[string]any{}}
	var cells []cell
	for size := 0; size < n; {
		code := cell{CellType: "code", Metadata: map[string]any{}, Source: []string{
			"from transformers import AutoModelForCausalLM\n",
			"# 模型 😀 loads the base model\n",
			"model = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-3.1-8B-Instruct\")\n",
			"!hf download google/gemma-2-2b-it\n",
		}}
		prose := cell{CellType: "markdown", Metadata: map[string]any{}, Source: []string{
			"## Fine-tuning " + strings.Repeat("with care, ", 20) + "\n",
		}}
		cells = append(cells, code, prose)
		size += 700
	}
	nb["cells"] = cells
	if indented, err = json.MarshalIndent(nb, "", " "); err != nil {
		return nil, nil, err
	}
	minified, err = json.Marshal(nb)
	return indented, minified, err
}
