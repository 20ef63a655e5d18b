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
