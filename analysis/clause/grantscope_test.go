package clause

import "testing"

// TestGrantScopeFrames: the scope a grant or a ban gives, read as a frame
// over word classes (lexicons.yaml) in made-up wordings: a permission over
// any act of use or of passing on (grant-form), a purpose among the
// adjectives of the license granted, commercial rights kept apart
// (commercial-rights), a contact for any commercial object; and what
// limits nothing: a purpose inside a condition, a ban that holds only
// under conditions, a separate license to be freed of duties, a
// description of data, research beside a creative or demonstrative use,
// a permission over the outputs. Every case lists all hits its text
// gives.
func TestGrantScopeFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a permission over any act, limited to a purpose",
		text: "You may share and adapt the weights for non-commercial purposes.\n\n" +
			"You are free to modify the network for non-profit purposes.\n\n" +
			"Anyone may copy, modify and redistribute the checkpoints for personal or educational use.\n\n" +
			"You may use, reproduce, and redistribute the Model and create derivatives for research and benchmarking, subject to the restrictions in Section 4.",
		want: []phrase{
			{nc, "You may share and adapt the weights for non-commercial purposes.", nil},
			{nc, "You are free to modify the network for non-profit purposes.", nil},
			{nc, "Anyone may copy, modify and redistribute the checkpoints for personal or educational use.", nil},
			{ro, "You may use, reproduce, and redistribute the Model and create derivatives for research and benchmarking, subject to the restrictions in Section 4.", nil},
		},
	}, {
		name: "a permission over any act for a wider purpose, or over the outputs",
		text: "You may share the model for any purpose, commercial or non-commercial.\n\n" +
			"You are free to share and adapt the weights for any purpose, including commercial purposes.\n\n" +
			"You may share the generated images for personal projects.",
		want: nil,
	}, {
		name: "Chinese: a permission over acts for a purpose",
		text: "任何人可以为非商业目的复制、分享和修改模型。\n\n用户可以出于个人学习目的下载本模型。\n\n您可以为商业和非商业目的使用本模型。",
		want: []phrase{
			{nc, "任何人可以为非商业目的复制、分享和修改模型。", nil},
			{nc, "用户可以出于个人学习目的下载本模型。", nil},
		},
	}, {
		name: "a purpose among the adjectives of the license granted",
		text: "Each Contributor hereby grants to You a non-commercial, academic, perpetual, worldwide, royalty-free copyright license to reproduce the Work.\n\n" +
			"We grant you a non-exclusive, research-only license to use the Model.\n\n" +
			"Acme issues you a limited, revocable evaluation licence to test the software.\n\n" +
			"The Licensor grants you a non-exclusive, non-transferable, not-for-profit, royalty-free limited license under its rights to use the Materials.",
		want: []phrase{
			{nc, "Each Contributor hereby grants to You a non-commercial, academic, perpetual, worldwide, royalty-free copyright license to reproduce the Work.", nil},
			{ro, "Each Contributor hereby grants to You a non-commercial, academic, perpetual, worldwide, royalty-free copyright license to reproduce the Work.", nil},
			{ro, "We grant you a non-exclusive, research-only license to use the Model.", nil},
			{"clause/remote-termination", "Acme issues you a limited, revocable evaluation licence to test the software.", map[string]any{"condition": "revocable"}},
			{ro, "Acme issues you a limited, revocable evaluation licence to test the software.", nil},
			{nc, "The Licensor grants you a non-exclusive, non-transferable, not-for-profit, royalty-free limited license under its rights to use the Materials.", nil},
		},
	}, {
		name: "a license granted without a limited purpose among its adjectives",
		text: "Licensor grants you a worldwide, royalty-free license for academic research and commercial purposes.\n\n" +
			"We grant you a research or commercial license, at your choice.\n\n" +
			"Licensor hereby grants you a non-exclusive, worldwide license to use, copy and modify the Model.",
		want: nil,
	}, {
		name: "a defined term among the adjectives of the license granted",
		text: "1.DEFINITIONS.\n" +
			"a.“Agreement” shall mean these terms.\n" +
			"b.“Non-Commercial” shall mean a use of the Works for academic, research and education purposes only.\n" +
			"c.“Materials” shall mean the model and its documentation.\n\n" +
			"We grant You a non-exclusive, non-transferable, non-commercial, royalty-free limited license to use the Materials.",
		want: []phrase{
			{nc, "We grant You a non-exclusive, non-transferable, non-commercial, royalty-free limited license to use the Materials.", nil},
			{ro, "We grant You a non-exclusive, non-transferable, non-commercial, royalty-free limited license to use the Materials.", nil},
		},
	}, {
		name: "commercial rights kept apart, or a contact for any commercial object",
		text: "Commercial rights are available separately - see COMMERCIAL-LICENSE.md.\n\n" +
			"Commercial licenses are offered on request.\n\n" +
			"This license does not include commercial rights.",
		want: []phrase{
			{nc, "Commercial rights are available separately - see COMMERCIAL-LICENSE.md.", nil},
			{nc, "Commercial licenses are offered on request.", nil},
			{nc, "This license does not include commercial rights.", nil},
		},
	}, {
		// a pointer: the finding when no clause of the text says it
		name: "a contact for any commercial object",
		text: "If you want to include any of these files in a commercial product, please contact Jane Roe at jane@example.org.",
		want: []phrase{
			{nc, "If you want to include any of these files in a commercial product, please contact Jane Roe at jane@example.org.", nil},
		},
	}, {
		name: "a contact for a commercial deployment",
		text: "For commercial deployment of the weights, please write to licensing@example.org.",
		want: []phrase{
			{nc, "For commercial deployment of the weights, please write to licensing@example.org.", nil},
		},
	}, {
		name: "Chinese: commercial rights not given",
		text: "当前模型不提供商业许可。\n\n本协议不授予任何商业授权。\n\n本模型免费提供商业许可。",
		want: []phrase{
			{nc, "当前模型不提供商业许可。", nil},
			{nc, "本协议不授予任何商业授权。", nil},
		},
	}, {
		name: "commercial licenses that withhold nothing, and contacts that are no limit",
		text: "A free commercial license is available after registration at example.com.\n\n" +
			"Commercial support is available from Acme.\n\n" +
			"For commercial licensing inquiries, contact us.\n\n" +
			"A custom commercial license, this Agreement, is available at our website.\n\n" +
			"Commercial Entities interested in such a commercial license are required to contact Licensor.\n\n" +
			"Not-for-profit organizations may contact us for a discount.",
		want: nil,
	}, {
		name: "a purpose in a condition, a conditional ban, a separate license to be freed of duties",
		text: "If you distribute the Materials to a third party for your Non-Commercial Purposes, you shall provide a copy of this License.\n\n" +
			"When you use the Model for non-commercial purposes in a publication, cite the paper.\n\n" +
			"Commercial use is prohibited only if both of the following conditions are met: revenue above the cap and use beyond a year.\n\n" +
			"If you prefer commercial use without the obligations that apply when you convey the weights, you must obtain a separate license.\n\n" +
			"Commercial products without the attribution notice require a separate license.",
		want: []phrase{
			{notice, "If you distribute the Materials to a third party for your Non-Commercial Purposes, you shall provide a copy of this License.", nil},
			{attr, "When you use the Model for non-commercial purposes in a publication, cite the paper.", nil},
		},
	}, {
		name: "a description of data, research beside another kind of purpose",
		text: "Data used solely for evaluation is not required under this provision.\n\n" +
			"The benchmark datasets are reserved only for evaluation.\n\n" +
			"The checkpoint is released for non-commercial research and portfolio demonstration.\n\n" +
			"The Model may be used solely for evaluation.",
		want: []phrase{
			{nc, "The checkpoint is released for non-commercial research and portfolio demonstration.", nil},
			{ro, "The Model may be used solely for evaluation.", nil},
		},
	}, {
		name: "Chinese: research beside a creative use",
		text: "本项目仅供用户进行技术研究、学习和合法的创意应用。\n\n本模型仅供学术研究和艺术创作使用。\n\n本项目仅供学术研究使用。",
		want: []phrase{
			{ro, "本项目仅供学术研究使用。", nil},
		},
	}})
}
