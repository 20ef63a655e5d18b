package clause

import "testing"

// TestPurposeLimitedGrants: a grant in any permission form whose purpose
// phrase lists only limited purposes (non-commercial or personal ones:
// license/non-commercial; research-like ones: license/research-only),
// read as a rule over the purpose classes of lexicons.yaml, in made-up
// wordings. Every case lists all hits its text gives.
func TestPurposeLimitedGrants(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "permission forms over a non-commercial or personal purpose",
		text: "The Weights are provided for personal, not-for-profit experimentation.\n\n" +
			"Permission is granted to copy the Weights for hobby use.\n\n" +
			"You are free to use the checkpoints for private projects.\n\n" +
			"Any noncommercial purpose is a permitted purpose.",
		want: []phrase{
			{nc, "The Weights are provided for personal, not-for-profit experimentation.", nil},
			{nc, "Permission is granted to copy the Weights for hobby use.", nil},
			{nc, "You are free to use the checkpoints for private projects.", nil},
			{nc, "Any noncommercial purpose is a permitted purpose.", nil},
		},
	}, {
		name: "permission forms over a research-like purpose",
		text: "The Weights are provided for scholarly and benchmarking work.\n\n" +
			"Zeta grants you a license to use the Weights for the purpose of conducting scientific experimentation.\n\n" +
			"You may create and use fine-tunes of the Model for teaching.\n\n" +
			"Use of the checkpoints is allowed for evaluation.",
		want: []phrase{
			{ro, "The Weights are provided for scholarly and benchmarking work.", nil},
			{ro, "Zeta grants you a license to use the Weights for the purpose of conducting scientific experimentation.", nil},
			{ro, "You may create and use fine-tunes of the Model for teaching.", nil},
			{ro, "Use of the checkpoints is allowed for evaluation.", nil},
		},
	}, {
		name: "Chinese: 仅供, 可用于 over a purpose class",
		text: "本模型可用于个人非营利项目。\n本权重仅供教学与评测。",
		want: []phrase{
			{nc, "本模型可用于个人非营利项目。", nil},
			{ro, "本权重仅供教学与评测。", nil},
		},
	}, {
		name: "no hit: a limited purpose beside a wider one, as an example, a duty, a reserved right",
		text: "The Weights are provided for research and business purposes.\n\n" +
			"You may use the Weights for personal or commercial projects.\n\n" +
			"You may use the Weights for any purpose, such as non-commercial research.\n\n" +
			"You may use the Weights for teaching or for any lawful purpose.\n\n" +
			"You agree to share your results with other researchers for non-profit study.\n\n" +
			"Zeta reserves the right to use your feedback for research.\n\n" +
			"You may process personal data with the Model only as the law allows.\n\n" +
			"本模型可用于商业和非商业用途。",
	}, {
		name: "no hit: a grant by you to the licensor, a warranty on personal use, a grant beside a wider purpose in its own clause",
		text: "You hereby grant Zeta the right to use your feedback for research.\n\n" +
			"Where a warranty relates to goods acquired for personal use, it is limited.\n\n" +
			"The Weights may be used solely for the purpose of testing or for backup purposes.\n\n" +
			"You may use the Weights for your personal or internal business use.",
	}})
}

// TestCommercialBans: a ban in any modality over an object or act of the
// commercial class (lexicons.yaml): a prohibition, a requirement of a
// separate license or written permission, a use kept to non-commercial
// kinds of entity; and what is no such ban. A ban whose only field is
// the commercial class is no use restriction besides; one that names
// another field is.
func TestCommercialBans(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "prohibitions over the commercial class",
		text: "Licensees must not commercialize anything derived from the Weights.\n\n" +
			"You are not permitted to deploy the Weights in revenue-generating settings.\n\n" +
			"This license does not permit monetization of the Weights.\n\n" +
			"Do not use the Weights commercially.\n\n" +
			"You may not exercise any of the rights granted to You in Section 3 above in any manner that is primarily intended for commercial advantage.\n\n" +
			"Zeta forbids the use of the Weights in paid products.",
		want: []phrase{
			{nc, "Licensees must not commercialize anything derived from the Weights.", nil},
			{nc, "You are not permitted to deploy the Weights in revenue-generating settings.", nil},
			{nc, "This license does not permit monetization of the Weights.", nil},
			{nc, "Do not use the Weights commercially.", nil},
			{nc, "You may not exercise any of the rights granted to You in Section 3 above in any manner that is primarily intended for commercial advantage.", nil},
			{nc, "Zeta forbids the use of the Weights in paid products.", nil},
		},
	}, {
		name: "a separate license, written permission or agreement required",
		text: "Deploying the Weights in commercial products requires explicit written permission from Zeta.\n\n" +
			"Commercial distribution of the Weights is available only through a separate commercial license.\n\n" +
			"No commercial deployment may be made unless otherwise agreed in writing with Zeta.",
		want: []phrase{
			{nc, "Deploying the Weights in commercial products requires explicit written permission from Zeta.", nil},
			{nc, "Commercial distribution of the Weights is available only through a separate commercial license.", nil},
			{nc, "No commercial deployment may be made unless otherwise agreed in writing with Zeta.", nil},
		},
	}, {
		name: "a ban whose fields are commercial and another is a use restriction too",
		text: "You may not use the Weights for military purposes or for commercial purposes.\n\n" +
			"您不得将本模型用于军事或商业用途。",
		want: []phrase{
			{nc, "You may not use the Weights for military purposes or for commercial purposes.", nil},
			{use, "You may not use the Weights for military purposes or for commercial purposes.", nil},
			{nc, "您不得将本模型用于军事或商业用途。", nil},
			{use, "您不得将本模型用于军事或商业用途。", nil},
		},
	}, {
		name: "kept to non-commercial kinds of entity",
		text: "The Weights may be used solely by non-profit organizations and government agencies.",
		want: []phrase{
			{nc, "The Weights may be used solely by non-profit organizations and government agencies.", nil},
		},
	}, {
		name: "Chinese: bans and separate authorisation over the commercial class",
		text: "您不能将本模型用于付费服务。\n本模型的商业化须另行签署协议。",
		want: []phrase{
			{nc, "您不能将本模型用于付费服务。", nil},
			{nc, "本模型的商业化须另行签署协议。", nil},
		},
	}, {
		name: "no hit: commercial use allowed, free after registering, the licensor's undertaking, names, warranties, outputs, a definition",
		text: "Nothing in this license restricts commercial use of the Weights.\n\n" +
			"Commercial use of the Weights is not restricted once you register on our website.\n\n" +
			"We shall not offer the Weights as a commercial product.\n\n" +
			"You may not use the Zeta trademarks to promote commercial products.\n\n" +
			"Zeta shall not be liable for any commercial damages.\n\n" +
			"Commercial use is permitted without a separate license.\n\n" +
			"Research use does not include use for commercial purposes.\n\n" +
			"如需咨询商业许可，请联系我们。\n商用无需另行授权。",
	}, {
		name: "no hit: may not of what may happen, what is not considered commercial, reasonable efforts, free and commercial alike",
		text: "The preview may not operate correctly before the first commercial product release.\n\n" +
			"Sharing the Work shall not be considered to be directed toward commercial advantage.\n\n" +
			"Zeta shall use commercially reasonable efforts to fix defects, and shall not charge for them.\n\n" +
			"You may not distribute free nor commercial applications that embed the Weights.\n\n" +
			"Commercial use of the Weights requires prior notification to Zeta.\n\n" +
			"若您获得商用许可并将本模型用于商业用途，您应满足商业许可中的条件。",
	}, {
		name: "a pointer for commercial use is the finding only when no clause says it",
		text: "For commercial use, reach out to licensing@example.com.\n\n" +
			"You shall not use the Weights for any commercial purpose.",
		want: []phrase{
			{nc, "You shall not use the Weights for any commercial purpose.", nil},
		},
	}, {
		name: "a pointer for commercial use alone",
		text: "For commercial use, reach out to licensing@example.com.",
		want: []phrase{
			{nc, "For commercial use, reach out to licensing@example.com.", nil},
		},
	}, {
		name: "Chinese: a limit stated twice on one line is one finding",
		text: "本协议不允许将本模型用于商业用途。任何商业用途均须事先获得书面授权。",
		want: []phrase{
			{nc, "本协议不允许将本模型用于商业用途。任何商业用途均须事先获得书面授权。", nil},
		},
	}})
}

// TestHeadingBans: a heading that states a ban lends it to the marked
// items under it, each its own finding (a heading is no lead-in whose
// items are one row, R8d); a heading without a modality lends nothing.
func TestHeadingBans(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a heading that says you may not",
		text: "## You may not\n\n- Monetize the Weights or anything built with them\n- Offer the Weights as a paid service\n",
		want: []phrase{
			{nc, "Monetize the Weights or anything built with them", nil},
			{nc, "Offer the Weights as a paid service", nil},
		},
	}, {
		name: "Chinese: a heading that says 禁止",
		text: "### 禁止行为\n\n- 将本模型商业化\n",
		want: []phrase{
			{nc, "将本模型商业化", nil},
		},
	}, {
		name: "no hit: a heading without a ban, a paragraph under a ban heading",
		text: "## Permitted uses\n\n- Monetize the Weights\n\n## You may not\n\nThe Weights are offered as a paid service by Zeta.\n",
	}})
}

// TestGrantLeadInNotBan: a lead-in that grants a license described as
// non-transferable (不可转让、不可再许可) lends no ban to its items, which
// say what the licensee may do.
func TestGrantLeadInNotBan(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "Chinese: a non-transferable license's items are permissions",
		text: "许可方特此授予被授权人非排他、不可转让、不可再许可的以下许可：\n\n2.1 在商业用途中使用本模型并开发产品。\n",
	}})
}
