package clause

import "testing"

// TestDutyObjects: attribution, notice and pass-through duties read by who
// must do what to whom (the object of the duty), in made-up English and
// Chinese wordings grouped by sentence structure; wishes, a licensor's
// notice of its own changes and derivatives that carry the license itself
// are not these duties. Every case lists all hits its text gives, with
// their byte ranges (the sentence).
func TestDutyObjects(t *testing.T) {
	quoted := func(s string) map[string]any { return map[string]any{"text": s} }
	runPhraseCases(t, []phraseCase{{
		name: "attribution: credit or a citation as the object of giving or citing",
		text: "In any report of results obtained with the Weights, the Licensee shall provide appropriate attribution to Zeta Labs, naming the model and its version.\n" +
			"You agree to properly reference the paper below in any publication that uses the Weights.\n" +
			"Others may share the Weights only if they give the authors the credit in the manner set out on the project page.",
		want: []phrase{
			{attr, "In any report of results obtained with the Weights, the Licensee shall provide appropriate attribution to Zeta Labs, naming the model and its version.", nil},
			{attr, "You agree to properly reference the paper below in any publication that uses the Weights.", nil},
			{attr, "Others may share the Weights only if they give the authors the credit in the manner set out on the project page.", nil},
		},
	}, {
		name: "attribution: a quoted credit that must be displayed, a statement for public statements",
		text: "In every product that uses the Weights, \"Zeta Inside\" must be clearly displayed in its settings page.\n" +
			"You shall include in every press release about a Derivative the following statement:",
		want: []phrase{
			{attr, "In every product that uses the Weights, \"Zeta Inside\" must be clearly displayed in its settings page.", quoted("Zeta Inside")},
			{attr, "You shall include in every press release about a Derivative the following statement:", nil},
		},
	}, {
		name: "attribution: the model's source as the object of a duty to recipients, English and Chinese",
		text: "You must give every recipient of the Weights the source of the Model and the name of its authors.\n" +
			"使用者分享本模型时须附上本模型的来源。",
		want: []phrase{
			{attr, "You must give every recipient of the Weights the source of the Model and the name of its authors.", nil},
			{attr, "使用者分享本模型时须附上本模型的来源。", nil},
		},
	}, {
		name: "no attribution: wishes, source code, a name rule",
		text: "You are encouraged to cite the paper below in publications that use the Weights.\n" +
			"You must make the source code of the Model available to any recipient.\n" +
			"使用者可以选择附上数据的来源。",
	}, {
		name: "notice: a copy of the license made available, a license that goes along with copies",
		text: "You must make available a copy of this Agreement to all third-party recipients of the Weights.\n" +
			"If the Weights are shared, this License shall be distributed alongside them.",
		want: []phrase{
			{notice, "You must make available a copy of this Agreement to all third-party recipients of the Weights.", nil},
			{notice, "If the Weights are shared, this License shall be distributed alongside them.", nil},
		},
	}, {
		name: "notice: what was changed, as the object of a notice, a statement or a disclosure",
		text: "Anyone who shares the Weights must provide clear notice of any modifications made to them.\n" +
			"You must include in the notice file a statement that you have modified the Weights.\n" +
			"Derivatives must be identified as such, including disclosure of the changes made to the Weights.\n" +
			"You must provide with each dataset a prominent notice stating that it was generated with the Weights.\n" +
			"您必须在任何修改过的文件上附加显著的声明，说明您更改了这些文件。",
		want: []phrase{
			{notice, "Anyone who shares the Weights must provide clear notice of any modifications made to them.", nil},
			{notice, "You must include in the notice file a statement that you have modified the Weights.", nil},
			{notice, "Derivatives must be identified as such, including disclosure of the changes made to the Weights.", nil},
			{notice, "You must provide with each dataset a prominent notice stating that it was generated with the Weights.", nil},
			{notice, "您必须在任何修改过的文件上附加显著的声明，说明您更改了这些文件。", nil},
		},
	}, {
		name: "notice: a notice set out below that goes along with copies, displayed or not",
		text: "You must prominently display the following notice alongside each distribution of the Weights (for example in a NOTICE file):\n\n" +
			"\"The Weights are made available by Zeta Labs.\"\n",
		want: []phrase{
			{notice, "You must prominently display the following notice alongside each distribution of the Weights (for example in a NOTICE file):", nil},
		},
	}, {
		name: "no notice: the licensor's notice of changes to its terms, a copy of the licensed materials",
		text: "Zeta will provide notice of any changes to this Agreement on its website.\n" +
			"You must provide a copy of the Licensed Materials in their preferred form to the recipient.",
		// a change announced is the licensor's power to change the terms
		want: []phrase{{change, "Zeta will provide notice of any changes to this Agreement on its website.", nil}},
	}, {
		name: "notice: notices kept on copies, as a condition or declared in a list of conditions",
		text: "Copies may be made provided that the copyright and trademark notices are copied onto each of the copies.\n" +
			"Use is permitted provided that the above copyright notice and these two paragraphs appear in all copies.\n" +
			"You cannot alter any copyright, trademark, or other notice in the Weights.\n" +
			"You retain in the Weights and any modifications of them the copyright and other notices of Zeta Labs.",
		want: []phrase{
			{notice, "Copies may be made provided that the copyright and trademark notices are copied onto each of the copies.", nil},
			{notice, "Use is permitted provided that the above copyright notice and these two paragraphs appear in all copies.", nil},
			{notice, "You cannot alter any copyright, trademark, or other notice in the Weights.", nil},
			{notice, "You retain in the Weights and any modifications of them the copyright and other notices of Zeta Labs.", nil},
		},
	}, {
		name: "pass-through: recipients bound, derivatives that stay under the restrictions, the restrictions as minimum terms",
		text: "If you share the Weights with a third party, such party shall be bound by the terms of this Agreement.\n" +
			"You may license your Derivatives under other terms, but the use of the Weights in them shall remain governed by the terms of this Agreement.\n" +
			"Derivatives of Zeta-2.x licensed under Apache-2.0 remain subject to all obligations and restrictions of the Zeta License.\n" +
			"The use restrictions of Schedule B form the minimum set of terms on which you may license the Weights to others.\n" +
			"You shall require all of your users of Zeta-2.x to comply with Schedule B.",
		want: []phrase{
			{pass, "If you share the Weights with a third party, such party shall be bound by the terms of this Agreement.", nil},
			{pass, "You may license your Derivatives under other terms, but the use of the Weights in them shall remain governed by the terms of this Agreement.", nil},
			{pass, "Derivatives of Zeta-2.x licensed under Apache-2.0 remain subject to all obligations and restrictions of the Zeta License.", nil},
			{pass, "The use restrictions of Schedule B form the minimum set of terms on which you may license the Weights to others.", nil},
			{pass, "You shall require all of your users of Zeta-2.x to comply with Schedule B.", nil},
		},
	}, {
		name: "no pass-through: derivatives that carry the license itself, you bound yourself",
		text: "If you distribute Derivatives, the Derivatives will remain subject to this Agreement.\n" +
			"By downloading the Weights the licensee shall be bound by the terms of this Agreement.",
		// derivatives that carry the license itself are share-alike
		want: []phrase{{sa, "If you distribute Derivatives, the Derivatives will remain subject to this Agreement.", nil}},
	}})
}
