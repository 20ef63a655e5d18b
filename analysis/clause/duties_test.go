package clause

import "testing"

// TestDutiesReadByStructure: notice and credit duties worded without the
// words the older patterns needed (made-up texts): a recipient who must
// receive a copy, notices kept intact, the license text preserved, the
// Creative Commons summary of attribution (a notice duty, not a public
// credit), a quoted disclaimer to state, and a credit in the interface.
func TestDutiesReadByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "recipients receive a copy; notices kept intact",
		text: "You may share the Weights for research, provided that each recipient receives a copy of this License.\nYou must keep intact all copyright and other notices in the Weights.",
		want: []phrase{
			{notice, "You may share the Weights for research, provided that each recipient receives a copy of this License.", nil},
			// a permission to share for a purpose is a grant limited to it
			{ro, "You may share the Weights for research, provided that each recipient receives a copy of this License.", nil},
			{notice, "You must keep intact all copyright and other notices in the Weights.", nil},
		},
	}, {
		name: "the license text preserved with copies",
		text: "Every copy of the Checkpoint must preserve this license and the names of its authors.\nYou may share the Checkpoint, provided that you retain this license notice.",
		want: []phrase{
			{notice, "Every copy of the Checkpoint must preserve this license and the names of its authors.", nil},
			{notice, "You may share the Checkpoint, provided that you retain this license notice.", nil},
		},
	}, {
		name: "a license notice not to be removed, in a list under may not",
		text: "You may not:\n- sell the Weights;\n- delete this license notice from any copy of the Weights.",
		want: []phrase{
			{notice, "delete this license notice from any copy of the Weights.", nil},
		},
	}, {
		// the credit is given where the work is used; the link and the
		// changes travel with copies
		name: "credit, link and changes: a credit and a notice duty",
		text: "Attribution: you must give appropriate credit, provide a link to the license, and indicate if changes were made.",
		want: []phrase{
			{notice, "Attribution: you must give appropriate credit, provide a link to the license, and indicate if changes were made.", nil},
			{attr, "Attribution: you must give appropriate credit, provide a link to the license, and indicate if changes were made.", nil},
		},
	}, {
		name: "a quoted disclaimer to state on the distribution page",
		text: "If you publish a fine-tune, you must clearly state on its download page: \"This fine-tune is not endorsed by Acme Labs.\"",
		want: []phrase{
			{notice, "If you publish a fine-tune, you must clearly state on its download page: \"This fine-tune is not endorsed by Acme Labs.\"", map[string]any{"text": "This fine-tune is not endorsed by Acme Labs."}},
		},
	}, {
		name: "a credit in the interface or public documentation that the model is used",
		text: "Hosted services built on Zeta must indicate, in their user interface or public documentation, that Zeta is used.\n基于本模型提供服务的，须在产品界面中标明使用了本模型。",
		want: []phrase{
			{attr, "Hosted services built on Zeta must indicate, in their user interface or public documentation, that Zeta is used.", nil},
			{attr, "基于本模型提供服务的，须在产品界面中标明使用了本模型。", nil},
		},
	}, {
		name: "modality: encouraged to indicate use is no duty",
		text: "You are encouraged to mention in your documentation that Zeta is used.",
		want: nil,
	}})
}

// TestRestrictionsCarriedDownstream: pass-through, share-alike and output
// duties read from who must do what (made-up texts), and their limits: a
// severability clause is no pass-through, "if no commercial license is
// granted" is a condition, not a ban.
func TestRestrictionsCarriedDownstream(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a downstream recipient who must comply; restrictions kept with copies",
		text: "You must make sure that every downstream recipient of the Weights complies with this Agreement.\nAny copy of the Weights must retain the same restrictions.",
		want: []phrase{
			{pass, "You must make sure that every downstream recipient of the Weights complies with this Agreement.", nil},
			{pass, "Any copy of the Weights must retain the same restrictions.", nil},
		},
	}, {
		name: "terms on derivatives that must keep the limit",
		text: "You may license your changes under other terms, provided that such terms limit their use to teaching.",
		want: []phrase{
			{pass, "You may license your changes under other terms, provided that such terms limit their use to teaching.", nil},
		},
	}, {
		name: "this license applied to derivatives and to outputs",
		text: "You agree to apply this License to all copies and Derivatives of the Model, and to its Output.",
		want: []phrase{
			{sa, "You agree to apply this License to all copies and Derivatives of the Model, and to its Output.", nil},
			{output, "You agree to apply this License to all copies and Derivatives of the Model, and to its Output.", nil},
		},
	}, {
		name: "generated content that must stay lawful, EN and ZH",
		text: "If the Model generates content, you must ensure that such content does not violate applicable law.\n您须确保模型的输出内容不违反当地法律。",
		want: []phrase{
			{output, "If the Model generates content, you must ensure that such content does not violate applicable law.", nil},
			{output, "您须确保模型的输出内容不违反当地法律。", nil},
		},
	}, {
		name: "no commercial license granted, and the same words as a condition",
		text: "No commercial license is granted in the Weights unless you sign a separate agreement with Acme.\nYou may lend the Weights to a contest if no commercial license is granted to its organiser.",
		want: []phrase{
			{nc, "No commercial license is granted in the Weights unless you sign a separate agreement with Acme.", nil},
		},
	}, {
		name: "severability is no pass-through",
		text: "An unenforceable term shall be replaced with a valid and enforceable provision closest to its intent, if any term is held invalid or unenforceable.",
		want: nil,
	}})
}

// TestThresholdsAndBansByStructure: a revenue figure in parentheses, an
// annual revenue with words before its amount, funding raised as a
// threshold, a ban phrased "ensure that ... is not deployed" (EN, ZH), a
// new version the licensor may publish (ZH), and litigation ending the
// license "automatically as of the date" (made-up texts).
func TestThresholdsAndBansByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "revenue in parentheses and funding raised",
		text: "You need a paid license if your company earned more than two million dollars ($2,000,000) in gross revenue last year, or has raised more than $3,000,000 in total equity funding.",
		want: []phrase{
			{scale, "You need a paid license if your company earned more than two million dollars ($2,000,000) in gross revenue last year, or has raised more than $3,000,000 in total equity funding.", map[string]any{"metric": "revenue", "value": int64(2_000_000), "currency": "USD"}},
			{scale, "You need a paid license if your company earned more than two million dollars ($2,000,000) in gross revenue last year, or has raised more than $3,000,000 in total equity funding.", map[string]any{"metric": "total-funding", "value": int64(3_000_000), "currency": "USD"}},
		},
	}, {
		name: "annual revenue with the period before the amount",
		text: "A separate license is needed if your annual revenue in the last fiscal year exceeded RMB 500 million.",
		want: []phrase{
			{scale, "A separate license is needed if your annual revenue in the last fiscal year exceeded RMB 500 million.", map[string]any{"metric": "annual-revenue", "value": int64(500_000_000), "currency": "CNY"}},
		},
	}, {
		name: "ensure that the model is not deployed, EN and ZH",
		text: "You must ensure that the Model is not deployed in weapons systems or mass surveillance.\n您须确保不在武器系统中部署本模型。",
		want: []phrase{
			{use, "You must ensure that the Model is not deployed in weapons systems or mass surveillance.", nil},
			{use, "您须确保不在武器系统中部署本模型。", nil},
		},
	}, {
		name: "a new version the licensor may publish, ZH",
		text: "许可方可发布新版许可协议。",
		want: []phrase{
			{change, "许可方可发布新版许可协议。", nil},
		},
	}, {
		name: "litigation ends the license automatically as of the date",
		text: "If you bring a lawsuit against Acme over the Model, all licenses granted to you shall terminate automatically as of the date the claim is filed.",
		want: []phrase{
			{remote, "If you bring a lawsuit against Acme over the Model, all licenses granted to you shall terminate automatically as of the date the claim is filed.", map[string]any{"condition": "litigation"}},
		},
	}})
}

// TestImproveOtherModels: a ban on using the model or its derivatives to
// improve other models is an output restriction even without the word
// "output" (derivatives include outputs by definition), EN and ZH, and
// that only (GUIDE.md of the labels: outputs used to improve or train
// other models are clause/output-restriction, not also a use
// restriction); a
// Chinese definition written "X：指 ..." is no restriction (made-up texts).
func TestImproveOtherModels(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "improve other models, EN and ZH",
		text: "You may not use the Model or any Derivative to improve any other large language model.\n您不得使用本模型或其衍生品训练其他AI模型。",
		want: []phrase{
			{output, "You may not use the Model or any Derivative to improve any other large language model.", nil},
			{output, "您不得使用本模型或其衍生品训练其他AI模型。", nil},
		},
	}, {
		name: "a Chinese definition with a colon",
		text: "2.3 生成内容：指模型输出的文本，不得超过本协议约定的范围。",
		want: nil,
	}})
}

// TestCreativeCommonsPointer: a model license that only points to a
// Creative Commons license incorporates it by reference, like any other
// document it points to (made-up text).
func TestCreativeCommonsPointer(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "weights under a Creative Commons license, by URL",
		text: "The Zeta weights are licensed under the license at https://creativecommons.org/licenses/by-sa/4.0/legalcode.",
		want: []phrase{
			{policy, "The Zeta weights are licensed under the license at https://creativecommons.org/licenses/by-sa/4.0/legalcode.", map[string]any{"url": "https://creativecommons.org/licenses/by-sa/4.0/legalcode"}},
			// the license it points to is share-alike (by-sa), but naming
			// it states no duty on derivatives: no share-alike finding
		},
	}})
}
