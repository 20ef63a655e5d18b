package clause

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// detectorSentences holds one clause sentence for every detector (every
// code Detect reports). TestEveryDetectorSurvivesEdges places each of them
// behind a byte-order mark, CRLF lines, a tab, CJK text and emoji, and
// hard-wraps it, and requires the same hits at the shifted byte ranges.
var detectorSentences = []struct {
	code, sentence string
}{
	{"license/non-commercial", "The Model is for non-commercial use only."},
	{"license/research-only", "The Model may be used for research purposes only."},
	{"clause/scale-threshold", "If your service has more than 10 million monthly active users, you must obtain a license from Acme."},
	{"clause/scale-threshold", "Free use ends once you earn more than US $1,000,000 in annual revenue."},
	{"clause/use-restriction", "You agree not to use the Model for weapons development or to harass people."},
	{"clause/policy-by-reference", "Your use must follow the Acceptable Use Policy at https://acme.example/aup."},
	{"clause/terms-may-change", "Acme may update the terms of this Agreement from time to time."},
	{"clause/attribution", "You must prominently display “Built with Acme” on a related website."},
	{"clause/derivative-naming", "Any derivative model name must begin with “Acme”."},
	{"clause/output-restriction", "You may not use outputs of the Model to train other models."},
	{"clause/pass-through", "Any derivative you share must be bound by the same use restrictions in your license terms."},
	{"clause/share-alike", "Derivative works must be licensed under this License."},
	{"clause/notice-required", "Include the following notice in a \"NOTICE\" file: \"Acme Model is licensed under the Acme License, Copyright © Acme Corp. All Rights Reserved.\""},
	{"clause/geographic", "You must not use the Model in the European Union."},
	{"clause/remote-termination", "Acme reserves the right to restrict (remotely or otherwise) usage of the Model."},
	{"license/modified", "This license is based on the Acme Open License, with the following additions."},
	{"clause/use-restriction", "您不得将本模型用于任何军事目的。"},
	{"clause/scale-threshold", "若月活跃用户超过1亿，须另行申请许可。"},
}

// edgeContexts put text before (and after) a clause sentence.
var edgeContexts = []struct {
	name, before, after string
}{
	{"plain", "", "\n"},
	{"BOM", "\xEF\xBB\xBF", "\n"},
	{"CRLF lines", "1. Terms.\r\n\r\n", "\r\nNext line.\r\n"},
	{"tab after a list marker", "(a)\t", "\n"},
	{"tab indent", "Terms\n\n\t", "\n"},
	{"CJK before", "本许可证适用于模型。", "\n"},
	{"CJK heading line", "## 许可条款\n\n", "\n"},
	{"emoji before", "🚀 Release notes 🎉\n\n", "\n"},
	{"BOM, emoji and CRLF", "\xEF\xBB\xBF👍 Hi\r\n\r\n", "\r\n"},
}

func TestEveryDetectorSurvivesEdges(t *testing.T) {
	k := kb.Default()
	codes := map[string]bool{}
	for _, ds := range detectorSentences {
		codes[ds.code] = true
		base := Detect(k, []byte(ds.sentence))
		if !hasHit(base, ds.code, 0, len(ds.sentence)) {
			t.Errorf("%s: no hit over the whole sentence %q; got %s", ds.code, ds.sentence, describe(ds.sentence, base))
			continue
		}
		for _, wrap := range wraps(ds.sentence) {
			for _, c := range edgeContexts {
				name := fmt.Sprintf("%s/%s/%s", ds.code, c.name, wrap.name)
				text := c.before + wrap.text + c.after
				want := shift(base, len(c.before), wrap.grow)
				got := Detect(k, []byte(text))
				if !sameHits(got, want) {
					t.Errorf("%s: text %q\ngot  %s\nwant %s", name, text, describe(text, got), describe(text, want))
				}
			}
		}
	}
	for _, p := range kb.Default().Clauses {
		if !codes[p.Code] {
			t.Errorf("detector code %s (pattern %s) has no sentence in detectorSentences", p.Code, p.ID)
		}
	}
}

type wrapped struct {
	name string
	text string
	grow int // bytes added inside the sentence
}

// wraps is the sentence as is, hard-wrapped with LF, with CRLF, and with a
// tab-indented continuation line, at the space nearest its middle.
func wraps(s string) []wrapped {
	if !strings.Contains(s, " ") {
		return []wrapped{{"as is", s, 0}} // Chinese text has no spaces to wrap at
	}
	mid := len(s) / 2
	i := strings.LastIndex(s[:mid], " ")
	if j := strings.Index(s[mid:], " "); i < 0 || (j >= 0 && mid+j-mid < mid-i) {
		i = mid + j
	}
	return []wrapped{
		{"one line", s, 0},
		{"wrapped LF", s[:i] + "\n" + s[i+1:], 0},
		{"wrapped CRLF", s[:i] + "\r\n" + s[i+1:], 1},
		{"wrapped LF tab", s[:i] + "\n\t" + s[i+1:], 1},
	}
}

func shift(hits []Hit, by, grow int) []Hit {
	out := make([]Hit, len(hits))
	for i, h := range hits {
		h.Start += by
		h.End += by + grow
		out[i] = h
	}
	return out
}

func sameHits(got, want []Hit) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Code != w.Code || g.Start != w.Start || g.End != w.End || !reflect.DeepEqual(g.Data, w.Data) {
			return false
		}
	}
	return true
}

func hasHit(hits []Hit, code string, start, end int) bool {
	for _, h := range hits {
		if h.Code == code && h.Start == start && h.End == end {
			return true
		}
	}
	return false
}

func describe(text string, hits []Hit) string {
	var parts []string
	for _, h := range hits {
		seg := "?"
		if h.Start >= 0 && h.End <= len(text) && h.Start <= h.End {
			seg = text[h.Start:h.End]
		}
		parts = append(parts, fmt.Sprintf("%s[%d,%d)%q%v", h.Code, h.Start, h.End, seg, h.Data))
	}
	return "[" + strings.Join(parts, " ") + "]"
}
