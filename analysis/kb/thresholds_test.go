package kb

import (
	"reflect"
	"testing"
)

// TestLicenseThresholds pins the scale limits the project view weighs
// against the profile for models known only by their id.
func TestLicenseThresholds(t *testing.T) {
	k := Default()
	mau := func(n int64) []Threshold { return []Threshold{{Metric: "monthly-active-users", Value: n}} }
	want := map[string][]Threshold{
		"llama2": mau(700_000_000), "llama3": mau(700_000_000), "llama3.1": mau(700_000_000),
		"llama3.2": mau(700_000_000), "llama3.3": mau(700_000_000), "llama4": mau(700_000_000),
		"databricks-open-model": mau(700_000_000),
		"tongyi-qianwen":        mau(100_000_000), "qwen": mau(100_000_000),
		"stabilityai-community":     {{Metric: "annual-revenue", Value: 1_000_000, Currency: "USD"}},
		"tencent-hunyuan-community": mau(100_000_000),
		"baichuan2-community":       {{Metric: "daily-active-users", Value: 1_000_000}},
		"jamba-open-model":          {{Metric: "annual-revenue", Value: 50_000_000, Currency: "USD"}},
		"lfm1.0":                    {{Metric: "annual-revenue", Value: 10_000_000, Currency: "USD"}},
		"mistral-modified-mit":      {{Metric: "monthly-revenue", Value: 20_000_000, Currency: "USD"}},
		// Kimi K2's thresholds bring a display duty, not a separate
		// license, so they are not limits to weigh against the profile.
		"kimi-k2-modified-mit": nil,
		"gemma":                nil, "apache-2.0": nil, "deepseek": nil,
	}
	for id, w := range want {
		l := k.License(id)
		if l == nil {
			t.Fatalf("%s missing", id)
		}
		if !reflect.DeepEqual(l.Thresholds, w) {
			t.Errorf("%s: thresholds %+v, want %+v", id, l.Thresholds, w)
		}
	}
	for _, l := range k.Licenses {
		for _, th := range l.Thresholds {
			users := th.Metric == "monthly-active-users" || th.Metric == "daily-active-users"
			revenue := th.Metric == "annual-revenue" || th.Metric == "monthly-revenue"
			ok := th.Value > 0 && (users && th.Currency == "" || revenue && th.Currency != "")
			if !ok {
				t.Errorf("%s: malformed threshold %+v", l.ID, th)
			}
		}
	}
}
