package clause

import (
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{{
		name: "hard-wrapped sentence, blank line ends the paragraph",
		text: "You may use the Model\nfor any purpose. It is\nprovided as is.\n\nNext paragraph",
		want: []string{"You may use the Model\nfor any purpose.", "It is\nprovided as is.", "Next paragraph"},
	}, {
		name: "Markdown heading, list items and emphasis",
		text: "# Terms\n\n**Use.** You must comply:\n- with the law;\n* with *this* policy.\n",
		want: []string{"Terms", "Use.", "You must comply:", "with the law;", "with *this* policy."},
	}, {
		name: "title line over a paragraph",
		text: "Prohibited Uses\nYou agree not to misuse the Model.",
		want: []string{"Prohibited Uses", "You agree not to misuse the Model."},
	}, {
		name: "abbreviations and section numbers",
		text: "See Section 1.b.v of the U.S. terms, e.g. by mail to Acme Inc. in No. 5 Street. Then stop. As said in Section 1.b.i. The end.",
		want: []string{"See Section 1.b.v of the U.S. terms, e.g. by mail to Acme Inc. in No. 5 Street.", "Then stop.",
			"As said in Section 1.b.i.", "The end."},
	}, {
		name: "nested list markers",
		text: "1. Grant.\n\ta. Rights. You may copy.\n\t\ti. Subject to (a).\n(iv) Last item\n2.1 Scope of use",
		want: []string{"Grant.", "Rights.", "You may copy.", "Subject to (a).", "Last item", "Scope of use"},
	}, {
		// Word processors put no-break spaces after list markers and at
		// the start of wrapped lines.
		name: "no-break spaces after list markers and before a wrapped line",
		text: "The Data is not licensed.\u202f\n    (e)\u202f\u201cDerivatives\u201d means all changes.\n    (f)\u00a0To use the Model\n   \u202f   without a notice;",
		want: []string{"The Data is not licensed.\u202f", "\u201cDerivatives\u201d means all changes.", "To use the Model\n   \u202f   without a notice;"},
	}, {
		name: "CJK full stops and a quoted notice",
		text: "许可。第二句！ The notice is: “X is licensed. All Rights Reserved.” Done.",
		want: []string{"许可。", "第二句！", "The notice is: “X is licensed. All Rights Reserved.”", "Done."},
	}, {
		name: "Chinese semicolons and list markers",
		text: "第二条 许可授予\n（1）您不得用于军事目的；不得违法。\n一、定义\n3、输出\n1.定义\n(2)商业用途",
		want: []string{"许可授予", "您不得用于军事目的；", "不得违法。", "定义", "输出", "定义", "商业用途"},
	}, {
		// An item ends at its semicolon, whatever the length of its line;
		// a wrapped line that ends in a word goes on.
		name: "items without markers, each ending in a semicolon",
		text: "The Licensee shall not:\nUse the Model for any military purposes or for the surveillance of people;\nDistribute the Model without a copy of this Agreement;\nSell it.\nA wrapped line of prose that goes\nOn here.",
		want: []string{"The Licensee shall not:", "Use the Model for any military purposes or for the surveillance of people;",
			"Distribute the Model without a copy of this Agreement;", "Sell it.", "A wrapped line of prose that goes\nOn here."},
	}, {
		name: "Chinese items without markers, each ending in a full-width semicolon",
		text: "您不得：\n将模型用于军事目的；\n向第三方出售模型。",
		want: []string{"您不得：", "将模型用于军事目的；", "向第三方出售模型。"},
	}, {
		name: "CR only line ends and CRLF",
		text: "First line\rSecond. Third\r\n\r\nFourth",
		want: []string{"First line", "Second.", "Third", "Fourth"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range sentences([]byte(tt.text)) {
				got = append(got, tt.text[s.start:s.end])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestVeryLongSentence(t *testing.T) {
	text := "Preamble.\n\nIf the Licensee, " + strings.Repeat("together with its affiliates and partners, ", 40) +
		"has more than 5 million monthly active users, it needs a license."
	hits := Detect(kb.Default(), []byte(text))
	if len(hits) != 1 || hits[0].Start != 11 || hits[0].End != len(text) || hits[0].Data["value"] != int64(5000000) {
		t.Fatalf("got %+v, want one threshold hit on [11,%d)", hits, len(text))
	}
}
