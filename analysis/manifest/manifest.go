// Package manifest finds the models a project depends on in the files that
// name them: Ollama Modelfiles, PEFT adapter_config.json files, Python
// sources and Jupyter notebooks that load Hugging Face Hub models, and shell
// scripts, Dockerfiles and Makefiles that download them with `hf download`.
//
// Every parser is pure (bytes in, byte ranges out) and returns References:
// the model named, what kind of name it is, and the exact range of the name
// in the file (inside the quotes for string literals), which is where
// diagnostics and hovers attach.
package manifest

import "strings"

// RefKind says what sort of name a reference uses.
type RefKind int

const (
	HubID       RefKind = iota // a Hugging Face Hub repository id, "org/name"
	OllamaName                 // an Ollama library or registry name, "llama3.2:3b"
	LocalPath                  // a file or folder path, relative to the referencing file
	UnknownKind                // something else (a URL, a blob digest)
	DatasetID                  // a Hugging Face Hub dataset id, "org/name" (datasets.go)
)

var refKindNames = [...]string{"hub", "ollama", "path", "unknown", "dataset"}

func (k RefKind) String() string { return refKindNames[k] }

// Ref is one model named in a manifest.
type Ref struct {
	Kind RefKind
	// ID is the normalised name: "org/name" for Hub ids, "model:tag" (tag
	// defaulting to "latest") or "namespace/model:tag" for Ollama names,
	// the path as written for local paths.
	ID string
	// Text is the name as written and Start/End its byte range.
	Text       string
	Start, End int
	// Via says how the file names it: "FROM", "ADAPTER",
	// "base_model_name_or_path", "from_pretrained", "download", ...
	Via string
}

// ClassifyName decides what kind of name an Ollama FROM/ADAPTER argument or
// a base_model value is, and normalises it.
func ClassifyName(s string) (RefKind, string) {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	switch {
	case s == "":
		return UnknownKind, s
	case strings.HasPrefix(s, "/") || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") ||
		strings.HasPrefix(s, "~") || strings.Contains(s, `\`) || s == "." || s == ".." ||
		strings.HasSuffix(lower, ".gguf") || strings.HasSuffix(lower, ".safetensors") || strings.HasSuffix(lower, ".bin"):
		return LocalPath, s
	case strings.HasPrefix(lower, "sha256:") || strings.Contains(lower, "://"):
		return UnknownKind, s
	}
	for _, host := range []string{"hf.co/", "huggingface.co/"} {
		if rest, ok := strings.CutPrefix(lower, host); ok {
			repo := s[len(s)-len(rest):]
			repo, _, _ = strings.Cut(repo, ":")
			if IsHubID(repo) {
				return HubID, repo
			}
			return UnknownKind, s
		}
	}
	return OllamaName, normaliseOllama(s)
}

// normaliseOllama applies Ollama's name grammar
// [host/][namespace/]model[:tag][@digest] with host registry.ollama.ai,
// namespace library and tag latest as defaults. Library models come back
// as "model:tag", others as "namespace/model:tag" (host dropped when it is
// the default registry).
func normaliseOllama(s string) string {
	s, _, _ = strings.Cut(s, "@")
	parts := strings.Split(s, "/")
	last := parts[len(parts)-1]
	model, tag, ok := strings.Cut(last, ":")
	if !ok || tag == "" {
		tag = "latest"
	}
	ns := "library"
	switch len(parts) {
	case 2:
		ns = parts[0]
	case 3:
		ns = parts[1]
		if !strings.EqualFold(parts[0], "registry.ollama.ai") {
			ns = parts[0] + "/" + parts[1]
		}
	}
	name := strings.ToLower(model) + ":" + strings.ToLower(tag)
	if ns == "library" {
		return name
	}
	return ns + "/" + name
}

// IsHubID reports whether s looks like a Hub repository id: two segments of
// letters, digits, '_', '.' and '-', as in ^[\w.-]+/[\w.-]+$.
func IsHubID(s string) bool {
	org, name, ok := strings.Cut(s, "/")
	return ok && validSegment(org) && validSegment(name) && org != "." && org != ".." && name != "." && name != ".."
}

func validSegment(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !(c == '_' || c == '.' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// hostedOrgs are the provider prefixes of hosted-API model names
// (LiteLLM's "anthropic/claude-3-5-sonnet", OpenRouter's
// "openrouter/...", Together's "together_ai/..."), which name no
// open-weight Hub repository.
var hostedOrgs = map[string]bool{
	"anthropic": true, "groq": true, "together_ai": true, "togetherai": true, "openrouter": true, "replicate": true,
	"bedrock": true, "azure": true, "azure_ai": true, "vertex_ai": true, "gemini": true, "fireworks_ai": true,
	"deepinfra": true, "perplexity": true, "ollama": true, "ollama_chat": true, "cohere_chat": true, "anyscale": true,
	"xai": true, "sagemaker": true, "watsonx": true, "cloudflare": true, "voyage": true, "mistral": true, "claude": true,
}

// HostedAPIName reports an id that names a hosted API's model rather than
// a Hub repository: a provider prefix, or OpenAI's API models
// ("openai/gpt-4o"; openai/whisper-* and openai/gpt-oss-* are Hub repos).
func HostedAPIName(id string) bool {
	org, name, _ := strings.Cut(strings.ToLower(id), "/")
	if hostedOrgs[org] {
		return true
	}
	if org != "openai" || strings.HasPrefix(name, "gpt-oss") {
		return false
	}
	for _, p := range []string{"gpt-3", "gpt-4", "gpt-5", "o1", "o3", "o4", "chatgpt", "text-embedding", "dall-e", "tts-", "davinci", "babbage"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// localDirs are first path segments that name a folder of the project
// (models/Llama-2-7b, saves/qwen-lora, checkpoints/last) rather than a Hub
// organisation, in configs and command lines.
var localDirs = map[string]bool{
	"models": true, "model": true, "checkpoints": true, "checkpoint": true, "ckpt": true, "ckpts": true, "output": true,
	"outputs": true, "saves": true, "weights": true, "data": true, "tmp": true, "local": true, "pretrained": true,
	"cache": true, "results": true, "runs": true, "exp": true, "experiments": true, "artifacts": true,
}

// placeholderOrgs publish tiny random models for tests, not models a
// project depends on.
var placeholderOrgs = map[string]bool{
	"hf-internal-testing": true, "trl-internal-testing": true, "peft-internal-testing": true,
	"optimum-internal-testing": true, "hf-tiny-model-private": true, "diffusers-internal-dev": true,
}

// LocalLooking reports an "org/name" whose org is a common folder name, or
// an organisation of test placeholders (hf-internal-testing/tiny-random-*).
func LocalLooking(id string) bool {
	org, _, _ := strings.Cut(strings.ToLower(id), "/")
	return localDirs[org] || placeholderOrgs[org]
}
