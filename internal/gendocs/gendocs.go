// Command gendocs writes docs/rules.md from fineprint's knowledge base: every
// finding code with its default severity and explanation, every license
// family and every license fineprint can identify.
//
//	go run ./internal/gendocs              # from the module root
//	go generate ./...                      # the same, via analysis/kb
//
// The package's test fails when docs/rules.md differs from what this
// program would write, so the page can never drift from the rules.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

func main() {
	out := flag.String("o", "docs/rules.md", "file to write")
	flag.Parse()
	if err := writeFile(*out, Generate(kb.Default())); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

// writeFile replaces path atomically, so a failed run never leaves half a page.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".rules-*.md")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// groups orders the codes on the page by the part before the slash.
var groups = []struct{ prefix, heading, intro string }{
	{"license/", "License identification", "Which license a text is, and whether it allows commercial use at all."},
	{"clause/", "Clauses", "Terms found in a license text, identified or not. Each finding covers the sentence that holds the term."},
	{"notice/", "Notices and attribution", "Obligations the project itself must meet when it ships models: notice lines, credits, copyright lines and license copies."},
	{"policy/", "Referenced policies", "Documents a license pulls in by URL, and the dated copies kept of them."},
	{"record/", "The record", "What `fineprint.lock` says was recorded, compared with the workspace."},
	{"card/", "Model cards", "The YAML front matter of model cards: declared licenses, lineage and names."},
	{"manifest/", "Models the project uses", "Models named in Modelfiles, adapter configs, GGUF headers and Python sources."},
	{"dataset/", "Datasets the project uses", "Datasets named in code, cards, training configs and download commands."},
	{"package/", "Packages whose license reaches the model", "Dependencies in package manifests whose license binds the models built or served with them."},
	{"profile/", "Profile", "The project's `.fineprint.yaml` or editor settings."},
}

// Generate renders docs/rules.md.
func Generate(k *kb.KB) []byte {
	var b bytes.Buffer
	writeIntro(&b)
	writeCodeTable(&b, k)
	for _, g := range groups {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", g.heading, g.intro)
		for i := range k.Rules {
			if r := &k.Rules[i]; strings.HasPrefix(r.Code, g.prefix) {
				writeRule(&b, r)
			}
		}
	}
	writeFamilies(&b, k)
	writeLicenses(&b, k)
	return b.Bytes()
}

func writeIntro(b *bytes.Buffer) {
	b.WriteString(`# fineprint rules

<!-- Generated from analysis/kb by internal/gendocs. Do not edit: change the YAML and run go generate ./... -->

fineprint reads the licenses, model cards and model manifests of a project and reports what they
mean for the people building it. Every finding has a stable code, listed below with its default
severity, what it means, why it matters and what to do about it. The same text appears when you
hover over a finding in the editor and in ` + "`fineprint explain CODE`" + `.

Default severities assume nothing about your project. Tell fineprint how you use models in
` + "`.fineprint.yaml`" + ` (see [configuration.md](configuration.md)) and findings become decisions: a
non-commercial license is an error for a commercial project, a user threshold far above your user
count is only information. The profile's ` + "`rules:`" + ` section sets any code's severity or turns it
off, and a ` + "`fineprint-ignore CODE`" + ` comment on the line before silences a code for the next line.

This page explains licenses in plain language for builders. It is not legal advice.

`)
}

func writeCodeTable(b *bytes.Buffer, k *kb.KB) {
	b.WriteString("## Codes\n\n| code | default severity | fires when |\n| --- | --- | --- |\n")
	for _, g := range groups {
		for i := range k.Rules {
			r := &k.Rules[i]
			if strings.HasPrefix(r.Code, g.prefix) {
				fmt.Fprintf(b, "| [`%s`](#%s) | %s | %s |\n", r.Code, r.Anchor(), r.Severity, cell(r.Summary))
			}
		}
	}
	b.WriteString("\n")
}

// writeRule writes one code's section. Its heading is the bare code, whose
// GitHub anchor is what Rule.Anchor returns and what diagnostics link to.
func writeRule(b *bytes.Buffer, r *kb.Rule) {
	fmt.Fprintf(b, "### %s\n\n", r.Code)
	fmt.Fprintf(b, "**%s** (default severity: %s). %s\n\n", r.Title, r.Severity, strings.TrimSpace(r.Summary))
	fmt.Fprintf(b, "%s\n\n", strings.TrimSpace(r.Explanation))
}

func writeFamilies(b *bytes.Buffer, k *kb.KB) {
	b.WriteString("## License families\n\n")
	b.WriteString("Every license fineprint knows belongs to a family; `fineprint explain FAMILY` shows the family's explanation and checklist.\n\n")
	b.WriteString("| family | name | in short |\n| --- | --- | --- |\n")
	for _, f := range k.Families {
		fmt.Fprintf(b, "| `%s` | %s | %s |\n", f.ID, cell(f.Name), cell(f.Summary))
	}
	b.WriteString("\n")
}

func writeLicenses(b *bytes.Buffer, k *kb.KB) {
	b.WriteString("## Known licenses\n\n")
	b.WriteString("The licenses fineprint identifies, by the id it reports (a Hugging Face Hub id where one exists). `fineprint explain ID` shows the checklist of any of them.\n\n")
	b.WriteString("| id | name | kind | family | commercial use |\n| --- | --- | --- | --- | --- |\n")
	ls := append([]kb.License(nil), k.Licenses...)
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].ID < ls[j].ID })
	for _, l := range ls {
		kind := l.Kind
		if l.Document == "policy" {
			kind = "use policy"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | `%s` | %s |\n", l.ID, cell(l.Name), kind, l.Family, yesNo(l.Commercial))
	}
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("|", `\|`, "*", `\*`).Replace(s)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
