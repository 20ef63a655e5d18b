package analysis

import (
	"context"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/stdtext"
)

// A preface that names a Creative Commons NonCommercial license and states
// its limit in words of its own ("The weights are licensed under CC BY-NC
// 4.0. Commercial rights are available separately", "provided under CC BY
// NC 4.0 for academic and non-commercial use") above the full legal code,
// with no terms added to it (identification finds none), states the limit
// once: the legal code's own NonCommercial grant (sections 2(a)(1) and
// 4(a)) restates it and gives no finding, and the license's kind gives
// none at the legal code's title either. A preface that states no limit
// leaves the legal code its clauses, as the legal code alone keeps them.
func TestLegalCodeLimitStatedByPreface(t *testing.T) {
	code := stdtext.Text("CC-BY-NC-4.0")
	for _, tt := range []struct {
		name, preface string
		want          []string // the non-commercial findings' texts, in order; "" for one in the legal code
	}{
		{"a clause keeping commercial rights apart",
			"# Zeta weights\n\nThe Zeta model weights are licensed under the Creative Commons\nAttribution-NonCommercial 4.0 International License (CC BY-NC 4.0).\nCommercial rights are available separately; see COMMERCIAL.md.\n\nThe legal code follows.\n\n---\n\n",
			[]string{"Commercial rights are available separately; see COMMERCIAL.md."}},
		{"a grant for a non-commercial purpose",
			"Zeta checkpoints are provided under CC BY NC 4.0 license for academic and non-commercial use.\n\n****************\n\n",
			[]string{"Zeta checkpoints are provided under CC BY NC 4.0 license for academic and non-commercial use."}},
		{"a deed's summary",
			"Weights of the Zeta model\n\nThe weights are licensed under the Creative Commons Attribution-NonCommercial 4.0 International License (CC BY-NC 4.0)\nYou may share and adapt them under the following terms:\n\n- **NonCommercial** - You may not use the material for commercial purposes.\n\n=====\n\n",
			[]string{"NonCommercial** - You may not use the material for commercial purposes."}},
		{"no hit moves: a preface that states no limit",
			"Zeta weights\n\nThe full legal code follows.\n\n",
			[]string{"", "", ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.preface + code
			res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(text)}}})
			if len(res.Licenses) != 1 || res.Licenses[0].ID != "cc-by-nc-4.0" || res.Licenses[0].Modified {
				t.Fatalf("licenses %+v, want one cc-by-nc-4.0, not modified", res.Licenses)
			}
			var got []string
			for _, f := range res.Findings() {
				if f.Code != "license/non-commercial" {
					continue
				}
				if f.Span.Start >= len(tt.preface) {
					got = append(got, "")
				} else {
					got = append(got, text[f.Span.Start:f.Span.End])
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("non-commercial findings %q, want %q", got, tt.want)
			}
		})
	}
}
