package clause

import "testing"

// TestRestrictionsByStructure: use restrictions, conditions on outputs and
// export duties read from the structure of the obligation (who must not
// do what), one case per kind of phrasing, in made-up wordings, English
// and Chinese. Every case lists all hits its text gives, so a false alarm
// fails too.
func TestRestrictionsByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a list under a lead-in that says prohibited from",
		text: "You are expressly prohibited from:\n- Deploying the Weights in production systems or paid services\n- Attempting to extract the training data",
		want: []phrase{
			// the bare ban of the lead-in bans what its items do, the
			// attempt to extract the training data too (R8d)
			{use, "You are expressly prohibited from:\n- Deploying the Weights in production systems or paid services\n- Attempting to extract the training data", nil},
			// a paid service is an object of the commercial class: its ban
			// withholds commercial use too
			{nc, "Deploying the Weights in production systems or paid services", nil},
		},
	}, {
		name: "a list under a lead-in that says forbidden to",
		text: "Licensees are forbidden to:\n(a) use the Weights for mass surveillance;\n(b) deploy the Weights in weapons.",
		want: []phrase{
			{use, "Licensees are forbidden to:\n(a) use the Weights for mass surveillance;\n(b) deploy the Weights in weapons.", nil},
		},
	}, {
		name: "prohibitions as imperatives",
		text: "1. Obey the law. For example, don't use the Service to run a scam.\n\n" +
			"2. Do not deploy Zeta in systems that decide on credit.\n\n" +
			"3. Never use the Weights for stalking anyone.",
		want: []phrase{
			{use, "For example, don't use the Service to run a scam.", nil},
			{use, "Do not deploy Zeta in systems that decide on credit.", nil},
			{use, "Never use the Weights for stalking anyone.", nil},
		},
	}, {
		name: "imperatives that restrict nothing",
		text: "If you do not agree to these terms, do not use the Weights in any way.\n" +
			"You may not use this file except in compliance with the License.\n" +
			"Do not use the Weights unless you accept this Agreement.",
	}, {
		name: "prohibitions as requests and refusals in Chinese",
		text: "请勿将本模型用于任何违法活动。\n不允许将模型用于医疗诊断。\n不准使用本模型从事网络攻击。",
		want: []phrase{
			{use, "请勿将本模型用于任何违法活动。", nil},
			{use, "不允许将模型用于医疗诊断。", nil},
			{use, "不准使用本模型从事网络攻击。", nil},
		},
	}, {
		name: "a ban on generating content",
		text: "You are not allowed to generate any content through the Service that incites violence.\nYou may not produce images that depict real people without consent.",
		want: []phrase{
			{use, "You are not allowed to generate any content through the Service that incites violence.", nil},
			{use, "You may not produce images that depict real people without consent.", nil},
		},
	}, {
		name: "what the licensor will not generate is no ban",
		text: "Zeta will not generate content on your behalf.",
	}, {
		name: "outputs barred from commercial use with the model",
		text: "You will not, and will not permit any third party to:\n\n" +
			"(a) use the Weights, a Derivative, or any Output for a Commercial Purpose without a commercial license;\n\n" +
			"Any commercial use involving the Weights or an Output requires a separate written commercial license from Zeta.\n" +
			"The Licensee shall not exploit the Weights or their outputs in connection with any commercial activities.",
		want: []phrase{
			{nc, "use the Weights, a Derivative, or any Output for a Commercial Purpose without a commercial license;", nil},
			{output, "use the Weights, a Derivative, or any Output for a Commercial Purpose without a commercial license;", nil},
			{nc, "Any commercial use involving the Weights or an Output requires a separate written commercial license from Zeta.", nil},
			{output, "Any commercial use involving the Weights or an Output requires a separate written commercial license from Zeta.", nil},
			{nc, "The Licensee shall not exploit the Weights or their outputs in connection with any commercial activities.", nil},
			{output, "The Licensee shall not exploit the Weights or their outputs in connection with any commercial activities.", nil},
		},
	}, {
		name: "outputs free for commercial use are no condition",
		text: "We do not restrict your use of outputs for commercial purposes.\nYou are free to use the Output in any commercial product.",
	}, {
		// The items of one lead-in that bind the outputs are one
		// condition on them, from the first to the last (R8d).
		name: "the items on outputs are one condition",
		text: "You must not use nor allow others to use:\n" +
			"1. the Weights or output in connection with any commercial activities; or\n" +
			"2. output to train machine learning models similar to Zeta.",
		want: []phrase{
			{nc, "the Weights or output in connection with any commercial activities; or", nil},
			{output, "the Weights or output in connection with any commercial activities; or\n" +
				"2. output to train machine learning models similar to Zeta.", nil},
		},
	}, {
		name: "a lead-in that bans uses keeps its hit when its items are uses",
		text: "You must not use the Weights:\n1. to harass people;\n2. to stalk people.",
		want: []phrase{
			{use, "You must not use the Weights:\n1. to harass people;\n2. to stalk people.", nil},
		},
	}, {
		name: "export control and sanctions in a ban and in representations",
		text: "You will not, and will not permit any third party to:\n\n" +
			"(l) export or transfer the Weights in violation of any applicable export control or trade sanction.\n\n" +
			"You represent that you are not the target of any trade controls.\n" +
			"You are not prohibited from receiving the Weights under applicable export-control or sanctions laws.\n" +
			"No activity subject to the International Traffic in Arms Regulations is licensed.",
		// a ban whose only item is an export ban is where the license
		// applies, not a use restriction besides (otherBan)
		want: []phrase{
			{geo, "export or transfer the Weights in violation of any applicable export control or trade sanction.", nil},
			{geo, "You represent that you are not the target of any trade controls.", nil},
			{geo, "You are not prohibited from receiving the Weights under applicable export-control or sanctions laws.", nil},
			{geo, "No activity subject to the International Traffic in Arms Regulations is licensed.", nil},
		},
	}, {
		name: "export control and sanctions in Chinese bans and representations",
		text: "您不得违反任何适用的出口管制或经济制裁法律出口本模型。\n您声明您不是任何制裁名单上的对象。",
		want: []phrase{
			{geo, "您不得违反任何适用的出口管制或经济制裁法律出口本模型。", nil},
			{geo, "您声明您不是任何制裁名单上的对象。", nil},
		},
	}, {
		name: "a disclaimer's advice is no use restriction",
		text: "The Weights are not approved for clinical use. You should not use the Weights or Output for clinical purposes or rely on them for medical advice.",
	}, {
		name: "uses outside the grant prohibited",
		text: "Any other use without the prior consent of Zeta is prohibited.\n" +
			"No other use is permitted.\n" +
			"其他用途均被禁止。\n" +
			"Any other use, in particular any use for commercial purposes, is prohibited.",
		want: []phrase{
			{use, "Any other use without the prior consent of Zeta is prohibited.", nil},
			{use, "No other use is permitted.", nil},
			{use, "其他用途均被禁止。", nil},
			{nc, "Any other use, in particular any use for commercial purposes, is prohibited.", nil},
		},
	}, {
		name: "safety measures not to be circumvented",
		text: "You shall not remove, disable, or circumvent any safety or security measures included in the Weights.\n" +
			"您不得规避或禁用本模型的安全措施。",
		want: []phrase{
			{use, "You shall not remove, disable, or circumvent any safety or security measures included in the Weights.", nil},
			{use, "您不得规避或禁用本模型的安全措施。", nil},
		},
	}, {
		name: "reverse engineering banned with words between",
		text: "Your use of the Weights will not involve or encourage others to reverse engineer the Weights.",
		want: []phrase{
			{use, "Your use of the Weights will not involve or encourage others to reverse engineer the Weights.", nil},
		},
	}, {
		name: "outputs used to create other works is a use restriction too, to create models an output condition only",
		text: "You may not use the Weights or any output of the Weights to create other works that conflict with the Acceptable Use Policy.\n" +
			"You may not use any output of the Weights to create other AI models.",
		want: []phrase{
			{use, "You may not use the Weights or any output of the Weights to create other works that conflict with the Acceptable Use Policy.", nil},
			{output, "You may not use the Weights or any output of the Weights to create other works that conflict with the Acceptable Use Policy.", nil},
			{output, "You may not use any output of the Weights to create other AI models.", nil},
		},
	}, {
		// The lead-in's items are all conditions on what was generated:
		// the lead-in is no use restriction of its own.
		name: "generated content passed off or stripped of its marks",
		text: "You will not, and will not permit any third party to:\n\n" +
			"(i) distribute synthetic audio where a listener would be misled about its origin;\n\n" +
			"(j) remove or alter any watermark or provenance signal included in the Outputs.\n\n" +
			"Don't mislead people as to the nature and source of Outputs.",
		want: []phrase{
			{output, "distribute synthetic audio where a listener would be misled about its origin;\n\n" +
				"(j) remove or alter any watermark or provenance signal included in the Outputs.", nil},
			{output, "Don't mislead people as to the nature and source of Outputs.", nil},
		},
	}, {
		// The lead-in's ban is the item's: a condition on the outputs.
		name: "training other models as an item of a ban",
		text: "You agree not to use the Weights:\n\n18) To train, improve, or fine-tune any other machine learning model;",
		want: []phrase{
			{output, "To train, improve, or fine-tune any other machine learning model;", nil},
		},
	}, {
		name: "data the model produced, in a ban that binds third parties",
		text: "You will not, and will not permit any third party to use or distribute the Software (or any data produced by the Software) for surveillance.",
		want: []phrase{
			{use, "You will not, and will not permit any third party to use or distribute the Software (or any data produced by the Software) for surveillance.", nil},
			{output, "You will not, and will not permit any third party to use or distribute the Software (or any data produced by the Software) for surveillance.", nil},
		},
	}, {
		// Training other models with the model is a condition on its
		// outputs, a commercial ban the non-commercial limit: neither is
		// a use restriction besides.
		name: "bans that are other kinds of clause",
		text: "You may not use the Weights to improve any other AI model.\n" +
			"您不得使用本模型来改进任何其他模型。\n" +
			"Without a license, you are not allowed to use the Weights for commercial purposes.\n" +
			"您亦不得将模型用于任何商业用途。",
		want: []phrase{
			{output, "You may not use the Weights to improve any other AI model.", nil},
			{output, "您不得使用本模型来改进任何其他模型。", nil},
			{nc, "Without a license, you are not allowed to use the Weights for commercial purposes.", nil},
			{nc, "您亦不得将模型用于任何商业用途。", nil},
		},
	}, {
		// The items' markers were lost (a text converted from a word
		// processor): each line after the lead-in, or after an item that
		// ends in a semicolon, is still an item, read with the lead-in's
		// modality, and items of one code stay one clause.
		name: "items without list markers under a lead-in",
		text: "The Licensee shall not:\n" +
			"Use the Model for any military purposes or for the surveillance of people;\n" +
			"Distribute the Model without including a copy of this Agreement with every copy;\n" +
			"Use the Model or its outputs to train any other large language model.\n\n" +
			"You may share the Model, provided that you meet the following conditions:\n" +
			"You must give any recipient of the Model a copy of this License;\n" +
			"You must cause any modified files to carry prominent notices stating that You changed the files.",
		want: []phrase{
			{use, "The Licensee shall not:\nUse the Model for any military purposes or for the surveillance of people;", nil},
			{notice, "Distribute the Model without including a copy of this Agreement with every copy;", nil},
			{output, "Use the Model or its outputs to train any other large language model.", nil},
			{notice, "You must give any recipient of the Model a copy of this License;\nYou must cause any modified files to carry prominent notices stating that You changed the files.", nil},
		},
	}, {
		name: "outputs allowed on a condition, the model's name holding a dot",
		text: "You may create Output of the Zeta.1 [dev] Model if you: (i) implement and maintain content filters to prevent unlawful content.",
		want: []phrase{
			{output, "You may create Output of the Zeta.1 [dev] Model if you: (i) implement and maintain content filters to prevent unlawful content.", nil},
		},
	}, {
		name: "a use stated as the thing prohibited",
		text: "It is forbidden to use the Weights for military purposes.\n" +
			"Use of the Weights for medical diagnosis is prohibited.\n" +
			"Deployment of the Weights in autonomous weapons is strictly forbidden.\n" +
			"The Weights are not licensed for use in life-critical systems.\n" +
			"You shall refrain from using the Weights to generate disinformation.\n" +
			"No use of the Weights for law enforcement is allowed.",
		want: []phrase{
			{use, "It is forbidden to use the Weights for military purposes.", nil},
			{use, "Use of the Weights for medical diagnosis is prohibited.", nil},
			{use, "Deployment of the Weights in autonomous weapons is strictly forbidden.", nil},
			{use, "The Weights are not licensed for use in life-critical systems.", nil},
			{use, "You shall refrain from using the Weights to generate disinformation.", nil},
			{use, "No use of the Weights for law enforcement is allowed.", nil},
		},
	}, {
		name: "uses prohibited that are no field of use",
		text: "Any use of the Weights in violation of this Agreement is prohibited.\n" +
			"Use of the Weights for any purpose other than research purposes is prohibited.",
		want: []phrase{
			{ro, "Use of the Weights for any purpose other than research purposes is prohibited.", nil},
		},
	}, {
		// Models built from the outputs: the output condition only.
		name: "outputs used to build other models, in bans and imperatives",
		text: "You may not use Outputs to develop models that compete with Zeta.\n\n" +
			"You shall not use any content generated by the Weights to train a competing model.\n\n" +
			"Do not use outputs to create a competing model.",
		want: []phrase{
			{output, "You may not use Outputs to develop models that compete with Zeta.", nil},
			{output, "You shall not use any content generated by the Weights to train a competing model.", nil},
			{output, "Do not use outputs to create a competing model.", nil},
		},
	}, {
		name: "what the model made, barred from a use",
		text: "Any images you create with the Weights may not be sold.\n" +
			"Content generated using the Weights must not be published without a notice.",
		want: []phrase{
			{output, "Any images you create with the Weights may not be sold.", nil},
			{output, "Content generated using the Weights must not be published without a notice.", nil},
		},
	}, {
		name: "sanctioned countries, and an export paragraph on one line is one clause",
		text: "You may not use the Weights in any country subject to U.S. sanctions.\n\n" +
			"You represent and warrant that you and any users of the Weights are not (i) located in, organized under the laws of, or resident in any country or territory subject to comprehensive sanctions; (ii) identified on any government restricted party list, including the list of blocked persons; or (iii) otherwise barred from receiving the Weights under applicable law. You shall not export the Weights in violation of any export control laws.",
		want: []phrase{
			{use, "You may not use the Weights in any country subject to U.S. sanctions.", nil},
			{geo, "You may not use the Weights in any country subject to U.S. sanctions.", nil},
			{geo, "You represent and warrant that you and any users of the Weights are not (i) located in, organized under the laws of, or resident in any country or territory subject to comprehensive sanctions; (ii) identified on any government restricted party list, including the list of blocked persons; or (iii) otherwise barred from receiving the Weights under applicable law. You shall not export the Weights in violation of any export control laws.", nil},
		},
	}, {
		name: "Chinese: deployment refused, generated content bound, sanctioned countries",
		text: "使用者不允许将模型部署于关键基础设施。\n" +
			"不得公开发布模型输出的结果。\n" +
			"您不得向受制裁国家提供本模型。",
		want: []phrase{
			{use, "使用者不允许将模型部署于关键基础设施。", nil},
			{output, "不得公开发布模型输出的结果。", nil},
			{geo, "您不得向受制裁国家提供本模型。", nil},
		},
	}})
}
