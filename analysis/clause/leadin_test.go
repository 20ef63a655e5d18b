package clause

import "testing"

// TestListLeadIns: items of a list read with their lead-in's actor and
// modality, and the other wordings of the second held-out round. The texts
// are made up; every case lists all hits it gives.
func TestListLeadIns(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a ban stated once in the lead-in reaches the item (notice kept)",
		text: "Licensee agrees that it will not:\n\n(a) resell access to the Weights;\n\n(b) strip or alter any copyright or attribution notices found in the Weights.",
		want: []phrase{
			{notice, "strip or alter any copyright or attribution notices found in the Weights.", nil},
		},
	}, {
		name: "a duty stated once in the lead-in reaches the item (copy of the license)",
		text: "Whoever passes the Weights on must:\n\n1. provide a copy of this License with them;\n\n2. tell us by e-mail.",
		want: []phrase{
			{notice, "provide a copy of this License with them;", nil},
		},
	}, {
		name: "the lead-in's own finding stands for the items that repeat it",
		text: "You will not use the Weights, and will not permit others to use them:\n(i) to build weapons;\n(ii) for military purposes.",
		want: []phrase{
			{use, "You will not use the Weights, and will not permit others to use them:\n(i) to build weapons;\n(ii) for military purposes.", nil},
		},
	}, {
		name: "items of a definitions list stay definitions",
		text: "In this License the following terms shall have these meanings:\n(a) \"Output\" means anything the model makes for commercial purposes only.",
		want: nil,
	}, {
		name: "a lead-in ending in a bare 'to', items marked '- a.' (keywords across prefix and item)",
		text: "You will not, and will not permit any third party to\n- a. use the Weights (version 2.1) for weapons research;\n- b. obscure the copyright notices of the Weights;",
		want: []phrase{
			{use, "You will not, and will not permit any third party to\n- a. use the Weights (version 2.1) for weapons research;", nil},
			{notice, "b. obscure the copyright notices of the Weights;", nil},
		},
	}, {
		name: "an inline list after may not",
		text: "You may not: (a) sell the Weights; (b) obscure or remove any proprietary notices on the Weights.",
		want: []phrase{
			{notice, "You may not: (a) sell the Weights; (b) obscure or remove any proprietary notices on the Weights.", nil},
			// a ban stated as an inline list restricts use
			{use, "You may not: (a) sell the Weights; (b) obscure or remove any proprietary notices on the Weights.", nil},
		},
	}})
}

func TestMoreWordings(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "license statement in all copies",
		text: "This license statement shall be included in each copy of the Weights.",
		want: []phrase{{notice, "This license statement shall be included in each copy of the Weights.", nil}},
	}, {
		name: "redistribution only if under this license, with a complete copy",
		text: "You may distribute the Weights only if you do so under this License and you include a complete copy of this License.",
		want: []phrase{
			{notice, "You may distribute the Weights only if you do so under this License and you include a complete copy of this License.", nil},
			{sa, "You may distribute the Weights only if you do so under this License and you include a complete copy of this License.", nil},
		},
	}, {
		name: "derivatives remain subject to the agreement",
		text: "If you distribute the Weights or Derivative Works, the Derivative Works will remain subject to this Agreement.",
		want: []phrase{{sa, "If you distribute the Weights or Derivative Works, the Derivative Works will remain subject to this Agreement.", nil}},
	}, {
		name: "your terms must carry the limitation",
		text: "You may apply other terms to your changes (\"Your Terms\") only if Your Terms provide that the field-of-use limitation in Section 4 applies to them.",
		want: []phrase{{pass, "You may apply other terms to your changes (\"Your Terms\") only if Your Terms provide that the field-of-use limitation in Section 4 applies to them.", nil}},
	}, {
		name: "termination with or without cause, and on a patent claim",
		text: "Zeta may revoke this grant at any time, with or without cause. If you bring a patent claim against Zeta, the grant of Section 2.1 will terminate.",
		want: []phrase{
			{remote, "Zeta may revoke this grant at any time, with or without cause.", nil},
			{remote, "If you bring a patent claim against Zeta, the grant of Section 2.1 will terminate.", map[string]any{"condition": "litigation"}},
		},
	}, {
		name: "commercial use prohibited, or needing approval",
		text: "Any commercial application of the Weights is strictly prohibited.\nIf you want to use the Weights for commercial products, contact Zeta for approval.",
		want: []phrase{
			{nc, "Any commercial application of the Weights is strictly prohibited.", nil},
			{nc, "If you want to use the Weights for commercial products, contact Zeta for approval.", nil},
		},
	}, {
		name: "commercial use by free registration is not a non-commercial grant",
		text: "If you want to use the Weights for commercial products, complete the registration form to get permission.",
		want: nil,
	}, {
		name: "an assignment the license forbids ends it: termination on breach",
		text: "You may not assign this License without Zeta's consent; any such assignment will be void and will automatically and immediately terminate this License.",
		want: []phrase{{remote, "You may not assign this License without Zeta's consent; any such assignment will be void and will automatically and immediately terminate this License.", map[string]any{"condition": "breach"}}},
	}, {
		name: "Chinese: commercial use that needs no application; a liability disclaimer",
		text: "本模型支持商业用途，如您计划将本模型用于商业目的，无需再次申请。除适用法律禁止的范围外，发布方均不对您承担因使用本模型造成的任何损失。",
		want: nil,
	}, {
		name: "two license URLs in one sentence are two references",
		text: "For the large version, the Alpha license (https://alpha.example/license) and the Beta license (https://beta.example/LICENSE) apply as well.",
		want: []phrase{
			{policy, "For the large version, the Alpha license (https://alpha.example/license) and the Beta license (https://beta.example/LICENSE) apply as well.", map[string]any{"url": "https://alpha.example/license"}},
			{policy, "For the large version, the Alpha license (https://alpha.example/license) and the Beta license (https://beta.example/LICENSE) apply as well.", map[string]any{"url": "https://beta.example/LICENSE"}},
		},
	}, {
		name: "a policy named without its address is not reported again when its URL is given",
		text: "You must follow the Acceptable Use Policy, which is hereby incorporated by reference into this Agreement. The Acceptable Use Policy is at https://zeta.example/aup and binds you.",
		want: []phrase{
			{policy, "The Acceptable Use Policy is at https://zeta.example/aup and binds you.", map[string]any{"url": "https://zeta.example/aup"}},
		},
	}, {
		name: "academic research grant",
		text: "This license permits you to use the Weights for free for academic research purposes.",
		want: []phrase{{ro, "This license permits you to use the Weights for free for academic research purposes.", nil}},
	}, {
		name: "names to prepend",
		text: "Models trained on the Weights must prepend \"Zeta\" to their names.",
		want: []phrase{{naming, "Models trained on the Weights must prepend \"Zeta\" to their names.", map[string]any{"prefix": "Zeta"}}},
	}, {
		name: "data produced by the model",
		text: "You shall not use any data produced by the Weights for profit.",
		want: []phrase{
			{use, "You shall not use any data produced by the Weights for profit.", nil},
			{output, "You shall not use any data produced by the Weights for profit.", nil},
		},
	}, {
		name: "Chinese: academic research grant, commercial use by application, name beginning, outputs claimed human",
		text: "本许可允许您免费使用本模型进行学术研究。如需将本模型用于商业用途，请提交申请。您应在衍生模型名称的开头添加“Zeta”。您不得声称模型的生成内容是人类的作品。",
		want: []phrase{
			{ro, "本许可允许您免费使用本模型进行学术研究。", nil},
			{nc, "如需将本模型用于商业用途，请提交申请。", nil},
			{naming, "您应在衍生模型名称的开头添加“Zeta”。", map[string]any{"prefix": "Zeta"}},
			{output, "您不得声称模型的生成内容是人类的作品。", nil},
		},
	}})
}
