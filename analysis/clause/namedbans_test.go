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
