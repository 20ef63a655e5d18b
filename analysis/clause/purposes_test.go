package clause

import "testing"

// TestTerminationByStructure: rights that end when you sue, whichever
// comes first in the sentence, and termination at the licensor's own
// judgment, in made-up wordings; Apache-2.0's own patent clause gives no
// hit (termination on breach: breach_test.go). Every case lists all hits
// its text gives.
func TestTerminationByStructure(t *testing.T) {
	lit := map[string]any{"condition": "litigation"}
	runPhraseCases(t, []phraseCase{{
		name: "condition first: you file or join a lawsuit",
		text: "If you file, maintain, or join a lawsuit against Zeta alleging that the Weights infringe any patent, your license under these terms shall immediately terminate.",
		want: []phrase{
			{remote, "If you file, maintain, or join a lawsuit against Zeta alleging that the Weights infringe any patent, your license under these terms shall immediately terminate.", lit},
		},
	}, {
		name: "consequence first, beside breach",
		text: "This Agreement ends automatically without notice if you fail to comply with it or if you commence or participate in any legal proceeding against Zeta about the Weights.\n" +
			"These terms shall terminate immediately if you breach them, or if you initiate any legal action against the Licensor over the Model.",
		want: []phrase{
			{remote, "This Agreement ends automatically without notice if you fail to comply with it or if you commence or participate in any legal proceeding against Zeta about the Weights.", lit},
			{remote, "These terms shall terminate immediately if you breach them, or if you initiate any legal action against the Licensor over the Model.", lit},
		},
	}, {
		name: "Apache's patent clause widened to copyright suits and outputs",
		text: "If You institute patent or copyright litigation against any entity (including a cross-claim or counterclaim in a lawsuit) alleging that the Work or an output from the Work constitutes direct or contributory patent or copyright infringement, then any licenses granted to You under this License for that Work shall terminate as of the date such litigation is filed.",
		want: []phrase{
			{remote, "If You institute patent or copyright litigation against any entity (including a cross-claim or counterclaim in a lawsuit) alleging that the Work or an output from the Work constitutes direct or contributory patent or copyright infringement, then any licenses granted to You under this License for that Work shall terminate as of the date such litigation is filed.", lit},
		},
	}, {
		name: "the licensor's judgment, with or without breach beside it",
		text: "Zeta may terminate these terms on thirty days' notice if, in Zeta's sole discretion, offering the Weights is no longer worthwhile.\n" +
			"Zeta may terminate this Agreement if you are in breach of it or if Zeta reasonably determines that a regulator may object to your use.\n" +
			"We may suspend your access when continued distribution is no longer commercially viable.\n" +
			"如许可方合理判断您的使用可能带来监管风险，许可方有权终止本协议。",
		want: []phrase{
			{remote, "Zeta may terminate these terms on thirty days' notice if, in Zeta's sole discretion, offering the Weights is no longer worthwhile.", nil},
			{remote, "Zeta may terminate this Agreement if you are in breach of it or if Zeta reasonably determines that a regulator may object to your use.", nil},
			{remote, "We may suspend your access when continued distribution is no longer commercially viable.", nil},
			{remote, "如许可方合理判断您的使用可能带来监管风险，许可方有权终止本协议。", nil},
		},
	}, {
		name: "no hit: Apache's own clause, your own discretion",
		text: "If You institute patent litigation against any entity (including a cross-claim or counterclaim in a lawsuit) alleging that the Work or a Contribution incorporated within the Work constitutes direct or contributory patent infringement, then any patent licenses granted to You under this License for that Work shall terminate as of the date such litigation is filed.\n" +
			"You may terminate this Agreement at your discretion by deleting the Weights.\n" +
			"您可以根据自行判断终止使用本模型。\n" +
			"If a lawsuit is filed, the parties shall first seek mediation.",
	}})
}

// TestPurposesByStructure: a use or a grant narrowed to research-like
// purposes listed in any order (non-commercial too when one of them is
// personal or not-for-profit), commercial activity withheld, a grant for
// non-production use; lists that name commercial or any use do not
// narrow. Every case lists all hits its text gives.
func TestPurposesByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a use narrowed to a list of research-like purposes",
		text: "You shall only use the Weights and your fine-tunes for testing, research, personal, or evaluation purposes in a sandbox.\n" +
			"You may run the Model solely for experimental, teaching, and study purposes.",
		want: []phrase{
			{ro, "You shall only use the Weights and your fine-tunes for testing, research, personal, or evaluation purposes in a sandbox.", nil},
			{nc, "You shall only use the Weights and your fine-tunes for testing, research, personal, or evaluation purposes in a sandbox.", nil},
			{ro, "You may run the Model solely for experimental, teaching, and study purposes.", nil},
		},
	}, {
		// Not-for-profit purposes beside research widen the grant past
		// research (holdout6's convention): non-commercial only.
		name: "a grant narrowed to research and not-for-profit purposes",
		text: "Permission to use, copy and modify the Weights for educational, research, and not-for-profit purposes, without fee, is hereby granted.",
		want: []phrase{
			{nc, "Permission to use, copy and modify the Weights for educational, research, and not-for-profit purposes, without fee, is hereby granted.", nil},
		},
	}, {
		name: "research grant with freely",
		text: "This license allows you to freely use the checkpoints for academic research.",
		want: []phrase{
			{ro, "This license allows you to freely use the checkpoints for academic research.", nil},
		},
	}, {
		name: "commercial activity withheld, non-production grant",
		text: "You shall not offer the Weights to anyone in the course of a commercial activity, paid or free.\n" +
			"Zeta grants you a license to install and run the Weights, all for non-production uses.",
		want: []phrase{
			{nc, "You shall not offer the Weights to anyone in the course of a commercial activity, paid or free.", nil},
			{nc, "Zeta grants you a license to install and run the Weights, all for non-production uses.", nil},
		},
	}, {
		name: "no hit: lists with commercial or any use, research named after including",
		text: "You may use the Weights for research and commercial purposes.\n" +
			"Permission to use the Weights for any purpose, including research purposes, is hereby granted.\n" +
			"You may use the Weights for production and non-production uses.\n" +
			"The data was collected only for safety evaluation of the Model.",
	}})
}

// TestOutputRestrictionPrecision: a restriction on outputs stands, while a
// carve-out that gives back a use of outputs ("You may, however, use the
// Outputs to ..."), a decision said to be machine-made (automated
// decision-making, a use of the model) and a definition of derivatives
// that takes in models trained on outputs give no output hit.
func TestOutputRestrictionPrecision(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a restriction, then its carve-out",
		text: "You may not use any Outputs to train or improve any other large language model. You may, however, use the Outputs to fine-tune the Model itself.\n" +
			"However, you may use Outputs to evaluate other models.",
		want: []phrase{
			{output, "You may not use any Outputs to train or improve any other large language model.", nil},
		},
	}, {
		name: "outputs in a narrowed use, under other terms, shared with a notice, passed off as your own",
		text: "You shall only use the Weights and Outputs for the Permitted Purpose.\n" +
			"Any Outputs shall be subject to the restrictions of Section 3.\n" +
			"Your use of output of the Model is subject to the Zeta Output Terms of Use.\n" +
			"If you share a set of Outputs as a dataset, you must include a prominent notice naming the Model.\n" +
			"Provide prominent notices stating that your models are trained on Outputs of the Model.\n" +
			"Do not submit any output of the Model as your own work in class.\n" +
			"You may not use the Weights or any Outputs in or in connection with drug discovery.",
		want: []phrase{
			{output, "You shall only use the Weights and Outputs for the Permitted Purpose.", nil},
			{output, "Any Outputs shall be subject to the restrictions of Section 3.", nil},
			// a document that binds you, named without its address
			{policy, "Your use of output of the Model is subject to the Zeta Output Terms of Use.", map[string]any{"document": "Terms of Use"}},
			{output, "Your use of output of the Model is subject to the Zeta Output Terms of Use.", nil},
			{output, "If you share a set of Outputs as a dataset, you must include a prominent notice naming the Model.", nil},
			{notice, "Provide prominent notices stating that your models are trained on Outputs of the Model.", nil},
			{output, "Provide prominent notices stating that your models are trained on Outputs of the Model.", nil},
			{output, "Do not submit any output of the Model as your own work in class.", nil},
			{use, "You may not use the Weights or any Outputs in or in connection with drug discovery.", nil},
			{output, "You may not use the Weights or any Outputs in or in connection with drug discovery.", nil},
		},
	}, {
		name: "no hit: outputs free of terms",
		text: "Outputs are not subject to the restrictions of this License.\nZeta claims no ownership of Outputs, which are subject to no conditions.",
	}, {
		name: "content must be marked as machine-generated",
		text: "You will not disseminate content made with the Model without disclosing that it is machine-generated.",
		want: []phrase{
			{output, "You will not disseminate content made with the Model without disclosing that it is machine-generated.", nil},
		},
	}, {
		name: "no hit: automated decisions said to be machine-made, a definition of derivatives",
		text: "Nobody may rely on fully automated decision-making that creates a binding obligation without disclosing that the obligation is machine generated.\n" +
			"\"Derivatives\" refers to all modifications of the Model and any model trained on synthetic data or outputs of the Model.",
	}})
}

// TestThresholdsRegionsPermission: thresholds whose metric and amount
// stand apart, export control named in a duty to comply, regions that only
// pick the governing law or the contracting party, and commercial use that
// needs the licensor's permission or a license of its own (EN, ZH).
func TestThresholdsRegionsPermission(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "revenue and users apart from their amounts",
		text: "A separate license is needed if the monthly revenue of your group (or of your employer) exceeds $5 million.\n" +
			"If the total revenue of the Licensee and its affiliates is more than 30 million US dollars over any 12 months, a separate agreement is needed.\n" +
			"Services with a daily active user count (DAU) of more than 2 million need a separate agreement.",
		want: []phrase{
			{scale, "A separate license is needed if the monthly revenue of your group (or of your employer) exceeds $5 million.", map[string]any{"metric": "monthly-revenue", "value": int64(5_000_000), "currency": "USD"}},
			{scale, "If the total revenue of the Licensee and its affiliates is more than 30 million US dollars over any 12 months, a separate agreement is needed.", map[string]any{"metric": "revenue", "value": int64(30_000_000), "currency": "USD"}},
			{scale, "Services with a daily active user count (DAU) of more than 2 million need a separate agreement.", map[string]any{"metric": "daily-active-users", "value": int64(2_000_000)}},
		},
	}, {
		name: "export control in a duty to comply",
		text: "You will comply with all laws and regulations applicable to the import or export of the Weights.\n" +
			"You must comply with applicable law, including export-control laws.\n" +
			"您应当遵守适用的出口管制法规。",
		want: []phrase{
			{geo, "You will comply with all laws and regulations applicable to the import or export of the Weights.", nil},
			{geo, "You must comply with applicable law, including export-control laws.", nil},
			{geo, "您应当遵守适用的出口管制法规。", nil},
		},
	}, {
		name: "commercial use needs the licensor's permission or a license",
		text: "Companies that wish to use the Weights for commercial purposes must register and obtain a commercial license from Zeta.\n" +
			"You can apply to Zeta for permission and may then be allowed to use the Weights commercially.\n" +
			"If you plan to use the Weights for commercial purposes, please fill in the registration form and obtain the license for commercial use.\n" +
			"将本模型用于商业用途的，须事先获得许可方的书面授权。",
		want: []phrase{
			{nc, "Companies that wish to use the Weights for commercial purposes must register and obtain a commercial license from Zeta.", nil},
			{nc, "You can apply to Zeta for permission and may then be allowed to use the Weights commercially.", nil},
			{nc, "If you plan to use the Weights for commercial purposes, please fill in the registration form and obtain the license for commercial use.", nil},
			{nc, "将本模型用于商业用途的，须事先获得许可方的书面授权。", nil},
		},
	}, {
		name: "no region or commercial hit: governing law and contracting party by region, an optional license, a license only above a threshold (the threshold alone), no permission needed",
		text: "If you acquired the Weights in the United States, the laws of your state govern this agreement, and the laws of other places do not apply.\n" +
			"This agreement is between you and, if you are from the European Union, Zeta Europe Ltd, and other affiliates are excluded.\n" +
			"You may contact Zeta to request a commercial license with extra support.\n" +
			"If your service exceeds 1 million visits a month, you need to contact Zeta to obtain a larger commercial license.\n" +
			"Commercial use does not require any permission from Zeta.",
		want: []phrase{
			{scale, "If your service exceeds 1 million visits a month, you need to contact Zeta to obtain a larger commercial license.", map[string]any{"metric": "monthly-visits", "value": int64(1_000_000)}},
		},
	}})
}

// TestUsesAndRecipients: uses the licensor prohibits in its own voice,
// further use restrictions it may communicate, a use kept to yourself, and
// the people you share with bound by the terms (EN, ZH); a general duty to
// obey the law, duties after termination and a recipient's freedom are
// neither.
func TestUsesAndRecipients(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "the licensor prohibits uses; further use restrictions",
		text: "Zeta strictly prohibits the use of the Weights (a) for tracking people, or (b) to score credit.\n" +
			"Your use of the Weights may be subject to further use restrictions that Zeta publishes.",
		want: []phrase{
			{use, "Zeta strictly prohibits the use of the Weights (a) for tracking people, or (b) to score credit.", nil},
			{use, "Your use of the Weights may be subject to further use restrictions that Zeta publishes.", nil},
		},
	}, {
		name: "a use kept to yourself, not as a service",
		text: "You may build a voice app with the Weights for your own use but cannot offer it as a service to others.",
		want: []phrase{
			{use, "You may build a voice app with the Weights for your own use but cannot offer it as a service to others.", nil},
		},
	}, {
		name: "no hit: duties after termination",
		text: "If Zeta suspends or terminates your access, you must delete the Weights and are prohibited from using them.\n" +
			"Upon termination, you are not allowed to use the Weights.",
	}, {
		name: "recipients bound by the terms",
		text: "You may give colleagues access to the Weights provided that they first agree to be bound by these terms.\n" +
			"Any recipients of the Weights or a fine-tune shall adhere to the Permitted Purpose.\n" +
			"接收方必须遵守本协议。",
		want: []phrase{
			{pass, "You may give colleagues access to the Weights provided that they first agree to be bound by these terms.", nil},
			{pass, "Any recipients of the Weights or a fine-tune shall adhere to the Permitted Purpose.", nil},
			{pass, "接收方必须遵守本协议。", nil},
		},
	}, {
		name: "no hit: obeying the law, recipients free of a duty",
		text: "Your use of the Weights must comply with applicable laws.\n" +
			"Recipients are not required to comply with the terms of this section.\n" +
			"Zeta prohibits nothing beyond what the law prohibits.",
	}})
}

// TestCommercialPartiesShutOut: no copies to, or use by or for, a
// commercial entity, and a licensee that must be a non-commercial
// organisation, are non-commercial grants; a commercial entity named as
// a permitted party is not.
func TestCommercialPartiesShutOut(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "commercial parties shut out",
		text: "You shall not give copies of the Weights to, or allow their use by, on behalf of or for, any commercial entity.\n" +
			"If you accept these terms for an institution, you warrant that the institution is a non-commercial organization.",
		want: []phrase{
			{nc, "You shall not give copies of the Weights to, or allow their use by, on behalf of or for, any commercial entity.", nil},
			{nc, "If you accept these terms for an institution, you warrant that the institution is a non-commercial organization.", nil},
		},
	}, {
		name: "no hit: a commercial entity allowed, a definition's exclusion",
		text: "Any commercial entity may use the Weights under these terms.\nYou represent that you are authorized to bind your company.\n" +
			"Personal use does not include any use by, or for, a commercial entity.",
	}})
}

// TestDefinitionListItems: the items of a definition's list on its line
// are part of the definition and give no hit; an item that binds a party,
// and a sentence after a definition that ends in a full stop, are clauses.
func TestDefinitionListItems(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "items of a definition",
		text: "1.5 衍生品：指模型的衍生品，包括：（i）对模型输出的修改；（ii）利用模型输出训练其他模型而得到的模型。\n" +
			"(f) \"Derivatives\" means, including: (i) changes to the Model; (ii) any model trained on outputs of the Model to improve other models.",
	}, {
		name: "clauses after a definition",
		text: "1.6 衍生品：指以下内容：（i）对模型的修改；（ii）您不得使用模型输出训练其他模型。\n" +
			"\"Non-Commercial Use\" means research. Non-Commercial Use does not include use of outputs to train any other model.",
		want: []phrase{
			{output, "（ii）您不得使用模型输出训练其他模型。", nil},
			{output, "Non-Commercial Use does not include use of outputs to train any other model.", nil},
		},
	}})
}
