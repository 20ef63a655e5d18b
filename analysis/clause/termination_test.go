package clause

import "testing"

// TestStructuralReaders: the readers of termination, changes of the terms
// and share-alike written over lexicon classes (clauses.yaml, "readers of
// termination ...") find a licensor's power over your rights, rights that
// end on your conduct, a power to change the terms and derivatives kept
// under this license in wordings no other pattern knows; a power the
// licensee holds, the license's own duration, survival, a negated power, a
// refusal to accept and a definition stay silent. The texts are made up;
// every case lists all hits its text gives, at the exact bytes of its
// sentence.
func TestStructuralReaders(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "the licensor's power to end, a qualifier between modal and verb",
		text: "Orbit may, at its option, terminate this Agreement upon written notice to you.",
		want: []phrase{{remote, "Orbit may, at its option, terminate this Agreement upon written notice to you.", nil}},
	}, {
		name: "entitled to suspend access",
		text: "Orbit Labs is entitled to suspend your access to the Model.",
		want: []phrase{{remote, "Orbit Labs is entitled to suspend your access to the Model.", nil}},
	}, {
		name: "rights that cease on the licensee's conduct",
		text: "Your rights under this License cease if you use the Model to build a competing product.",
		want: []phrase{{remote, "Your rights under this License cease if you use the Model to build a competing product.", nil}},
	}, {
		name: "the condition first",
		text: "If you deploy the Model in a medical device, the license granted herein terminates.",
		want: []phrase{{remote, "If you deploy the Model in a medical device, the license granted herein terminates.", nil}},
	}, {
		name: "valid only while the licensee complies",
		text: "This License remains valid only as long as you keep the Orbit notice.",
		want: []phrase{{remote, "This License remains valid only as long as you keep the Orbit notice.", nil}},
	}, {
		name: "zh: the licensor may cancel the grant",
		text: "授权方可以取消您对本模型的使用授权。",
		want: []phrase{{remote, "授权方可以取消您对本模型的使用授权。", nil}},
	}, {
		name: "the licensor may amend the terms, a qualifier between",
		text: "Orbit may, in its sole discretion, amend this Agreement.",
		want: []phrase{{change, "Orbit may, in its sole discretion, amend this Agreement.", nil}},
	}, {
		name: "reserves the right to make changes to the terms",
		text: "Orbit reserves the right to make changes to these Terms.",
		want: []phrase{{change, "Orbit reserves the right to make changes to these Terms.", nil}},
	}, {
		name: "the model may be relicensed",
		text: "The weights may later be removed or relicensed.",
		want: []phrase{{change, "The weights may later be removed or relicensed.", nil}},
	}, {
		name: "zh: the company will revise this agreement",
		text: "本公司将对本协议进行修订。",
		want: []phrase{{change, "本公司将对本协议进行修订。", nil}},
	}, {
		name: "derivatives under terms no less restrictive",
		text: "Any Derivative Model you release must be licensed under terms no less restrictive than this License.",
		want: []phrase{{sa, "Any Derivative Model you release must be licensed under terms no less restrictive than this License.", nil}},
	}, {
		name: "derivatives remain subject to this license",
		text: "Fine-tuned models shall remain subject to this License.",
		want: []phrase{{sa, "Fine-tuned models shall remain subject to this License.", nil}},
	}, {
		name: "the license extends to derivatives",
		text: "This License extends to any fine-tuned models you create.",
		want: []phrase{{sa, "This License extends to any fine-tuned models you create.", nil}},
	}, {
		name: "zh: derivatives stay bound by this agreement",
		text: "衍生模型仍受本协议约束。",
		want: []phrase{{sa, "衍生模型仍受本协议约束。", nil}},
	}})
}

// TestStructuralReadersSilent: what the structural readers must not take
// for termination, a change of the terms or share-alike.
func TestStructuralReadersSilent(t *testing.T) {
	runPhraseCases(t, []phraseCase{
		{name: "the licensee's power to end", text: "You may terminate this Agreement at any time by deleting the Model."},
		{name: "the license's own duration", text: "This Agreement remains in force until terminated."},
		{name: "survival", text: "Sections 3 and 5 survive termination of this Agreement."},
		{name: "a negated power", text: "Orbit may not revoke the licenses granted to you."},
		{name: "a third party's rights", text: "Orbit may terminate the rights of any third party who misuses the Model."},
		{name: "a refusal to accept", text: "If you do not agree to this Agreement, you must immediately cease all use of the Model."},
		{name: "a definition", text: "\"Suspension\" means that Orbit may suspend your access to the Model."},
		{name: "a change the licensee may make", text: "You may update the Model's weights and amend this Agreement's examples for your own use."},
		{name: "an amendment both parties sign", text: "This Agreement may be amended only by a written instrument signed by both parties."},
		{name: "a permission to share derivatives under other terms", text: "You may distribute derivative works under this License or under different license terms."},
		{name: "zh: the licensee may end", text: "您可以随时终止本协议。"},
		{name: "zh: the licensor will not revoke", text: "许可方不会撤销您的授权。"},
		{name: "zh: the licensee may revise", text: "您可以修改本模型并修订相关文档。"},
		{name: "zh: derivatives not bound", text: "衍生模型不受本协议约束。"},
	})
}
