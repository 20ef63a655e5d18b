package analysis

import (
	"fmt"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/manifest"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// referenceFindings resolves the models a manifest names and reports the
// restricted and the unresolvable ones: one finding per model and file, on
// its first site that no fineprint-ignore comment silences, with the other
// sites as related locations.
func (pc *project) referenceFindings(d *Document, fr *fileResult) []Finding {
	var out []Finding
	if h := fr.facts.gguf; h != nil {
		return pc.ggufFindings(d, fr)
	}
	first := map[string]int{} // model id -> index in out of its finding
	for _, ref := range fr.facts.refs {
		span := Span{ref.Start, ref.End}
		r, ok := pc.resolve(d.Path, ref)
		pc.references = append(pc.references, Reference{Path: d.Path, Span: span, Model: ref.ID, License: r.id, By: r.by, Original: r.original})
		key := strings.ToLower(ref.ID)
		if i, seen := first[key]; seen {
			if i >= 0 && len(out[i].Related) < maxRelated {
				out[i].Related = append(out[i].Related, Related{Path: d.Path, Span: span, Message: "also used here"})
			}
			continue
		}
		var f Finding
		var has bool
		switch {
		case !ok && ref.Via == "ADAPTER":
			// an adapter's license is usually its base's
		case !ok:
			f, has = pc.a.finding("manifest/unknown-model-license", d.Path, span, unresolvedMessage(ref), "",
				map[string]any{"model": ref.ID}), true
		default:
			pc.use(r.license, d.Path, span)
			name := ref.Text
			if ref.Kind == manifest.HubID || ref.Kind == manifest.OllamaName {
				name = ref.ID
			}
			f, has = pc.modelLicense(d, span, name, r)
			if has && ref.Via == "FROM" && len(fr.facts.modelfile.Licenses) == 0 {
				f.Message = fmt.Sprintf("%s is under the %s, %s, and this Modelfile has no LICENSE directive, so the license does not travel with the model it builds.",
					name, r.license.Name, kindPhrase(r.license))
				if fix, ok := pc.licenseDirective(d, fr.facts.modelfile, r.license); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			}
		}
		if !has || pc.silencedSite(d.Path, span, f.Code) {
			if !has {
				first[key] = -1
			}
			continue // a silenced site leaves the finding to the next one
		}
		first[key] = len(out)
		out = append(out, f)
	}
	return out
}

// silencedSite reports whether a fineprint-ignore comment silences code at
// span of the file at p.
func (pc *project) silencedSite(p string, span Span, code string) bool {
	fr, d := pc.files[p], pc.doc(p)
	if fr == nil || d == nil || !fr.commented {
		return false
	}
	if pc.lineIndexes == nil {
		pc.lineIndexes = map[string]*textpos.Index{}
	}
	x := pc.lineIndexes[p]
	if x == nil {
		x = textpos.NewIndex(d.Text)
		pc.lineIndexes[p] = x
	}
	return silenced(d, x, Finding{Code: code, Path: p, Span: span})
}

// inventory lists every model (or, with datasets set, every dataset) the
// project references, by id in order of first mention, with every place
// that names it.
func (pc *project) inventory(datasets bool) []ModelUse {
	var out []ModelUse
	index := map[string]int{}
	for _, r := range pc.references {
		id := r.Model
		if datasets {
			id = r.Dataset
		}
		if id == "" {
			continue
		}
		key := strings.ToLower(id)
		i, ok := index[key]
		if !ok {
			m := ModelUse{ID: id, License: r.License, ResolvedBy: r.By, Original: r.Original, Kind: "unknown"}
			if l := pc.a.kb.License(r.License); l != nil {
				m.Kind = l.Kind
			}
			i = len(out)
			index[key] = i
			out = append(out, m)
		}
		out[i].Locations = append(out[i].Locations, Location{Path: r.Path, Span: r.Span})
	}
	return out
}

// licenseDirective is the fix that appends a LICENSE directive carrying
// the license's text, taken from a copy in the workspace, so that `ollama
// show --license` and every copy of the built model carry it. There is none
// without a copy (fineprint ships no license texts), or when the text holds
// the """ that would end Ollama's string early.
func (pc *project) licenseDirective(d *Document, mf *manifest.Modelfile, l *kb.License) (Fix, bool) {
	src := pc.licenseText(l)
	if src == nil {
		return Fix{}, false
	}
	text := pc.fixText(src)
	if strings.Contains(text, `"""`) {
		return Fix{}, false
	}
	return Fix{Title: "Add a LICENSE directive with the text of " + src.Path, Edits: []Edit{{
		Path: d.Path, Span: Span{mf.End, mf.End}, NewText: "\nLICENSE \"\"\"" + text + "\"\"\"",
	}}}, true
}

// ggufFindings reports the license a GGUF file's header declares.
func (pc *project) ggufFindings(d *Document, fr *fileResult) []Finding {
	h := fr.facts.gguf
	r, ok := pc.fromGGUF(h)
	if !ok {
		return []Finding{pc.a.finding("manifest/unknown-model-license", d.Path, ggufSpan,
			"This GGUF file declares no license (general.license) and names no base model fineprint knows, so its terms are unknown.", "", nil)}
	}
	pc.use(r.license, d.Path, ggufSpan)
	name := h.Name
	if name == "" {
		name = "This GGUF file's model"
	}
	if f, ok := pc.modelLicense(d, ggufSpan, name, r); ok {
		return []Finding{f}
	}
	return nil
}

// modelLicense is the manifest/model-license finding for a model resolved
// to a license with restrictions, or an unknown-license finding when the
// license found is not in the knowledge base. Permissive licenses give none.
func (pc *project) modelLicense(d *Document, span Span, name string, r resolution) (Finding, bool) {
	data := map[string]any{"model": name, "license": r.id, "source": r.from}
	if r.original != "" {
		data["original"] = r.original
	}
	if r.license == nil {
		return pc.a.finding("manifest/unknown-model-license", d.Path, span,
			fmt.Sprintf("%s is under %q according to %s, a license fineprint does not know, so its terms are not checked.", name, r.id, r.from),
			"", data), true
	}
	if r.license.Kind == "permissive" {
		return Finding{}, false
	}
	msg := fmt.Sprintf("%s is under the %s, %s.", name, r.license.Name, kindPhrase(r.license))
	if r.original != "" {
		msg = fmt.Sprintf("%s is a re-upload of %s, under %s's license: the %s, %s.", name, r.original, r.original, r.license.Name, kindPhrase(r.license))
	} else if r.base != "" && (r.license.Kind == "non-commercial" || r.license.Kind == "research-only") {
		msg = fmt.Sprintf("%s is built on %s and under its license, the %s, %s.", name, r.base, r.license.Name, kindPhrase(r.license))
	}
	f := pc.a.finding("manifest/model-license", d.Path, span, msg, r.license.ID, data)
	if r.license.Kind == "non-commercial" || r.license.Kind == "research-only" {
		f.Severity = SeverityWarning
	} else {
		f.Severity = SeverityInformation
	}
	if r.path != "" && r.path != d.Path {
		f.Related = []Related{{Path: r.path, Span: r.span, Message: "where the license is declared"}}
	}
	return f, true
}

func kindPhrase(l *kb.License) string {
	switch l.Kind {
	case "non-commercial":
		return "which forbids commercial use"
	case "research-only":
		return "which allows research use only"
	case "copyleft":
		return "whose derivatives must keep the same license"
	case "custom":
		return "which comes with use restrictions and conditions"
	}
	return "whose terms fineprint cannot classify"
}

func unresolvedMessage(ref manifest.Ref) string {
	switch ref.Kind {
	case manifest.LocalPath:
		return fmt.Sprintf("fineprint cannot tell which license %s is under: there is no license file, card or GGUF license beside it.", ref.Text)
	case manifest.OllamaName:
		return fmt.Sprintf("fineprint cannot tell which license the Ollama model %s is under: it is not in its table of well-known models.", ref.ID)
	}
	return fmt.Sprintf("fineprint cannot tell which license %s is under: it is not in the workspace, the local Hugging Face cache, fineprint.lock or fineprint's table of well-known models; fineprint record --fetch asks the Hub.", ref.ID)
}
