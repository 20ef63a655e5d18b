package manifest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/corpus"
)

// refString renders a reference with the text its range covers, so that a
// wrong range shows up as a wrong quote.
func refString(src string, r Ref) string {
	return r.Via + " " + r.Kind.String() + " " + r.ID + " [" + src[r.Start:r.End] + "]"
}

func TestClassifyName(t *testing.T) {
	tests := []struct {
		in   string
		kind RefKind
		id   string
	}{
		{"llama3.2", OllamaName, "llama3.2:latest"},
		{"Llama3.1:8B", OllamaName, "llama3.1:8b"},
		{"library/qwen2.5:72b", OllamaName, "qwen2.5:72b"},
		{"registry.ollama.ai/library/gemma2:9b@sha256:abc", OllamaName, "gemma2:9b"},
		{"registry.ollama.ai/jmorgan/mario", OllamaName, "jmorgan/mario:latest"},
		{"example.com/team/model:v1", OllamaName, "example.com/team/model:v1"},
		{"hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M", HubID, "bartowski/Llama-3.2-1B-Instruct-GGUF"},
		{"huggingface.co/TheBloke/Mistral-7B-v0.1-GGUF", HubID, "TheBloke/Mistral-7B-v0.1-GGUF"},
		{"./model.gguf", LocalPath, "./model.gguf"},
		{"weights/tune.Q4.gguf", LocalPath, "weights/tune.Q4.gguf"},
		{"/srv/models/llama", LocalPath, "/srv/models/llama"},
		{"sha256:1234", UnknownKind, "sha256:1234"},
	}
	for _, tt := range tests {
		kind, id := ClassifyName(tt.in)
		if kind != tt.kind || id != tt.id {
			t.Errorf("ClassifyName(%q) = %v %q, want %v %q", tt.in, kind, id, tt.kind, tt.id)
		}
	}
}

func TestParseModelfile(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		refs     []string
		licenses []string
	}{
		{"library", "# base\nFROM llama3.2\nPARAMETER temperature 0.2\n", []string{"FROM ollama llama3.2:latest [llama3.2]"}, nil},
		{"lowercase, adapter, crlf", "from ./base.gguf\r\nadapter ./lora.gguf\r\n", []string{"FROM path ./base.gguf [./base.gguf]", "ADAPTER path ./lora.gguf [./lora.gguf]"}, nil},
		{"hf", "FROM hf.co/org/Repo-GGUF:Q8_0\n", []string{"FROM hub org/Repo-GGUF [hf.co/org/Repo-GGUF:Q8_0]"}, nil},
		{"licenses", "FROM qwen2.5:3b\nLICENSE \"\"\"line one\nFROM not-a-ref\n\"\"\"\nLICENSE \"two \\\"quoted\\\"\nlines\"\nLICENSE bare text\n",
			[]string{"FROM ollama qwen2.5:3b [qwen2.5:3b]"}, []string{"line one\nFROM not-a-ref\n", "two \"quoted\"\nlines", "bare text"}},
		{"template spanning lines", "TEMPLATE \"\"\"{{ .System }}\nFROM x\n\"\"\"\nSYSTEM \"a\nFROM y\"\nPARAMETER stop \"<|eot|>\"\nFROM gemma2\n", []string{"FROM ollama gemma2:latest [gemma2]"}, nil},
		{"ollama show export", "# FROM llama3.2:3b\n\nFROM /Users/me/.ollama/models/blobs/sha256-dde5\n", []string{"FROM ollama llama3.2:3b [/Users/me/.ollama/models/blobs/sha256-dde5]"}, nil},
		{"unterminated", "LICENSE \"\"\"never closed\nFROM x", nil, []string{"never closed\nFROM x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mf := ParseModelfile([]byte(tt.src))
			var got []string
			for _, r := range mf.Refs {
				got = append(got, refString(tt.src, r))
			}
			if strings.Join(got, "|") != strings.Join(tt.refs, "|") {
				t.Errorf("refs = %q, want %q", got, tt.refs)
			}
			var lics []string
			for _, l := range mf.Licenses {
				if raw := tt.src[l.Start:l.End]; strings.ReplaceAll(raw, "\\\"", "\"") != l.Text {
					t.Errorf("license range covers %q, text %q", raw, l.Text)
				}
				lics = append(lics, l.Text)
			}
			if strings.Join(lics, "|") != strings.Join(tt.licenses, "|") {
				t.Errorf("licenses = %q, want %q", lics, tt.licenses)
			}
		})
	}
}

func TestParseAdapterConfig(t *testing.T) {
	tests := []struct {
		name, src, want, err string
	}{
		{"hub", `{"peft_type": "LORA", "base_model_name_or_path" : "meta-llama/Llama-3.1-8B", "r": 8}`, "base_model_name_or_path hub meta-llama/Llama-3.1-8B [meta-llama/Llama-3.1-8B]", ""},
		{"nested first", "{\n  \"x\": {\"base_model_name_or_path\": \"a/b\"},\n  \"base_model_name_or_path\":\n    \"./base\"\n}", "base_model_name_or_path path ./base [./base]", ""},
		{"escaped", `{"base_model_name_or_path": "C:\\models\\llama"}`, `base_model_name_or_path path C:\models\llama [C:\\models\\llama]`, ""},
		{"absent", `{"r": 8}`, "", ""},
		{"null", `{"base_model_name_or_path": null}`, "", ""},
		{"broken", `{"base_model_name_or_path": "a/b"`, "", "ends early"},
		{"not object", `[1]`, "", "not a JSON object"},
		{"garbage", `{"a" 1}`, "", "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseAdapterConfig([]byte(tt.src))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if r != nil {
				got = refString(tt.src, *r)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParsePython(t *testing.T) {
	src := `from transformers import AutoModelForCausalLM, pipeline
from huggingface_hub import hf_hub_download, snapshot_download
# model = AutoModelForCausalLM.from_pretrained("commented/out")
model = AutoModelForCausalLM.from_pretrained(
    "google/gemma-2-9b",  # the base
    torch_dtype="auto",
)
tok = AutoTokenizer.from_pretrained('mistralai/Mistral-7B-v0.1', revision="main")
pipe = pipeline("text-generation", model="Qwen/Qwen2.5-7B-Instruct")
path = hf_hub_download(repo_id="TheBloke/Llama-2-7B-GGUF", filename="llama-2-7b.Q4_K_M.gguf")
snapshot_download("stabilityai/sdxl-turbo")
data = snapshot_download(repo_id="HuggingFaceH4/ultrachat_200k", repo_type="dataset")
doc = """AutoModel.from_pretrained("in/docstring")"""
dyn = AutoModel.from_pretrained(f"{org}/name")
local = AutoModel.from_pretrained("./checkpoints/run1")
expr = AutoModel.from_pretrained("a/b" + suffix)
st = SentenceTransformer(r"sentence-transformers/all-MiniLM-L6-v2")
`
	want := []string{
		"from_pretrained hub google/gemma-2-9b [google/gemma-2-9b]",
		"from_pretrained hub mistralai/Mistral-7B-v0.1 [mistralai/Mistral-7B-v0.1]",
		"pipeline hub Qwen/Qwen2.5-7B-Instruct [Qwen/Qwen2.5-7B-Instruct]",
		"hf_hub_download hub TheBloke/Llama-2-7B-GGUF [TheBloke/Llama-2-7B-GGUF]",
		"snapshot_download hub stabilityai/sdxl-turbo [stabilityai/sdxl-turbo]",
		"SentenceTransformer hub sentence-transformers/all-MiniLM-L6-v2 [sentence-transformers/all-MiniLM-L6-v2]",
	}
	wantRefs(t, "", src, ParsePython([]byte(src)), want)
}

// wantRefs compares refs found in src, as refString prints them, with want.
func wantRefs(t *testing.T, name, src string, refs []Ref, want []string) {
	t.Helper()
	var got []string
	for _, r := range refs {
		got = append(got, refString(src, r))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: got\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func seeds(f *testing.F, sub string) {
	dir, _ := os.Getwd()
	c := corpus.Find(dir)
	if c == "" {
		return // fuzzing still runs on the seeds written in the test
	}
	filepath.Walk(filepath.Join(c, sub), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && info.Size() < 1<<20 {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
		return nil
	})
}

func checkRefs(t *testing.T, src []byte, refs []Ref) {
	for _, r := range refs {
		if r.Start < 0 || r.End < r.Start || r.End > len(src) {
			t.Fatalf("ref %+v outside %d bytes", r, len(src))
		}
	}
}

func FuzzParseModelfile(f *testing.F) {
	f.Add([]byte("FROM llama3.2\nLICENSE \"\"\"x\"\"\"\n"))
	seeds(f, "metadata/ollama")
	f.Fuzz(func(t *testing.T, src []byte) {
		mf := ParseModelfile(src)
		checkRefs(t, src, mf.Refs)
		for _, l := range mf.Licenses {
			if l.Start < 0 || l.End < l.Start || l.End > len(src) {
				t.Fatalf("license %+v outside %d bytes", l, len(src))
			}
		}
	})
}

func FuzzParsePython(f *testing.F) {
	f.Add([]byte(`m = A.from_pretrained("a/b"); p = pipeline("x", model='c/d')`))
	f.Add([]byte(`x = rb'''a''' f"b" # c` + "\n" + `snapshot_download(repo_id="e/f"`))
	f.Add([]byte("import ollama\nGEN_MODEL = os.getenv(\"GEN_MODEL\") or \"qwen3:8b\"\nd = {\"embedding_model\": os.getenv(\"E_MODEL\", \"a/b\")}\n" +
		"models.extend([\"c/d\"])\nx = f\"sv3d_u.safetensors\"\nclip.load(\"ViT-L/14\")\nHuggingFaceEmbeddings(model_name=\"all-MiniLM-L6-v2\")\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkRefs(t, src, ParsePython(src))
	})
}

func FuzzParseAdapterConfig(f *testing.F) {
	f.Add([]byte(`{"base_model_name_or_path": "a/b"}`))
	f.Add([]byte(`{"base_model_name_or_path": "a\u002fb"}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := ParseAdapterConfig(src)
		if err == nil && r != nil {
			checkRefs(t, src, []Ref{*r})
		}
	})
}

// TestParsePythonLibraries: the loaders of PEFT, vLLM, Unsloth,
// llama-cpp-python and Ollama name their models in other places.
func TestParsePythonLibraries(t *testing.T) {
	src := `from peft import PeftModel
from vllm import LLM
from unsloth import FastLanguageModel
from llama_cpp import Llama

base = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
model = PeftModel.from_pretrained(base, "acme/llama-lora")
tuned = PeftModel.from_pretrained(model=base, model_id="acme/other-lora")
llm = LLM(model="Qwen/Qwen2.5-7B-Instruct", tensor_parallel_size=2)
fast, tok = FastLanguageModel.from_pretrained(model_name="unsloth/Llama-3.2-1B-Instruct", max_seq_length=2048)
gguf = Llama.from_pretrained(repo_id="bartowski/Llama-3.2-3B-Instruct-GGUF", filename="*Q4_K_M.gguf")
chat = ChatLLM(model="not/a-call")
ollama.pull("llama3.2")
reply = ollama.chat(model="qwen2.5:7b", messages=[{"role": "user", "content": "hi"}])
lc = ChatOllama(model="gemma3:4b", temperature=0)
bad = ollama.chat(model="not a name")
`
	wantRefs(t, "libraries", src, ParsePython([]byte(src)), []string{
		"from_pretrained hub meta-llama/Llama-3.1-8B [meta-llama/Llama-3.1-8B]",
		"from_pretrained hub acme/llama-lora [acme/llama-lora]",
		"from_pretrained hub acme/other-lora [acme/other-lora]",
		"LLM hub Qwen/Qwen2.5-7B-Instruct [Qwen/Qwen2.5-7B-Instruct]",
		"from_pretrained hub unsloth/Llama-3.2-1B-Instruct [unsloth/Llama-3.2-1B-Instruct]",
		"from_pretrained hub bartowski/Llama-3.2-3B-Instruct-GGUF [bartowski/Llama-3.2-3B-Instruct-GGUF]",
		"ollama.pull ollama llama3.2:latest [llama3.2]",
		"ollama.chat ollama qwen2.5:7b [qwen2.5:7b]",
		"ChatOllama ollama gemma3:4b [gemma3:4b]",
	})
}

// TestParsePythonNames: an id assigned to a name before the call counts
// once, at its literal; a name last assigned something else does not. The
// file starts with a byte order mark.
func TestParsePythonNames(t *testing.T) {
	src := "\xef\xbb\xbf" + `FIRST = "acme/first-line"
first = AutoModel.from_pretrained(FIRST)
import argparse
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

MODEL_ID = "meta-llama/Llama-3.1-8B-Instruct"
tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
model = AutoModelForCausalLM.from_pretrained(
    MODEL_ID,
    revision="main",
)
base: str = 'google/gemma-2-2b'
pipe = pipeline("text-generation", model=base)
name = "org/first"
name = argparse.ArgumentParser().parse_args().model
other = AutoModelForCausalLM.from_pretrained(name)
late = AutoModelForCausalLM.from_pretrained(later)
later = "org/after-the-call"
if MODEL_ID == "x/y": pass
emb = SentenceTransformer(model_name_or_path=undefined)
`
	wantRefs(t, "names", src, ParsePython([]byte(src)), []string{
		"from_pretrained hub acme/first-line [acme/first-line]",
		"from_pretrained hub meta-llama/Llama-3.1-8B-Instruct [meta-llama/Llama-3.1-8B-Instruct]",
		"pipeline hub google/gemma-2-2b [google/gemma-2-2b]",
	})
}

// TestParsePythonDefaults: scripts name the model they load by default in
// an option, a dataclass field or an environment variable's default, or
// fetch a file of a model repository by URL.
func TestParsePythonDefaults(t *testing.T) {
	src := `import argparse, os
from dataclasses import dataclass, field

parser = argparse.ArgumentParser()
parser.add_argument("--model_name_or_path", type=str, default="meta-llama/Llama-3.1-8B")
parser.add_argument("--dataset", default="HuggingFaceH4/ultrachat_200k")
parser.add_argument("--output_dir", default="runs/llama")

@dataclass
class ScriptArguments:
    model_name_or_path: str = field(default="Qwen/Qwen2.5-7B-Instruct", metadata={"help": "the model"})
    dataset_name: str = field(default="trl-lib/Capybara")
    reward_model: str = dataclasses.field(default="OpenAssistant/reward-model-deberta-v3-large-v2")

MODEL = os.getenv("MODEL", "google/gemma-2-9b")
model = AutoModelForCausalLM.from_pretrained(MODEL)
OTHER = os.environ.get("OTHER")
other = AutoModelForCausalLM.from_pretrained(OTHER)
state = torch.hub.load_state_dict_from_url("https://huggingface.co/facebook/sam-vit-base/resolve/main/model.pth")
docs = "see https://huggingface.co/docs/transformers/index"
`
	wantRefs(t, "defaults", src, ParsePython([]byte(src)), []string{
		"add_argument hub meta-llama/Llama-3.1-8B [meta-llama/Llama-3.1-8B]",
		"field hub Qwen/Qwen2.5-7B-Instruct [Qwen/Qwen2.5-7B-Instruct]",
		"field hub OpenAssistant/reward-model-deberta-v3-large-v2 [OpenAssistant/reward-model-deberta-v3-large-v2]",
		"from_pretrained hub google/gemma-2-9b [google/gemma-2-9b]",
		"url hub facebook/sam-vit-base [facebook/sam-vit-base]",
	})
}

// callSitesRE is what pyCallSites finds, written as the regexp it replaced
// (with blanks limited to spaces and tabs, as the scanner reads them).
var callSitesRE = regexp.MustCompile(`\b(from_pretrained|pipeline|hf_hub_download|snapshot_download|SentenceTransformer|CrossEncoder|LLM|ChatOllama|OllamaLLM|OllamaEmbeddings|Ollama|ollama[ \t]*\.[ \t]*(?:pull|chat|generate|embed|show)|add_argument|field)[ \t]*\(`)

// FuzzPyCallSites pins the scanner to the regexp: the same calls, names
// and offsets.
func FuzzPyCallSites(f *testing.F) {
	f.Add([]byte("m = AutoModel.from_pretrained ('a/b'); ollama . chat(x); xLLM(); LLM(model=y); my_field(1) field(default=2)"))
	f.Add([]byte("((ollama.pull(\tpipeline(\nOllama(ollama\t.show("))
	f.Fuzz(func(t *testing.T, code []byte) {
		var want []string
		for _, m := range callSitesRE.FindAllSubmatchIndex(code, -1) {
			name := strings.Join(strings.FieldsFunc(string(code[m[2]:m[3]]), func(r rune) bool { return r == ' ' || r == '\t' }), "")
			want = append(want, fmt.Sprintf("%s@%d-%d", name, m[2], m[1]))
		}
		var got []string
		for _, s := range pyCallSites(code, len(code)+1) {
			got = append(got, fmt.Sprintf("%s@%d-%d", s.name, s.start, s.open))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("pyCallSites found\n%v\nthe regexp\n%v", got, want)
		}
	})
}
