package clause

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestDutyClasses: attribution and notice duties read as a modality over a
// class of actions or objects (analysis/kb/lexicons.yaml), worded as no
// other test words them (made-up texts). Every case lists all hits it
// gives, at their exact byte ranges.
func TestDutyClasses(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "credit as the condition of a permission or a requirement",
		text: "You may use the Model for any purpose with proper attribution to Zeta.\n\n" +
			"Use of the Model is subject to attribution to Zeta in any publication.\n\n" +
			"This license requires attribution to the original authors.\n\n" +
			"Attribution is required for any public use of the Model.",
		want: []phrase{
			{attr, "You may use the Model for any purpose with proper attribution to Zeta.", nil},
			{attr, "Use of the Model is subject to attribution to Zeta in any publication.", nil},
			{attr, "This license requires attribution to the original authors.", nil},
			{attr, "Attribution is required for any public use of the Model.", nil},
		},
	}, {
		name: "credit by naming the source, the author or a citable work",
		text: "Licensee must name Zeta as the source of the Model.\n\n" +
			"In any academic publication, you shall reference the Zeta technical report.\n\n" +
			"You must mention Zeta in the credits of your product.\n\n" +
			"Products that use the Model must identify it as \"Zeta Model\".\n\n" +
			"The Model must be cited in any paper that uses it.",
		want: []phrase{
			{attr, "Licensee must name Zeta as the source of the Model.", nil},
			{attr, "In any academic publication, you shall reference the Zeta technical report.", nil},
			{attr, "You must mention Zeta in the credits of your product.", nil},
			{attr, "Products that use the Model must identify it as \"Zeta Model\".", map[string]any{"text": "Zeta Model"}},
			{attr, "The Model must be cited in any paper that uses it.", nil},
		},
	}, {
		name: "credit in Chinese: the source or the author named, a citation agreed to",
		text: "您在发布基于本模型的成果时，须在显著位置注明本模型的出处。您应当在产品说明中标明模型来源及原作者。使用者同意在论文中引用本模型。",
		want: []phrase{
			{attr, "您在发布基于本模型的成果时，须在显著位置注明本模型的出处。", nil},
			{attr, "您应当在产品说明中标明模型来源及原作者。", nil},
			{attr, "使用者同意在论文中引用本模型。", nil},
		},
	}, {
		name: "the license or its notices kept: a verb of keeping over its object",
		text: "Copies of the Model must contain this notice.\n\n" +
			"All copies must carry the original license file.\n\n" +
			"Distribution is conditional on including this License.\n\n" +
			"You must preserve the NOTICE file.\n\n" +
			"Keep this file intact.\n\n" +
			"The copyright notice must remain intact in every copy.",
		want: []phrase{
			{notice, "Copies of the Model must contain this notice.", nil},
			{notice, "All copies must carry the original license file.", nil},
			{notice, "Distribution is conditional on including this License.", nil},
			{notice, "You must preserve the NOTICE file.", nil},
			{notice, "Keep this file intact.", nil},
			{notice, "The copyright notice must remain intact in every copy.", nil},
		},
	}, {
		name: "a copy of the license after whom it goes to; the license kept beside the copies; a requirement",
		text: "You must give any third-party recipients of the Weights a copy of this License.\n\n" +
			"Distribute the Weights in each case with a copy of this Agreement, provided that you pay the fee.\n\n" +
			"If the Weights are distributed, this Agreement shall be distributed alongside them.\n\n" +
			"Redistribution requires including this license with the Model.\n\n" +
			"You must retain in all copies of the Weights the following attribution notice: Zeta Weights by Zeta Inc.\n\n" +
			"Any distribution of the Model must be accompanied by the copyright notice and this license.\n\n" +
			"You may obtain a copy of the License at the Zeta website, provided that you register.",
		want: []phrase{
			{notice, "You must give any third-party recipients of the Weights a copy of this License.", nil},
			{notice, "Distribute the Weights in each case with a copy of this Agreement, provided that you pay the fee.", nil},
			{notice, "If the Weights are distributed, this Agreement shall be distributed alongside them.", nil},
			{notice, "Redistribution requires including this license with the Model.", nil},
			{notice, "You must retain in all copies of the Weights the following attribution notice: Zeta Weights by Zeta Inc.", nil},
			{notice, "Any distribution of the Model must be accompanied by the copyright notice and this license.", nil},
		},
	}, {
		name: "credit required of you, or as the subject of a duty, or a mention of the work",
		text: "Use of the Model requires that you cite the following paper.\n\n" +
			"The following attribution must be included in any product built with the Model: Uses Zeta.\n\n" +
			"Your product documentation must mention the Model.",
		want: []phrase{
			{attr, "Use of the Model requires that you cite the following paper.", nil},
			{attr, "The following attribution must be included in any product built with the Model: Uses Zeta.", nil},
			{attr, "Your product documentation must mention the Model.", nil},
		},
	}, {
		name: "bans on taking notices away, also as an item of banned acts",
		text: "You may not remove, obfuscate, or alter any copyright, trademark or attribution notice in the Model.\n\n" +
			"You must not delete or alter the license file.\n\n" +
			"You shall not delete the license agreement from the package.\n\n" +
			"Prohibited conduct. You shall not:\n" +
			"- Removing or modifying any copyright, attribution, or license information;\n" +
			"- Selling access to the Model.",
		want: []phrase{
			{notice, "You may not remove, obfuscate, or alter any copyright, trademark or attribution notice in the Model.", nil},
			{notice, "You must not delete or alter the license file.", nil},
			{notice, "You shall not delete the license agreement from the package.", nil},
			{notice, "Removing or modifying any copyright, attribution, or license information;", nil},
		},
	}, {
		// The quote's own "must" binds the readers of the copies; the
		// next numbered section is no item of the lead-in in "3.".
		name: "a quoted notice that states duties of its own, then the next section",
		text: "3. Notice. You must include the following notice with every copy of the Model:\n\n" +
			"\"Zeta Model, Copyright 2025 Zeta Inc.\nLicensed under the Zeta License.\nRedistributions must retain this notice.\nAny publication must cite the Zeta paper.\"\n\n" +
			"4. Other. You may not remove any copyright notices.",
		want: []phrase{
			{notice, "You must include the following notice with every copy of the Model:", nil},
			{notice, "You may not remove any copyright notices.", nil},
		},
	}, {
		name: "notices kept and not removed, in Chinese",
		text: "您不得篡改或隐藏本模型中的许可信息。您须在分发的副本中一并提供本许可证。本模型的版权信息应附在每一份拷贝之后。",
		want: []phrase{
			{notice, "您不得篡改或隐藏本模型中的许可信息。", nil},
			{notice, "您须在分发的副本中一并提供本许可证。", nil},
			{notice, "本模型的版权信息应附在每一份拷贝之后。", nil},
		},
	}})
}

// TestDutyClassesSilent: permissions, wishes, the licensor's own
// undertakings, facts acknowledged and other senses of the class words
// give no finding.
func TestDutyClassesSilent(t *testing.T) {
	k := kb.Default()
	for _, text := range []string{
		"You may cite the Model in publications.",
		// items under a permission are what you may do, even worded as
		// imperatives
		"Subject to this Agreement, you may:\n(a) cite the Model in publications;\n(b) include this License in your own distributions;\n(c) attribute your results to the Model.",
		"You are permitted to:\n- acknowledge Zeta in your paper;\n- credit the authors.",
		"您可以：\n（1）在论文中引用本模型；\n（2）保留本协议的副本。",
		"We would appreciate a citation if you use the Model.",
		"Please cite our paper if you use the Model.",
		"Attribution to Zeta is encouraged but not required.",
		"Attribution is optional.",
		"You may use the Model without attribution.",
		"Nothing in this license requires attribution.",
		"You must acknowledge that the Model is provided as is.",
		"Licensee must pay by credit card.",
		"You must publish the source code of your product.",
		"You must describe the data sources you used.",
		"You must not state that Zeta endorses your product.",
		"The components are subject to their own licenses, including any proprietary notices.",
		"You may include a copy of this License with the Model.",
		"You may remove the notice from your own files.",
		"You may not modify the terms of this License.",
		"We will retain the copyright notice in our releases.",
		"\"Zeta is licensed under the Zeta License. You may not remove this notice.\"",
		"You accept and agree to be bound by the terms of this Creative Commons Attribution-NonCommercial 4.0 International Public License.",
		"欢迎您在论文中引用本模型。",
		"您必须遵守《某某模型使用政策》，该政策通过引用并入本协议。",
		"您可以在论文中引用本模型。",
		"您须说明训练数据来源。",
		"我们将保留本协议的副本。",
	} {
		for _, h := range Detect(k, []byte(text)) {
			if h.Code == attr || h.Code == notice {
				t.Errorf("%q: %s (%s) on %q", text, h.Code, h.Pattern, text[h.Start:h.End])
			}
		}
	}
}
