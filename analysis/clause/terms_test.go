package clause

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestDefinedTermsCarryRestrictions: a restriction put in a definition
// reaches the operative sentence that applies the term, and the hit sits
// there, never on the definition. Made-up texts in English and Chinese;
// every case lists all hits its text gives, so a false alarm fails too.
func TestDefinedTermsCarryRestrictions(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a purpose defined as non-commercial research, applied with solely",
		text: "1. Definitions\n\n\"Permitted Purpose\" means non-commercial scientific research by you.\n\n" +
			"2. Grant\n\nZeta grants you a licence to use the Weights solely for the Permitted Purpose.",
		want: []phrase{
			{nc, "Zeta grants you a licence to use the Weights solely for the Permitted Purpose.", nil},
			{ro, "Zeta grants you a licence to use the Weights solely for the Permitted Purpose.", nil},
		},
	}, {
		name: "other than, plural, in quotes",
		text: "“Authorized Use” means any use not primarily intended for commercial advantage.\n" +
			"You may not use the Weights for anything other than \"Authorized Uses\".",
		want: []phrase{
			{use, "You may not use the Weights for anything other than \"Authorized Uses\".", nil},
			{nc, "You may not use the Weights for anything other than \"Authorized Uses\".", nil},
		},
	}, {
		name: "a term defined in passing",
		text: "These terms cover use for non-commercial research at universities (the \"Academic Field\").\n" +
			"Licensee may exercise the rights above only within the Academic Field.",
		want: []phrase{
			{nc, "Licensee may exercise the rights above only within the Academic Field.", nil},
			{ro, "Licensee may exercise the rights above only within the Academic Field.", nil},
		},
	}, {
		name: "a term for generated content, banned from a use",
		text: "\"Generated Media\" means images and audio produced by the Weights.\n" +
			"You shall not sell Generated Media or offer it in a stock library.",
		want: []phrase{
			{output, "You shall not sell Generated Media or offer it in a stock library.", nil},
		},
	}, {
		name: "Chinese: a purpose defined as non-commercial, applied with 仅",
		text: "“许可用途”是指非商业性的学术研究。\n您仅可为许可用途使用本模型。",
		want: []phrase{
			{nc, "您仅可为许可用途使用本模型。", nil},
			{ro, "您仅可为许可用途使用本模型。", nil},
		},
	}, {
		name: "Chinese: a term without quotes, used with 以外",
		text: "研究用途：指高校和科研机构的科学研究。\n不得将本模型用于研究用途以外的目的。",
		want: []phrase{
			{use, "不得将本模型用于研究用途以外的目的。", nil},
			{ro, "不得将本模型用于研究用途以外的目的。", nil},
		},
	}, {
		name: "no hit: the term used without a limit",
		text: "\"Permitted Purpose\" means non-commercial research.\nThe Permitted Purpose does not cover military work.\nYou may use the Weights for the Permitted Purpose and, under a paid plan, for any other purpose.",
	}, {
		name: "no hit: a definition that names both kinds of use",
		text: "\"Purpose\" means research, evaluation and commercial deployment.\nYou may use the Weights only for the Purpose.",
	}, {
		name: "no hit: only before a verb whose object is the term",
		text: "\"Weights\" means the parameters released for academic research.\nYou may only copy the Weights if you keep this notice.",
	}, {
		// The ban on sharing without the license is a notice duty
		// (class-notice-not-without), not a term carried to the outputs.
		name: "no output hit: a term for models trained on outputs is no output term",
		text: "\"Derivative\" means any model fine-tuned on outputs of the Weights.\nYou must not distribute a Derivative without this license.",
		want: []phrase{{notice, "You must not distribute a Derivative without this license.", nil}},
	}})
}

// The message of a carried restriction names the term it came through.
func TestDefinedTermMessage(t *testing.T) {
	text := "\"Permitted Purpose\" means non-commercial use.\nUse the Weights solely for the Permitted Purpose."
	for _, h := range Detect(kb.Default(), []byte(text)) {
		if h.Code == nc {
			want := "The license forbids commercial use (through its defined term \"permitted purpose\"), so a commercial product or service needs a separate license from the licensor."
			if h.Message != want {
				t.Errorf("message %q, want %q", h.Message, want)
			}
			return
		}
	}
	t.Errorf("no %s hit in %q", nc, text)
}
