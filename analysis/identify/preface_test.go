package identify

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/stdtext"
)

// A preface above a Creative Commons legal code copied in full: the
// preface names the license (a fingerprint of its name), lists the
// documents it binds you to ("Zeta Use Policy: https://..."), copies the
// deed's notices, and may add terms of its own. The legal code is the
// base, the preface's terms are added, one block across its headings
// (the sentence that names the license is the block's first, as a reader
// marks the preface).
func TestPrefaceAboveCCLegalCode(t *testing.T) {
	ccnc, ccncsa := stdtext.Text("CC-BY-NC-4.0"), stdtext.Text("CC-BY-NC-SA-4.0")
	const (
		title = "Zeta model-weight license\n\n"
		named = "The Zeta-3B checkpoint weights are\nlicensed under Creative Commons Attribution-NonCommercial 4.0 International\n(CC BY-NC 4.0): https://creativecommons.org/licenses/by-nc/4.0/"
		perm  = "Additional permission is granted to individual users: they may sell and license the outputs they generate with the weights."
		head  = "Responsible use (2026-01-01)\n------------------------------"
		ban   = "Under this permission, you must not use the weights or the outputs for fraud, harassment or deceptive impersonation."
		links = "Zeta weights license\n\nThe weights are licensed under CC BY-NC-SA 4.0, the full text of which is reproduced below.\n\n" +
			"ADDITIONAL TERMS\n----------------\n\n"
		bound = "In addition to the CC BY-NC-SA 4.0 terms, the weights remain subject to the documents below, and you must pass them on to every recipient:\n\n" +
			"  * Gemma Prohibited Use Policy: https://ai.google.dev/gemma/prohibited_use_policy\n\n" +
			"Where the documents and this license differ, the more restrictive condition applies."
		deed = "The trained weights are licensed under the\nCreative Commons Attribution-NonCommercial 4.0 International License (CC BY-NC 4.0)\n\n" +
			"**For commercial licensing inquiries, please contact Zeta Labs at** https://example.org/zeta.\n\n" +
			"Notices:\n\nYou do not have to comply with the license for elements of the material in the public domain or where your use is\npermitted by an applicable exception or limitation. No warranties are given. The license may not give you all of the\npermissions necessary for your intended use.\n\n"
	)
	tests := []struct {
		name, text, id string
		added          []string
	}{
		{"the license named above its legal code, terms under two headings",
			title + named + "\n\n" + perm + "\n\n" + head + "\n\n" + ban + "\n\nThe official license text follows.\n\n" + ccnc,
			"cc-by-nc-4.0", []string{named + "\n\n" + perm + "\n\n" + head + "\n\n" + ban + "\n\nThe official license text follows."}},
		{"a policy listed by its name and address above the legal code",
			links + bound + "\n\n=====\n\n" + ccncsa,
			"cc-by-nc-sa-4.0", []string{bound}},
		// the deed's summary and notices, and where to ask for a
		// commercial license, add nothing to the legal code
		{"the deed's notices above the legal code", deed + ccnc, "cc-by-nc-4.0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantAdded(t, tt.text, tt.id, tt.added) })
	}
}

// A license of its own that says which license another part of the work
// is under ("The source code accompanying the Weights is licensed under
// the Apache License, Version 2.0", "The source code of X is separately
// licensed under the MIT License") names that license in passing: it is
// no base of a modified license, wherever the sentence stands. A file
// that puts the model itself under the license and adds terms still is
// one.
func TestLicenseOfAnotherPart(t *testing.T) {
	k := kb.Default()
	for _, text := range []string{
		"# Zeta Model Weight License\n\n## 2. GRANT\n\nPermission is granted to use the Weights for Non-Commercial Use only, provided that this license is included with all copies.\n\n" +
			"## 3. COMMERCIAL LICENSE\n\nCommercial Use of the Weights requires a separate commercial license from Zeta Labs.\n\n" +
			"## 8. SEPARATION FROM SOURCE CODE LICENSE\n\nThe source code accompanying the Weights is licensed under the Apache License, Version 2.0. This Model Weight License applies solely to the Weights.\n",
		"Research Use Only License\n\nThe trained model weights of Zeta are provided for research purposes only. They may not be used for clinical decisions.\n\n" +
			"The source code of Zeta is separately licensed under the MIT License.\nSee LICENSE for details.\n",
	} {
		if ms := Identify(k, []byte(text)); len(ms) != 0 {
			t.Errorf("%.40q: Identify = %v, want nothing", text, matchIDs(ms))
		}
	}
	wantAdded(t, "The model weights are licensed under the MIT License, except that you may not use them for military purposes.\n",
		"mit", []string{"The model weights are licensed under the MIT License, except that you may not use them for military purposes."})
	// a pointer whose other part's grant is scoped says no term of its own
	wantAdded(t, "This repository contains two separately licensed things:\n\n1. Code (the Python files) is licensed\n   under the MIT License. The MIT grant applies to code only.\n\n"+
		"2. Pretrained model weights are made available under the CC BY-NC-SA 4.0 terms: https://creativecommons.org/licenses/by-nc-sa/4.0/\n",
		"cc-by-nc-sa-4.0", nil)
}
