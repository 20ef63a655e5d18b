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
		name: "the power in the passive, the licensor left out",
		text: "Access to the hosted Model may be revoked at any time.",
		want: []phrase{{remote, "Access to the hosted Model may be revoked at any time.", nil}},
	}, {
		name: "rights subject to suspension",
		text: "Your license is subject to immediate suspension.",
		want: []phrase{{remote, "Your license is subject to immediate suspension.", nil}},
	}, {
		name: "the licensee loses its rights",
		text: "Anyone who misrepresents the origin of the Model will lose the right to use it.",
		want: []phrase{{remote, "Anyone who misrepresents the origin of the Model will lose the right to use it.", nil}},
	}, {
		name: "no further access for those who breach",
		text: "Users that violate the policy shall no longer have access to the Model.",
		want: []phrase{{remote, "Users that violate the policy shall no longer have access to the Model.", nil}},
	}, {
		name: "zh: the grant ended in the passive",
		text: "您对本模型的授权将被终止。",
		want: []phrase{{remote, "您对本模型的授权将被终止。", nil}},
	}, {
		name: "the licensor may publish updated versions of the license",
		text: "Orbit may publish updated versions of this License.",
		want: []phrase{{change, "Orbit may publish updated versions of this License.", nil}},
	}, {
		name: "changes to the terms announced",
		text: "Changes to these Terms will be posted on the Orbit website.",
		want: []phrase{{change, "Changes to these Terms will be posted on the Orbit website.", nil}},
	}, {
		name: "zh: the right to amend this agreement",
		text: "许可方保留对本协议的最终解释权和修改权。",
		want: []phrase{{change, "许可方保留对本协议的最终解释权和修改权。", nil}},
	}, {
		name: "derivatives shared: do so under this license",
		text: "If you distribute a Derivative Model, you must do so under this License.",
		want: []phrase{{sa, "If you distribute a Derivative Model, you must do so under this License.", nil}},
	}, {
		name: "modified works to be open source",
		text: "Modified works shall be open-sourced.",
		want: []phrase{{sa, "Modified works shall be open-sourced.", nil}},
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
		name: "derivatives under terms no less restrictive pass the restrictions on",
		text: "Any Derivative Model you release must be licensed under terms no less restrictive than this License.",
		want: []phrase{{pass, "Any Derivative Model you release must be licensed under terms no less restrictive than this License.", nil}},
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
		{name: "the passive with the licensee as actor", text: "This Agreement may be terminated by you at any time."},
		{name: "a passive negated", text: "The licenses granted to you may not be revoked."},
		{name: "use restricted is a restriction, not a power", text: "Use of the Model may be restricted to research."},
		{name: "the Free Software Foundation's versions", text: "The Free Software Foundation may publish revised and/or new versions of the GNU General Public License from time to time."},
		{name: "zh: downstream rights unaffected", text: "即使您在本许可证下被授予的许可终止，不影响下游的接收者根据本许可证享有的权利。"},
		{name: "zh: conditions of a commercial license", text: "若您取得许可方授权将模型用作商业用途时，您应满足许可方上述许可限制条件。"},
		{name: "a limit of the grant, not rights lost", text: "You shall not have any rights to the Model other than those granted above."},
		{name: "zh: the licensee may end", text: "您可以随时终止本协议。"},
		{name: "zh: the licensor will not revoke", text: "许可方不会撤销您的授权。"},
		{name: "zh: the licensee may revise", text: "您可以修改本模型并修订相关文档。"},
		{name: "zh: derivatives not bound", text: "衍生模型不受本协议约束。"},
	})
}
