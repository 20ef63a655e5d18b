package analysis

import (
	"fmt"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// RulesDocURL is where docs/rules.md is published; diagnostics link to a
// rule's section of it (LSP codeDescription, SARIF helpUri).
const RulesDocURL = "https://github.com/fineprint-dev/fineprint/blob/main/docs/rules.md"

// RuleDocURL is the link to code's section of docs/rules.md.
func RuleDocURL(code string) string {
	return RulesDocURL + "#" + kb.HeadingAnchor(code)
}

// ExplainRule is the long explanation of a finding code, in Markdown: what
// `fineprint explain CODE` prints and what a hover on a finding ends with.
func (a *Analyzer) ExplainRule(code string) (markdown string, ok bool) {
	r := a.kb.Rule(strings.TrimSpace(code))
	if r == nil {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### %s: %s\n\n", r.Code, r.Title)
	fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(r.Summary))
	fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(r.Explanation))
	fmt.Fprintf(&b, "Default severity: %s. [Reference](%s#%s)\n", r.Severity, RulesDocURL, r.Anchor())
	return b.String(), true
}

// ExplainLicense describes a license by id or alias, in Markdown: its name,
// kind, family explanation and the family's checklist. It is what `fineprint
// explain LICENSE-ID` prints.
func (a *Analyzer) ExplainLicense(idOrAlias string) (string, bool) {
	l := a.kb.License(idOrAlias)
	if l == nil {
		if f := a.kb.Family(idOrAlias); f != nil {
			return a.explainFamily(f), true
		}
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", l.Name)
	fmt.Fprintf(&b, "License id `%s`; %s.\n\n", l.ID, kindDescription(l.Kind))
	if s := strings.TrimSpace(l.Summary); s != "" {
		fmt.Fprintf(&b, "%s\n\n", s)
	}
	if s := strings.TrimSpace(l.Explanation); s != "" {
		fmt.Fprintf(&b, "%s\n\n", s)
	}
	if len(l.URLs) > 0 {
		fmt.Fprintf(&b, "Published at %s\n\n", strings.Join(l.URLs, ", "))
	}
	f := a.kb.Family(l.Family)
	if f != nil {
		fmt.Fprintf(&b, "#### Family: %s\n\n%s\n\n", f.Name, strings.TrimSpace(f.Explanation))
	}
	info := LicenseInfo{ID: l.ID, Family: l.Family, Name: l.Name, Kind: l.Kind, Commercial: l.Commercial}
	b.WriteString(RenderChecklist(a.Checklist(info, nil)))
	return b.String(), true
}

// ExplainModel describes a model known by its Hub id or Ollama name from
// the knowledge base's table of well-known models: which license it is
// under, then that license as ExplainLicense describes it. It is what
// `fineprint explain MODEL-ID` prints. (In a workspace a license or card
// beside the model, or the local Hugging Face cache, come first; explain
// knows neither.)
func (a *Analyzer) ExplainModel(id string) (string, bool) {
	mm, ok := a.kb.ResolveModel(id)
	if !ok {
		return "", false
	}
	m := mm.Model
	var b strings.Builder
	name := "the license `" + m.License + "`"
	if l := a.kb.License(m.License); l != nil {
		name = "the " + l.Name
	}
	id = strings.TrimSpace(id)
	if mm.ByNameRule {
		fmt.Fprintf(&b, "%s It is under %s, according to fineprint's table of well-known models (`%s`: %s).", mm.Describe("Model `"+id+"`"), name, m.ID, m.Source)
	} else {
		fmt.Fprintf(&b, "Model `%s` is under %s, according to fineprint's table of well-known models.", id, name)
	}
	if m.Base != "" {
		fmt.Fprintf(&b, " It is built on `%s`, whose license it keeps.", m.Base)
	}
	if note := a.ModelNote(id); note != "" {
		b.WriteString(" " + note)
	}
	b.WriteString("\n\n")
	if text, ok := a.ExplainLicense(m.License); ok {
		b.WriteString(text)
	}
	return b.String(), true
}

// ModelNote is what a model adds to its license, for hovers and explain:
// the EU carve-out, for a multimodal model whose license's use policy has
// one. "" otherwise.
func (a *Analyzer) ModelNote(id string) string {
	mm, ok := a.kb.ResolveModel(id)
	m := mm.Model
	if !ok || !m.Multimodal {
		return ""
	}
	if l := a.kb.License(m.License); l == nil || !l.EURestricted {
		return ""
	}
	return "It is multimodal, so the EU carve-out of the license's use policy covers it: people and companies based in the EU get no rights to it, though end users of a product built on it are not affected."
}

// explainFamily answers `fineprint explain llama`, a family id rather than
// a license id.
func (a *Analyzer) explainFamily(f *kb.Family) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n%s\n\n%s\n\n", f.Name, strings.TrimSpace(f.Summary), strings.TrimSpace(f.Explanation))
	b.WriteString(RenderChecklist(a.familyChecklist(f)))
	return b.String()
}

// ExplainFinding is the hover text of a finding, in Markdown: its message,
// the rule's explanation, then the checklist of the license it is about.
func (a *Analyzer) ExplainFinding(f Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", strings.TrimSpace(f.Message))
	// What the model adds to its license (the EU carve-out), unless the
	// finding is that very clause.
	if model, ok := f.Data["model"].(string); ok && f.Code != "clause/geographic" {
		if mm, ok := a.kb.ResolveModel(model); ok && mm.Model.License == f.License {
			if note := a.ModelNote(model); note != "" {
				fmt.Fprintf(&b, "%s\n\n", note)
			}
		}
	}
	if rule, ok := a.ExplainRule(f.Code); ok {
		b.WriteString(rule)
	} else {
		fmt.Fprintf(&b, "`%s`\n", f.Code)
	}
	if f.License == "" {
		return b.String()
	}
	l := a.kb.License(f.License)
	if l == nil {
		fmt.Fprintf(&b, "\n---\n\nLicense `%s` is not in fineprint's knowledge base.\n", f.License)
		return b.String()
	}
	fmt.Fprintf(&b, "\n---\n\n### %s (`%s`)\n\n", l.Name, l.ID)
	info := LicenseInfo{ID: l.ID, Family: l.Family, Name: l.Name, Kind: l.Kind, Commercial: l.Commercial}
	b.WriteString(RenderChecklist(a.Checklist(info, nil)))
	return b.String()
}

// kindDescription says in words what a license kind means for a builder.
func kindDescription(kind string) string {
	switch kind {
	case "permissive":
		return "a permissive open-source license: broad rights, keep the notices"
	case "copyleft":
		return "a copyleft license: derivatives must carry the same license"
	case "custom":
		return "a custom license written for this release: its own rules apply, read them"
	case "non-commercial":
		return "a non-commercial license"
	case "research-only":
		return "a research-only license"
	}
	return "a license of unknown kind"
}
