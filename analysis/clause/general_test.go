package clause

import (
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// phrase is an expected hit given by its sentence, whose range is where the
// sentence occurs in the text (each sentence below occurs once).
type phrase struct {
	code     string
	sentence string
	data     map[string]any
}

// TestGeneralisedWordings: the clause kinds of issue 14, each in wordings
// no corpus license uses (the texts are made up), in English and Chinese.
// Every case lists all hits the text gives, so a false alarm fails too.
func TestGeneralisedWordings(t *testing.T) {
	mau := func(v int64) map[string]any { return map[string]any{"metric": "monthly-active-users", "value": v} }
	tests := []phraseCase{{
		name: "two thresholds in one sentence, each its own hit",
		text: "Acme grants you the rights above. If your products exceed 100M MAU or RMB 1B revenue, you need Acme's written license.",
		want: []phrase{
			{scale, "If your products exceed 100M MAU or RMB 1B revenue, you need Acme's written license.", mau(100_000_000)},
			{scale, "If your products exceed 100M MAU or RMB 1B revenue, you need Acme's written license.", map[string]any{"metric": "revenue", "value": int64(1_000_000_000), "currency": "CNY"}},
		},
	}, {
		name: "monthly revenue in US dollars beside users",
		text: "Services with more than 50 million monthly active users, or more than 20 million US dollars (or equivalent) in monthly revenue, must show the credit.",
		want: []phrase{
			{scale, "Services with more than 50 million monthly active users, or more than 20 million US dollars (or equivalent) in monthly revenue, must show the credit.", mau(50_000_000)},
			{scale, "Services with more than 50 million monthly active users, or more than 20 million US dollars (or equivalent) in monthly revenue, must show the credit.", map[string]any{"metric": "monthly-revenue", "value": int64(20_000_000), "currency": "USD"}},
			{attr, "Services with more than 50 million monthly active users, or more than 20 million US dollars (or equivalent) in monthly revenue, must show the credit.", nil},
		},
	}, {
		name: "daily active users, visits and units shipped",
		text: "A license is required above 2 million daily active users. Sites with over 10 million visits per month need one too. So do makers of more than 50,000 units shipped in a year.",
		want: []phrase{
			{scale, "A license is required above 2 million daily active users.", map[string]any{"metric": "daily-active-users", "value": int64(2_000_000)}},
			{scale, "Sites with over 10 million visits per month need one too.", map[string]any{"metric": "monthly-visits", "value": int64(10_000_000)}},
			{scale, "So do makers of more than 50,000 units shipped in a year.", map[string]any{"metric": "units", "value": int64(50_000)}},
		},
	}, {
		name: "terms that may change, three wordings",
		text: "Note that this license is subject to update to a more comprehensive version.\nThe latest version will be posted on our site.\nAcme reserves the right to modify these terms.",
		want: []phrase{
			{change, "Note that this license is subject to update to a more comprehensive version.", nil},
			{change, "The latest version will be posted on our site.", nil},
			{change, "Acme reserves the right to modify these terms.", nil},
		},
	}, {
		name: "notice duties without a quoted line",
		text: "If you redistribute the Model, you must give every recipient a copy of this Agreement.\nYou shall include the following notice in your documentation.",
		want: []phrase{
			{notice, "If you redistribute the Model, you must give every recipient a copy of this Agreement.", nil},
			{notice, "You shall include the following notice in your documentation.", nil},
		},
	}, {
		name: "naming rules: include in the name, add to the beginning",
		text: "A derivative model must include \"Acme\" in its model name. Licensees shall add \"Zeta-\" to the beginning of the name of any fine-tune.",
		want: []phrase{
			{naming, "A derivative model must include \"Acme\" in its model name.", map[string]any{"prefix": "Acme"}},
			{naming, "Licensees shall add \"Zeta-\" to the beginning of the name of any fine-tune.", map[string]any{"prefix": "Zeta-"}},
		},
	}, {
		name: "attribution without a quoted Built with",
		text: "Any publication that uses the Model must cite the Acme technical report.\nProducts must show Powered by Acme in their user interface.",
		want: []phrase{
			{attr, "Any publication that uses the Model must cite the Acme technical report.", nil},
			{attr, "Products must show Powered by Acme in their user interface.", nil},
		},
	}, {
		name: "modality: encouraged is not a duty",
		text: "You are encouraged to display \"Built with Acme\" on your website. You may, but need not, credit Acme.",
		want: nil,
	}, {
		// A definition that counts models trained on outputs as derivatives
		// binds through the clauses that restrict derivatives, where the
		// findings sit; the definition gives none.
		name: "outputs limited to non-commercial use; a definition bringing outputs in gives no hit",
		text: "Outputs of the Model may be used for non-commercial purposes only.\n\"Model Derivatives\" means any model trained on Outputs or on synthetic data of the Model.",
		want: []phrase{
			{nc, "Outputs of the Model may be used for non-commercial purposes only.", nil},
			{output, "Outputs of the Model may be used for non-commercial purposes only.", nil},
		},
	}, {
		name: "incorporation by reference without a URL in the sentence",
		text: "The Acme Usage Policy is published on our website. Your use is subject to the Acceptable Use Policy, which is incorporated by reference.",
		want: []phrase{
			{policy, "Your use is subject to the Acceptable Use Policy, which is incorporated by reference.", map[string]any{"document": "Acceptable Use Policy"}},
		},
	}, {
		name: "use restrictions: not allowed to, military after a comma, a list after a colon",
		text: "You are not allowed to use the Model to profile people.\nLicensee shall not, for military purposes, deploy the Model.\n\nUsers agree not to use the Model:\n\n(a) to deceive;",
		want: []phrase{
			{use, "You are not allowed to use the Model to profile people.", nil},
			{use, "Licensee shall not, for military purposes, deploy the Model.", nil},
			{use, "Users agree not to use the Model:\n\n(a) to deceive;", nil},
		},
	}, {
		name: "non-commercial grant in custom wording",
		text: "The Work may be used or intended for use non-commercially by anyone.\nYou agree to refrain from using it for any commercial purpose.",
		want: []phrase{
			{nc, "The Work may be used or intended for use non-commercially by anyone.", nil},
			{nc, "You agree to refrain from using it for any commercial purpose.", nil},
		},
	}, {
		name: "pass-through phrased as your terms must provide",
		text: "Your terms must provide that end users may not use the Model for prohibited purposes.",
		want: []phrase{
			{use, "Your terms must provide that end users may not use the Model for prohibited purposes.", nil},
			{pass, "Your terms must provide that end users may not use the Model for prohibited purposes.", nil},
		},
	}, {
		name: "termination at will, then on breach: two conditions",
		text: "Acme may suspend or terminate your access immediately. If you breach this Agreement, your rights will terminate.",
		want: []phrase{
			{remote, "Acme may suspend or terminate your access immediately.", nil},
			{remote, "If you breach this Agreement, your rights will terminate.", map[string]any{"condition": "breach"}},
		},
	}, {
		name: "a list of duties of one kind is one clause; the next paragraph is another",
		text: "When you distribute the Model:\n(a) you must give recipients a copy of this Agreement;\n(b) you must retain the copyright notice of the Model.\n\nYou shall include the following notice in any copy.",
		want: []phrase{
			{notice, "you must give recipients a copy of this Agreement;\n(b) you must retain the copyright notice of the Model.", nil},
			{notice, "You shall include the following notice in any copy.", nil},
		},
	}, {
		name: "range on the clause, not on the definition before it",
		text: "\"Outputs\" means the content the Model generates. You may not use Outputs to train other models.",
		want: []phrase{
			{output, "You may not use Outputs to train other models.", nil},
		},
	}}
	runPhraseCases(t, tests)
}

// TestChinese: Chinese clauses are cut at 。；！？ and list markers and give
// every clause code, with English messages; ranges are bytes here and
// convert to UTF-16 columns over CJK text.
func TestChinese(t *testing.T) {
	tests := []phraseCase{{
		name: "thresholds in 万 and 亿, RMB revenue",
		text: "二、许可限制\n（1）若您的产品月活跃用户超过1亿，或年营业收入超过人民币10亿元，须另行申请许可；\n（2）日活跃用户超过100万的，亦同。",
		want: []phrase{
			{scale, "若您的产品月活跃用户超过1亿，或年营业收入超过人民币10亿元，须另行申请许可；", map[string]any{"metric": "monthly-active-users", "value": int64(100_000_000)}},
			{scale, "若您的产品月活跃用户超过1亿，或年营业收入超过人民币10亿元，须另行申请许可；", map[string]any{"metric": "annual-revenue", "value": int64(1_000_000_000), "currency": "CNY"}},
			{scale, "日活跃用户超过100万的，亦同。", map[string]any{"metric": "daily-active-users", "value": int64(1_000_000)}},
		},
	}, {
		name: "commercial use, restrictions, outputs, regions",
		text: "本模型仅限非商业用途使用。您不得将本模型用于任何军事目的；不得使用本模型的输出训练其他模型。本协议不适用于欧盟及英国境内的用户。",
		want: []phrase{
			{nc, "本模型仅限非商业用途使用。", nil},
			{use, "您不得将本模型用于任何军事目的；", nil},
			{output, "不得使用本模型的输出训练其他模型。", nil},
			{geo, "本协议不适用于欧盟及英国境内的用户。", map[string]any{"regions": []string{"EU", "UK"}}},
		},
	}, {
		name: "attribution, naming, notice, pass-through",
		text: "您须在产品界面显著标注“Built with 示例”。衍生模型的名称必须包含“示例”。分发时须向接收者提供本协议的副本。您应要求下游用户遵守本协议的使用限制。",
		want: []phrase{
			{attr, "您须在产品界面显著标注“Built with 示例”。", map[string]any{"text": "Built with 示例"}},
			{naming, "衍生模型的名称必须包含“示例”。", map[string]any{"prefix": "示例"}},
			{notice, "分发时须向接收者提供本协议的副本。", nil},
			{pass, "您应要求下游用户遵守本协议的使用限制。", nil},
		},
	}, {
		name: "terms may change, research only, termination, share-alike, policy",
		text: "许可方有权随时更新本协议。本模型仅供学术研究使用。许可方可随时终止您的使用许可。衍生模型必须采用相同的许可协议分发。您应遵守https://example.cn/policy 所载的使用政策。",
		want: []phrase{
			{change, "许可方有权随时更新本协议。", nil},
			{ro, "本模型仅供学术研究使用。", nil},
			{remote, "许可方可随时终止您的使用许可。", nil},
			{sa, "衍生模型必须采用相同的许可协议分发。", nil},
			{policy, "您应遵守https://example.cn/policy 所载的使用政策。", map[string]any{"url": "https://example.cn/policy"}},
		},
	}, {
		name: "definitions and encouragements give nothing; trade secrets and commercial losses are not commercial use",
		text: "“输出”是指模型生成的内容。我们鼓励您标注“Built with 示例”。您不得从事侵犯他人商业秘密的行为。除法律禁止的范围外，许可方不对任何商业损失负责。",
		want: []phrase{{use, "您不得从事侵犯他人商业秘密的行为。", nil}},
	}}
	runPhraseCases(t, tests)
}

// TestChineseRanges pins one Chinese hit in bytes and in UTF-16 columns:
// each CJK character is three bytes and one UTF-16 unit.
func TestChineseRanges(t *testing.T) {
	text := "第一条 定义\n（1）您不得将本模型用于军事目的。\n"
	hits := Detect(kb.Default(), []byte(text))
	if len(hits) != 1 || hits[0].Code != use {
		t.Fatalf("got %+v, want one use restriction", hits)
	}
	h := hits[0]
	// "第一条 定义\n" is 3*3+1+2*3+1 = 17 bytes; "（1）" is 3+1+3 = 7.
	if h.Start != 24 || h.End != len(text)-1 {
		t.Errorf("bytes [%d,%d), want [24,%d)", h.Start, h.End, len(text)-1)
	}
	x := textpos.NewIndex([]byte(text))
	if s, e := x.Position(h.Start), x.Position(h.End); s != (textpos.Position{Line: 1, Column: 3}) || e != (textpos.Position{Line: 1, Column: 17}) {
		t.Errorf("UTF-16 %v-%v, want 1:3-1:17", s, e)
	}
}

type phraseCase struct {
	name string
	text string
	want []phrase
}

// runPhraseCases checks that each case's text gives exactly its hits.
func runPhraseCases(t *testing.T, tests []phraseCase) {
	k := kb.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var wants []want
			for _, p := range tt.want {
				i := strings.Index(tt.text, p.sentence)
				if i < 0 {
					t.Fatalf("sentence %q not in text", p.sentence)
				}
				wants = append(wants, want{p.code, i, i + len(p.sentence), p.sentence, p.data})
			}
			checkHits(t, tt.text, Detect(k, []byte(tt.text)), wants)
		})
	}
}

// A threshold above which a credit must be shown says so, instead of the
// separate-license message of thresholds that gate the license itself.
func TestThresholdConsequenceMessages(t *testing.T) {
	k := kb.Default()
	for _, tt := range []struct{ text, want string }{
		{"If your product has more than 5 million monthly active users, you must prominently display \"Zeta\" in its interface.",
			"Above 5 million monthly active users the license adds a duty (such as displaying its name or a credit), so check what the clause requires."},
		{"If your product has more than 5 million monthly active users, you must obtain a license from Zeta.",
			"Above 5 million monthly active users you need a separate license from the licensor."},
	} {
		var got string
		for _, h := range Detect(k, []byte(tt.text)) {
			if h.Code == scale {
				got = h.Message
			}
		}
		if got != tt.want {
			t.Errorf("%q: message %q, want %q", tt.text, got, tt.want)
		}
	}
}
