package clause

import (
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// TestJapaneseClauses: Japanese terms of use and model licenses read by
// structure, an object and then a verb-final modality (lexicons.yaml
// ja-...). Sentences marked (real) are from public Japanese texts: the
// Fugaku-LLM and LLM-jp-3 terms of use, the PLaMo community license, a
// Japanese RAIL variant (MoeSharp), UTAU voice bank terms and README
// notes; the others are made up. Every case lists all hits its text gives.
func TestJapaneseClauses(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "commercial use banned, a separate written permission noted (real)",
		text: "商用利用は禁止です（作者の事前の書面許可が必要）",
		want: []phrase{{nc, "商用利用は禁止です（作者の事前の書面許可が必要）", nil}},
	}, {
		name: "commercial use beyond the conditions needs a separate license (real)",
		text: "なお、ユーザーがこれらの条件のいずれかを満たさなくなった場合は、ユーザーはその時点で本モデル等を商業目的で利用することはできず、商業目的で本モデル等を利用したい場合は、PFNと別途ライセンス契約を締結しなければならない。",
		want: []phrase{{nc, "なお、ユーザーがこれらの条件のいずれかを満たさなくなった場合は、ユーザーはその時点で本モデル等を商業目的で利用することはできず、商業目的で本モデル等を利用したい場合は、PFNと別途ライセンス契約を締結しなければならない。", nil}},
	}, {
		name: "a grant kept to non-commercial purposes",
		text: "本モデルは非商用目的に限り利用できます。\n\n商用利用には別途許諾が必要です。",
		want: []phrase{
			{nc, "本モデルは非商用目的に限り利用できます。", nil},
			{nc, "商用利用には別途許諾が必要です。", nil},
		},
	}, {
		name: "non-commercial research only (real)",
		text: "このデータは、個人的な学習および非営利の研究目的に限り、自由にご利用いただけます。",
		want: []phrase{
			{nc, "このデータは、個人的な学習および非営利の研究目的に限り、自由にご利用いただけます。", nil},
			{ro, "このデータは、個人的な学習および非営利の研究目的に限り、自由にご利用いただけます。", nil},
		},
	}, {
		name: "research and education only (real)",
		text: "コード、モデル、データセットは研究および教育目的のみに使用可能です。",
		want: []phrase{{ro, "コード、モデル、データセットは研究および教育目的のみに使用可能です。", nil}},
	}, {
		name: "no hit: commercial and non-commercial use alike (real)",
		text: "キャラクター・音源ともに商用・非商用問わず使用できます。\n\nFugaku-LLMの利用者は、本規約に従い、Fugaku-LLMを商用または非商用目的を問わず利用することができます。",
	}, {
		name: "a field of use banned (real)",
		text: "18歳未満への閲覧や視聴が規制される作品への音源の使用を禁止いたします。",
		want: []phrase{{use, "18歳未満への閲覧や視聴が規制される作品への音源の使用を禁止いたします。", nil}},
	}, {
		name: "an imperative ban in a list item marked ・ (real)",
		text: "・政治的行為（政党の宣伝、批判、選挙活動）や宗教的行為（宗教の宣伝、批判、宗教活動）に使用しないで下さい。",
		want: []phrase{{use, "政治的行為（政党の宣伝、批判、選挙活動）や宗教的行為（宗教の宣伝、批判、宗教活動）に使用しないで下さい。", nil}},
	}, {
		name: "a lead-in over a list of banned acts (real)",
		text: "第3条（禁止行為）\n利用者は本プログラムを利用して以下の行為を行わないものとします。\n(1) 提供者もしくは第三者の知的財産権を侵害する行為\n(2) 有資格の専門家以外からの財務アドバイスを提供する行為",
		want: []phrase{{use, "利用者は本プログラムを利用して以下の行為を行わないものとします。", nil}},
	}, {
		name: "no hit: a request to refrain is no ban (real and made up)",
		text: "連絡も要りませんが、再配布はご遠慮ください。\n\n政治的な目的での使用はご遠慮ください。",
	}, {
		name: "no hit: a Chinese pattern does not read Japanese kanji (real)",
		text: "禁止事項に記載は無いが波形接続合成音声ソフトではない手段でのご利用を希望される場合は、必ず管理者（下記）に事前に連絡し許可を得てください。",
	}, {
		name: "the credit to show, in corner quotes (real)",
		text: "当音源を使用した作品を発表する際、連絡は不要です。ただし使用した作品に音源名「歌袋ナヲ」を明記してください。",
		want: []phrase{{attr, "ただし使用した作品に音源名「歌袋ナヲ」を明記してください。", map[string]any{"text": "歌袋ナヲ"}}},
	}, {
		name: "a credit where generated audio is published is attribution, not an output condition (real)",
		text: "本モデルで生成した音声を公開する場合には使用した声のクレジットを記載してください。",
		want: []phrase{{attr, "本モデルで生成した音声を公開する場合には使用した声のクレジットを記載してください。", nil}},
	}, {
		name: "no hit: a credit asked for as far as possible is a wish (real)",
		text: "音源・キャラクター共に、使っていただいた際には、できる限り「宵之音サイト」の名前のクレジットをお願いします。",
	}, {
		name: "modified copies marked (real)",
		text: "また、利用者が改変物を再配布する際、利用者が改変したことを明記する必要があります。",
		want: []phrase{{notice, "また、利用者が改変物を再配布する際、利用者が改変したことを明記する必要があります。", nil}},
	}, {
		name: "a copy of this license and the copyright notice with copies",
		text: "再配布する場合は、本ライセンスの写しを添付し、著作権表示を保持してください。",
		want: []phrase{{notice, "再配布する場合は、本ライセンスの写しを添付し、著作権表示を保持してください。", nil}},
	}, {
		name: "another's terms of use, by name and by address",
		text: "生成した音声の利用にあたっては、Zeta Voiceの利用規約に従ってください。\n\n各キャラクターの利用規約（https://example.com/terms）を遵守してください。",
		// the outputs' use bound to another's terms is a condition on the
		// outputs too
		want: []phrase{
			{output, "生成した音声の利用にあたっては、Zeta Voiceの利用規約に従ってください。", nil},
			{policy, "生成した音声の利用にあたっては、Zeta Voiceの利用規約に従ってください。", nil},
			{policy, "各キャラクターの利用規約（https://example.com/terms）を遵守してください。", map[string]any{"url": "https://example.com/terms"}},
		},
	}, {
		name: "no hit: this text's own terms followed (real)",
		text: "本プログラムの利用者（以下「利用者」といいます）は、本規約に同意した上で本プログラムを利用するものとします。",
	}, {
		name: "terms changed without notice, continued use as acceptance (real)",
		text: "本規約は予告なく変更される場合があります。継続利用は更新後の規約への同意とみなされます。",
		want: []phrase{{change, "本規約は予告なく変更される場合があります。継続利用は更新後の規約への同意とみなされます。", nil}},
	}, {
		name: "rights end on breach (real), the licensor may suspend or revoke",
		text: "本規約に違反した利用者は、本プログラムを利用することはできません。\n\n当方は、利用者が本規約に違反した場合、利用を停止させることができます。\n\n開発者はいつでも本ライセンスによる許諾を取り消すことができます。",
		want: []phrase{
			{remote, "本規約に違反した利用者は、本プログラムを利用することはできません。", nil},
			{remote, "当方は、利用者が本規約に違反した場合、利用を停止させることができます。", nil},
			{remote, "開発者はいつでも本ライセンスによる許諾を取り消すことができます。", nil},
		},
	}, {
		name: "conditions on outputs (real and made up)",
		text: "出力の利用は、本ライセンスのいかなる規定にも反してはならない。\n\n生成された音声を他の音声合成モデルの学習に使用してはならない。",
		want: []phrase{
			{output, "出力の利用は、本ライセンスのいかなる規定にも反してはならない。", nil},
			{output, "生成された音声を他の音声合成モデルの学習に使用してはならない。", nil},
		},
	}, {
		name: "this license in the terms of redistribution (real), others made to comply",
		text: "ただし、利用者は、Fugaku-LLM又は改変物の再配布時のライセンスまたはFugaku-LLMもしくは改変物を用いたサービスの利用規約には本利用規約を含む必要があります。\n\n本モデルを第三者に提供する場合は、当該第三者にも本規約を遵守させなければなりません。",
		want: []phrase{
			{pass, "ただし、利用者は、Fugaku-LLM又は改変物の再配布時のライセンスまたはFugaku-LLMもしくは改変物を用いたサービスの利用規約には本利用規約を含む必要があります。", nil},
			{pass, "本モデルを第三者に提供する場合は、当該第三者にも本規約を遵守させなければなりません。", nil},
		},
	}, {
		name: "derivatives under this license",
		text: "派生モデルを公開する場合は、派生モデルにも本ライセンスを継承させてください。",
		want: []phrase{{sa, "派生モデルを公開する場合は、派生モデルにも本ライセンスを継承させてください。", nil}},
	}, {
		name: "no hit: a definition (corner quotes, とは)",
		text: "(9) 「非商用目的」とは、非営利の研究目的に限り利用することをいう。",
	}})
}

// TestJapaneseRangesAndMessages: a Japanese finding's byte range, its
// UTF-16 columns (an editor's positions: each kanji and kana is one
// unit, three bytes) and its message in English.
func TestJapaneseRangesAndMessages(t *testing.T) {
	text := "・当音源は無料でご利用できます。\n・使用した作品に音源名「歌袋ナヲ」を明記してください。\n"
	hits := Detect(kb.Default(), []byte(text))
	if len(hits) != 1 || hits[0].Code != attr {
		t.Fatalf("hits %+v, want one attribution", hits)
	}
	h := hits[0]
	// The second line starts at byte 49 (16 characters of 3 bytes, a
	// newline); its marker "・" is 3 bytes, so the clause starts at 52 and
	// runs over 26 characters to the "。" at the line's end.
	if h.Start != 52 || h.End != 130 {
		t.Errorf("range [%d,%d) %q, want [52,130)", h.Start, h.End, text[h.Start:h.End])
	}
	x := textpos.NewIndex([]byte(text))
	if s, e := x.Position(h.Start), x.Position(h.End); s != (textpos.Position{Line: 1, Column: 1}) || e != (textpos.Position{Line: 1, Column: 27}) {
		t.Errorf("UTF-16 positions %v-%v, want 1:1-1:27", s, e)
	}
	if want := `Products built with this model must display "歌袋ナヲ".`; h.Message != want {
		t.Errorf("message %q, want %q", h.Message, want)
	}
}

// TestJapaneseSentences: a full stop inside （） or 「」 ends no sentence
// when the bracket closes soon (real: the PLaMo community license).
func TestJapaneseSentences(t *testing.T) {
	text := "なお、商業目的にはユーザーの製品、サービス又は事業の開発、変更又は提供（ホスティングサービスやAPI経由での提供を含む。）を目的とした使用も含まれる。次の文。"
	got := sentences([]byte(text))
	if len(got) != 2 || text[got[0].start:got[0].end] != "なお、商業目的にはユーザーの製品、サービス又は事業の開発、変更又は提供（ホスティングサービスやAPI経由での提供を含む。）を目的とした使用も含まれる。" {
		for _, s := range got {
			t.Logf("%q", text[s.start:s.end])
		}
		t.Fatalf("got %d sentences, want 2", len(got))
	}
}

// TestJapaneseVariants: more wordings of the same structures (made up):
// other ban modalities (認めません, 禁じます), a commercial purpose as the
// only field banned (non-commercial alone), a credit not required, a
// licensor's power to revise, acceptance of another's terms versus these.
func TestJapaneseVariants(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "commercial use not allowed, a commercial purpose the only field banned",
		text: "本モデルの商用利用は認めません。\n\n営利目的での利用を禁じます。",
		want: []phrase{
			{nc, "本モデルの商用利用は認めません。", nil},
			{nc, "営利目的での利用を禁じます。", nil},
		},
	}, {
		name: "a field of use banned",
		text: "軍事目的での利用を禁止します。",
		want: []phrase{{use, "軍事目的での利用を禁止します。", nil}},
	}, {
		name: "no hit: a credit optional or not needed",
		text: "クレジット表記は任意です。\n\nクレジット表記は不要です。",
	}, {
		name: "the licensor may revise these terms",
		text: "当社は、本規約を随時改訂することができるものとします。",
		want: []phrase{{change, "当社は、本規約を随時改訂することができるものとします。", nil}},
	}, {
		name: "acceptance of another's terms; of these terms, no hit",
		text: "本モデルを利用した時点で、Zetaの利用規約に同意したものとみなします。\n\n本モデルを利用した時点で、本規約に同意したものとみなします。",
		want: []phrase{{policy, "本モデルを利用した時点で、Zetaの利用規約に同意したものとみなします。", nil}},
	}, {
		name: "no hit: a permission to modify, a condition of acceptance",
		text: "利用者は、本ソフトウェアを改変することができます。\n\n本規約に同意しない場合は、本モデルを利用することはできません。",
	}})
}
