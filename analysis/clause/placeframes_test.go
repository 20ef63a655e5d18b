package clause

import "testing"

// TestPlaceFrames: where a license applies, read as a frame rather than a
// phrase (clause/geographic): a grant or a use kept to or shut out of a
// territory the license defines, whatever its name (lexicon
// territory-limit); a denial of any modality before a named region
// (lexicons geo-deny, region); the parties and places sanctions bar
// (barred-adj right before barred-party), whatever the verb; a regime
// evaded or obeyed (regime-relation), or named among kinds of law. Each
// case is worded unlike the texts that inspired it, and lists all hits.
func TestPlaceFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a territory the license defines, under any name",
		text: "Solely within the Licensed Territory, Zeta grants you a license to run the Weights.\n\n" +
			"You may not run the Weights outside of the Permitted Territory.\n\n" +
			"This Agreement is expressly limited to the \"Covered Territories\" set out in Schedule 1.\n\n" +
			"- Deployment beyond the Approved Territory;\n",
		want: []phrase{
			{geo, "Solely within the Licensed Territory, Zeta grants you a license to run the Weights.", nil},
			{geo, "You may not run the Weights outside of the Permitted Territory.", nil},
			{geo, "This Agreement is expressly limited to the \"Covered Territories\" set out in Schedule 1.", nil},
			{geo, "Deployment beyond the Approved Territory;", nil},
		},
	}, {
		name: "a use banned outside the territory is where the license applies, not a field of use",
		text: "You must not use, copy or host the Weights or any Output outside the Applicable Territory.",
		want: []phrase{
			{geo, "You must not use, copy or host the Weights or any Output outside the Applicable Territory.", nil},
		},
	}, {
		name: "a denial of any modality before a named region",
		text: "Zeta Voice is not intended for use within the European Union.\n\n" +
			"The Weights are unavailable to developers in Belarus.\n\n" +
			"No rights are granted under this License in mainland China.\n",
		want: []phrase{
			{geo, "Zeta Voice is not intended for use within the European Union.", map[string]any{"regions": []string{"EU"}}},
			{geo, "The Weights are unavailable to developers in Belarus.", map[string]any{"regions": []string{"BY"}}},
			{geo, "No rights are granted under this License in mainland China.", map[string]any{"regions": []string{"CN"}}},
		},
	}, {
		name: "barred parties and places, whatever the verb",
		text: "You must not ship the Weights to embargoed or sanctioned countries.\n\n" +
			"Licensee will not give denied persons access to the Model.\n\n" +
			"- hand the Model to blocked entities;\n",
		want: []phrase{
			{geo, "You must not ship the Weights to embargoed or sanctioned countries.", nil},
			{geo, "Licensee will not give denied persons access to the Model.", nil},
			{geo, "hand the Model to blocked entities;", nil},
		},
	}, {
		name: "a regime evaded or obeyed, or named among kinds of law",
		text: "You may not circumvent any export control regulations.\n\n" +
			"Licensee shall obey the export regulations of the United States at all times.\n\n" +
			"You must follow all applicable regulations (including privacy, export and consumer protection).\n\n" +
			"You shall observe all laws, such as data-protection and export rules.\n",
		want: []phrase{
			{geo, "You may not circumvent any export control regulations.", nil},
			{geo, "Licensee shall obey the export regulations of the United States at all times.", nil},
			{geo, "You must follow all applicable regulations (including privacy, export and consumer protection).", nil},
			{geo, "You shall observe all laws, such as data-protection and export rules.", nil},
		},
	}, {
		name: "no hit: a territory or a region named without a limit, law in general, exporting a format",
		text: "\"Territory\" means the countries listed in Exhibit A.\n\n" +
			"You may use the Model worldwide, in any territory.\n\n" +
			"This Agreement is governed by the laws of the United Kingdom.\n\n" +
			"If you are in the EU, you may contact our representative in Dublin.\n\n" +
			"You may export the Model to the ONNX format.\n\n" +
			"You must comply with all applicable laws (including privacy laws).\n\n" +
			"Use of the Model is prohibited by any third party without consent.\n",
	}})
}
