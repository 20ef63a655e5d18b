package clause

import "testing"

// TestShareAlikeFrames: share-alike read as a frame, not a phrase: what
// is derived (derived-work: derivatives, fine-tuned or modified weights,
// merged models) + a duty + a verb of releasing + "under" + this license
// by any of its names (the License, the Agreement, its own name, the same
// license). A permission, a standard license's name, the licensor's own
// licensing, a statement of the work's own license and a wish are none.
// The texts are made up; every case lists all hits its text gives.
func TestShareAlikeFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "fine-tuned weights released under the license's own name",
		text: "Fine-tuned weights you share must be released under the Acme Open Weights License.",
		want: []phrase{{sa, "Fine-tuned weights you share must be released under the Acme Open Weights License.", nil}},
	}, {
		name: "merged models under the License, its defined term",
		text: "Merged models shall be distributed only under the License.",
		want: []phrase{{sa, "Merged models shall be distributed only under the License.", nil}},
	}, {
		name: "a duty to release fine-tuned models under the license's own name",
		text: "You must release any fine-tuned models only under the Nova Community License.",
		want: []phrase{{sa, "You must release any fine-tuned models only under the Nova Community License.", nil}},
	}, {
		name: "derived models made available under the Agreement",
		text: "All derived models shall be made available under the Agreement.",
		want: []phrase{{sa, "All derived models shall be made available under the Agreement.", nil}},
	}, {
		name: "the same license by name",
		text: "Any modified model must be distributed under the same Orion license.",
		want: []phrase{{sa, "Any modified model must be distributed under the same Orion license.", nil}},
	}, {
		name: "no hit: a permission to use a standard license",
		text: "Derivative works may be released under the Apache License 2.0.",
	}, {
		name: "no hit: a duty that names a standard license",
		text: "Modifications must be licensed under the Apache License, Version 2.0.",
	}, {
		name: "no hit: this license or any other",
		text: "You may distribute derivative models under the License or under any other terms.",
	}, {
		name: "no hit: the licensor licensing to you",
		text: "The Licensor shall license the derivative models to you under the Agreement.",
	}, {
		name: "no hit: a statement of the work's own license",
		text: "The trained checkpoint is released under the same license.",
	}, {
		name: "no hit: a wish",
		text: "Please share your fine-tunes under the same license.",
	}})
}

// TestPassThroughConflictFrames: a ban on terms of yours that conflict
// with (or are inconsistent with) the license keeps recipients under it;
// the licensor's not being bound by your terms, and a clause on which
// terms prevail, are none.
func TestPassThroughConflictFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "no terms of yours that conflict with the named terms",
		text: "You must not include any additional or different terms that conflict with the [Acme Terms of Use](https://example.com/terms).",
		want: []phrase{{pass, "You must not include any additional or different terms that conflict with the [Acme Terms of Use](https://example.com/terms).", nil}},
	}, {
		name: "no terms on recipients inconsistent with this Agreement",
		text: "Licensee shall not impose any terms on recipients that are inconsistent with this Agreement.",
		want: []phrase{{pass, "Licensee shall not impose any terms on recipients that are inconsistent with this Agreement.", nil}},
	}, {
		name: "an item of a banning list: impose terms that conflict",
		text: "You may not:\n\n- Attach conditions conflicting with the Zeta License to copies you share.\n- Sublicense the Model.",
		want: []phrase{{pass, "Attach conditions conflicting with the Zeta License to copies you share.", nil}},
	}, {
		name: "no hit: the licensor is not bound by your terms; this Agreement prevails",
		text: "The Licensor shall not be bound by any additional or different terms or conditions communicated by You unless expressly agreed. In case of conflict, the terms of this Agreement prevail over any terms you include.",
	}, {
		name: "Chinese: ensure recipients keep following these terms",
		text: "分发本模型时，须确保接收方继续遵守本条款。",
		want: []phrase{{pass, "分发本模型时，须确保接收方继续遵守本条款。", nil}},
	}, {
		name: "no hit: what the licensor requires of its users",
		text: "我们要求用户保留来源。",
	}})
}

// TestNoticeFrames: 保留本文件 / 本条款 keep this text with the copies
// in Chinese (zh-notice-object); a ban on changing the terms is none.
func TestNoticeFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "Chinese: keep this file",
		text: "再分发时，必须保留本文件。",
		want: []phrase{{notice, "再分发时，必须保留本文件。", nil}},
	}, {
		name: "Chinese: keep these terms whole",
		text: "分发模型时须完整保留本条款。",
		want: []phrase{{notice, "分发模型时须完整保留本条款。", nil}},
	}, {
		name: "no hit: these terms are not to be changed",
		text: "不得修改本条款。",
	}})
}

// TestNestedListResumes: an item that opens a list of its own ("- Use the
// Model for:" with its own items) does not end the list around it: the
// next item marked as it was, at its indent, is read under the outer
// lead-in again ("- Alter or remove copyright notices." reads "you may not
// alter ..."). Numbered lines are sections as often as items and resume
// nothing.
func TestNestedListResumes(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "bullets: the outer ban goes on after the inner list",
		text: "You may not:\n\n- Use, modify, copy, or distribute the Model for:\n  - Military purposes.\n  - Surveillance.\n- Alter or remove copyright and proprietary notices.",
		want: []phrase{
			{use, "You may not:", nil},
			{notice, "Alter or remove copyright and proprietary notices.", nil},
		},
	}, {
		name: "letters: the outer duty goes on after the roman items",
		text: "You must not:\n\n(a) use the Model for any of the following:\n    (i) weapons development;\n    (ii) mass surveillance;\n(b) remove any attribution notices from the Model.",
		want: []phrase{
			{use, "You must not:", nil},
			{notice, "remove any attribution notices from the Model.", nil},
		},
	}, {
		name: "numbered sections resume no earlier list",
		text: "1) USES - You may not use the Model to:\n   - build weapons\n\n2) TAKEDOWN - If notified by:\n   - the Author\n\n3) NOTICES - Remove the copyright notices when you publish a fork.",
		want: []phrase{
			{use, "USES - You may not use the Model to:\n   - build weapons", nil},
		},
	}})
}
