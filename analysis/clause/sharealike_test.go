package clause

import "testing"

// TestShareAlikeStructures: derivatives licensed "under the terms and
// conditions of this License" as an item of a duty's list, or distributed
// "only under a license identical to" the original's, are share-alike; a
// notice about materials "provided under this License" is not. The texts
// are made up; every case lists all hits its text gives.
func TestShareAlikeStructures(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "an item of a duty's list: license derivatives under the terms of this License",
		text: "If You Distribute any Derivative Materials, You shall:\n\n(i) tell us by e-mail;\n\n(ii) license Derivative Materials and Extracted Models under the terms and conditions of this License.",
		want: []phrase{
			{sa, "license Derivative Materials and Extracted Models under the terms and conditions of this License.", nil},
		},
	}, {
		name: "only under a license identical to the original's",
		text: "Licensees may distribute derivative works only under a license identical (\"not more restrictive\") to the license that governs the original work.",
		want: []phrase{
			{sa, "Licensees may distribute derivative works only under a license identical (\"not more restrictive\") to the license that governs the original work.", nil},
		},
	}, {
		name: "no hit: what you provide names the materials provided under this License",
		text: "If You Distribute a Derivative, You shall provide a list of the changes made to the Derivative Materials provided under this License.",
	}})
}
