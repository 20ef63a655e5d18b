package clause

import "testing"

// TestRegimeDuties: a duty or a ban (lexicon regime-relation) over a named
// export-control or sanctions regime (lexicon regime), in made-up
// wordings; an item under "comply with:" read with its lead-in's relation;
// the items of one list tree one finding. Every case lists all hits.
func TestRegimeDuties(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "English and Chinese: a regime named in a duty or a ban",
		text: "Licensee shall at all times act in accordance with ITAR and OFAC rules.\n" +
			"Nothing in the Weights may be handled contrary to the Entity List of the U.S. Department of Commerce.\n" +
			"您使用本模型时不得违反任何贸易制裁规定。",
		want: []phrase{
			{geo, "Licensee shall at all times act in accordance with ITAR and OFAC rules.", nil},
			{geo, "Nothing in the Weights may be handled contrary to the Entity List of the U.S. Department of Commerce.", nil},
			{geo, "您使用本模型时不得违反任何贸易制裁规定。", nil},
		},
	}, {
		name: "items of a list under a lead-in that ends in the relation",
		text: "You agree to comply with:\n(a) all U.S. export control laws and regulations;\n(b) the anti-bribery laws of your country.\n\n" +
			"您应当遵守以下规定：\n（1）中国的出口管制法律；\n（2）其他法律。",
		want: []phrase{
			{geo, "all U.S. export control laws and regulations;", nil},
			{geo, "中国的出口管制法律；", nil},
		},
	}, {
		name: "the items of one list tree are one finding",
		text: "You will not, and will not permit any third party to:\n\n   10. Violate export laws, including by:\n\n      1. directly or indirectly exporting the Weights:\n         1. to any country prohibited by export laws;\n         2. to anyone on a restricted party list;\n\n      2. using the Weights if you are\n         1. located in an embargoed country; or\n         2. for any purpose prohibited by export laws.",
		want: []phrase{
			{use, "You will not, and will not permit any third party to:", nil},
			{geo, "Violate export laws, including by:\n\n      1. directly or indirectly exporting the Weights:\n         1. to any country prohibited by export laws;\n         2. to anyone on a restricted party list;\n\n      2. using the Weights if you are\n         1. located in an embargoed country; or\n         2. for any purpose prohibited by export laws.", nil},
		},
	}, {
		name: "no hit: compliance with law in general, trade compliance",
		text: "You must comply with all applicable laws and regulations.\n" +
			"Your use must comply with applicable laws (including trade compliance laws).\n" +
			"您应遵守适用的法律法规。",
	}})
}
