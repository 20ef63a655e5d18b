package analysis

// This file turns findings into decisions with the profile
// (docs/configuration.md). Suppression comments are in suppress.go.
//
// Decision table, applied in this order (a later step wins):
//
//  1. ignore: globs drop every finding whose path matches.
//  2. use.commercial: true makes license/non-commercial, license/research-only,
//     and manifest/model-license findings about a non-commercial or
//     research-only license errors. use.commercial: false lowers
//     license/non-commercial to hint (the project keeps to it) and
//     license/research-only to information (non-commercial is not yet
//     research-only).
//     manifest/unknown-model-license is information, a warning for a
//     commercial project, which must check unknown terms before it relies
//     on them.
//  3. clause/scale-threshold with metric monthly-active-users (or
//     annual-revenue in USD) and the matching use.monthly_active_users
//     (use.annual_revenue_usd): under the threshold it is information, at or
//     above it an error; both messages name both numbers. The project view
//     adds such findings from the knowledge base for a licensed model known
//     only by its id (data source "knowledge-base"); their messages name the
//     license.
//  4. clause/geographic whose regions meet use.regions is an error; when
//     use.regions is given and none is excluded it is information. The
//     project view adds such findings from the knowledge base for a
//     multimodal Llama model known only by its id (data "model"), and a
//     card's extra_gated_eu_disallowed gives one (data source "card");
//     both get messages of their own.
//  5. use.redistributes_models: false lowers notice/*, clause/notice-required,
//     clause/attribution and clause/derivative-naming to hint: they bind when
//     copies are passed on. They stay visible because some licenses (Llama's
//     "Built with Llama") also ask for attribution from hosted services.
//     use.redistributes_models: true raises notice/missing-notice,
//     notice/missing-attribution and notice/missing-license-copy to
//     warnings; without it they are information, since an app that only
//     loads a model owes none of them.
//  6. rules: sets a code's severity; off removes its findings.
//
// Without a profile (or for a part it does not say) the rule defaults of the
// knowledge base stand.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/glob"
	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// loadProfile returns the profile in effect (the workspace's .fineprint.yaml
// over the editor settings) and findings for an invalid one.
func (a *Analyzer) loadProfile(s *Snapshot) (Profile, []Finding) {
	var p Profile
	if s.Settings != nil {
		p = *s.Settings
	}
	for i := range s.Docs {
		d := &s.Docs[i]
		if d.Kind == KindProfile && d.Path == ProfileFile {
			file, findings := ParseProfile(d.Path, d.Text)
			return p.over(file), findings
		}
	}
	return p, nil
}

// decide sets each finding's severity from the profile and drops findings
// whose rule is off or whose path is ignored.
func (a *Analyzer) decide(fs []Finding, p *Profile) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if ignoredPath(p.Ignore, f.Path) {
			continue
		}
		a.decideUse(&f, &p.Use)
		if name, ok := p.Rules[f.Code]; ok {
			if sev, err := ParseSeverity(name); err == nil {
				f.Severity = sev
			}
		}
		if f.Severity != SeverityOff {
			out = append(out, f)
		}
	}
	return out
}

func ignoredPath(globs []string, path string) bool {
	for _, g := range globs {
		if glob.Match(g, path) {
			return true
		}
	}
	return false
}

// decideUse applies steps 2 to 5 of the decision table to one finding: the
// step its rule names in rules.yaml (decide:).
func (a *Analyzer) decideUse(f *Finding, u *Use) {
	r := a.kb.Rule(f.Code)
	if r == nil || r.Decide == nil {
		return
	}
	d := r.Decide
	if len(d.LicenseKinds) > 0 {
		if l := a.kb.License(f.License); l == nil || !slices.Contains(d.LicenseKinds, l.Kind) {
			return
		}
	}
	switch d.By {
	case kb.DecideCommercial:
		decideBool(f, d, u.Commercial)
	case kb.DecideRedistribution:
		decideBool(f, d, u.RedistributesModels)
	case kb.DecideScale:
		whose := "this license's"
		if f.Facts().Source == fromKB {
			if l := a.kb.License(f.License); l != nil {
				whose = "the " + l.Name + "'s"
			}
		}
		decideThreshold(f, u, whose)
	case kb.DecideRegions:
		decideRegions(f, u)
	case kb.DecidePackage:
		decidePackage(f, u)
	case kb.DecideDataset:
		decideDataset(f, u)
	}
}

// decideBool sets the severity a decision gives for a yes-or-no part of
// the profile; unset leaves the default.
func decideBool(f *Finding, d *kb.Decision, v *bool) {
	if v == nil {
		return
	}
	name := d.IfFalse
	if *v {
		name = d.IfTrue
	}
	if name == "" {
		return
	}
	if sev, err := ParseSeverity(name); err == nil {
		f.Severity = sev
	}
	if *v && d.Note != "" {
		f.Message = strings.TrimSuffix(f.Message, ".") + "; " + d.Note
	}
}

// decideThreshold compares a threshold with the profile's number; whose
// names the license in the message ("this license's" on its own text).
func decideThreshold(f *Finding, u *Use, whose string) {
	facts := f.Facts()
	metric, limit := facts.Metric, facts.Value
	if !facts.HasValue {
		return
	}
	var have *int64
	var ours, theirs, noun, verbUnder, verbAt, verbOver string
	switch metric {
	case "monthly-active-users":
		have = u.MonthlyActiveUsers
		noun, verbUnder, verbAt, verbOver = "monthly active users", "are under", "reach", "exceed"
		if have != nil {
			ours, theirs = wording.Short(*have), wording.Short(limit)
		}
	case "annual-revenue":
		if cur := facts.Currency; cur != "" && !strings.EqualFold(cur, "USD") {
			return
		}
		have = u.AnnualRevenueUSD
		noun, verbUnder, verbAt, verbOver = "annual revenue", "is under", "reaches", "exceeds"
		if have != nil {
			ours, theirs = "US$"+wording.Short(*have), "US$"+wording.Short(limit)
		}
	}
	if have == nil {
		return
	}
	switch {
	case *have < limit:
		f.Severity = SeverityInformation
		f.Message = fmt.Sprintf("Your %s %s %s %s %s threshold; the separate-license duty does not apply yet.", ours, noun, verbUnder, whose, theirs)
	case *have == limit:
		f.Severity = SeverityError
		f.Message = fmt.Sprintf("Your %s %s %s %s %s threshold; you need a separate license from the licensor.", ours, noun, verbAt, whose, theirs)
	default:
		f.Severity = SeverityError
		f.Message = fmt.Sprintf("Your %s %s %s %s %s threshold; you need a separate license from the licensor.", ours, noun, verbOver, whose, theirs)
	}
}

func decideRegions(f *Finding, u *Use) {
	if u.Regions == nil {
		return
	}
	facts := f.Facts()
	var hit []string
	for _, r := range facts.Regions {
		for _, ours := range u.Regions {
			if strings.EqualFold(r, ours) {
				hit = append(hit, r)
			}
		}
	}
	if len(hit) == 0 {
		f.Severity = SeverityInformation
		return
	}
	f.Severity = SeverityError
	if facts.Source == fromCard {
		f.Message = fmt.Sprintf("The card refuses this model to people in the %s (extra_gated_eu_disallowed), where your project is used; you may not use it there.", strings.Join(hit, ", "))
		return
	}
	if model := facts.Model; model != "" {
		f.Message = fmt.Sprintf("The license of %s withholds its rights for multimodal models from people and companies in the %s, where your project is used; you may not use the model there, though end users of a product built on it may.", model, strings.Join(hit, ", "))
		return
	}
	f.Message = fmt.Sprintf("This license denies rights in %s, where your project is used; you may not use the model there.", strings.Join(hit, ", "))
}

func dataInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case uint64:
		return int64(n), true
	case float64:
		return int64(n), n == float64(int64(n))
	case interface{ Int64() (int64, error) }:
		i, err := n.Int64()
		return i, err == nil
	}
	return 0, false
}

func dataStrings(v any) []string {
	switch s := v.(type) {
	case []string:
		return s
	case string:
		return []string{s}
	case []any:
		out := make([]string, 0, len(s))
		for _, x := range s {
			if str, ok := x.(string); ok {
				out = append(out, str)
			}
		}
		return out
	}
	return nil
}
