package analysis

import "fmt"

// maxRelated bounds the related locations a project-level finding lists.
const maxRelated = 20

// regionFindings weighs the EU carve-out of Llama 3.2, 3.3 and 4 against
// the profile's regions for a multimodal model the project names by id.
// The carve-out sits in the use policies those licenses incorporate, and
// applies to multimodal models only (Llama 3.2's Vision models, every Llama
// 4 model), which only the knowledge base's per-model data can tell apart;
// a project that loads meta-llama/Llama-3.2-11B-Vision-Instruct by id
// usually ships neither the license nor the policy. The finding sits on the
// first such reference of each license; the decision step makes it an
// error when the profile's regions include the EU and information when they
// do not.
//
// Nothing is reported when the profile names no regions (there is no
// decision to make; the model's hover lists the carve-out), or when a text
// in the workspace already yields the license's geographic clause.
func (pc *project) regionFindings(p *Profile) []Finding {
	if p.Use.Regions == nil {
		return nil
	}
	var out []Finding
	reported := map[string]int{} // family -> index of its finding in out
	for _, r := range pc.references {
		if r.Model == "" || r.License == "" || ignoredPath(p.Ignore, r.Path) {
			continue
		}
		mm, ok := pc.a.kb.ResolveModel(r.Model)
		l := pc.a.kb.License(r.License)
		if !ok || !mm.Model.Multimodal || l == nil || !l.EURestricted || pc.textStatesRegion(l.ID, l.UsePolicy, r.Path, p.Ignore) {
			continue
		}
		// A suppression silences its own site only: another use of the
		// family still gets the finding.
		if pc.silencedSite(r.Path, r.Span, "clause/geographic") {
			continue
		}
		if i, seen := reported[l.Family]; seen {
			if len(out[i].Related) < maxRelated {
				out[i].Related = append(out[i].Related, Related{Path: r.Path, Span: r.Span, Message: "also a multimodal model under the carve-out: " + r.Model})
			}
			continue
		}
		reported[l.Family] = len(out)
		data := map[string]any{"regions": []string{"EU"}, "model": r.Model, "source": fromKB}
		msg := fmt.Sprintf("The %s withholds its rights for multimodal models such as %s from people and companies in the EU; end users of a product built on one are not affected.", l.Name, r.Model)
		out = append(out, pc.a.finding("clause/geographic", r.Path, r.Span, msg, l.ID, data))
	}
	return out
}

// textStatesRegion reports whether the workspace already says it: a
// geographic finding of a license text (the license or its use policy), or
// of the card that names the model (extra_gated_eu_disallowed).
func (pc *project) textStatesRegion(license, policy, refPath string, ignore []string) bool {
	for _, f := range pc.res.Findings() {
		if f.Code != "clause/geographic" || ignoredPath(ignore, f.Path) {
			continue
		}
		if f.License == license || policy != "" && f.License == policy || f.Path == refPath && f.Facts().Source == fromCard {
			return true
		}
	}
	return false
}
