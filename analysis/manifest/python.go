package manifest

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
)

// pyLiteral is one Python string literal: the range of its contents (inside
// the quotes) and whether it is an f-string, whose contents are not a
// constant.
type pyLiteral struct {
	quote, start, end int // offset of the opening quote, contents range
	formatted         bool
}

// lexPython blanks comments and string contents out of src (keeping every
// offset) and lists the string literals, so that call patterns can be
// matched on code alone.
func lexPython(src []byte) (code []byte, lits []pyLiteral) {
	code = append([]byte(nil), src...)
	if bytes.HasPrefix(code, []byte("\xef\xbb\xbf")) {
		copy(code, "   ") // a byte order mark: blank, so the first line reads as code
	}
	blank := func(from, to int) {
		for k := from; k < to; k++ {
			if code[k] != '\n' && code[k] != '\r' {
				code[k] = ' '
			}
		}
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '#':
			end := lineEnd(src, i)
			blank(i, end)
			i = end
			continue
		case c == '"' || c == '\'':
		case isPrefixStart(src, i):
		default:
			i++
			continue
		}
		// A string, perhaps with a prefix such as r, b, f or rb.
		p := i
		formatted := false
		for p < len(src) && p-i < 2 && strings.IndexByte("rRbBuUfF", src[p]) >= 0 {
			if src[p] == 'f' || src[p] == 'F' {
				formatted = true
			}
			p++
		}
		if p >= len(src) || (src[p] != '"' && src[p] != '\'') {
			i = p + 1
			continue
		}
		q := src[p]
		triple := p+2 < len(src) && src[p+1] == q && src[p+2] == q
		start := p + 1
		if triple {
			start = p + 3
		}
		end := start
		for end < len(src) {
			if src[end] == '\\' {
				end += 2
				continue
			}
			if !triple && (src[end] == '\n' || src[end] == '\r') {
				break
			}
			if src[end] == q && (!triple || end+2 < len(src) && src[end+1] == q && src[end+2] == q) {
				break
			}
			end++
		}
		end = min(end, len(src))
		blank(start, end)
		lits = append(lits, pyLiteral{quote: p, start: start, end: end, formatted: formatted})
		i = end + 1
		if triple {
			i = end + 3
		}
	}
	return code, lits
}

// isPrefixStart reports whether a string prefix (r, b, u, f and pairs)
// starts a literal at i: not part of a longer identifier.
func isPrefixStart(src []byte, i int) bool {
	if i > 0 && isIdent(src[i-1]) {
		return false
	}
	for p := i; p < len(src) && p-i < 2; p++ {
		if strings.IndexByte("rRbBuUfF", src[p]) < 0 {
			return (src[p] == '"' || src[p] == '\'') && p > i
		}
	}
	p := i + 2
	return p < len(src) && (src[p] == '"' || src[p] == '\'')
}

func isIdent(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// pyCalls are the calls whose arguments name models: which positional
// argument (0-based, -1 for none) and which keywords carry the model's name.
var pyCalls = map[string]pyCall{
	// transformers, diffusers, peft's Auto classes; Unsloth's
	// FastLanguageModel (model_name=); llama-cpp-python's Llama (repo_id=).
	"from_pretrained":     {0, []string{"pretrained_model_name_or_path", "model_name", "repo_id"}, false},
	"pipeline":            {-1, []string{"model"}, false},
	"hf_hub_download":     {0, []string{"repo_id"}, false},
	"snapshot_download":   {0, []string{"repo_id"}, false},
	"SentenceTransformer": {0, []string{"model_name_or_path"}, false},
	"CrossEncoder":        {0, []string{"model_name", "model_name_or_path"}, false},
	// LangChain's and LlamaIndex's wrappers of sentence-transformers.
	"HuggingFaceEmbeddings":         {-1, []string{"model_name"}, false},
	"HuggingFaceEmbedding":          {-1, []string{"model_name"}, false},
	"SentenceTransformerEmbeddings": {-1, []string{"model_name"}, false},
	"HuggingFaceBgeEmbeddings":      {-1, []string{"model_name"}, false},
	"LLM":                           {-1, []string{"model"}, false}, // vLLM
	// Ollama's Python library and the LangChain and LlamaIndex wrappers
	// name Ollama models ("llama3.2", "qwen2.5:7b").
	"ollama.pull":      {0, []string{"model"}, true},
	"ollama.chat":      {0, []string{"model"}, true},
	"ollama.generate":  {0, []string{"model"}, true},
	"ollama.embed":     {0, []string{"model"}, true},
	"ollama.show":      {0, []string{"model"}, true},
	"ChatOllama":       {-1, []string{"model"}, true},
	"OllamaLLM":        {-1, []string{"model"}, true},
	"OllamaEmbeddings": {-1, []string{"model"}, true},
	"Ollama":           {-1, []string{"model"}, true},
	// The default of a script's model option: argparse's
	// add_argument("--model_name_or_path", default="org/name") and
	// HfArgumentParser's model_name_or_path: str = field(default=...).
	// Counted only when the option or field is named for a model.
	"add_argument": {-1, []string{"default"}, false},
	"field":        {-1, []string{"default"}, false},
	"Option":       {-1, []string{"default"}, false}, // typer.Option(default=...)
	// mlx_lm.load("mlx-community/..."), mlx_vlm.load; counted only in
	// files that use MLX (json.load and torch.load take no Hub ids, but a
	// path such as "weights/x.pt" looks like one).
	"load":    {0, []string{"path_or_hf_repo"}, false},
	"convert": {0, []string{"hf_path"}, false}, // mlx_lm.convert(hf_path=...)
	// timm.create_model("hf-hub:timm/...") and open_clip's
	// create_model_and_transforms("hf-hub:laion/...").
	"create_model":                 {0, []string{"model_name"}, false},
	"create_model_and_transforms":  {0, []string{"model_name"}, false},
	"create_model_from_pretrained": {0, []string{"model_name"}, false},
	// Ultralytics' YOLO("yolov8n.pt"): AGPL-3.0 weights by file name.
	"YOLO":                     {0, []string{"model"}, false},
	"RTDETR":                   {0, []string{"model"}, false},
	"AutoPeftModelForCausalLM": {0, nil, false},
	"WhisperModel":             {0, []string{"model_size_or_path"}, false}, // faster-whisper
	// TRL's trainers take the model's id: GRPOTrainer(model="Qwen/...");
	// every name ending in "Trainer" is read as this one (pyCallSites).
	"Trainer": {-1, []string{"model", "ref_model", "reward_model", "teacher_model"}, false},
	"Engine":  {-1, []string{"model_path"}, false}, // SGLang's sgl.Engine(model_path=...)
}

type pyCall struct {
	positional int
	keywords   []string
	ollama     bool // the model is an Ollama name, not a Hub id
}

// peftFromPretrained is PeftModel.from_pretrained(base_model, "org/adapter"):
// the adapter comes second.
var peftFromPretrained = pyCall{1, []string{"model_id"}, false}

// pyCallNeedles are in every file pyCallSites can find a call in.
var pyCallNeedles = [][]byte{[]byte("from_pretrained"), []byte("pipeline"), []byte("hf_hub_download"),
	[]byte("snapshot_download"), []byte("SentenceTransformer"), []byte("CrossEncoder"), []byte("HuggingFace"), []byte("LLM"), []byte("llama"),
	[]byte("add_argument"), []byte("field"), []byte("/resolve/"), []byte("mlx_"), []byte("hf_path"), []byte("hf-hub:"), []byte("YOLO"), []byte("RTDETR"),
	[]byte("WhisperModel"), []byte("Option"), []byte("Trainer"), []byte("Engine"), []byte("repo_id"), []byte("model_id"),
	[]byte("base_model"), []byte("Model("), []byte("Pipeline("), []byte("XL("), []byte("MODEL"), []byte("_model"), []byte("getenv"), []byte("environ"), []byte(".safetensors"), []byte(".ckpt"), []byte("clip"), []byte("laion2b")}

// peftReceiverRE matches the PEFT classes before ".from_pretrained".
var peftReceiverRE = regexp.MustCompile(`\bPeft\w*\s*\.\s*$`)

// ParsePython finds Hub model ids passed to the calls that load models:
// X.from_pretrained("org/name") (PeftModel.from_pretrained(base,
// "org/adapter") too), pipeline(..., model="org/name"),
// hf_hub_download/snapshot_download(repo_id=...), SentenceTransformer(...),
// vLLM's LLM(model=...), Ollama's calls, and the default of a script's
// model option (argparse, dataclass fields).
// The id is a string literal in the call, or a name whose last assignment
// before the call is one (MODEL_ID = "org/name", the way most model cards
// and scripts write it, or os.getenv("MODEL", "org/name")); a name last
// assigned anything else is not read.
// Only literals that look like Hub ids (^[\w.-]+/[\w.-]+$), or for
// Ollama's calls Ollama names, count; comments, f-strings and other
// expressions are skipped. Any string that is the URL of a file in a model
// repository (https://huggingface.co/ORG/NAME/resolve/...) counts too. The
// range is the id inside the quotes, reported once however many calls use
// it.
func ParsePython(src []byte) []Ref {
	if !namesACall(src) {
		return nil // most Python files load no model: skip the lexer and the regexp
	}
	code, lits := lexPython(src)
	usesMLX := bytes.Contains(src, []byte("mlx_lm")) || bytes.Contains(src, []byte("mlx_vlm"))
	byQuote := make(map[int]pyLiteral, len(lits))
	for _, l := range lits {
		byQuote[l.quote] = l
	}
	var assigned map[string][]pyAssignment // built when a call passes a name
	var refs []Ref
	seen := map[int]bool{} // literal starts already reported
	// A cap on calls keeps a hostile file (a megabyte of "pipeline(") cheap.
	for _, m := range pyCallSites(code, maxPyCalls) {
		name := m.name
		spec := pyCalls[name]
		if name == "from_pretrained" && peftReceiverRE.Match(code[max(0, m.start-64):m.start]) {
			spec = peftFromPretrained
		}
		if (name == "load" || name == "convert") && !usesMLX {
			continue
		}
		args := splitArgs(code, m.open)
		if notAModel(src, code, args, byQuote) || !namedForAModel(src, code, name, m.start, args, byQuote) {
			continue
		}
		for i, arg := range args {
			kw, valueAt := keyword(code, arg)
			if !(kw == "" && i == spec.positional || kw != "" && contains(spec.keywords, kw)) {
				continue
			}
			l, ok := literalAt(code, valueAt, arg.end, byQuote)
			var many []pyLiteral // the ids of a list, tuple, dict or parametrize
			if !ok {
				variable, isName := nameAt(code, valueAt, arg.end)
				if !isName {
					variable, isName = subscriptOf(code, valueAt, arg.end)
				}
				if !isName {
					continue
				}
				if assigned == nil {
					assigned = pyAssignments(code, byQuote)
				}
				l, ok = lastAssignment(assigned[variable], m.start)
				if !ok {
					many = pyCollection(src, code, variable, m.start, lits, assigned)
				}
			} else {
				many = []pyLiteral{l}
			}
			if ok {
				many = []pyLiteral{l}
			}
			for _, l := range many {
				if l.formatted || seen[l.start] {
					continue
				}
				r, ok := pyModelRef(src, l, name, spec.ollama)
				if !ok && sentenceTransformersCalls[name] {
					r, ok = stShortRef(src, l, name)
				}
				if ok {
					seen[l.start] = true
					refs = append(refs, r)
				}
			}
		}
	}
	// Keyword arguments that name a model in any call
	// (ModelSpec(repo_id="org/name"), Config(base_model="org/name")), and
	// the first argument of a model class of the project's own
	// (StableDiffusionXL("org/name")).
	for _, l := range pyKeywordModels(src, code, byQuote) {
		if !seen[l.start] && len(refs) < maxPyCalls {
			if r, ok := pyModelRef(src, l, "keyword", false); ok {
				seen[l.start] = true
				refs = append(refs, r)
			}
		}
	}
	// Literals held under a name that says they are the model (see
	// pyNamedModels): Hub ids, or Ollama names when the file uses Ollama.
	single, listed := pyNamedModels(src, code, lits, byQuote)
	ollama := usesOllama(src)
	for _, l := range single {
		if seen[l.start] || l.formatted || len(refs) >= maxPyCalls {
			continue
		}
		r, ok := pyModelRef(src, l, "variable", false)
		if !ok && ollama {
			r, ok = ollamaValue(string(src[l.start:l.end]), false)
			r.Start, r.End, r.Via = l.start, l.end, "variable"
		}
		if ok {
			seen[l.start] = true
			refs = append(refs, r)
		}
	}
	for _, l := range listed {
		if !seen[l.start] && len(refs) < maxPyCalls {
			if r, ok := pyModelRef(src, l, "models", false); ok {
				seen[l.start] = true
				refs = append(refs, r)
			}
		}
	}
	// A well-known checkpoint file, by its name.
	refs = append(refs, literalCheckpoints(src, lits, seen, refs, maxPyCalls-len(refs))...)
	// A URL of a file in a model repository, wherever it is fetched from
	// (torch.hub.load_state_dict_from_url, requests.get, urlretrieve).
	for _, l := range lits {
		text := string(src[l.start:l.end])
		if l.formatted || seen[l.start] || !strings.Contains(text, "/resolve/") {
			continue
		}
		if id, at, ok := hubURL(text); ok && len(refs) < maxPyCalls {
			refs = append(refs, Ref{Kind: HubID, ID: id, Text: id, Start: l.start + at, End: l.start + at + len(id), Via: "url"})
		}
	}
	slices.SortStableFunc(refs, func(a, b Ref) int { return a.Start - b.Start })
	return refs
}

// pyAssignment is one "name = value" statement: where it is, and its value
// when that is a single string literal.
type pyAssignment struct {
	at, valueAt int
	literal     pyLiteral
	ok          bool
}

// pyAssignRE matches an assignment at the start of a line, with an optional
// annotation ("MODEL: str = ..."), but not a comparison ("x == y").
var pyAssignRE = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[^=]`)

var (
	pyDefRE   = regexp.MustCompile(`\bdef\s+[A-Za-z_]\w*\s*\(`)
	pyParamRE = regexp.MustCompile(`^\s*\*{0,2}([A-Za-z_]\w*)\s*(?::[^=]*)?=\s*`)
)

// pyAssignments lists the simple assignments of code by name, in order.
func pyAssignments(code []byte, byQuote map[int]pyLiteral) map[string][]pyAssignment {
	out := map[string][]pyAssignment{}
	for _, m := range pyAssignRE.FindAllSubmatchIndex(code, maxPyCalls) {
		valueAt := m[1] - 1
		l, ok := literalAt(code, valueAt, lineEnd(code, valueAt), byQuote)
		if !ok {
			l, ok = envDefault(code, valueAt, byQuote)
		}
		if !ok {
			l, ok = constantValue(code, out, valueAt, lineEnd(code, valueAt))
		}
		name := string(code[m[2]:m[3]])
		out[name] = append(out[name], pyAssignment{at: m[0], valueAt: valueAt, literal: l, ok: ok})
	}
	// Parameter defaults: def main(base_model: str = "org/name", ...) on
	// one line (a parameter on a line of its own is an assignment above).
	for _, m := range pyDefRE.FindAllIndex(code, maxPyCalls) {
		for _, arg := range splitArgs(code, m[1]) {
			pm := pyParamRE.FindSubmatchIndex(code[arg.start:arg.end])
			if pm == nil {
				continue
			}
			valueAt := arg.start + pm[1]
			l, ok := literalAt(code, valueAt, arg.end, byQuote)
			if !ok {
				l, ok = constantValue(code, out, valueAt, arg.end)
			}
			if ok {
				name := string(code[arg.start+pm[2] : arg.start+pm[3]])
				out[name] = append(out[name], pyAssignment{at: arg.start, valueAt: valueAt, literal: l, ok: true})
			}
		}
	}
	for name, as := range out {
		slices.SortStableFunc(as, func(a, b pyAssignment) int { return a.at - b.at })
		out[name] = as
	}
	return out
}

// constantValue resolves a value that is a name assigned a literal earlier
// (key: str = _DEFAULT_MODEL, or MODEL = DEFAULT_MODEL): one step, to the
// name's last assignment so far.
func constantValue(code []byte, so map[string][]pyAssignment, from, to int) (pyLiteral, bool) {
	text := strings.TrimRight(strings.TrimSpace(string(code[from:to])), ",)")
	name, ok := nameAt([]byte(text), 0, len(text))
	if !ok || len(so[name]) == 0 {
		return pyLiteral{}, false
	}
	a := so[name][len(so[name])-1]
	return a.literal, a.ok && a.at < from
}

// envRE matches os.getenv( and os.environ.get( at the start of a value.
var envRE = regexp.MustCompile(`^\s*(?:os\s*\.\s*)?(?:getenv|environ\s*\.\s*get)\s*\(`)

// envDefault returns the default of os.getenv("MODEL", "org/name") (or
// os.environ.get) when that is the whole value at valueAt: the model a
// script loads unless told otherwise.
func envDefault(code []byte, valueAt int, byQuote map[int]pyLiteral) (pyLiteral, bool) {
	m := envRE.FindIndex(code[valueAt:lineEnd(code, valueAt)])
	if m == nil {
		return pyLiteral{}, false
	}
	args := splitArgs(code, valueAt+m[1])
	if len(args) != 2 {
		return pyLiteral{}, false
	}
	if kw, _ := keyword(code, args[1]); kw != "" {
		return pyLiteral{}, false
	}
	return literalAt(code, args[1].start, args[1].end, byQuote)
}

// namedForAModel keeps add_argument and field calls to those that define a
// model option: add_argument's first argument (the flag) or the field's
// name mentions "model". Other calls pass.
func namedForAModel(src, code []byte, call string, at int, args []span, byQuote map[int]pyLiteral) bool {
	var name string
	switch call {
	case "add_argument":
		if len(args) == 0 {
			return false
		}
		l, ok := literalAt(code, args[0].start, args[0].end, byQuote)
		if !ok {
			return false
		}
		name = string(src[l.start:l.end])
	case "field":
		// "name: type = field(" is short: look back a bounded way, so that
		// a long line of field( calls stays linear.
		from := max(0, at-maxFieldPrefix)
		start := lineStart(code[from:], at-from)
		if from > 0 && start == 0 {
			return false // no line start within reach
		}
		m := fieldTargetRE.FindSubmatch(code[from+start : at])
		if m == nil {
			return false
		}
		name = string(m[1])
	default:
		return true
	}
	lower := strings.ToLower(name)
	for _, w := range []string{"model", "hf-path", "hf_path", "hf-repo", "hf_repo", "repo-id", "repo_id"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// maxFieldPrefix bounds the text before field( read for its target.
const maxFieldPrefix = 256

// fieldTargetRE matches the annotated name a dataclass field is assigned
// to, up to the field( call: "model_name_or_path: str = ".
var fieldTargetRE = regexp.MustCompile(`^\s*([A-Za-z_]\w*)\s*:[^=]*=\s*(?:dataclasses\s*\.\s*)?$`)

func lineStart(text []byte, i int) int {
	for i > 0 && text[i-1] != '\n' && text[i-1] != '\r' {
		i--
	}
	return i
}

// lastAssignment returns the literal of the last assignment before offset
// at, when that assignment is one.
func lastAssignment(as []pyAssignment, at int) (pyLiteral, bool) {
	// as is in file order; a hostile file may hold thousands of both.
	i, _ := slices.BinarySearchFunc(as, at, func(a pyAssignment, at int) int { return a.at - at })
	if i == 0 {
		return pyLiteral{}, false
	}
	return as[i-1].literal, as[i-1].ok
}

// nameAt returns the identifier that is the whole of code[from:to].
func nameAt(code []byte, from, to int) (string, bool) {
	s := strings.TrimSpace(string(code[from:to]))
	if s == "" || !(s[0] == '_' || s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if !isIdent(s[i]) {
			return "", false
		}
	}
	return s, true
}

// pyCallSite is a call of a name in pyCalls: where the name (with its
// receiver for ollama.X) starts, and the offset after its "(".
type pyCallSite struct {
	name        string
	start, open int
}

// ollamaMethods are the calls of Ollama's module that name a model.
var ollamaMethods = map[string]bool{"pull": true, "chat": true, "generate": true, "embed": true, "show": true}

// calledName is the identifier just before the "(" at open (spaces
// between allowed) and where it starts; "" when there is none.
func calledName(code []byte, open int) (string, int) {
	end := open
	for end > 0 && (code[end-1] == ' ' || code[end-1] == '\t') {
		end--
	}
	start := end
	for start > 0 && isIdent(code[start-1]) {
		start--
	}
	return string(code[start:end]), start
}

// pyCallSites finds up to limit calls of the names in pyCalls in code (the
// lexed source: strings and comments blanked), by the identifier before
// each "(". A scan for "(" is linear and, unlike one regexp alternating
// every name, cheap on the long files that mention a loader once.
func pyCallSites(code []byte, limit int) []pyCallSite {
	var sites []pyCallSite
	for i := 0; len(sites) < limit; i++ {
		k := bytes.IndexByte(code[i:], '(')
		if k < 0 {
			break
		}
		i += k
		name, start := calledName(code, i)
		if ollamaMethods[name] {
			// ollama.chat(: the receiver must be the module itself.
			j := start
			for j > 0 && (code[j-1] == ' ' || code[j-1] == '\t') {
				j--
			}
			if j == 0 || code[j-1] != '.' {
				continue
			}
			j--
			for j > 0 && (code[j-1] == ' ' || code[j-1] == '\t') {
				j--
			}
			if j < len("ollama") || string(code[j-len("ollama"):j]) != "ollama" || j > len("ollama") && isIdent(code[j-len("ollama")-1]) {
				continue
			}
			name, start = "ollama."+name, j-len("ollama")
		}
		if strings.HasSuffix(name, "Trainer") {
			name = "Trainer"
		}
		if _, ok := pyCalls[name]; ok && name != "" {
			sites = append(sites, pyCallSite{name: name, start: start, open: i + 1})
		}
	}
	return sites
}

// namesACall reports whether src contains a part of every call name in
// pyCalls anywhere; without one, pyCallSites cannot find a call.
func namesACall(src []byte) bool {
	for _, needle := range pyCallNeedles {
		if bytes.Contains(src, needle) {
			return true
		}
	}
	return false
}

// modelRef makes the reference a literal names: a Hub id, or for Ollama's
// calls an Ollama name (a Hub id written hf.co/org/name there too).
func modelRef(text string, ollama bool) (Ref, bool) {
	if !ollama {
		return Ref{Kind: HubID, ID: text, Text: text}, IsHubID(text)
	}
	if !isOllamaName(text) {
		return Ref{}, false
	}
	kind, id := ClassifyName(text)
	return Ref{Kind: kind, ID: id, Text: text}, kind == OllamaName || kind == HubID
}

// isOllamaName reports whether s is written like an Ollama model name:
// [host/][namespace/]model[:tag], of letters, digits, '_', '.', '-'.
func isOllamaName(s string) bool {
	name, tag, hasTag := strings.Cut(s, ":")
	if hasTag && !validSegment(tag) {
		return false
	}
	parts := strings.Split(name, "/")
	if len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		if !validSegment(p) {
			return false
		}
	}
	return true
}

// maxPyCalls caps the model-loading calls read from one file.
const maxPyCalls = 10_000

type span struct{ start, end int }

// notAModel reports a repo_type="dataset" (or "space") argument: the id
// then names no model.
func notAModel(src, code []byte, args []span, byQuote map[int]pyLiteral) bool {
	for _, arg := range args {
		if kw, at := keyword(code, arg); kw == "repo_type" {
			if l, ok := literalAt(code, at, arg.end, byQuote); ok && string(src[l.start:l.end]) != "model" {
				return true
			}
		}
	}
	return false
}

// splitArgs returns the top-level arguments of the call whose "(" ends just
// before open, as ranges of code; it gives up after 8 KB.
func splitArgs(code []byte, open int) []span {
	var args []span
	depth, start := 0, open
	limit := min(len(code), open+8<<10)
	for i := open; i < limit; i++ {
		switch code[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return append(args, span{start, i})
			}
			depth--
		case ',':
			if depth == 0 {
				args = append(args, span{start, i})
				start = i + 1
			}
		}
	}
	return args
}

var keywordRE = regexp.MustCompile(`^\s*([A-Za-z_]\w*)\s*=[^=]`)

// keyword returns the keyword of a keyword argument ("" for a positional
// one) and the offset where its value starts.
func keyword(code []byte, arg span) (string, int) {
	if m := keywordRE.FindSubmatchIndex(code[arg.start:arg.end]); m != nil {
		return string(code[arg.start+m[2] : arg.start+m[3]]), arg.start + m[1] - 1
	}
	return "", arg.start
}

// literalAt returns the string literal that is the whole value in
// code[from:to].
func literalAt(code []byte, from, to int, byQuote map[int]pyLiteral) (pyLiteral, bool) {
	for from < to && strings.IndexByte(" \t\r\n\\", code[from]) >= 0 {
		from++
	}
	for from < to && strings.IndexByte("rRbBuUfF", code[from]) >= 0 {
		from++
	}
	l, ok := byQuote[from]
	if !ok {
		return l, false
	}
	rest := strings.Trim(string(code[min(l.end, to):to]), " \t\r\n\"'")
	return l, rest == ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pyModelRef makes the reference a literal passed to a loader names: a Hub
// id ("hf-hub:" prefix of timm and open_clip removed), an Ollama name for
// Ollama's calls, or an Ultralytics weight file for YOLO/RTDETR.
func pyModelRef(src []byte, l pyLiteral, via string, ollama bool) (Ref, bool) {
	text := string(src[l.start:l.end])
	start := l.start
	if rest, ok := strings.CutPrefix(text, "hf-hub:"); ok {
		text, start = rest, l.start+len("hf-hub:")
	} else if via == "create_model" || via == "create_model_and_transforms" || via == "create_model_from_pretrained" {
		return Ref{}, false // timm's and open_clip's own architecture names
	}
	if via == "YOLO" || via == "RTDETR" {
		if id, ok := ultralyticsID(text); ok {
			return Ref{Kind: HubID, ID: id, Text: text, Start: l.start, End: l.end, Via: via}, true
		}
	}
	r, ok := modelRef(text, ollama)
	if !ok || r.Kind == HubID && (HostedAPIName(r.ID) || LocalLooking(r.ID)) {
		return Ref{}, false
	}
	r.Start, r.End, r.Via = start, start+len(text), via
	return r, true
}

var ultralyticsRE = regexp.MustCompile(`^(yolo(?:v(\d+)|(\d+)))[nsmlxbce]?(?:-(?:seg|pose|cls|obb|worldv2|world))?[nsmlx]?\.(?:pt|yaml)$|^(rtdetr)-[lx]\.pt$`)

// ultralyticsID names the Ultralytics release a weight file belongs to:
// yolov8n.pt -> Ultralytics/YOLOv8, yolo11s-seg.pt -> Ultralytics/YOLO11.
func ultralyticsID(name string) (string, bool) {
	m := ultralyticsRE.FindStringSubmatch(strings.ToLower(name))
	switch {
	case m == nil:
		return "", false
	case m[4] != "":
		return "Ultralytics/RT-DETR", true
	case m[2] != "":
		return "Ultralytics/YOLOv" + m[2], true
	}
	return "Ultralytics/YOLO" + m[3], true
}

// subscriptOf returns NAME when code[from:to] is NAME[...] (a dict or list
// looked up by key or index).
func subscriptOf(code []byte, from, to int) (string, bool) {
	s := strings.TrimSpace(string(code[from:to]))
	i := strings.IndexByte(s, '[')
	if i <= 0 || !strings.HasSuffix(s, "]") {
		return "", false
	}
	return nameAt([]byte(s), 0, i)
}

// pyForRE matches "for X in NAME" and "for K, X in NAME.items()" (loops and
// comprehensions).
var pyForRE = regexp.MustCompile(`\bfor\s+(?:\(?\s*[A-Za-z_]\w*\s*,\s*)?([A-Za-z_]\w*)\s*\)?\s+in\s+`)

// pytestParamRE matches pytest.mark.parametrize( and parametrize(.
var pytestParamRE = regexp.MustCompile(`\bparametrize\s*\(`)

// pyCollection returns the string literals a name may hold when it is not
// a single assigned literal: the items of the list, tuple, set or dict it
// is looped over ("for m in MODELS", "for k, m in MODELS.items()", a
// comprehension), the values of a parametrize that names it, or the items
// of the collection the name itself is assigned ("MODELS[size]").
func pyCollection(src, code []byte, name string, before int, lits []pyLiteral, assigned map[string][]pyAssignment) []pyLiteral {
	var out []pyLiteral
	inSpan := func(from, to int) {
		for _, l := range lits {
			if l.start > from && l.end <= to && !l.formatted {
				out = append(out, l)
			}
		}
	}
	// The collection assigned to name itself ("MODELS = [...]" then MODELS[i]).
	collection := func(n string, at int) {
		as := assigned[n]
		i, _ := slices.BinarySearchFunc(as, at, func(a pyAssignment, at int) int { return a.at - at })
		if i == 0 {
			return
		}
		a := as[i-1]
		v := a.valueAt
		for v < len(code) && (code[v] == ' ' || code[v] == '\t') {
			v++
		}
		if v < len(code) && strings.IndexByte("[({", code[v]) >= 0 {
			args := splitArgs(code, v+1)
			if len(args) > 0 {
				inSpan(v, args[len(args)-1].end)
			}
		}
	}
	for _, m := range pyForRE.FindAllSubmatchIndex(code[:before], maxPyCalls) {
		if string(code[m[2]:m[3]]) != name {
			continue
		}
		v := m[1]
		if v < len(code) && strings.IndexByte("[(", code[v]) >= 0 {
			args := splitArgs(code, v+1)
			if len(args) > 0 {
				inSpan(v, args[len(args)-1].end)
			}
			continue
		}
		if coll, ok := leadingName(code[v:]); ok {
			collection(coll, v)
		}
	}
	// Comprehensions put the loop after the call: [load(m) for m in MODELS].
	if len(out) == 0 {
		lineEndAt := lineEnd(code, before)
		for _, m := range pyForRE.FindAllSubmatchIndex(code[before:lineEndAt], 8) {
			if string(code[before+m[2]:before+m[3]]) == name {
				if coll, ok := leadingName(code[before+m[1]:]); ok {
					collection(coll, before)
				}
			}
		}
	}
	for _, m := range pytestParamRE.FindAllIndex(code[:before], maxPyCalls) {
		args := splitArgs(code, m[1])
		if len(args) < 2 {
			continue
		}
		names, ok := "", false
		for _, lit := range lits {
			if lit.start > args[0].start && lit.end <= args[0].end {
				names = string(src[lit.start:lit.end])
				ok = true
				break
			}
		}
		if !ok || !slices.Contains(strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' }), name) {
			continue
		}
		inSpan(args[1].start-1, args[1].end)
	}
	if len(out) == 0 {
		collection(name, before)
	}
	return out
}

// leadingName returns the identifier code starts with.
func leadingName(code []byte) (string, bool) {
	end := 0
	for end < len(code) && isIdent(code[end]) {
		end++
	}
	if end == 0 {
		return "", false
	}
	return string(code[:end]), true
}

// pyModelKeywordRE matches a keyword argument whose name says it holds a
// model id.
var pyModelKeywordRE = regexp.MustCompile(`\b(repo_id|model_id|model_name|model_name_or_path|pretrained_model_name_or_path|base_model|base_model_name_or_path|hf_repo|hf_path|model_repo|tokenizer_name_or_path)\s*=\s*`)

// pyModelClassRE matches a call of a class named like a model, pipeline or
// tokenizer (StableDiffusionXL, MyPipeline, TextEncoder) at its "(".
var pyModelClassRE = regexp.MustCompile(`\b([A-Z]\w*(?:Diffusion|Pipeline|Model|LLM|Tokenizer|Processor|Encoder|Embeddings?|Classifier|Generator|CLIP|Whisper|VLM|XL)\w*)\s*\(`)

// pyKeywordModels returns the string literals passed as model keywords to
// any call (not assigned at the start of a statement, where a name is only
// a constant) and as the first argument of a model-like class.
func pyKeywordModels(src, code []byte, byQuote map[int]pyLiteral) []pyLiteral {
	var out []pyLiteral
	for _, m := range pyModelKeywordRE.FindAllIndex(code, maxPyCalls) {
		k := m[0] - 1
		for k >= 0 && (code[k] == ' ' || code[k] == '\t' || code[k] == '\n' || code[k] == '\r') {
			k--
		}
		if k < 0 || (code[k] != '(' && code[k] != ',') {
			continue
		}
		if open := enclosingCall(code, m[0]); open < 0 || notAModel(src, code, splitArgs(code, open), byQuote) {
			continue // repo_type="dataset" or "space"
		}
		if l, ok := literalAt(code, m[1], min(len(code), m[1]+512), byQuote); ok || literalFollowed(code, m[1], byQuote, &l) {
			out = append(out, l)
		}
	}
	for _, m := range pyModelClassRE.FindAllSubmatchIndex(code, maxPyCalls) {
		name := string(code[m[2]:m[3]])
		if strings.Contains(name, "Dataset") {
			continue
		}
		args := splitArgs(code, m[1])
		if len(args) == 0 {
			continue
		}
		if kw, _ := keyword(code, args[0]); kw != "" {
			continue
		}
		if l, ok := literalAt(code, args[0].start, args[0].end, byQuote); ok {
			out = append(out, l)
		}
	}
	return out
}

// literalFollowed accepts the literal at from when a comma or a closing
// bracket follows it: the end of a keyword argument's value.
func literalFollowed(code []byte, from int, byQuote map[int]pyLiteral, l *pyLiteral) bool {
	for from < len(code) && (code[from] == ' ' || code[from] == '\t') {
		from++
	}
	lit, ok := byQuote[from]
	if !ok {
		return false
	}
	rest := lit.end + 1
	for rest < len(code) && (code[rest] == ' ' || code[rest] == '\t' || code[rest] == '"' || code[rest] == '\'') {
		rest++
	}
	if rest < len(code) && strings.IndexByte(",)]}\n\r", code[rest]) >= 0 {
		*l = lit
		return true
	}
	return false
}

// enclosingCall returns the offset after the "(" of the call whose
// arguments hold offset at, -1 when there is none within 4 KB.
func enclosingCall(code []byte, at int) int {
	depth := 0
	for i := at - 1; i >= 0 && at-i < 4<<10; i-- {
		switch code[i] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth == 0 {
				if code[i] == '(' {
					return i + 1
				}
				return -1
			}
			depth--
		}
	}
	return -1
}
