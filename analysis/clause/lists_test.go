package clause

import "testing"

// TestOneFindingPerCodePerList: the items of one lead-in that give one
// code are one finding of it, from the first of them to the last (R8d of
// the labels' GUIDE.md); items of another code keep their own finding of
// it; two lead-ins are two lists; numbered paragraphs under a heading are
// no list, and a sentence after the list is no item. Items set off by
// blank lines are items all the same.
func TestOneFindingPerCodePerList(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a list of notice conditions is one notice duty",
		text: "You may distribute the Model provided that:\n\n" +
			"(a) you give any other recipients of the Model a copy of this License;\n\n" +
			"(b) you cause any modified files to carry prominent notices stating that you changed the files;\n\n" +
			"(c) you retain all copyright notices of the Model; and\n\n" +
			"(d) you include a readable copy of the NOTICE file with every copy.\n" +
			"You may add your own copyright statement to your modifications.",
		want: []phrase{
			{notice, "you give any other recipients of the Model a copy of this License;\n\n" +
				"(b) you cause any modified files to carry prominent notices stating that you changed the files;\n\n" +
				"(c) you retain all copyright notices of the Model; and\n\n" +
				"(d) you include a readable copy of the NOTICE file with every copy.", nil},
		},
	}, {
		// (i) after (h) is the ninth letter, not a roman numeral that
		// would open a list of its own.
		name: "a lone (i) on a list of letters is its ninth item",
		text: "You shall not:\n\n(a) share the Outputs with a competitor;\n\n(b) do the second thing;\n\n(c) do the third thing;\n\n" +
			"(d) do the fourth thing;\n\n(e) do the fifth thing;\n\n(f) do the sixth thing;\n\n(g) do the seventh thing;\n\n" +
			"(h) do the eighth thing;\n\n(i) publish the Outputs in a public registry.",
		want: []phrase{
			// The bare ban of the lead-in bans the acts its items name that
			// no pattern reads ("do the second thing"), to the last of them.
			{use, "You shall not:\n\n(a) share the Outputs with a competitor;\n\n(b) do the second thing;\n\n(c) do the third thing;\n\n" +
				"(d) do the fourth thing;\n\n(e) do the fifth thing;\n\n(f) do the sixth thing;\n\n(g) do the seventh thing;\n\n" +
				"(h) do the eighth thing;", nil},
			{output, "share the Outputs with a competitor;\n\n(b) do the second thing;\n\n(c) do the third thing;\n\n" +
				"(d) do the fourth thing;\n\n(e) do the fifth thing;\n\n(f) do the sixth thing;\n\n(g) do the seventh thing;\n\n" +
				"(h) do the eighth thing;\n\n(i) publish the Outputs in a public registry.", nil},
		},
	}, {
		// The lead-in's finding joined the sentence before it on its
		// line; the list's item on the outputs joins that finding.
		name: "a lead-in that joined the sentence before it opens its list with that finding",
		text: "When using the Outputs, you will comply with the Policy. In addition, you agree not to use the Outputs in any of the following ways:\n" +
			"(a) to harass people;\n" +
			"(b) to publish generated images without disclosing that they are AI-generated.",
		want: []phrase{
			{output, "When using the Outputs, you will comply with the Policy. In addition, you agree not to use the Outputs in any of the following ways:\n" +
				"(a) to harass people;\n" +
				"(b) to publish generated images without disclosing that they are AI-generated.", nil},
			// The banned use of item (a) joins the lead-in's ban (R8d).
			{use, "In addition, you agree not to use the Outputs in any of the following ways:\n" +
				"(a) to harass people;", nil},
		},
	}, {
		name: "a list of notice conditions is one notice duty, in Chinese",
		text: "您可以分发本模型，但前提是：\n\n" +
			"（1）您必须向任何接收者提供本协议的副本；\n\n" +
			"（2）您必须在修改过的文件中附上显著的声明，说明您修改了这些文件；\n\n" +
			"（3）您必须保留本模型的全部版权声明。",
		want: []phrase{
			{notice, "您必须向任何接收者提供本协议的副本；\n\n" +
				"（2）您必须在修改过的文件中附上显著的声明，说明您修改了这些文件；\n\n" +
				"（3）您必须保留本模型的全部版权声明。", nil},
		},
	}, {
		name: "items on outputs in a list of banned uses are one condition on the outputs",
		text: "You will not, and will not permit any third party to:\n" +
			"(a) use the Model for any military purposes;\n" +
			"(b) use the Outputs to train any other large language model;\n" +
			"(c) use the Model to track or monitor individuals without their consent;\n" +
			"(d) use the Outputs to develop any product that competes with the Model.",
		want: []phrase{
			// The lead-in bans uses itself: the finding starts with it.
			{use, "You will not, and will not permit any third party to:\n" +
				"(a) use the Model for any military purposes;\n" +
				"(b) use the Outputs to train any other large language model;\n" +
				"(c) use the Model to track or monitor individuals without their consent;", nil},
			{output, "use the Outputs to train any other large language model;\n" +
				"(c) use the Model to track or monitor individuals without their consent;\n" +
				"(d) use the Outputs to develop any product that competes with the Model.", nil},
		},
	}, {
		name: "items on outputs in a list of banned uses are one condition on the outputs, in Chinese",
		text: "您不得：\n" +
			"（一）将本模型用于任何军事目的；\n" +
			"（二）使用本模型的输出训练任何其他大语言模型；\n" +
			"（三）将本模型用于监控他人；\n" +
			"（四）使用本模型的输出开发与本模型竞争的产品。",
		want: []phrase{
			{use, "您不得：\n" +
				"（一）将本模型用于任何军事目的；\n" +
				"（二）使用本模型的输出训练任何其他大语言模型；\n" +
				"（三）将本模型用于监控他人；", nil},
			{output, "使用本模型的输出训练任何其他大语言模型；\n" +
				"（三）将本模型用于监控他人；\n" +
				"（四）使用本模型的输出开发与本模型竞争的产品。", nil},
		},
	}, {
		name: "two lead-ins are two lists",
		text: "You may distribute the Model provided that:\n\n" +
			"(a) you give any other recipients of the Model a copy of this License; and\n\n" +
			"(b) you retain all copyright notices of the Model.\n\n" +
			"If you modify the Model, you must:\n\n" +
			"(a) cause any modified files to carry prominent notices stating that you changed the files; and\n\n" +
			"(b) include a readable copy of the NOTICE file with every copy.",
		want: []phrase{
			{notice, "you give any other recipients of the Model a copy of this License; and\n\n" +
				"(b) you retain all copyright notices of the Model.", nil},
			{notice, "cause any modified files to carry prominent notices stating that you changed the files; and\n\n" +
				"(b) include a readable copy of the NOTICE file with every copy.", nil},
		},
	}, {
		name: "two lead-ins are two lists, in Chinese",
		text: "您可以分发本模型，但前提是：\n\n" +
			"（1）您必须向任何接收者提供本协议的副本；\n\n" +
			"（2）您必须保留本模型的全部版权声明。\n\n" +
			"如您修改本模型，您必须：\n\n" +
			"（1）在修改过的文件中附上显著的声明，说明您修改了这些文件；\n\n" +
			"（2）保留本模型的全部版权声明。",
		want: []phrase{
			{notice, "您必须向任何接收者提供本协议的副本；\n\n" +
				"（2）您必须保留本模型的全部版权声明。", nil},
			{notice, "在修改过的文件中附上显著的声明，说明您修改了这些文件；\n\n" +
				"（2）保留本模型的全部版权声明。", nil},
		},
	}, {
		name: "numbered paragraphs under a heading are no list",
		text: "4. Redistribution\n" +
			"4.1 You must give any other recipients of the Model a copy of this License.\n" +
			"4.2 You must give any other recipients of the Model a copy of this License with every copy.",
		want: []phrase{
			{notice, "You must give any other recipients of the Model a copy of this License.", nil},
			{notice, "You must give any other recipients of the Model a copy of this License with every copy.", nil},
		},
	}, {
		name: "numbered paragraphs under a heading are no list, in Chinese",
		text: "第四条 再分发\n" +
			"4.1 您必须向任何接收者提供本协议的副本；\n" +
			"4.2 您必须向任何接收者提供本协议的副本及全部版权声明。",
		want: []phrase{
			{notice, "您必须向任何接收者提供本协议的副本；", nil},
			{notice, "您必须向任何接收者提供本协议的副本及全部版权声明。", nil},
		},
	}})
}
