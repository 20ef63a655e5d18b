package clause

import "testing"

// TestSectionHeadingEndsList: a numbered section's title on a line of its
// own ("三、知识产权", "4. Termination"), marked unlike the items before
// it, ends the list of the lead-in above it: the numbered paragraphs
// under it are clauses of their own, not further items that join the
// lead-in's findings. Items marked like the ones before them stay items
// however short.
func TestSectionHeadingEndsList(t *testing.T) {
	revocable := map[string]any{"condition": "revocable"}
	breach := map[string]any{"condition": "breach"}
	suit := map[string]any{"condition": "litigation"}
	runPhraseCases(t, []phraseCase{{
		name: "zh: a revocable grant's list, then sections with termination clauses",
		text: "二、许可\n许可方授予您可撤销的许可，但您必须遵守以下条件：\n1.您不得将本模型用于军事目的。\n2.您应当保留版权声明。\n" +
			"三、权利归属\n1.模型的知识产权归我们所有。\n2.如果您对我们提起专利诉讼，您的许可将自动终止。\n" +
			"四、期限\n1.如果您违反本协议，我们有权终止本协议。\n",
		want: []phrase{
			{remote, "许可方授予您可撤销的许可，但您必须遵守以下条件：", revocable},
			{use, "您不得将本模型用于军事目的。", nil},
			{notice, "您应当保留版权声明。", nil},
			{remote, "如果您对我们提起专利诉讼，您的许可将自动终止。", suit},
			{remote, "如果您违反本协议，我们有权终止本协议。", breach},
		},
	}, {
		name: "zh: a section title after items in brackets",
		text: "您必须遵守以下规定：\n（1）不得将模型用于监控；\n（2）不得将模型用于军事用途。\n五、协议终止\n1、若您违反本协议，许可方有权终止本协议。\n",
		want: []phrase{
			{use, "不得将模型用于监控；\n（2）不得将模型用于军事用途。", nil},
			{remote, "若您违反本协议，许可方有权终止本协议。", breach},
		},
	}, {
		name: "en: roman section titles after numbered items",
		text: "Zeta grants you a revocable license, but you must meet the following conditions:\n1. You must not use the Model for weapons development.\n2. You must keep all copyright notices.\n" +
			"III. Ownership\n1. The Model belongs to Zeta.\n2. If you sue Zeta for patent infringement, your license terminates automatically.\nIV. Term\n1. Zeta may terminate this Agreement if you breach it.\n",
		want: []phrase{
			{remote, "Zeta grants you a revocable license, but you must meet the following conditions:", revocable},
			{use, "You must not use the Model for weapons development.", nil},
			{notice, "You must keep all copyright notices.", nil},
			{remote, "If you sue Zeta for patent infringement, your license terminates automatically.", nil},
			{remote, "Zeta may terminate this Agreement if you breach it.", breach},
		},
	}, {
		// Negative: short items marked like the items before them are
		// items of the ban, one finding for the list.
		name: "zh: short items marked alike stay items",
		text: "您不得将本模型用于以下用途：\n一、军事用途\n二、监控活动\n三、生成虚假信息\n",
		want: []phrase{
			{use, "您不得将本模型用于以下用途：\n一、军事用途\n二、监控活动\n三、生成虚假信息", nil},
		},
	}, {
		// Negative: an item that is a sentence, not a title, marked
		// otherwise is still read under the lead-in.
		name: "en: a differently marked item that is a sentence stays an item",
		text: "You shall not:\n(a) use the Model for surveillance;\n2. use the Model to develop weapons.\n",
		want: []phrase{
			{use, "You shall not:\n(a) use the Model for surveillance;\n2. use the Model to develop weapons.", nil},
		},
	}})
}
