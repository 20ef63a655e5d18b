package analysis

import (
	"fmt"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/manifest"
)

// This file checks the datasets a project trains or evaluates on: ids in
// code (load_dataset), download commands, card datasets: lists and
// training configs, resolved by fineprint's table of well-known datasets
// (kb datasets.yaml) or by fineprint.lock, where `record --fetch` keeps the
// Hub's answers.

// splitDatasets separates the dataset references of a parser's result
// from its model references.
func splitDatasets(refs []manifest.Ref) (models, datasets []manifest.Ref) {
	for _, r := range refs {
		if r.Kind == manifest.DatasetID {
			datasets = append(datasets, r)
		} else {
			models = append(models, r)
		}
	}
	return models, datasets
}

// datasetRefs are the datasets a file names, its card's datasets: list
// included.
func datasetRefs(fr *fileResult) []manifest.Ref {
	refs := fr.facts.datasets
	if c := fr.facts.card; c != nil {
		for _, v := range c.Datasets {
			if manifest.IsHubID(v.Text) {
				refs = append(refs, manifest.Ref{Kind: manifest.DatasetID, ID: v.Text, Text: v.Text, Start: v.Start, End: v.End, Via: "datasets"})
			}
		}
	}
	return refs
}

// datasetResolution is what a dataset id resolves to.
type datasetResolution struct {
	resolution
	entry *kb.Dataset // the table's entry, nil when the lock resolved it
}

// resolveDataset resolves a dataset id by the table, then the lock.
func (pc *project) resolveDataset(id string) (datasetResolution, bool) {
	if e := pc.a.kb.Dataset(id); e != nil {
		return datasetResolution{resolution{license: pc.a.kb.License(e.License), id: e.License,
			from: "fineprint's table of well-known datasets", by: byKB}, e}, true
	}
	r, ok := pc.fromLock(id, true)
	return datasetResolution{resolution: r}, ok
}

// datasetFindings reports, once per dataset and file, the datasets under
// restrictive terms (dataset/license) and those whose license nothing
// resolves (dataset/unknown-license).
func (pc *project) datasetFindings(d *Document, fr *fileResult) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, ref := range datasetRefs(fr) {
		span := Span{ref.Start, ref.End}
		r, ok := pc.resolveDataset(ref.ID)
		pc.references = append(pc.references, Reference{Path: d.Path, Span: span, Dataset: ref.ID, License: r.id, By: r.by})
		key := strings.ToLower(ref.ID)
		if seen[key] {
			continue
		}
		seen[key] = true
		data := map[string]any{"dataset": ref.ID}
		if !ok {
			out = append(out, pc.a.finding("dataset/unknown-license", d.Path, span, fmt.Sprintf(
				"fineprint cannot tell which license the dataset %s is under: it is not in fineprint's table of well-known datasets or in fineprint.lock (fineprint record --fetch asks the Hugging Face Hub).", ref.ID), "", data))
			continue
		}
		data["license"] = r.id
		if r.license == nil || r.license.Kind == "unknown" && r.entry == nil {
			out = append(out, pc.a.finding("dataset/unknown-license", d.Path, span, fmt.Sprintf(
				"The dataset %s is under %q according to %s, a license fineprint does not know, so its terms are not checked.", ref.ID, r.id, r.from), "", data))
			continue
		}
		if f, ok := pc.datasetLicense(d.Path, span, ref.ID, r, data); ok {
			out = append(out, f)
		}
	}
	return out
}

// datasetLicense is the dataset/license finding for a resolved dataset
// under restrictive terms: a non-commercial or research-only license
// (warning), data another model wrote (warning), share-alike or other
// terms (information). A permissive license with no other terms gives none.
func (pc *project) datasetLicense(p string, span Span, id string, r datasetResolution, data map[string]any) (Finding, bool) {
	l := r.license
	data["kind"] = l.Kind
	var terms, writer string
	if r.entry != nil {
		terms, writer = r.entry.Terms, r.entry.ModelOutput
		data["source"] = "kb"
	} else {
		data["source"] = byLock
	}
	if writer != "" {
		data["model_output"] = writer
	}
	restrictive := l.Kind == "non-commercial" || l.Kind == "research-only"
	if !restrictive && writer == "" && terms == "" && l.Kind == "permissive" {
		return Finding{}, false
	}
	under := "the " + l.Name
	if l.ID == "other" {
		under = "terms of its own"
	}
	msg := fmt.Sprintf("The dataset %s is under %s", id, under)
	if l.Kind != "permissive" && l.Kind != "unknown" {
		msg += ", " + kindPhrase(l)
	}
	if terms != "" {
		msg += "; " + terms
	}
	f := pc.a.finding("dataset/license", p, span, msg+".", l.ID, data)
	if !restrictive && writer == "" {
		f.Severity = SeverityInformation
	}
	return f, true
}

// decideDataset makes dataset/license an error for non-commercial or
// research-only data in a commercial project, and a hint for a project
// that says it is not commercial.
func decideDataset(f *Finding, u *Use) {
	kind, _ := f.Data["kind"].(string)
	if u.Commercial == nil || kind != "non-commercial" && kind != "research-only" {
		return
	}
	if *u.Commercial {
		f.Severity = SeverityError
		f.Message = strings.TrimSuffix(f.Message, ".") + "; your profile says the project is commercial."
		return
	}
	f.Severity = SeverityHint
}

// ExplainDataset describes a dataset known by its Hub id from fineprint's
// table of well-known datasets: the license its card declares, the terms
// beyond it (whose model wrote it, whose copyright it keeps), the source
// of those facts, then the license as ExplainLicense describes it. It is
// what `fineprint explain DATASET-ID` prints and what a hover on a dataset
// reference shows.
func (a *Analyzer) ExplainDataset(id string) (string, bool) {
	e := a.kb.Dataset(id)
	if e == nil {
		return "", false
	}
	var b strings.Builder
	under := "the license `" + e.License + "`"
	if l := a.kb.License(e.License); l != nil && l.ID != "other" {
		under = "the " + l.Name + " (`" + l.ID + "`)"
	} else if l != nil {
		under = "terms of its own"
	}
	fmt.Fprintf(&b, "Dataset `%s` is under %s, according to fineprint's table of well-known datasets.", strings.TrimSpace(id), under)
	if e.ModelOutput != "" {
		fmt.Fprintf(&b, " Its text was written by a model (%s).", e.ModelOutput)
	}
	if e.Terms != "" {
		t := e.Terms
		b.WriteString(" Beyond the license: " + t)
		if !strings.HasSuffix(t, ".") {
			b.WriteString(".")
		}
	}
	b.WriteString("\n\nSource: " + e.Source + ".\n\n")
	b.WriteString("A dataset's license governs the data; whether it reaches a model trained on it is not settled, so decide and record it before launch (see `fineprint explain dataset/license`).\n\n")
	if l := a.kb.License(e.License); l != nil && l.ID != "other" {
		if text, ok := a.ExplainLicense(l.ID); ok {
			b.WriteString(text)
		}
	}
	return b.String(), true
}
