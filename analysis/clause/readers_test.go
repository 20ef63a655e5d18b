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

// TestNonCommercialCustomWording: a grant narrowed to non-commercial use
// by withholding the acts that make money or by sending commercial use to
// another license, in made-up wordings, and what is no such narrowing.
func TestNonCommercialCustomWording(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "acts that make money withheld",
		text: "You may not sell, rent, lease or sublicense the Weights for a fee.\n" +
			"You may not monetize the Weights or any derivative of them.\n" +
			"You shall not offer the Weights as a paid service.\n" +
			"You may not sell any product or service built with the Weights.\n" +
			"You may not use the Weights for any revenue-generating purpose.\n" +
			"The Weights may not be used by for-profit entities.\n" +
			"Use of the Weights for profit is prohibited.",
		want: []phrase{
			{nc, "You may not sell, rent, lease or sublicense the Weights for a fee.", nil},
			{nc, "You may not monetize the Weights or any derivative of them.", nil},
			{nc, "You shall not offer the Weights as a paid service.", nil},
			{nc, "You may not sell any product or service built with the Weights.", nil},
			{nc, "You may not use the Weights for any revenue-generating purpose.", nil},
			{nc, "The Weights may not be used by for-profit entities.", nil},
			{nc, "Use of the Weights for profit is prohibited.", nil},
		},
	}, {
		name: "commercial use sent to another license or to permission",
		text: "The Weights are not licensed for commercial purposes without prior written permission from Zeta.\n" +
			"Commercial use of the Weights is subject to a separate commercial license.\n" +
			"For commercial use you must obtain a commercial license from Zeta.",
		want: []phrase{
			{nc, "The Weights are not licensed for commercial purposes without prior written permission from Zeta.", nil},
			{nc, "Commercial use of the Weights is subject to a separate commercial license.", nil},
			{nc, "For commercial use you must obtain a commercial license from Zeta.", nil},
		},
	}, {
		name: "Chinese: selling withheld, commercial use needs a license",
		text: "您不得出售、出租或以收费方式提供本模型。\n商业使用需要另行获得授权。",
		want: []phrase{
			{nc, "您不得出售、出租或以收费方式提供本模型。", nil},
			{nc, "商业使用需要另行获得授权。", nil},
		},
	}, {
		name: "no hit: commercial use allowed, the weights alone not sold, a ban on redistribution, data not sold",
		text: "You may use the Weights in for-profit products.\n" +
			"You may sell products built with the Weights.\n" +
			"Commercial use is permitted without a separate license.\n" +
			"You may not sell the Weights themselves, but you may sell what you build with them.\n" +
			"You shall not resell, lease, sublicense or distribute the Weights to any person.\n" +
			"You must not sell personal data collected through your application.\n" +
			"许可方授予您不可撤销的专利许可，以制造、使用、销售本模型。",
	}})
}

// TestCreativeCommonsSummariesAndPointers: a deed's summary gives its
// elements' clauses on their items, and a pointer to an NC license narrows
// the grant where it names the license; a pointer to an SA license states
// no duty on derivatives (share-alike needs one), so it gives none.
func TestCreativeCommonsSummariesAndPointers(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a deed's summary",
		text: "You are free to:\n\nShare — copy and redistribute the material in any medium or format\n\nAdapt — remix, transform, and build upon the material\n\n" +
			"Under the following terms:\n\n" +
			"NonCommercial — You may not use the material for commercial purposes.\n\n" +
			"ShareAlike — If you remix, transform, or build upon the material, you must distribute your contributions under the same license as the original.",
		want: []phrase{
			{nc, "NonCommercial — You may not use the material for commercial purposes.", nil},
			{sa, "ShareAlike — If you remix, transform, or build upon the material, you must distribute your contributions under the same license as the original.", nil},
		},
	}, {
		name: "pointers by name, with a line of added terms",
		text: "The Weights are licensed under CC BY-NC-SA 4.0. In addition, you may not use them for military purposes.\n" +
			"This model is released under the Creative Commons Attribution-NonCommercial 4.0 International License.\n" +
			"You may use the Weights under the terms of cc-by-nc-4.0.",
		want: []phrase{
			{nc, "The Weights are licensed under CC BY-NC-SA 4.0.", nil},
			{use, "In addition, you may not use them for military purposes.", nil},
			{nc, "This model is released under the Creative Commons Attribution-NonCommercial 4.0 International License.", nil},
			{nc, "You may use the Weights under the terms of cc-by-nc-4.0.", nil},
		},
	}, {
		name: "no hit: BY alone, a dataset's license, a choice of licenses",
		text: "The code is licensed under CC BY 4.0.\n" +
			"The training data is available under CC-BY-SA-4.0.\n" +
			"You may use the Weights under CC BY 4.0 or under CC BY-NC 4.0 at your option.",
	}})
}

// TestShareAlikeCustomWording: derivatives bound to this license in
// wordings other than "licensed under this License", in English and
// Chinese; a permission to use this license is none.
func TestShareAlikeCustomWording(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "derivatives under this license, the same terms; terms no less restrictive pass restrictions on",
		text: "You must license any Derivative under this Agreement.\n" +
			"Derivatives may only be distributed under this License.\n" +
			"If you share a fine-tune, it must be under the same license as the Weights.\n" +
			"Modified versions shall be licensed under terms no less restrictive than this License.\n" +
			"You must apply the same license to your modifications.",
		want: []phrase{
			{sa, "You must license any Derivative under this Agreement.", nil},
			{sa, "Derivatives may only be distributed under this License.", nil},
			{sa, "If you share a fine-tune, it must be under the same license as the Weights.", nil},
			// any terms that keep this license's restrictions: pass-through
			{pass, "Modified versions shall be licensed under terms no less restrictive than this License.", nil},
			{sa, "You must apply the same license to your modifications.", nil},
		},
	}, {
		name: "Chinese: the same way, the same license",
		text: "您的衍生模型须以相同方式共享。\n修改后的模型只能按照本协议发布。",
		want: []phrase{
			{sa, "您的衍生模型须以相同方式共享。", nil},
			{sa, "修改后的模型只能按照本协议发布。", nil},
		},
	}, {
		name: "no hit: permissions, rights under this license, a contact procedure",
		text: "You may release derivatives under this License or under any other license.\n" +
			"If you modify the Weights, you must keep the rights granted under this License.\n" +
			"衍生作品可以采用其他许可发布。\n" +
			"如您计划将衍生模型用于商业用途，应当按照本协议附则提供的联络方式，事先向许可方登记。",
	}})
}

// TestPrecisionByStructure: a document is incorporated only when the
// sentence says so (subject to, comply with, incorporated, a policy named
// with its address), terms change only when the licensor changes the terms
// themselves, and termination is the licensor's power only when the
// licensee's own ending or a warranty of availability is not all the
// sentence says.
func TestPrecisionByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "documents incorporated by their structure",
		text: "Your use of the Weights is subject to the Acceptable Use Policy at https://zeta.example/aup.\n" +
			"You must comply with the guidelines at https://zeta.example/guidelines.\n" +
			"Component foo is licensed under the MIT license (https://github.com/foo/foo/blob/main/LICENSE).",
		want: []phrase{
			{policy, "Your use of the Weights is subject to the Acceptable Use Policy at https://zeta.example/aup.", map[string]any{"url": "https://zeta.example/aup"}},
			{policy, "You must comply with the guidelines at https://zeta.example/guidelines.", map[string]any{"url": "https://zeta.example/guidelines"}},
			{policy, "Component foo is licensed under the MIT license (https://github.com/foo/foo/blob/main/LICENSE).", map[string]any{"url": "https://github.com/foo/foo/blob/main/LICENSE"}},
		},
	}, {
		name: "no hit: a paper, a contact page, a homepage, the license's own address",
		text: "The Weights are described in our paper at https://arxiv.org/abs/2401.00001 and released under this license.\n" +
			"For questions about this license, contact us at https://zeta.example/contact.\n" +
			"Visit our website https://zeta.example to learn more about the terms of our partnership program.\n" +
			"The full text of this license is available at https://zeta.example/license.\n" +
			"欢迎访问我们的主页 https://zeta.example 了解许可详情。",
	}, {
		name: "Chinese: a policy to comply with; the licensee's own ending, the licensee's changes",
		text: "使用本模型须遵守 https://zeta.example/policy 上的使用政策。\n您可以随时删除模型以终止本协议。\n您可以修改本模型并按本协议分发。",
		want: []phrase{
			{policy, "使用本模型须遵守 https://zeta.example/policy 上的使用政策。", map[string]any{"url": "https://zeta.example/policy"}},
		},
	}, {
		name: "the licensor changes the terms; the licensee changes the model",
		text: "Zeta may modify, update or change the terms of this Agreement at any time.\n" +
			"You may modify the Weights and distribute your modifications under this License.\n" +
			"Licensee may change the Weights subject to the terms of this license.\n" +
			"Zeta may update the Weights from time to time; such updates are governed by this Agreement.",
		want: []phrase{
			{change, "Zeta may modify, update or change the terms of this Agreement at any time.", nil},
		},
	}, {
		name: "the licensor's power to end use; the licensee's own ending and a warranty are none",
		text: "Zeta may suspend or terminate your access to the Weights immediately.\n" +
			"You may terminate this License at any time by destroying the Weights.\n" +
			"ZETA DOES NOT WARRANT THAT ACCESS TO THE WEIGHTS WILL NOT BE SUSPENDED AT ANY TIME OR WILL BE UNINTERRUPTED.",
		want: []phrase{
			{remote, "Zeta may suspend or terminate your access to the Weights immediately.", nil},
		},
	}})
}
