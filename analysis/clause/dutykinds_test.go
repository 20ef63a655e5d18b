package clause

import "testing"

// TestDutyKinds: notice, credit, share-alike and pass-through duties read
// by the kind of their phrasing (made-up texts, English and Chinese where
// the kind exists in both): who must do what with which object, under
// which condition and modality. Every case lists all hits it gives.
func TestDutyKinds(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		// The condition of a permission is a duty of whoever uses it: the
		// items of "provided that:" read as "you must ...".
		name: "declarative conditions under 'provided that:' (license kept, named notices kept)",
		text: "You may share the Weights provided that:\na. You include this License with all copies of the Weights;\nb. You retain all relevant notices of attribution and ownership.",
		want: []phrase{
			{notice, "You include this License with all copies of the Weights;\nb. You retain all relevant notices of attribution and ownership.", nil},
		},
	}, {
		name: "declarative conditions under 但前提是 (license kept, changes marked), an item joined by 以及",
		text: "非商业用户可以发布修改，但前提是：\n(a) 该 fork 完整保留本协议以及所有版权和署名声明；\n(b) 修改已清楚标识；以及\n(c) 该 fork 托管在官方平台。",
		want: []phrase{
			// 署名声明 kept in copies is a notice, not a public credit
			{notice, "该 fork 完整保留本协议以及所有版权和署名声明；\n(b) 修改已清楚标识；以及", nil},
		},
	}, {
		name: "a copy says it keeps the license",
		text: "You may publish a fork, provided that each copy of the fork retains this License.",
		want: []phrase{
			{notice, "You may publish a fork, provided that each copy of the fork retains this License.", nil},
		},
	}, {
		name: "notices named by kind, however many kinds the list names",
		text: "You may distribute the Model only if You:\n\n(a) retain all copyright, attribution, provenance, and proprietary notices;\n\n(b) pay the fee.\n\nLicensee shall preserve any existing copyright, authorship and license notices in every copy.\n\nYou may keep any copyright, attribution and other notices you like.",
		want: []phrase{
			{notice, "retain all copyright, attribution, provenance, and proprietary notices;", nil},
			{notice, "Licensee shall preserve any existing copyright, authorship and license notices in every copy.", nil},
		},
	}, {
		name: "a quoted notice announced by an item: the items after it are still items",
		text: "You may distribute the Model only if You:\n\n(a) include the following notice in a NOTICE file:\n\n\"Zeta is licensed under the Zeta License.\";\n\n(b) license the distributed Model or any Derivative Model under this Agreement without adding conflicting terms.",
		want: []phrase{
			{notice, "include the following notice in a NOTICE file:", nil},
			{sa, "license the distributed Model or any Derivative Model under this Agreement without adding conflicting terms.", nil},
		},
	}, {
		name: "statements of modification: marking verb, passive marking, what the notice states",
		text: "You must clearly identify any modifications you made.\n\n" +
			"If you modify the Model, you shall provide a prominent notice, stating how you have modified the Model, to each recipient.\n\n" +
			"You may add your own notices, provided that you state in the NOTICE file that you changed the Model.\n\n" +
			"We may indicate changes to this Agreement on our website.\n\n" +
			"You must not state that your modifications are endorsed by Zeta.\n\n" +
			"Each modified file must include a prominent modification notice.",
		want: []phrase{
			{notice, "You must clearly identify any modifications you made.", nil},
			{notice, "If you modify the Model, you shall provide a prominent notice, stating how you have modified the Model, to each recipient.", nil},
			{notice, "You may add your own notices, provided that you state in the NOTICE file that you changed the Model.", nil},
			{notice, "Each modified file must include a prominent modification notice.", nil},
		},
	}, {
		name: "statements of modification in Chinese; the licensor's changes to its terms are no duty of yours",
		text: "您修改模型后，修改之处应当清楚标明。许可方应在修改本协议后于网站上说明修改内容。如您修改了本模型，须在修改后的文件中添加显著的修改声明。",
		want: []phrase{
			{notice, "您修改模型后，修改之处应当清楚标明。", nil},
			{notice, "如您修改了本模型，须在修改后的文件中添加显著的修改声明。", nil},
		},
	}, {
		name: "the notice as the subject of a duty to be in the copies (Chinese)",
		text: "上述版权声明和本许可声明应包括在所有软件的副本中。",
		want: []phrase{
			{notice, "上述版权声明和本许可声明应包括在所有软件的副本中。", nil},
		},
	}, {
		name: "a permission vetoes a duty only over its own object",
		text: "You may add your own copyright statement and may provide additional license terms, provided that you provide a complete copy of this Agreement with any distribution.\n\nYou may include a copy of this License with the Weights.",
		want: []phrase{
			{notice, "You may add your own copyright statement and may provide additional license terms, provided that you provide a complete copy of this Agreement with any distribution.", nil},
		},
	}, {
		name: "credit as the condition of a permission; the parties' acknowledgement is no credit",
		text: "Publication of results is permitted, provided that You acknowledge Zeta-1 in the paper.\n\n" +
			"This Agreement shall be governed by the laws of Ruritania, and the parties acknowledge that it is the entire agreement.",
		want: []phrase{
			{attr, "Publication of results is permitted, provided that You acknowledge Zeta-1 in the paper.", nil},
		},
	}, {
		name: "the source and its authors to be named (注明出处和作者 in English)",
		text: "You should indicate the model source and author information when sharing the Model.",
		want: []phrase{
			{attr, "You should indicate the model source and author information when sharing the Model.", nil},
		},
	}, {
		name: "a Chinese credit heading is no duty; a credit list is one clause",
		text: "## 6. 署名与引用\n\n任何使用本软件的论文必须：\n\n(a) 适当署名并致谢开发者；\n(b) 引用参考文献；以及\n(c) 注明使用了本软件。",
		want: []phrase{
			{attr, "适当署名并致谢开发者；\n(b) 引用参考文献；以及\n(c) 注明使用了本软件。", nil},
		},
	}, {
		name: "a definition whose term lost its emphasis is no share-alike",
		text: "*Work* means the Software and any derivative works of the Software that are made available under this License.",
		want: nil,
	}, {
		name: "use restrictions passed on in downstream licenses (plural)",
		text: "You may host the Model provided that:\na. You include the use-based restrictions described in Section 5 in any downstream licenses;",
		want: []phrase{
			{pass, "You include the use-based restrictions described in Section 5 in any downstream licenses;", nil},
		},
	}, {
		name: "a statement that the licensor does not stand behind your service; a ban on claiming endorsement is none",
		text: "You shall expressly and conspicuously state that Zeta is not affiliated with, sponsoring, or endorsing any such service.\n\n" +
			"You shall not state that Zeta endorses your service.",
		want: []phrase{
			{notice, "You shall expressly and conspicuously state that Zeta is not affiliated with, sponsoring, or endorsing any such service.", nil},
		},
	}, {
		name: "credit stated in the model card; the license copy in it is a notice",
		text: "For a Derivative Model, you must state prominently in its model card and documentation:\n\n\"Derived from Zeta-1 by Zeta Labs.\"\n\n" +
			"You must include a copy of this License in the model card.",
		want: []phrase{
			{attr, "For a Derivative Model, you must state prominently in its model card and documentation:", nil},
			{notice, "You must include a copy of this License in the model card.", nil},
		},
	}, {
		name: "recipients told their use stays subject to the license, past a version's dot; equivalent obligations in your agreements",
		text: "Before any transfer, you shall notify the transferee in writing that use of Zeta-2.x is subject to the terms of this Agreement.\n\n" +
			"You shall include equivalent obligations in any agreement governing your distribution of the Model.",
		want: []phrase{
			{pass, "Before any transfer, you shall notify the transferee in writing that use of Zeta-2.x is subject to the terms of this Agreement.", nil},
			{pass, "You shall include equivalent obligations in any agreement governing your distribution of the Model.", nil},
		},
	}, {
		name: "a recipient receives a copy, words between; the licensor's own undertaking is none",
		text: "You must ensure that any recipient of the Model receives a copy of this License.\n\nThe Licensor will provide a copy of this Agreement upon request.",
		want: []phrase{
			{notice, "You must ensure that any recipient of the Model receives a copy of this License.", nil},
		},
	}, {
		name: "what was changed marked as such; the NOTICE file named without quotes",
		text: "Modified versions must be clearly marked as modified.\n\n" +
			"You must mark any modified version of the Model as such.\n\n" +
			"Any modified files must carry a notice stating that they were changed.\n\n" +
			"Each copy of the Model you distribute shall include the NOTICE file.",
		want: []phrase{
			{notice, "Modified versions must be clearly marked as modified.", nil},
			{notice, "You must mark any modified version of the Model as such.", nil},
			{notice, "Any modified files must carry a notice stating that they were changed.", nil},
			{notice, "Each copy of the Model you distribute shall include the NOTICE file.", nil},
		},
	}, {
		name: "notices not to be removed (Chinese)",
		text: "您不得删除本模型中的版权声明。",
		want: []phrase{
			{notice, "您不得删除本模型中的版权声明。", nil},
		},
	}, {
		name: "what you derive as the subject of share-alike; a permission to choose is none",
		text: "Any Derivative you distribute must be licensed under the terms of this Agreement.\n\n" +
			"You may distribute your modifications under any license you choose.\n\n" +
			"衍生模型须采用与本协议相同的许可协议发布。",
		want: []phrase{
			{sa, "Any Derivative you distribute must be licensed under the terms of this Agreement.", nil},
			{sa, "衍生模型须采用与本协议相同的许可协议发布。", nil},
		},
	}, {
		name: "you make recipients keep the restrictions; a recipient bound as the subject",
		text: "You must require all recipients of the Model to comply with the use restrictions in this Agreement.\n\n" +
			"You must ensure that your users comply with the restrictions of Section 5.\n\n" +
			"Any third party to whom you distribute the Model must agree to be bound by this Agreement.\n\n" +
			"You must ensure that your users comply with applicable laws.",
		want: []phrase{
			{pass, "You must require all recipients of the Model to comply with the use restrictions in this Agreement.", nil},
			{pass, "You must ensure that your users comply with the restrictions of Section 5.", nil},
			{pass, "Any third party to whom you distribute the Model must agree to be bound by this Agreement.", nil},
		},
	}, {
		name: "who: the licensor's own undertakings and recitals bind no licensee",
		text: "Licensor shall retain all copyright notices in the Model.\n\n" +
			"We will credit contributors in our release notes.\n\n" +
			"Whereas Acme wishes to ensure that downstream users comply with responsible AI practices, the parties agree as follows.\n\n" +
			"许可方须在其网站上保留版权声明。\n\n" +
			"You shall retain all copyright notices in the Model.",
		want: []phrase{
			{notice, "You shall retain all copyright notices in the Model.", nil},
		},
	}, {
		name: "modality: a credit wished for is no duty; what the license applies to is no share-alike",
		text: "We encourage you to include the following notice: \"Built with Zeta\".\n\n" +
			"This Agreement applies to all copies of the Model and derivatives made available under this License.",
		want: nil,
	}, {
		name: "objects that are no credit and no change of the work",
		text: "You must disclose any changes in your contact information.\n\n" +
			"Any changes to your account must be documented.\n\n" +
			"Provided that you acknowledge that the Model is provided as is, you may use it.\n\n" +
			"You may use the Model provided that you reference this Agreement in your terms.",
		want: nil,
	}})
}
