package clause

import "testing"

// TestOutputsByClass: a ban, a limited permission, a condition or a duty
// whose object is of the class outputs (analysis/kb/lexicons.yaml) is a
// condition on the outputs, whatever the verb and wherever the outputs
// stand in the object list; a ban on distilling the model is one too.
// Every case lists all hits its text gives, with their byte ranges.
func TestOutputsByClass(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a ban whose objects include the outputs",
		text: "You may not sell or sublicense the Weights, any Derivative or any Generated Images.\n" +
			"Licensee shall not, directly or indirectly, publish predictions of the Model in a public database.\n" +
			"No synthetic speech may be distributed without the consent of the speaker.",
		want: []phrase{
			{output, "You may not sell or sublicense the Weights, any Derivative or any Generated Images.", nil},
			{output, "Licensee shall not, directly or indirectly, publish predictions of the Model in a public database.", nil},
			{output, "No synthetic speech may be distributed without the consent of the speaker.", nil},
		},
	}, {
		name: "an item on the outputs under a prohibiting lead-in",
		text: "You will not:\n(a) disseminate Output Data in a public registry;\n(b) share completions of the Model with a competitor.",
		want: []phrase{
			{output, "disseminate Output Data in a public registry;\n(b) share completions of the Model with a competitor.", nil},
		},
	}, {
		name: "a permission limited to a purpose",
		text: "You may share the generated audio solely for personal, hobby projects.\n" +
			"Model outputs may only be used internally.",
		want: []phrase{
			{output, "You may share the generated audio solely for personal, hobby projects.", nil},
			{output, "Model outputs may only be used internally.", nil},
		},
	}, {
		name: "a condition and a duty on the outputs",
		text: "Your rights in the Outputs are conditioned upon your payment of the fees.\n" +
			"You must clearly label all generated content when you publish it.\n" +
			"Generated videos must be watermarked before you share them.",
		want: []phrase{
			{output, "Your rights in the Outputs are conditioned upon your payment of the fees.", nil},
			{output, "You must clearly label all generated content when you publish it.", nil},
			{output, "Generated videos must be watermarked before you share them.", nil},
		},
	}, {
		name: "a use of the outputs that needs consent, governed by the terms, limited after its verb",
		text: "Distribution of Generated Images requires the prior written consent of Zeta.\n" +
			"Any use of the Outputs must be in compliance with this License.\n" +
			"The restrictions of Section 5 apply equally to Outputs.\n" +
			"Outputs may be shared only with your own employees.",
		want: []phrase{
			{output, "Distribution of Generated Images requires the prior written consent of Zeta.", nil},
			{output, "Any use of the Outputs must be in compliance with this License.", nil},
			{output, "The restrictions of Section 5 apply equally to Outputs.", nil},
			{output, "Outputs may be shared only with your own employees.", nil},
		},
	}, {
		name: "outputs outside the territory are the territory's clause (R8c)",
		text: "You must not use the Weights or any Output outside the Territory.",
		want: []phrase{
			{geo, "You must not use the Weights or any Output outside the Territory.", nil},
		},
	}, {
		name: "distillation banned: the outputs' clause, not a banned use",
		text: "You shall not use the Weights for knowledge distillation.\nYou will not:\n(a) model extraction or distillation of the hosted service.",
		want: []phrase{
			{output, "You shall not use the Weights for knowledge distillation.", nil},
			{output, "model extraction or distillation of the hosted service.", nil},
		},
	}, {
		name: "Chinese: a ban, a limit and a duty on what the model generates",
		text: "您不得公开本模型的合成内容。\n生成的图片仅限于个人欣赏。\n您应当对生成合成内容添加显著标识。\n您不得将本模型用于蒸馏其他模型。",
		want: []phrase{
			{output, "您不得公开本模型的合成内容。", nil},
			{output, "生成的图片仅限于个人欣赏。", nil},
			{output, "您应当对生成合成内容添加显著标识。", nil},
			{output, "您不得将本模型用于蒸馏其他模型。", nil},
		},
	}, {
		name: "no hit: outputs owned by you, claimed by no one, free to use; a ban on a use of the model",
		text: "You own the Outputs you generate.\n" +
			"Licensor claims no rights in the Outputs, and you may not hold Licensor responsible for them.\n" +
			"This License does not restrict your use of the Outputs.\n" +
			"We do not sell or share the outputs you generate.\n" +
			"You are free to use the Outputs for any purpose.\n" +
			"You may use and distribute the Outputs only as permitted by this Agreement.\n" +
			"If you do not agree to these terms, do not use the Outputs.\n" +
			"You may not publish the results of any benchmark test of the Software.\n" +
			"Derivatives do not include any model developed through distillation.\n" +
			"We make the outputs available to the public for uses that are not commercial.\n" +
			"The restrictions of Section 5 do not apply to Outputs.\n" +
			"Documents are commonly used electronic forms of the outputs.\n" +
			"\"Output\" means any content generated by the Model.\n" +
			"Licensor does not sell Output.\n" +
			"您拥有生成内容的全部权利。\n我们不主张对输出内容的任何权利。",
	}, {
		name: "a term defined as what the model produces carries the class",
		text: "\"Generated Media\" means any image produced by the Model.\n" +
			"You may not license Generated Media to a stock agency.\n" +
			"This License does not restrict your use of Generated Media.\n" +
			"We do not sell Generated Media.",
		want: []phrase{
			{output, "You may not license Generated Media to a stock agency.", nil},
		},
	}})
}

// TestPassThroughByActor: a duty whose actor is of the class recipients
// (downstream users, sublicensees, 接收方), or a duty on you to bind them
// (impose, keep intact, inherit the restrictions; a license you apply with
// the same terms), passes the restrictions on. A recipient that is only
// given something, a ban on adding restrictions and a "Recipient" that is
// the licensee itself are not.
func TestPassThroughByActor(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "recipients as the actor of a duty",
		text: "Downstream developers shall not deploy the Derivative in a medical device.\n" +
			"You and any third-party recipients of the Weights shall adhere to the Permitted Purpose.\n" +
			"Sublicensees may only use the Weights under the terms of this Agreement.",
		want: []phrase{
			{use, "Downstream developers shall not deploy the Derivative in a medical device.", nil},
			{pass, "Downstream developers shall not deploy the Derivative in a medical device.", nil},
			{pass, "You and any third-party recipients of the Weights shall adhere to the Permitted Purpose.", nil},
			{pass, "Sublicensees may only use the Weights under the terms of this Agreement.", nil},
		},
	}, {
		name: "a duty on you to bind recipients",
		text: "You must impose the restrictions of Section 4 on every person to whom you distribute a Derivative.\n" +
			"When you redistribute the Weights, keep the use restrictions intact.\n" +
			"Any Derivative must inherit the use restrictions of this License.\n" +
			"The license you apply to a Derivative must contain terms at least as protective as these.",
		want: []phrase{
			{pass, "You must impose the restrictions of Section 4 on every person to whom you distribute a Derivative.", nil},
			{pass, "When you redistribute the Weights, keep the use restrictions intact.", nil},
			{pass, "Any Derivative must inherit the use restrictions of this License.", nil},
			{pass, "The license you apply to a Derivative must contain terms at least as protective as these.", nil},
		},
	}, {
		name: "restrictions passed on, the same restrictions, anyone who receives",
		text: "You must pass these restrictions on to your licensees.\n" +
			"Each sublicense must be subject to the same use restrictions.\n" +
			"You must ensure that anyone who receives the Weights complies with the restrictions of Section 4.\n" +
			"Users of your mobile app must not extract the Weights.\n" +
			"You may share a Derivative only under terms that include the restrictions of Section 4.",
		want: []phrase{
			{pass, "You must pass these restrictions on to your licensees.", nil},
			{pass, "Each sublicense must be subject to the same use restrictions.", nil},
			{pass, "You must ensure that anyone who receives the Weights complies with the restrictions of Section 4.", nil},
			{pass, "Users of your mobile app must not extract the Weights.", nil},
			{pass, "You may share a Derivative only under terms that include the restrictions of Section 4.", nil},
		},
	}, {
		name: "Chinese: recipients bound, the same limits in your terms",
		text: "下游用户须遵守本协议第五条。\n您应在与接收方的协议中规定不低于本协议的限制。\n您应要求再被许可人同意本协议的限制。",
		want: []phrase{
			{pass, "下游用户须遵守本协议第五条。", nil},
			{pass, "您应在与接收方的协议中规定不低于本协议的限制。", nil},
			{pass, "您应要求再被许可人同意本协议的限制。", nil},
		},
	}, {
		name: "no hit: recipients given something, no further restrictions, the licensee called Recipient, the law",
		text: "You must give any recipients a copy of this License.\n" +
			"You may not impose any further restrictions on the recipients' exercise of the rights granted herein.\n" +
			"Recipient shall not disclose the source code.\n" +
			"You and your users must observe all traffic laws while using the service.\n" +
			"Recipients will receive a license from the original licensor.\n" +
			"Each recipient acknowledges that the trademarks in the Weights are the property of Zeta and shall not be used.\n" +
			"The license you apply to an adaptation must be a license with the same license elements.\n" +
			"接收方将获得本模型的副本。",
		want: []phrase{
			{notice, "You must give any recipients a copy of this License.", nil},
		},
	}})
}

// TestPassThroughByStructure: a duty of yours whose object is others (the
// classes recipients and others) and whose act makes them keep the terms
// (binding-terms): you require, ensure, cause or procure that they keep
// them, you tell them the restrictions apply, you pass the model on only
// to those who agree, the terms you give them must carry the
// restrictions, or the restrictions must be put in those terms; and what
// you pass on may not go out under other terms. Your own duty, a power to
// require, the licensor's undertaking, the law, your own staff and a copy
// of the license given are none.
func TestPassThroughByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "you make others keep the terms",
		text: "You must require recipients to accept this license.\n" +
			"Licensee will require any sublicensee to be bound by terms at least as protective as these.\n" +
			"You shall contractually require your customers to comply with the Prohibited Uses.\n" +
			"You are responsible for ensuring that your users comply with this Agreement.\n" +
			"You shall be responsible for any use of the Model by your end users and shall ensure their compliance with the AUP.\n" +
			"You must obtain the written agreement of each recipient to the terms of this License.\n" +
			"You must ensure that your customers do not use the Weights for any of the prohibited uses.",
		want: []phrase{
			{pass, "You must require recipients to accept this license.", nil},
			{pass, "Licensee will require any sublicensee to be bound by terms at least as protective as these.", nil},
			{pass, "You shall contractually require your customers to comply with the Prohibited Uses.", nil},
			{pass, "You are responsible for ensuring that your users comply with this Agreement.", nil},
			{pass, "You shall be responsible for any use of the Model by your end users and shall ensure their compliance with the AUP.", nil},
			{pass, "You must obtain the written agreement of each recipient to the terms of this License.", nil},
			{use, "You must ensure that your customers do not use the Weights for any of the prohibited uses.", nil},
			{pass, "You must ensure that your customers do not use the Weights for any of the prohibited uses.", nil},
		},
	}, {
		name: "you tell them the restrictions apply",
		text: "You may distribute the Model only subject to this Agreement and you must notify them of the restrictions.\n" +
			"You must make any third party to whom you distribute the Model aware of these restrictions.",
		want: []phrase{
			{pass, "You may distribute the Model only subject to this Agreement and you must notify them of the restrictions.", nil},
			{pass, "You must make any third party to whom you distribute the Model aware of these restrictions.", nil},
		},
	}, {
		name: "passed on only to those who agree, or not under other terms",
		text: "You will not distribute the Model to any third party unless that third party has agreed in writing to comply with the terms of this Agreement.\n" +
			"You may only provide access to the Model to third parties who agree to be bound by the terms of this Agreement.\n" +
			"Redistribution is permitted provided that the recipient is informed of and agrees to the restrictions of this License.\n" +
			"You cannot sublicense or distribute the Weights under any other terms or conditions.",
		want: []phrase{
			{pass, "You will not distribute the Model to any third party unless that third party has agreed in writing to comply with the terms of this Agreement.", nil},
			{pass, "You may only provide access to the Model to third parties who agree to be bound by the terms of this Agreement.", nil},
			{pass, "Redistribution is permitted provided that the recipient is informed of and agrees to the restrictions of this License.", nil},
			{pass, "You cannot sublicense or distribute the Weights under any other terms or conditions.", nil},
		},
	}, {
		name: "the terms you give others carry the restrictions",
		text: "Any terms under which you distribute Derivatives must incorporate the restrictions set out in the Attachment.\n" +
			"The terms on which you provide the Model to others shall prohibit the uses listed in Section 3.\n" +
			"Any license or agreement governing access to the Weights must require recipients to comply with the Zeta License Agreement.\n" +
			"Any sublicense you grant must be consistent with this Agreement.\n" +
			"The restrictions of Section 5 shall be incorporated into any agreement with your customers.",
		want: []phrase{
			{pass, "Any terms under which you distribute Derivatives must incorporate the restrictions set out in the Attachment.", nil},
			{pass, "The terms on which you provide the Model to others shall prohibit the uses listed in Section 3.", nil},
			{pass, "Any license or agreement governing access to the Weights must require recipients to comply with the Zeta License Agreement.", nil},
			{policy, "Any license or agreement governing access to the Weights must require recipients to comply with the Zeta License Agreement.", map[string]any{"document": "Zeta License Agreement"}},
			{pass, "Any sublicense you grant must be consistent with this Agreement.", nil},
			{pass, "The restrictions of Section 5 shall be incorporated into any agreement with your customers.", nil},
		},
	}, {
		name: "bound by you, their compliance yours, an agreement with them, none who has not agreed",
		text: "You must bind your sublicensees to the terms of this Agreement.\n" +
			"Licensee shall be responsible for compliance by its end users with this Agreement.\n" +
			"You are responsible for your end users' compliance with the Acceptable Use Policy.\n" +
			"Before distributing the Model, you shall enter into a written agreement with each recipient that contains restrictions at least as protective as those in this License.\n" +
			"You will not distribute the Model to any person who has not agreed to the terms of this Agreement.",
		want: []phrase{
			{pass, "You must bind your sublicensees to the terms of this Agreement.", nil},
			{pass, "Licensee shall be responsible for compliance by its end users with this Agreement.", nil},
			{pass, "You are responsible for your end users' compliance with the Acceptable Use Policy.", nil},
			{policy, "You are responsible for your end users' compliance with the Acceptable Use Policy.", map[string]any{"document": "Acceptable Use Policy"}},
			{pass, "Before distributing the Model, you shall enter into a written agreement with each recipient that contains restrictions at least as protective as those in this License.", nil},
			{pass, "You will not distribute the Model to any person who has not agreed to the terms of this Agreement.", nil},
		},
	}, {
		name: "those who receive from you, bound as the subject; the terms passed on to them",
		text: "Third parties who receive the Model from you are subject to this Agreement.\n" +
			"Any person receiving the Model from you must agree to this License.\n" +
			"You shall pass on these terms to anyone who receives the Model from you.",
		want: []phrase{
			{pass, "Third parties who receive the Model from you are subject to this Agreement.", nil},
			{pass, "Any person receiving the Model from you must agree to this License.", nil},
			{pass, "You shall pass on these terms to anyone who receives the Model from you.", nil},
		},
	}, {
		name: "Chinese: you make others keep the terms, tell them the restrictions",
		text: "您须确保您的最终用户遵守可接受使用政策。\n" +
			"如您向第三方提供本模型，您应要求其遵守本协议的约定。\n" +
			"您须将本协议的使用限制告知下游用户。\n" +
			"您不得以本协议以外的条款再许可或分发本模型。",
		want: []phrase{
			{pass, "您须确保您的最终用户遵守可接受使用政策。", nil},
			{policy, "您须确保您的最终用户遵守可接受使用政策。", map[string]any{"document": "可接受使用政策"}},
			{pass, "如您向第三方提供本模型，您应要求其遵守本协议的约定。", nil},
			{pass, "您须将本协议的使用限制告知下游用户。", nil},
			{pass, "您不得以本协议以外的条款再许可或分发本模型。", nil},
		},
	}, {
		name: "no hit: your own duty, a power, the licensor, the law, your staff, a copy given, no further restrictions",
		text: "You must comply with this Agreement.\n" +
			"You shall ensure that your use of the Model complies with applicable laws.\n" +
			"You may require your users to agree to terms of your own.\n" +
			"The Licensor will ensure that users of its service comply with its policies.\n" +
			"You must ensure that your users comply with all applicable laws.\n" +
			"Licensee shall ensure that its employees and contractors comply with this Agreement.\n" +
			"You shall procure that all persons using the Weights on your behalf comply with this Agreement.\n" +
			"You must obtain consent from users before processing their personal data under this Agreement.\n" +
			"You must inform users that they are interacting with an AI system.\n" +
			"The model card will inform the user about the limitations of the Model, and thus serves as the basis of the use restrictions.\n" +
			"If users do not agree to these terms, you may not distribute the Model to them.\n" +
			"You may not distribute Derivatives under any other terms.\n" +
			"Recipients are entitled to the same rights as you.\n" +
			"Zeta requires all users to comply with these terms.\n" +
			"You are not responsible for enforcing compliance by third parties with this License.\n" +
			"This Agreement shall be binding upon your successors and assigns.\n" +
			"You shall enter into a written agreement with Licensor before commercial use.\n" +
			"If users do not agree to these terms, you may not distribute the Model to them.\n" +
			"Third parties who receive the Model from you are not liable for your breach.\n" +
			"我们要求用户遵守本协议。\n" +
			"您应确保您的员工遵守本协议。",
	}})
}

// TestOutputsByStructure: what the model makes, named by what you do
// with it ("content you generate", "translations produced by the Model",
// "embeddings produced by the Model"), and a duty to tell people that it
// was made by the model; outputs held to the same restrictions are the
// outputs' clause, not a pass-through.
func TestOutputsByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "outputs named by their making",
		text: "Content you generate with the Weights is subject to the same restrictions as the Weights.\n" +
			"You may not sell translations produced by the Model.\n" +
			"You may not license the embeddings produced by the Model to a competitor.",
		want: []phrase{
			{output, "Content you generate with the Weights is subject to the same restrictions as the Weights.", nil},
			{output, "You may not sell translations produced by the Model.", nil},
			{output, "You may not license the embeddings produced by the Model to a competitor.", nil},
		},
	}, {
		name: "a duty to disclose that content was made by AI",
		text: "You shall disclose to readers that the content they receive was generated by artificial intelligence.\n" +
			"You will not:\n(a) fail to indicate that a text was generated with the Model;\n(b) sell the Weights.",
		want: []phrase{
			{output, "You shall disclose to readers that the content they receive was generated by artificial intelligence.", nil},
			{output, "fail to indicate that a text was generated with the Model;", nil},
		},
	}, {
		name: "outputs made available, carrying a watermark, used in compliance",
		text: "You shall not make the outputs of the Model available to third parties for a fee.\n" +
			"Images created with the Software must carry the watermark embedded by the Software.\n" +
			"You are responsible for ensuring that Outputs are used in compliance with this Agreement.",
		want: []phrase{
			{output, "You shall not make the outputs of the Model available to third parties for a fee.", nil},
			{output, "Images created with the Software must carry the watermark embedded by the Software.", nil},
			{output, "You are responsible for ensuring that Outputs are used in compliance with this Agreement.", nil},
		},
	}, {
		name: "Chinese: generated content kept lawful, any content generated, what the model produces",
		text: "您应确保生成内容符合法律法规。\n本模型生成的任何内容，您不得公开传播。\n模型产出仅限于个人学习使用。",
		want: []phrase{
			{output, "您应确保生成内容符合法律法规。", nil},
			{output, "本模型生成的任何内容，您不得公开传播。", nil},
			{output, "模型产出仅限于个人学习使用。", nil},
		},
	}, {
		name: "no hit: outputs free, owned, unclaimed; a decision made by an automated system",
		text: "You may use the content you generate for any purpose.\n" +
			"We claim no rights in the content you generate.\n" +
			"You must tell applicants when a decision was made by an automated system.\n" +
			"Embeddings are a kind of vector.",
	}})
}
