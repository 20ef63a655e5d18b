package clause

import (
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// TestChineseObligations: Chinese obligations read from a modal (须, 不可,
// 有权) over what it binds: outputs named 模型结果, a link to the license,
// 相同方式 licensing, visits, new versions, forfeiture and prohibitions
// worded 不作 / 同意不. The sentences are made up.
func TestChineseObligations(t *testing.T) {
	visits := map[string]any{"metric": "monthly-visits", "value": int64(2_000_000)}
	runPhraseCases(t, []phraseCase{{
		name: "source and license link, conditions on results, share-alike, no commercial purpose",
		text: "使用者须遵守以下条件：\n\n- 使用者分发示例模型或其模型结果时，须附上示例模型的出处及本许可协议链接。\n\n使用者须以与本协议相同的方式向下游使用者授权派生模型。\n\n使用者不可以任何商业目的使用示例模型。",
		want: []phrase{
			{output, "使用者分发示例模型或其模型结果时，须附上示例模型的出处及本许可协议链接。", nil},
			{notice, "使用者分发示例模型或其模型结果时，须附上示例模型的出处及本许可协议链接。", nil},
			{sa, "使用者须以与本协议相同的方式向下游使用者授权派生模型。", nil},
			{nc, "使用者不可以任何商业目的使用示例模型。", nil},
		},
	}, {
		// Stating the changes made to results one uses is a notice duty
		// and a condition on the outputs (the labels of the OpenBMB
		// license's 修改说明 option).
		name: "results that may not be published; results used only with the changes stated",
		text: "使用者不可公开经修改的派生模型及其生成结果。\n\n在任何场合使用修改后的模型结果时，使用者须清楚说明修改内容。",
		want: []phrase{
			{output, "使用者不可公开经修改的派生模型及其生成结果。", nil},
			{output, "在任何场合使用修改后的模型结果时，使用者须清楚说明修改内容。", nil},
			{notice, "在任何场合使用修改后的模型结果时，使用者须清楚说明修改内容。", nil},
		},
	}, {
		name: "visits threshold, new versions, the licensor's right to update, future rules",
		text: "您的服务访问量不得超过200万人次/每月。本协议日后可能发布修订版或新版。甲方有权对本协议进行不定期修订。今后的协议更新及新增规则均构成本协议的一部分。",
		want: []phrase{
			{scale, "您的服务访问量不得超过200万人次/每月。", visits},
			{change, "本协议日后可能发布修订版或新版。", nil},
			{change, "甲方有权对本协议进行不定期修订。", nil},
			{change, "今后的协议更新及新增规则均构成本协议的一部分。", nil},
		},
	}, {
		name: "forfeiture on a trigger; a waiver is no forfeiture",
		text: "若使用者恶意贬损示例模型，将视为自动放弃本协议下的全部许可。甲方未行使任何权利不应视为放弃该权利。",
		want: []phrase{
			{remote, "若使用者恶意贬损示例模型，将视为自动放弃本协议下的全部许可。", nil},
		},
	}, {
		name: "prohibitions worded 不作 and 同意不 ... 用于",
		text: "被许可人承诺其产品不作军事用途。您同意不将示例模型用于：\n- 任何违法活动；\n- 侵害未成年人。",
		want: []phrase{
			{use, "被许可人承诺其产品不作军事用途。", nil},
			{use, "您同意不将示例模型用于：\n- 任何违法活动；\n- 侵害未成年人。", nil},
		},
	}, {
		name: "the licensor may end the agreement at any time; only a patent grant ending on a suit is no termination of use",
		text: "在以下情况下，甲方可随时书面通知乙方终止本协议：\n\n如任何一方就专利提起诉讼，则终止其专利授权。",
		want: []phrase{
			{remote, "在以下情况下，甲方可随时书面通知乙方终止本协议：", nil},
		},
	}, {
		name: "the page where new versions are published is a reference",
		text: "许可方将通过网站https://example.cn/terms公布协议最新版本。",
		want: []phrase{
			{policy, "许可方将通过网站https://example.cn/terms公布协议最新版本。", map[string]any{"url": "https://example.cn/terms"}},
		},
	}})
}

// TestShareAlikeWordings: derivatives that must carry the same license, in
// English wordings beyond "licensed under this license"; permission to
// choose, and a negation, are not share-alike.
func TestShareAlikeWordings(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "may only do so under the terms",
		text: "If you distribute the Zeta Materials or a derivative work to a third party, you may only do so under the terms of this Agreement.",
		want: []phrase{{sa, "If you distribute the Zeta Materials or a derivative work to a third party, you may only do so under the terms of this Agreement.", nil}},
	}, {
		name: "distributed exclusively under the terms",
		text: "Any Derivative of Zeta must be distributed exclusively under the terms of this Agreement.",
		want: []phrase{{sa, "Any Derivative of Zeta must be distributed exclusively under the terms of this Agreement.", nil}},
	}, {
		name: "remember to release under the same license",
		text: "Feel free to build on Zeta. Just remember to release models built on Zeta under the same license.",
		want: []phrase{{sa, "Just remember to release models built on Zeta under the same license.", nil}},
	}, {
		name: "derivatives put under a share-alike license",
		text: "This model and any derivative works are licensed under the Zeta Attribution-ShareAlike License.",
		want: []phrase{{sa, "This model and any derivative works are licensed under the Zeta Attribution-ShareAlike License.", nil}},
	}, {
		name: "a choice or a negation is no share-alike",
		text: "You may release your derivative under the same license or under terms of your own. The training data is not licensed under this License, nor are derivatives of it.",
		want: nil,
	}})
}

// TestListItemsThatSayDifferentThings: numbered items without a lead-in
// that give different duties of one code stay two findings; the items of a
// lead-in ("the following conditions:") stay one, blank line or not.
func TestListItemsThatSayDifferentThings(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "two numbered duties",
		text: "4. 您必须向第三方使用者提供本协议的副本。\n5. 您修改示例模型的，必须以显著方式说明修改的内容。",
		want: []phrase{
			{notice, "您必须向第三方使用者提供本协议的副本。", nil},
			{notice, "您修改示例模型的，必须以显著方式说明修改的内容。", nil},
		},
	}, {
		name: "conditions under a lead-in",
		text: "You may distribute Zeta provided that you meet the following conditions:\n\n(a) You must give any recipients a copy of this License;\n(b) You must cause any modified files to carry prominent notices stating that you changed the files;",
		want: []phrase{
			{notice, "You must give any recipients a copy of this License;\n(b) You must cause any modified files to carry prominent notices stating that you changed the files;", nil},
		},
	}})
}

// TestRestatedThreshold: a threshold named again in the next sentence of
// the same paragraph is one finding over both sentences.
func TestRestatedThreshold(t *testing.T) {
	visits := map[string]any{"metric": "monthly-visits", "value": int64(3_000_000)}
	runPhraseCases(t, []phraseCase{{
		name: "English",
		text: "Your service must not exceed 3 million visits per month. If it exceeds 3 million visits per month, contact Zeta for a license.\n\nA service with over 3 million visits per month pays a fee.",
		want: []phrase{
			{scale, "Your service must not exceed 3 million visits per month. If it exceeds 3 million visits per month, contact Zeta for a license.", visits},
			{scale, "A service with over 3 million visits per month pays a fee.", visits},
		},
	}, {
		name: "Chinese, two clauses of one sentence",
		text: "若月活跃用户数未超过5000万，登记即可；若月活跃用户数超过5000万，须另行申请许可。",
		want: []phrase{
			{scale, "若月活跃用户数未超过5000万，登记即可；若月活跃用户数超过5000万，须另行申请许可。", map[string]any{"metric": "monthly-active-users", "value": int64(50_000_000)}},
		},
	}})
}

// TestChineseObligationRanges pins a share-alike hit over CJK text in bytes
// and in UTF-16 columns.
func TestChineseObligationRanges(t *testing.T) {
	text := "## 二、条件\n- **相同方式**：使用者须以相同方式授权下游使用者使用派生模型。\n"
	hits := Detect(kb.Default(), []byte(text))
	if len(hits) != 1 || hits[0].Code != sa {
		t.Fatalf("got %+v, want one share-alike hit", hits)
	}
	h := hits[0]
	wantStart := strings.Index(text, "相同方式**")
	wantEnd := strings.Index(text, "。\n") + len("。")
	if h.Start != wantStart || h.End != wantEnd {
		t.Errorf("bytes [%d,%d), want [%d,%d)", h.Start, h.End, wantStart, wantEnd)
	}
	// Line 2: "- **" is 4 UTF-16 units before the clause (its bold heading
	// opens it), which is 30 characters long: each CJK character is three
	// bytes and one unit.
	x := textpos.NewIndex([]byte(text))
	if s, e := x.Position(h.Start), x.Position(h.End); s != (textpos.Position{Line: 1, Column: 4}) || e != (textpos.Position{Line: 1, Column: 34}) {
		t.Errorf("UTF-16 %v-%v, want 1:4-1:34", s, e)
	}
}

// TestQuotedChineseNoticeAndShouldLeadIn: a quoted Chinese notice that
// ends with its own 。 stays one sentence with the duty that quotes it; a
// lead-in "you should:" binds its items even when "including" stands in its
// condition, far from the colon.
func TestQuotedChineseNoticeAndShouldLeadIn(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "quoted notice with a full stop inside",
		text: "您必须在分发的所有材料中保留以下声明：“示例模型根据示例许可证许可，版权所有©示例公司。保留所有权利。”\n",
		want: []phrase{{notice, "您必须在分发的所有材料中保留以下声明：“示例模型根据示例许可证许可，版权所有©示例公司。保留所有权利。”", map[string]any{"text": "示例模型根据示例许可证许可，版权所有©示例公司。保留所有权利。"}}},
	}, {
		name: "should lead-in",
		text: "If you distribute Zeta materials (including all models of the Zeta series), you should:\n(A) Provide a copy of this Agreement with any such Zeta Materials;\n",
		want: []phrase{{notice, "Provide a copy of this Agreement with any such Zeta Materials;", nil}},
	}})
}

// TestLongSentenceParts: in a long sentence of parts ("you agree: (i) ...;
// (ii) ...; or (iii) ..."), each hit sits on the part that holds its match.
func TestLongSentenceParts(t *testing.T) {
	text := "Limitation on Use. As a condition to your use of the Zeta Materials and any of the services that Zeta offers with them, you agree: " +
		"(i) not to run any Zeta Models on their own or with any frameworks other than Zeta Agents; " +
		"(ii) not to use any output of the Zeta Models to train or improve any other models that are not Zeta Models; or " +
		"(iii) distribute the Zeta Materials except (x) pursuant to the terms of this Agreement, and (y) with the copyright notice above."
	runPhraseCases(t, []phraseCase{{
		name: "two of three parts hit",
		text: text,
		want: []phrase{
			{output, "(ii) not to use any output of the Zeta Models to train or improve any other models that are not Zeta Models;", nil},
			{sa, "or (iii) distribute the Zeta Materials except (x) pursuant to the terms of this Agreement, and (y) with the copyright notice above.", nil},
		},
	}})
}
