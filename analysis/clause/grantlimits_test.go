package clause

import "testing"

// TestGrantLimitRestatements: what limits the grant is found on the
// clause that binds, not on the sentences that only name it: a heading
// in title case or Markdown, a quoted line you must display, a recital.
// Such a sentence keeps its finding when no clause says the same. Every
// case lists all hits its text gives.
func TestGrantLimitRestatements(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "title-case and Markdown headings over the clause",
		text: "4. Commercial Use Requires a Separate License\n\nAny commercial use of the Weights requires a separate written license from Zeta.\n\n" +
			"## 5. 商业用途须另行授权\n\n商业用途须另行获得许可方的书面授权。\n",
		want: []phrase{
			{nc, "Any commercial use of the Weights requires a separate written license from Zeta.", nil},
			{nc, "商业用途须另行获得许可方的书面授权。", nil},
		},
	}, {
		name: "a title is the only finding when no clause says it",
		text: "Model Weights License – Research Use Only (Privacy-Protective)\n\nThe weights were trained on private scans.\n",
		want: []phrase{
			{ro, "Model Weights License – Research Use Only (Privacy-Protective)", nil},
		},
	}, {
		name: "a quoted line to display restates the grant",
		text: "You may use the Weights solely for non-commercial purposes.\n\nState prominently in the model card:\n\n\"Derived from Zeta and licensed for non-commercial use only.\";\n",
		want: []phrase{
			{nc, "You may use the Weights solely for non-commercial purposes.", nil},
		},
	}, {
		name: "a recital restates the grant",
		text: "WHEREAS, Zeta desires to grant a limited license to the Program for non-commercial purposes only;\n\n" +
			"1. Zeta grants you a license to use the Program solely for non-commercial purposes.\n",
		want: []phrase{
			{nc, "Zeta grants you a license to use the Program solely for non-commercial purposes.", nil},
		},
	}, {
		name: "a numbered definition binds nobody",
		text: "**1.2 \"非商业用途\"** 是指仅将本软件用于内部学术研究、教学或个人学习。\n",
	}})
}

// TestPurposeLeadIns: a grant narrowed to the purposes of a list ("solely
// for:") and a list of prohibited acts ("You are expressly prohibited
// from:") lend their structure to the items, whose bullets make them
// items however short.
func TestPurposeLeadIns(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "solely for: a list of purposes",
		text: "You are permitted to use the model weights solely for:\n- Non-commercial academic research\n- Evaluation and benchmarking purposes\n",
		want: []phrase{
			{nc, "Non-commercial academic research", nil},
			{ro, "Non-commercial academic research\n- Evaluation and benchmarking purposes", nil},
		},
	}, {
		name: "prohibited from: commercial use as an item",
		text: "You are expressly prohibited from:\n- Using the model weights for any commercial purpose\n",
		want: []phrase{
			{nc, "Using the model weights for any commercial purpose", nil},
		},
	}})
}

// TestTermAlternatives: a grant for a defined purpose or another one
// reaches both; a research purpose offered beside any non-commercial
// purpose is no research-only grant, while the non-commercial limit both
// carry stands.
func TestTermAlternatives(t *testing.T) {
	defs := "\"Research Purpose\" means academic research that is not intended for commercial advantage.\n" +
		"\"Non-Commercial Purpose\" means personal, hobbyist or other use that is not intended for commercial advantage.\n"
	runPhraseCases(t, []phraseCase{{
		name: "research or non-commercial purpose",
		text: defs + "You may distribute the Model solely for a Research Purpose or Non-Commercial Purpose.\n",
		want: []phrase{
			{nc, "You may distribute the Model solely for a Research Purpose or Non-Commercial Purpose.", nil},
		},
	}, {
		name: "research purpose alone",
		text: defs + "You may use the Model solely for a Research Purpose.\n",
		want: []phrase{
			{nc, "You may use the Model solely for a Research Purpose.", nil},
			{ro, "You may use the Model solely for a Research Purpose.", nil},
		},
	}})
}
