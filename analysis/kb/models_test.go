package kb

import (
	"fmt"
	"testing"
)

// pendingLicenses are ids models.yaml uses that licenses.yaml does not
// describe yet; resolving to them reports an unknown license.
var pendingLicenses = map[string]bool{"flux-1-dev-non-commercial": true, "nvidia-community-model-license": true}

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
		{"tiiuae/Falcon-E-3B-Base", "tii-falcon-2.0"},
		{"PaddlePaddle/PaddleOCR-VL", "apache-2.0"},
		{"agentica-org/DeepCoder-14B-Preview", "mit"},
		{"tiiuae/falcon-180B-chat", "falcon-180b-tii"},
		{"CompVis/stable-diffusion-v1-4", "creativeml-openrail-m"},
		{"stabilityai/stable-diffusion-2-1", "openrail++"},
		{"stabilityai/stable-diffusion-xl-base-1.0", "openrail++"},
		{"stabilityai/stable-diffusion-3.5-large", "stabilityai-community"},
		{"stabilityai/sdxl-turbo", "stabilityai-nc-research-community"},
		{"black-forest-labs/FLUX.1-schnell", "apache-2.0"},
		{"black-forest-labs/FLUX.1-dev", "flux-1-dev-non-commercial"},
		{"01-ai/Yi-1.5-34B", "apache-2.0"},
		{"falcon3:7b", "tii-falcon-2.0"},
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
	for _, id := range []string{"", "someone/unknown-model", "unknownmodel:latest", "jmorgan/mario:latest", "lfm2:1.2b"} {
		if m := k.Model(id); m != nil {
			t.Errorf("Model(%q) = %s, want no match", id, m.ID)
		}
	}
}

// TestNewerReleases: names that fine-tuning configs (axolotl's examples,
// LLaMA-Factory's registry, Unsloth's mapper) use for 2025-2026 releases
// resolve, through copies and quantizations too, to the license of that
// checkpoint; a more specific pattern wins over its family's (Qwen2.5-VL 3B
// and 72B, Ministral 8B 2410, Devstral 2 123B); and families whose license
// fineprint does not describe stay unknown rather than borrow a neighbour's.
// TestLineageBySize: a family of fine-tunes gives each size the base
// weights of that size, so "built on" names the model it came from.
func TestLineageBySize(t *testing.T) {
	k := Default()
	for _, tt := range []struct{ id, base string }{
		{"lmsys/vicuna-7b-v1.3", "huggyllama/llama-7b"},
		{"lmsys/vicuna-13b-v1.3", "huggyllama/llama-13b"},
		{"lmsys/vicuna-33b-v1.3", "huggyllama/llama-30b"},
		{"lmsys/vicuna-13b-v1.5-16k", "meta-llama/Llama-2-13b-hf"},
		{"lmsys/longchat-13b-16k", "huggyllama/llama-13b"},
		{"timdettmers/guanaco-65b", "huggyllama/llama-65b"},
	} {
		if m := k.Model(tt.id); m == nil || m.Base != tt.base {
			t.Errorf("%s: got %+v, want base %s", tt.id, m, tt.base)
		}
	}
}

func TestNewerReleases(t *testing.T) {
	k := Default()
	for _, tt := range []struct{ id, license string }{
		{"Qwen/Qwen3.5-27B", "apache-2.0"},
		{"Qwen/Qwen3.5-35B-A3B-Base", "apache-2.0"},
		{"bartowski/Qwen3.5-9B-GGUF", "apache-2.0"},
		{"qwen3.5:9b", "apache-2.0"},
		{"Qwen/Qwen3-VL-8B-Instruct", "apache-2.0"},
		{"Qwen/Qwen3-Coder-30B-A3B-Instruct", "apache-2.0"},
		{"someone/Qwen2.5-VL-7B-Instruct-abliterated", "apache-2.0"},
		{"someone/Qwen2.5-VL-3B-Instruct-abliterated", "qwen-research"},
		{"someone/Qwen2.5-VL-72B-Instruct-abliterated", "qwen"},
		{"someone/Qwen2.5-Coder-3B-Instruct-abliterated", "qwen-research"},
		{"tiiuae/Falcon-H1-7B-Instruct", "tii-falcon-2.0"},
		{"tiiuae/Falcon3-7B-Instruct", "tii-falcon-2.0"},
		{"tiiuae/falcon-11B", "tii-falcon-2.0"},
		{"falcon2:11b", "tii-falcon-2.0"},
		{"tiiuae/falcon-7b", "apache-2.0"},
		{"mistralai/Ministral-3-8B-Instruct-2512", "apache-2.0"},
		{"unsloth/Ministral-3-3B-Reasoning-2512-bnb-4bit", "apache-2.0"},
		{"ministral-3:14b", "apache-2.0"},
		{"mistralai/Ministral-8B-Instruct-2410", "mrl"},
		{"axolotl-ai-co/Mistral-Small-4-119B-2603-BF16", "apache-2.0"},
		{"mistralai/Devstral-Small-2-24B-Instruct-2512", "apache-2.0"},
		{"devstral:24b", "apache-2.0"},
		{"mistral-community/pixtral-12b", "apache-2.0"},
		{"mistral-community/Codestral-22B-v0.1", "mnpl"},
		{"ai21labs/Jamba-v0.1", "apache-2.0"},
		{"ai21labs/AI21-Jamba-1.5-Large", "jamba-open-model"},
		{"ai21labs/AI21-Jamba-Mini-1.7", "jamba-open-model"},
		{"deepseek-ai/DeepSeek-V4-Flash", "mit"},
		{"baichuan-inc/Baichuan2-13B-Chat", "baichuan2-community"},
		{"baichuan-inc/Baichuan-13B-Chat", "baichuan-13b-community"},
		{"nvidia/DeepSeek-V4-Flash-NVFP4", "mit"},
		{"zai-org/GLM-4.7-Flash", "mit"},
		{"zai-org/GLM-5", "mit"},
		{"zai-org/chatglm3-6b", "chatglm3-6b"},
		{"OpenGVLab/InternVL3_5-8B-HF", "apache-2.0"},
		{"swiss-ai/Apertus-8B-Instruct-2509", "apache-2.0"},
		{"ByteDance-Seed/Seed-OSS-36B-Instruct", "apache-2.0"},
		{"baidu/ERNIE-4.5-VL-28B-A3B-PT", "apache-2.0"},
		{"moonshotai/Kimi-Linear-48B-A3B-Instruct", "mit"},
		{"arcee-ai/AFM-4.5B", "apache-2.0"},
		{"google/medgemma-4b-it", "health-ai-developer-foundations"},
		{"unsloth/medgemma-27b-text-it-unsloth-bnb-4bit", "health-ai-developer-foundations"},
		{"google/gemma-3-4b-it", "gemma"},
		{"axolotl-ai-co/gpt-oss-120b-dequantized", "apache-2.0"},
		{"casperhansen/llama-3-70b-fp16", "llama3"},
		{"unsloth/llama-3-8b-Instruct-bnb-4bit", "llama3"},
		{"huggyllama/llama-7b", "llama1"},
		{"nemotron:70b", "llama3.1"},
		{"neuralmagic/Sparse-Llama-3.1-8B-2of4", "llama3.1"},
		{"NousResearch/Hermes-3-Llama-3.1-70B", "llama3.1"},
		{"NousResearch/Llama-2-7b-hf", "llama2"},
		{"LnL-AI/dbrx-base-converted-v2", "databricks-open-model"},
		// Names InternLM/xtuner loads that were unknown, and the licenses
		// added with them.
		{"internlm/internlm-7b", "internlm-weights"},
		{"internlm/internlm-chat-20b", "internlm-weights"},
		{"internlm/internlm2-chat-1_8b-sft", "internlm-weights"},
		{"internlm/internlm2-20b", "internlm-weights"},
		{"internlm/internlm2_5-7b-chat", "internlm-weights"},
		{"Shanghai_AI_Laboratory/internlm2-chat-7b", "internlm-weights"},
		{"internlm/internlm3-8b-instruct", "apache-2.0"},
		{"internlm/POLAR-7B", "apache-2.0"},
		{"baichuan-inc/Baichuan-7B", "baichuan-7b"},
		{"baichuan-inc/Baichuan-13B-Base", "baichuan-13b-community"},
		{"baichuan-inc/Baichuan2-7B-Base", "baichuan2-community"},
		{"LiquidAI/LFM2-1.2B", "lfm1.0"},
		{"LiquidAI/LFM2.5-1.2B-Instruct", "lfm1.0"},
		{"unsloth/LFM2-1.2B-GGUF", "lfm1.0"},
		{"moonshotai/Kimi-K2-Instruct", "kimi-k2-modified-mit"},
		{"moonshotai/Kimi-K2-Base", "kimi-k2-modified-mit"},
		{"moonshotai/Kimi-VL-A3B-Instruct", "mit"},
		{"mistralai/Devstral-2-123B-Instruct-2512", "mistral-modified-mit"},
		{"devstral-2:123b", "mistral-modified-mit"},
		{"mistralai/Devstral-Small-2-24B-Instruct-2512", "apache-2.0"},
		{"AI-ModelScope/Mistral-7B-v0.1", "apache-2.0"},
		{"AI-ModelScope/c4ai-command-r-plus", "cc-by-nc-4.0"},
		// Nemotron-Mini's card names the NVIDIA Community Model License,
		// not the Open Model License of the other Nemotron models: the id
		// resolves to that name, which fineprint reports as unknown.
		{"nvidia/Nemotron-Mini-4B-Instruct", "nvidia-community-model-license"},
		{"nemotron-mini:4b", "nvidia-community-model-license"},
		{"nvidia/NVIDIA-Nemotron-Nano-9B-v2", "nvidia-open-model"},
	} {
		got := ""
		if m, ok := k.ResolveModel(tt.id); ok {
			got = m.Model.License
		}
		if got != tt.license {
			t.Errorf("ResolveModel(%q) = %q, want %q", tt.id, got, tt.license)
		}
	}
	for _, id := range []string{
		"LGAI-EXAONE/EXAONE-4.0-32B", // EXAONE AI Model License
		"arcee-ai/AFM-4.5B-Preview",  // gated preview, other terms
		"Mapika/GLM-5.2-NVFP4",       // no GLM-5.2 release to source
		// MiniCPM-1B and 2B moved from OpenBMB's General Model License to
		// the MiniCPM Model License and then to Apache-2.0 (README,
		// 2024-02, 2024-06, 2025-06); no source settles one license for
		// these checkpoints.
		"openbmb/MiniCPM-2B-sft-bf16",
		"openbmb/MiniCPM-1B-sft-bf16",
		"internlm/internlm-xcomposer2-7b", // InternLM-XComposer: its own cards, not read
		"internlm/internlm2-math-7b",      // InternLM2-Math: its own cards, not read
		"moonshotai/Kimi-K2.5",            // not the Kimi K2 LICENSE read
		"AI-ModelScope/unknown-model",     // a mirror of nothing fineprint knows
	} {
		if m, ok := k.ResolveModel(id); ok {
			t.Errorf("ResolveModel(%q) = %s (%s), want unknown", id, m.Model.ID, m.Model.License)
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
