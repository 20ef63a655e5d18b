package manifest

import "testing"

func TestParseShell(t *testing.T) {
	src := "#!/usr/bin/env bash\n" +
		"set -euo pipefail\n" +
		"# hf download commented/out\n" +
		"hf download meta-llama/Llama-3.1-8B-Instruct --local-dir ./models/llama\n" +
		"huggingface-cli download --resume-download \\\n" +
		"  \"Qwen/Qwen2.5-7B-Instruct\" \\\n" +
		"  --local-dir ./qwen --exclude '*.bin'\n" +
		"uvx hf download --repo-type model --revision main google/gemma-2-9b config.json && echo done\n" +
		"HF_TOKEN=x ~/.local/bin/hf download 'stabilityai/sdxl-turbo'; hf download gpt2 onnx/model.onnx\n" +
		"hf download HuggingFaceH4/ultrachat_200k --repo-type dataset\n" +
		"hf download --repo-type=space gradio/hello\n" +
		"hf download $MODEL_ID\n" +
		"hf download \"${ORG}/name\"\n" +
		"hf download org/\"split\"\n" +
		"out=$(hf download hf://mistralai/Mistral-7B-v0.1@main/config.json)\r\n" +
		"hf download hf://datasets/HuggingFaceM4/FineVision\n" +
		"huggingface-cli download --include \"*.json\" \"*.safetensors\" deepseek-ai/DeepSeek-R1\n" +
		"echo 'hf download not/a-command'\n"
	want := []string{
		"download hub meta-llama/Llama-3.1-8B-Instruct [meta-llama/Llama-3.1-8B-Instruct]",
		"download hub Qwen/Qwen2.5-7B-Instruct [Qwen/Qwen2.5-7B-Instruct]",
		"download hub google/gemma-2-9b [google/gemma-2-9b]",
		"download hub stabilityai/sdxl-turbo [stabilityai/sdxl-turbo]",
		"download hub mistralai/Mistral-7B-v0.1 [mistralai/Mistral-7B-v0.1]",
		"download hub deepseek-ai/DeepSeek-R1 [deepseek-ai/DeepSeek-R1]",
	}
	wantRefs(t, "script", src, ParseShell([]byte(src)), want)
}

// TestParseShellDockerfileAndMakefile: RUN lines continued over several
// lines, and Makefile recipes with "@" and make variables.
func TestParseShellDockerfileAndMakefile(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"Dockerfile", "FROM python:3.12-slim\r\n" +
			"RUN pip install -U huggingface_hub \\\r\n" +
			" && hf download \\\r\n" +
			"    black-forest-labs/FLUX.1-schnell --local-dir /models/flux\r\n" +
			"CMD [\"python\", \"serve.py\"]\r\n",
			[]string{"download hub black-forest-labs/FLUX.1-schnell [black-forest-labs/FLUX.1-schnell]"}},
		{"Makefile", "MODEL ?= meta-llama/Llama-3.2-1B\n" +
			"weights:\n" +
			"\t@hf download $(MODEL)\n" +
			"\t-huggingface-cli download microsoft/phi-4 --local-dir weights/phi\n",
			[]string{"download hub microsoft/phi-4 [microsoft/phi-4]"}},
		{"Dockerfile exec form", "FROM python:3.12\nRUN [\"hf\", \"download\", \"Qwen/Qwen2.5-7B-Instruct\", \"--local-dir\", \"/m\"]\n" +
			"RUN echo [x,y] && hf download org/in-shell-form\n",
			[]string{"download hub Qwen/Qwen2.5-7B-Instruct [Qwen/Qwen2.5-7B-Instruct]", "download hub org/in-shell-form [org/in-shell-form]"}},
		{"GitHub Actions workflow", "jobs:\n  test:\n    steps:\n      - run: pip install -U huggingface_hub\n" +
			"      - name: Fetch the model\n        run: |\n          hf download meta-llama/Llama-3.2-1B --local-dir models\n" +
			"      - run: hf download ${{ matrix.model }}\n",
			[]string{"download hub meta-llama/Llama-3.2-1B [meta-llama/Llama-3.2-1B]"}},
		{"ollama", "ollama serve &\nollama pull llama3.2\nollama run --verbose qwen2.5:7b \"Why is the sky blue?\"\n" +
			"ollama run hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M\nollama run ./local.gguf\nollama pull $MODEL\n",
			[]string{"ollama pull ollama llama3.2:latest [llama3.2]", "ollama run ollama qwen2.5:7b [qwen2.5:7b]",
				"ollama run hub bartowski/Llama-3.2-1B-Instruct-GGUF [hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M]"}},
		{"URLs", "wget -q https://huggingface.co/TheBloke/Llama-2-7B-GGUF/resolve/main/llama-2-7b.Q4_K_M.gguf -O m.gguf\n" +
			"curl -L -o flux.safetensors \"https://huggingface.co/black-forest-labs/FLUX.1-dev/resolve/main/flux1-dev.safetensors?download=true\"\n" +
			"git clone https://huggingface.co/meta-llama/Llama-3.1-8B.git weights\n" +
			"git clone https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k\n" +
			"curl https://huggingface.co/docs/hub/index\ncurl https://huggingface.co/api/models/org/name\n" +
			"echo https://huggingface.co/not/fetched\n",
			[]string{"wget hub TheBloke/Llama-2-7B-GGUF [TheBloke/Llama-2-7B-GGUF]",
				"curl hub black-forest-labs/FLUX.1-dev [black-forest-labs/FLUX.1-dev]",
				"git hub meta-llama/Llama-3.1-8B [meta-llama/Llama-3.1-8B]"}},
		{"byte order mark", "\xef\xbb\xbfhf download org/after-bom\n", []string{"download hub org/after-bom [org/after-bom]"}},
		{"no download at all", "echo hello\n", nil},
		{"a lone command word", "hf download", nil},
		{"an unterminated quote", "hf download \"org/name", nil},
	} {
		wantRefs(t, c.name, c.src, ParseShell([]byte(c.src)), c.want)
	}
}

func FuzzParseShell(f *testing.F) {
	f.Add([]byte("hf download a/b --local-dir x\nhuggingface-cli download \\\n 'c/d'\n"))
	f.Add([]byte("RUN hf download hf://models/e/f@v1/g.json; x=$(hf download \"g/h\")\r\n"))
	f.Add([]byte("ollama pull llama3.2 && ollama run --format json hf.co/a/b:Q4 hi\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		refs := ParseShell(src)
		checkRefs(t, src, refs)
		for _, r := range refs {
			if string(src[r.Start:r.End]) != r.Text || r.Kind == HubID && !IsHubID(r.ID) {
				t.Fatalf("ref %+v: range holds %q", r, src[r.Start:r.End])
			}
		}
	})
}

// TestParseShellOptionsAndServers: model options of training scripts and
// servers, `vllm serve`, variables assigned earlier, and what is not a
// model (hosted API names, local paths, output options).
func TestParseShellOptionsAndServers(t *testing.T) {
	src := "#!/bin/bash\n" +
		"MODEL=meta-llama/Llama-2-7b-hf\n" +
		"export TOKENIZER=\"huggyllama/llama-7b\"\n" +
		"python qlora.py --model_name_or_path $MODEL --tokenizer ${TOKENIZER} --output_dir ./out --hub_model_id me/mine\n" +
		"accelerate launch train.py --model-name=Qwen/Qwen2.5-7B-Instruct --base_model 'decapoda-research/llama-7b-hf'\n" +
		"vllm serve mistralai/Mistral-7B-Instruct-v0.3 --port 8000\n" +
		"text-generation-launcher --model-id HuggingFaceH4/zephyr-7b-beta --num-shard 1\n" +
		"python -m sglang.launch_server --model-path Qwen/Qwen2.5-0.5B-Instruct\n" +
		"llama-server -hf bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M\n" +
		"mlx_lm.generate --model mlx-community/Mistral-7B-Instruct-v0.3-4bit --prompt hi\n" +
		"lmdeploy serve api_server internlm/internlm3-8b-instruct\n" +
		"python eval.py --model gpt-4o --model openai/gpt-4o --model anthropic/claude-3-opus --model ./checkpoints/last\n" +
		"python eval.py --model $UNSET\n" +
		"# python train.py --model_name_or_path commented/out\n"
	want := []string{
		"--model_name_or_path hub meta-llama/Llama-2-7b-hf [meta-llama/Llama-2-7b-hf]",
		"--tokenizer hub huggyllama/llama-7b [huggyllama/llama-7b]",
		"--model-name hub Qwen/Qwen2.5-7B-Instruct [Qwen/Qwen2.5-7B-Instruct]",
		"--base_model hub decapoda-research/llama-7b-hf [decapoda-research/llama-7b-hf]",
		"vllm serve hub mistralai/Mistral-7B-Instruct-v0.3 [mistralai/Mistral-7B-Instruct-v0.3]",
		"--model-id hub HuggingFaceH4/zephyr-7b-beta [HuggingFaceH4/zephyr-7b-beta]",
		"--model-path hub Qwen/Qwen2.5-0.5B-Instruct [Qwen/Qwen2.5-0.5B-Instruct]",
		"-hf hub bartowski/Llama-3.2-3B-Instruct-GGUF [bartowski/Llama-3.2-3B-Instruct-GGUF]",
		"--model hub mlx-community/Mistral-7B-Instruct-v0.3-4bit [mlx-community/Mistral-7B-Instruct-v0.3-4bit]",
		"lmdeploy serve api_server hub internlm/internlm3-8b-instruct [internlm/internlm3-8b-instruct]",
	}
	wantRefs(t, "options", src, ParseShell([]byte(src)), want)
}
