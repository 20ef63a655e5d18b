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
