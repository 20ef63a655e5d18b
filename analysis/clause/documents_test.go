package clause

import "testing"

// TestBoundToDocument: a relation that binds you (lexicon zh-binding) over
// a document other than this text (lexicon zh-document, or a name in 《》),
// or a document made part of this text by a relation after it (lexicon
// zh-incorporation), in made-up wordings; every case lists all hits.
func TestBoundToDocument(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "English: a relation over another document, named, linked or neither",
		text: "Zeta Weights License\n\n" +
			"Your use of the Weights is restricted by the Zeta Responsible Use Guidelines.\n" +
			"You shall at all times observe the Code of Conduct of the Zeta community.\n" +
			"Derivatives remain subject to the terms and conditions of the Llama 3 Community License.\n" +
			"You must use the Weights in accordance with this Agreement and the [Usage Policy](USAGE_POLICY.md).\n" +
			"The Zeta Terms of Use shall constitute a part of this Agreement.\n" +
			"You must comply with the license of the underlying datasets.",
		want: []phrase{
			{policy, "Your use of the Weights is restricted by the Zeta Responsible Use Guidelines.", map[string]any{"document": "Zeta Responsible Use Guidelines"}},
			{policy, "You shall at all times observe the Code of Conduct of the Zeta community.", map[string]any{"document": "Code of Conduct"}},
			{policy, "Derivatives remain subject to the terms and conditions of the Llama 3 Community License.", map[string]any{"document": "Llama 3 Community License"}},
			{policy, "You must use the Weights in accordance with this Agreement and the [Usage Policy](USAGE_POLICY.md).", map[string]any{"document": "Usage Policy"}},
			{policy, "The Zeta Terms of Use shall constitute a part of this Agreement.", map[string]any{"document": "Zeta Terms of Use"}},
			{policy, "You must comply with the license of the underlying datasets.", map[string]any{"document": "license"}},
		},
	}, {
		name: "no hit: this text by reference or by its title, generic law and policy, a pointer, a carve-out, a grant's condition",
		text: "Zeta Weights License\n\n" +
			"Subject to the terms and conditions of this License, Zeta hereby grants you a license to use the Weights.\n" +
			"You must comply with the License and with all applicable laws and policies.\n" +
			"You agree to be bound by the Zeta Weights License.\n" +
			"For the original license, see the Llama 3 Community License.\n" +
			"This Agreement is governed by the laws of France, without regard to conflict of law principles.\n" +
			"Instead, such use shall be governed by the API terms of use published by Zeta.\n" +
			"Commercial use is subject to a separate commercial license agreement with Zeta.\n" +
			"You may use the Weights subject to this License, including only in accordance with the License.",
		// the commercial agreement is the non-commercial limit, not a reference
		want: []phrase{{"license/non-commercial", "Commercial use is subject to a separate commercial license agreement with Zeta.", nil}},
	}, {
		name: "Chinese: bound to a named document, before or after the relation",
		text: "甲模型许可协议\n\n您使用本模型时应当依照《某某社区行为准则》。\n" +
			"《某某模型使用规范》构成本协议的组成部分。\n" +
			"您须遵循甲公司发布的使用政策。",
		want: []phrase{
			{policy, "您使用本模型时应当依照《某某社区行为准则》。", map[string]any{"document": "《某某社区行为准则》"}},
			{policy, "《某某模型使用规范》构成本协议的组成部分。", map[string]any{"document": "《某某模型使用规范》"}},
			{policy, "您须遵循甲公司发布的使用政策。", map[string]any{"document": "甲公司发布的使用政策"}},
		},
	}, {
		name: "no hit: this text, its title, the law, a description, a pointer",
		text: "甲模型使用协议\n\n您应当依照本协议的条款使用模型。\n" +
			"您须遵守《中华人民共和国个人信息保护法》。\n" +
			"您应遵循使用地所适用的法律法规政策。\n" +
			"详情请参见《某某社区行为准则》。\n" +
			"您须遵守甲模型使用协议。\n" +
			"本协议受中华人民共和国法律管辖。",
	}})
}

// TestUseOutsideGrantRestated: a ban on uses the grant did not give
// restates the grant and restricts nothing more; a banning lead-in whose
// items are export bans lists no use of its own (a ban whose items are a
// policy and the law: kinds_test.go, R8a).
func TestUseOutsideGrantRestated(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a ban whose items are export bans",
		text: "You shall not:\n(a) export the Weights in violation of export control laws;\n(b) use the Weights in any embargoed country.",
		want: []phrase{{geo, "export the Weights in violation of export control laws;\n(b) use the Weights in any embargoed country.", nil}},
	}, {
		name: "no hit: uses outside the grant",
		text: "You shall not use the Weights in any way that is not expressly permitted by this Agreement.\n" +
			"You may not use the Model in any manner not authorized under these Terms.\n" +
			"You will not use the Weights for any purpose other than the Permitted Purpose.\n" +
			"Unless you agree to this Agreement, you may not use the Materials.\n" +
			"You may not use the Model after this Agreement terminates.\n" +
			"You will not use the Materials in breach of this Agreement.\n" +
			"Licensee shall not use the Model except as permitted under this Agreement.\n" +
			"You may not use the Zeta-7B Weights or any Derivatives without accepting these terms.\n" +
			"You shall not use the Model in violation of any applicable law or regulation.\n" +
			"您不得将本模型用于任何违法活动。\n您不得利用本模型从事违反法律法规的活动。\n" +
			"您不得将本模型用于侵犯他人合法权益的用途。\n未经许可方书面同意，您不得将本模型用于本协议未明确许可的用途。",
	}, {
		name: "a named field stays a use restriction, with the law or a condition beside it",
		text: "You shall not use the Weights for military purposes.\n" +
			"You shall not use the Model in violation of any applicable law, or for military purposes.\n" +
			"You may not use the Model for surveillance except as permitted by law.\n" +
			"您不得将本模型用于军事用途或任何违法活动。\n您不得从事侵犯他人商业秘密的行为。",
		want: []phrase{
			{use, "You shall not use the Weights for military purposes.", nil},
			{use, "You shall not use the Model in violation of any applicable law, or for military purposes.", nil},
			{use, "You may not use the Model for surveillance except as permitted by law.", nil},
			{use, "您不得将本模型用于军事用途或任何违法活动。", nil},
			{use, "您不得从事侵犯他人商业秘密的行为。", nil},
		},
	}})
}
