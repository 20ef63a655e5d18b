package clause

import "testing"

// TestConditionDuties: notice, credit, share-alike and pass-through
// duties read from the structure of the duty rather than one licensor's
// words (made-up texts, English and Chinese): a permission whose
// condition states the duty in the indicative ("provided that this
// license is included"), a short list item that opens with its actor, an
// imperative whose purpose is the credit, a ban on sharing without the
// license or the credit, derivatives that inherit the terms, terms passed
// through to recipients. Wishes, "should", definitions, permissions and
// the licensor's own duties are no duties. Every case lists all hits it
// gives.
func TestConditionDuties(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a permission conditioned on the license included and the credit retained (passive)",
		text: "Permission is granted to use and copy the Weights, provided that this license is included with all copies and that attribution to Acme Labs is retained.",
		want: []phrase{
			{attr, "Permission is granted to use and copy the Weights, provided that this license is included with all copies and that attribution to Acme Labs is retained.", nil},
			{notice, "Permission is granted to use and copy the Weights, provided that this license is included with all copies and that attribution to Acme Labs is retained.", nil},
		},
	}, {
		name: "provided this license is included and Attribution is maintained",
		text: "You may redistribute the Model in its unmodified form, provided this license is included and Attribution is maintained.",
		want: []phrase{
			{attr, "You may redistribute the Model in its unmodified form, provided this license is included and Attribution is maintained.", nil},
			{notice, "You may redistribute the Model in its unmodified form, provided this license is included and Attribution is maintained.", nil},
		},
	}, {
		// "provided" here is the conjunction, not a verb that provides
		// the license
		name: "no hit: a permission conditioned on the license staying in force",
		text: "You may use the Model for any purpose, provided this Agreement is not terminated.\n\nYou may use the Model, provided this License remains in effect.\n\nProvided the License is in force, you may share the Model.",
	}, {
		name: "as long as the license is included and the recipient receives the same restrictions",
		text: "You may share modified Models, as long as this license is included and the recipient receives the same restrictions.",
		want: []phrase{
			{notice, "You may share modified Models, as long as this license is included and the recipient receives the same restrictions.", nil},
			{pass, "You may share modified Models, as long as this license is included and the recipient receives the same restrictions.", nil},
		},
	}, {
		name: "a credit given as the condition, by the one who gives it",
		text: "You may adapt these files, provided you keep this file with any copy you distribute and give the attribution in section 4.",
		want: []phrase{
			{attr, "You may adapt these files, provided you keep this file with any copy you distribute and give the attribution in section 4.", nil},
			{notice, "You may adapt these files, provided you keep this file with any copy you distribute and give the attribution in section 4.", nil},
		},
	}, {
		name: "a short item under 'provided that:' that opens with its actor is a condition, not a heading",
		text: "You may create Derivative Works, provided that:\n   a) You comply with all restrictions in Section 3\n   b) You maintain appropriate attribution\n   c) You pay the fee",
		want: []phrase{
			{attr, "You maintain appropriate attribution", nil},
		},
	}, {
		name: "no hit: a short capitalised heading after a lead-in is still a heading",
		text: "You may create Derivative Works, provided that:\n\nLicensee Obligations\n\nYou maintain appropriate attribution in your own discretion, if you like.",
	}, {
		name: "CC summary: the attribution below, a link to the licence and changes indicated",
		text: "You may copy and adapt these files for non-commercial purposes, provided you give the attribution below, link the licence, and indicate changes.",
		want: []phrase{
			{notice, "You may copy and adapt these files for non-commercial purposes, provided you give the attribution below, link the licence, and indicate changes.", nil},
			{attr, "You may copy and adapt these files for non-commercial purposes, provided you give the attribution below, link the licence, and indicate changes.", nil},
			{nc, "You may copy and adapt these files for non-commercial purposes, provided you give the attribution below, link the licence, and indicate changes.", nil},
		},
	}, {
		name: "an imperative whose purpose is the credit",
		text: "For attribution, identify Zeta-3B, the model name and its source repository.",
		want: []phrase{
			{attr, "For attribution, identify Zeta-3B, the model name and its source repository.", nil},
		},
	}, {
		name: "an imperative credit after the clause that says when",
		text: "If you use the weights, attribute both this repository and the Acme dataset (Doe et al., 2018).\n\nWherever you credit sources, credit:\n\n    Acme Open Content -- Chimera, CC BY 4.0",
		want: []phrase{
			{attr, "If you use the weights, attribute both this repository and the Acme dataset (Doe et al., 2018).", nil},
			{attr, "Wherever you credit sources, credit:", nil},
		},
	}, {
		name: "no hit: a credit left to your wish, a fact to state",
		text: "If you wish, credit the authors.\n\nWhen you publish results, cite whether the model was fine-tuned.",
	}, {
		name: "no hit: the same as a request or a recommendation",
		text: "For attribution, please cite our paper.\n\nFor attribution, we recommend naming the model.\n\nAttribution should identify Zeta and link to the repository when practicable.",
	}, {
		name: "a ban on sharing without citing or crediting is a duty to credit",
		text: "You may not distribute Output, or disclose findings arising from using the Model, without citing our paper.\n\nLicensees are prohibited from distributing the Weights without appropriate credit to Acme.",
		want: []phrase{
			{attr, "You may not distribute Output, or disclose findings arising from using the Model, without citing our paper.", nil},
			{output, "You may not distribute Output, or disclose findings arising from using the Model, without citing our paper.", nil},
			{attr, "Licensees are prohibited from distributing the Weights without appropriate credit to Acme.", nil},
		},
	}, {
		name: "a ban on sharing without the license is a duty to ship it (an item of 'You may not:')",
		text: "You may not:\n\n(a) sell the Engine Assets;\n\n(b) redistribute the Engine Assets without a copy of this license.",
		want: []phrase{
			{notice, "redistribute the Engine Assets without a copy of this license.", nil},
		},
	}, {
		name: "no hit: sharing without the license or a credit allowed, or not required",
		text: "You may use the Model without attribution.\n\nYou may share the Model without citing our paper.\n\nYou are not required to distribute the Model with a copy of this License.",
		want: []phrase{
			// copy-of-license reads any copy of this License; the
			// 'not required' of that pattern's neighbours is its own matter
			{notice, "You are not required to distribute the Model with a copy of this License.", nil},
		},
	}, {
		name: "derivatives inherit these terms; shared under the same terms named by kind; an imperative item",
		text: "Derivative weights inherit these terms.\n\nIf you use the weights, credit Acme, and share any derivative weights under the same non-commercial, share-alike terms.\n\nYou may copy and build upon the weights provided that you:\n\n  * ShareAlike - distribute any derivatives under this same license.",
		want: []phrase{
			{sa, "Derivative weights inherit these terms.", nil},
			{attr, "If you use the weights, credit Acme, and share any derivative weights under the same non-commercial, share-alike terms.", nil},
			{sa, "If you use the weights, credit Acme, and share any derivative weights under the same non-commercial, share-alike terms.", nil},
			{sa, "ShareAlike - distribute any derivatives under this same license.", nil},
		},
	}, {
		name: "a ban lifted only for derivatives under this license",
		text: "You may not:\n\n(a) use the Engine Assets to train any machine learning model, except where such derivative is itself distributed under this license;\n\n(b) sell the Engine Assets.\n\nYou may not distribute modifications unless they are licensed under the same terms.",
		want: []phrase{
			{output, "use the Engine Assets to train any machine learning model, except where such derivative is itself distributed under this license;", nil},
			{sa, "use the Engine Assets to train any machine learning model, except where such derivative is itself distributed under this license;", nil},
			{sa, "You may not distribute modifications unless they are licensed under the same terms.", nil},
		},
	}, {
		name: "no share-alike: a ban lifted where this license permits (a use restriction)",
		text: "You may not use the Weights except where permitted under this license.",
		want: []phrase{{use, "You may not use the Weights except where permitted under this license.", nil}},
	}, {
		name: "no hit: a permission to share derivatives under this license, a wish",
		text: "You may copy, modify, and distribute derivatives under this license.\n\nYou should share derivatives under the same open terms.",
	}, {
		name: "terms and notice passed through to downstream recipients; use-based restrictions stated",
		text: "You must pass through those terms (and the required notice) to any downstream recipient.\n\nYou must always explicitly state the general Use-Based Restrictions.",
		want: []phrase{
			{notice, "You must pass through those terms (and the required notice) to any downstream recipient.", nil},
			{pass, "You must pass through those terms (and the required notice) to any downstream recipient.", nil},
			{pass, "You must always explicitly state the general Use-Based Restrictions.", nil},
		},
	}, {
		name: "no hit: restrictions and notices the licensor communicates to you",
		text: "Your use may be subject to additional use-based restrictions communicated to you by the Licensor.\n\nThe Licensor shall pass on any notices it receives to you.",
	}, {
		name: "a notice of changes: whether you modified them, that the model was modified (no credit)",
		text: "Credit this project. Indicate whether you modified them.\n\nIf you redistribute the Model, you must:\n\n- clearly state that the model was modified, if applicable\n- pay the fee",
		want: []phrase{
			{attr, "Credit this project.", nil},
			{notice, "Indicate whether you modified them.", nil},
			{notice, "clearly state that the model was modified, if applicable", nil},
		},
	}, {
		name: "no hit: the licensor's changes, a wish to mark changes",
		text: "Indicate whether you modified this Agreement.\n\nPlease indicate whether you modified the Model.",
	}, {
		name: "notices kept among the marks of the work (an item of 'You must:'); ZH the same",
		text: "You must:\n   a) Maintain all Acme branding, logos, notices, and watermarks\n   b) Pay the fee\n\n您必须保留所有品牌标识、徽标、版权声明和水印。",
		want: []phrase{
			{notice, "Maintain all Acme branding, logos, notices, and watermarks", nil},
			{notice, "您必须保留所有品牌标识、徽标、版权声明和水印。", nil},
		},
	}, {
		name: "no hit: notices of termination kept, marks you may remove",
		text: "You must keep all notices of termination and your logos up to date.\n\nYou may remove any logos, notices and watermarks.",
	}, {
		name: "ZH: a permission conditioned on the license attached and the source named",
		text: "您可以复制和分发本模型，前提是所有副本均附带本协议，并注明出处。",
		want: []phrase{
			{attr, "您可以复制和分发本模型，前提是所有副本均附带本协议，并注明出处。", nil},
			{notice, "您可以复制和分发本模型，前提是所有副本均附带本协议，并注明出处。", nil},
		},
	}, {
		name: "ZH: as long as the license is kept and the recipient gets the same restrictions",
		text: "您可以分发本模型，只要保留本许可证并且接收方受到相同的限制。",
		want: []phrase{
			{notice, "您可以分发本模型，只要保留本许可证并且接收方受到相同的限制。", nil},
			{pass, "您可以分发本模型，只要保留本许可证并且接收方受到相同的限制。", nil},
		},
	}, {
		name: "ZH: derivative weights inherit the terms; terms passed to downstream recipients; a notice of changes",
		text: "衍生权重继承本协议条款。\n\n您须将这些条款及所需声明传递给任何下游接收方。\n\n使用者发布派生模型时，该使用者须以显著的方式说明修改内容。\n\n不得在未附带本协议副本的情况下分发本模型。",
		want: []phrase{
			{sa, "衍生权重继承本协议条款。", nil},
			{pass, "您须将这些条款及所需声明传递给任何下游接收方。", nil},
			{notice, "使用者发布派生模型时，该使用者须以显著的方式说明修改内容。", nil},
			{notice, "不得在未附带本协议副本的情况下分发本模型。", nil},
		},
	}, {
		name: "ZH no hit: a recommendation, keeping the license optional",
		text: "我们建议您注明出处。\n\n您可以在副本中保留本协议，但这不是必需的。",
	}})
}
