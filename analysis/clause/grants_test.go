package clause

import "testing"

// TestNonCommercialResearchGrants: a grant or permission whose purpose is
// non-commercial research withholds commercial use and any use but
// research, with or without "only" (both codes, as "solely for
// non-commercial research" has them), in English and Chinese; so do a
// grant for "the sole purpose of" such work and a release scoped by its
// purpose. Purposes named as examples or beside commercial ones do not
// narrow. Every case lists all hits its text gives.
func TestNonCommercialResearchGrants(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a permission for non-commercial research purposes, without only",
		text: "The Weights may be used for your own noncommercial internal research purposes.\n\n" +
			"Zeta grants to Licensee a personal, non-transferable license to use the Weights for noncommercial research purposes, without the right to sublicense.\n\n" +
			"If you are affiliated with a university, this means you can use these for your non-commercial affiliated research.\n\n" +
			"The checkpoints are made available through the Institute for your internal, non-profit, non-commercial research use.",
		want: []phrase{
			{ro, "The Weights may be used for your own noncommercial internal research purposes.", nil},
			{nc, "The Weights may be used for your own noncommercial internal research purposes.", nil},
			{ro, "Zeta grants to Licensee a personal, non-transferable license to use the Weights for noncommercial research purposes, without the right to sublicense.", nil},
			{nc, "Zeta grants to Licensee a personal, non-transferable license to use the Weights for noncommercial research purposes, without the right to sublicense.", nil},
			{ro, "If you are affiliated with a university, this means you can use these for your non-commercial affiliated research.", nil},
			{nc, "If you are affiliated with a university, this means you can use these for your non-commercial affiliated research.", nil},
			{ro, "The checkpoints are made available through the Institute for your internal, non-profit, non-commercial research use.", nil},
			{nc, "The checkpoints are made available through the Institute for your internal, non-profit, non-commercial research use.", nil},
		},
	}, {
		name: "the same grant in Chinese",
		text: "许可您将本模型用于非商业性的学术研究。\n您可以出于非营利的科学研究目的使用本模型。",
		want: []phrase{
			{ro, "许可您将本模型用于非商业性的学术研究。", nil},
			{nc, "许可您将本模型用于非商业性的学术研究。", nil},
			{ro, "您可以出于非营利的科学研究目的使用本模型。", nil},
			{nc, "您可以出于非营利的科学研究目的使用本模型。", nil},
		},
	}, {
		// Artistic projects beside research widen the grant past research
		// (holdout6's convention): non-commercial only.
		name: "the sole purpose of research or art, a release scoped by its purpose, a list of stacked purposes",
		text: "To use the Weights for the sole purpose of performing non-commercial scientific research, non-commercial education, or non-commercial artistic projects.\n\n" +
			"For research and non commercial purposes, all the network weights available at example.org/weights are released under the Creative Commons BY-NC-SA license.\n\n" +
			"Zeta grants you a license to use, modify, and distribute the Weights solely for non-commercial and research purposes.",
		want: []phrase{
			{nc, "To use the Weights for the sole purpose of performing non-commercial scientific research, non-commercial education, or non-commercial artistic projects.", nil},
			{ro, "For research and non commercial purposes, all the network weights available at example.org/weights are released under the Creative Commons BY-NC-SA license.", nil},
			{nc, "For research and non commercial purposes, all the network weights available at example.org/weights are released under the Creative Commons BY-NC-SA license.", nil},
			{nc, "Zeta grants you a license to use, modify, and distribute the Weights solely for non-commercial and research purposes.", nil},
			{ro, "Zeta grants you a license to use, modify, and distribute the Weights solely for non-commercial and research purposes.", nil},
		},
	}, {
		name: "research purposes explained in brackets before only",
		text: "The rights granted herein may be exercised for noncommercial research purposes (i.e., academic research and teaching) only.",
		want: []phrase{
			{nc, "The rights granted herein may be exercised for noncommercial research purposes (i.e., academic research and teaching) only.", nil},
			{ro, "The rights granted herein may be exercised for noncommercial research purposes (i.e., academic research and teaching) only.", nil},
		},
	}, {
		name: "no hit: research as an example, beside commercial, a release described",
		text: "You may use the Weights for any purpose, such as non-commercial research or product development.\n\n" +
			"You may use the Weights for commercial and non-commercial research.\n\n" +
			"This model is specifically developed and released by Zeta for the sole purpose of scientific research of machine learning.\n\n" +
			"您可以将本模型用于商业和非商业的研究。",
	}})
}

// TestNonCommercialByStructure: commercial use withheld in wordings other
// than "non-commercial only": a list of banned purposes that begins with
// commercial, a standard license given for non-commercial use, a
// permission conditioned on a non-commercial setting, commercial use
// needing the licensor's agreement when the party is not "you". A
// sentence that says what non-commercial purposes are is a definition, not
// a clause; a contact line for commercial use restates the limit the
// other clauses state (TestCommercialContactRestates). Every case lists
// all hits its text gives.
func TestNonCommercialByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "commercial use withheld in other words",
		text: "Any other use, in particular any use for commercial, military, or surveillance, purposes is prohibited.\n\n" +
			"The Weights are provided under the MIT License for non-commercial use.\n\n" +
			"This includes evaluation and participation in competitions, provided that such participation is in a non-commercial context.\n\n" +
			"If the Licensee is a company and wishes to use the Weights for commercial use, the Licensee must first contact Zeta for a commercial license.\n\n" +
			"For commercial uses of the Weights, please send email to license@example.org\n\n" +
			"If you wish to obtain the Weights for any commercial purposes, you will need to execute a separate licensing agreement with Zeta.",
		want: []phrase{
			{nc, "Any other use, in particular any use for commercial, military, or surveillance, purposes is prohibited.", nil},
			{nc, "The Weights are provided under the MIT License for non-commercial use.", nil},
			{nc, "This includes evaluation and participation in competitions, provided that such participation is in a non-commercial context.", nil},
			{nc, "If the Licensee is a company and wishes to use the Weights for commercial use, the Licensee must first contact Zeta for a commercial license.", nil},
			{nc, "If you wish to obtain the Weights for any commercial purposes, you will need to execute a separate licensing agreement with Zeta.", nil},
		},
	}, {
		name: "no hit: what non-commercial purposes are, an upstream work's license",
		text: "c. \"Non-Commercial Purpose\" means any of the following uses, but only so far as you do not receive any payment arising from the use of the Weights.\n\n" +
			"Non-commercial purposes include any of the following uses of the model, but only so far as you do not receive any payment.\n\n" +
			"(F) ZetaCLIP available here:\nhttps://github.com/zeta/zetaclip/\nmade available under the following (Attribution-NonCommercial 4.0 International) license:\nhttps://github.com/zeta/zetaclip/blob/main/LICENSE",
	}})
}

// TestTermLimitsByStructure: a restriction put in a definition reaches
// the sentences that apply the term in further structures ("only in
// connection with the Permitted Purpose", "shall adhere to the Permitted
// Purpose", "for Personal uses only"), also when a line break splits the
// term, and the definition itself then gives no hit though its pattern
// reads definitions. Every case lists all hits its text gives.
func TestTermLimitsByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "RAIL-style permitted purpose",
		text: "(m) \"Permitted Purpose\" means for academic or research purposes only.\n\n" +
			"2. Grant of Copyright License. Each Contributor hereby grants to You, only in connection with the Permitted\nPurpose, a worldwide copyright license to reproduce the Artifact.\n\n" +
			"You and any Third Party recipients of the Artifact shall adhere to the Permitted Purpose.",
		want: []phrase{
			{ro, "Each Contributor hereby grants to You, only in connection with the Permitted\nPurpose, a worldwide copyright license to reproduce the Artifact.", nil},
			{pass, "You and any Third Party recipients of the Artifact shall adhere to the Permitted Purpose.", nil},
			{ro, "You and any Third Party recipients of the Artifact shall adhere to the Permitted Purpose.", nil},
		},
	}, {
		name: "the same in Chinese",
		text: "“许可用途”是指仅限学术研究。\n各贡献者仅就许可用途向您授予全球性的版权许可。\n您及任何第三方接收者应遵守许可用途。",
		want: []phrase{
			{ro, "各贡献者仅就许可用途向您授予全球性的版权许可。", nil},
			{pass, "您及任何第三方接收者应遵守许可用途。", nil},
			{ro, "您及任何第三方接收者应遵守许可用途。", nil},
		},
	}, {
		name: "a use narrowed to a term whose body names its purposes after what it applies to",
		text: "You shall only use the Weights, Derivatives (whether or not created by Zeta) and Outputs for Research Purposes.\n\n" +
			"\"Research Purposes\": means any use of a Zeta Model, Derivative, or Output that is solely for (a) personal, scientific or academic research, and (b) for non-profit and non-commercial purposes.",
		want: []phrase{
			{ro, "You shall only use the Weights, Derivatives (whether or not created by Zeta) and Outputs for Research Purposes.", nil},
			{output, "You shall only use the Weights, Derivatives (whether or not created by Zeta) and Outputs for Research Purposes.", nil},
			{nc, "You shall only use the Weights, Derivatives (whether or not created by Zeta) and Outputs for Research Purposes.", nil},
		},
	}, {
		name: "personal uses only",
		text: "\"Personal\" means any use that is solely for personal, non-profit and non-commercial purposes.\n\n" +
			"You may use and copy the Materials for Personal uses only.",
		want: []phrase{
			{nc, "You may use and copy the Materials for Personal uses only.", nil},
		},
	}})
}

// TestLicenseLimitsPerListItem: the items of one lead-in that state a
// limit of the license are one finding of it, in whatever words (R8d);
// so are items that repeat one wording, and the sentences of one item.
func TestLicenseLimitsPerListItem(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "two items, two wordings",
		text: "You may distribute copies, provided that you meet the following conditions:\n\n" +
			"1. You must not distribute copies of the Model to, or for, any commercial entity; and\n" +
			"2. You must restrict the usage of any copies of the Model to usage for non-commercial purposes; and\n" +
			"3. You must give any other recipients a copy of this Agreement.",
		want: []phrase{
			{nc, "You must not distribute copies of the Model to, or for, any commercial entity; and\n" +
				"2. You must restrict the usage of any copies of the Model to usage for non-commercial purposes; and", nil},
			{pass, "You must restrict the usage of any copies of the Model to usage for non-commercial purposes; and", nil},
			{notice, "You must give any other recipients a copy of this Agreement.", nil},
		},
	}, {
		name: "two items, one wording; two sentences of one item",
		text: "Zeta grants you a license to:\n" +
			"i. reproduce and share the Weights for non-commercial purposes only; and\n" +
			"ii. produce and share adapted material for non-commercial purposes only.\n" +
			"iii. evaluate the Weights for non-commercial purposes only. Commercial use of the Weights is prohibited.",
		want: []phrase{
			{nc, "reproduce and share the Weights for non-commercial purposes only; and\n" +
				"ii. produce and share adapted material for non-commercial purposes only.\n" +
				"iii. evaluate the Weights for non-commercial purposes only. Commercial use of the Weights is prohibited.", nil},
		},
	}})
}

// TestLicenseLimitHeadings: a heading in capitals that names the limit
// gives no finding of its own when a clause of the text says it; alone,
// it is the finding.
func TestLicenseLimitHeadings(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "heading and clause",
		text: "SOFTWARE LICENSE AGREEMENT\nACADEMIC OR NON-PROFIT ORGANIZATION NONCOMMERCIAL RESEARCH USE ONLY\n\n" +
			"Zeta grants to Licensee a license to use the Weights for noncommercial research purposes.",
		want: []phrase{
			{ro, "Zeta grants to Licensee a license to use the Weights for noncommercial research purposes.", nil},
			{nc, "Zeta grants to Licensee a license to use the Weights for noncommercial research purposes.", nil},
		},
	}, {
		name: "heading alone",
		text: "SOFTWARE LICENSE AGREEMENT\nACADEMIC OR NON-PROFIT ORGANIZATION NONCOMMERCIAL RESEARCH USE ONLY\n\n" +
			"Zeta grants to Licensee a license to use the Weights as set out below.",
		want: []phrase{
			{nc, "ACADEMIC OR NON-PROFIT ORGANIZATION NONCOMMERCIAL RESEARCH USE ONLY", nil},
			{ro, "ACADEMIC OR NON-PROFIT ORGANIZATION NONCOMMERCIAL RESEARCH USE ONLY", nil},
		},
	}})
}

// TestIndentedListItems: items set off from their lead-in by indentation
// alone, without markers, are read with the lead-in's actor and modality.
func TestIndentedListItems(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "indented items under a lead-in",
		text: "    RESTRICTIONS. The Licensee shall not:\n\n" +
			"        Use, modify, or distribute the Model for commercial purposes without receiving a commercial license.\n\n" +
			"        Sublicense, assign, or transfer the Model without Licensor's prior written consent.\n\n" +
			"OWNERSHIP. Licensor retains all right, title, and interest in and to the Model.",
		want: []phrase{
			{nc, "Use, modify, or distribute the Model for commercial purposes without receiving a commercial license.", nil},
		},
	}})
}
