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
