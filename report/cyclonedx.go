package report

import (
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// CycloneDX writes the project's AI bill of materials as a CycloneDX 1.6
// JSON document: one component of type machine-learning-model per model
// the project references, one of type data per dataset, and one library
// per package whose license reaches the model (package/license). Each
// carries its license (an SPDX id where the license has one, else its
// name), the places that name it as evidence occurrences (file and
// 1-based line), and fineprint's facts as properties: how the license was
// resolved, its kind, and each finding about it ("fineprint:finding",
// "severity code path: message"). The document has no timestamp or serial
// number, so the same workspace gives the same bytes.
func CycloneDX(w io.Writer, res *analysis.Result, snap *analysis.Snapshot, opts Options) error {
	k := opts.analyzer().KB()
	pos := newPositions(snap)
	bom := cdx.NewBOM()
	bom.Metadata = &cdx.Metadata{
		Tools: &cdx.ToolsChoice{Components: &[]cdx.Component{{Type: cdx.ComponentTypeApplication, Name: "fineprint",
			Version: opts.Version, ExternalReferences: &[]cdx.ExternalReference{{Type: cdx.ERTypeWebsite, URL: informationURI}}}}},
	}
	if snap != nil && snap.Root != "" {
		bom.Metadata.Component = &cdx.Component{Type: cdx.ComponentTypeApplication, BOMRef: "project", Name: path.Base(strings.ReplaceAll(snap.Root, `\`, "/"))}
	}
	var comps []cdx.Component
	for _, it := range inventoryOf(res) {
		comps = append(comps, it.component(k, pos, res.Findings))
	}
	comps = append(comps, packageComponents(k, pos, res.Findings)...)
	bom.Components = &comps
	if len(comps) > 0 && bom.Metadata.Component != nil {
		refs := make([]string, len(comps))
		for i, c := range comps {
			refs[i] = c.BOMRef
		}
		bom.Dependencies = &[]cdx.Dependency{{Ref: "project", Dependencies: &refs}}
	}
	enc := cdx.NewBOMEncoder(w, cdx.BOMFileFormatJSON)
	enc.SetPretty(true)
	enc.SetEscapeHTML(false)
	return enc.EncodeVersion(bom, cdx.SpecVersion1_6)
}

// item is one model or dataset of the inventory and every place naming it.
type item struct {
	id      string
	dataset bool
	license string // license id, "" when unresolved
	places  []analysis.Reference
}

// inventoryOf groups the result's model and dataset references by id,
// sorted by kind then id.
func inventoryOf(res *analysis.Result) []*item {
	byKey := map[string]*item{}
	var out []*item
	for _, r := range res.References {
		id, dataset := r.Model, false
		if r.Dataset != "" {
			id, dataset = r.Dataset, true
		}
		if id == "" {
			continue
		}
		key := fmt.Sprintf("%t/%s", dataset, strings.ToLower(id))
		it := byKey[key]
		if it == nil {
			it = &item{id: id, dataset: dataset}
			byKey[key] = it
			out = append(out, it)
		}
		if it.license == "" {
			it.license = r.License
		}
		it.places = append(it.places, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].dataset != out[j].dataset {
			return !out[i].dataset
		}
		return strings.ToLower(out[i].id) < strings.ToLower(out[j].id)
	})
	return out
}

func (it *item) component(k *kb.KB, pos *positions, findings []analysis.Finding) cdx.Component {
	c := cdx.Component{Type: cdx.ComponentTypeMachineLearningModel, BOMRef: "model:" + it.id, Name: it.id}
	key := "model"
	if it.dataset {
		c.Type, c.BOMRef, key = cdx.ComponentTypeData, "dataset:"+it.id, "dataset"
		c.Data = &[]cdx.ComponentData{{Type: cdx.ComponentDataTypeDataset, Name: it.id}}
	}
	if org, name, ok := strings.Cut(it.id, "/"); ok && !strings.Contains(name, ":") {
		c.Group, c.Name = org, name
		if !it.dataset {
			c.PackageURL = "pkg:huggingface/" + it.id
		}
	}
	props := []cdx.Property{}
	if it.license != "" {
		c.Licenses = licenses(k, it.license)
		if l := k.License(it.license); l != nil {
			props = append(props, cdx.Property{Name: "fineprint:license-kind", Value: l.Kind})
		}
		props = append(props, cdx.Property{Name: "fineprint:license", Value: it.license})
	}
	var occ []cdx.EvidenceOccurrence
	for _, p := range it.places {
		line := pos.at(p.Path, p.Span.Start).Line
		occ = append(occ, cdx.EvidenceOccurrence{Location: p.Path, Line: &line})
	}
	c.Evidence = &cdx.Evidence{Occurrences: &occ}
	for _, f := range findings {
		if id, _ := f.Data[key].(string); strings.EqualFold(id, it.id) || it.at(f) {
			props = append(props, findingProperty(f))
		}
	}
	if len(props) > 0 {
		c.Properties = &props
	}
	return c
}

// at reports a finding on one of the item's places.
func (it *item) at(f analysis.Finding) bool {
	return slices.ContainsFunc(it.places, func(r analysis.Reference) bool { return r.Path == f.Path && r.Span == f.Span })
}

func findingProperty(f analysis.Finding) cdx.Property {
	return cdx.Property{Name: "fineprint:finding", Value: fmt.Sprintf("%s %s %s: %s", f.Severity, f.Code, f.Path, f.Message)}
}

// packageComponents are the libraries package/license reports, once per
// package, with the places that declare them.
func packageComponents(k *kb.KB, pos *positions, findings []analysis.Finding) []cdx.Component {
	var out []cdx.Component
	index := map[string]int{}
	for _, f := range findings {
		name, _ := f.Data["package"].(string)
		if f.Code != "package/license" || name == "" {
			continue
		}
		eco, _ := f.Data["ecosystem"].(string)
		key := eco + "/" + strings.ToLower(name)
		i, seen := index[key]
		if !seen {
			i = len(out)
			index[key] = i
			c := cdx.Component{Type: cdx.ComponentTypeLibrary, BOMRef: "package:" + key, Name: name,
				PackageURL: "pkg:" + eco + "/" + strings.ToLower(name), Evidence: &cdx.Evidence{Occurrences: &[]cdx.EvidenceOccurrence{}},
				Properties: &[]cdx.Property{}}
			if lic, _ := f.Data["license"].(string); lic != "" {
				c.Licenses = licenses(k, lic)
			}
			if wl, _ := f.Data["weights"].(string); wl != "" {
				*c.Properties = append(*c.Properties, cdx.Property{Name: "fineprint:weights-license", Value: wl})
			}
			out = append(out, c)
		}
		line := pos.at(f.Path, f.Span.Start).Line
		*out[i].Evidence.Occurrences = append(*out[i].Evidence.Occurrences, cdx.EvidenceOccurrence{Location: f.Path, Line: &line})
		*out[i].Properties = append(*out[i].Properties, findingProperty(f))
	}
	return out
}

// nonSPDX are licensecheck ids that are not SPDX license ids.
var nonSPDX = map[string]bool{"BSD": true, "GPL": true, "LGPLLR": true, "OpenMDW-1.0": true}

// licenses is a license as CycloneDX names it: the SPDX id when the
// license has one, else its name (and where it is published), else the
// bare id.
func licenses(k *kb.KB, id string) *cdx.Licenses {
	l := k.License(id)
	if l == nil {
		return &cdx.Licenses{{License: &cdx.License{Name: id}}}
	}
	spdx := ""
	for _, c := range l.Licensecheck {
		if nonSPDX[c] {
			continue
		}
		if spdx == "" || strings.HasSuffix(c, "-only") {
			spdx = c
		}
	}
	if spdx != "" {
		return &cdx.Licenses{{License: &cdx.License{ID: spdx}}}
	}
	lic := &cdx.License{Name: l.Name}
	if len(l.URLs) > 0 {
		lic.URL = l.URLs[0]
	}
	return &cdx.Licenses{{License: lic}}
}
