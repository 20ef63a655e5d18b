package clause

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestUseFrames: banned uses read as frames over word classes
// (clause/use-restriction): "No" before a named field of use and the noun
// of a use (lexicons use-field, use-noun); a ban right before an act of
// misuse (ban-modal, misuse-act); a banning lead-in whose acts end in a
// use; banned acts, conduct or practices named as such (use-noun); a
// list of misuses closed by "and similar misuses are prohibited". Not
// use restrictions: a ban whose only field is commercial use, however
// many commercial objects it lists, a ban on all use, an endorsement
// implied. Each case is worded unlike the texts that inspired it, and
// lists all hits.
func TestUseFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "no, a named field, the noun of a use",
		text: "No surveillance, profiling, or law enforcement uses.\n\n" +
			"- No sexually explicit or hateful content.\n\n" +
			"No deployment in safety-critical decision making.\n",
		want: []phrase{
			{use, "No surveillance, profiling, or law enforcement uses.", nil},
			{use, "No sexually explicit or hateful content.", nil},
			{use, "No deployment in safety-critical decision making.", nil},
		},
	}, {
		name: "a ban right before an act of misuse",
		text: "Please do not clone or impersonate a voice without the speaker's consent.\n\n" +
			"You must not harass, stalk, or threaten anyone with the Model.\n\n" +
			"Licensee shall not defraud consumers.\n",
		want: []phrase{
			{use, "Please do not clone or impersonate a voice without the speaker's consent.", nil},
			{use, "You must not harass, stalk, or threaten anyone with the Model.", nil},
			{use, "Licensee shall not defraud consumers.", nil},
		},
	}, {
		name: "a banning lead-in whose acts end in a use",
		text: "Licensee shall not copy or use the Checkpoint:\n(a) to harass people;\n(b) for military purposes.\n",
		want: []phrase{
			{use, "Licensee shall not copy or use the Checkpoint:\n(a) to harass people;\n(b) for military purposes.", nil},
		},
	}, {
		name: "banned acts, conduct or practices named as such",
		text: "The following conduct is prohibited and will end your rights under this License:\n- generating disinformation at scale\n\n" +
			"Prohibited practices include: automated profiling of individuals.\n",
		want: []phrase{
			{use, "The following conduct is prohibited and will end your rights under this License:\n- generating disinformation at scale", nil},
			{use, "Prohibited practices include: automated profiling of individuals.", nil},
		},
	}, {
		name: "a use limited to the voices or likenesses their owners consent to",
		text: "Only synthesize voices for which you hold written consent from the speaker.\n\n" +
			"Users must upload only recordings that they have the rights to.\n\n" +
			"仅可使用已获得授权的声音进行合成。\n",
		want: []phrase{
			{use, "Only synthesize voices for which you hold written consent from the speaker.", nil},
			{use, "Users must upload only recordings that they have the rights to.", nil},
			{use, "仅可使用已获得授权的声音进行合成。", nil},
		},
	}, {
		name: "no hit: consent without a voice, voices without a limit",
		text: "You may only use the Model with the written permission of Zeta.\n\n" +
			"The voices in this dataset are used with permission of their speakers.\n",
	}, {
		name: "a list of misuses closed by its kind",
		text: "Voice cloning without consent, deepfakes, stalking and other misuses are strictly prohibited.",
		want: []phrase{
			{use, "Voice cloning without consent, deepfakes, stalking and other misuses are strictly prohibited.", nil},
		},
	}, {
		name: "no hit: a disclaimer, a commercial ban, the licensor's undertaking, a repository, an outputs' deceit",
		text: "No medical advice: outputs are not a substitute for a doctor.\n\n" +
			"No warranty is given for clinical use.\n\n" +
			"We will not track or surveil your usage.\n\n" +
			"Do not clone this repository into a public fork.\n",
	}, {
		name: "no use restriction: a ban on all use, an endorsement implied",
		text: "If you lack authority to bind your employer, you shall not use the Materials in any manner.\n\n" +
			"Brand use: Do not imply that your fine-tune is endorsed by Zeta.\n",
	}})
}

// TestCommercialSoleFrames: a ban whose only field is commercial use is
// the non-commercial limit, not a use restriction besides, however many
// commercial objects it lists, with an "including" that says what they
// are, and with several licensed objects banned at once.
func TestCommercialSoleFrames(t *testing.T) {
	k := kb.Default()
	for _, text := range []string{
		"The Weights may not be used in any commercial product, paid service, or revenue-generating application.",
		"Do not use the checkpoint or its companion artifacts for commercial purposes.",
		"This model may not be used for any commercial purposes, including services that accept donations or ads.",
	} {
		for _, h := range Detect(k, []byte(text)) {
			if h.Code == use {
				t.Errorf("%q: use restriction (%s), want the non-commercial limit alone", text, h.Pattern)
			}
		}
		if !hasCode(Detect(k, []byte(text)), "license/non-commercial") {
			t.Errorf("%q: no non-commercial limit", text)
		}
	}
	// a field beside the commercial one stays a use restriction
	text := "You may not use the Model for military purposes or in any commercial product."
	if !hasCode(Detect(k, []byte(text)), use) {
		t.Errorf("%q: no use restriction", text)
	}
}
