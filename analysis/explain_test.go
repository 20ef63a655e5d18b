package analysis

import (
	"strings"
	"testing"
)

func TestExplainRule(t *testing.T) {
	a := New()
	got, ok := a.ExplainRule("clause/scale-threshold")
	if !ok {
		t.Fatal("clause/scale-threshold not explained")
	}
	r := a.KB().Rule("clause/scale-threshold")
	want := "### clause/scale-threshold: Scale threshold\n\n" +
		r.Summary + "\n\n" +
		strings.TrimSpace(r.Explanation) + "\n\n" +
		"Default severity: warning. [Reference](https://github.com/fineprint-dev/fineprint/blob/main/docs/rules.md#clausescale-threshold)\n"
	if got != want {
		t.Errorf("ExplainRule =\n%s\nwant\n%s", got, want)
	}
	if _, ok := a.ExplainRule("clause/no-such-rule"); ok {
		t.Error("an unknown code was explained")
	}
	for _, r := range a.KB().Rules {
		text, ok := a.ExplainRule(" " + r.Code + " ")
		if !ok || !strings.Contains(text, "rules.md#"+r.Anchor()+")") {
			t.Errorf("%s: explanation lacks its docs link:\n%s", r.Code, text)
		}
	}
}

func TestRuleDocURL(t *testing.T) {
	if got, want := RuleDocURL("card/other-needs-name"), RulesDocURL+"#cardother-needs-name"; got != want {
		t.Errorf("RuleDocURL = %q, want %q", got, want)
	}
}

func TestExplainLicense(t *testing.T) {
	a := New()
	l := a.KB().License("llama3.1")
	if l == nil {
		t.Skip("llama3.1 not in licenses.yaml yet")
	}
	fam := a.KB().Family(l.Family)
	for _, id := range []string{"llama3.1", "LLAMA3.1"} {
		got, ok := a.ExplainLicense(id)
		if !ok {
			t.Fatalf("ExplainLicense(%q) not found", id)
		}
		for _, part := range []string{
			"### " + l.Name + "\n\n",
			"License id `llama3.1`; a custom license written for this release: its own rules apply, read them.\n\n",
			"#### Family: " + fam.Name + "\n\n" + strings.TrimSpace(fam.Explanation) + "\n\n",
			"#### Checklist\n\n- **Name the license**: " + l.Name + " (`llama3.1`)",
			"- **Scale thresholds**: " + fam.Checklist.Scale + "\n",
		} {
			if !strings.Contains(got, part) {
				t.Errorf("ExplainLicense(%q) lacks %q:\n%s", id, part, got)
			}
		}
	}
	if _, ok := a.ExplainLicense("no-such-license"); ok {
		t.Error("an unknown license was explained")
	}
}

func TestExplainLicenseAcceptsAFamilyID(t *testing.T) {
	a := New()
	fam := a.KB().Family("meta-research")
	got, ok := a.ExplainLicense("meta-research")
	if a.KB().License("meta-research") != nil {
		t.Skip("meta-research is also a license id")
	}
	if !ok {
		t.Fatal("family id not explained")
	}
	want := "### " + fam.Name + "\n\n" + fam.Summary + "\n\n" + strings.TrimSpace(fam.Explanation) + "\n\n" +
		"#### Checklist\n\n- **Name the license**: " + fam.Name + ": " + fam.Summary + "\n" +
		"- **Commercial use**: " + fam.Checklist.Commercial + "\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant prefix\n%s", got, want)
	}
}

func TestExplainFinding(t *testing.T) {
	a := New()
	rule, _ := a.ExplainRule("clause/attribution")
	for _, tc := range []struct {
		name    string
		f       Finding
		prefix  string
		has     []string
		hasNone []string
	}{
		{
			name:    "without a license",
			f:       Finding{Code: "clause/attribution", Message: "Display \"Built with Example\"."},
			prefix:  "**Display \"Built with Example\".**\n\n" + rule,
			hasNone: []string{"#### Checklist"},
		},
		{
			name:   "license unknown to the knowledge base",
			f:      Finding{Code: "clause/attribution", Message: "m.", License: "acme-model-license"},
			prefix: "**m.**\n\n" + rule + "\n---\n\nLicense `acme-model-license` is not in fineprint's knowledge base.\n",
		},
		{
			name:   "unknown code",
			f:      Finding{Code: "x/y", Message: "m."},
			prefix: "**m.**\n\n`x/y`\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := a.ExplainFinding(tc.f)
			if !strings.HasPrefix(got, tc.prefix) {
				t.Errorf("got\n%s\nwant prefix\n%s", got, tc.prefix)
			}
			for _, s := range tc.hasNone {
				if strings.Contains(got, s) {
					t.Errorf("hover contains %q:\n%s", s, got)
				}
			}
		})
	}
	if l := a.KB().License("llama3.1"); l != nil {
		got := a.ExplainFinding(Finding{Code: "clause/attribution", Message: "m.", License: "llama3.1"})
		want := "**m.**\n\n" + rule + "\n---\n\n### " + l.Name + " (`llama3.1`)\n\n#### Checklist\n\n- **Name the license**: "
		if !strings.HasPrefix(got, want) {
			t.Errorf("got\n%s\nwant prefix\n%s", got, want)
		}
	}
}

// TestExplainNewerLicenses: the licenses added for models real projects
// load are explained with their name, their family's explanation and the
// family's answer on scale (the revenue limits and display duty live
// there).
func TestExplainNewerLicenses(t *testing.T) {
	a := New()
	for id, family := range map[string]string{
		"lfm1.0":                  "lfm",
		"kimi-k2-modified-mit":    "kimi",
		"internlm-weights":        "internlm",
		"baichuan-7b":             "baichuan",
		"baichuan-13b-community":  "baichuan",
		"baichuan-13b-commercial": "baichuan",
		"mistral-modified-mit":    "mistral",
	} {
		l, fam := a.KB().License(id), a.KB().Family(family)
		if l == nil || fam == nil || l.Family != family {
			t.Fatalf("%s: license %+v, family %s", id, l, family)
		}
		got, ok := a.ExplainLicense(id)
		if !ok {
			t.Fatalf("ExplainLicense(%q) not found", id)
		}
		for _, part := range []string{
			"### " + l.Name + "\n\n",
			"#### Family: " + fam.Name + "\n\n" + strings.TrimSpace(fam.Explanation) + "\n\n",
			"- **Scale thresholds**: " + fam.Checklist.Scale + "\n",
		} {
			if !strings.Contains(got, part) {
				t.Errorf("ExplainLicense(%q) lacks %q:\n%s", id, part, got)
			}
		}
	}
}
