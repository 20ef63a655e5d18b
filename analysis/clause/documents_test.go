package clause

import "testing"

// TestUseOutsideGrantRestated: a ban on uses the grant did not give
// restates the grant and restricts nothing more.
func TestUseOutsideGrantRestated(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "no hit: uses outside the grant",
		text: "You shall not use the Weights in any way that is not expressly permitted by this Agreement.\n" +
			"You may not use the Model in any manner not authorized under these Terms.",
	}, {
		name: "a named field stays a use restriction",
		text: "You shall not use the Weights for military purposes.",
		want: []phrase{{"clause/use-restriction", "You shall not use the Weights for military purposes.", nil}},
	}})
}
