package clause

import "testing"

// The kinds of phrasing of issue 14 that the clause readers missed or
// misread on real license texts, one case per kind, in made-up texts. Each
// case lists every hit its text gives, with its exact range, so that a
// false alarm fails as well as a miss.

// TestTerminationKinds: the ways a license ends that are not "the
// licensor may terminate if you breach": rights that end when a claim is
// filed by you or your affiliate, a breach that ends them in the present
// tense or may lead to suspension, a reserved right to enforce the license
// by restricting use, a cure period between a breach and its termination,
// rights that cease, access disabled, a license revoked (on a breach, on
// a suit, at will), in English and Chinese (失效, 收回, 暂停). A licensor
// that stops offering the model ends nothing you hold, and a revocable
// license (可撤销) is no revocation at will.
func TestTerminationKinds(t *testing.T) {
	breach := map[string]any{"condition": "breach"}
	revocable := map[string]any{"condition": "revocable"}
	suit := map[string]any{"condition": "litigation"}
	runPhraseCases(t, []phraseCase{{
		name: "you or your affiliate brings a claim; the licenses end when it is filed",
		text: "If You or Your Affiliate brings a claim or legal proceeding alleging that the Weights infringe Your rights, the licenses granted to You under this Agreement terminate automatically when the claim or proceeding is filed.",
		want: []phrase{
			{remote, "If You or Your Affiliate brings a claim or legal proceeding alleging that the Weights infringe Your rights, the licenses granted to You under this Agreement terminate automatically when the claim or proceeding is filed.", suit},
		},
	}, {
		name: "the licenses end at the filing, the suit not in the same words",
		text: "The licenses granted to you terminate immediately when the lawsuit is filed.",
		want: []phrase{
			{remote, "The licenses granted to you terminate immediately when the lawsuit is filed.", suit},
		},
	}, {
		name: "a violation terminates the rights, present tense; the duty after it is the same clause",
		text: "Any violation of this license automatically terminates all rights granted herein. Upon termination, you must delete all copies of the weights.",
		want: []phrase{
			{remote, "Any violation of this license automatically terminates all rights granted herein. Upon termination, you must delete all copies of the weights.", breach},
		},
	}, {
		name: "a violation may result in suspension or termination",
		text: "By using our Service, you agree to comply with our policies. Violating our policies could result in action against your account, up to suspension or termination.",
		want: []phrase{
			{remote, "Violating our policies could result in action against your account, up to suspension or termination.", breach},
		},
	}, {
		name: "a reserved right to enforce the license by restricting use",
		text: "7. Runtime Enforcement. Zeta reserves the right to enforce compliance with this License, including restricting usage of the Model if violations are detected.",
		want: []phrase{
			{remote, "Zeta reserves the right to enforce compliance with this License, including restricting usage of the Model if violations are detected.", nil},
		},
	}, {
		name: "a cure period and an immediate termination for breach are one clause with it",
		text: "Zeta may terminate this Agreement if You materially breach it. For a material breach that can be cured, Zeta will give written notice and thirty days to cure before termination. Zeta may terminate immediately for a breach of Section 3.\n\nUpon termination, You must delete the Weights.",
		want: []phrase{
			{remote, "Zeta may terminate this Agreement if You materially breach it. For a material breach that can be cured, Zeta will give written notice and thirty days to cure before termination. Zeta may terminate immediately for a breach of Section 3.", breach},
		},
	}, {
		name: "rights that cease on a failure to comply",
		text: "Your rights under this License will cease if you fail to comply with its terms.",
		want: []phrase{
			{remote, "Your rights under this License will cease if you fail to comply with its terms.", breach},
		},
	}, {
		name: "access the licensor may disable on a violation",
		text: "If you violate these terms, we may disable your access to the Model.",
		want: []phrase{
			{remote, "If you violate these terms, we may disable your access to the Model.", breach},
		},
	}, {
		name: "a violation that revokes the license",
		text: "Any use in violation of the Acceptable Use Policy will automatically revoke your license.",
		want: []phrase{
			{remote, "Any use in violation of the Acceptable Use Policy will automatically revoke your license.", breach},
		},
	}, {
		name: "revoked on suing the licensor",
		text: "This license will be revoked automatically if you commence litigation against Zeta.",
		want: []phrase{
			{remote, "This license will be revoked automatically if you commence litigation against Zeta.", suit},
		},
	}, {
		name: "revoked or suspended at will, or on the licensor's suspicion",
		text: "We may revoke this license at any time.\n\nZeta may suspend your access to the Model if it suspects misuse.",
		want: []phrase{
			{remote, "We may revoke this license at any time.", nil},
			{remote, "Zeta may suspend your access to the Model if it suspects misuse.", nil},
		},
	}, {
		name: "Chinese: a license that lapses on a breach; one taken back or suspended at will",
		text: "若您违反本协议，您的授权将自动失效。许可方有权随时收回对您的授权。我们可能暂停或终止您对模型的访问。",
		want: []phrase{
			{remote, "若您违反本协议，您的授权将自动失效。", breach},
			{remote, "许可方有权随时收回对您的授权。", nil},
			{remote, "我们可能暂停或终止您对模型的访问。", nil},
		},
	}, {
		// a grant the license calls revocable may be taken back at will
		// (settled by session 11's adjudicators); 许可 is no modal, and an
		// irrevocable grant is none
		name: "a revocable license, in Chinese and English; an irrevocable one is none",
		text: "许可方特此授予您非排他性、不可转让、可撤销、免版税的版权许可。\n1.您必须满足如下许可限制条件。\n\n" +
			"Zeta grants you a non-exclusive, revocable license to use the Model.\n\n" +
			"Zeta grants you a perpetual, irrevocable license to use the Model.\n\n" +
			"Zeta grants you a non-revocable license to use the Model.\n\n" +
			"The license granted above is not revocable.\n\n" +
			"许可方授予您永久的、不可撤销的许可。",
		want: []phrase{
			{remote, "许可方特此授予您非排他性、不可转让、可撤销、免版税的版权许可。", revocable},
			{remote, "Zeta grants you a non-exclusive, revocable license to use the Model.", revocable},
		},
	}, {
		name: "ending support for old versions ends no right: no finding",
		text: "The Licensor may terminate support for older versions at any time.",
	}, {
		name: "the licensor may stop offering the model: no finding",
		text: "Zeta may add or remove features of the Weights at any time and may stop offering access to the Weights altogether.",
	}})
}

// TestPolicyReferenceKinds: the ways a text binds you to another document
// besides "comply with the Acceptable Use Policy at <URL>": a document
// whose list the restrictions are ("set forth in the Prohibited Use
// Policy"), part of the work under another license agreement, terms
// defined in other documents each given by its address, a document in 《》
// incorporated into the text, and a document named beside a URL that is
// another document's. A policy attached to the text as an exhibit, an
// appendix or an attachment (附件) is part of it, not a reference.
func TestPolicyReferenceKinds(t *testing.T) {
	doc := func(d string) map[string]any { return map[string]any{"document": d} }
	url := func(u string) map[string]any { return map[string]any{"url": u} }
	runPhraseCases(t, []phraseCase{{
		name: "restricted uses set forth in a named policy",
		text: "You must not use the Weights:\n\n1. for the restricted uses set forth in the Zeta Prohibited Use Policy; or\n2. in violation of applicable laws.",
		// a ban whose items are a policy and the law lists no use (R8a)
		want: []phrase{
			{policy, "for the restricted uses set forth in the Zeta Prohibited Use Policy; or", doc("Prohibited Use Policy")},
		},
	}, {
		name: "set out in a section of this license is no document",
		text: "You must include use-based restrictions in the manner set out in Section 5 of this license, and which do not conflict with the terms of use, in any agreement.",
		want: []phrase{
			{pass, "You must include use-based restrictions in the manner set out in Section 5 of this license, and which do not conflict with the terms of use, in any agreement.", nil},
		},
	}, {
		name: "a policy set out in an exhibit is part of the text",
		text: "You shall comply with the restrictions set out in the Acceptable Use Policy attached as Exhibit A.",
	}, {
		name: "a part of the work licensed under another license agreement",
		text: "Any weights that depend on Omega Models are licensed under the Omega Cambrian Non-Commercial License Agreement and subject to its terms.",
		want: []phrase{
			{policy, "Any weights that depend on Omega Models are licensed under the Omega Cambrian Non-Commercial License Agreement and subject to its terms.", doc("Omega Cambrian Non-Commercial License Agreement")},
		},
	}, {
		name: "terms defined in two documents, each by its address",
		text: "Capitalized terms used and not defined herein are defined in the Terms of Service – Consumer <https://zeta.example/legal/tos> or Terms of Service – Enterprise <https://zeta.example/legal/tos-enterprise>.",
		want: []phrase{
			{policy, "Capitalized terms used and not defined herein are defined in the Terms of Service – Consumer <https://zeta.example/legal/tos> or Terms of Service – Enterprise <https://zeta.example/legal/tos-enterprise>.", url("https://zeta.example/legal/tos")},
			{policy, "Capitalized terms used and not defined herein are defined in the Terms of Service – Consumer <https://zeta.example/legal/tos> or Terms of Service – Enterprise <https://zeta.example/legal/tos-enterprise>.", url("https://zeta.example/legal/tos-enterprise")},
		},
	}, {
		name: "a named document and another document's URL in one paragraph are two references",
		text: "Your use must adhere to Zeta terms and policies (if any), which are hereby incorporated by reference into this Agreement. Your use shall also be subject to the terms and conditions of the Omega Community License Agreement, available at https://omega.example/license/.",
		want: []phrase{
			{policy, "Your use must adhere to Zeta terms and policies (if any), which are hereby incorporated by reference into this Agreement.", nil},
			{policy, "Your use shall also be subject to the terms and conditions of the Omega Community License Agreement, available at https://omega.example/license/.", url("https://omega.example/license/")},
		},
	}, {
		name: "a named document and its own URL in one paragraph are one reference",
		text: "You must comply with the Acceptable Use Policy, which is incorporated by reference. The Acceptable Use Policy is available at https://zeta.example/aup.",
		want: []phrase{
			{policy, "The Acceptable Use Policy is available at https://zeta.example/aup.", url("https://zeta.example/aup")},
		},
	}, {
		name: "principles at an address; a terms-of-use document in 《》",
		text: "Use of the Model must comply with the Zeta AI Principles (https://zeta.example/principles).\n\n您须遵守《某某模型使用协议》。",
		want: []phrase{
			{policy, "Use of the Model must comply with the Zeta AI Principles (https://zeta.example/principles).", url("https://zeta.example/principles")},
			{policy, "您须遵守《某某模型使用协议》。", doc("某某模型使用协议")},
		},
	}, {
		name: "whatever the licensor publishes at an address",
		text: "The Model Materials shall be subject to the content published on the Licensor's website at https://zeta.example/model-terms.",
		want: []phrase{
			{policy, "The Model Materials shall be subject to the content published on the Licensor's website at https://zeta.example/model-terms.", url("https://zeta.example/model-terms")},
		},
	}, {
		name: "uses listed in an appendix of this text, incorporated: no other document",
		text: "The Prohibited Uses in Appendix A are incorporated herein by reference.",
	}, {
		name: "Chinese: a policy in an attachment of this text",
		text: "您应遵守附件一《可接受使用政策》。",
	}, {
		name: "Chinese: a document in 《》 incorporated into this agreement",
		text: "您对模型的使用必须遵守适用的法律法规，并遵守《某某模型社区许可协议》，该政策通过引用并入本协议。",
		want: []phrase{
			{policy, "您对模型的使用必须遵守适用的法律法规，并遵守《某某模型社区许可协议》，该政策通过引用并入本协议。", doc("某某模型社区许可协议")},
		},
	}})
}

// TestTermsChangeKinds: a document said to change of itself ("Our policies
// will evolve over time"), or whose current version applies whatever it
// says then ("the version in effect at the time of your use", 最新版本为准),
// changes what binds you as much as a licensor that may amend it. A
// definition that says so gives the finding only when no clause does.
func TestTermsChangeKinds(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "policies that will evolve",
		text: "Our policies will evolve over time as our Service and user base change.",
		want: []phrase{
			{change, "Our policies will evolve over time as our Service and user base change.", nil},
		},
	}, {
		name: "terms that may change",
		text: "These terms may change without notice.",
		want: []phrase{
			{change, "These terms may change without notice.", nil},
		},
	}, {
		name: "whichever version is current applies",
		text: "The version of the Acceptable Use Policy in effect at the time of your use applies.\n\n本协议的最新版本以官网公布为准。",
		want: []phrase{
			{change, "The version of the Acceptable Use Policy in effect at the time of your use applies.", nil},
			{change, "本协议的最新版本以官网公布为准。", nil},
		},
	}, {
		name: "a definition says it and a clause says it: the clause",
		text: "\"Acceptable Use Policy\" means the latest version from time to time of the policy hosted at zeta.example/aup.\n\nThe Acceptable Use Policy may be updated from time to time.",
		want: []phrase{
			{policy, "\"Acceptable Use Policy\" means the latest version from time to time of the policy hosted at zeta.example/aup.", map[string]any{"url": "zeta.example/aup"}},
			{change, "The Acceptable Use Policy may be updated from time to time.", nil},
		},
	}, {
		name: "a definition alone says it: the definition",
		text: "\"Acceptable Use Policy\" means the latest version from time to time of the policy hosted at zeta.example/aup.",
		want: []phrase{
			{policy, "\"Acceptable Use Policy\" means the latest version from time to time of the policy hosted at zeta.example/aup.", map[string]any{"url": "zeta.example/aup"}},
			{change, "\"Acceptable Use Policy\" means the latest version from time to time of the policy hosted at zeta.example/aup.", nil},
		},
	}, {
		name: "you may change your copy: no finding",
		text: "You may change the Model and distribute your modified version under this License.",
	}})
}

// TestThresholdKinds: thresholds of other metrics, English and Chinese:
// headcount, on its upper side only (the free side of the same line,
// "fewer than 8 employees", is no second threshold), users of any kind
// but active ones, deployed devices, API calls, a revenue in any currency.
func TestThresholdKinds(t *testing.T) {
	staff := func(v int64) map[string]any { return map[string]any{"metric": "employees", "value": v} }
	runPhraseCases(t, []phraseCase{{
		name: "a commercial license for organizations with 8 or more employees",
		text: "Free use: organizations with fewer than 8 employees.\n\nA commercial license is required for:\n- Organizations with 8 or more employees\n- Government institutions",
		want: []phrase{
			{scale, "Organizations with 8 or more employees", staff(8)},
		},
	}, {
		name: "more than 250 employees",
		text: "Companies with more than 250 employees must obtain a separate license.",
		want: []phrase{
			{scale, "Companies with more than 250 employees must obtain a separate license.", staff(250)},
		},
	}, {
		name: "registered users, devices, API calls and a revenue in yen",
		text: "Companies with more than 1,000,000 registered users must obtain a commercial license. If the Model is deployed on more than 10,000 devices, you need a separate license. Use above 1 million API calls per month requires a paid license. Organizations with annual revenue greater than JPY 100 million need a commercial license.",
		want: []phrase{
			{scale, "Companies with more than 1,000,000 registered users must obtain a commercial license.", map[string]any{"metric": "users", "value": int64(1_000_000)}},
			{scale, "If the Model is deployed on more than 10,000 devices, you need a separate license.", map[string]any{"metric": "devices", "value": int64(10_000)}},
			{scale, "Use above 1 million API calls per month requires a paid license.", map[string]any{"metric": "api-calls", "value": int64(1_000_000)}},
			{scale, "Organizations with annual revenue greater than JPY 100 million need a commercial license.", map[string]any{"metric": "annual-revenue", "value": int64(100_000_000), "currency": "JPY"}},
		},
	}, {
		name: "active users are the active users' threshold, not a second one",
		text: "If your products exceed 700 million monthly active users, you must request a license.",
		want: []phrase{
			{scale, "If your products exceed 700 million monthly active users, you must request a license.", map[string]any{"metric": "monthly-active-users", "value": int64(700_000_000)}},
		},
	}, {
		name: "Chinese: registered users above a number",
		text: "注册用户超过1000万的，须另行取得授权。",
		want: []phrase{
			{scale, "注册用户超过1000万的，须另行取得授权。", map[string]any{"metric": "users", "value": int64(10_000_000)}},
		},
	}, {
		name: "Chinese: staff above a number",
		text: "若您的企业员工人数超过100人，须另行取得商业授权。",
		want: []phrase{
			{scale, "若您的企业员工人数超过100人，须另行取得商业授权。", staff(100)},
		},
	}})
}
