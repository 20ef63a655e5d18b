package analysis

import (
	"bytes"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/fineprint-dev/fineprint/analysis/manifest"
)

// Kind says what role a file plays for fineprint. A file's kind decides which
// readers look at it.
type Kind int

const (
	KindOther         Kind = iota
	KindLicense            // a license text, terms of use, use policy or NOTICE
	KindCard               // a Markdown file with model-card front matter
	KindModelfile          // an Ollama Modelfile
	KindAdapterConfig      // a PEFT adapter_config.json
	KindGGUF               // a GGUF model file (only its header is read)
	KindPython             // Python source that may name Hub models
	KindProfile            // .fineprint.yaml
	KindLock               // fineprint.lock
	KindPolicyCopy         // a recorded policy under .fineprint/policies/
	KindMarkdown           // a Markdown file that may turn out to be a card or a license
	KindShell              // a shell script, Dockerfile, Makefile or CI workflow that may download Hub models
	KindNotebook           // a Jupyter notebook whose code cells may load Hub models
	KindConfig             // a YAML, TOML or JSON file that may configure training, merging or serving
	KindScript             // JavaScript or TypeScript that may load models (transformers.js, Ollama, LangChain)
	KindPackage            // a package manifest (requirements.txt, pyproject.toml, package.json ...)
)

var kindNames = [...]string{"other", "license", "card", "modelfile", "adapter-config", "gguf", "python", "profile", "lock", "policy-copy", "markdown", "shell", "notebook", "config", "script", "package"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Document is one file of a workspace snapshot: its path relative to the
// workspace root ("/"-separated) and its bytes. For GGUF files Text holds only
// a bounded prefix of the file (the header), and Size the full size. For a
// notebook read from disk Text may be its compact form
// (manifest.CompactNotebook: the cells' sources at their own lines and
// columns, without the outputs), which every reader reads as the file.
//
// Text must not be modified once a Document has been analysed: new content
// comes in a new slice. The Analyzer recognises an unchanged file by its
// array, without reading it again.
type Document struct {
	Path string
	Kind Kind
	Text []byte
	Size int64
	// Omitted says that the file was read and found to hold nothing any
	// rule reads (Analyzer.Retains): Text is nil and the file yields no
	// findings. A workspace of source files keeps only their sizes.
	Omitted bool
	// TooLarge is the size cap the file (an editor buffer) exceeds: Text is
	// nil and the analysis reports manifest/unreadable on it instead of
	// reading it. Zero for every file that was read.
	TooLarge int64
}

// ProfileFile and LockFile are the names of fineprint's own files at the
// workspace root.
const (
	ProfileFile = ".fineprint.yaml"
	LockFile    = "fineprint.lock"
	PoliciesDir = ".fineprint/policies"
)

// ClassifyPath decides a file's kind from its path alone. It returns
// KindMarkdown or KindOther for files whose kind depends on their content;
// ClassifyContent settles those.
func ClassifyPath(p string) Kind {
	base := path.Base(p)
	lower := strings.ToLower(base)
	switch {
	case p == ProfileFile:
		return KindProfile
	case p == LockFile:
		return KindLock
	case strings.HasPrefix(p, PoliciesDir+"/") || strings.HasPrefix(p, ".fineprint/licenses/"): // recorded copies are never analysed as licenses
		return KindPolicyCopy
	case lower == "modelfile" || strings.HasPrefix(lower, "modelfile.") || strings.HasSuffix(lower, ".modelfile"):
		return KindModelfile
	case lower == "adapter_config.json":
		return KindAdapterConfig
	case strings.HasSuffix(lower, ".gguf"):
		return KindGGUF
	case manifest.IsPackageManifest(base):
		return KindPackage
	case isPackageList(lower):
		// constraints-gpl.txt, deps.gpllike.txt: other lists of packages,
		// whose comments may say "GPL-licensed", are no license texts.
		return KindOther
	case strings.HasSuffix(lower, ".py"):
		return KindPython
	case isShellName(lower), isCIWorkflow(p, lower):
		return KindShell
	case strings.HasSuffix(lower, ".ipynb"):
		return KindNotebook
	case isConfigName(lower):
		return KindConfig
	case isScriptName(lower):
		return KindScript
	case isLicenseName(lower):
		return KindLicense
	case strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".markdown") || strings.HasSuffix(lower, ".txt"):
		return KindMarkdown
	}
	return KindOther
}

// isPackageList matches the names of dependency lists: requirements*.txt,
// constraints*.txt, *.in of pip-tools, and lists named for the licenses of
// what they hold (*.gpllike.txt).
func isPackageList(lower string) bool {
	ext := path.Ext(lower)
	if ext != ".txt" && ext != ".in" {
		return false
	}
	return strings.HasPrefix(lower, "requirements") || strings.HasPrefix(lower, "constraints") ||
		strings.Contains(lower, "gpllike")
}

// isShellName matches the files whose commands may download models:
// shell scripts, Dockerfiles (Containerfiles) and Makefiles.
func isShellName(lower string) bool {
	switch path.Ext(lower) {
	case ".sh", ".bash", ".zsh", ".mk", ".dockerfile", ".containerfile":
		return true
	}
	for _, name := range []string{"dockerfile", "containerfile", "makefile", "gnumakefile"} {
		if lower == name || strings.HasPrefix(lower, name+".") {
			return true
		}
	}
	return false
}

// isConfigName matches the files that may configure training, merging,
// evaluation or serving: any YAML, TOML or JSON file, or an env file, recognised as one by
// its keys (manifest.ParseConfig), not by its folder.
func isConfigName(lower string) bool {
	if lower == ".env" || strings.HasPrefix(lower, ".env.") || strings.HasPrefix(lower, "env.") {
		return true // compose's env files: MODEL_ID=org/name; templates such as env.example
	}
	switch path.Ext(lower) {
	case ".yaml", ".yml", ".toml", ".json", ".env":
		return !strings.HasSuffix(lower, ".lock.json") && lower != "package-lock.json" && lower != "tsconfig.json"
	}
	return false
}

// isScriptName matches JavaScript and TypeScript sources.
func isScriptName(lower string) bool {
	switch path.Ext(lower) {
	case ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx":
		return !strings.HasSuffix(lower, ".min.js") && !strings.HasSuffix(lower, ".d.ts")
	}
	return false
}

// isCIWorkflow matches CI definitions whose steps are shell commands:
// GitHub Actions workflows and .gitlab-ci.yml. Their "run:" lines read as
// shell well enough to find an `hf download`.
func isCIWorkflow(p, lowerBase string) bool {
	if lowerBase == ".gitlab-ci.yml" {
		return true
	}
	ext := path.Ext(lowerBase)
	return (ext == ".yml" || ext == ".yaml") && (strings.HasPrefix(p, ".github/workflows/") || strings.Contains(p, "/.github/workflows/"))
}

// codeOrDataExt are extensions of files that are never license texts even
// when "license" is part of their name (license_test.go, notices.txtar).
var codeOrDataExt = map[string]bool{
	".py": true, ".ipynb": true, ".go": true, ".json": true, ".yaml": true, ".yml": true, ".toml": true, ".txtar": true,
	".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".tsx": true, ".jsx": true, ".lua": true, ".el": true,
	".sh": true, ".rs": true, ".c": true, ".h": true, ".cc": true, ".cpp": true, ".java": true, ".kt": true,
	".rb": true, ".php": true, ".cs": true, ".swift": true, ".html": true, ".css": true, ".xml": true,
	".csv": true, ".tsv": true, ".lock": true, ".sum": true, ".mod": true, ".png": true, ".jpg": true,
	".svg": true, ".pdf": true, ".zip": true, ".gz": true, ".tar": true, ".gguf": true, ".safetensors": true,
	".bin": true, ".pt": true, ".pth": true, ".onnx": true, ".vsix": true,
}

// isLicenseName matches the license file names (docs/architecture.md,
// "What fineprint reads"): LICENSE*,
// LICENCE*, COPYING*, *LICENSE* (LICENSE-MODEL, MODEL_LICENSE, "Tongyi
// Qianwen LICENSE AGREEMENT"), *TERMS_OF_USE*, USE_POLICY*, *ACCEPTABLE_USE*,
// NOTICE*.
func isLicenseName(lower string) bool {
	if codeOrDataExt[path.Ext(lower)] || strings.HasPrefix(lower, ".") {
		// .license_check_skip and other dot files are tools' settings
		return false
	}
	for _, prefix := range []string{"licence", "copying", "notice", "use_policy", "use-policy"} {
		if strings.HasPrefix(lower, prefix) {
			return true
		}
	}
	// 许可证 / 许可协议 (license, license agreement) name Chinese license files
	for _, part := range []string{"license", "terms_of_use", "terms-of-use", "acceptable_use", "acceptable-use", "许可证", "许可协议"} {
		if strings.Contains(lower, part) {
			return true
		}
	}
	return false
}

// ClassifyContent settles the kind of a file that ClassifyPath left open:
// Markdown or text whose front matter carries model-card keys is a card;
// text whose opening lines carry a license, terms-of-use or use-policy title
// is a license text.
func ClassifyContent(k Kind, text []byte) Kind {
	if k != KindMarkdown && k != KindOther {
		return k
	}
	if HasCardFrontMatter(text) {
		return KindCard
	}
	if hasLicenseTitle(text) {
		return KindLicense
	}
	return k
}

// cardKeys are the front-matter keys that make a Markdown file a model card.
var cardKeys = []string{"license", "license_name", "license_link", "base_model", "base_model_relation", "pipeline_tag", "library_name", "extra_gated_"}

// HasCardFrontMatter reports whether text opens with a YAML front-matter
// block that has at least one model-card key at its top level.
func HasCardFrontMatter(text []byte) bool {
	// Byte by byte, without copying: every Markdown file of a workspace
	// comes through here.
	t := bytes.TrimPrefix(text[:min(len(text), 64<<10)], []byte(bom))
	t = bytes.TrimLeft(t, " \t\r\n")
	if !bytes.HasPrefix(t, []byte("---")) {
		return false
	}
	nl := bytes.IndexByte(t, '\n')
	for nl >= 0 {
		t = t[nl+1:]
		nl = bytes.IndexByte(t, '\n')
		line := t
		if nl >= 0 {
			line = t[:nl]
		}
		line = bytes.TrimRight(line, "\r")
		if bytes.HasPrefix(line, []byte("---")) {
			return false
		}
		for _, key := range cardKeys {
			if bytes.HasPrefix(line, []byte(key)) {
				rest := line[len(key):]
				if strings.HasSuffix(key, "_") || bytes.HasPrefix(bytes.TrimLeft(rest, " "), []byte(":")) {
					return true
				}
			}
		}
	}
	return false
}

const bom = "\xef\xbb\xbf"

// hasLicenseTitle reports whether one of the first three non-empty lines of
// text is a license, terms-of-use or use-policy title (real license files are
// named falcon180BTOU.md). A title line ends with the title's noun ("...
// License", "License Agreement", "Terms of Use", "Acceptable Use Policy"),
// perhaps followed by a version, a date or a parenthesis, and reads as a
// name, not a sentence: a README saying "MIT licensed" or "Released under
// the MIT License", or a bare "License" section heading, is not a license.
func hasLicenseTitle(text []byte) bool {
	s := strings.TrimPrefix(string(text[:min(len(text), 2048)]), bom)
	seen := 0
	for _, raw := range strings.Split(s, "\n") {
		line := titleText(raw)
		if line == "" {
			continue
		}
		if !yamlKeyLine.MatchString(raw) && isLicenseTitle(line) {
			return true
		}
		seen++
		if seen == 3 {
			break
		}
	}
	return false
}

// titleText lower-cases a line and strips Markdown and HTML marks, emoji and
// the punctuation titles are decorated with; lines of punctuation alone
// (rules such as "====") become empty.
func titleText(line string) string {
	var b strings.Builder
	inTag := false
	for _, r := range line {
		switch {
		case r == '<':
			inTag = true
		case r == '>' && inTag:
			inTag = false
		case inTag:
		case r == '*' || r == '#' || r == '_' || r == '=' || r == '`' || r == '|':
		case r > 0x2000 && !unicode.IsLetter(r) && !unicode.IsDigit(r):
			// emoji, CJK brackets and other symbols around a title
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	t := strings.Join(strings.Fields(b.String()), " ")
	if strings.Trim(t, "-=~.:") == "" {
		return ""
	}
	return t
}

// titleNouns end a license title; sentenceWords mark running text.
var (
	titleNouns    = []string{"license", "licence", "license agreement", "licence agreement", "licensing agreement", "terms of use", "terms of service", "use policy"}
	cjkTitleNouns = []string{"许可证", "许可协议", "使用协议", "授权协议"}
	sentenceWords = []string{"under", "is", "are", "was", "licensed", "see", "read", "our", "please", "you", "this project"}
	yamlKeyLine   = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_-]*:(\s|$)`) // "short_name: X License" is data, not a title
	titleTails    = regexp.MustCompile(`(,?\s*(version|v|ver\.?)\s*[0-9][0-9.]*|\s*\([^)]*\)|,?\s*dated .*|\s+[0-9][0-9.]*|,?\s*(january|february|march|april|may|june|july|august|september|october|november|december) [0-9, ]+)$`)
)

func isLicenseTitle(line string) bool {
	if len(line) > 100 || strings.HasSuffix(line, ".") {
		return false
	}
	for _, noun := range cjkTitleNouns {
		// Chinese titles have no spaces ("360智脑开源模型许可证"); "请参阅许可协议" (see the license) is a sentence
		if strings.HasSuffix(line, noun) && len(line) > len(noun) && !strings.ContainsAny(line, "。，请见遵") {
			return true
		}
	}
	for {
		trimmed := titleTails.ReplaceAllString(line, "")
		if trimmed == line {
			break
		}
		line = strings.TrimSpace(trimmed)
	}
	words := " " + line + " "
	for _, w := range sentenceWords {
		if strings.Contains(words, " "+w+" ") {
			return false
		}
	}
	for _, noun := range titleNouns {
		if line == noun {
			return strings.Contains(noun, " ") // "Terms of Use" is a title, a bare "License" heading is not
		}
		if strings.HasSuffix(line, noun) && line[len(line)-len(noun)-1] == ' ' {
			return true
		}
	}
	return false
}
