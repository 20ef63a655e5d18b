package manifest

import "testing"

// TestParseConfig: configs recognised by their keys (axolotl, TRL recipes,
// mergekit, TOML, JSON, compose), command lines in them, and what is not a
// dependency (comments, output targets, hosted API names, local paths).
func TestParseConfig(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"axolotl", "base_model: NousResearch/Llama-2-7b-hf\nmodel_type: LlamaForCausalLM\ntokenizer_type: LlamaTokenizer\n" +
			"# base_model: commented/out\nhub_model_id: me/my-finetune\noutput_dir: ./out\n",
			[]string{"base_model hub NousResearch/Llama-2-7b-hf [NousResearch/Llama-2-7b-hf]"}},
		{"TRL recipe", "# Model arguments\nmodel_name_or_path: \"Qwen/Qwen2.5-1.5B-Instruct\"  # the base\ntorch_dtype: bfloat16\n",
			[]string{"model_name_or_path hub Qwen/Qwen2.5-1.5B-Instruct [Qwen/Qwen2.5-1.5B-Instruct]"}},
		{"mergekit", "models:\n  - model: mistralai/Mistral-7B-v0.1\n  - model: teknium/OpenHermes-2.5-Mistral-7B\n    parameters:\n      weight: 0.5\n" +
			"merge_method: ties\nbase_model: mistralai/Mistral-7B-v0.1\n",
			[]string{"model hub mistralai/Mistral-7B-v0.1 [mistralai/Mistral-7B-v0.1]", "model hub teknium/OpenHermes-2.5-Mistral-7B [teknium/OpenHermes-2.5-Mistral-7B]",
				"base_model hub mistralai/Mistral-7B-v0.1 [mistralai/Mistral-7B-v0.1]"}},
		{"TOML", "[model]\nmodel = \"google/gemma-2-2b-it\"\nlearning_rate = 2e-5\n",
			[]string{"model hub google/gemma-2-2b-it [google/gemma-2-2b-it]"}},
		{"JSON", "{\n  \"model_name_or_path\": \"EleutherAI/pythia-160m\",\n  \"output_dir\": \"org/out\",\n  \"model\": \"openai/gpt-4o\"\n}\n",
			[]string{"model_name_or_path hub EleutherAI/pythia-160m [EleutherAI/pythia-160m]"}},
		{"compose", "services:\n  tgi:\n    image: ghcr.io/huggingface/text-generation-inference:2.4\n" +
			"    command: --model-id HuggingFaceH4/zephyr-7b-beta --num-shard 1\n" +
			"    environment:\n      - MODEL_ID=meta-llama/Llama-3.1-8B-Instruct\n" +
			"  vllm:\n    command: [\"--model\", \"Qwen/Qwen2.5-7B-Instruct\"]\n" +
			"    args:\n      - --tokenizer\n      - mistralai/Mistral-7B-Instruct-v0.3\n" +
			"  llm:\n    environment:\n      MODEL: ./models/local\n",
			[]string{"--model-id hub HuggingFaceH4/zephyr-7b-beta [HuggingFaceH4/zephyr-7b-beta]",
				"MODEL_ID hub meta-llama/Llama-3.1-8B-Instruct [meta-llama/Llama-3.1-8B-Instruct]",
				"--model hub Qwen/Qwen2.5-7B-Instruct [Qwen/Qwen2.5-7B-Instruct]",
				"--tokenizer hub mistralai/Mistral-7B-Instruct-v0.3 [mistralai/Mistral-7B-Instruct-v0.3]"}},
		{"TRL CLI", "model_name_or_path:\n  Qwen/Qwen2.5-0.5B\ndataset_name:\n  stanfordnlp/imdb\nmodel:\n  name: x\n",
			[]string{"model_name_or_path hub Qwen/Qwen2.5-0.5B [Qwen/Qwen2.5-0.5B]"}},
		{"key suffixes", "model: google/gemma-4-E4B-it\nspeculative_draft_model_path: google/gemma-4-E4B-it-assistant\nhub_model_id: me/out\nserved_model_name: acme/chat\n",
			[]string{"model hub google/gemma-4-E4B-it [google/gemma-4-E4B-it]",
				"speculative_draft_model_path hub google/gemma-4-E4B-it-assistant [google/gemma-4-E4B-it-assistant]"}},
		{"env file", "HF_TOKEN=hf_secret\nMODEL_ID=meta-llama/Llama-3.1-8B-Instruct\n# MODEL_ID=commented/out\nPORT=8080\n",
			[]string{"MODEL_ID hub meta-llama/Llama-3.1-8B-Instruct [meta-llama/Llama-3.1-8B-Instruct]"}},
		{"no model", "name: ci\non: push\n", nil},
	} {
		wantRefs(t, c.name, c.src, ParseConfig([]byte(c.src)), c.want)
	}
}

// TestParseScript: transformers.js pipelines, Ollama and LangChain clients
// in JavaScript and TypeScript; comments and hosted API names are not
// models.
func TestParseScript(t *testing.T) {
	src := "import { pipeline, AutoTokenizer } from '@huggingface/transformers';\n" +
		"import ollama from 'ollama';\n" +
		"// const old = await pipeline('sentiment-analysis', 'commented/out');\n" +
		"const classifier = await pipeline('sentiment-analysis', 'Xenova/distilbert-base-uncased-finetuned-sst-2-english');\n" +
		"const model_id = \"onnx-community/Qwen2.5-0.5B-Instruct\";\n" +
		"const tok = await AutoTokenizer.from_pretrained(model_id);\n" +
		"const res = await ollama.chat({ model: 'llama3.2', messages });\n" +
		"const llm = new ChatOllama({ model: \"qwen2.5:7b\", temperature: 0 });\n" +
		"const openai = new OpenAI(); await openai.chat.completions.create({ model: 'gpt-4o' });\n" +
		"const t = pipeline('text-generation', `${org}/model`);\n" +
		"export const MODELS = [{ id: \"HuggingFaceTB/SmolLM2-360M-Instruct\", name: \"SmolLM2\" }, { id: \"user-42\" }];\n" +
		"class P {\n  static model_id = \"Xenova/speecht5_tts\";\n  load() { return AutoTokenizer.from_pretrained(this.model_id, { x }); }\n}\n"
	want := []string{
		"pipeline hub Xenova/distilbert-base-uncased-finetuned-sst-2-english [Xenova/distilbert-base-uncased-finetuned-sst-2-english]",
		"from_pretrained hub onnx-community/Qwen2.5-0.5B-Instruct [onnx-community/Qwen2.5-0.5B-Instruct]",
		"model ollama llama3.2:latest [llama3.2]",
		"model ollama qwen2.5:7b [qwen2.5:7b]",
		"id hub HuggingFaceTB/SmolLM2-360M-Instruct [HuggingFaceTB/SmolLM2-360M-Instruct]",
		"from_pretrained hub Xenova/speecht5_tts [Xenova/speecht5_tts]",
	}
	wantRefs(t, "script", src, ParseScript([]byte(src)), want)
}

// TestParseConfigTorchtuneAndLocal: a torchtune checkpointer's folder is
// the model its `tune download` fetched; folders of the project are not
// Hub ids.
func TestParseConfigTorchtuneAndLocal(t *testing.T) {
	src := "# tune download meta-llama/Llama-3.2-1B-Instruct --output-dir /tmp/Llama-3.2-1B-Instruct\n" +
		"tokenizer:\n  _component_: torchtune.models.llama3.llama3_tokenizer\n  path: /tmp/Llama-3.2-1B-Instruct/original/tokenizer.model\n" +
		"checkpointer:\n  checkpoint_dir: /tmp/Other-Model/\n" +
		"model_name_or_path: models/Llama-2-7b\nservingEngineSpec:\n  modelSpec:\n  - modelURL: \"facebook/opt-125m\"\n"
	want := []string{
		"torchtune hub meta-llama/Llama-3.2-1B-Instruct [Llama-3.2-1B-Instruct]",
		"modelURL hub facebook/opt-125m [facebook/opt-125m]",
	}
	wantRefs(t, "torchtune", src, ParseConfig([]byte(src)), want)
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("base_model: a/b\nmodels:\n  - model: c/d\ncommand: [\"--model\", \"e/f\"]\n"))
	f.Add([]byte("{\"model_name_or_path\": \"a/b\", \"x\": [1, 2]}\n"))
	f.Add([]byte("# tune download a/B --output-dir /tmp/B\ncheckpoint_dir: /tmp/B/\nmodel_name_or_path:\n  c/d\n"))
	f.Add([]byte("OLLAMA_HOST=x\nLLM=${LLM:-llama2}\nGEN_MODEL=qwen3:8b\nollama:\n  models:\n    pull:\n      - moondream\nckpt_path: c/svd.safetensors\nversion: laion2b_s32b_b79k\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		refs := ParseConfig(src)
		checkRefs(t, src, refs)
		for _, r := range refs {
			if string(src[r.Start:r.End]) != r.Text || r.Kind == HubID && !IsHubID(r.ID) {
				t.Fatalf("ref %+v: range holds %q", r, src[r.Start:r.End])
			}
		}
	})
}

func FuzzParseScript(f *testing.F) {
	f.Add([]byte("const p = await pipeline('x', 'a/b'); ollama.chat({ model: 'llama3.2' })\n"))
	f.Add([]byte("/* c */ const m = `a/${b}`; AutoModel.from_pretrained(m) // d\n"))
	f.Add([]byte("const DEFAULT_MODEL = 'qwen3:8b'; // ollama\nconst models = { 'a/b': [1], x: ['c/d'] };\nconst c = 'svd.safetensors';\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		refs := ParseScript(src)
		checkRefs(t, src, refs)
		for _, r := range refs {
			if string(src[r.Start:r.End]) != r.Text {
				t.Fatalf("ref %+v: range holds %q", r, src[r.Start:r.End])
			}
		}
	})
}
