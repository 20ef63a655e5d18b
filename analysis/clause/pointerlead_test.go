package clause

import "testing"

// TestPointerLeadInGivesWayToItsItem: a lead-in that names a license
// ("The weights are licensed under CC BY-NC-ND 4.0. You may share them
// under the following terms:" read as one sentence) gives a pointer's hit
// (a pattern marked Names), and an item under it that states the same
// limit in words ("- NonCommercial - You may not use the material for
// commercial purposes.") is the clause: the list's one finding of that
// code sits on the item, and it is not dropped as a pointer when another
// clause of the text (a legal code below) gives the code too. A lead-in
// whose items say nothing of the code keeps its pointer's hit; an
// operative lead-in keeps its own hit over its items. Every case lists
// all hits its text gives. (Only English patterns name a license.)
func TestPointerLeadInGivesWayToItsItem(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a deed's summary under the pointer, with a clause below",
		text: "The trained weights are licensed under the\nCreative Commons Attribution-NonCommercial-NoDerivatives 4.0 International License (CC BY-NC-ND 4.0)\nYou may copy and redistribute the material in any medium or format, under the following terms:\n\n" +
			"- **NonCommercial** – You may not use the material for commercial purposes.\n\n" +
			"Section 2. Licensed Material may be Shared for NonCommercial purposes only.",
		want: []phrase{
			{nc, "NonCommercial** – You may not use the material for commercial purposes.", nil},
			{nc, "Licensed Material may be Shared for NonCommercial purposes only.", nil},
		},
	}, {
		name: "other wordings: a ban on commercial use, a numbered item",
		text: "The checkpoints are distributed under the terms of CC BY-NC 4.0, summarised below:\n\n" +
			"(a) Commercial use is prohibited.\n" +
			"(b) Keep this notice with every copy.\n\n" +
			"The Zeta adapters are released under CC-BY-NC-SA-4.0 license, which means:\n\n" +
			"1. The adapters must not be used for any commercial purpose.\n\n" +
			"Nothing in this file grants commercial use for any purpose.",
		want: []phrase{
			{nc, "Commercial use is prohibited.", nil},
			{"clause/notice-required", "Keep this notice with every copy.", nil},
			{nc, "The adapters must not be used for any commercial purpose.", nil},
		},
	}, {
		name: "no item states it: the pointer stands alone for its list",
		text: "The weights are licensed under CC BY-NC 4.0, which requires:\n\n- Attribution: cite the Zeta paper in your work.",
		want: []phrase{
			{nc, "The weights are licensed under CC BY-NC 4.0, which requires:", nil},
		},
	}})
}
