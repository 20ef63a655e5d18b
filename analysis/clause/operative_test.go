package clause

import "testing"

// TestClauseCodesGiveWayToTheirClause: a heading, a recital or a quoted text
// to copy names what a clause of the text says; the finding of a clause
// code (not only of a license code) sits on the clause. A heading alone
// stays the finding, and a quoted notice line stays one of the codes that
// report the text to copy. The texts are made up; every case lists all
// hits its text gives.
func TestClauseCodesGiveWayToTheirClause(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a quoted text to display, then the clause it quotes",
		text: "Zeta may require you to show its terms.\n\n\"This model may not be used for military purposes.\"\n\nYou may not use the Model for military purposes.",
		want: []phrase{
			{use, "You may not use the Model for military purposes.", nil},
		},
	}, {
		name: "a title-case heading above the termination clause",
		text: "Zeta May Terminate Your License At Any Time\n\nZeta may terminate this license at any time, with or without cause.",
		want: []phrase{
			{remote, "Zeta may terminate this license at any time, with or without cause.", nil},
		},
	}, {
		name: "a recital, then the clause",
		text: "WHEREAS, Zeta may terminate this license at any time, with or without cause;\n\nZeta may terminate this license at any time, with or without cause.",
		want: []phrase{
			{remote, "Zeta may terminate this license at any time, with or without cause.", nil},
		},
	}})
}
