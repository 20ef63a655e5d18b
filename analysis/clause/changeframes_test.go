package clause

import "testing"

// TestChangeFrames: the licensor's power over the terms, read as a frame
// (clause/terms-may-change): an undertaking to change them ("will" as
// well as "may"), over any kind of text that binds (lexicon
// changed-document: a FAQ, a disclaimer, an addendum); terms bound in
// advance to whatever the licensor supplies later; in Chinese, this
// text (本声明, 本免责声明) changed by its licensor or of itself. Each case
// is worded unlike the texts that inspired it, and lists all hits.
func TestChangeFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "the licensor's undertaking to change any kind of binding text",
		text: "Zeta will revise these Terms periodically.\n\n" +
			"We will update this disclaimer when the law changes.\n\n" +
			"The Licensor may amend this Addendum at any time.\n",
		want: []phrase{
			{change, "Zeta will revise these Terms periodically.", nil},
			{change, "We will update this disclaimer when the law changes.", nil},
			{change, "The Licensor may amend this Addendum at any time.", nil},
		},
	}, {
		name: "terms bound in advance to what the licensor supplies later",
		text: "Your access is subject to any further rules that Zeta may publish.\n\n" +
			"Use of the Weights is subject to such supplemental terms as the Licensor makes available from time to time.\n",
		want: []phrase{
			{change, "Your access is subject to any further rules that Zeta may publish.", nil},
			{change, "Use of the Weights is subject to such supplemental terms as the Licensor makes available from time to time.", nil},
		},
	}, {
		name: "Chinese: this text changed by its licensor or of itself",
		text: "本声明可能随时更新。\n开发者保留随时修改本免责声明的权利。\n本使用须知将不定期修订。\n",
		want: []phrase{
			{change, "本声明可能随时更新。", nil},
			{change, "开发者保留随时修改本免责声明的权利。", nil},
			{change, "本使用须知将不定期修订。", nil},
		},
	}, {
		name: "no hit: the licensee's change, a ban on changing, a fixed document, a notice kept",
		text: "You will update these terms in the README of your fork.\n\n" +
			"Licensee will not modify this notice.\n\n" +
			"Each component is subject to any additional terms provided in its NOTICE file.\n\n" +
			"您可以修改本模型。\n",
	}})
}
