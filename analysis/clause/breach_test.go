package clause

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestBreachTermination: a license that ends, or that the licensor may
// end, when you breach it is clause/remote-termination with the condition
// breach, in each structure: the termination then its condition, the
// condition then the termination, the breach as the subject, a revocation,
// a license made void, a forbidden assignment; the duty that follows in
// the same paragraph and a second statement of it are one clause with it.
// Sentences that only mention termination beside a breach give no hit.
// The texts are made up; every case lists all hits its text gives.
func TestBreachTermination(t *testing.T) {
	breach := map[string]any{"condition": "breach"}
	runPhraseCases(t, []phraseCase{{
		name: "the licensor may terminate if you are in breach; the duty after it is the same clause",
		text: "The term of this Agreement will continue until terminated in accordance with its terms. Zeta may terminate this Agreement if you are in breach of any term or condition of this Agreement. Upon termination of this Agreement, you shall delete and cease use of the Weights. Sections 3 and 4 shall survive the termination of this Agreement.",
		want: []phrase{
			{remote, "Zeta may terminate this Agreement if you are in breach of any term or condition of this Agreement. Upon termination of this Agreement, you shall delete and cease use of the Weights.", breach},
		},
	}, {
		name: "the duty in the next paragraph is not joined",
		text: "We may terminate this Agreement at any time if You breach any of its terms.\n\nUpon termination, You must promptly delete the Weights.",
		want: []phrase{
			{remote, "We may terminate this Agreement at any time if You breach any of its terms.", breach},
		},
	}, {
		name: "ends automatically upon a breach; hard-wrapped, with a dotted section number",
		text: "3.6 Termination. This License will automatically terminate upon any breach by you\nof the terms of this License. If you violate any term of this License, then your\nrights under this License (including the grant in Section 2.1) will terminate immediately.",
		want: []phrase{
			{remote, "This License will automatically terminate upon any breach by you\nof the terms of this License. If you violate any term of this License, then your\nrights under this License (including the grant in Section 2.1) will terminate immediately.", breach},
		},
	}, {
		name: "failing to comply, condition first",
		text: "However, if You fail to comply with this Public License, then Your rights under this Public License terminate automatically.",
		want: []phrase{
			{remote, "However, if You fail to comply with this Public License, then Your rights under this Public License terminate automatically.", breach},
		},
	}, {
		name: "the breach as the subject",
		text: "Any breach of the prohibitions in Section 3 will result in the automatic termination of all licenses granted under this Agreement.\n\nAny infringement of the terms of this agreement will automatically terminate your rights under this License.",
		want: []phrase{
			{remote, "Any breach of the prohibitions in Section 3 will result in the automatic termination of all licenses granted under this Agreement.", breach},
			{remote, "Any infringement of the terms of this agreement will automatically terminate your rights under this License.", breach},
		},
	}, {
		name: "revoked in the event of your breach, then delete",
		text: "We reserve the right to revoke the license granted to you under this Agreement in the event of your breach. Upon revocation, you must immediately cease all use and permanently delete all copies of the Model.",
		want: []phrase{
			{remote, "We reserve the right to revoke the license granted to you under this Agreement in the event of your breach. Upon revocation, you must immediately cease all use and permanently delete all copies of the Model.", breach},
		},
	}, {
		name: "the license becomes void when use violates the law",
		text: "If, at any time, the processing of the Model constitutes violation of applicable laws, the license shall automatically become null and void without any liability for the Licensor.",
		want: []phrase{
			{remote, "If, at any time, the processing of the Model constitutes violation of applicable laws, the license shall automatically become null and void without any liability for the Licensor.", breach},
		},
	}, {
		name: "two statements of one termination and the duties after them are one clause",
		text: "Licensor may terminate this Agreement immediately upon written notice to you if you breach any provision of this Agreement. This Agreement also terminates immediately and automatically, without notice, upon any material breach of this Agreement. Upon termination: (a) you must immediately cease all use of Zeta-2.x; (b) you must delete all copies of Zeta-2.x.",
		want: []phrase{
			{remote, "Licensor may terminate this Agreement immediately upon written notice to you if you breach any provision of this Agreement. This Agreement also terminates immediately and automatically, without notice, upon any material breach of this Agreement. Upon termination: (a) you must immediately cease all use of Zeta-2.x; (b) you must delete all copies of Zeta-2.x.", breach},
		},
	}, {
		name: "Chinese: ends automatically on breach, with the duty in the sentence",
		text: "如果您违反本协议的任何条款，您的许可将自动终止，您必须停止使用、复制、修改和分享本软件。",
		want: []phrase{
			{remote, "如果您违反本协议的任何条款，您的许可将自动终止，您必须停止使用、复制、修改和分享本软件。", breach},
		},
	}, {
		name: "Chinese: the licensor may terminate, then delete",
		text: "如果您违反本协议的任何条款或条件，我们可终止本协议。本协议终止后，您必须立即删除并停止使用本模型作品。第4条在本协议终止后仍然有效。",
		want: []phrase{
			{remote, "如果您违反本协议的任何条款或条件，我们可终止本协议。本协议终止后，您必须立即删除并停止使用本模型作品。", breach},
		},
	}, {
		name: "Chinese: the licensor reserves revocation; the licensor has the right to terminate",
		text: "我方保留在您违反协议的情况下撤销本协议对您授权之权利。\n\n若您违反协议中的任何条款或限制，许可方有权终止协议。",
		want: []phrase{
			{remote, "我方保留在您违反协议的情况下撤销本协议对您授权之权利。", breach},
			{remote, "若您违反协议中的任何条款或限制，许可方有权终止协议。", breach},
		},
	}, {
		name: "no hit: a past termination, a right kept aside, reinstatement, your own right, a void assignment or order, a duty alone",
		text: "You represent that Zeta has never previously terminated your access due to your breach of applicable terms.\n\n" +
			"In the event of such material breach, and without limiting Licensor's right to terminate the Agreement, you shall pay Licensor the license fees owed.\n\n" +
			"Where Your right to use the Licensed Material has terminated under Section 6(a), it reinstates automatically as of the date the violation is cured.\n\n" +
			"You may terminate this Agreement if Licensor breaches it.\n\n" +
			"For the avoidance of doubt, this Section (\"Term and Termination\") does not affect any right that Zeta may have to seek remedies for Your violations of this License.\n\n" +
			"Any attempted assignment without such consent shall be null and void.\n\n" +
			"Any terms in a purchase order that differ from the terms of this Agreement shall not be binding upon Licensor and shall be null and void.\n\n" +
			"Upon termination, you must delete all copies of the Weights.\n\n" +
			"如果许可方违反本协议，您有权终止本协议。\n\n" +
			"由于您违反本协议给许可方造成损失的，由您承担全部法律责任。",
	}, {
		name: "either party may end the agreement on notice, beside your own way out",
		text: "This Agreement continues in effect until you cease using the Materials or it is terminated by either party (on immediate written notice to the other party).",
		want: []phrase{
			{remote, "This Agreement continues in effect until you cease using the Materials or it is terminated by either party (on immediate written notice to the other party).", nil},
		},
	}})
}

// TestBreachTerminationMessages: the message says that a breach ends the
// license, and names the duty to stop using the model or to delete it when
// the clause states one, in the sentence or in the one that carries it on.
func TestBreachTerminationMessages(t *testing.T) {
	const (
		alone  = "The license ends if you breach its terms (the licensor may end it, or it ends by itself), so any breach can cost you the right to use the model."
		stop   = "The license ends if you breach its terms (the licensor may end it, or it ends by itself), and you must then stop using the model."
		delete = "The license ends if you breach its terms (the licensor may end it, or it ends by itself), and you must then stop using the model and delete your copies."
	)
	k := kb.Default()
	for _, tt := range []struct{ text, want string }{
		{"Zeta may terminate this Agreement if you are in breach of it.", alone},
		{"Zeta may terminate this Agreement if you are in breach of it. Upon termination, you must cease all use of the Weights.", stop},
		{"Zeta may terminate this Agreement if you are in breach of it. Upon termination, you shall delete and cease use of the Weights.", delete},
		{"If you violate any terms of this agreement, your license will be automatically terminated, and you must stop using the software.", stop},
		{"如果您违反本协议的任何条款或条件，我们可终止本协议。本协议终止后，您必须立即删除并停止使用本模型作品。", delete},
		{"如果您违反本协议的任何条款，您的许可将自动终止，您必须停止使用本软件。", stop},
	} {
		hits := Detect(k, []byte(tt.text))
		if len(hits) != 1 || hits[0].Code != remote {
			t.Errorf("%q: got %+v, want one %s", tt.text, hits, remote)
			continue
		}
		if hits[0].Message != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, hits[0].Message, tt.want)
		}
	}
}

// TestTermsChangeCarriedOn: what a change of the terms means for you, said
// in the same paragraph (when it takes effect, that you are to review the
// terms, that continued use accepts them), is one clause with the change;
// said in a paragraph of its own, it is a clause of its own; a license
// "as may be amended in accordance with" itself gives the licensor no
// right to change it.
func TestTermsChangeCarriedOn(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "one paragraph, one line",
		text: "The Licensor reserves the right to modify or amend this Agreement at any time, in its sole discretion. Any modifications will be effective upon posting the updated Agreement on the Licensor's website. The Licensee is responsible for reviewing the Agreement periodically for changes. Continued use of the Model after any modifications have been made constitutes acceptance of the revised Agreement.",
		want: []phrase{
			{change, "The Licensor reserves the right to modify or amend this Agreement at any time, in its sole discretion. Any modifications will be effective upon posting the updated Agreement on the Licensor's website. The Licensee is responsible for reviewing the Agreement periodically for changes. Continued use of the Model after any modifications have been made constitutes acceptance of the revised Agreement.", nil},
		},
	}, {
		name: "one hard-wrapped paragraph",
		text: "Zeta may amend this Agreement at any time. The Licensee is responsible for reviewing\nthe Agreement periodically for changes. Continued use of the Model after any\nmodifications constitutes acceptance of the revised Agreement.",
		want: []phrase{
			{change, "Zeta may amend this Agreement at any time. The Licensee is responsible for reviewing\nthe Agreement periodically for changes. Continued use of the Model after any\nmodifications constitutes acceptance of the revised Agreement.", nil},
		},
	}, {
		name: "a paragraph of its own",
		text: "Zeta may update these Terms at any time.\n\nYou should review the Terms whenever we update them. If you do not agree to any modifications to the Terms, you must stop using the Weights immediately.",
		want: []phrase{
			{change, "Zeta may update these Terms at any time.", nil},
			{change, "If you do not agree to any modifications to the Terms, you must stop using the Weights immediately.", nil},
		},
	}, {
		name: "Chinese: continued use after an update accepts it",
		text: "许可方有权对协议进行不时更新。您在协议更新后继续使用本模型，即视为您同意更新后的协议。",
		want: []phrase{
			{change, "许可方有权对协议进行不时更新。您在协议更新后继续使用本模型，即视为您同意更新后的协议。", nil},
		},
	}, {
		name: "no hit: amended only as the license itself provides",
		text: "This License Agreement (as may be amended in accordance with this License Agreement, \"License\") applies to your use of the Model.",
	}})
}
