package identify

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestIdentifyNewerModelLicenses: the licenses added for models that real
// projects load (LFM, first-generation Baichuan) are named by their titles,
// in short texts written for this test that carry only the titles and
// section headings. The LFM Open License keeps Apache-2.0's sections and
// adds two of its own: those are the license, not terms added to it, so a
// stock copy has no added regions and a copy with a further section does.
func TestIdentifyNewerModelLicenses(t *testing.T) {
	lfm := "LFM Open License v1.0\n\n" +
		"1. Definitions.\n\nOur words for the definitions; the Licensor is Liquid AI, Inc.\n\n" +
		"4. Redistribution.\n\nOur words for the redistribution conditions.\n\n" +
		"5. Commercial Use Limitation.\n\nOur words: commercial rights hold only below the Threshold.\n\n" +
		"11. Termination.\n\nOur words: the license ends on a breach.\n"
	extra := "12. Field of Use.\n\nYou may use the Work only to make toast, and for nothing else whatsoever.\n"
	tests := []struct {
		name  string
		text  string
		id    string
		added int
	}{
		{"lfm open license", lfm, "lfm1.0", 0},
		{"lfm open license with a section of someone's own", lfm + "\n" + extra, "lfm1.0", 1},
		{"lfm named in a pointer file", "The LFM2 weights are licensed under the LFM Open License v1.0, see LICENSE.\n", "lfm1.0", 0},
		{"baichuan-7b, as its PDF's first line", "baichuan-7B模型许可协议\n\n一、定义\n", "baichuan-7b", 0},
		{"baichuan-7b, as its README names it", "《Baichuan-7B 模型许可协议》\n", "baichuan-7b", 0},
		{"baichuan-13b, english", "Community License for Baichuan-13B Model\n\n1. Definitions\n", "baichuan-13b-community", 0},
		{"baichuan-13b, chinese", "Baichuan-13B 模型社区许可协议\n\n一、定义\n", "baichuan-13b-community", 0},
		{"baichuan-13b commercial terms", "Baichuan-13B 模型商用许可协议\n\n一、定义\n", "baichuan-13b-commercial", 0},
		{"baichuan 2 stays baichuan 2", "Community License for Baichuan 2 Model\n\n1. Definitions\n", "baichuan2-community", 0},
	}
	k := kb.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Identify(k, []byte(tt.text))
			if len(got) != 1 || got[0].ID != tt.id || len(got[0].Added) != tt.added {
				t.Fatalf("Identify = %+v, want one %s match with %d added regions", got, tt.id, tt.added)
			}
		})
	}
}
