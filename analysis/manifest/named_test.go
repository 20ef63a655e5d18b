package manifest

import "testing"

// TestNamedConfigValues: env files, compose defaults and Helm values name
// models by the key that holds them: *_MODEL and LLM keys in any case,
// ${VAR:-default} defaults, Ollama names where the file uses Ollama, an
// Ollama chart's pull/run lists; hosted providers' keys and selectors are
// not models.
func TestNamedConfigValues(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"env file with Ollama", "OLLAMA_HOST=http://localhost:11434\nGENERATION_MODEL=qwen3.5:9b\nRERANKER_MODEL=Qwen/Qwen3-Reranker-4B\n" +
			"EMBEDDING_MODEL=sentence_transformer\nWATSONX_GENERATION_MODEL=ibm/granite-13b-chat-v2\nLLM=llama2 #or gpt-4\nJUDGE_MODEL=gpt-4o\n",
			[]string{"GENERATION_MODEL ollama qwen3.5:9b [qwen3.5:9b]", "RERANKER_MODEL hub Qwen/Qwen3-Reranker-4B [Qwen/Qwen3-Reranker-4B]",
				"LLM ollama llama2:latest [llama2]"}},
		{"env file without Ollama", "GENERATION_MODEL=qwen3.5:9b\nEMBEDDING_MODEL=BAAI/bge-m3\n",
			[]string{"EMBEDDING_MODEL hub BAAI/bge-m3 [BAAI/bge-m3]"}},
		{"OLLAMA_MODEL key", "OLLAMA_MODEL=phi3:mini\n", []string{"OLLAMA_MODEL ollama phi3:mini [phi3:mini]"}},
		{"compose defaults", "services:\n  api:\n    environment:\n      - OLLAMA_BASE_URL=${OLLAMA_BASE_URL-http://llm:11434}\n" +
			"      - LLM=${LLM-llama2}\n      - EMBEDDING_MODEL=${EMBEDDING_MODEL:-BAAI/bge-small-en-v1.5}\n      - PORT=${PORT:-8080}\n" +
			"      # - MODEL=${MODEL:-commented/out}\n",
			[]string{"LLM ollama llama2:latest [llama2]", "EMBEDDING_MODEL hub BAAI/bge-small-en-v1.5 [BAAI/bge-small-en-v1.5]"}},
		{"Ollama Helm values", "ollama:\n  gpu:\n    enabled: false\n  models:\n    pull:\n      - moondream\n      - llama3.2:1b\n    run:\n      - moondream\n" +
			"ingress:\n  hosts:\n    - chart-example.local\n",
			[]string{"pull ollama moondream:latest [moondream]", "pull ollama llama3.2:1b [llama3.2:1b]", "run ollama moondream:latest [moondream]"}},
		{"pull list without Ollama", "steps:\n  pull:\n    - moondream\n", nil},
	} {
		wantRefs(t, c.name, c.src, ParseConfig([]byte(c.src)), c.want)
	}
}

// TestNamedPythonValues: model-named constants, dict keys and os.getenv
// defaults, `or` fallbacks and lists of models; parameter defaults,
// hosted providers' variables and getenv defaults passed as labels are
// not read this way.
func TestNamedPythonValues(t *testing.T) {
	src := "import os\nfrom ollama import Client\n" +
		"DEFAULT_GENERATION_MODEL = os.getenv(\"GENERATION_MODEL\", \"qwen3.5:9b\")\n" +
		"ENRICHMENT_MODEL = os.getenv(\"ENRICHMENT_MODEL\") or CONFIG.get(\"m\") or \"qwen3.5:4b\"\n" +
		"EXTERNAL = {\n    \"embedding_model\": os.getenv(\"EMBEDDING_MODEL\", \"microsoft/harrier-oss-v1-0.6b\"),\n}\n" +
		"WATSONX = {\"generation_model\": os.getenv(\"WATSONX_GENERATION_MODEL\", \"ibm/granite-13b-chat-v2\")}\n" +
		"embedding_models = []\nembedding_models.extend([\n    \"Qwen/Qwen3-Embedding-0.6B\",\n    \"not a model\",\n])\n" +
		"class Reranker:\n    def __init__(\n        self,\n        model_name: str = \"Qwen/Qwen3-Reranker-0.6B\",\n    ):\n        pass\n" +
		"db.create_session(\"Test\", os.getenv(\"GENERATION_MODEL\", \"qwen3.5:9b\"))\n" +
		"llm = ChatBedrock(\n    model_id=\"anthropic.claude-v2\",\n)\n" +
		"# OTHER_MODEL = \"commented/out\"\n" +
		"_MODELS = {\n    \"stabilityai/sdxl-turbo\": {\n        \"unet\": \"unet/config.json\",\n    },\n    \"small\": \"google/flan-t5-small\",\n}\n"
	wantRefs(t, "python", src, ParsePython([]byte(src)), []string{
		"variable ollama qwen3.5:9b [qwen3.5:9b]",
		"variable ollama qwen3.5:4b [qwen3.5:4b]",
		"variable hub microsoft/harrier-oss-v1-0.6b [microsoft/harrier-oss-v1-0.6b]",
		"models hub Qwen/Qwen3-Embedding-0.6B [Qwen/Qwen3-Embedding-0.6B]",
		"models hub stabilityai/sdxl-turbo [stabilityai/sdxl-turbo]",
		"models hub google/flan-t5-small [google/flan-t5-small]",
	})
}

// TestNamedPythonVariablesRead: a lower-case model-named variable holding
// a Hub id counts once the program reads it (an MMEngine config hands it
// to dict(type=...from_pretrained, pretrained_model_name_or_path=...)); one
// that is only assigned, reassigned, used as a keyword's name or as an
// attribute of another object is not read.
func TestNamedPythonVariablesRead(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"config handed to a lazy call", "pretrained_model_name_or_path = \"meta-llama/Meta-Llama-3-8B-Instruct\"\n" +
			"model = dict(\n    type=AutoModelForCausalLM.from_pretrained,\n    pretrained_model_name_or_path=pretrained_model_name_or_path)\n",
			[]string{"variable hub meta-llama/Meta-Llama-3-8B-Instruct [meta-llama/Meta-Llama-3-8B-Instruct]"}},
		{"read in an expression", "base_model = \"mistralai/Mistral-7B-v0.1\"\nprint(base_model)\n",
			[]string{"variable hub mistralai/Mistral-7B-v0.1 [mistralai/Mistral-7B-v0.1]"}},
		{"assigned only", "base_model = \"mistralai/Mistral-7B-v0.1\"\n", nil},
		{"reassigned, keyword and attribute", "base_model = \"mistralai/Mistral-7B-v0.1\"\nbase_model = other\n" +
			"run(base_model=x)\nprint(args.base_model, base_model_path)\n", nil},
	} {
		wantRefs(t, c.name, c.src, ParsePython([]byte(c.src)), c.want)
	}
}

// TestNamedScriptValues: JavaScript and TypeScript settings named for the
// model (upper-case constants and properties), Ollama names where the file
// uses Ollama, and the ids of an object or array of models; lower-case
// variables and hosted names are not read this way.
func TestNamedScriptValues(t *testing.T) {
	src := "export const DEFAULT_GENERATION_MODEL = 'qwen3.5:9b';\n" +
		"export const DEFAULT_EMBEDDING_MODEL = 'microsoft/harrier-oss-v1-0.6b';\n" +
		"export const JUDGE_MODEL = 'gpt-4o';\n" +
		"export interface Status { ollama_running: boolean }\n" +
		"export default {\n    SAMPLING_RATE: 16000,\n    DEFAULT_MODEL: \"Xenova/whisper-tiny\",\n};\n" +
		"const models = {\n    // Original checkpoints\n    'Xenova/whisper-base': [77, 291],\n    'distil-whisper/distil-large-v2': [767],\n};\n" +
		"const labels = { 'org/not-a-model-list': 1 };\n" +
		"let lastModel = 'some/thing';\n"
	wantRefs(t, "script", src, ParseScript([]byte(src)), []string{
		"DEFAULT_GENERATION_MODEL ollama qwen3.5:9b [qwen3.5:9b]",
		"DEFAULT_EMBEDDING_MODEL hub microsoft/harrier-oss-v1-0.6b [microsoft/harrier-oss-v1-0.6b]",
		"DEFAULT_MODEL hub Xenova/whisper-tiny [Xenova/whisper-tiny]",
		"models hub Xenova/whisper-base [Xenova/whisper-base]",
		"models hub distil-whisper/distil-large-v2 [distil-whisper/distil-large-v2]",
	})
}

// TestCheckpointFiles: a well-known checkpoint file named in Python, a
// YAML config or JavaScript stands for the Hub repository that publishes
// it; the range is the base name; unknown and generic names are not.
func TestCheckpointFiles(t *testing.T) {
	py := "VERSION2SPECS = {\n    \"SDXL-base-1.0\": {\n        \"ckpt\": \"checkpoints/sd_xl_base_1.0.safetensors\",\n    },\n}\n" +
		"# \"ckpt\": \"checkpoints/sd_turbo.safetensors\"\n" +
		"state = load_file(\"checkpoints/model.safetensors\")\n" +
		"assert os.path.basename(path) in [\"sv4d2.safetensors\", \"sv4d2_8views.safetensors\"]\n" +
		"p = hf_hub_download(\"stabilityai/sv3d\", \"sv3d_u.safetensors\")\n" +
		"filename = f\"sv3d_p.safetensors\"\nother = f\"{version}.safetensors\"\n" +
		"clip_model, _ = clip.load(\"ViT-L/14\", device=device)\n" +
		"def __init__(self, arch=\"ViT-H-14\", version=\"laion2b_s32b_b79k\"):\n    pass\n"
	wantRefs(t, "python", py, ParsePython([]byte(py)), []string{
		"checkpoint hub stabilityai/stable-diffusion-xl-base-1.0 [sd_xl_base_1.0.safetensors]",
		"checkpoint hub stabilityai/sv4d2.0 [sv4d2.safetensors]",
		"checkpoint hub stabilityai/sv4d2.0 [sv4d2_8views.safetensors]",
		"hf_hub_download hub stabilityai/sv3d [stabilityai/sv3d]",
		"checkpoint hub stabilityai/sv3d [sv3d_p.safetensors]",
		"name hub openai/clip-vit-large-patch14 [ViT-L/14]",
		"name hub laion/CLIP-ViT-H-14-laion2B-s32B-b79K [laion2b_s32b_b79k]",
	})
	yml := "model:\n  target: sgm.models.diffusion.DiffusionEngine\n  params:\n    ckpt_path: checkpoints/svd_xt.safetensors\n" +
		"    # ckpt_path: checkpoints/svd.safetensors\n    other: weights/unet.safetensors\n" +
		"    embedder:\n      arch: ViT-bigG-14\n      version: laion2b_s39b_b160k\n"
	wantRefs(t, "yaml", yml, ParseConfig([]byte(yml)), []string{
		"checkpoint hub stabilityai/stable-video-diffusion-img2vid-xt [svd_xt.safetensors]",
		"name hub laion/CLIP-ViT-bigG-14-laion2B-39B-b160k [laion2b_s39b_b160k]",
	})
	js := "const url = 'https://example.com/v1-5-pruned-emaonly.safetensors';\n"
	wantRefs(t, "js", js, ParseScript([]byte(js)), []string{
		"checkpoint hub stable-diffusion-v1-5/stable-diffusion-v1-5 [v1-5-pruned-emaonly.safetensors]",
	})
}

// TestSentenceTransformersNames: sentence-transformers' short names passed
// to its loaders and wrappers stand for sentence-transformers/NAME; any
// call's model_name= keyword holding a Hub id counts; short names
// elsewhere do not.
func TestSentenceTransformersNames(t *testing.T) {
	src := "from langchain_community.embeddings import HuggingFaceEmbeddings\n" +
		"emb = HuggingFaceEmbeddings(\n    model_name=\"all-MiniLM-L6-v2\", cache_folder=\"/embedding_model\"\n)\n" +
		"st = SentenceTransformer(\"paraphrase-multilingual-MiniLM-L12-v2\")\n" +
		"reranker = CrossEncoderReranker(model_name=\"BAAI/bge-reranker-v2-m3\")\n" +
		"label = Tag(\"all-MiniLM-L6-v2\")\n"
	wantRefs(t, "st", src, ParsePython([]byte(src)), []string{
		"HuggingFaceEmbeddings hub sentence-transformers/all-MiniLM-L6-v2 [all-MiniLM-L6-v2]",
		"SentenceTransformer hub sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2 [paraphrase-multilingual-MiniLM-L12-v2]",
		"keyword hub BAAI/bge-reranker-v2-m3 [BAAI/bge-reranker-v2-m3]",
	})
}
