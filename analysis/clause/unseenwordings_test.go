package clause

import "testing"

func revenue(metric string, v int64, cur string) map[string]any {
	return map[string]any{"metric": metric, "value": v, "currency": cur}
}

// TestScaleGatedCommercialLicense: a commercial license (or permission)
// that only those above a threshold of scale need leaves commercial use
// free below it, so the sentence is the threshold and no ban on commercial
// use (GUIDE "Commercial use"), in English and Chinese; the side below the
// threshold ("not exceeding 5,000 devices", 不超过) gates nothing, and a
// commercial license that everyone needs stays license/non-commercial.
func TestScaleGatedCommercialLicense(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "revenue above a sum in euros: a commercial license only above it",
		text: "Entities with annual revenue exceeding EUR 10 million must obtain a commercial license.",
		want: []phrase{
			{scale, "Entities with annual revenue exceeding EUR 10 million must obtain a commercial license.", revenue("annual-revenue", 10_000_000, "EUR")},
		},
	}, {
		name: "equal to or greater than, the currency before the sign",
		text: "Any company, organization, or entity with annual revenue equal to or greater than USD $100 million must obtain a commercial license to use this software in any form.",
		want: []phrase{
			{scale, "Any company, organization, or entity with annual revenue equal to or greater than USD $100 million must obtain a commercial license to use this software in any form.", revenue("annual-revenue", 100_000_000, "USD")},
		},
	}, {
		name: "more than N employees: purchase a commercial license",
		text: "Entities with more than 50 employees must purchase a commercial license.",
		want: []phrase{
			{scale, "Entities with more than 50 employees must purchase a commercial license.", map[string]any{"metric": "employees", "value": int64(50)}},
		},
	}, {
		name: "N or more employees, the number first",
		text: "Organizations with 8 or more employees must obtain a commercial license before any commercial use.",
		want: []phrase{
			{scale, "Organizations with 8 or more employees must obtain a commercial license before any commercial use.", map[string]any{"metric": "employees", "value": int64(8)}},
		},
	}, {
		name: "Chinese: revenue above a sum, commercial use needs a license",
		text: "年营业收入超过1亿元人民币的企业商用须另行获得商业授权。",
		want: []phrase{
			{scale, "年营业收入超过1亿元人民币的企业商用须另行获得商业授权。", revenue("annual-revenue", 100_000_000, "CNY")},
		},
	}, {
		name: "the side below a threshold gates nothing: permission is needed all the same",
		text: "If your products are deployed on devices not exceeding 5,000 units, you must apply to Zeta for permission before you use the model commercially.",
		want: []phrase{
			{scale, "If your products are deployed on devices not exceeding 5,000 units, you must apply to Zeta for permission before you use the model commercially.", map[string]any{"metric": "units", "value": int64(5000)}},
			{nc, "If your products are deployed on devices not exceeding 5,000 units, you must apply to Zeta for permission before you use the model commercially.", nil},
		},
	}, {
		name: "Chinese: 不超过 is the side below",
		text: "部署设备不超过5000台的，商用须另行获得书面授权。",
		want: []phrase{
			{nc, "部署设备不超过5000台的，商用须另行获得书面授权。", nil},
			{scale, "部署设备不超过5000台的，商用须另行获得书面授权。", map[string]any{"metric": "devices", "value": int64(5000)}},
		},
	}, {
		name: "a commercial license everyone needs is non-commercial",
		text: "Any commercial use of the Model requires a separate commercial license from Zeta.",
		want: []phrase{
			{nc, "Any commercial use of the Model requires a separate commercial license from Zeta.", nil},
		},
	}, {
		name: "a number that is no scale (a term of days) gates nothing",
		text: "You must obtain a commercial license from Zeta for any commercial use lasting more than 30 days.",
		want: []phrase{
			{nc, "You must obtain a commercial license from Zeta for any commercial use lasting more than 30 days.", nil},
		},
	}})
}

// TestCurrencySignKeywords: a revenue threshold written with a currency
// sign of two or three bytes (£, ¥, ￥, €) and no currency word is found:
// the keyword scan reads the sign's bytes as the normalizer writes them.
func TestCurrencySignKeywords(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "yen sign",
		text: "Organizations with revenue greater than ¥100,000,000 must contact Zeta.",
		want: []phrase{
			{scale, "Organizations with revenue greater than ¥100,000,000 must contact Zeta.", revenue("revenue", 100_000_000, "CNY")},
		},
	}, {
		name: "pound sign",
		text: "Companies with a turnover of over £5 million require a licence.",
		want: []phrase{
			{scale, "Companies with a turnover of over £5 million require a licence.", revenue("revenue", 5_000_000, "GBP")},
		},
	}, {
		name: "euro sign, the amount before the metric",
		text: "Companies with €5 million in revenue must obtain a license.",
		want: []phrase{
			{scale, "Companies with €5 million in revenue must obtain a license.", revenue("revenue", 5_000_000, "EUR")},
		},
	}})
}

// TestThresholdWordings: thresholds in wordings the readers missed on
// texts they had not seen: a count with "+" ("100M+ monthly active
// users", "$50k+ in annual revenue"), an amount spelled out before its
// figure in brackets ("exceeds Five Million United States Dollars (USD
// $5,000,000)"), money named by earnings, income or sales (with a
// currency, so that units sold are none), a band of revenue (each bound
// its own threshold, the period read from the match), a yearly turnover,
// and in Chinese an amount followed by 以上.
func TestThresholdWordings(t *testing.T) {
	mau := func(v int64) map[string]any { return map[string]any{"metric": "monthly-active-users", "value": v} }
	runPhraseCases(t, []phraseCase{{
		name: "a count with a plus before monthly active users",
		text: "If your product has 100M+ monthly active users, you must request a license.",
		want: []phrase{{scale, "If your product has 100M+ monthly active users, you must request a license.", mau(100_000_000)}},
	}, {
		name: "a count with a plus before MAU",
		text: "Services with 1M+ MAU require an enterprise license.",
		want: []phrase{{scale, "Services with 1M+ MAU require an enterprise license.", mau(1_000_000)}},
	}, {
		name: "an amount with a plus in annual revenue",
		text: "Companies with $50k+ in annual revenue must pay.",
		want: []phrase{{scale, "Companies with $50k+ in annual revenue must pay.", revenue("annual-revenue", 50_000, "USD")}},
	}, {
		name: "an amount spelled out, its figure in brackets, after an abbreviation of the metric",
		text: "If the Annual Recurring Revenue (ARR) of your organization exceeds Five Million United States Dollars (USD $5,000,000), you must obtain a commercial license.",
		want: []phrase{{scale, "If the Annual Recurring Revenue (ARR) of your organization exceeds Five Million United States Dollars (USD $5,000,000), you must obtain a commercial license.", revenue("annual-revenue", 5_000_000, "USD")}},
	}, {
		name: "in excess of an amount spelled out",
		text: "Entities with revenues in excess of one million dollars ($1,000,000) must obtain a license.",
		want: []phrase{{scale, "Entities with revenues in excess of one million dollars ($1,000,000) must obtain a license.", revenue("revenue", 1_000_000, "USD")}},
	}, {
		name: "earns more than",
		text: "If your company earns more than $1 million per year, you must buy a license.",
		want: []phrase{{scale, "If your company earns more than $1 million per year, you must buy a license.", revenue("revenue", 1_000_000, "USD")}},
	}, {
		name: "gross sales and annual income",
		text: "Companies with gross sales exceeding $5,000,000 per year must obtain a license. Organizations with annual income of more than EUR 2 million need a license.",
		want: []phrase{
			{scale, "Companies with gross sales exceeding $5,000,000 per year must obtain a license.", revenue("revenue", 5_000_000, "USD")},
			{scale, "Organizations with annual income of more than EUR 2 million need a license.", revenue("revenue", 2_000_000, "EUR")},
		},
	}, {
		name: "units sold are no revenue",
		text: "If sales of your products exceed 1 million units, you must notify Zeta.",
		want: []phrase{{scale, "If sales of your products exceed 1 million units, you must notify Zeta.", map[string]any{"metric": "units", "value": int64(1_000_000)}}},
	}, {
		name: "a band of annual revenue: both bounds",
		text: "Organizations with annual revenue between $1M and $10M need a Startup license.",
		want: []phrase{
			{scale, "Organizations with annual revenue between $1M and $10M need a Startup license.", revenue("annual-revenue", 1_000_000, "USD")},
			{scale, "Organizations with annual revenue between $1M and $10M need a Startup license.", revenue("annual-revenue", 10_000_000, "USD")},
		},
	}, {
		name: "a band from one amount to another",
		text: "Tier 2 covers companies with revenue from $1 million to $10 million.",
		want: []phrase{
			{scale, "Tier 2 covers companies with revenue from $1 million to $10 million.", revenue("revenue", 1_000_000, "USD")},
			{scale, "Tier 2 covers companies with revenue from $1 million to $10 million.", revenue("revenue", 10_000_000, "USD")},
		},
	}, {
		name: "an amount and a head count after it are no band",
		text: "Companies with revenue of $1M and 100 employees pay a fee.",
		want: []phrase{{scale, "Companies with revenue of $1M and 100 employees pay a fee.", revenue("revenue", 1_000_000, "USD")}},
	}, {
		name: "a yearly turnover in euros, spelled as a word",
		text: "Organizations with a yearly turnover of more than 2 million euros must purchase a license.",
		want: []phrase{{scale, "Organizations with a yearly turnover of more than 2 million euros must purchase a license.", revenue("annual-revenue", 2_000_000, "EUR")}},
	}, {
		name: "active users a month, above which a commercial license is needed",
		text: "Organizations exceeding 100 active users a month must purchase a commercial license.",
		want: []phrase{{scale, "Organizations exceeding 100 active users a month must purchase a commercial license.", mau(100)}},
	}, {
		name: "active users per month",
		text: "This license applies to any organization exceeding 100 active users per month.",
		want: []phrase{{scale, "This license applies to any organization exceeding 100 active users per month.", mau(100)}},
	}, {
		name: "combined gross revenue",
		text: "Production use is permitted if you and your affiliates made less than US $100,000,000 in combined gross revenue in the prior fiscal year.",
		want: []phrase{{scale, "Production use is permitted if you and your affiliates made less than US $100,000,000 in combined gross revenue in the prior fiscal year.", revenue("revenue", 100_000_000, "USD")}},
	}, {
		name: "Chinese: revenue at an amount and above (在……以上)",
		text: "年收入在1亿元以上的企业须申请商业授权。",
		want: []phrase{{scale, "年收入在1亿元以上的企业须申请商业授权。", revenue("annual-revenue", 100_000_000, "CNY")}},
	}, {
		name: "Chinese: monthly active users at a number and above",
		text: "月活跃用户在1000万以上的产品须申请许可。",
		want: []phrase{{scale, "月活跃用户在1000万以上的产品须申请许可。", mau(10_000_000)}},
	}})
}

// TestCommercialWithheldWordings: commercial use withheld in wordings the
// readers missed: a ban on use in a product or service that generates
// revenue or is sold, on generating income; a separate license for any use
// for which you receive compensation; a license that for-profit parties
// must obtain, purchase or ask for. Not: a license that is free or comes
// with registering, one needed only above a threshold, a copy of this
// license to include, and a "Commercial Entity" (often a term defined by a
// threshold) that must obtain one.
func TestCommercialWithheldWordings(t *testing.T) {
	var cases []phraseCase
	for _, s := range []string{
		"The Model may not be used in any product or service that generates revenue.",
		"The Software may not be used in any product or service that is sold or that generates revenue.",
		"You may not use the Model to generate income.",
		"Any use for which you receive compensation requires a separate license.",
		"For-profit organizations must purchase a license.",
		"For-profit entities must contact us for a license.",
		"Any company that uses the Model in a commercial product shall obtain a license from Zeta.",
	} {
		cases = append(cases, phraseCase{name: s, text: s, want: []phrase{{nc, s, nil}}})
	}
	for _, s := range []string{
		"Commercial users must register and obtain a free license.",
		"If the transferee is a Commercial Entity, it must obtain a separate paid license from Zeta.",
	} {
		cases = append(cases, phraseCase{name: s, text: s})
	}
	cases = append(cases, phraseCase{
		name: "a copy of this license to include is a notice duty",
		text: "Commercial redistributions must include a copy of this license.",
		want: []phrase{{notice, "Commercial redistributions must include a copy of this license.", nil}},
	}, phraseCase{
		name: "for-profit entities above a threshold",
		text: "For-profit entities with annual revenue above $5 million must obtain a license.",
		want: []phrase{{scale, "For-profit entities with annual revenue above $5 million must obtain a license.", revenue("annual-revenue", 5_000_000, "USD")}},
	})
	runPhraseCases(t, cases)
}

// TestCommercialContactRestates: a contact line for commercial use
// restates the limit a clause of the text states, and is no finding of its
// own then; alone, it is the only word of the limit and stays.
func TestCommercialContactRestates(t *testing.T) {
	contact := "For commercial uses of the Model, please send email to licensing@zeta.example."
	runPhraseCases(t, []phraseCase{{
		name: "after the clause that states the limit",
		text: "You may use the Model only for non-commercial purposes.\n\n" + contact,
		want: []phrase{{nc, "You may use the Model only for non-commercial purposes.", nil}},
	}, {
		name: "alone",
		text: contact,
		want: []phrase{{nc, contact, nil}},
	}})
}

// TestResearchOnlyWordings: "for research only" without a noun after
// research is research-only; a purpose the model was made for, a release
// to a community and a disclaimer that it is not for clinical use limit
// nothing.
func TestResearchOnlyWordings(t *testing.T) {
	var cases []phraseCase
	for _, s := range []string{
		"The model is meant for research only, not for clinical use.",
		"You may use the Model for academic research only.",
	} {
		cases = append(cases, phraseCase{name: s, text: s, want: []phrase{{ro, s, nil}}})
	}
	for _, s := range []string{
		"This model was developed for research purposes.",
		"The model is intended for research use and is not intended for clinical use.",
		"We release this model for the research community.",
		"Not for clinical use.",
	} {
		cases = append(cases, phraseCase{name: s, text: s})
	}
	runPhraseCases(t, cases)
}
