package analysis

import (
	"context"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/stdtext"
)

// A file that names a non-commercial license ("Licensed under the CC
// BY-NC-SA 4.0 license (URL)") above terms of its own that say so in words
// gives one license/non-commercial, on those words: the name does not
// add a second finding at the title. A standard license below (a
// component's) makes the file too long to be a pointer.
func TestKindFindingOfNamedLicense(t *testing.T) {
	grant := "Permission to use, copy, modify, and distribute this software for any non-commercial purpose is hereby granted without fee."
	text := "Copyright (C) 2017 Zeta Corporation.\nAll rights reserved.\n" +
		"Licensed under the CC BY-NC-SA 4.0 license (https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode).\n\n" + grant + "\n\n" +
		"--- LICENSE FOR a component ---\nCopyright (c) 2017, Jun-Yan Zhu\n\n" + stdtext.Text("BSD-2-Clause") + "\n"
	res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(text)}}})
	var got []string
	for _, f := range res.Findings() {
		if f.Code == "license/non-commercial" {
			got = append(got, text[f.Span.Start:f.Span.End])
		}
	}
	if len(got) != 1 || got[0] != grant {
		t.Errorf("license/non-commercial on %q, want once on %q", got, grant)
	}
}
