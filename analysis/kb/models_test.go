package kb

import (
	"fmt"
	"testing"
)

// pendingLicenses are ids models.yaml uses that licenses.yaml does not
// describe yet; resolving to them reports an unknown license.
var pendingLicenses = map[string]bool{"flux-1-dev-non-commercial": true}

func TestModelLicensesAreKnown(t *testing.T) {
	k := Default()
	if len(k.Models) == 0 {
		t.Fatal("models.yaml is empty")
	}
	seen := map[string]bool{}
	for _, m := range k.Models {
		if seen[m.ID] {
			t.Errorf("model %s listed twice", m.ID)
		}
		seen[m.ID] = true
		if k.License(m.License) == nil && !pendingLicenses[m.License] {
			t.Errorf("model %s: license %q is not in licenses.yaml", m.ID, m.License)
		}
		if m.Source == "" {
			t.Errorf("model %s: source missing", m.ID)
		}
		if m.Base != "" && k.Model(m.Base) == nil {
			t.Errorf("model %s: base %s does not resolve", m.ID, m.Base)
		}
	}
}

func TestModelResolution(t *testing.T) {
	tests := []struct{ id, license string }{
		{"meta-llama/Llama-3.1-8B-Instruct", "llama3.1"},
		{"META-LLAMA/meta-llama-3.1-70b", "llama3.1"},
		{"meta-llama/Meta-Llama-3-8B-Instruct", "llama3"},
		{"meta-llama/Llama-3.2-1B", "llama3.2"},
		{"TheBloke/Llama-2-7B-GGUF", "llama2"},
		{"llama2:latest", "llama2"},
		{"llama3:latest", "llama3"},
		{"llama3:8b", "llama3"},
		{"llama3.1:latest", "llama3.1"},
		{"llama3.2:3b", "llama3.2"},
		{"llama3.2-vision:11b", "llama3.2"},
		{"llama3.3:70b", "llama3.3"},
		{"llama4:scout", "llama4"},
		{"google/gemma-2-9b", "gemma"},
		{"google/gemma-3-1b-it", "gemma"},
		{"google/gemma-4-31b-it", "apache-2.0"},
		{"gemma2:9b", "gemma"},
		{"gemma4:latest", "apache-2.0"},
		{"mistralai/Mistral-7B-v0.1", "apache-2.0"},
		{"mistralai/Mixtral-8x7B-Instruct-v0.1", "apache-2.0"},
		{"mistralai/Codestral-22B-v0.1", "mnpl"},
		{"mistralai/Mistral-Large-Instruct-2407", "mrl"},
		{"mistralai/Ministral-8B-Instruct-2410", "mrl"},
		{"codestral:22b", "mnpl"},
		{"mistral-small:22b", "mrl"},
		{"mistral-small:24b", "apache-2.0"},
		{"Qwen/Qwen-7B-Chat", "tongyi-qianwen"},
		{"Qwen/Qwen1.5-7B-Chat", "tongyi-qianwen"},
		{"Qwen/Qwen2.5-7B-Instruct", "apache-2.0"},
		{"Qwen/Qwen2.5-3B-Instruct", "qwen-research"},
		{"Qwen/Qwen2.5-72B-Instruct", "qwen"},
		{"Qwen/Qwen3-0.6B", "apache-2.0"},
		{"qwen2.5:3b", "qwen-research"},
		{"qwen2.5:72b-instruct", "qwen"},
		{"qwen2.5:7b", "apache-2.0"},
		{"qwen:7b", "tongyi-qianwen"},
		{"deepseek-ai/deepseek-coder-6.7b-instruct", "deepseek"},
		{"deepseek-ai/DeepSeek-V3", "deepseek"},
		{"deepseek-ai/DeepSeek-R1", "mit"},
		{"deepseek-ai/DeepSeek-R1-Distill-Llama-8B", "llama3.1"},
		{"deepseek-ai/DeepSeek-R1-Distill-Llama-70B", "llama3.3"},
		{"deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "apache-2.0"},
		{"microsoft/Phi-3-mini-4k-instruct", "mit"},
		{"tiiuae/falcon-7b", "apache-2.0"},
		{"tiiuae/falcon-180B-chat", "falcon-180b-tii"},
		{"CompVis/stable-diffusion-v1-4", "creativeml-openrail-m"},
		{"stabilityai/stable-diffusion-2-1", "openrail++"},
		{"stabilityai/stable-diffusion-xl-base-1.0", "openrail++"},
		{"stabilityai/stable-diffusion-3.5-large", "stabilityai-community"},
		{"stabilityai/sdxl-turbo", "stabilityai-nc-research-community"},
		{"black-forest-labs/FLUX.1-schnell", "apache-2.0"},
		{"black-forest-labs/FLUX.1-dev", "flux-1-dev-non-commercial"},
		{"01-ai/Yi-1.5-34B", "apache-2.0"},
	}
	k := Default()
	for _, tt := range tests {
		m := k.Model(tt.id)
		got := ""
		if m != nil {
			got = m.License
		}
		if got != tt.license {
			t.Errorf("Model(%q) = %q, want %q", tt.id, got, tt.license)
		}
	}
	for _, id := range []string{"", "someone/unknown-model", "unknownmodel:latest", "jmorgan/mario:latest", "falcon3:7b"} {
		if m := k.Model(id); m != nil {
			t.Errorf("Model(%q) = %s, want no match", id, m.ID)
		}
	}
}

// TestModelMemoStartsOverWhenFull: Model remembers its answers, and a
// workspace full of distinct ids (more than the memo holds) changes none.
func TestModelMemoStartsOverWhenFull(t *testing.T) {
	k := Default()
	for i := range modelMemoSize + 10 {
		if m := k.Model(fmt.Sprintf("someone/unknown-model-%d", i)); m != nil {
			t.Fatalf("unknown id %d resolved to %s", i, m.ID)
		}
		if m := k.Model("meta-llama/Llama-3.1-8B-Instruct"); m == nil || m.License != "llama3.1" {
			t.Fatalf("after %d other ids, meta-llama/Llama-3.1-8B-Instruct resolves to %+v", i, m)
		}
	}
	if n := len(k.models.m); n > modelMemoSize {
		t.Errorf("memo holds %d answers, more than %d", n, modelMemoSize)
	}
}
