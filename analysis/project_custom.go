package analysis

import "github.com/fineprint-dev/fineprint/analysis/kb"

// customNoticeFindings holds licenses fineprint does not know to the notice
// line and the attribution their own text quotes: an unidentified license
// whose clauses say copies must carry "X is licensed under ..." or that
// products must display "Built with X" binds the project like a known one.
// This is the gray zone the clause detectors exist for.
func (pc *project) customNoticeFindings() []Finding {
	var out []Finding
	seen := map[string]bool{}
	var byPath map[string][]int // findings with quoted text, by file: one pass, not one per license
	for _, l := range pc.res.Licenses {
		if l.ID != "" && !l.Modified || l.Policy {
			continue // a known license's duties come from the knowledge base
		}
		if byPath == nil {
			byPath = map[string][]int{}
			for i, f := range pc.res.Findings() {
				if text, _ := f.Data["text"].(string); text != "" {
					byPath[f.Path] = append(byPath[f.Path], i)
				}
			}
		}
		unknown := &kb.License{Name: "license in " + l.Path}
		if l.Modified {
			unknown.Name = l.Name
		}
		proj := pc.projectOf(l.Path)
		notice, readme := pc.nearestFile(proj, "notice"), pc.nearestFile(proj, "readme")
		for _, i := range byPath[l.Path] {
			f := &pc.res.Findings()[i]
			text, _ := f.Data["text"].(string)
			if text == "" || f.Path != l.Path || f.Span.Start < l.Span.Start || f.Span.Start >= l.Span.End || seen[proj+"\x00"+f.Code+"\x00"+text] {
				continue
			}
			seen[proj+"\x00"+f.Code+"\x00"+text] = true
			u := use{license: unknown, path: f.Path, span: f.Span, project: proj}
			switch {
			case f.Code == "clause/notice-required" && !pc.contains(notice, text):
				out = append(out, pc.missingNotice(u, notice, proj, []string{text}))
			case f.Code == "clause/attribution" && !pc.chainContains(proj, "readme", text):
				out = append(out, pc.missingAttribution(u, readme, proj, text))
			}
		}
	}
	return out
}
