package identify

import (
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/stdtext"
)

// A duty of MIT waived by a sentence written into its notice condition
// ("need not be included with content created by the Software") changes
// its terms: beside a preamble of the file's own, the sentence is added
// text too, as a condition written in is.
func TestWaiverWrittenIntoMIT(t *testing.T) {
	mit := stdtext.Text("MIT")
	const cond = "substantial portions of the Materials" // the template's words
	waiver := "This notice need not be included with generated content."
	i := strings.Index(mit, cond)
	if i < 0 {
		t.Fatal("MIT template changed")
	}
	preamble := "We do not claim ownership of the content you create with the Model. We only ask that you use the Model responsibly and say that your content was created with it."
	text := "Copyright (c) 2019 Zeta Labs\n\n" + preamble + "\n\n" + mit[:i+len(cond)] + "\n" + waiver + mit[i+len(cond):]
	wantAdded(t, text, "mit", []string{preamble, waiver})
}

// A license of its own that names Apache-2.0 in passing, amid its terms
// ("source code licensed under the Apache License, Version 2.0, is not
// part of the Model Materials"), is no modified Apache-2.0: a license
// named, then added to, has its terms on one side of the name.
func TestStandardLicenseNamedInPassing(t *testing.T) {
	para := func(n int, what string) string {
		return strings.Repeat("The Licensee shall not use the Model Materials "+what+" and must delete every copy on request. ", n) + "\n\n"
	}
	own := "Zeta Research and Non-Commercial License Agreement\n\n" + para(20, "for any commercial purpose") +
		"Model Materials do not include source code expressly licensed under the Apache License, Version 2.0, or any third-party component made available under its own license.\n\n" +
		para(20, "to train other models")
	k := kb.Default()
	for _, m := range Identify(k, []byte(own)) {
		t.Errorf("identified %s (%s) in a license of its own", m.ID, m.Source)
	}
	terms := "Additional terms for the model weights:\n\n" + para(20, "for any commercial purpose")
	added := "The Zeta model weights are licensed under the Apache License, Version 2.0, subject to the additional terms below.\n\n" + terms
	ms := Identify(k, []byte(added))
	if len(ms) != 1 || ms[0].ID != "apache-2.0" || len(ms[0].Added) == 0 {
		t.Errorf("Identify = %v, want apache-2.0 with added terms", matchIDs(ms))
	}
}
