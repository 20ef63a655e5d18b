package analysis

import (
	"fmt"
	"path"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/manifest"
)

// packageFindings reports the dependencies of a package manifest whose
// license reaches model use (kb packages.yaml): one finding per package
// and file.
func (a *Analyzer) packageFindings(d *Document) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, dep := range manifest.ParsePackages(path.Base(d.Path), d.Text) {
		p := a.kb.Package(dep.Ecosystem, dep.Name)
		if p == nil || seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		data := map[string]any{"package": dep.Name, "ecosystem": dep.Ecosystem, "license": p.License}
		if p.Weights != "" {
			data["weights"] = p.Weights
		}
		if p.Network {
			data["network"] = true
		}
		if p.NonCommercial {
			data["non_commercial"] = true
		}
		license := ""
		if l := a.kb.License(p.License); l != nil {
			license = l.ID
		}
		out = append(out, a.finding("package/license", d.Path, Span{dep.Start, dep.End},
			fmt.Sprintf("%s is %s.", dep.Name, p.Says), license, data))
	}
	return out
}

// decidePackage makes package/license an error where the profile says the
// license's condition is met: network copyleft (AGPL-3.0) for a commercial
// project that offers a network service, non-commercial weights for a
// commercial project. Each error says why.
func decidePackage(f *Finding, u *Use) {
	commercial := u.Commercial != nil && *u.Commercial
	network, _ := f.Data["network"].(bool)
	nonCommercial, _ := f.Data["non_commercial"].(bool)
	switch {
	case network && commercial && u.NetworkService != nil && *u.NetworkService:
		f.Severity = SeverityError
		f.Message = strings.TrimSuffix(f.Message, ".") +
			"; your profile says the project is commercial and offers a network service, and the AGPL-3.0 (section 13) then owes every user of the service its complete source."
	case nonCommercial && commercial:
		f.Severity = SeverityError
		f.Message = strings.TrimSuffix(f.Message, ".") + "; your profile says the project is commercial."
	case nonCommercial && u.Commercial != nil:
		f.Severity = SeverityHint
	}
}
