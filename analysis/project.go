package analysis

// This file holds the project view (issue 4): what cards and manifests
// declare, which models the project depends on, lineage, notices.
//
// Work is split in two. analyzeModelFile reads one card or manifest on its
// own and caches what it declares (modelFacts) with the findings that need
// nothing else (a card that does not parse, declares no license, or names
// an id the Hub does not know). projectFindings then looks at the whole
// workspace: it resolves every model reference (workspace, local Hugging
// Face cache, built-in table), checks lineage and naming, and checks that
// the notices, attributions and license copies the licenses in use require
// are present.

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/gguf"
	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/manifest"
	"github.com/fineprint-dev/fineprint/analysis/modelcard"
)

// modelFacts is what one card or manifest declares.
type modelFacts struct {
	card      *modelcard.Card     // a model card's front matter, when it parsed
	heading   *modelcard.Value    // the card's first "# " heading
	refs      []manifest.Ref      // models the file names
	datasets  []manifest.Ref      // datasets the file names (project_datasets.go)
	modelfile *manifest.Modelfile // set for Modelfiles
	gguf      *gguf.Header        // set for GGUF files whose header reads
}

// ggufSpan is where findings about a GGUF file attach: its magic bytes.
var ggufSpan = Span{0, 4}

// analyzeModelFile reads a model card or manifest on its own.
func (a *Analyzer) analyzeModelFile(d *Document, fr *fileResult) {
	switch d.Kind {
	case KindCard:
		a.analyzeCard(d, fr)
	case KindModelfile:
		mf := manifest.ParseModelfile(d.Text)
		fr.facts.modelfile = mf
		fr.facts.refs = mf.Refs
	case KindAdapterConfig:
		ref, err := manifest.ParseAdapterConfig(d.Text)
		if err != nil {
			fr.findings = append(fr.findings, a.unreadable(d.Path, firstLine(d.Text), "this adapter config, so its base model's license is not checked", err))
			return
		}
		if ref != nil {
			fr.facts.refs = []manifest.Ref{*ref}
		}
	case KindGGUF:
		h, err := gguf.ReadHeader(d.Text)
		if err != nil {
			if int64(len(d.Text)) < d.Size && !errors.Is(err, gguf.ErrNotGGUF) && strings.Contains(err.Error(), "truncated") {
				err = fmt.Errorf("its header is larger than the %d bytes read", len(d.Text))
			}
			fr.findings = append(fr.findings, a.unreadable(d.Path, Span{0, min(4, len(d.Text))}, "this GGUF header, so the model's license is not checked", err))
			return
		}
		fr.facts.gguf = h
	case KindPython:
		fr.facts.refs = manifest.ParsePython(d.Text)
		fr.facts.datasets = manifest.ParsePythonDatasets(d.Text)
	case KindShell:
		fr.facts.refs = manifest.ParseShell(d.Text)
		fr.facts.datasets = manifest.ParseShellDatasets(d.Text)
	case KindConfig:
		fr.facts.refs = manifest.ParseConfig(d.Text)
		fr.facts.datasets = manifest.ParseConfigDatasets(d.Text)
	case KindPackage:
		if isConfigName(strings.ToLower(path.Base(d.Path))) {
			fr.facts.refs = manifest.ParseConfig(d.Text)
			fr.facts.datasets = manifest.ParseConfigDatasets(d.Text)
		}
	case KindScript:
		fr.facts.refs = manifest.ParseScript(d.Text)
	case KindNotebook:
		refs, err := manifest.ParseNotebook(d.Text)
		if err != nil {
			fr.findings = append(fr.findings, a.unreadable(d.Path, firstLine(d.Text), "this notebook, so the models it loads are not checked", err))
			return
		}
		fr.facts.refs, fr.facts.datasets = splitDatasets(refs)
	}
}

// templatePlaceholder is a placeholder of a card template: <<DATASET_NAME>>,
// {{ model_id }}, [MODEL_NAME], {license}.
var templatePlaceholder = regexp.MustCompile(`<<\s*[A-Za-z_]+\s*>>|\{\{\s*[A-Za-z_.]+\s*\}\}|\[[A-Z][A-Z_]{2,}\]|\{[a-z_]+\}`)

// isTemplate reports a model card template: its name says so
// (README-template.md, model_card_template.md), or its front matter holds
// placeholders. Its findings would be about the placeholders.
func isTemplate(d *Document) bool {
	if strings.Contains(strings.ToLower(path.Base(d.Path)), "template") {
		return true
	}
	end := modelcard.End(d.Text)
	return end > 0 && templatePlaceholder.Match(d.Text[:end])
}

// unreadable is the manifest/unreadable finding on a file that could not
// be parsed: what names the file and the consequence, err the reason.
func (a *Analyzer) unreadable(p string, at Span, what string, err error) Finding {
	return a.finding("manifest/unreadable", p, at, "fineprint cannot read "+what+": "+err.Error()+".", "", nil)
}

// analyzeCard parses a card's front matter and checks what needs only the
// card: that it parses, declares a license, and names it with a Hub id.
func (a *Analyzer) analyzeCard(d *Document, fr *fileResult) {
	if isTemplate(d) {
		return // a card to be filled in declares nothing yet
	}
	c, err := modelcard.Parse(d.Text)
	var se *modelcard.SyntaxError
	switch {
	case errors.As(err, &se):
		fr.findings = append(fr.findings, a.finding("card/yaml-error", d.Path, Span{se.Span.Start, se.Span.End},
			"The model card's metadata does not parse ("+se.Msg+"), so the Hub and fineprint cannot read its license.", "", nil))
		return
	case err != nil:
		return
	}
	fr.facts.card = c
	if h, sp, ok := modelcard.Heading(d.Text); ok {
		fr.facts.heading = &modelcard.Value{Text: h, Start: sp.Start, End: sp.End}
	}
	if v := c.EUDisallowed; v != nil && strings.EqualFold(strings.TrimSpace(v.Text), "true") {
		fr.findings = append(fr.findings, a.finding("clause/geographic", d.Path, Span{v.Start, v.End},
			"The card sets extra_gated_eu_disallowed, so the Hub refuses this model to people in the EU, as licenses that withhold their rights there require; people and companies based in the EU may not use it.",
			"", map[string]any{"regions": []string{"EU"}, "source": fromCard}))
	}
	if len(c.License) == 0 {
		if c.LicenseName == nil && c.LicenseLink == nil {
			fr.findings = append(fr.findings, a.finding("card/no-license", d.Path, Span{c.Open.Start, c.Open.End},
				"This model card declares no license, so users cannot tell whether they may use or redistribute the model.", "", nil))
		}
		return
	}
	for _, v := range c.License {
		a.checkCardLicenseValue(d, fr, c, v)
	}
}

// fromCard is the data "source" of a clause finding that a model card's
// metadata states (extra_gated_eu_disallowed).
const fromCard = "card"

// checkCardLicenseValue checks one license: value and records it for hovers.
func (a *Analyzer) checkCardLicenseValue(d *Document, fr *fileResult, c *modelcard.Card, v modelcard.Value) {
	span := Span{v.Start, v.End}
	id := strings.ToLower(strings.TrimSpace(v.Text))
	l := a.kb.License(id)
	if id == "other" {
		if c.LicenseName == nil && c.LicenseLink == nil {
			fr.findings = append(fr.findings, a.finding("card/other-needs-name", d.Path, span,
				"The card says license: other without license_name or license_link, so nobody can tell which license applies.", "", nil))
		}
		if c.LicenseName != nil {
			l = a.kb.License(c.LicenseName.Text)
		}
	} else if l == nil || !l.Hub || l.ID != strings.TrimSpace(v.Text) {
		f := a.finding("card/unknown-license-id", d.Path, span, "", "", nil)
		suggestion := a.nearestHubID(id, l)
		if suggestion != "" {
			f.Message = fmt.Sprintf("%q is not a Hugging Face license id, so the Hub rejects the card; did you mean %q?", v.Text, suggestion)
			f.Data = map[string]any{"suggestion": suggestion}
			f.Fixes = []Fix{{Title: "Use the Hub id " + suggestion, Edits: []Edit{{Path: d.Path, Span: span, NewText: suggestion}}}}
		} else {
			f.Message = fmt.Sprintf("%q is not a Hugging Face license id, so the Hub rejects the card.", v.Text)
		}
		fr.findings = append(fr.findings, f)
	}
	if id == "other" && localLink(c) && (c.LicenseName == nil || a.kb.License(c.LicenseName.Text) == nil) {
		return // the file license_link names resolves it (cardFindings)
	}
	ref := Reference{Path: d.Path, Span: span}
	if l != nil {
		ref.License = l.ID
	}
	fr.references = append(fr.references, ref)
}

// localLink reports a license_link that names a file of the workspace
// ("LICENSE"), not a URL.
func localLink(c *modelcard.Card) bool {
	return c.LicenseLink != nil && strings.TrimSpace(c.LicenseLink.Text) != "" && !strings.Contains(c.LicenseLink.Text, "://")
}

// nearestHubID suggests the Hub id for a license value: the Hub id of the
// license it is an alias of, else the closest Hub id by edit distance.
func (a *Analyzer) nearestHubID(id string, l *kb.License) string {
	if l != nil && l.Hub {
		return l.ID
	}
	var hub []string
	for i := range a.kb.Licenses {
		if a.kb.Licenses[i].Hub {
			hub = append(hub, a.kb.Licenses[i].ID)
		}
	}
	best, _ := Nearest(id, hub, max(3, len(id)/2))
	return best
}

// cardLicenses returns the licenses a card declares, resolved through
// license_name when the value is "other", with the value's range.
func (a *Analyzer) cardLicenses(c *modelcard.Card) []declared {
	var out []declared
	for _, v := range c.License {
		l := a.kb.License(v.Text)
		if strings.EqualFold(strings.TrimSpace(v.Text), "other") {
			l = nil
			if c.LicenseName != nil {
				l = a.kb.License(c.LicenseName.Text)
			}
		}
		out = append(out, declared{license: l, value: v})
	}
	return out
}

// declared is one license a card declares.
type declared struct {
	license *kb.License // nil when fineprint does not know it
	value   modelcard.Value
}

// projectFindings are the findings that need the whole workspace: lineage,
// notices, missing license copies. read, when not nil, is given the paths
// of the files whose text the rules read (beyond what the files' own
// analysis derived: a NOTICE a line is looked for in), and copied those
// whose whole text a fix copies: an edit of the first makes the rules read
// them again, one of the second only changes the fixes (incremental.go).
func (a *Analyzer) projectFindings(s *Snapshot, files map[string]*fileResult, res *Result, p *Profile, read, copied map[string]bool) []Finding {
	pc := newProject(a, s, files, res)
	pc.read, pc.copied = read, copied
	a.stats.projectDocs.Add(int64(len(pc.docs)))
	var out []Finding
	for _, d := range pc.docs {
		fr := files[d.Path]
		if fr == nil {
			continue
		}
		if fr.facts.card != nil {
			out = append(out, pc.cardFindings(d, fr)...)
		}
		out = append(out, pc.referenceFindings(d, fr)...)
		out = append(out, pc.datasetFindings(d, fr)...)
	}
	pc.useLicenseTexts()
	out = append(out, pc.noticeFindings()...)
	out = append(out, pc.copyrightFindings()...)
	out = append(out, pc.licenseCopyFindings()...)
	out = append(out, pc.thresholdFindings(p)...)
	out = append(out, pc.regionFindings(p)...)
	res.References = append(res.References, pc.references...)
	res.Models = pc.inventory(false)
	res.Datasets = pc.inventory(true)
	return out
}

// dirOf is the folder of a workspace path, "" for the root.
func dirOf(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d
}
