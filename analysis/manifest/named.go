package manifest

import (
	"regexp"
	"strings"
)

// modelNamed reports a variable, key or environment variable whose name
// says it holds the model a program uses, in any case: the config keys
// (model, base_model, model_name_or_path, ...), names ending like them
// (GENERATION_MODEL, RERANKER_MODEL, DEFAULT_MODEL, judge_model_id), and
// LLM / *_LLM, the way compose files and .env files name the model an app
// talks to. A name that starts with a hosted API's provider
// (WATSONX_GENERATION_MODEL, OPENAI_MODEL, AZURE_OPENAI_MODEL) names that
// API's model, not one the project runs.
func modelNamed(name string) bool {
	lower := strings.ToLower(name)
	if hostedPrefixed(lower) || outputKeys[lower] {
		return false
	}
	return isConfigKey(name) || isConfigKey(lower) || lower == "llm" || strings.HasSuffix(lower, "_llm") || strings.HasSuffix(lower, "_model_name")
}

// hostedPrefixed reports a lower-case name whose first segment is a
// hosted API's provider: watsonx_generation_model, openai_model.
func hostedPrefixed(lower string) bool {
	provider, _, ok := strings.Cut(lower, "_")
	return ok && provider != "ollama" && (hostedOrgs[provider] || provider == "openai" || provider == "cohere")
}

// bedrockProviders are the first segments of Amazon Bedrock's model ids
// (anthropic.claude-v2, meta.llama3-8b-instruct-v1:0, us.amazon.nova-pro),
// which name hosted models.
var bedrockProviders = map[string]bool{"anthropic": true, "amazon": true, "meta": true, "cohere": true, "ai21": true,
	"mistral": true, "stability": true, "us": true, "eu": true, "apac": true, "deepseek": true, "writer": true}

// ollamaValue makes an Ollama reference of a value held by a model-named
// key or variable in a file that uses Ollama: "qwen3.5:9b", "llama3.2".
// A bare name (no tag) must hold a digit (llama2, phi3, qwen2.5), so
// that a selector such as "sentence_transformer" or "openai" is not taken
// for a model unless bare is set (an Ollama pull list, where every item
// is a model). Hosted-API names (gpt-4o, claude-3) and names with a
// namespace or a path are not.
func ollamaValue(text string, bare bool) (Ref, bool) {
	if text == "" || !(text[0] >= 'a' && text[0] <= 'z' || text[0] >= 'A' && text[0] <= 'Z') ||
		strings.Contains(text, "/") || !isOllamaName(text) || hostedModelName(text) {
		return Ref{}, false
	}
	name, tag, hasTag := strings.Cut(text, ":")
	if provider, _, ok := strings.Cut(strings.ToLower(name), "."); ok && bedrockProviders[provider] {
		return Ref{}, false
	}
	if !bare && !strings.ContainsAny(name, "0123456789") && !(hasTag && ollamaTag(tag)) {
		return Ref{}, false
	}
	switch strings.ToLower(name) {
	case "true", "false", "none", "null", "ollama", "openai", "default", "auto", "local":
		return Ref{}, false
	}
	kind, id := ClassifyName(text)
	if kind != OllamaName {
		return Ref{}, false
	}
	return Ref{Kind: OllamaName, ID: id, Text: text}, true
}

// ollamaTag reports a tag written the way Ollama's library tags are: a
// size ("9b", "70b-instruct-q4_K_M", "1.5b") or "latest".
func ollamaTag(tag string) bool {
	if tag == "latest" {
		return true
	}
	i := 0
	for i < len(tag) && (tag[i] >= '0' && tag[i] <= '9' || tag[i] == '.') {
		i++
	}
	return i > 0 && i < len(tag) && (tag[i] == 'b' || tag[i] == 'm' || tag[i] == 'B' || tag[i] == 'M')
}

// usesOllama reports a file that mentions Ollama (its client, its host
// variable, its server): evidence that model-named values in it are
// Ollama names.
func usesOllama(src []byte) bool {
	for i := 0; i+6 <= len(src); i++ {
		if (src[i]|0x20) == 'o' && (src[i+1]|0x20) == 'l' && (src[i+2]|0x20) == 'l' && (src[i+3]|0x20) == 'a' &&
			(src[i+4]|0x20) == 'm' && (src[i+5]|0x20) == 'a' {
			return true
		}
	}
	return false
}

// sentenceTransformersCalls load sentence-transformers models, which take
// the library's own models by their short names.
var sentenceTransformersCalls = map[string]bool{"SentenceTransformer": true, "HuggingFaceEmbeddings": true,
	"HuggingFaceEmbedding": true, "SentenceTransformerEmbeddings": true, "HuggingFaceBgeEmbeddings": true}

// stShortRE matches the short names of the models the sentence-transformers
// organisation publishes (all-MiniLM-L6-v2, all-mpnet-base-v2,
// paraphrase-multilingual-MiniLM-L12-v2, multi-qa-mpnet-base-dot-v1, ...),
// which sentence-transformers resolves to sentence-transformers/NAME
// (https://www.sbert.net/docs/sentence_transformer/pretrained_models.html).
var stShortRE = regexp.MustCompile(`^(?:all-(?:MiniLM|mpnet|distilroberta|roberta)|paraphrase-|multi-qa-|msmarco-|distiluse-|nli-|stsb-|gtr-t5-|sentence-t5-|LaBSE$)[\w.-]*$`)

// stShortRef makes the reference of a sentence-transformers short name
// passed to one of its loaders.
func stShortRef(src []byte, l pyLiteral, via string) (Ref, bool) {
	text := string(src[l.start:l.end])
	if l.formatted || !stShortRE.MatchString(text) {
		return Ref{}, false
	}
	return Ref{Kind: HubID, ID: "sentence-transformers/" + text, Text: text, Start: l.start, End: l.end, Via: via}, true
}
