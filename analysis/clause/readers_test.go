package clause

import "testing"

// TestDutiesWithoutKeywords: notice and attribution duties read by their
// structure (a modal or an imperative over a verb of keeping, passing on
// or crediting, and its object), in made-up wordings, with the wishes that
// must not fire. Every case lists all hits its text gives.
func TestDutiesWithoutKeywords(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "the license kept with copies",
		text: "You must retain this License in every copy of the Weights you distribute.\n" +
			"Each copy of the Weights you share must be accompanied by this Agreement.\n" +
			"The license text must accompany every copy of the Weights.\n" +
			"If you distribute the Weights, provide all recipients with a copy of these terms.\n" +
			"Keep the copyright notice and this license with every copy.",
		want: []phrase{
			{notice, "You must retain this License in every copy of the Weights you distribute.", nil},
			{notice, "Each copy of the Weights you share must be accompanied by this Agreement.", nil},
			{notice, "The license text must accompany every copy of the Weights.", nil},
			{notice, "If you distribute the Weights, provide all recipients with a copy of these terms.", nil},
			{notice, "Keep the copyright notice and this license with every copy.", nil},
		},
	}, {
		name: "a lead-in that ends with its verb, items joined by and",
		text: "Together with any copies of the Weights that you distribute, you must provide\n  1. a copy of this License; and\n  2. a list of your changes.",
		want: []phrase{
			{notice, "a copy of this License; and", nil},
		},
	}, {
		name: "credit, cite, powered by, the model named",
		text: "Give appropriate credit to Zeta in your product documentation.\n" +
			"Acknowledge Zeta as the source of the Weights in any publication.\n" +
			"Powered by Zeta must be displayed in the footer of your application.\n" +
			"You must clearly state in your documentation that your model is based on Zeta-7B.\n" +
			"Products built on the Weights shall clearly state that the model is Zeta-7B.",
		want: []phrase{
			{attr, "Give appropriate credit to Zeta in your product documentation.", nil},
			{attr, "Acknowledge Zeta as the source of the Weights in any publication.", nil},
			{attr, "Powered by Zeta must be displayed in the footer of your application.", nil},
			{attr, "You must clearly state in your documentation that your model is based on Zeta-7B.", nil},
			{attr, "Products built on the Weights shall clearly state that the model is Zeta-7B.", nil},
		},
	}, {
		name: "Chinese: the license with copies, cite, state the source",
		text: "您必须在分发时一并提供本协议。\n在论文中使用本模型的，须引用本模型的技术报告。\n您须在产品说明中明确说明该模型基于智谱模型。",
		want: []phrase{
			{notice, "您必须在分发时一并提供本协议。", nil},
			{attr, "在论文中使用本模型的，须引用本模型的技术报告。", nil},
			{attr, "您须在产品说明中明确说明该模型基于智谱模型。", nil},
		},
	}, {
		name: "no hit: wishes, facts and disclaimers",
		text: "You are encouraged to include a copy of this License with your fine-tunes.\n" +
			"Kindly retain this notice when you share the Weights.\n" +
			"Please cite our paper if you find the Weights useful.\n" +
			"A copy of this license is available online.\n" +
			"You must state that the model is provided as is, without warranty.\n" +
			"You must comply with the terms of this Agreement.\n" +
			"我们鼓励您在论文中引用本模型。\n您须遵守本协议。",
	}})
}
