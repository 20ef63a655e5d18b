package clause

import "testing"

// TestTitleGivesWay: a title line that names the limit ("Research Use
// Only License") is no clause; it gives way to any sentence of its code,
// even one that itself only names the limit in a paragraph that
// disclaims ("... provided for research purposes only. They are NOT
// approved for clinical use."). A title alone still gives the hit: the
// limit is all the file says of it.
func TestTitleGivesWay(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a title above a research-only sentence in a disclaiming paragraph",
		text: "Research Use Only License\n\nThe trained model weights of Zeta\nare provided for research purposes only. They are NOT approved for clinical\ndiagnostic use and have not been validated by any regulatory body.\n",
		want: []phrase{
			{ro, "The trained model weights of Zeta\nare provided for research purposes only.", nil},
		},
	}, {
		name: "a non-commercial title above the grant",
		text: "NON-COMMERCIAL USE ONLY\n\nThe weights are provided \"as is\", without warranty, for non-commercial use only.\n",
		want: []phrase{
			{nc, "The weights are provided \"as is\", without warranty, for non-commercial use only.", nil},
		},
	}, {
		name: "a title alone",
		text: "Research Use Only License\n\nCopyright 2026 Zeta Labs.\n",
		want: []phrase{
			{ro, "Research Use Only License", nil},
		},
	}})
}

// TestLimitsNotOfTheLicense: sentences that name a limit without setting
// it for the licensee. Outputs freed of the NonCommercial restriction;
// a permission whose purposes include a wider one (prototyping builds a
// product); a row of a table of data sources and their terms, when a
// clause of the text says the license's own limit. And one that does
// set it: a distribution "only on a non-commercial basis".
func TestLimitsNotOfTheLicense(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "outputs exempt from the NonCommercial restriction",
		text: "Generated outputs are not subject to the model weights' NonCommercial restriction solely because they were generated with Zeta.\n\n" +
			"The NonCommercial restriction does not apply to the outputs you generate.\n",
		want: nil,
	}, {
		name: "a permission for research and prototyping, one of several",
		text: "You MAY:\n- Access the Model via approved APIs.\n- Use Model outputs for personal research, analysis, and prototyping.\n",
		want: nil,
	}, {
		name: "a table row of a data source's terms beside the license's own limit",
		text: "Zeta grants you a licence to use and redistribute these weights for non-commercial purposes only.\n\n" +
			"These weights were trained on:\n\n  Zeta-HDR-2014             free for ACADEMIC and educational use;\n  Zeta-HFR-2017             COMMERCIAL use requires a separate agreement\n                            with the Zeta Institute\n",
		want: []phrase{
			{nc, "Zeta grants you a licence to use and redistribute these weights for non-commercial purposes only.", nil},
		},
	}, {
		name: "a distribution only on a non-commercial basis",
		text: "You may distribute the model only on a non-commercial basis.\n",
		want: []phrase{
			{nc, "You may distribute the model only on a non-commercial basis.", nil},
		},
	}})
}
