package kb

import (
	"strings"
	"testing"
)

func TestRuleAttributesAreData(t *testing.T) {
	k := Default()
	if r := k.Rule("policy/not-recorded"); r.Command != "fineprint.recordPolicy" {
		t.Errorf("policy/not-recorded command = %q", r.Command)
	}
	if d := k.Rule("license/research-only").Decide; d == nil || d.By != DecideCommercial || d.IfTrue != "error" || d.IfFalse != "information" {
		t.Errorf("license/research-only decide = %+v", d)
	}
	if d := k.Rule("manifest/model-license").Decide; d == nil || len(d.LicenseKinds) != 2 || d.Note == "" {
		t.Errorf("manifest/model-license decide = %+v", d)
	}
	var derivatives []string
	for _, cc := range k.ChecklistCodes("derivatives") {
		derivatives = append(derivatives, cc.Code)
	}
	if got, want := strings.Join(derivatives[:3], " "), "clause/share-alike clause/pass-through clause/derivative-naming"; got != want {
		t.Errorf("derivatives begin %s, want %s", got, want)
	}
	// Every question is answered by some code, and every code that answers
	// one exists.
	for _, q := range ChecklistQuestions {
		if q != "name" && len(k.ChecklistCodes(q)) == 0 {
			t.Errorf("no code answers %s", q)
		}
		for _, cc := range k.ChecklistCodes(q) {
			if k.Rule(cc.Code) == nil {
				t.Errorf("%s: unknown code %s", q, cc.Code)
			}
		}
	}
}

func TestRuleCheckRejects(t *testing.T) {
	for _, c := range []struct {
		r    Rule
		want string
	}{
		{Rule{Decide: &Decision{By: "weather"}}, `decide by "weather"`},
		{Rule{Decide: &Decision{By: DecideCommercial}}, "sets no severity"},
		{Rule{Decide: &Decision{By: DecideCommercial, IfTrue: "fatal"}}, `severity "fatal"`},
		{Rule{Decide: &Decision{By: DecideScale, IfTrue: "error"}}, "takes no other field"},
		{Rule{Checklist: []ChecklistPart{{Question: "vibes"}}}, `question "vibes"`},
		{Rule{Checklist: []ChecklistPart{{Question: "record", Phrase: "poem"}}}, `phrase "poem"`},
		{Rule{Command: "rm"}, `command "rm"`},
	} {
		err := c.r.check()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("check(%+v) = %v, want %q", c.r, err, c.want)
		}
	}
	ok := Rule{Decide: &Decision{By: DecideRedistribution, IfFalse: "hint"}, Checklist: []ChecklistPart{{Question: "derivatives"}}, Command: "fineprint.recordPolicy"}
	if err := ok.check(); err != nil {
		t.Error(err)
	}
}
