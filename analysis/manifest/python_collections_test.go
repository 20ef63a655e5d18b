package manifest

import "testing"

// TestParsePythonCollections: ids that reach a loader through a list, a
// tuple, a dict, a comprehension, pytest's parametrize or a parameter
// default, and the loaders of MLX, timm/open_clip and Ultralytics.
func TestParsePythonCollections(t *testing.T) {
	src := "import pytest\nfrom mlx_lm import load, generate\n" +
		"MODELS = [\n    \"EleutherAI/pythia-70m\",\n    'HuggingFaceTB/SmolLM2-135M',\n]\n" +
		"for m in MODELS:\n    AutoModel.from_pretrained(m)\n" +
		"SIZES = {\"small\": \"google/flan-t5-small\", \"base\": \"google/flan-t5-base\"}\n" +
		"tok = AutoTokenizer.from_pretrained(SIZES[size])\n" +
		"ENCODERS = (\"BAAI/bge-small-en-v1.5\",)\n" +
		"encoders = [SentenceTransformer(e) for e in ENCODERS]\n" +
		"@pytest.mark.parametrize(\"model_id\", [\"hf-internal-testing/tiny-random-gpt2\", \"openai-community/gpt2\"])\n" +
		"def test_load(model_id):\n    AutoModelForCausalLM.from_pretrained(model_id)\n" +
		"def main(base_model: str = \"decapoda-research/llama-7b-hf\", lora: str = \"tloen/alpaca-lora-7b\"):\n" +
		"    model = LlamaForCausalLM.from_pretrained(base_model)\n" +
		"    model = PeftModel.from_pretrained(model, lora)\n" +
		"model, tokenizer = load(\"mlx-community/Mistral-7B-Instruct-v0.3-4bit\")\n" +
		"m = timm.create_model(\"hf-hub:timm/vit_base_patch16_224.augreg2_in21k_ft_in1k\", pretrained=True)\n" +
		"c = open_clip.create_model_and_transforms('ViT-B-32', pretrained='laion2b_s34b_b79k')\n" +
		"det = YOLO(\"yolov8n.pt\")\n" +
		"ckpt = torch.load(\"weights/best.pt\")\n" +
		"client.chat.completions.create(model=\"gpt-4o\")\n" +
		"trainer = GRPOTrainer(model=\"Qwen/Qwen3-0.6B\", reward_funcs=r)\n" +
		"spec = ModelSpec(\n    repo_id=\"black-forest-labs/FLUX.1-dev\",\n    repo_ae=\"ae.safetensors\",\n)\n" +
		"sd = StableDiffusionXL(\"stabilityai/sdxl-turbo\", float16=True)\n" +
		"ds = load_dataset(\"stanfordnlp/imdb\")\n" +
		"parser.add_argument(\"--hf-path\", default=\"facebook/sam-vit-base\")\n" +
		"model_id = \"unused/constant\"\n" +
		"_DEFAULT_MODEL = \"stabilityai/stable-diffusion-2-1-base\"\n" +
		"def load_unet(key: str = _DEFAULT_MODEL, float16: bool = False):\n    return hf_hub_download(key, \"unet/config.json\")\n" +
		"\"\"\"Docstring: AutoModel.from_pretrained(\"doc/string\")\"\"\"\n"
	want := []string{
		"from_pretrained hub EleutherAI/pythia-70m [EleutherAI/pythia-70m]",
		"from_pretrained hub HuggingFaceTB/SmolLM2-135M [HuggingFaceTB/SmolLM2-135M]",
		"from_pretrained hub google/flan-t5-small [google/flan-t5-small]",
		"from_pretrained hub google/flan-t5-base [google/flan-t5-base]",
		"SentenceTransformer hub BAAI/bge-small-en-v1.5 [BAAI/bge-small-en-v1.5]",
		"from_pretrained hub openai-community/gpt2 [openai-community/gpt2]",
		"from_pretrained hub decapoda-research/llama-7b-hf [decapoda-research/llama-7b-hf]",
		"from_pretrained hub tloen/alpaca-lora-7b [tloen/alpaca-lora-7b]",
		"load hub mlx-community/Mistral-7B-Instruct-v0.3-4bit [mlx-community/Mistral-7B-Instruct-v0.3-4bit]",
		"create_model hub timm/vit_base_patch16_224.augreg2_in21k_ft_in1k [timm/vit_base_patch16_224.augreg2_in21k_ft_in1k]",
		"YOLO hub Ultralytics/YOLOv8 [yolov8n.pt]",
		"Trainer hub Qwen/Qwen3-0.6B [Qwen/Qwen3-0.6B]",
		"keyword hub black-forest-labs/FLUX.1-dev [black-forest-labs/FLUX.1-dev]",
		"keyword hub stabilityai/sdxl-turbo [stabilityai/sdxl-turbo]",
		"add_argument hub facebook/sam-vit-base [facebook/sam-vit-base]",
		"hf_hub_download hub stabilityai/stable-diffusion-2-1-base [stabilityai/stable-diffusion-2-1-base]",
	}
	wantRefs(t, "collections", src, ParsePython([]byte(src)), want)
}
