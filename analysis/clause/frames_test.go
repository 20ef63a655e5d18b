package clause

import "testing"

// TestShareAlikeFrames: share-alike read as a frame, not a phrase: what
// is derived (derived-work: derivatives, fine-tuned or modified weights,
// merged or combined models) + a duty + a verb of releasing + "under" +
// this license by any of its names (the License, the Agreement, its own
// name, the same license). A permission, a standard license's name, the
// licensor's own licensing and a statement of the work's own license are
// none. The texts are made up; every case lists all hits its text gives.
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
		name: "the verb split around its object: make ... available under the same named license",
		text: "You agree to make any modified checkpoints available under the same Zeta license.",
		want: []phrase{{sa, "You agree to make any modified checkpoints available under the same Zeta license.", nil}},
	}, {
		name: "derived work subject to the same terms",
		text: "Improvements you make shall be subject to the same terms as the Model.",
		want: []phrase{{sa, "Improvements you make shall be subject to the same terms as the Model.", nil}},
	}, {
		name: "a duty to see that derivatives are released so",
		text: "You must ensure that any merged models are released under this License.",
		want: []phrase{{sa, "You must ensure that any merged models are released under this License.", nil}},
	}, {
		name: "a ban lifted when the derivative carries this license, with another condition between",
		text: "You may not distribute a derivative model unless the resulting weights are published free of charge and released under this Agreement.",
		want: []phrase{{sa, "You may not distribute a derivative model unless the resulting weights are published free of charge and released under this Agreement.", nil}},
	}, {
		name: "a ban lifted, the derivatives named by their kind",
		text: "You shall not publish fine-tuned models except where those models are made available under this Agreement.",
		want: []phrase{{sa, "You shall not publish fine-tuned models except where those models are made available under this Agreement.", nil}},
	}, {
		name: "no further terms on derivative works",
		text: "Licensee must not attach any further terms or conditions to derivative works of the Model.",
		want: []phrase{{sa, "Licensee must not attach any further terms or conditions to derivative works of the Model.", nil}},
	}, {
		name: "derivatives not to be licensed under other terms",
		text: "You may not license your Derivative Models under other terms.",
		want: []phrase{{sa, "You may not license your Derivative Models under other terms.", nil}},
	}, {
		name: "derivatives under other terms: share-alike, not pass-through",
		text: "You may not distribute Derivatives under any other terms.",
		want: []phrase{{sa, "You may not distribute Derivatives under any other terms.", nil}},
	}, {
		name: "Apache-2.0's grant reversed: no additional or different terms on your modifications",
		text: "You may add your own copyright notices to your modifications, but you may not impose additional or different terms and conditions on the distribution of your modifications.",
		want: []phrase{{sa, "You may add your own copyright notices to your modifications, but you may not impose additional or different terms and conditions on the distribution of your modifications.", nil}},
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
		name: "no hit: Apache-2.0 section 4's permission",
		text: "You may add Your own copyright statement to Your modifications and may provide additional or different license terms and conditions for use, reproduction, or distribution of Your modifications.",
	}, {
		name: "no hit: CC's bar on terms that restrict the licensed rights",
		text: "You may not offer or impose any additional or different terms or conditions on, or apply any Effective Technological Measures to, Adapted Material that restrict exercise of the rights granted under the Adapter's License You apply.",
	}, {
		name: "no hit: a statement of the work's own license",
		text: "The trained checkpoint is released under the same license.",
	}, {
		name: "no hit: a wish",
		text: "Please share your fine-tunes under the same license.",
	}})
}

// TestPassThroughEnforceFrames: enforcing the terms on others (users,
// recipients) is passing them on; the licensor's enforcing, and a waiver
// clause, are not. 要求下游 ... 保留 passes a duty on in Chinese.
func TestPassThroughEnforceFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "responsible for enforcing the requirements with respect to recipients",
		text: "You are responsible for enforcing these requirements with respect to your users and downstream recipients.",
		want: []phrase{{pass, "You are responsible for enforcing these requirements with respect to your users and downstream recipients.", nil}},
	}, {
		name: "enforce the restrictions against end users",
		text: "You shall enforce the restrictions of this Agreement against your end users.",
		want: []phrase{{pass, "You shall enforce the restrictions of this Agreement against your end users.", nil}},
	}, {
		name: "agree to enforce the terms against a third party you distribute to",
		text: "Licensee agrees to take reasonable steps to enforce the terms of this License against any third party to whom it distributes the Model.",
		want: []phrase{{pass, "Licensee agrees to take reasonable steps to enforce the terms of this License against any third party to whom it distributes the Model.", nil}},
	}, {
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
		name: "no hit: the licensor enforces",
		text: "Licensor may enforce the terms of this Agreement against you and any third party.",
	}, {
		name: "no hit: no waiver",
		text: "Failure to enforce any provision against any third party does not constitute a waiver.",
	}, {
		name: "Chinese: a duty without its actor to make downstream users keep the source",
		text: "再分发衍生模型时，必须要求下游使用者同样保留来源。",
		want: []phrase{{pass, "再分发衍生模型时，必须要求下游使用者同样保留来源。", nil}},
	}, {
		name: "Chinese: ensure recipients keep following these terms",
		text: "分发本模型时，须确保接收方继续遵守本条款。",
		want: []phrase{{pass, "分发本模型时，须确保接收方继续遵守本条款。", nil}},
	}, {
		name: "no hit: what the licensor requires of its users",
		text: "我们要求用户保留来源。",
	}})
}

// TestNoticeFrames: an imperative after the condition it applies on keeps
// the license with the copies; 保留本文件 / 本条款 keep this text in
// Chinese.
func TestNoticeFrames(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "when redistributing, include this complete License",
		text: "When redistributing the Model or its variants, include this complete License.",
		want: []phrase{{notice, "When redistributing the Model or its variants, include this complete License.", nil}},
	}, {
		name: "if you share, ship the license file",
		text: "If you share the weights, always ship the LICENSE file with them.",
		want: []phrase{{notice, "If you share the weights, always ship the LICENSE file with them.", nil}},
	}, {
		name: "before publishing, retain the copyright notice",
		text: "Before publishing a fine-tune, retain the copyright notice of the original model.",
		want: []phrase{{notice, "Before publishing a fine-tune, retain the copyright notice of the original model.", nil}},
	}, {
		name: "no hit: a condition and no keeping",
		text: "If you have questions about the license, contact us.",
	}, {
		name: "no hit: the license still applies",
		text: "If you received the Model from a third party, the license terms still apply.",
	}, {
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
