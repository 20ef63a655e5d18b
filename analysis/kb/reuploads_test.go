package kb

import (
	"strings"
	"testing"
)

// TestReuploadRules: each organisation and each suffix rule resolves a
// copy to its original, with the original's license.
func TestReuploadRules(t *testing.T) {
	tests := []struct{ id, original, license string }{
		// Organisations.
		{"unsloth/Llama-3.2-1B-Instruct", "meta-llama/Llama-3.2-1B-Instruct", "llama3.2"},
		{"TheBloke/Mistral-7B-Instruct-v0.2-GGUF", "mistralai/Mistral-7B-Instruct-v0.2", "apache-2.0"},
		{"bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", "meta-llama/Meta-Llama-3.1-8B-Instruct", "llama3.1"},
		{"mlx-community/Qwen2.5-7B-Instruct-4bit", "Qwen/Qwen2.5-7B-Instruct", "apache-2.0"},
		{"lmstudio-community/gemma-2-9b-it-GGUF", "google/gemma-2-9b-it", "gemma"},
		{"QuantFactory/Meta-Llama-3-8B-Instruct-GGUF", "meta-llama/Meta-Llama-3-8B-Instruct", "llama3"},
		{"MaziyarPanahi/Qwen2.5-72B-Instruct-GGUF", "Qwen/Qwen2.5-72B-Instruct", "qwen"},
		{"second-state/Llama-3.2-3B-Instruct-GGUF", "meta-llama/Llama-3.2-3B-Instruct", "llama3.2"},
		{"mradermacher/Qwen2.5-3B-Instruct-i1-GGUF", "Qwen/Qwen2.5-3B-Instruct", "qwen-research"},
		{"ggml-org/gemma-3-1b-it-GGUF", "google/gemma-3-1b-it", "gemma"},
		{"hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4", "meta-llama/Meta-Llama-3.1-8B-Instruct", "llama3.1"},
		{"RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic", "meta-llama/Llama-3.3-70B-Instruct", "llama3.3"},
		{"neuralmagic/Mistral-Nemo-Instruct-2407-FP8", "mistralai/Mistral-Nemo-Instruct-2407", "apache-2.0"},
		{"casperhansen/mixtral-instruct-awq", "mistralai/mixtral-instruct", "apache-2.0"},
		{"turboderp/Mistral-Large-Instruct-2407-exl2", "mistralai/Mistral-Large-Instruct-2407", "mrl"},
		{"LoneStriker/gemma-2-27b-it-GGUF", "google/gemma-2-27b-it", "gemma"},
		{"solidrust/Phi-3-mini-4k-instruct-AWQ", "microsoft/Phi-3-mini-4k-instruct", "mit"},
		{"NousResearch/Llama-2-7b-hf", "meta-llama/Llama-2-7b-hf", "llama2"},
		{"onnx-community/Qwen2.5-0.5B-Instruct", "Qwen/Qwen2.5-0.5B-Instruct", "apache-2.0"},
		{"Xenova/whisper-tiny.en", "openai/whisper-tiny.en", "apache-2.0"},
		{"OpenVINO/Phi-3.5-mini-instruct-int4-ov", "microsoft/Phi-3.5-mini-instruct", "mit"},
		{"ModelCloud/gemma-2-9b-it-gptq-4bit", "google/gemma-2-9b-it", "gemma"},
		{"TechxGenus/Mistral-Large-Instruct-2407-AWQ", "mistralai/Mistral-Large-Instruct-2407", "mrl"},
		{"lmstudio-ai/gemma-2b-it-GGUF", "google/gemma-2b-it", "gemma"},
		{"ZhipuAI/chatglm3-6b", "THUDM/chatglm3-6b", "chatglm3-6b"},
		{"LLM-Research/Meta-Llama-3-8B-Instruct", "meta-llama/Meta-Llama-3-8B-Instruct", "llama3"},
		{"AI-ModelScope/Mistral-7B-v0.1", "mistralai/Mistral-7B-v0.1", "apache-2.0"},
		{"Shanghai_AI_Laboratory/internlm2_5-7b-chat", "internlm/internlm2_5-7b-chat", "internlm-weights"},
		// ModelScope's folder names write "." as "___": the licensor's own
		// id, and a re-upload organisation's.
		{"Qwen/Qwen2___5-7B-Instruct", "Qwen/Qwen2.5-7B-Instruct", "apache-2.0"},
		{"AI-ModelScope/Llama-3___2-3B-Instruct", "meta-llama/Llama-3.2-3B-Instruct", "llama3.2"},
		{"LLM-Research/Meta-Llama-3___1-8B-Instruct", "meta-llama/Meta-Llama-3.1-8B-Instruct", "llama3.1"},
		// Underscores that are not ModelScope's dots stay as written.
		{"someone/my___model", "", ""},
		// A copy whose name only looks like another family's: Llama 3, not
		// the LLaMA v1 mirror huggyllama/llama-* (which holds 7b to 65b only).
		{"casperhansen/llama-3-70b-fp16", "", ""},
		// Suffixes on their own, under an organisation not listed.
		{"someone/Llama-3.2-1B-Instruct-Q4_K_M-GGUF", "meta-llama/Llama-3.2-1B-Instruct", "llama3.2"},
		{"someone/FLUX.1-dev-gguf", "black-forest-labs/FLUX.1-dev", "flux-1-dev-non-commercial"},
		{"someone/Llama-2-7B-GGML", "meta-llama/Llama-2-7B", "llama2"},
		{"someone/Qwen2.5-7B-Instruct-GPTQ-Int4", "Qwen/Qwen2.5-7B-Instruct", "apache-2.0"},
		{"someone/Mistral-7B-v0.1-hqq-4bit", "mistralai/Mistral-7B-v0.1", "apache-2.0"},
		{"someone/Mixtral-8x7B-Instruct-v0.1-AQLM-2Bit-1x16", "mistralai/Mixtral-8x7B-Instruct-v0.1", "apache-2.0"},
		{"unsloth/Llama-3.2-1B-Instruct-bnb-4bit", "meta-llama/Llama-3.2-1B-Instruct", "llama3.2"},
		{"unsloth/Qwen2.5-7B-Instruct-unsloth-bnb-4bit", "Qwen/Qwen2.5-7B-Instruct", "apache-2.0"},
		{"someone/gemma-3-4b-it-8bit", "google/gemma-3-4b-it", "gemma"},
		{"someone/Llama-3.2-3B-Instruct-MLX", "meta-llama/Llama-3.2-3B-Instruct", "llama3.2"},
		{"someone/Mistral-Small-24B-Instruct-2501-NVFP4", "mistralai/Mistral-Small-24B-Instruct-2501", "apache-2.0"},
		{"someone/Meta-Llama-3.1-8B-Instruct-quantized.w4a16", "meta-llama/Meta-Llama-3.1-8B-Instruct", "llama3.1"},
		{"someone/Phi-3-mini-4k-instruct-onnx", "microsoft/Phi-3-mini-4k-instruct", "mit"},
		{"someone/gemma-2-2b-it-openvino", "google/gemma-2-2b-it", "gemma"},
		{"v2ray/stable-diffusion-3-medium-diffusers", "stabilityai/stable-diffusion-3-medium", "stabilityai-community"},
		{"unsloth/gpt-oss-20b-unsloth", "openai/gpt-oss-20b", "apache-2.0"},
		{"unsloth/DeepSeek-R1-Distill-Llama-8B-unsloth-dynamic", "deepseek-ai/DeepSeek-R1-Distill-Llama-8B", "llama3.1"},
	}
	k := Default()
	for _, tt := range tests {
		m, ok := k.ResolveModel(tt.id)
		if tt.original == "" {
			if ok && m.ByNameRule {
				t.Errorf("ResolveModel(%q) = re-upload of %s, want none", tt.id, m.Original)
			}
			continue
		}
		if !ok || !m.ByNameRule || m.Original != tt.original || m.Model.License != tt.license {
			t.Errorf("ResolveModel(%q) = %+v, %v; want a re-upload of %s under %s", tt.id, m, ok, tt.original, tt.license)
		}
	}
	// Every rule is exercised above.
	for _, o := range k.Reuploads.Orgs {
		if !strings.Contains(testIDs(tests), o.Org+"/") {
			t.Errorf("organisation %s has no test", o.Org)
		}
	}
	for _, s := range k.Reuploads.Suffixes {
		found := false
		for _, tt := range tests {
			if m, ok := k.ResolveModel(tt.id); ok && tt.original != "" {
				for _, applied := range m.Suffixes {
					found = found || applied.Pattern == s.Pattern
				}
			}
		}
		if !found {
			t.Errorf("suffix %q has no test", s.Pattern)
		}
	}
}

func testIDs(tests []struct{ id, original, license string }) string {
	var b strings.Builder
	for _, tt := range tests {
		b.WriteString(tt.id + " ")
	}
	return b.String()
}

// TestResolveModelPrefersTheLicensor: the licensor's own repositories and
// entries are direct matches, not re-uploads; an id no rule reaches stays
// unknown.
func TestResolveModelPrefersTheLicensor(t *testing.T) {
	k := Default()
	for _, id := range []string{"Qwen/Qwen2.5-7B-Instruct-GGUF", "meta-llama/Llama-3.2-1B-Instruct", "decapoda-research/llama-7b-hf", "tloen/alpaca-lora-7b"} {
		m, ok := k.ResolveModel(id)
		if !ok || m.ByNameRule {
			t.Errorf("ResolveModel(%q) = %+v, %v; want a direct entry", id, m, ok)
		}
	}
	for _, id := range []string{"unsloth/unknown-thing-bnb-4bit", "someone/my-finetune-GGUF", "someone/model"} {
		if m, ok := k.ResolveModel(id); ok {
			t.Errorf("ResolveModel(%q) = %s, want unknown", id, m.Model.ID)
		}
	}
	m, _ := k.ResolveModel("unsloth/Llama-3.2-1B-Instruct-bnb-4bit")
	want := `unsloth/Llama-3.2-1B-Instruct-bnb-4bit is a re-upload of meta-llama/Llama-3.2-1B-Instruct (unsloth publishes Unsloth's copies and 4-bit quantizations of other models; "-bnb-4bit" marks a bitsandbytes 4- or 8-bit quantization), under meta-llama/Llama-3.2-1B-Instruct's license.`
	if got := m.Describe("unsloth/Llama-3.2-1B-Instruct-bnb-4bit"); got != want {
		t.Errorf("Describe =\n%s\nwant\n%s", got, want)
	}
}

// TestWiderModelTable: one id per family of the wider table.
func TestWiderModelTable(t *testing.T) {
	tests := []struct{ id, license string }{
		{"decapoda-research/llama-7b-hf", "llama1"},
		{"tloen/alpaca-lora-7b", "llama1"},
		{"lmsys/vicuna-7b-v1.5", "llama2"},
		{"lmsys/vicuna-13b-v1.3", "llama1"},
		{"EleutherAI/pythia-410m", "apache-2.0"},
		{"EleutherAI/gpt-j-6b", "apache-2.0"},
		{"EleutherAI/gpt-neo-125m", "mit"},
		{"facebook/opt-350m", "opt-175b"},
		{"bigscience/bloomz-560m", "bigscience-bloom-rail-1.0"},
		{"tiiuae/falcon-180B", "falcon-180b-tii"},
		{"mosaicml/mpt-7b-chat", "cc-by-nc-sa-4.0"},
		{"HuggingFaceTB/SmolLM2-135M-Instruct", "apache-2.0"},
		{"allenai/OLMo-2-1124-7B", "apache-2.0"},
		{"ibm-granite/granite-3.3-2b-instruct", "apache-2.0"},
		{"nvidia/parakeet-tdt-0.6b-v2", "cc-by-4.0"},
		{"THUDM/chatglm3-6b", "chatglm3-6b"},
		{"CohereLabs/aya-expanse-8b", "cc-by-nc-4.0"},
		{"stabilityai/stable-diffusion-xl-base-1.0", "openrail++"},
		{"black-forest-labs/FLUX.1-schnell", "apache-2.0"},
		{"openai/whisper-large-v3", "apache-2.0"},
		{"openai/clip-vit-base-patch32", "mit"},
		{"laion/CLIP-ViT-H-14-laion2B-s32B-b79K", "mit"},
		{"BAAI/bge-small-en-v1.5", "mit"},
		{"intfloat/e5-large-v2", "mit"},
		{"thenlper/gte-large", "mit"},
		{"sentence-transformers/all-MiniLM-L6-v2", "apache-2.0"},
		{"Ultralytics/YOLOv8", "agpl-3.0"},
		{"facebook/sam-vit-huge", "apache-2.0"},
		{"facebook/dinov2-base", "apache-2.0"},
		{"coqui/XTTS-v2", "coqui-cpml"},
		{"2Noise/ChatTTS", "cc-by-nc-4.0"},
		{"openai/gpt-oss-20b", "apache-2.0"},
		{"google/gemma-3n-E4B-it", "gemma"},
		{"microsoft/phi-2", "mit"},
		{"01-ai/Yi-34B", "apache-2.0"},
		{"smollm2:135m", "apache-2.0"},
		{"vicuna:7b", "llama2"},
	}
	k := Default()
	for _, tt := range tests {
		m, ok := k.ResolveModel(tt.id)
		if !ok || m.Model.License != tt.license {
			t.Errorf("ResolveModel(%q) = %+v, %v; want %s", tt.id, m.Model, ok, tt.license)
		}
	}
}
