package clause

import "testing"

// TestNamedBannedUses: uses banned by naming them, without an actor or a
// modality: a lead-in whose items are the banned uses ("Prohibited uses
// include:", "The following uses ... are prohibited:", "Restricted
// Uses:"), a heading that names them ("## Prohibited Uses") above bulleted
// uses, and the items of any banning lead-in that the patterns do not read
// ("- Surveillance" under "You may not use it for any of the following:"),
// which the lead-in's finding spans to the last of them (R8d). Made-up
// texts, English and Chinese; every case lists all hits its text gives.
func TestNamedBannedUses(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a lead-in that names the prohibited uses, its items bare",
		text: "Prohibited uses include:\n- Surveillance of individuals\n- Generating malware\n\nYou may use the Weights.",
		want: []phrase{
			{use, "Prohibited uses include:\n- Surveillance of individuals\n- Generating malware", nil},
		},
	}, {
		name: "the following uses are prohibited, items that start with verbs",
		text: "The following uses of the Weights are strictly prohibited:\n(a) generating spam;\n(b) stalking people.",
		want: []phrase{
			{use, "The following uses of the Weights are strictly prohibited:\n(a) generating spam;\n(b) stalking people.", nil},
		},
	}, {
		name: "restricted uses as a lead-in",
		text: "Restricted Uses:\n* Military applications\n* Biometric identification",
		want: []phrase{
			{use, "Restricted Uses:\n* Military applications\n* Biometric identification", nil},
		},
	}, {
		name: "an item on outputs in a named list is an output condition, not the end of the ban",
		text: "Prohibited uses include:\n- Harassment of any person\n- Using outputs to train other models\n- Medical diagnosis",
		want: []phrase{
			{use, "Prohibited uses include:\n- Harassment of any person\n- Using outputs to train other models\n- Medical diagnosis", nil},
			{output, "Using outputs to train other models", nil},
		},
	}, {
		name: "a sentence that lists the prohibited uses itself",
		text: "Prohibited uses include, without limitation, voice cloning without consent; disinformation; and the generation of abusive content.",
		want: []phrase{
			{use, "Prohibited uses include, without limitation, voice cloning without consent; disinformation; and the generation of abusive content.", nil},
		},
	}, {
		name: "a banning lead-in with a modality spans its bare items",
		text: "You may not use this model for any of the following:\n\n- Surveillance\n- Weapons development\n\nThe Model is provided as is.",
		want: []phrase{
			{use, "You may not use this model for any of the following:\n\n- Surveillance\n- Weapons development", nil},
		},
	}, {
		name: "a passive banning lead-in spans its items",
		text: "The Model may not be used in any of the following ways:\n- to harm minors\n- to generate spam",
		want: []phrase{
			{use, "The Model may not be used in any of the following ways:\n- to harm minors\n- to generate spam", nil},
		},
	}, {
		name: "a heading that names banned uses: each bulleted use its own ban",
		text: "## Prohibited Uses\n\n- Generate spam or malware.\n- Surveillance of individuals\n\n### 3. Restricted Uses\n\n* Military applications",
		want: []phrase{
			{use, "Generate spam or malware.", nil},
			{use, "Surveillance of individuals", nil},
			{use, "Military applications", nil},
		},
	}, {
		name: "a Chinese banning lead-in spans its bare items",
		text: "您不得将本模型用于：\n- 军事；\n- 监控。",
		want: []phrase{
			{use, "您不得将本模型用于：\n- 军事；\n- 监控。", nil},
		},
	}, {
		// A run-in heading is no lead-in: the clause after it is the
		// non-commercial limit alone.
		name: "no hit: a run-in heading before a commercial ban",
		text: "**Prohibited Use**: Users may not use the code for any commercial purpose without a separate license from Zeta.",
		want: []phrase{
			{nc, "Prohibited Use**: Users may not use the code for any commercial purpose without a separate license from Zeta.", nil},
		},
	}, {
		// Under a heading that names banned uses, an item with its own
		// actor and modality is read as it stands: a pointer to a policy.
		name: "no hit: a pointer under a heading of prohibited activities",
		text: "Prohibited activities\n\ni.\tLicensee shall not engage in any of the prohibited activities set forth in the Zeta Policy.",
	}, {
		name: "no hit: uses not permitted by this Agreement named as prohibited",
		text: "Prohibited uses include any use not expressly permitted by this Agreement.",
	}, {
		name: "no hit: a heading of permitted uses",
		text: "## Permitted Uses\n\n- Research\n- Teaching",
	}})
}

// TestBansOfUseByStructure: a use banned in the passive with a verb of
// deploying, applying or employing the licensed object, "in no event may
// ... be used", "no use for ... is permitted", a limit on the users' age,
// and the Chinese 部署于 / 不允许用于 forms. Made-up texts; every case
// lists all hits its text gives.
func TestBansOfUseByStructure(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "the licensed object not to be deployed, applied or employed in a field",
		text: "The Model must not be deployed in safety-critical systems.\n" +
			"The Weights shall not be applied to biometric identification.\n" +
			"The Licensed Material may not be employed in any application that harms people.",
		want: []phrase{
			{use, "The Model must not be deployed in safety-critical systems.", nil},
			{use, "The Weights shall not be applied to biometric identification.", nil},
			{use, "The Licensed Material may not be employed in any application that harms people.", nil},
		},
	}, {
		name: "in no event, and no use for a field is permitted",
		text: "In no event may the Model be used for law enforcement.\nNo use for military purposes is permitted.",
		want: []phrase{
			{use, "In no event may the Model be used for law enforcement.", nil},
			{use, "No use for military purposes is permitted.", nil},
		},
	}, {
		name: "users' age",
		text: "Users must be 18 years of age or older.\n" +
			"You must be at least 18 years old to use the Model.\n" +
			"The Model must not be used by children under 13.\n" +
			"Persons under the age of 16 may not use the Weights.\n" +
			"You must be of legal age in your jurisdiction.",
		want: []phrase{
			{use, "Users must be 18 years of age or older.", nil},
			{use, "You must be at least 18 years old to use the Model.", nil},
			{use, "The Model must not be used by children under 13.", nil},
			{use, "Persons under the age of 16 may not use the Weights.", nil},
			{use, "You must be of legal age in your jurisdiction.", nil},
		},
	}, {
		name: "zh: deployed in a field, not allowed for a use, users' age",
		text: "严禁将本模型部署于关键基础设施。\n本模型仅供研究，不允许用于临床诊断。\n使用者须年满18周岁。\n未满16周岁的用户不得使用本模型。",
		want: []phrase{
			{use, "严禁将本模型部署于关键基础设施。", nil},
			{ro, "本模型仅供研究，不允许用于临床诊断。", nil},
			{use, "本模型仅供研究，不允许用于临床诊断。", nil},
			{use, "使用者须年满18周岁。", nil},
			{use, "未满16周岁的用户不得使用本模型。", nil},
		},
	}, {
		name: "no use restriction: commercial deployment, the licensor's data practice, a rule about a section",
		text: "The Model must not be deployed in any commercial product.\n" +
			"We do not knowingly collect data from children under 13.\n" +
			"No use of the Model for commercial purposes is permitted.",
		want: []phrase{
			{nc, "The Model must not be deployed in any commercial product.", nil},
		},
	}, {
		name: "no use restriction: deployment left to the licensee's judgement in a disclaimer",
		text: "You are solely responsible for determining the appropriateness of using the Model, and You understand that the Model must not be deployed for uses beyond its tasks.",
	}})
}

// TestShareAlikeByInheritance: derivatives that inherit this license,
// models trained from the weights released under it, and "this same
// license" carried; terms no less restrictive than this license are
// pass-through, and a work that inherits a license is no derivative
// bound by it.
func TestShareAlikeByInheritance(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "derivatives inherit this license",
		text: "Fine-tunes and distilled derivatives inherit this license.\nAny modification of the Weights must inherit this license including its disclaimers.",
		want: []phrase{
			{sa, "Fine-tunes and distilled derivatives inherit this license.", nil},
			{sa, "Any modification of the Weights must inherit this license including its disclaimers.", nil},
		},
	}, {
		name: "a model trained from the weights, this same license",
		text: "Any model trained from the Weights must be released under this License.\nAny derivatives shall carry this same license.",
		want: []phrase{
			{sa, "Any model trained from the Weights must be released under this License.", nil},
			{sa, "Any derivatives shall carry this same license.", nil},
		},
	}, {
		name: "zh: derivatives inherit or keep this license",
		text: "衍生模型须继承本协议。\n微调模型自动沿用相同的许可。",
		want: []phrase{
			{sa, "衍生模型须继承本协议。", nil},
			{sa, "微调模型自动沿用相同的许可。", nil},
		},
	}, {
		name: "terms no less restrictive are pass-through, not share-alike",
		text: "Derivative models must be released under terms no less restrictive than this License.\nYou may license your modifications on terms at least as restrictive as these.",
		want: []phrase{
			{pass, "Derivative models must be released under terms no less restrictive than this License.", nil},
			{pass, "You may license your modifications on terms at least as restrictive as these.", nil},
		},
	}, {
		name: "no share-alike: parts of a repository inherit its license",
		text: "All submodules inherit this license.\nDerivatives may inherit this license or any other license you choose.",
	}})
}

// TestRunInHeadingItems: an item of a banning lead-in that opens with a
// run-in heading in bold ("c. **Harmful use:** Using the Weights for
// ...") is read after its heading, with the lead-in's actor and modality.
func TestRunInHeadingItems(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a bold run-in heading that closes after its colon",
		text: "The User is strictly prohibited from:\n\nc. **Harmful use:** Using the Weights for defamatory or obscene purposes.\n\nd. **Weapons:** Deploying the Weights in weapons systems.",
		want: []phrase{
			// The bare ban of the lead-in is the finding's start (R8d).
			{use, "The User is strictly prohibited from:\n\nc. **Harmful use:** Using the Weights for defamatory or obscene purposes.\n\nd. **Weapons:** Deploying the Weights in weapons systems.", nil},
		},
	}, {
		name: "no hit: a run-in heading before an item that bans no use",
		text: "The User is strictly prohibited from:\n\nb. **Redistribution:** Selling or sublicensing the Weights.",
	}})
}

// TestFencedLicense: a license quoted in a model card between code fences
// ("```") is read without the fence lines: the lead-in's finding starts at
// its own words and spans its items.
func TestFencedLicense(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a banning list in a code fence",
		text: "# Licence: Usage Restrictions\n\n```\nYou agree not to use the Model:\n\n-\tFor military use in any way;\n-\tTo harass others.\n```\n",
		want: []phrase{
			{use, "You agree not to use the Model:\n\n-\tFor military use in any way;\n-\tTo harass others.", nil},
		},
	}})
}

// TestBansOnOneLine: bans that share a hard-wrapped line are each their
// own clause; only a sentence that refers back to the ban before it ("Any
// such use ...") restates it.
func TestBansOnOneLine(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "three bans in a hard-wrapped paragraph",
		text: "The Model may not be used for pornographic purposes\nwhether commercial or not. This license also prohibits the use of the Model to build\nsurveillance systems. By downloading the Model,\nyou agree not to reverse engineer it.",
		want: []phrase{
			{use, "The Model may not be used for pornographic purposes\nwhether commercial or not.", nil},
			{use, "This license also prohibits the use of the Model to build\nsurveillance systems.", nil},
			{use, "By downloading the Model,\nyou agree not to reverse engineer it.", nil},
		},
	}, {
		name: "a restatement that refers back adds no ban",
		text: "You may not use the Model for military purposes. Any such use is prohibited.",
		want: []phrase{
			{use, "You may not use the Model for military purposes.", nil},
		},
	}})
}

// TestEnsureNotUsed: a duty to ensure the model is not used for a field,
// with "that" left out, as an item of a duty's list; data as the subject
// of the duty is no ban on the model's use.
func TestEnsureNotUsed(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "ensure the model is not used to ..., as an item",
		text: "You must take reasonable measures to:\n- Prevent unauthorized access to the weights\n- Ensure the model is not used to identify individuals or private data sources",
		want: []phrase{
			{use, "Ensure the model is not used to identify individuals or private data sources", nil},
		},
	}, {
		name: "no hit: data that must not be used",
		text: "You must ensure that personal data is not used for training.",
	}})
}
