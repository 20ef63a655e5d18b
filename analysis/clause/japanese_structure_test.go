package clause

import "testing"

// TestJapaneseStructures: Japanese terms of voice and TTS models read by
// the structure of their clauses (made-up sentences): the items under a
// heading of bans, read with the ban last; a credit as the condition of a
// permission; another's terms pointed to, by name with the address on the
// next line or by Markdown links; duties to lay the terms on others; the
// terms reaching outputs and derivatives; commercial use kept back; a
// NOTICE or a license's full text with copies. Negatives: a request
// (お願いします, お控えください), an optional credit (任意, お任せします),
// a definition, the licensor's own disclaimer, a permission. Every case
// lists all hits its text gives, with its exact byte range.
func TestJapaneseStructures(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "items under a heading of bans, each its own clause, the lines under an item its own",
		text: "## できないこと（禁止事項）\n\n" +
			"- ❌ **Zeta の声を本人の発言と誤解させるような利用**\n" +
			"  - 生成した音声を本人の発言として公開しないでください。\n" +
			"  - 批判を目的とした活動にはお使いいただけません。\n" +
			"- ❌ **政治活動への利用**\n" +
			"- 製作者に不利益をもたらす行為\n" +
			"- 本ソフトウェアを無断で再配布する行為\n" +
			"- ❌ **営利目的での利用**\n\n" +
			"## できること\n\n" +
			"- 個人の創作活動への利用\n",
		want: []phrase{
			// the item and the line under it that bans a use too: one
			{use, "❌ **Zeta の声を本人の発言と誤解させるような利用**\n  - 生成した音声を本人の発言として公開しないでください。\n  - 批判を目的とした活動にはお使いいただけません。", nil},
			// a line under the item about the outputs: its own clause
			{output, "生成した音声を本人の発言として公開しないでください。", nil},
			{use, "❌ **政治活動への利用", nil},
			// general compliance and a redistribution ban give none; a
			// commercial purpose alone is non-commercial, not a field
			{nc, "❌ **営利目的での利用", nil},
		},
	}, {
		name: "a verbless item under 禁止事項: taking the model apart, making outputs for a purpose",
		text: "## 禁止事項\n\n- 逆コンパイル・リバースエンジニアリングすること\n- 特定の政治的立場への賛同を呼びかけるために合成音声を作成する行為\n- 公序良俗に反する行為\n",
		want: []phrase{
			{use, "逆コンパイル・リバースエンジニアリングすること", nil},
			{use, "特定の政治的立場への賛同を呼びかけるために合成音声を作成する行為", nil},
		},
	}, {
		name: "an item under a heading of bans that states its own modality is read as it stands",
		text: "## 禁止事項\n\n- 軍事目的での利用はご遠慮ください。\n",
	}, {
		name: "a credit as the condition of a permission, with and without its words",
		text: "Zeta の音声ライブラリを用いて生成した音声は、\n「Zeta:ミナ」とクレジットを記載すれば、商用・非商用で利用可能です。\n\nクレジットを表記した上でご利用いただけます。",
		want: []phrase{
			{attr, "Zeta の音声ライブラリを用いて生成した音声は、\n「Zeta:ミナ」とクレジットを記載すれば、商用・非商用で利用可能です。", map[string]any{"text": "Zeta:ミナ"}},
			{attr, "クレジットを表記した上でご利用いただけます。", nil},
		},
	}, {
		name: "no hit: a credit optional, left to you, or asked for",
		text: "クレジット表記は任意です。音声合成モデルの制作者のクレジット表記を行うかどうかは、あなたの判断にお任せします。\n\nクレジットの義務は発生しません。\n\nクレジットの表記をお願いします。",
	}, {
		name: "another's terms named, their address on the next line",
		text: "利用規約の詳細は以下をご確認ください。\nhttps://zeta.example.jp/voice/利用規約\n",
		want: []phrase{{policy, "利用規約の詳細は以下をご確認ください。\nhttps://zeta.example.jp/voice/利用規約", map[string]any{"url": "https://zeta.example.jp/voice/利用規約"}}},
	}, {
		name: "documents given by Markdown links in a sentence that binds you: each its own reference",
		text: "ユーザーは、[Zetaの規約](https://zeta.example/rule)および[Zetaの配信規約](https://zeta.example/live)を遵守しなければなりません。\n\n[よくある質問への回答](https://zeta.example/faq)を遵守してください。",
		want: []phrase{
			{policy, "ユーザーは、[Zetaの規約](https://zeta.example/rule)および[Zetaの配信規約](https://zeta.example/live)を遵守しなければなりません。", map[string]any{"url": "https://zeta.example/rule"}},
			{policy, "ユーザーは、[Zetaの規約](https://zeta.example/rule)および[Zetaの配信規約](https://zeta.example/live)を遵守しなければなりません。", map[string]any{"url": "https://zeta.example/live"}},
			{policy, "[よくある質問への回答](https://zeta.example/faq)を遵守してください。", map[string]any{"url": "https://zeta.example/faq"}},
		},
	}, {
		name: "another's terms to be checked and followed, a link's document followed",
		text: "ユーザーは、本プログラムを使用する際に適用されるすべてのモデルの利用規約およびライセンスを確認し、遵守しなければなりません。",
		want: []phrase{{policy, "ユーザーは、本プログラムを使用する際に適用されるすべてのモデルの利用規約およびライセンスを確認し、遵守しなければなりません。", nil}},
	}, {
		name: "no hit: a link in a sentence that binds to nothing, a request to keep these terms",
		text: "本規約は、[Zeta](https://zeta.example)の利用条件を定めるものです。\n\n本利用規約に沿わない利用はお控えいただきますよう、お願い申し上げます。",
	}, {
		name: "the terms laid on others, kept with copies, written into your own terms",
		text: "本モデルを第三者に配布する場合、第3条の条件を第三者にも課してください。これらの義務を外して配布することはできません。\n\n" +
			"本モデルを製品に組み込む場合、第3条の制限を自社の利用規約に書く義務がある。\n\n" +
			"本モデルの利用を他者に許諾する際は、当該他者に対し本許諾内容の遵守を義務付けてください。",
		want: []phrase{
			{pass, "本モデルを第三者に配布する場合、第3条の条件を第三者にも課してください。", nil},
			{pass, "これらの義務を外して配布することはできません。", nil},
			{pass, "本モデルを製品に組み込む場合、第3条の制限を自社の利用規約に書く義務がある。", nil},
			{pass, "本モデルの利用を他者に許諾する際は、当該他者に対し本許諾内容の遵守を義務付けてください。", nil},
		},
	}, {
		name: "no hit: the licensor's own terms said to be where something is written",
		text: "当社の利用規約に記載のとおり、本モデルは無償で提供されます。",
	}, {
		name: "terms that may change without notice, take effect when posted, or are another's to update",
		text: "本利用規約は、告知なしに改定する可能性があります。\n\n規約の変更は、公式リポジトリに掲載された時点で効力を生じるものとします。\n\n条件は提供元が更新しうるため、利用の前に提供元のページを確認してください。",
		want: []phrase{
			{change, "本利用規約は、告知なしに改定する可能性があります。", nil},
			{change, "規約の変更は、公式リポジトリに掲載された時点で効力を生じるものとします。", nil},
			{change, "条件は提供元が更新しうるため、利用の前に提供元のページを確認してください。", nil},
		},
	}, {
		name: "the terms reach the outputs and what is derived; outputs usable except for some works",
		text: "本モデルから派生したもの、および本モデルが生成した音声にも、本ライセンスの条件が及びます。\n\n生成した音声は、音声作品・ゲーム作品等を除いて商用・非商用で利用可能です。",
		want: []phrase{
			{output, "本モデルから派生したもの、および本モデルが生成した音声にも、本ライセンスの条件が及びます。", nil},
			{sa, "本モデルから派生したもの、および本モデルが生成した音声にも、本ライセンスの条件が及びます。", nil},
			{use, "生成した音声は、音声作品・ゲーム作品等を除いて商用・非商用で利用可能です。", nil},
			{output, "生成した音声は、音声作品・ゲーム作品等を除いて商用・非商用で利用可能です。", nil},
		},
	}, {
		name: "no hit: a permission on the outputs, a definition of them, the licensor's disclaimer",
		text: "合成音声の声質の再現を目的としない場合は、自由に利用することができます。\n\n「生成物」とは、本モデルが生成した音声をいいます。\n\n本ソフトウェアにより生じた損害・不利益について、製作者は一切の責任を負いません。",
	}, {
		name: "commercial use kept back: a prior check, a grant to non-profit uses only",
		text: "その他商用利用の場合は、Zeta 製作委員会に対し事前確認を取る必要があります。\n\n非商用（同人利用は OK）で利用可能です。\n\n以下のような、営利を目的としない使い方でのみお使いいただけます。",
		want: []phrase{
			{nc, "その他商用利用の場合は、Zeta 製作委員会に対し事前確認を取る必要があります。", nil},
			{nc, "非商用（同人利用は OK）で利用可能です。", nil},
			{nc, "以下のような、営利を目的としない使い方でのみお使いいただけます。", nil},
		},
	}, {
		name: "no hit: commercial and non-commercial use alike",
		text: "商用・非商用で利用可能です。\n\nすべての個人利用・法人利用・非営利利用・営利利用にお使いいただけます。",
	}, {
		name: "a NOTICE file and a license's full text with copies",
		text: "再配布する場合、下記の表示を配布物の NOTICE / README のいずれかに含めてください。\n\nApache-2.0 の全文を配布物に同梱してください。",
		want: []phrase{
			{notice, "再配布する場合、下記の表示を配布物の NOTICE / README のいずれかに含めてください。", nil},
			{notice, "Apache-2.0 の全文を配布物に同梱してください。", nil},
		},
	}})
}

// TestWebAddressAfterScheme: after a scheme any domain is a web address
// ("https://zeta.site/aup"), so a reference carries it.
func TestWebAddressAfterScheme(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "an address under a domain outside the common list",
		text: "You must comply with the Acceptable Use Policy at https://zeta.site/aup.",
		want: []phrase{{policy, "You must comply with the Acceptable Use Policy at https://zeta.site/aup.", map[string]any{"url": "https://zeta.site/aup"}}},
	}})
}
