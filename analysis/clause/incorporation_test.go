package clause

import "testing"

// TestIncorporationByStructure: what makes a reference to another document
// binding (your use must comply with it, is subject to it, is conditioned
// on it), and what leaves it a mere link or mention (the original of this
// very text, a standard license named with its version, a registration
// form, an arbitration centre's rules, a document the text itself holds).
// Every case lists all hits its text gives, with their byte ranges.
func TestIncorporationByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a policy bound by name, without its address",
		text: "You must comply with Zeta's Acceptable Use Policy, as well as all applicable laws.\n" +
			"You may use the Weights only in accordance with this Agreement and the Acceptable Use Policy.\n" +
			"Use of the Weights will be consistent with Zeta's Human Rights Policy.\n" +
			"Your use of the Weights must adhere to the Service Agreement.\n" +
			"Derivatives remain subject to all obligations and restrictions of the Acme Community License Agreement.\n" +
			"This model is subject to the terms of this License Agreement.",
		want: []phrase{
			{policy, "You must comply with Zeta's Acceptable Use Policy, as well as all applicable laws.", map[string]any{"document": "Acceptable Use Policy"}},
			{policy, "You may use the Weights only in accordance with this Agreement and the Acceptable Use Policy.", map[string]any{"document": "Acceptable Use Policy"}},
			{policy, "Use of the Weights will be consistent with Zeta's Human Rights Policy.", map[string]any{"document": "Human Rights Policy"}},
			{policy, "Your use of the Weights must adhere to the Service Agreement.", map[string]any{"document": "Service Agreement"}},
			{policy, "Derivatives remain subject to all obligations and restrictions of the Acme Community License Agreement.", map[string]any{"document": "Acme Community License Agreement"}},
			// and derivatives kept under its restrictions pass them on
			{pass, "Derivatives remain subject to all obligations and restrictions of the Acme Community License Agreement.", nil},
		},
	}, {
		name: "Chinese: a policy bound by its name in 《》",
		text: "您对本模型的使用必须遵守《可接受使用政策》。\n您应当遵守《隐私政策》中关于个人信息的约定。",
		want: []phrase{
			{policy, "您对本模型的使用必须遵守《可接受使用政策》。", map[string]any{"document": "可接受使用政策"}},
		},
	}, {
		name: "a policy named by a Markdown link in a list item",
		text: "You must not use the Weights:\n\n1.  for the restricted uses set forth in the\n    [Zeta Prohibited Use Policy](https://zeta.example/pup);\n    or\n2.  in violation of applicable laws.",
		// a ban whose items are a policy and the law lists no use (R8a)
		want: []phrase{
			{policy, "for the restricted uses set forth in the\n    [Zeta Prohibited Use Policy](https://zeta.example/pup);\n    or", map[string]any{"url": "https://zeta.example/pup"}},
		},
	}, {
		name: "a policy named again in another section is another clause",
		text: "You may use the Weights commercially if you follow the guardrails of the Acceptable Use Policy (https://zeta.example/aup).\n\n" +
			"You must comply with the Acceptable Use Policy.",
		want: []phrase{
			{policy, "You may use the Weights commercially if you follow the guardrails of the Acceptable Use Policy (https://zeta.example/aup).", map[string]any{"url": "https://zeta.example/aup"}},
			{policy, "You must comply with the Acceptable Use Policy.", map[string]any{"document": "Acceptable Use Policy"}},
		},
	}, {
		name: "the address a definition gives goes to the clauses that bind you",
		text: "\"Acceptable Use Policy\" means the policy hosted at https://zeta.example/aup.\n\n" +
			"Your use of the Weights must comply with the Acceptable Use Policy at all times. You shall procure that your users comply with the Acceptable Use Policy.",
		want: []phrase{
			{policy, "Your use of the Weights must comply with the Acceptable Use Policy at all times. You shall procure that your users comply with the Acceptable Use Policy.", map[string]any{"document": "Acceptable Use Policy", "url": "https://zeta.example/aup"}},
			// your users made to keep the policy: a pass-through duty
			{pass, "You shall procure that your users comply with the Acceptable Use Policy.", nil},
		},
	}, {
		name: "no hit: a policy the text holds, generic policies, privacy, a quoted notice",
		text: "Your use of the Weights must comply with the Acceptable Use Policy, which is hereby incorporated by reference into this Agreement.\n" +
			"Licensees must tell their users that the Weights are subject to Section 4, including all use restrictions and acceptable use policies.\n" +
			"How we use your registration data is described in our Privacy Policy, with which we comply.\n" +
			"\"Zeta is provided under and subject to the Zeta Terms of Use.\"\n\n" +
			"Exhibit A: Acceptable Use Policy\n\n" +
			"1. Be kind.",
	}, {
		name: "no hit: the original of this text, a versioned standard license, a title, registration, arbitration",
		text: "[For the original license, see https://zeta.example/license.pdf]\n\n" +
			"Zeta Public Model License 1.0\nhttps://zeta.example/zpml.txt\n\n" +
			"The ImageNet tools available here: https://github.com/foo/tools made available under the following (Apache 2.0) license: https://github.com/foo/tools/blob/main/LICENSE\n\n" +
			"A summary of the CC BY-NC-SA 4.0 license is located here: https://creativecommons.org/licenses/by-nc-sa/4.0/\n\n" +
			"Please see www.zeta.example if you would like a commercial license.\n\n" +
			"如需商用，请点击以下链接进行登记：https://zeta.example/llm-license.html。\n\n" +
			"Disputes shall be resolved by arbitration under the Arbitration Rules of the Zeta Centre, which rules are deemed to be incorporated by reference in this clause.",
	}})
}
