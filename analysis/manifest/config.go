package manifest

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
)

// configKeys are the keys of training, merging, evaluation and serving
// configs whose value names a model the project depends on: axolotl's
// base_model, transformers/TRL/alignment-handbook's model_name_or_path,
// mergekit's models: - model: and base_model, LLaMA-Factory's
// model_name_or_path, lm-eval's pretrained, and the like. Output targets
// (hub_model_id, output_dir, push_to_hub's names) are not among them.
var configKeys = map[string]bool{
	"base_model": true, "model_name_or_path": true, "pretrained_model_name_or_path": true, "model_name": true,
	"model_id": true, "model": true, "tokenizer": true, "tokenizer_name": true, "tokenizer_name_or_path": true,
	"base_model_name_or_path": true, "model_path": true, "tokenizer_path": true, "base_model_config": true,
	"reward_model": true, "reward_model_path": true, "ref_model": true, "ref_model_name_or_path": true,
	"teacher_model": true, "teacher_model_name_or_path": true, "draft_model": true, "speculative_model": true,
	"pretrained": true, "adapter_name_or_path": true, "lora_model_dir": true, "model_repo": true, "repo_id": true,
	"hf_model_id": true, "embedding_model": true, "embed_model": true, "reranker_model": true, "llm_model": true,
	// Environment variables of compose files and Helm values.
	"MODEL": true, "MODEL_ID": true, "MODEL_NAME": true, "HF_MODEL_ID": true, "HF_MODEL": true, "BASE_MODEL": true,
	"modelURL": true, "model_url": true,
	"LLM_MODEL": true, "EMBEDDING_MODEL": true, "MODEL_PATH": true, "MODEL_REPO": true, "SERVED_MODEL": true,
}

// outputKeys name where a model is written, not read.
var outputKeys = map[string]bool{"hub_model_id": true, "output_model": true, "output_model_id": true, "save_model": true,
	"push_model": true, "export_model": true, "served_model_name": true}

// isConfigKey reports a key whose value names a model the config reads:
// one of configKeys, or a name ending the way such keys do
// (speculative_draft_model_path, critic_model_name_or_path, judge_model).
func isConfigKey(key string) bool {
	if configKeys[key] {
		return true
	}
	if outputKeys[key] {
		return false
	}
	for _, suffix := range []string{"_model_path", "_model_name_or_path", "_model_id", "_model"} {
		if strings.HasSuffix(key, suffix) {
			return true
		}
	}
	return false
}

// ParseConfig finds the models a YAML, TOML or JSON config names, whatever
// folder it is in: a value of one of configKeys that is a Hub id
// (`base_model: org/name`, `model = "org/name"`, `"model_name_or_path":
// "org/name"`, a compose `- MODEL_ID=org/name`), and command lines written
// as a string or a list (`command: --model-id org/name`, `args: ["--model",
// "org/name"]`, `command: vllm serve org/name`). Comment lines are skipped;
// hosted-API names (openai/gpt-4o, anthropic/...) are not models. Ranges
// are the id inside its quotes.
func ParseConfig(src []byte) []Ref {
	if !bytes.Contains(src, []byte("model")) && !bytes.Contains(src, []byte("MODEL")) && !bytes.Contains(src, []byte("tokenizer")) && !bytes.Contains(src, []byte("LLM")) &&
		!bytes.Contains(src, []byte(".safetensors")) && !bytes.Contains(src, []byte(".ckpt")) && !bytes.Contains(src, []byte("laion2b")) {
		return nil
	}
	var refs []Ref
	var words []shellWord // every scalar of the file, for option pairs
	// Command lines need an option or a server's verb; a vocabulary or a
	// data file (tokenizer.json) has neither and is not split into words.
	commands := bytes.Contains(src, []byte("--")) || bytes.Contains(src, []byte("serve")) || bytes.Contains(src, []byte("-hf"))
	pending := "" // a model key whose value is on the next line
	ollama := usesOllama(src)
	listKey := "" // the key of the list whose "- item" lines follow
	for i := 0; i < len(src) && len(refs) < maxShellRefs; i = lineEnd(src, i) + 1 {
		end := lineEnd(src, i)
		line := src[i:end]
		j := 0
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		if j == len(line) || line[j] == '#' || bytes.HasPrefix(line[j:], []byte("//")) {
			continue
		}
		if end-i > maxConfigLine {
			continue // a minified or data line: no config key is written so
		}
		lineWords := configWords(src, i+j, end)
		// key:\n  value, the value alone on the next line.
		if pending != "" && len(lineWords) == 1 && !strings.HasSuffix(lineWords[0].text, ":") {
			if r, ok := wordRef(src, lineWords[0], pending, lineWords[0].start, nil); ok {
				refs = append(refs, r)
			}
		}
		// An Ollama Helm chart's values: ollama: models: pull: [- name].
		if len(lineWords) == 2 && lineWords[0].text == "-" && ollama && (listKey == "pull" || listKey == "run") {
			if r, ok := ollamaWord(src, lineWords[1], listKey, true); ok {
				refs = append(refs, r)
			}
		} else if !(len(lineWords) == 1 && strings.HasSuffix(lineWords[0].text, ":")) {
			listKey = ""
		}
		pending = ""
		if len(lineWords) == 1 && strings.HasSuffix(lineWords[0].text, ":") {
			key := strings.TrimSuffix(lineWords[0].text, ":")
			if modelNamed(key) {
				pending = key
			}
			listKey = key
		}
		for _, r := range composeDefaultRefs(src, i+j, end, ollama) {
			refs = append(refs, r)
		}
		for _, w := range lineWords {
			if commands && w.text != "-" && len(words) < maxConfigWords {
				words = append(words, w)
			}
		}
		for _, w := range lineWords {
			if r, ok := checkpointRef(w.text, w.start); ok && w.end-w.start == len(w.text) && len(refs) < maxShellRefs {
				refs = append(refs, r)
			}
		}
		if r, ok := keyValueRef(src, lineWords, ollama); ok {
			refs = append(refs, r)
		} else if r, ok := torchtuneRef(src, lineWords); ok {
			refs = append(refs, r)
		}
	}
	for _, r := range optionRefs(src, words, nil) {
		if !containsRange(refs, r) {
			refs = append(refs, r)
		}
	}
	slices.SortStableFunc(refs, func(a, b Ref) int { return a.Start - b.Start })
	return refs
}

// Bounds on what one config costs: lines longer than maxConfigLine are
// skipped, and command lines are looked for among the first maxConfigWords
// scalars.
const (
	maxConfigLine  = 16 << 10
	maxConfigWords = 100_000
)

// keyValueRef reads `key: value`, `key = value`, `"key": "value"` and
// `- KEY=value` from the words of one line.
// With Ollama in the file (or in the key: OLLAMA_MODEL), a value written
// like an Ollama name counts too (GENERATION_MODEL=qwen3.5:9b, LLM=llama2).
func keyValueRef(src []byte, ws []shellWord, ollama bool) (Ref, bool) {
	if len(ws) == 0 {
		return Ref{}, false
	}
	k := 0
	if ws[0].text == "-" && len(ws) > 1 {
		k = 1
	}
	key, value := ws[k].text, shellWord{}
	switch {
	case strings.HasSuffix(key, ":") && k+1 < len(ws):
		key, value = strings.TrimSuffix(key, ":"), ws[k+1]
	case k+2 < len(ws) && (ws[k+1].text == ":" || ws[k+1].text == "="):
		value = ws[k+2]
	case strings.Contains(key, "=") && ws[k].end-ws[k].start == len(key):
		name, v, _ := strings.Cut(key, "=")
		key, value = name, shellWord{text: v, start: ws[k].start + len(name) + 1, end: ws[k].end, literal: true}
	default:
		return Ref{}, false
	}
	if !modelNamed(key) || len(ws) > k+3 {
		return Ref{}, false
	}
	if r, ok := wordRef(src, value, key, value.start, nil); ok {
		return r, true
	}
	if ollama || strings.Contains(strings.ToLower(key), "ollama") {
		return ollamaWord(src, value, key, false)
	}
	return Ref{}, false
}

// ollamaWord makes the Ollama reference of a literal scalar (see
// ollamaValue).
func ollamaWord(src []byte, w shellWord, via string, bare bool) (Ref, bool) {
	if !w.literal || w.end <= w.start || w.end > len(src) || string(src[w.start:w.end]) != w.text {
		return Ref{}, false
	}
	r, ok := ollamaValue(w.text, bare)
	r.Start, r.End, r.Via = w.start, w.end, via
	return r, ok
}

// composeDefaultRE matches a compose or shell default, ${NAME:-value} or
// ${NAME-value}.
var composeDefaultRE = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*):?-([A-Za-z0-9_.:/\-]+)\}`)

// composeDefaultRefs reads the defaults of model-named variables in
// src[from:to] (one line): `- LLM=${LLM-llama2}`, `MODEL: ${MODEL:-org/name}`,
// the model a compose service runs when the environment does not say.
func composeDefaultRefs(src []byte, from, to int, ollama bool) []Ref {
	if !bytes.Contains(src[from:to], []byte("${")) {
		return nil
	}
	var refs []Ref
	for _, m := range composeDefaultRE.FindAllSubmatchIndex(src[from:to], 8) {
		name := string(src[from+m[2] : from+m[3]])
		if !modelNamed(name) {
			continue
		}
		w := shellWord{text: string(src[from+m[4] : from+m[5]]), start: from + m[4], end: from + m[5], literal: true}
		if r, ok := wordRef(src, w, name, w.start, nil); ok {
			refs = append(refs, r)
		} else if r, ok := ollamaWord(src, w, name, false); ok && (ollama || strings.Contains(strings.ToLower(name), "ollama")) {
			refs = append(refs, r)
		}
	}
	return refs
}

// configWords splits one line of a config into scalars: separated by
// blanks, commas, brackets and braces, quotes removed, a "key:" kept
// whole with its colon. A trailing "#" comment ends the line.
func configWords(src []byte, from, to int) []shellWord {
	var ws []shellWord
	for i := from; i < to; {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\r':
			i++
			continue
		case c == '#' && (i == from || src[i-1] == ' ' || src[i-1] == '\t'):
			return ws
		case c == '"' || c == '\'':
			end := i + 1
			for end < to && src[end] != c {
				if src[end] == '\\' {
					end++
				}
				end++
			}
			if end >= to {
				return ws
			}
			w := shellWord{text: string(src[i+1 : end]), start: i + 1, end: end, literal: !bytes.ContainsAny(src[i+1:end], "\\$")}
			i = end + 1
			if i < to && src[i] == ':' { // "key": value
				w.text += ":"
				i++
			}
			ws = append(ws, w)
			continue
		}
		start := i
		for i < to && !strings.ContainsRune(" \t,[]{}\"'\r", rune(src[i])) {
			if src[i] == ':' && (i+1 == to || src[i+1] == ' ' || src[i+1] == '\t') {
				i++
				break
			}
			i++
		}
		text := string(src[start:i])
		ws = append(ws, shellWord{text: text, start: start, end: start + len(text), literal: !strings.ContainsAny(text, "$`*?")})
	}
	return ws
}

func containsRange(refs []Ref, r Ref) bool {
	for _, x := range refs {
		if x.Start == r.Start && x.End == r.End {
			return true
		}
	}
	return false
}

// tuneDownloadRE matches torchtune's `tune download ORG/NAME --output-dir
// /tmp/NAME` (written in its configs' opening comment).
var tuneDownloadRE = regexp.MustCompile(`tune download ([\w.-]+)/([\w.-]+)`)

// torchtuneRef reads a torchtune checkpointer's checkpoint_dir or a
// tokenizer's path, "/tmp/NAME/...": the model is the ORG/NAME the file's
// `tune download` fetched into that folder. The range is NAME in the path.
func torchtuneRef(src []byte, ws []shellWord) (Ref, bool) {
	if len(ws) != 2 || (ws[0].text != "checkpoint_dir:" && ws[0].text != "path:") {
		return Ref{}, false
	}
	v := ws[1]
	rest, ok := strings.CutPrefix(v.text, "/tmp/")
	if !ok || v.end-v.start != len(v.text) {
		return Ref{}, false
	}
	name, _, _ := strings.Cut(rest, "/")
	for _, m := range tuneDownloadRE.FindAllSubmatch(src, 16) {
		if id := string(m[1]) + "/" + name; string(m[2]) == name && IsHubID(id) {
			start := v.start + len("/tmp/")
			return Ref{Kind: HubID, ID: id, Text: name, Start: start, End: start + len(name), Via: "torchtune"}, true
		}
	}
	return Ref{}, false
}
