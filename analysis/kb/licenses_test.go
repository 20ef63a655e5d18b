package kb

import (
	"strings"
	"testing"
)

// hubIDs is the Hugging Face Hub's license list (hub-docs
// repositories-licenses.md, 83 entries), as summarised in the project's
// license-facts notes §1.3.
const hubIDs = `apache-2.0 mit openrail bigscience-openrail-m creativeml-openrail-m bigscience-bloom-rail-1.0 bigcode-openrail-m
afl-3.0 artistic-2.0 bsl-1.0 bsd bsd-2-clause bsd-3-clause bsd-3-clause-clear c-uda cc cc0-1.0
cc-by-2.0 cc-by-2.5 cc-by-3.0 cc-by-4.0 cc-by-sa-3.0 cc-by-sa-4.0 cc-by-nc-2.0 cc-by-nc-3.0 cc-by-nc-4.0
cc-by-nd-4.0 cc-by-nc-nd-3.0 cc-by-nc-nd-4.0 cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0
cdla-sharing-1.0 cdla-permissive-1.0 cdla-permissive-2.0 wtfpl ecl-2.0 epl-1.0 epl-2.0 etalab-2.0 eupl-1.1 eupl-1.2
agpl-3.0 gfdl gpl gpl-2.0 gpl-3.0 lgpl lgpl-2.1 lgpl-3.0 isc h-research intel-research lppl-1.3c ms-pl
apple-ascl apple-amlr mpl-2.0 odc-by odbl openmdw-1.0 openmdw-1.1 openrail++ osl-3.0 postgresql ofl-1.1 ncsa
unlicense zlib pddl lgpl-lr deepfloyd-if-license fair-noncommercial-research-license
llama2 llama3 llama3.1 llama3.2 llama3.3 llama4 grok2-community gemma unknown other`

func TestEveryHubIDIsAnEntry(t *testing.T) {
	k := Default()
	ids := strings.Fields(hubIDs)
	if len(ids) != 83 {
		t.Fatalf("hub list has %d ids, want 83", len(ids))
	}
	for _, id := range ids {
		l := k.License(id)
		switch {
		case l == nil:
			t.Errorf("%s: no entry", id)
		case l.ID != id:
			t.Errorf("%s: resolves to %s, want an entry of its own", id, l.ID)
		case !l.Hub:
			t.Errorf("%s: hub is false", id)
		}
	}
	hub := map[string]bool{}
	for _, id := range ids {
		hub[id] = true
	}
	for _, l := range k.Licenses {
		if l.Hub && !hub[l.ID] {
			t.Errorf("%s: hub is true but it is not on the Hub list", l.ID)
		}
	}
}

func TestLicenseEntriesAreWellFormed(t *testing.T) {
	k := Default()
	if err := checkLicenses(k.Licenses); err != nil {
		t.Fatal(err)
	}
	lc := map[string]string{}
	for _, l := range k.Licenses {
		for _, id := range l.Licensecheck {
			if other, dup := lc[id]; dup {
				t.Errorf("licensecheck id %s maps to both %s and %s", id, other, l.ID)
			}
			lc[id] = l.ID
		}
		for _, a := range l.Aliases {
			if a != strings.ToLower(a) {
				t.Errorf("%s: alias %q is not lower case", l.ID, a)
			}
		}
		if l.UsePolicy != "" {
			if p := k.License(l.UsePolicy); p == nil || !p.IsPolicy() || p.ID != l.UsePolicy {
				t.Errorf("%s: use_policy %s is not a policy entry", l.ID, l.UsePolicy)
			}
		}
		if !l.IsPolicy() && l.Kind != "unknown" && l.Relicense == "" {
			t.Errorf("%s: relicense is not set", l.ID)
		}
	}
}

// Aliases seen in the wild (cards' license_name, GGUF headers, SPDX ids)
// resolve to one entry.
func TestAliasesResolve(t *testing.T) {
	k := Default()
	for alias, want := range map[string]string{
		"Apache-2.0":                       "apache-2.0",
		"MIT":                              "mit",
		"GPL-3.0-or-later":                 "gpl-3.0",
		"llama-3.1":                        "llama3.1",
		"Llama-2-community-license":        "llama2",
		"deepseek-license":                 "deepseek",
		"tongyi-qianwen-license-agreement": "tongyi-qianwen",
		"qwen-license":                     "qwen",
		"qwen-research":                    "qwen-research",
		"stabilityai-ai-community":         "stabilityai-community",
		"nvidia-open-model-license":        "nvidia-open-model",
		"databricks-open-model-license":    "databricks-open-model",
		"fair-noncommercial-research":      "fair-noncommercial-research-license",
		"mnpl":                             "mnpl",
		"mrl":                              "mrl",
		"falcon-180b-tii-1.0":              "falcon-180b-tii",
		// Falcon3 and Falcon-H1 cards: license_name falcon-llm-license, linking
		// the TII Falcon-LLM License 2.0; the 2023 royalty license was tii-falcon-llm.
		"falcon-llm-license": "tii-falcon-2.0",
		"tii-falcon-llm":     "tii-falcon-llm-1.0",
		"sai-nc-community":   "stabilityai-nc-research-community",
		// LiquidAI's cards: license lfm1.0, the LFM Open License v1.0.
		"LFM1.0":           "lfm1.0",
		"lfm-open-license": "lfm1.0",
	} {
		if l := k.License(alias); l == nil || l.ID != want {
			t.Errorf("License(%q) = %v, want %s", alias, l, want)
		}
	}
}

// The obligations later rules rely on, checked against the license texts'
// own wording as recorded in the project's notes.
func TestModelLicenseFacts(t *testing.T) {
	k := Default()
	tests := []struct {
		id, notice, attribution, prefix, relicense string
		eu                                         bool
	}{
		{"llama2", "Llama 2 is licensed under the LLAMA 2 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved.", "", "", "same-restrictions", false},
		{"llama3", "Meta Llama 3 is licensed under the Meta Llama 3 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.", "Built with Meta Llama 3", "Llama 3", "same-restrictions", false},
		{"llama3.1", "Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.", "Built with Llama", "Llama", "same-restrictions", false},
		{"llama3.2", "Llama 3.2 is licensed under the Llama 3.2 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.", "Built with Llama", "Llama", "same-restrictions", true},
		{"llama3.3", "Llama 3.3 is licensed under the Llama 3.3 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.", "Built with Llama", "Llama", "same-restrictions", true},
		{"llama4", "Llama 4 is licensed under the Llama 4 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.", "Built with Llama", "Llama", "same-restrictions", true},
		{"gemma", "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms", "", "", "same-restrictions", false},
		{"tongyi-qianwen", "Tongyi Qianwen is licensed under the Tongyi Qianwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.", "", "", "same-restrictions", false},
		{"qwen", "Qwen is licensed under the Qwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.", "Built with Qwen", "", "same-restrictions", false},
		{"stabilityai-community", "This Stability AI Model is licensed under the Stability AI Community License, Copyright © Stability AI Ltd. All Rights Reserved.", "Powered by Stability AI", "", "same-restrictions", false},
		{"nvidia-open-model", "Licensed by NVIDIA Corporation under the NVIDIA Open Model License", "", "", "allowed", false},
		{"creativeml-openrail-m", "", "", "", "same-restrictions", false},
		{"deepseek", "", "", "", "same-restrictions", false},
		{"apache-2.0", "", "", "", "allowed", false},
		{"mit", "", "", "", "allowed", false},
		{"gpl-3.0", "", "", "", "forbidden", false},
	}
	for _, tt := range tests {
		l := k.License(tt.id)
		if l == nil {
			t.Errorf("%s: no entry", tt.id)
			continue
		}
		if l.Notice != tt.notice || l.Attribution != tt.attribution || l.NamingPrefix != tt.prefix || l.Relicense != tt.relicense || l.EURestricted != tt.eu {
			t.Errorf("%s: notice %q attribution %q prefix %q relicense %q eu %v; want %q %q %q %q %v", tt.id,
				l.Notice, l.Attribution, l.NamingPrefix, l.Relicense, l.EURestricted, tt.notice, tt.attribution, tt.prefix, tt.relicense, tt.eu)
		}
	}
	for _, id := range []string{"llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4", "gemma", "stabilityai-community"} {
		if l := k.License(id); len(l.Policies) == 0 {
			t.Errorf("%s: no referenced policy URLs", id)
		}
	}
}

// Messages put "the" before a license's name, so a name may not bring its
// own ("under the The ChatGLM3-6B License").
func TestLicenseNameWithoutArticle(t *testing.T) {
	l := License{ID: "x", Name: "The X License", Summary: "s", Kind: "custom"}
	if err := validateLicense(&l); err == nil || !strings.Contains(err.Error(), `must not start with "The "`) {
		t.Fatalf("validateLicense(%q) = %v, want the article refused", l.Name, err)
	}
	l.Name = "X License"
	if err := validateLicense(&l); err != nil {
		t.Fatalf("validateLicense(%q) = %v", l.Name, err)
	}
}
