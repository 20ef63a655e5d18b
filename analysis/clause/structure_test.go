package clause

import "testing"

// TestObligationStructures: English clauses read by their structure (a
// grant limited to a purpose, a condition on a kind of use, a duty under
// export law, a list under a lead-in), in made-up wordings. Every case
// lists all hits its text gives, so a false alarm fails too.
func TestObligationStructures(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a grant limited to non-commercial purposes",
		text: "Zeta grants you a worldwide, royalty-free license to copy and modify the Weights for any educational or non-commercial purpose.\n" +
			"The Weights are available at no cost for certain non-commercial uses.\n" +
			"Copying for non-commercial purposes in any form is permitted.",
		want: []phrase{
			{nc, "Zeta grants you a worldwide, royalty-free license to copy and modify the Weights for any educational or non-commercial purpose.", nil},
			{nc, "The Weights are available at no cost for certain non-commercial uses.", nil},
			{nc, "Copying for non-commercial purposes in any form is permitted.", nil},
		},
	}, {
		name: "a grant of both kinds of use is no limit",
		text: "You may use the Weights for commercial and non-commercial purposes.\nZeta grants you the Weights for any purpose, whether commercial or non-commercial uses.",
	}, {
		name: "commercial use needing another license, no commercial rights, copies restricted",
		text: "Using the Weights for a commercial purpose requires a separate written agreement with Zeta.\n" +
			"No commercial rights are granted by this license.\n" +
			"You shall restrict the use of all copies you distribute to non-commercial purposes.\n" +
			"Commercial use requires a free registration on our site.",
		want: []phrase{
			{nc, "Using the Weights for a commercial purpose requires a separate written agreement with Zeta.", nil},
			{nc, "No commercial rights are granted by this license.", nil},
			{nc, "You shall restrict the use of all copies you distribute to non-commercial purposes.", nil},
			{pass, "You shall restrict the use of all copies you distribute to non-commercial purposes.", nil},
		},
	}, {
		name: "exemptions from a commercial license are no limit",
		text: "Large companies need a paid license for any use (excluding use solely for a non-commercial purpose).\n" +
			"Nothing here requires a company to buy a license for use for a non-commercial purpose as permitted above.",
	}, {
		name: "recipients told that the terms apply",
		text: "Before you hand over a fine-tuned copy, you shall notify the recipient in writing that its use is subject to this Agreement.",
		want: []phrase{
			{pass, "Before you hand over a fine-tuned copy, you shall notify the recipient in writing that its use is subject to this Agreement.", nil},
		},
	}, {
		// The lead-in bans what its items say, and they say commercial
		// use: the non-commercial limit, no use restriction besides it.
		name: "commercial use barred in an item of a negated lead-in",
		text: "You must not use the Weights:\n\n(a) on behalf of a commercial company;\n(b) in connection with any commercial activities.",
		want: []phrase{
			{nc, "on behalf of a commercial company;\n(b) in connection with any commercial activities.", nil},
		},
	}, {
		name: "what the model makes, not called output",
		text: "Neither the Weights nor any audio generated with them may be used for commercial purposes.",
		want: []phrase{
			{output, "Neither the Weights nor any audio generated with them may be used for commercial purposes.", nil},
			{nc, "Neither the Weights nor any audio generated with them may be used for commercial purposes.", nil},
		},
	}, {
		// The outputs are one of the objects the list bans uses of: the
		// ban is a condition on them too (outputs9).
		name: "outputs among the objects of a list of banned uses are an output clause too",
		text: "You agree not to use the Outputs, the Weights or any derivative in the following ways:\n\n(a) to harass people;\n(b) to spread spam.",
		want: []phrase{
			{use, "You agree not to use the Outputs, the Weights or any derivative in the following ways:\n\n(a) to harass people;\n(b) to spread spam.", nil},
			{output, "You agree not to use the Outputs, the Weights or any derivative in the following ways:", nil},
		},
	}, {
		name: "a ban on infringing others' rights is no use restriction",
		text: "You will not use the Weights in any way that infringes or otherwise violates the rights of any third party.",
	}, {
		name: "a ban on commercial purposes is the non-commercial limit, not a use restriction",
		text: "Users may not use the Weights for any commercial purpose unless Zeta signs a separate agreement.",
		want: []phrase{
			{nc, "Users may not use the Weights for any commercial purpose unless Zeta signs a separate agreement.", nil},
		},
	}, {
		name: "terms modified by this very license do not change later",
		text: "This agreement takes in the terms of a public license, except as those terms may be modified or supplemented by this agreement.\n" +
			"Zeta adopts the public terms except as such terms may be modified by the terms and conditions set out herein.",
	}, {
		name: "export control and sanctions",
		text: "You shall comply with all applicable export control laws when you use the Weights.\nYou represent that you are not located in a country under a trade embargo.\nLicensee shall comply with the U.S. Commerce Department's export laws and regulations.",
		want: []phrase{
			{geo, "You shall comply with all applicable export control laws when you use the Weights.", nil},
			{geo, "You represent that you are not located in a country under a trade embargo.", nil},
			{geo, "Licensee shall comply with the U.S. Commerce Department's export laws and regulations.", nil},
		},
	}, {
		// A licensor that stops offering the model takes no right from whoever
		// holds a copy: no finding.
		name: "the licensor may revoke access; stopping its offer is no termination",
		text: "Zeta reserves the right to suspend or revoke your access to the Weights.\nZeta may stop offering the Weights to anyone at its discretion.\nZeta reserves the right to update these terms.\nZeta reserves the right to revoke your use of the Weights that it believes violates these terms.",
		want: []phrase{
			{remote, "Zeta reserves the right to suspend or revoke your access to the Weights.", nil},
			{change, "Zeta reserves the right to update these terms.", nil},
			{remote, "Zeta reserves the right to revoke your use of the Weights that it believes violates these terms.", nil},
		},
	}, {
		name: "a revenue threshold of at least an amount",
		text: "Companies with annual revenues of at least $5,000,000 must buy a commercial license.",
		want: []phrase{
			{scale, "Companies with annual revenues of at least $5,000,000 must buy a commercial license.", map[string]any{"metric": "annual-revenue", "value": int64(5_000_000), "currency": "USD"}},
		},
	}, {
		name: "a restatement on the same line is one clause",
		text: "You must not use the Weights outside the Territory. Any such use outside the Territory is unlicensed.",
		want: []phrase{
			{geo, "You must not use the Weights outside the Territory. Any such use outside the Territory is unlicensed.", nil},
		},
	}})
}

// TestLeadInStructures: items read through their lead-in when the lead-in
// says "should", when words such as "including" come long before its
// colon, and when the item has no list marker but starts a new line.
func TestLeadInStructures(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "a lead-in with should",
		text: "If you distribute the Weights, you should:\n\n(A) Provide a copy of this License with the Weights;",
		want: []phrase{
			{notice, "Provide a copy of this License with the Weights;", nil},
		},
	}, {
		name: "including inside the lead-in, far from its colon",
		text: "If you ship the Weights (including any fine-tuned version of them) in a product, you must:\n\n(a) provide a copy of this Agreement with every copy;",
		want: []phrase{
			{notice, "provide a copy of this Agreement with every copy;", nil},
		},
	}, {
		name: "an item without a marker on the line after the colon",
		text: "You may share the Weights, provided that you meet the following conditions:\nUse restrictions of section 5 must be included as an enforceable provision in your license.",
		want: []phrase{
			{pass, "Use restrictions of section 5 must be included as an enforceable provision in your license.", nil},
		},
	}})
}
