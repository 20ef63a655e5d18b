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
// 1-based line), a re-upload's original as its pedigree, and fineprint's
// facts as properties: the license id and kind, how it was resolved, the
// original, and each finding about it ("fineprint:finding",
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
		comps = append(comps, it.component(k, pos, res.Findings()))
	}
	comps = append(comps, packageComponents(k, pos, res.Findings())...)
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

// item is one model or dataset of the inventory.
type item struct {
	analysis.ModelUse
	dataset bool
}

// inventoryOf is the result's models, then its datasets, each sorted by
// id.
func inventoryOf(res *analysis.Result) []item {
	var out []item
	for _, list := range []struct {
		uses    []analysis.ModelUse
		dataset bool
	}{{res.Models, false}, {res.Datasets, true}} {
		start := len(out)
		for _, m := range list.uses {
			out = append(out, item{m, list.dataset})
		}
		part := out[start:]
		sort.SliceStable(part, func(i, j int) bool { return strings.ToLower(part[i].ID) < strings.ToLower(part[j].ID) })
	}
	return out
}

func (it *item) component(k *kb.KB, pos *positions, findings []analysis.Finding) cdx.Component {
	c := cdx.Component{Type: cdx.ComponentTypeMachineLearningModel, BOMRef: "model:" + it.ID, Name: it.ID}
	key := "model"
	if it.dataset {
		c.Type, c.BOMRef, key = cdx.ComponentTypeData, "dataset:"+it.ID, "dataset"
		c.Data = &[]cdx.ComponentData{{Type: cdx.ComponentDataTypeDataset, Name: it.ID}}
	}
	if org, name, ok := strings.Cut(it.ID, "/"); ok && !strings.Contains(name, ":") {
		c.Group, c.Name = org, name
		if !it.dataset {
			c.PackageURL = "pkg:huggingface/" + it.ID
		}
	}
	props := []cdx.Property{}
	if it.License != "" {
		c.Licenses = licenses(k, it.License)
		props = append(props, cdx.Property{Name: "fineprint:license", Value: it.License}, cdx.Property{Name: "fineprint:license-kind", Value: it.Kind})
	}
	if it.ResolvedBy != "" {
		props = append(props, cdx.Property{Name: "fineprint:resolved-by", Value: it.ResolvedBy})
	}
	if it.Original != "" {
		props = append(props, cdx.Property{Name: "fineprint:original", Value: it.Original})
		c.Pedigree = &cdx.Pedigree{Ancestors: &[]cdx.Component{{Type: cdx.ComponentTypeMachineLearningModel, Name: it.Original,
			PackageURL: "pkg:huggingface/" + it.Original}}}
	}
	var occ []cdx.EvidenceOccurrence
	for _, l := range it.Locations {
		line := pos.at(l.Path, l.Span.Start).Line
		occ = append(occ, cdx.EvidenceOccurrence{Location: l.Path, Line: &line})
	}
	c.Evidence = &cdx.Evidence{Occurrences: &occ}
	for _, f := range findings {
		if id, _ := f.Data[key].(string); strings.EqualFold(id, it.ID) || it.at(f) {
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
	return slices.ContainsFunc(it.Locations, func(l analysis.Location) bool { return l.Path == f.Path && l.Span == f.Span })
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
