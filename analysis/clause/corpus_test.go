package clause

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// fact is one datum a hit of code must carry in some hit of the file.
type fact struct {
	code, key string
	value     any
}

// Short names for the expected code sets below.
const (
	nc     = "license/non-commercial"
	ro     = "license/research-only"
	scale  = "clause/scale-threshold"
	use    = "clause/use-restriction"
	policy = "clause/policy-by-reference"
	change = "clause/terms-may-change"
	attr   = "clause/attribution"
	naming = "clause/derivative-naming"
	output = "clause/output-restriction"
	pass   = "clause/pass-through"
	sa     = "clause/share-alike"
	notice = "clause/notice-required"
	geo    = "clause/geographic"
	remote = "clause/remote-termination"
)

var mau700M = fact{scale, "value", int64(700000000)}

// corpusExpectations: for each corpus file, codes that must be found and
// facts that must be read. Permissive files list only notice-required and
// must produce nothing else.
var corpusExpectations = []struct {
	file       string
	codes      []string
	facts      []fact
	permissive bool
}{
	{file: "llama-2/LICENSE", codes: []string{scale, policy, output, notice}, facts: []fact{mau700M,
		{policy, "url", "https://ai.meta.com/llama/use-policy"},
		{notice, "text", "Llama 2 is licensed under the LLAMA 2 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved."}}},
	{file: "llama-2/USE_POLICY.md", codes: []string{use, change}},
	{file: "llama-3/LICENSE", codes: []string{scale, use, policy, change, attr, naming, output, notice}, facts: []fact{mau700M,
		{policy, "url", "https://llama.meta.com/llama3/use-policy"},
		{policy, "url", "https://about.meta.com/brand/resources/meta/company-brand/"},
		{attr, "text", "Built with Meta Llama 3"},
		{naming, "prefix", "Llama 3"},
		{notice, "text", "Meta Llama 3 is licensed under the Meta Llama 3 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."}}},
	{file: "llama-3.1/LICENSE", codes: []string{scale, policy, attr, naming, output, notice}, facts: []fact{mau700M,
		{policy, "url", "https://llama.meta.com/llama3_1/use-policy"},
		{attr, "text", "Built with Llama"},
		{naming, "prefix", "Llama"},
		{notice, "text", "Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."}}},
	{file: "llama-3.1/USE_POLICY.md", codes: []string{use, change}},
	{file: "llama-3.2/LICENSE", codes: []string{scale, policy, attr, naming, output, notice}, facts: []fact{mau700M,
		{policy, "url", "https://www.llama.com/llama3_2/use-policy"},
		{notice, "text", "Llama 3.2 is licensed under the Llama 3.2 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."}}},
	{file: "llama-3.2/variant-hf-meta-llama-Llama-3.2-1B/LICENSE.txt", codes: []string{scale, policy, attr, naming, output, notice}, facts: []fact{
		{notice, "text", "Llama 3.2 is licensed under the Llama 3.2 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."}}},
	{file: "llama-3.2/USE_POLICY.md", codes: []string{use, change, geo}, facts: []fact{{geo, "regions", []string{"EU"}}}},
	{file: "llama-3.3/LICENSE", codes: []string{scale, policy, attr, naming, output, notice}, facts: []fact{mau700M,
		{policy, "url", "https://www.llama.com/llama3_3/use-policy"}}},
	{file: "llama-3.3/USE_POLICY.md", codes: []string{use, change, geo}, facts: []fact{{geo, "regions", []string{"EU"}}}},
	{file: "llama-4/LICENSE", codes: []string{scale, policy, attr, naming, output, notice}, facts: []fact{mau700M,
		{policy, "url", "https://www.llama.com/llama4/use-policy"},
		{notice, "text", "Llama 4 is licensed under the Llama 4 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."}}},
	{file: "llama-4/USE_POLICY.md", codes: []string{use, change, geo}, facts: []fact{{geo, "regions", []string{"EU"}}}},
	{file: "gemma/GEMMA_TERMS_OF_USE.txt", codes: []string{use, policy, pass, notice, remote}, facts: []fact{
		{policy, "url", "ai.google.dev/gemma/prohibited_use_policy"},
		{notice, "text", "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms"}}},
	{file: "gemma/variant-2024-04-01/LICENSE.weights.txt", codes: []string{use, policy, pass, notice, remote}, facts: []fact{
		{policy, "url", "ai.google.dev/gemma/prohibited_use_policy"}}},
	{file: "creativeml-openrail-m/LICENSE", codes: []string{use, output, pass, notice, remote}},
	{file: "bigscience-openrail-m/bigscience-open-rail-m.LICENSE", codes: []string{use, output, pass, notice, remote}},
	{file: "bigscience-bloom-rail-1.0/bigscience-rail-1.0.LICENSE", codes: []string{use, output, pass, notice, remote}},
	{file: "bigcode-openrail-m/bigcode-open-rail-m-v1.LICENSE", codes: []string{use, pass, remote}},
	{file: "openrail++-m/LICENSE-SDXL1.0", codes: []string{use, output, pass, notice, remote}},
	{file: "stability-community/LICENSE.md", codes: []string{scale, policy, change, attr, output, notice, remote}, facts: []fact{
		{scale, "metric", "annual-revenue"},
		{scale, "value", int64(1000000)},
		{scale, "currency", "USD"},
		{policy, "url", "https://stability.ai/use-policy"},
		{attr, "text", "Powered by Stability AI"},
		{notice, "text", "This Stability AI Model is licensed under the Stability AI Community License, Copyright © Stability AI Ltd. All Rights Reserved"}}},
	{file: "stability-noncommercial-community/LICENSE-SV3D", codes: []string{nc, use, policy, change, notice}},
	{file: "stability-noncommercial-research-community/LICENSE-SDXL-Turbo", codes: []string{nc, use, policy, change, notice}},
	{file: "tongyi-qianwen/Tongyi Qianwen LICENSE AGREEMENT", codes: []string{scale, output, notice}, facts: []fact{
		{scale, "value", int64(100000000)},
		{notice, "text", "Tongyi Qianwen is licensed under the Tongyi Qianwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved."}}},
	{file: "qwen-research/LICENSE.txt", codes: []string{nc, ro, attr, output, notice}, facts: []fact{
		{attr, "text", "Built with Qwen"},
		{notice, "text", "Qwen is licensed under the Qwen RESEARCH LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved."}}},
	{file: "deepseek/LICENSE-MODEL", codes: []string{use, output, pass, notice, remote}},
	{file: "nvidia-open-model/LICENSE", codes: []string{policy, change, attr, notice, remote}, facts: []fact{
		{policy, "url", "https://www.nvidia.com/en-us/agreements/trustworthy-ai/terms/"},
		{notice, "text", "Licensed by NVIDIA Corporation under the NVIDIA Open Model License."}}},
	// "You will not use DBRX: 1. for any restricted use set forth in the
	// Acceptable Use Policy ...; or 2. in violation of applicable laws"
	// binds you to the policy and the law and lists no use (GUIDE R8a).
	{file: "dbrx/LICENSE", codes: []string{scale, policy, output, notice, remote}, facts: []fact{mau700M}},
	{file: "falcon-180b-tii-1.0/falcon170BTOU.md", codes: []string{policy, change}, facts: []fact{{policy, "url", "FalconLLM.tii.ae"}}},
	{file: "llama-1/LICENSE_WEIGHTS", codes: []string{nc, ro, use}},
	{file: "stability-sdxl-0.9-research/LICENSE-SDXL0.9", codes: []string{nc, ro, use, notice}},
	{file: "yi-1.0-noncommercial/MODEL_LICENSE_AGREEMENT.txt", codes: []string{nc, change}},
	{file: "cc-by-nc-4.0/cc-by-nc-4.0.LICENSE", codes: []string{nc}},
	{file: "cc-by-nc-4.0/seamless_communication/LICENSE", codes: []string{nc}},
	{file: "cc-by-sa-4.0/cc-by-sa-4.0.LICENSE", codes: []string{sa}},
	{file: "gpl-3.0/yolov9/LICENSE.txt", codes: []string{sa}},
	{file: "agpl-3.0/ultralytics-yolo26/LICENSE.txt", codes: []string{sa}},
	{file: "mit/deepseek-r1/LICENSE", codes: []string{notice}, permissive: true},
	{file: "mit/florence2/LICENSE.txt", codes: []string{notice}, permissive: true},
	{file: "mit/glm-ocr/LICENSE.txt", codes: []string{notice}, permissive: true},
	{file: "apache-2.0/grok-1/LICENSE.txt", codes: []string{notice}, permissive: true},
	{file: "apache-2.0/mistral-inference/LICENSE", codes: []string{notice}, permissive: true},
	{file: "internlm-apache-2.0-variant/LICENSE", codes: []string{notice}, permissive: true},
	// A third-party notices file holding BSD, MIT and Apache-2.0 texts.
	{file: "tongyi-qianwen/NOTICE", codes: []string{notice}, permissive: true},
}

func TestCorpusClauses(t *testing.T) {
	files := corpusLicenses(t)
	k := kb.Default()
	for _, c := range corpusExpectations {
		t.Run(c.file, func(t *testing.T) {
			text, ok := files[c.file]
			if !ok {
				t.Fatalf("corpus file %s missing", c.file)
			}
			hits := Detect(k, text)
			found := map[string]bool{}
			for _, h := range hits {
				found[h.Code] = true
			}
			for _, code := range c.codes {
				if !found[code] {
					t.Errorf("no %s", code)
				}
			}
			if c.permissive {
				for _, h := range hits {
					if h.Code != notice {
						t.Errorf("permissive text gives %s on %q", h.Code, text[h.Start:h.End])
					}
				}
			}
			for _, f := range c.facts {
				if !hasFact(hits, f) {
					t.Errorf("no %s hit with %s = %#v; got %v", f.code, f.key, f.value, dataOf(hits, f.code))
				}
			}
		})
	}
}

func hasFact(hits []Hit, f fact) bool {
	for _, h := range hits {
		if h.Code == f.code && reflect.DeepEqual(h.Data[f.key], f.value) {
			return true
		}
	}
	return false
}

func dataOf(hits []Hit, code string) []map[string]any {
	var out []map[string]any
	for _, h := range hits {
		if h.Code == code {
			out = append(out, h.Data)
		}
	}
	return out
}

// TestCorpusHitsAreWellFormed checks every hit on every corpus file: a
// trimmed range on rune boundaries, a rule code, a message, one hit per
// code and sentence (several thresholds of a sentence differ in their data).
func TestCorpusHitsAreWellFormed(t *testing.T) {
	files := corpusLicenses(t)
	k := kb.Default()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		text := files[name]
		seen := map[[4]any]bool{}
		for _, h := range Detect(k, text) {
			checkHit(t, name, text, h)
			key := [4]any{h.Code, h.Start, h.End, fmt.Sprint(h.Data)}
			if seen[key] {
				t.Errorf("%s: %s twice on [%d,%d)", name, h.Code, h.Start, h.End)
			}
			seen[key] = true
			if k.Rule(h.Code) == nil {
				t.Errorf("%s: code %s has no rule", name, h.Code)
			}
			if h.Message == "" || strings.Contains(h.Message, "{") {
				t.Errorf("%s: %s: bad message %q", name, h.Code, h.Message)
			}
		}
	}
}

// The Chinese texts of the corpus (alone or beside English) give their
// clauses from the Chinese sentences themselves.
func TestCorpusChineseClauses(t *testing.T) {
	files := corpusLicenses(t)
	k := kb.Default()
	for _, c := range []struct {
		file        string
		codes, none []string
	}{
		{"chatglm3-6b/MODEL_LICENSE", []string{use, notice, change}, []string{nc}},
		{"chatglm-6b/MODEL_LICENSE", []string{use, notice, change}, []string{nc}},
		{"360zhinao/360智脑开源模型许可证.txt", []string{nc, use, notice}, nil},
		{"bilibili-index/INDEX_MODEL_LICENSE", []string{nc, use, notice, attr}, nil},
		{"yayi2/COMMUNITY_LICENSE", []string{nc, use, notice, change, attr, geo}, nil},
		{"funasr-model/MODEL_LICENSE", []string{attr, change}, nil},
	} {
		t.Run(c.file, func(t *testing.T) {
			text, ok := files[c.file]
			if !ok {
				t.Fatalf("corpus file %s missing", c.file)
			}
			found := map[string]bool{}
			for _, h := range Detect(k, text) {
				if hasHanBytes(text[h.Start:h.End]) {
					found[h.Code] = true
				}
			}
			for _, code := range c.codes {
				if !found[code] {
					t.Errorf("no %s on a Chinese sentence", code)
				}
			}
			for _, code := range c.none {
				if found[code] {
					t.Errorf("%s on a Chinese sentence", code)
				}
			}
		})
	}
}
