package clause

import "testing"

// TestDefinedThreshold: a threshold defined as a term is reported on the
// first operative sentence that applies the term, with the facts the
// definition gives; a term no later sentence applies keeps its hit on the
// definition. The texts are made up; every case lists all hits it gives.
func TestDefinedThreshold(t *testing.T) {
	usd := map[string]any{"metric": "annual-revenue", "value": int64(10_000_000), "currency": "USD"}
	runPhraseCases(t, []phraseCase{{
		name: "English: not exceeding the Threshold",
		text: "\"Threshold\" shall mean annual revenue of 10 million United States dollars ($10,000,000) or more.\n\n" +
			"You may use the Work for any purpose.\n\n" +
			"The rights granted under this License for Commercial Use are conditioned upon You not exceeding the Threshold.",
		want: []phrase{
			{scale, "The rights granted under this License for Commercial Use are conditioned upon You not exceeding the Threshold.", usd},
		},
	}, {
		name: "English: a term never applied keeps its hit",
		text: "\"Large Entity\" means an entity with annual revenue of $10,000,000 or more.",
		want: []phrase{
			{scale, "\"Large Entity\" means an entity with annual revenue of $10,000,000 or more.", usd},
		},
	}, {
		name: "Chinese: 超过门槛",
		text: "“门槛”是指月活跃用户数量超过1亿。\n\n您可以使用本模型。\n\n如您的产品超过门槛，您应向许可方申请商业许可。",
		want: []phrase{
			{scale, "如您的产品超过门槛，您应向许可方申请商业许可。", map[string]any{"metric": "monthly-active-users", "value": int64(100_000_000)}},
		},
	}})
}
