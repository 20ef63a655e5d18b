package clause

import "testing"

// TestOutputKinds11: conditions on the outputs read from the structure of
// the clause: the use of the outputs banned as the subject ("Use of model
// predictions for ... is prohibited"), outputs listed with the weights in
// a grant limited to research, a duty on the outputs named before ("how
// such Output is used, and you must ensure it does not violate ..."),
// outputs passed off as a person's words, and the words of a voice
// model's outputs ("synthesized audio"). A ban whose object is the
// outputs alone is their condition only, not a use restriction too; one
// on the model and its outputs is both. A passive ban whose last verb is
// the use ("may not be extracted, copied, or used to train ...") is a use
// restriction.
func TestOutputKinds11(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "the use of the outputs banned, as the subject",
		text: "Use of model predictions for clinical decision-making is prohibited without independent clinical validation.",
		want: []phrase{
			{use, "Use of model predictions for clinical decision-making is prohibited without independent clinical validation.", nil},
			{output, "Use of model predictions for clinical decision-making is prohibited without independent clinical validation.", nil},
		},
	}, {
		name: "outputs in a grant limited to research",
		text: "The trained model weights and prediction outputs of Zeta are provided for research purposes only.",
		want: []phrase{
			{ro, "The trained model weights and prediction outputs of Zeta are provided for research purposes only.", nil},
			{output, "The trained model weights and prediction outputs of Zeta are provided for research purposes only.", nil},
		},
	}, {
		name: "a duty on the outputs named before",
		text: "You are solely responsible for how such Output is used, and you must ensure it does not violate the use terms of this License.",
		want: []phrase{
			{output, "You are solely responsible for how such Output is used, and you must ensure it does not violate the use terms of this License.", nil},
		},
	}, {
		name: "outputs passed off as a person's words, in a list of banned uses",
		text: "You must not use the Model to:\n\n" +
			"1. imitate the voice of a real, identifiable person without that person's consent;\n" +
			"2. pass off generated speech or text as a real person's actual words in order to deceive;\n" +
			"3. collect voice recordings of children.\n",
		want: []phrase{
			{use, "You must not use the Model to:\n\n" +
				"1. imitate the voice of a real, identifiable person without that person's consent;\n" +
				"2. pass off generated speech or text as a real person's actual words in order to deceive;\n" +
				"3. collect voice recordings of children.", nil},
			{output, "pass off generated speech or text as a real person's actual words in order to deceive;", nil},
		},
	}, {
		name: "outputs attributed to a human",
		text: "For the purpose of this section, you agree not to deceive Users into believing a Model's Output is created or otherwise attributed to a human.",
		want: []phrase{
			{output, "For the purpose of this section, you agree not to deceive Users into believing a Model's Output is created or otherwise attributed to a human.", nil},
		},
	}, {
		name: "synthesized audio is an output; a ban on it alone is no use restriction",
		text: "You shall not use synthesized audio from this voicebank for other singing algorithms or applications.",
		want: []phrase{
			{output, "You shall not use synthesized audio from this voicebank for other singing algorithms or applications.", nil},
		},
	}, {
		name: "a ban on the model and its outputs is both",
		text: "You shall not use the Model or its outputs for military purposes.",
		want: []phrase{
			{use, "You shall not use the Model or its outputs for military purposes.", nil},
			{output, "You shall not use the Model or its outputs for military purposes.", nil},
		},
	}, {
		name: "a passive ban whose last verb is the use",
		text: "The Weights may not be extracted, copied, or used to train, develop, or improve a competing security product.",
		want: []phrase{
			{use, "The Weights may not be extracted, copied, or used to train, develop, or improve a competing security product.", nil},
		},
	}, {
		name: "no hit: a person's words, a human reviewer",
		text: "Outputs are reviewed by a human before release. The Licensor claims no rights in outputs created by a person using the Model.",
	}})
}
