package manifest

import (
	"fmt"
	"slices"
	"testing"
)

func refsAt(src string, refs []Ref) ([]string, error) {
	var out []string
	for _, r := range refs {
		if r.Kind != DatasetID || src[r.Start:r.End] != r.ID {
			return nil, fmt.Errorf("%v: range holds %q", r, src[r.Start:r.End])
		}
		out = append(out, fmt.Sprintf("%s@%d/%s", r.ID, r.Start, r.Via))
	}
	return out, nil
}

func TestParseDatasets(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		parse     func([]byte) []Ref
		want      []string
	}{
		{"python", `from datasets import load_dataset
import datasets
ds = load_dataset("tatsu-lab/alpaca", split="train")
eval = datasets.load_dataset(path='openai/gsm8k', name="main")
NAME = "databricks/databricks-dolly-15k"
dolly = load_dataset(NAME)
local = load_dataset("json", data_files="data/train.jsonl")
f = hf_hub_download("HuggingFaceH4/no_robots", "train.parquet", repo_type="dataset")
m = hf_hub_download("meta-llama/Llama-3.1-8B", "config.json")
s = snapshot_download(repo_id="laion/laion400m", repo_type="dataset")
# load_dataset("commented/out")
x = load_dataset(f"{org}/name")
`, ParsePythonDatasets, []string{"tatsu-lab/alpaca@69/load_dataset", "openai/gsm8k@138/load_dataset", "databricks/databricks-dolly-15k@174/load_dataset",
			"HuggingFaceH4/no_robots@315/hf_hub_download", "laion/laion400m@472/snapshot_download"}},
		{"shell", `hf download HuggingFaceH4/ultrachat_200k --repo-type dataset --local-dir data
huggingface-cli download --repo-type=dataset "tatsu-lab/alpaca"
hf download meta-llama/Llama-3.1-8B
hf download hf://datasets/openai/gsm8k/main
`, ParseShellDatasets, []string{"HuggingFaceH4/ultrachat_200k@12/download", "tatsu-lab/alpaca@124/download", "openai/gsm8k@204/download"}},
		{"axolotl", `base_model: meta-llama/Llama-3.1-8B
datasets:
  - path: tatsu-lab/alpaca
    type: alpaca
  - path: data/local.jsonl
    type: completion
test_datasets:
  - path: "openai/gsm8k"
    name: main
`, ParseConfigDatasets, []string{"tatsu-lab/alpaca@56/path", "openai/gsm8k@164/path"}},
		{"handbook", `model_name_or_path: mistralai/Mistral-7B-v0.1
dataset_mixer:
  HuggingFaceH4/ultrachat_200k: 1.0
  HuggingFaceH4/no_robots: 0.5
dataset_mixture:
  datasets:
    - id: HuggingFaceTB/smoltalk2
      config: SFT
dataset_name: trl-lib/Capybara
`, ParseConfigDatasets, []string{"HuggingFaceH4/ultrachat_200k@63/dataset_mixer", "HuggingFaceH4/no_robots@99/dataset_mixer",
			"HuggingFaceTB/smoltalk2@167/id", "trl-lib/Capybara@223/dataset_name"}},
		{"llamafactory", `{
  "alpaca_en": {"hf_hub_url": "llamafactory/alpaca_en", "ms_hub_url": "llamafactory/alpaca_en"},
  "identity": {"file_name": "identity.json"}
}`, ParseConfigDatasets, []string{"llamafactory/alpaca_en@33/hf_hub_url"}},
	} {
		got, err := refsAt(tc.src, tc.parse([]byte(tc.src)))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func FuzzParseConfigDatasets(f *testing.F) {
	f.Add([]byte("datasets:\n  - path: a/b\n"))
	f.Add([]byte(`{"x": {"hf_hub_url": "a/b"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, r := range append(ParseConfigDatasets(data), append(ParsePythonDatasets(data), ParseShellDatasets(data)...)...) {
			if r.Start < 0 || r.End > len(data) || string(data[r.Start:r.End]) != r.ID {
				t.Fatalf("%+v", r)
			}
		}
	})
}
