package identify

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// FuzzIdentify checks that any input yields matches whose ranges lie inside
// the text, without panicking.
func FuzzIdentify(f *testing.F) {
	for _, seed := range []string{
		"",
		"---\nkey: x\n---\n",
		"\xef\xbb\xbfLLAMA 3.1 COMMUNITY LICENSE AGREEMENT\r\n",
		"# **Gemma Terms of Use**\n<h2>x</h2>\n\u201cquoted\u201d\u00a0text",
		"DEEPSEEK LICENSE AGREEMENT\n\nTongyi Qianwen LICENSE AGREEMENT\n**Llama 3.1** **Acceptable Use Policy**",
		"\xff\xfe<not a tag\n   \t",
	} {
		f.Add([]byte(seed))
	}
	k := kb.Default()
	Warmup() // licensecheck's set-up is not an input's cost (see analysis.FuzzAnalyze)
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, m := range Identify(k, text) {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End || m.TitleStart < 0 || m.TitleEnd > len(text) || m.TitleStart > m.TitleEnd {
				t.Fatalf("bad ranges %+v for %d bytes", m, len(text))
			}
			if k.License(m.ID) == nil {
				t.Fatalf("unknown id %s", m.ID)
			}
		}
	})
}
