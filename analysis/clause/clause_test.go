package clause

import (
	"reflect"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// want is one expected hit: its code, its exact byte range, the sentence
// that range must hold (for readers of the test), and its data.
type want struct {
	code       string
	start, end int
	sentence   string
	data       map[string]any
}

func checkHits(t *testing.T, text string, got []Hit, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, h := range got {
			t.Logf("got %s [%d,%d) %q %v", h.Code, h.Start, h.End, text[h.Start:h.End], h.Data)
		}
		t.Fatalf("got %d hits, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		h := got[i]
		if h.Code != w.code || h.Start != w.start || h.End != w.end {
			t.Errorf("hit %d: got %s [%d,%d) %q, want %s [%d,%d)", i, h.Code, h.Start, h.End, text[h.Start:h.End], w.code, w.start, w.end)
			continue
		}
		if s := text[h.Start:h.End]; s != w.sentence {
			t.Errorf("hit %d: range holds %q, want %q", i, s, w.sentence)
		}
		if !reflect.DeepEqual(h.Data, w.data) {
			t.Errorf("hit %d (%s): data %#v, want %#v", i, h.Code, h.Data, w.data)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{{
		name: "monthly active users, second sentence",
		text: "Licensee may use the Model. If your service has more than 10 million monthly active users, you must obtain a license from Acme.\n",
		want: []want{{"clause/scale-threshold", 28, 127,
			"If your service has more than 10 million monthly active users, you must obtain a license from Acme.",
			map[string]any{"metric": "monthly-active-users", "value": int64(10000000)}}},
	}, {
		name: "CRLF, hard-wrapped, after a numbered heading",
		text: "2. Additional Terms. If your products exceed\r\n700 million monthly active users, you must\r\nrequest a license from us.\r\n",
		want: []want{{"clause/scale-threshold", 21, 116,
			"If your products exceed\r\n700 million monthly active users, you must\r\nrequest a license from us.",
			map[string]any{"metric": "monthly-active-users", "value": int64(700000000)}}},
	}, {
		name: "BOM, list marker and tab",
		text: "\xEF\xBB\xBF(a)\tYou must not use the Model in the European Union.\n",
		want: []want{{"clause/geographic", 7, 56,
			"You must not use the Model in the European Union.",
			map[string]any{"regions": []string{"EU"}}}},
	}, {
		name: "CJK sentence and full stop before",
		text: "本许可证适用于模型。If the Licensee has more than 100 million monthly active users, it shall request a license.",
		want: []want{{"clause/scale-threshold", 30, 121,
			"If the Licensee has more than 100 million monthly active users, it shall request a license.",
			map[string]any{"metric": "monthly-active-users", "value": int64(100000000)}}},
	}, {
		name: "emoji heading and emoji inside the clause",
		text: "🚀 Release notes\n\n⚠️ You may not use outputs of the Model to train other models.\n",
		want: []want{{"clause/output-restriction", 20, 86,
			"⚠️ You may not use outputs of the Model to train other models.", nil}},
	}, {
		name: "revenue in $1M",
		text: "Companies with more than $1M in annual revenue need an enterprise license.",
		want: []want{{"clause/scale-threshold", 0, 74,
			"Companies with more than $1M in annual revenue need an enterprise license.",
			map[string]any{"metric": "annual-revenue", "value": int64(1000000), "currency": "USD"}}},
	}, {
		name: "revenue in RMB, abbreviations do not end the sentence",
		text: "- Licensees generating more than RMB 1 billion in annual revenue must contact us (e.g. by e-mail to the U.S. office of Acme Inc. or No. 5 office).",
		want: []want{{"clause/scale-threshold", 2, 146,
			"Licensees generating more than RMB 1 billion in annual revenue must contact us (e.g. by e-mail to the U.S. office of Acme Inc. or No. 5 office).",
			map[string]any{"metric": "annual-revenue", "value": int64(1000000000), "currency": "CNY"}}},
	}, {
		name: "revenue with US $ and separators",
		text: "Free use ends once you earn more than US $1,000,000 in annual revenue.",
		want: []want{{"clause/scale-threshold", 0, 70,
			"Free use ends once you earn more than US $1,000,000 in annual revenue.",
			map[string]any{"metric": "annual-revenue", "value": int64(1000000), "currency": "USD"}}},
	}, {
		name: "attribution and naming, curly quotes",
		text: "You must prominently display “Built with Acme” on a related website.\nAny derivative model name must begin with “Acme”.",
		want: []want{
			{"clause/attribution", 0, 72, "You must prominently display “Built with Acme” on a related website.",
				map[string]any{"text": "Built with Acme"}},
			{"clause/derivative-naming", 73, 126, "Any derivative model name must begin with “Acme”.",
				map[string]any{"prefix": "Acme"}},
		},
	}, {
		name: "quoted notice keeps its inner sentence ends",
		text: "Include the following notice in a \"NOTICE\" file: \"Acme Model is licensed under the Acme License, Copyright © Acme Corp. All Rights Reserved.\"",
		want: []want{{"clause/notice-required", 0, 142,
			"Include the following notice in a \"NOTICE\" file: \"Acme Model is licensed under the Acme License, Copyright © Acme Corp. All Rights Reserved.\"",
			map[string]any{"text": "Acme Model is licensed under the Acme License, Copyright © Acme Corp. All Rights Reserved."}}},
	}, {
		name: "policy at a bare domain",
		text: "Your use must follow the Acceptable Use Policy at acme.example/aup.",
		want: []want{{"clause/policy-by-reference", 0, 67,
			"Your use must follow the Acceptable Use Policy at acme.example/aup.",
			map[string]any{"url": "acme.example/aup"}}},
	}, {
		name: "policy URL in Markdown emphasis, trailing punctuation dropped",
		text: "**Your use is subject to the policy at https://acme.example/policy.**",
		want: []want{{"clause/policy-by-reference", 2, 67,
			"Your use is subject to the policy at https://acme.example/policy.",
			map[string]any{"url": "https://acme.example/policy"}}},
	}, {
		name: "copyleft",
		text: "Derivative works must be licensed under this License.\n",
		want: []want{{"clause/share-alike", 0, 53, "Derivative works must be licensed under this License.", nil}},
	}, {
		name: "pass-through",
		text: "Any derivative you share must be bound by the same use restrictions in your license terms.",
		want: []want{{"clause/pass-through", 0, 90,
			"Any derivative you share must be bound by the same use restrictions in your license terms.", nil}},
	}, {
		name: "remote restriction",
		text: "Acme reserves the right to restrict (remotely or otherwise) usage of the Model.",
		want: []want{{"clause/remote-termination", 0, 79,
			"Acme reserves the right to restrict (remotely or otherwise) usage of the Model.", nil}},
	}, {
		name: "automatic termination on a condition, not on litigation",
		text: "If you disable the safety filters, your rights under this Agreement shall terminate. If you sue us for patent infringement, your licenses shall terminate.",
		want: []want{{"clause/remote-termination", 0, 84,
			"If you disable the safety filters, your rights under this Agreement shall terminate.", nil}},
	}, {
		name: "research only",
		text: "The Model may be used for research purposes only.",
		want: []want{{"license/research-only", 0, 49, "The Model may be used for research purposes only.", nil}},
	}, {
		name: "use restriction opens a list, items give no hits",
		text: "Prohibited Uses\nYou agree not to use the Model:\n- for weapons development;\n- to harass people.\n",
		// the items are uses the lead-in bans: one finding over the list (R8d)
		want: []want{{"clause/use-restriction", 16, 94, "You agree not to use the Model:\n- for weapons development;\n- to harass people.", nil}},
	}, {
		name: "terms may change",
		text: "Acme may update this Agreement from time to time.",
		want: []want{{"clause/terms-may-change", 0, 49, "Acme may update this Agreement from time to time.", nil}},
	}, {
		name: "permissive notice clause only",
		text: "Permission is granted to use, copy and modify it, provided that the above copyright notice and this permission notice shall be included in all copies.",
		want: []want{{"clause/notice-required", 0, 150,
			"Permission is granted to use, copy and modify it, provided that the above copyright notice and this permission notice shall be included in all copies.", nil}},
	}, {
		name: "ISC-style notice clause",
		text: "Use is permitted provided that the above copyright notice and this permission notice appear in all copies.",
		want: []want{{"clause/notice-required", 0, 106,
			"Use is permitted provided that the above copyright notice and this permission notice appear in all copies.", nil}},
	}, {
		name: "repeated text gives a hit per copy",
		text: "The Model is for non-commercial use only.\n\nThe Model is for non-commercial use only.\n",
		want: []want{
			{"license/non-commercial", 0, 41, "The Model is for non-commercial use only.", nil},
			{"license/non-commercial", 43, 84, "The Model is for non-commercial use only.", nil},
		},
	}, {
		name: "nothing in plain prose",
		text: "This model card describes a model. It was trained on public data.",
	}, {
		name: "empty",
		text: "",
	}, {
		name: "a quoted notice line introduced as 'the following line'",
		text: "You must keep the following line in a \"NOTICE\" file: \"Zephyr is licensed under the Zephyr License.\"\n",
		want: []want{{"clause/notice-required", 0, 99,
			"You must keep the following line in a \"NOTICE\" file: \"Zephyr is licensed under the Zephyr License.\"",
			map[string]any{"text": "Zephyr is licensed under the Zephyr License."}}},
	}, {
		name: "a short first line of a wrapped sentence is no title",
		text: "Acme may update this\nAgreement from time to time.\n",
		want: []want{{"clause/terms-may-change", 0, 49, "Acme may update this\nAgreement from time to time.", nil}},
	}, {
		name: "recipients bound to the restrictions, after a list marker",
		text: "d. You must bind everyone who receives the Materials from You to the restrictions of Section 4.\n",
		want: []want{{"clause/pass-through", 3, 95,
			"You must bind everyone who receives the Materials from You to the restrictions of Section 4.", nil}},
	}, {
		name: "switched off remotely, hard-wrapped",
		text: "Acme may limit or switch off remotely, through its services or otherwise,\nany use that it considers a breach.\n",
		want: []want{{"clause/remote-termination", 0, 109,
			"Acme may limit or switch off remotely, through its services or otherwise,\nany use that it considers a breach.", nil}},
	}, {
		name: "regions listed after the first one are all named",
		text: "No rights are granted to companies based in the European Union, the United Kingdom or South Korea.",
		want: []want{{"clause/geographic", 0, 98,
			"No rights are granted to companies based in the European Union, the United Kingdom or South Korea.",
			map[string]any{"regions": []string{"EU", "KR", "UK"}}}},
	}}
	k := kb.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkHits(t, tt.text, Detect(k, []byte(tt.text)), tt.want)
		})
	}
}

// acmeLicense is a license fineprint has never seen.
const acmeLicense = `ACME MODEL LICENSE

1. Grant. Acme Labs grants you a license to use the Acme Model for
non-commercial purposes only.

2. Scale. If your products have more than 10 million monthly active
users, you must ask Acme for a commercial license.

3. Policy. Your use must comply with the Acme Acceptable Use Policy at
https://acme.example/aup, which is incorporated by reference.

4. Changes. Acme may modify these terms at any time.

5. Outputs. You may not use outputs of the Acme Model to train a
competing model.

6. Regions. The Acme Model must not be used in the European Union.
`

func TestDetectUnknownLicense(t *testing.T) {
	checkHits(t, acmeLicense, Detect(kb.Default(), []byte(acmeLicense)), []want{
		{"license/non-commercial", 30, 116,
			"Acme Labs grants you a license to use the Acme Model for\nnon-commercial purposes only.", nil},
		{"clause/scale-threshold", 128, 236,
			"If your products have more than 10 million monthly active\nusers, you must ask Acme for a commercial license.",
			map[string]any{"metric": "monthly-active-users", "value": int64(10000000)}},
		{"clause/policy-by-reference", 249, 370,
			"Your use must comply with the Acme Acceptable Use Policy at\nhttps://acme.example/aup, which is incorporated by reference.",
			map[string]any{"url": "https://acme.example/aup"}},
		{"clause/terms-may-change", 384, 424, "Acme may modify these terms at any time.", nil},
		{"clause/output-restriction", 438, 507,
			"You may not use outputs of the Acme Model to train a\ncompeting model.", nil},
		{"clause/geographic", 521, 575, "The Acme Model must not be used in the European Union.",
			map[string]any{"regions": []string{"EU"}}},
	})
}

func TestMessages(t *testing.T) {
	hits := Detect(kb.Default(), []byte(acmeLicense+"\nShow \"Built with Acme\" in your app.\nAbove US$2.5 million in annual revenue, ask us.\n"))
	got := map[string]string{}
	for _, h := range hits {
		if _, seen := got[h.Code]; !seen {
			got[h.Code] = h.Message
		}
	}
	for code, msg := range map[string]string{
		"clause/scale-threshold":     "Above 10 million monthly active users you need a separate license from the licensor.",
		"clause/policy-by-reference": "The license incorporates the document at https://acme.example/aup by reference; its terms bind you and can change without this file changing.",
		"clause/attribution":         `Products built with this model must display "Built with Acme".`,
		"clause/geographic":          "The license denies its rights in some regions (EU), so check where you and your users are.",
	} {
		if got[code] != msg {
			t.Errorf("%s: message %q, want %q", code, got[code], msg)
		}
	}
	var revenue string
	for _, h := range hits {
		if h.Pattern == "annual-revenue-threshold" {
			revenue = h.Message
		}
	}
	if want := "Above USD 2.5 million in annual revenue you need a separate license from the licensor."; revenue != want {
		t.Errorf("revenue message %q, want %q", revenue, want)
	}
}

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]int64{
		"700 million": 700000000, "100 million": 100000000, "us $1,000,000": 1000000,
		"$1m": 1000000, "1 billion": 1000000000, "rmb 1 billion": 1000000000,
		"10,000,000": 10000000, "2.5 million": 2500000, "10k": 10000,
	} {
		if got, ok := parseAmount(in); !ok || got != want {
			t.Errorf("parseAmount(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	if _, ok := parseAmount("many"); ok {
		t.Error(`parseAmount("many") succeeded`)
	}
}

func TestURLIn(t *testing.T) {
	for in, want := range map[string]string{
		"see ai.google.dev/gemma/prohibited_use_policy (the policy)": "ai.google.dev/gemma/prohibited_use_policy",
		"hosted at falconllm.tii.ae.":                                "falconllm.tii.ae",
		"at [https://x.example/a](https://x.example/a)":              "https://x.example/a",
		"write to report@meta.com or www.meta.com":                   "www.meta.com",
		"e.g. the u.s. office of deci.ai, inc.":                      "",
		"policy at https://example.com:8443/use-policy (see)":        "https://example.com:8443/use-policy",
		"at https://example.com:8443 or":                             "https://example.com:8443",
		"the time https://example.com:123456/x":                      "https://example.com",
	} {
		s, e := urlIn(in)
		got := ""
		if s >= 0 {
			got = in[s:e]
		}
		if got != want {
			t.Errorf("urlIn(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPatternsCompile(t *testing.T) {
	if err := Compile(kb.Default()); err != nil {
		t.Fatal(err)
	}
}

func TestPatternsAreValidated(t *testing.T) {
	bad := []kb.ClausePattern{
		{ID: "x", Code: "clause/x", Keywords: []string{"a"}, Match: []string{"("}, Message: "m"},
		{ID: "x", Code: "clause/x", Keywords: []string{"A"}, Match: []string{"a"}, Message: "m"},
		{ID: "x", Code: "clause/x", Keywords: []string{"a"}, Match: []string{"a"}, Message: "m",
			Extract: []kb.Extraction{{Field: "v", Kind: "amount", Groups: []string{"nope"}}}},
		{ID: "x", Code: "clause/x", Keywords: []string{"a"}, Match: []string{"a"}, Message: "m",
			Extract: []kb.Extraction{{Field: "v", Kind: "guess"}}},
		{ID: "x", Code: "clause/x", Match: []string{"a"}, Message: "m"},
	}
	for i, p := range bad {
		if err := Compile(&kb.KB{Clauses: []kb.ClausePattern{p}}); err == nil {
			t.Errorf("pattern %d compiled", i)
		}
	}
}

// TestPlainLicenseCompilesNoPattern pins that expressions are compiled on
// a pattern's first candidate sentence: compiling all of the knowledge
// base's cost a plain MIT's check more than reading it.
func TestPlainLicenseCompilesNoPattern(t *testing.T) {
	k := &kb.KB{Clauses: kb.Default().Clauses}
	Detect(k, []byte("Permission is hereby granted, free of charge, to any person obtaining a copy of this software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n"))
	d, err := patterns(k)
	if err != nil {
		t.Fatal(err)
	}
	var compiled []string
	for _, ps := range [][]*pattern{d.patterns, d.terms} {
		for _, p := range ps {
			if p.match != nil || p.uses != nil {
				compiled = append(compiled, p.ID)
			}
		}
	}
	if len(compiled) > 0 {
		t.Errorf("a plain MIT compiled %d patterns: %v", len(compiled), compiled)
	}
}

func TestHumanNumber(t *testing.T) {
	for n, want := range map[int64]string{700000000: "700 million", 1000000: "1 million", 2500000: "2.5 million",
		1000000000: "1 billion", 10000: "10,000", 1234567: "1,234,567"} {
		if got := humanNumber(n); got != want {
			t.Errorf("humanNumber(%d) = %q, want %q", n, got, want)
		}
	}
}
