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
		name: "a fitness disclaimer restates the grant",
		text: "You may use the Model solely for research purposes.\n\n" +
			"The Model and its Outputs are for research purposes only. They are not\nintended, validated, or approved for clinical use.\n",
		want: []phrase{
			{ro, "You may use the Model solely for research purposes.", nil},
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

// TestCommercialUseWithheld: commercial use withheld in wordings of many
// licensors: an adverb in quotes, a ban on commercial use put on
// modifications or on training, a condition that a copy is not used for
// commercial use, commercial rights sent to the licensing office, a
// purpose list whose every item is non-commercial, purposes named as
// kinds of non-commercial purpose ("research and other non-commercial
// purposes"); in Chinese, commercial
// use first in a list of barred purposes, a copy not used for commercial
// purposes, a grant for non-commercial research. Selling copies beside
// distributing them is a term of redistribution. Every case lists all
// hits its text gives.
func TestCommercialUseWithheld(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "English wordings",
		text: "The Software may be used \"non-commercially\", i.e., for personal and hobby projects.\n\n" +
			"Any modification based on this work must be open source and prohibited for commercial use.\n\n" +
			"This license also prohibits the use of the Weights to train neural networks for commercial use of any kind.\n\n" +
			"You may keep a fork provided that the fork is not used for, and does not enable, any Commercial Use.\n\n" +
			"In order to obtain the right to use the Program for commercial purposes, you must contact the Licensing Office about additional commercial license agreements.\n\n" +
			"Licensor grants you the right to use the Model for the sole purpose of performing non-commercial teaching, non-commercial education, or non-commercial artistic projects.\n\n" +
			"You are free to:\n- Use the Models for academic research and other non-commercial purposes.\n",
		want: []phrase{
			{nc, "The Software may be used \"non-commercially\", i.e., for personal and hobby projects.", nil},
			{nc, "Any modification based on this work must be open source and prohibited for commercial use.", nil},
			{sa, "Any modification based on this work must be open source and prohibited for commercial use.", nil},
			{nc, "This license also prohibits the use of the Weights to train neural networks for commercial use of any kind.", nil},
			{use, "This license also prohibits the use of the Weights to train neural networks for commercial use of any kind.", nil},
			{nc, "You may keep a fork provided that the fork is not used for, and does not enable, any Commercial Use.", nil},
			{nc, "In order to obtain the right to use the Program for commercial purposes, you must contact the Licensing Office about additional commercial license agreements.", nil},
			{nc, "Licensor grants you the right to use the Model for the sole purpose of performing non-commercial teaching, non-commercial education, or non-commercial artistic projects.", nil},
			{nc, "Use the Models for academic research and other non-commercial purposes.", nil},
		},
	}, {
		name: "Chinese wordings",
		text: "您不得出于任何商业、军事或非法目的使用、复制或修改本模型。\n" +
			"（c）该副本未被用于、也不会促成任何商业用途。\n" +
			"许可方特此授予您的非商业研究目的复制和分发本模型的许可。\n",
		want: []phrase{
			{nc, "您不得出于任何商业、军事或非法目的使用、复制或修改本模型。", nil},
			{use, "您不得出于任何商业、军事或非法目的使用、复制或修改本模型。", nil},
			{nc, "（c）该副本未被用于、也不会促成任何商业用途。", nil},
			{ro, "许可方特此授予您的非商业研究目的复制和分发本模型的许可。", nil},
			{nc, "许可方特此授予您的非商业研究目的复制和分发本模型的许可。", nil},
		},
	}, {
		name: "no hit: selling copies beside distributing them",
		text: "用户不得向任何第三方分发、发布、再许可、出售、出租或转让本软件。\n",
	}})
}

// TestGrantLimitsThroughTerms: a definition that excludes
// commercialisation carries the non-commercial limit; one whose purposes
// start with personal use carries no research-only limit; a limit the
// terms you give others must carry is pass-through, not this grant.
func TestGrantLimitsThroughTerms(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a purpose that excludes commercialisation",
		text: "\"Permitted Purpose\" means for academic or research purposes only, and explicitly excludes commercialization such as selling the Model.\n" +
			"You may distribute the Model only for the Permitted Purpose.\n",
		want: []phrase{
			{nc, "You may distribute the Model only for the Permitted Purpose.", nil},
			{ro, "You may distribute the Model only for the Permitted Purpose.", nil},
		},
	}, {
		name: "a purpose that starts with personal use",
		text: "\"Allowed Purpose\" means personal use for research, experiment and private entertainment, without any commercial purpose.\n" +
			"You may use the Model solely for your Allowed Purposes.\n",
		want: []phrase{
			{nc, "You may use the Model solely for your Allowed Purposes.", nil},
		},
	}, {
		name: "the limit your own terms must carry",
		text: "You may license your modifications under terms of your own, provided that such license terms limit the use of such modifications to noncommercial research purposes only.\n",
		want: []phrase{
			{pass, "You may license your modifications under terms of your own, provided that such license terms limit the use of such modifications to noncommercial research purposes only.", nil},
		},
	}})
}

// TestLicensePointerRestated: a pointer that names a non-commercial
// license is the finding only when no clause says it in words.
func TestLicensePointerRestated(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "pointer above the clause",
		text: "The weights are licensed under the Creative Commons Attribution-NonCommercial 4.0 International License (CC BY-NC 4.0).\n\n" +
			"You may not use the weights for commercial purposes.\n",
		want: []phrase{
			{nc, "You may not use the weights for commercial purposes.", nil},
		},
	}, {
		name: "pointer alone",
		text: "The weights are licensed under the Creative Commons Attribution-NonCommercial 4.0 International License (CC BY-NC 4.0).\n",
		want: []phrase{
			{nc, "The weights are licensed under the Creative Commons Attribution-NonCommercial 4.0 International License (CC BY-NC 4.0).", nil},
		},
	}})
}

// TestResearchBesideWiderPurposes: research offered beside a purpose
// beyond it (not-for-profit, artistic, charitable), in either order, is
// no research-only grant; research beside evaluation or teaching is.
func TestResearchBesideWiderPurposes(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "wider purposes first or last",
		text: "You may use the Model only for charitable or research purposes.\n" +
			"You may use the Model only for research and non-profit purposes.\n" +
			"You may use the Model only for research and evaluation purposes.\n",
		want: []phrase{
			{nc, "You may use the Model only for research and non-profit purposes.", nil},
			{ro, "You may use the Model only for research and evaluation purposes.", nil},
		},
	}})
}

// TestLicenseInComments: a license kept in a source file's "//" comments
// reads as its sentences, the comment marks of its lines left out.
func TestLicenseInComments(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "// lines",
		text: "// Any modification based on this work must be open source and prohibited \n// for commercial use. \n",
		want: []phrase{
			{nc, "// Any modification based on this work must be open source and prohibited \n// for commercial use.", nil},
			{sa, "// Any modification based on this work must be open source and prohibited \n// for commercial use.", nil},
		},
	}})
}
