package manifest

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
)

// lexJS blanks comments and string contents out of JavaScript or
// TypeScript source (keeping every offset) and lists the string literals;
// a template literal holding ${...} is marked formatted (not a constant).
func lexJS(src []byte) (code []byte, lits []pyLiteral) {
	code = append([]byte(nil), src...)
	blank := func(from, to int) {
		for k := from; k < to && k < len(code); k++ {
			if code[k] != '\n' && code[k] != '\r' {
				code[k] = ' '
			}
		}
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			end := lineEnd(src, i)
			blank(i, end)
			i = end
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				end = len(src)
			} else {
				end += i + 4
			}
			blank(i, end)
			i = end
		case c == '"' || c == '\'' || c == '`':
			end := i + 1
			for end < len(src) && src[end] != c {
				if src[end] == '\\' {
					end++
				} else if c != '`' && (src[end] == '\n' || src[end] == '\r') {
					break
				}
				end++
			}
			end = min(end, len(src))
			formatted := c == '`' && bytes.Contains(src[i+1:end], []byte("${"))
			blank(i+1, end)
			lits = append(lits, pyLiteral{quote: i, start: i + 1, end: end, formatted: formatted})
			i = end + 1
		default:
			i++
		}
	}
	return code, lits
}

var (
	// jsCallRE finds the calls of transformers.js that name a model:
	// pipeline(task, "org/name") and X.from_pretrained("org/name").
	jsCallRE = regexp.MustCompile(`\b(pipeline|from_pretrained|fromPretrained)\s*\(`)
	// jsModelPropRE finds a model property of an options object:
	// { model: "..." }, as Ollama's, LangChain's and Hugging Face's
	// clients take it.
	jsModelPropRE = regexp.MustCompile(`\b(model|modelName|model_id|modelId|repo)\s*:\s*`)
	// jsIDPropRE finds { id: "..." } in the model lists of transformers.js
	// apps.
	jsIDPropRE = regexp.MustCompile(`\b(id)\s*:\s*`)
	// jsNamedRE finds NAME = and NAME: (a constant, a variable, an
	// object's property), up to the value.
	jsNamedRE = regexp.MustCompile(`\b([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>\[\]|]+\s*=|=|:)[ \t]*`)
	// jsConstRE finds const/let/var NAME = at the start of a statement.
	// Class fields count too: static model_id = "org/name", read through
	// this.model_id.
	jsConstRE = regexp.MustCompile(`(?m)(?:\b(?:const|let|var|static)\s+|^[ \t]*)([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>\[\]|]+\s*)?=[ \t]*`)
)

// ParseScript finds the models JavaScript or TypeScript code loads:
// transformers.js pipeline(task, "org/name") and from_pretrained, and the
// model: of a client's options ({ model: "org/name" }; Ollama names such
// as "llama3.2" when the file uses Ollama). The id is a string literal or a
// constant assigned one. Comments, template literals with
// substitutions and hosted-API names (gpt-4o, claude-3, openai/gpt-4o) are
// not models.
func ParseScript(src []byte) []Ref {
	if !bytes.Contains(src, []byte("model")) && !bytes.Contains(src, []byte("MODEL")) && !bytes.Contains(src, []byte(".safetensors")) && !bytes.Contains(src, []byte("pipeline")) && !bytes.Contains(src, []byte("from_pretrained")) {
		return nil
	}
	code, lits := lexJS(src)
	byQuote := make(map[int]pyLiteral, len(lits))
	for _, l := range lits {
		byQuote[l.quote] = l
	}
	ollama := bytes.Contains(bytes.ToLower(code), []byte("ollama"))
	consts := map[string][]pyAssignment{}
	for _, m := range jsConstRE.FindAllSubmatchIndex(code, maxPyCalls) {
		l, ok := jsLiteralAt(code, m[1], byQuote)
		name := string(code[m[2]:m[3]])
		consts[name] = append(consts[name], pyAssignment{at: m[0], literal: l, ok: ok})
	}
	var refs []Ref
	seen := map[int]bool{}
	add := func(at int, via string, allowOllama bool) {
		l, ok := jsLiteralAt(code, at, byQuote)
		if !ok {
			name, isName := jsNameAt(code, at)
			if !isName {
				return
			}
			l, ok = lastAssignment(consts[name], at)
		}
		if !ok || l.formatted || seen[l.start] || len(refs) >= maxPyCalls {
			return
		}
		text := string(src[l.start:l.end])
		r, ok := modelRef(text, false)
		if !ok && allowOllama {
			r, ok = modelRef(text, true)
			ok = ok && r.Kind == OllamaName && !strings.Contains(text, "/") && !hostedModelName(text)
		}
		if !ok || r.Kind == HubID && (HostedAPIName(r.ID) || LocalLooking(r.ID)) {
			return
		}
		seen[l.start] = true
		r.Start, r.End, r.Via = l.start, l.end, via
		refs = append(refs, r)
	}
	for _, m := range jsCallRE.FindAllSubmatchIndex(code, maxPyCalls) {
		name := string(code[m[2]:m[3]])
		args := splitArgs(code, m[1])
		k := 0
		if name == "pipeline" {
			k = 1
		}
		if k < len(args) {
			add(args[k].start, name, false)
		}
	}
	for _, m := range jsModelPropRE.FindAllSubmatchIndex(code, maxPyCalls) {
		add(m[1], string(code[m[2]:m[3]]), ollama)
	}
	// A list of models a transformers.js app offers ({ id: "org/name" }).
	if bytes.Contains(src, []byte("transformers")) {
		for _, m := range jsIDPropRE.FindAllSubmatchIndex(code, maxPyCalls) {
			add(m[1], "id", false)
		}
	}
	// A setting named for the model it holds: an upper-case constant or
	// property (export const DEFAULT_GENERATION_MODEL = "...", {
	// DEFAULT_MODEL: "org/name" }), and the ids listed in an array or object
	// under a name that says it holds models (const models = {
	// "org/name": [...] }).
	if bytes.Contains(src, []byte("MODEL")) || bytes.Contains(src, []byte("odel")) {
		for _, m := range jsNamedRE.FindAllSubmatchIndex(code, maxPyCalls) {
			name := string(code[m[2]:m[3]])
			switch {
			case strings.ToUpper(name) == name && modelNamed(name):
				add(m[1], name, ollama)
			case strings.Contains(strings.ToLower(name), "model") && m[1] < len(code) && (code[m[1]] == '{' || code[m[1]] == '['):
				for _, l := range pyItems(code, m[1], lits) {
					if !seen[l.start] && len(refs) < maxPyCalls {
						if r, ok := modelRef(string(src[l.start:l.end]), false); ok && !HostedAPIName(r.ID) && !LocalLooking(r.ID) {
							seen[l.start] = true
							r.Start, r.End, r.Via = l.start, l.end, "models"
							refs = append(refs, r)
						}
					}
				}
			}
		}
	}
	refs = append(refs, literalCheckpoints(src, lits, seen, refs, maxPyCalls-len(refs))...)
	slices.SortStableFunc(refs, func(a, b Ref) int { return a.Start - b.Start })
	return refs
}

// hostedModelName reports names of hosted APIs' models written without a
// provider: gpt-4o, o3-mini, claude-3-5-sonnet, gemini-1.5-pro,
// command-r-plus (Cohere's API), text-embedding-3-small.
func hostedModelName(s string) bool {
	s = strings.ToLower(s)
	for _, p := range []string{"gpt-3", "gpt-4", "gpt-5", "o1", "o3", "o4", "chatgpt", "claude", "gemini", "text-embedding", "dall-e", "whisper-1", "tts-1", "sonar", "grok-"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// jsLiteralAt returns the string literal at from (after blanks) when it is
// followed by an end of value: a comma, a closing bracket, a semicolon or
// the end of the line.
func jsLiteralAt(code []byte, from int, byQuote map[int]pyLiteral) (pyLiteral, bool) {
	for from < len(code) && (code[from] == ' ' || code[from] == '\t' || code[from] == '\n' || code[from] == '\r') {
		from++
	}
	l, ok := byQuote[from]
	if !ok {
		return l, false
	}
	rest := l.end + 1
	for rest < len(code) && (code[rest] == ' ' || code[rest] == '\t') {
		rest++
	}
	if rest < len(code) && !strings.ContainsRune(",)}];\n\r", rune(code[rest])) {
		return l, false // "org/" + name, a ternary, a call on the string
	}
	return l, true
}

// jsNameAt returns the identifier at from when it is the whole value;
// this.NAME gives NAME (a class field).
func jsNameAt(code []byte, from int) (string, bool) {
	for from < len(code) && (code[from] == ' ' || code[from] == '\t' || code[from] == '\n' || code[from] == '\r') {
		from++
	}
	if bytes.HasPrefix(code[from:], []byte("this.")) {
		from += len("this.")
	}
	end := from
	for end < len(code) && (isIdent(code[end]) || code[end] == '$') {
		end++
	}
	if end == from || code[from] >= '0' && code[from] <= '9' {
		return "", false
	}
	rest := end
	for rest < len(code) && (code[rest] == ' ' || code[rest] == '\t') {
		rest++
	}
	if rest < len(code) && !strings.ContainsRune(",)}];\n\r", rune(code[rest])) {
		return "", false
	}
	return string(code[from:end]), true
}
