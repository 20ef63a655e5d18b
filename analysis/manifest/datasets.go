package manifest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// This file finds the datasets a project trains or evaluates on. Every
// reference it returns has Kind DatasetID and a Hub id ("org/name"); local
// files, builder names ("json", "csv") and ids written through expressions
// are not datasets it can check.

// pyDatasetCalls are the calls that name a dataset, and the argument that
// does: load_dataset (datasets.load_dataset, load_dataset_builder), and
// the Hub's download functions when repo_type="dataset".
var pyDatasetCalls = map[string]pyCall{
	"load_dataset":         {0, []string{"path"}, false},
	"load_dataset_builder": {0, []string{"path"}, false},
	"hf_hub_download":      {0, []string{"repo_id"}, false},
	"snapshot_download":    {0, []string{"repo_id"}, false},
}

// ParsePythonDatasets finds the dataset ids Python code loads:
// load_dataset("org/name") (as datasets.load_dataset too, or through a
// name last assigned a literal), and hf_hub_download or snapshot_download
// with repo_type="dataset". Each literal is reported once.
func ParsePythonDatasets(src []byte) []Ref {
	if !bytes.Contains(src, []byte("load_dataset")) && !bytes.Contains(src, []byte("repo_type")) {
		return nil
	}
	code, lits := lexPython(src)
	byQuote := make(map[int]pyLiteral, len(lits))
	for _, l := range lits {
		byQuote[l.quote] = l
	}
	var assigned map[string][]pyAssignment
	var refs []Ref
	seen := map[int]bool{}
	for i := 0; len(refs) < maxPyCalls; i++ {
		k := bytes.IndexByte(code[i:], '(')
		if k < 0 {
			break
		}
		i += k
		name, start := calledName(code, i)
		spec, ok := pyDatasetCalls[name]
		if !ok {
			continue
		}
		args := splitArgs(code, i+1)
		if name != "load_dataset" && name != "load_dataset_builder" && !repoTypeDataset(src, code, args, byQuote) {
			continue
		}
		for n, arg := range args {
			kw, valueAt := keyword(code, arg)
			if !(kw == "" && n == spec.positional || kw != "" && contains(spec.keywords, kw)) {
				continue
			}
			l, ok := literalAt(code, valueAt, arg.end, byQuote)
			if !ok {
				variable, isName := nameAt(code, valueAt, arg.end)
				if !isName {
					continue
				}
				if assigned == nil {
					assigned = pyAssignments(code, byQuote)
				}
				l, ok = lastAssignment(assigned[variable], start)
			}
			if !ok || l.formatted || seen[l.start] {
				continue
			}
			if id := string(src[l.start:l.end]); IsHubID(id) {
				seen[l.start] = true
				refs = append(refs, Ref{Kind: DatasetID, ID: id, Text: id, Start: l.start, End: l.end, Via: name})
			}
		}
	}
	return refs
}

// repoTypeDataset reports a repo_type="dataset" argument.
func repoTypeDataset(src, code []byte, args []span, byQuote map[int]pyLiteral) bool {
	for _, arg := range args {
		if kw, at := keyword(code, arg); kw == "repo_type" {
			l, ok := literalAt(code, at, arg.end, byQuote)
			return ok && string(src[l.start:l.end]) == "dataset"
		}
	}
	return false
}

// ParseShellDatasets finds `hf download ORG/NAME --repo-type dataset` (and
// huggingface-cli, and hf://datasets/ORG/NAME) in shell scripts,
// Dockerfiles, Makefiles and CI steps.
func ParseShellDatasets(src []byte) []Ref {
	if !bytes.Contains(src, []byte("dataset")) || !shellMayFetch(src) {
		return nil
	}
	var refs []Ref
	for _, cmd := range shellCommands(execFormBlanked(src)) {
		for i := 0; i+1 < len(cmd) && len(refs) < maxShellRefs; i++ {
			if !isHubCLI(cmd[i].text) || cmd[i+1].text != "download" {
				continue
			}
			if r, ok := datasetDownload(src, cmd[i+2:]); ok {
				refs = append(refs, r)
			}
			break
		}
	}
	return refs
}

func datasetDownload(src []byte, args []shellWord) (Ref, bool) {
	repo, repoType := downloadArgs(args)
	dataset := repoType == "dataset"
	if repo == nil || !repo.literal || repo.end <= repo.start {
		return Ref{}, false
	}
	id, start := repo.text, repo.start
	if rest, ok := strings.CutPrefix(id, "hf://datasets/"); ok {
		parts := strings.SplitN(rest, "/", 3)
		if len(parts) < 2 {
			return Ref{}, false
		}
		name, _, _ := strings.Cut(parts[1], "@")
		id, start, dataset = parts[0]+"/"+name, repo.end-len(rest), true
	}
	if !dataset || !IsHubID(id) || start+len(id) > len(src) || string(src[start:start+len(id)]) != id {
		return Ref{}, false
	}
	return Ref{Kind: DatasetID, ID: id, Text: id, Start: start, End: start + len(id), Via: "download"}, true
}

// datasetKeys name a dataset id in training configs: TRL's and
// alignment-handbook's dataset_name, axolotl's datasets/test_datasets/
// pretraining_dataset lists (their path:), alignment-handbook's
// dataset_mixer (ids as keys) and dataset_mixture (datasets: - id:),
// LLaMA-Factory's dataset_info.json (hf_hub_url).
var datasetKeys = map[string]bool{
	"dataset_name": true, "dataset_id": true, "dataset": true, "dataset_path": true, "dataset_repo": true,
	"train_dataset": true, "eval_dataset": true, "hf_hub_url": true, "datasets": true, "test_datasets": true,
	"pretraining_dataset": true, "dataset_mixer": true, "dataset_mixture": true, "dataset_repo_id": true,
}

// ParseConfigDatasets finds dataset ids in a YAML or JSON training config:
// a string under one of datasetKeys, the path: or id: of a mapping in such
// a list, or a key of dataset_mixer. A file that does not parse yields
// nothing (its models are reported by the config reader).
func ParseConfigDatasets(text []byte) []Ref {
	if !bytes.Contains(text, []byte("dataset")) && !bytes.Contains(text, []byte("hf_hub_url")) {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal(text, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	lines := lineStarts(text)
	var refs []Ref
	seen := map[int]bool{}
	add := func(n *yaml.Node, via string) {
		if n.Kind != yaml.ScalarNode || !IsHubID(n.Value) || localDataDir(n.Value) || len(refs) >= maxShellRefs {
			return
		}
		start, ok := nodeOffset(text, lines, n)
		if !ok || seen[start] {
			return
		}
		seen[start] = true
		refs = append(refs, Ref{Kind: DatasetID, ID: n.Value, Text: n.Value, Start: start, End: start + len(n.Value), Via: via})
	}
	var walk func(n *yaml.Node, key string, inDatasets bool, depth int)
	walk = func(n *yaml.Node, key string, inDatasets bool, depth int) {
		if depth > 32 {
			return
		}
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, key, inDatasets, depth+1)
			}
		case yaml.ScalarNode:
			if datasetKeys[key] || inDatasets && (key == "path" || key == "id" || key == "") {
				add(n, key)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key, inDatasets || datasetKeys[key], depth+1)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if key == "dataset_mixer" {
					add(k, key) // ids as keys, weights as values
					continue
				}
				walk(v, k.Value, inDatasets || key == "dataset_mixture" || datasetKeys[key] && key != "dataset", depth+1)
			}
		}
	}
	walk(&doc, "", false, 0)
	return refs
}

// lineStarts are the byte offsets where each line of text begins.
func lineStarts(text []byte) []int {
	starts := []int{0}
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// nodeOffset is the byte offset of a scalar's value: yaml.v3 gives lines
// and columns counted in runes, and a quoted scalar starts after its quote.
func nodeOffset(text []byte, lines []int, n *yaml.Node) (int, bool) {
	if n.Line < 1 || n.Line > len(lines) {
		return 0, false
	}
	off := lines[n.Line-1]
	for col := 1; col < n.Column && off < len(text); col++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		off++
	}
	if off+len(n.Value) > len(text) || string(text[off:off+len(n.Value)]) != n.Value {
		return 0, false
	}
	return off, true
}

// localDataDir reports an "org/name" whose org is a common data folder
// (data/train.jsonl, datasets/mine): a path, not a Hub id.
func localDataDir(id string) bool {
	org, _, _ := strings.Cut(strings.ToLower(id), "/")
	switch org {
	case "data", "datasets", "dataset", "local", "tmp", "output", "outputs", "cache":
		return true
	}
	return false
}
