package clause

import "testing"

// TestNotBindingYou: sentences that name a duty's or a reference's words
// but bind you to nothing — a document that is this text ("these
// Guidelines"), a quoted notice that binds the readers of the copies, a
// question, an acknowledgement, a request, an exception, a permission —
// beside the clauses of the same frames that do bind you; every case lists
// all hits.
func TestNotBindingYou(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a document named by a pattern that reads its name is this text when a word of self stands before it",
		text: "Zeta Attribution Guidelines\n\n" +
			"The attribution requirements set forth in these Guidelines apply to textual and visual materials.\n\n" +
			"By using Output, you agree to be bound by these Zeta Output Terms of Use.\n\n" +
			"Credits may be placed in accordance with the requirements of these guidelines.\n\n" +
			"You must comply with these Terms and the Zeta Acceptable Use Policy.\n\n" +
			"Your use must adhere to the Zeta Community Guidelines.",
		want: []phrase{
			{policy, "You must comply with these Terms and the Zeta Acceptable Use Policy.", map[string]any{"document": "Acceptable Use Policy"}},
			{policy, "Your use must adhere to the Zeta Community Guidelines.", map[string]any{"document": "Community Guidelines"}},
		},
	}, {
		name: "a quoted notice of several sentences binds the readers of the copies: no reference of yours",
		text: "Zeta Output Terms\n\n" +
			"If you share Output, you must ship a text file that contains the following notice:\n\n" +
			"    \"*By using this information, you agree to the Zeta Output Terms found at https://zeta.example/output-terms.*\n\n" +
			"    *To request the weights, write to Zeta. Use is subject to terms of use available at https://zeta.example/weights-terms.*\"\n\n" +
			"Recipients must also be given the following statement:\n\n" +
			"“This data is governed by the Zeta Data Policy. Access is subject to the policy at https://zeta.example/data-policy.”\n\n" +
			"Your use of the Weights is subject to the terms of use available at https://zeta.example/weights-terms.",
		want: []phrase{
			{notice, "If you share Output, you must ship a text file that contains the following notice:", nil},
			{notice, "Recipients must also be given the following statement:", nil},
			{policy, "Your use of the Weights is subject to the terms of use available at https://zeta.example/weights-terms.", map[string]any{"url": "https://zeta.example/weights-terms"}},
		},
	}, {
		name: "a question is no duty, in a heading, a link or Chinese",
		text: "Zeta License FAQ\n\n" +
			"!!! question \"Do I need to acknowledge Zeta?\"\n\n" +
			"[Must I cite the Zeta paper in publications?](#faq-2)\n\n" +
			"我需要在产品中署名吗？\n\n" +
			"You must credit Zeta in any publication that uses the Model.",
		want: []phrase{{attr, "You must credit Zeta in any publication that uses the Model.", nil}},
	}, {
		name: "an acknowledgement, a request and an exception credit nobody",
		text: "Zeta Model License\n\n" +
			"If you submit Contributions, you hereby:\n" +
			"1. acknowledge and agree that Zeta shall have a perpetual right to use the Contributions; and\n" +
			"2. acknowledge that Zeta owes you nothing for them.\n\n" +
			"Citation is not a condition of compliance, but it is strongly requested.\n\n" +
			"Attribution to Zeta in papers is requested.\n\n" +
			"This License does not grant permission to use the Zeta trademarks, except as required for complying with the Attribution Guidelines.\n\n" +
			"Acknowledge Zeta in any publication that uses the Model.",
		want: []phrase{{attr, "Acknowledge Zeta in any publication that uses the Model.", nil}},
	}, {
		name: "a permission to train on outputs limits nothing; a ban or a limited permission does",
		text: "Zeta Model License\n\n" +
			"You may use model outputs, generate synthetic data and train other models on those outputs.\n\n" +
			"Licensees can train other models on the outputs of the Model.\n\n" +
			"Users are permitted to use generated outputs to improve other models.\n\n" +
			"You may not use outputs to train other models.\n\n" +
			"You may use outputs to train other models only for non-commercial purposes.",
		want: []phrase{
			{output, "You may not use outputs to train other models.", nil},
			{nc, "You may use outputs to train other models only for non-commercial purposes.", nil},
			{output, "You may use outputs to train other models only for non-commercial purposes.", nil},
		},
	}, {
		name: "an item in bold that ends in a colon before a link is the clause, not a run-in heading",
		text: "You must not:\n\n" +
			"1.  **Distribute Output, or disclose findings without citing our paper:**\n" +
			"    [Wu et al. A Paper. bioRxiv (2026)](https://example.org/paper).\n",
		want: []phrase{
			{attr, "Distribute Output, or disclose findings without citing our paper:**\n    [Wu et al. A Paper. bioRxiv (2026)](https://example.org/paper).", nil},
			{output, "Distribute Output, or disclose findings without citing our paper:**\n    [Wu et al. A Paper. bioRxiv (2026)](https://example.org/paper).", nil},
		},
	}})
}
