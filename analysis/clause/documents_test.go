package clause

import "testing"

// TestBoundToDocument: a relation that binds you (lexicon binding-zh) over
// a document other than this text (lexicon document-zh, or a name in 《》),
// or a document made part of this text by a relation after it (lexicon
// incorporation-zh), in made-up wordings; every case lists all hits.
func TestBoundToDocument(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
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
// restates the grant and restricts nothing more.
func TestUseOutsideGrantRestated(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "no hit: uses outside the grant",
		text: "You shall not use the Weights in any way that is not expressly permitted by this Agreement.\n" +
			"You may not use the Model in any manner not authorized under these Terms.",
	}, {
		name: "a named field stays a use restriction",
		text: "You shall not use the Weights for military purposes.",
		want: []phrase{{"clause/use-restriction", "You shall not use the Weights for military purposes.", nil}},
	}})
}
