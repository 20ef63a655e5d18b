package analysis

import (
	"fmt"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// thresholdFindings weighs the scale limits of the licenses the project
// uses against the profile's numbers when no license text in the workspace
// states them. A project that loads stabilityai/stable-diffusion-3.5-large
// by id ships no copy of the Stability AI Community License, so no clause
// finding carries its US$1M revenue limit; the knowledge base knows it, and
// this finding, placed on the first model id that resolved to the license
// (else where the license was first met), is what the decision step turns into
// information or an error with both numbers.
//
// Nothing is reported for a metric the profile does not give: without the
// project's numbers there is no decision to make, and the model's hover
// already lists the threshold.
func (pc *project) thresholdFindings(p *Profile) []Finding {
	var out []Finding
	reported := map[string]bool{} // family and metric: once per model family and project
	seen := map[*kb.License]bool{}
	for _, u := range pc.uses {
		if seen[u.license] {
			continue // one decision per license, whichever project uses it
		}
		seen[u.license] = true
		for _, t := range u.license.Thresholds {
			key := u.license.Family + "\x00" + t.Metric + "\x00" + fmt.Sprint(t.Value)
			if !profileGives(&p.Use, t) || pc.textStates(u.license.ID, t.Metric, p.Ignore) || reported[key] {
				continue
			}
			reported[key] = u.license.Family != ""
			data := map[string]any{"metric": t.Metric, "value": t.Value, "source": fromKB}
			if t.Currency != "" {
				data["currency"] = t.Currency
			}
			msg := fmt.Sprintf("Above %s the %s requires a separate license from the licensor.", thresholdPhrase(t), u.license.Name)
			where, span := pc.firstModelUse(u, p.Ignore)
			out = append(out, pc.a.finding("clause/scale-threshold", where, span, msg, u.license.ID, data))
		}
	}
	return out
}

// firstModelUse is where the decision belongs: the first model reference
// that resolved to u's license (the line a developer changes to switch
// models) outside the ignored paths, else the place the license was first
// met, such as a NOTICE.
func (pc *project) firstModelUse(u use, ignore []string) (string, Span) {
	for _, r := range pc.references {
		if r.Model != "" && r.License == u.license.ID && !ignoredPath(ignore, r.Path) && !pc.silencedSite(r.Path, r.Span, "clause/scale-threshold") {
			return r.Path, r.Span
		}
	}
	return u.path, u.span
}

// fromKB is the data "source" of a clause finding (a scale threshold, a
// region) that comes from the knowledge base rather than from a clause of a
// text in the workspace.
const fromKB = "knowledge-base"

func profileGives(u *Use, t kb.Threshold) bool {
	switch t.Metric {
	case "monthly-active-users":
		return u.MonthlyActiveUsers != nil
	case "annual-revenue":
		return u.AnnualRevenueUSD != nil && (t.Currency == "" || t.Currency == "USD")
	}
	return false
}

// textStates reports whether a license text in the workspace already gave a
// scale-threshold finding for license id and metric. A text under an
// ignore glob does not count: its findings are dropped later.
func (pc *project) textStates(id, metric string, ignore []string) bool {
	for _, f := range pc.res.Findings() {
		if f.Code == "clause/scale-threshold" && f.License == id && f.Facts().Metric == metric && !ignoredPath(ignore, f.Path) {
			return true
		}
	}
	return false
}

func thresholdPhrase(t kb.Threshold) string {
	if t.Metric == "annual-revenue" {
		return "US$" + wording.Short(t.Value) + " annual revenue"
	}
	return wording.Short(t.Value) + " monthly active users"
}
