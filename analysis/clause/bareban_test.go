package clause

import "testing"

// TestBareBanLeadIn: a lead-in that is only an actor and a negative
// modality ("You may NOT:", "The Licensee shall not, directly or
// indirectly:") bans what its items do, verbs left to the items, as
// "您不得：" and an inline list ("You may not: (a) ...") do: one use
// restriction from the lead-in to the last item that bans a use (R8d).
// Items of other kinds of ban are theirs: commercial use, the outputs,
// notices, and passing the model on ("Sublicense, assign, or transfer
// the Model"), and so is an item the use patterns read and found no
// restriction in (the law in general, R8b; a use the grant leaves out).
// A list of such items only gives no use restriction.
func TestBareBanLeadIn(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "items that are bare verbs on the model",
		text: "You may NOT:\n" +
			"- Download, copy, clone, or host the Model weights or checkpoints.\n" +
			"- Perform model inversion, membership inference, or any form of model reconstruction.\n\n" +
			"Any attempt to bypass rate limits is a violation of this license.",
		want: []phrase{
			{use, "You may NOT:\n" +
				"- Download, copy, clone, or host the Model weights or checkpoints.\n" +
				"- Perform model inversion, membership inference, or any form of model reconstruction.", nil},
		},
	}, {
		name: "a lead-in with its adverb, items marked by letters",
		text: "The Licensee shall not, directly or indirectly:\n" +
			"   a) Fine-tune or adapt the Model without a separate written agreement\n" +
			"   b) Circulate benchmark numbers of the Model before its release\n",
		want: []phrase{
			{use, "The Licensee shall not, directly or indirectly:\n" +
				"   a) Fine-tune or adapt the Model without a separate written agreement\n" +
				"   b) Circulate benchmark numbers of the Model before its release", nil},
		},
	}, {
		// Passing the model on is read and is no use; serving it to others
		// through a hosted API is, and the finding ends with that item.
		name: "hosted APIs among bans on passing the model on",
		text: "You may not:\n" +
			"   a) Redistribute the Model's weights or checkpoints without explicit permission\n" +
			"   b) Create hosted APIs or services that provide direct access to the Model\n" +
			"   c) Sublicense or transfer rights to the Model to third parties\n",
		want: []phrase{
			{use, "You may not:\n" +
				"   a) Redistribute the Model's weights or checkpoints without explicit permission\n" +
				"   b) Create hosted APIs or services that provide direct access to the Model", nil},
		},
	}, {
		name: "a hosted API banned in a sentence",
		text: "You shall not offer the Model to third parties through a hosted API.",
		want: []phrase{{use, "You shall not offer the Model to third parties through a hosted API.", nil}},
	}, {
		name: "no use restriction: a list of bans on passing the model on, outputs and notices",
		text: "You may NOT:\n\n" +
			"  a) Use the Model or its outputs to train, fine-tune, or distill a competing model.\n\n" +
			"  b) Remove, obscure, or alter any attribution notices.\n\n" +
			"  c) Redistribute modified versions of the Model weights without prior written permission.\n",
		want: []phrase{
			{output, "Use the Model or its outputs to train, fine-tune, or distill a competing model.", nil},
			{notice, "Remove, obscure, or alter any attribution notices.", nil},
		},
	}, {
		name: "no use restriction: commercial use, sublicensing, the law and the grant",
		text: "The Licensee shall not:\n\n" +
			"    Use, modify, or distribute the Model for commercial purposes.\n\n" +
			"    Sublicense, assign, or transfer the Model without Licensor's prior written consent.\n\n" +
			"    Use the Model in any manner that infringes upon any third-party rights.\n\n" +
			"    Use the Model in any way that is not expressly permitted by this Agreement.\n",
		want: []phrase{
			{nc, "Use, modify, or distribute the Model for commercial purposes.", nil},
		},
	}, {
		name: "no use restriction: a lead-in with an object is no bare ban",
		text: "You may not remove the following notices:\n- the copyright line\n- the license URL\n",
	}, {
		// A section heading after the list is none of its items.
		name: "a numbered Markdown heading ends the list",
		text: "You may not:\n\n**(a)** reverse engineer the Engine Assets;\n\n**(b)** share your credentials with others.\n\n---\n\n## 6. Termination\n\nThis license is governed by the law of Delaware.",
		want: []phrase{
			{use, "You may not:\n\n**(a)** reverse engineer the Engine Assets;\n\n**(b)** share your credentials with others.", nil},
		},
	}, {
		name: "Chinese: a list of bans on passing the model on gives no use restriction",
		text: "您不得：\n（1）再分发本模型的权重；\n（2）转让本协议下的权利。\n",
	}, {
		name: "Chinese: a banned use beside a ban on passing the model on",
		text: "您不得：\n（1）将本模型用于军事目的；\n（2）转让本协议下的权利。\n",
		want: []phrase{{use, "您不得：\n（1）将本模型用于军事目的；", nil}},
	}})
}
