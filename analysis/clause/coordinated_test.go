package clause

import "testing"

// TestCommercialAmongQualifiers: a ban whose object is a noun qualified
// by "commercial" among other qualifiers ("in commercial, client-facing,
// or production environments", "in clinical, commercial, insurance, or
// operational medical workflows", 医疗、商业、保险等生产环境) bars commercial
// use as "in commercial environments" does, in a sentence or as an item
// of a banning list. "non-commercial" among them, a permission, a ban
// that holds whether commercial or not, and a list without "commercial"
// give no non-commercial hit. Every case lists all hits its text gives.
func TestCommercialAmongQualifiers(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "items of banning lists",
		text: "You may NOT:\n- Download the Model weights.\n- Deploy the Model in commercial, client-facing, or production environments without a valid Commercial License.\n\n" +
			"Prohibited uses:\n\n- Clinical diagnosis or patient care.\n- Deployment in clinical, commercial, insurance, or operational medical\n  workflows.",
		want: []phrase{
			{use, "You may NOT:\n- Download the Model weights.\n- Deploy the Model in commercial, client-facing, or production environments without a valid Commercial License.", nil},
			{nc, "Deploy the Model in commercial, client-facing, or production environments without a valid Commercial License.", nil},
			{use, "Prohibited uses:\n\n- Clinical diagnosis or patient care.\n- Deployment in clinical, commercial, insurance, or operational medical\n  workflows.", nil},
			{nc, "Deployment in clinical, commercial, insurance, or operational medical\n  workflows.", nil},
		},
	}, {
		name: "sentences in other wordings",
		text: "The Licensee shall not integrate the checkpoints into commercial, governmental and/or hosted services.\n\n" +
			"Do not ship the adapters in commercial, educational, or internal software.\n\n" +
			"You must not run the Weights on consumer, commercial or industrial platforms.",
		want: []phrase{
			{nc, "The Licensee shall not integrate the checkpoints into commercial, governmental and/or hosted services.", nil},
			{nc, "Do not ship the adapters in commercial, educational, or internal software.", nil},
			{nc, "You must not run the Weights on consumer, commercial or industrial platforms.", nil},
		},
	}, {
		name: "Chinese: 商业 among the qualifiers of one setting",
		text: "您不得将本模型部署于医疗、商业、保险等生产环境。\n禁止将本权重用于军事、商业或监控场景。",
		want: []phrase{
			{nc, "您不得将本模型部署于医疗、商业、保险等生产环境。", nil},
			{use, "您不得将本模型部署于医疗、商业、保险等生产环境。", nil},
			{nc, "禁止将本权重用于军事、商业或监控场景。", nil},
			{use, "禁止将本权重用于军事、商业或监控场景。", nil},
		},
	}, {
		name: "no non-commercial hit: non-commercial among them, a permission, whether commercial or not, no commercial",
		text: "You may not use the Model except in non-commercial, academic, or research projects.\n\n" +
			"You may deploy the Model in commercial, client-facing, or production environments.\n\n" +
			"You may not redistribute the Weights, whether in commercial, academic, or personal products.\n\n" +
			"You may NOT:\n- Deploy the Model in clinical, client-facing, or production environments.\n\n" +
			"您可以将本模型用于个人、商业或研究场景。",
		want: []phrase{
			{use, "You may not use the Model except in non-commercial, academic, or research projects.", nil},
			{use, "You may NOT:\n- Deploy the Model in clinical, client-facing, or production environments.", nil},
		},
	}})
}
