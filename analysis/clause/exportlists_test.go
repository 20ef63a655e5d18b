package clause

import "testing"

// TestExportLists: a duty to comply with what a list names ("You must
// comply with all applicable:" then "a) Export control laws and
// regulations") is read item by item, a short item marked by a letter
// being an item and no heading; an export banned to what a list names
// ("You may not export the Content to:" then "a) Prohibited countries or
// regions") or to prohibited places in the sentence is geographic.
func TestExportLists(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "short lettered items under a duty to comply",
		text: "10.1. You must comply with all applicable:\n" +
			"   a) Export control laws and regulations\n" +
			"   b) Trade sanctions and embargoes\n" +
			"   c) Anti-boycott regulations\n",
		want: []phrase{{geo, "Export control laws and regulations\n   b) Trade sanctions and embargoes", nil}},
	}, {
		name: "an export banned to what a list names",
		text: "10.2. You may not export the Content to:\n" +
			"   a) Prohibited countries or regions\n" +
			"   b) Restricted end users\n",
		// the items name barred places and parties themselves (barred-parties):
		// one finding from the lead-in to the last of them (R8d)
		want: []phrase{{geo, "You may not export the Content to:\n   a) Prohibited countries or regions\n   b) Restricted end users", nil}},
	}, {
		name: "an export banned to prohibited places",
		text: "You shall not export the Model to any embargoed countries.",
		want: []phrase{{geo, "You shall not export the Model to any embargoed countries.", nil}},
	}, {
		name: "no hit: exporting results to a file",
		text: "You may export the results to a CSV file.",
	}})
}
