package manifest

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// ParseShell finds the models that shell commands fetch: `hf download
// ORG/NAME` and its predecessor `huggingface-cli download ORG/NAME`,
// `ollama pull NAME` or `ollama run NAME`, and Hub URLs given to wget,
// curl, aria2c or git clone, in shell scripts, Dockerfile RUN
// lines (exec form too), Makefile recipes and the run: steps of CI
// workflows. The command may sit anywhere in a command line (after `RUN`,
// `uvx`, `sudo`, `VAR=value`, a Makefile `@`); its model is the first
// argument that is not an option or an option's value, and counts only when
// it is written out: a word holding `$`, a backquote or a glob is not a
// model id, and `--repo-type dataset` (or `space`) names no model. An
// `hf://` URI counts by its org/name. Lines continued with a backslash are
// one command; `#` comments are skipped. The range is the name as written,
// inside its quotes.
func ParseShell(src []byte) []Ref {
	if !shellMayFetch(src) {
		return nil // most scripts fetch no model: skip the tokenizer
	}
	var refs []Ref
	vars := shellAssignments(src)
	for _, cmd := range shellCommands(execFormBlanked(src)) {
		if len(refs) < maxShellRefs {
			refs = append(refs, hubURLRefs(cmd)...)
			refs = append(refs, optionRefs(src, cmd, vars)...)
		}
		for i := 0; i+1 < len(cmd) && len(refs) < maxShellRefs; i++ {
			var r Ref
			var ok bool
			switch verb := cmd[i+1].text; {
			case isHubCLI(cmd[i].text) && verb == "download":
				r, ok = downloadRef(src, cmd[i+2:])
			case commandName(cmd[i].text) == "ollama" && (verb == "pull" || verb == "run"):
				r, ok = ollamaRef(cmd[i+2:], "ollama "+verb)
			default:
				continue
			}
			if ok {
				refs = append(refs, r)
			}
			break
		}
	}
	return refs
}

// hubURLRefs finds the models a command fetches by URL: `wget`, `curl` or
// `aria2c` of https://huggingface.co/ORG/NAME/resolve/REV/FILE, and `git
// clone https://huggingface.co/ORG/NAME`. The range is ORG/NAME in the URL.
func hubURLRefs(cmd []shellWord) []Ref {
	var refs []Ref
	via := ""
	for _, w := range cmd {
		switch name := commandName(w.text); name {
		case "wget", "curl", "aria2c", "git":
			via = name
			continue
		}
		if via == "" || !w.literal || w.end <= w.start {
			continue
		}
		if id, at, ok := hubURL(w.text); ok {
			refs = append(refs, Ref{Kind: HubID, ID: id, Text: id, Start: w.start + at, End: w.start + at + len(id), Via: via})
		}
	}
	return refs
}

// hubSiteSections are first path segments of huggingface.co that are not
// an organisation or user.
var hubSiteSections = map[string]bool{
	"datasets": true, "spaces": true, "docs": true, "blog": true, "api": true, "settings": true, "login": true,
	"join": true, "pricing": true, "models": true, "papers": true, "learn": true, "organizations": true,
	"tasks": true, "collections": true, "new": true, "chat": true, "posts": true, "enterprise": true, "buckets": true,
}

// hubURL returns the model id in a Hub URL of a model repository or a file
// in it, and its offset in u.
func hubURL(u string) (id string, at int, ok bool) {
	rest := u
	for _, scheme := range []string{"https://", "http://"} {
		rest = strings.TrimPrefix(rest, scheme)
	}
	for _, host := range []string{"huggingface.co/", "hf.co/", "www.huggingface.co/"} {
		if r, found := strings.CutPrefix(rest, host); found {
			parts := strings.SplitN(r, "/", 4)
			if len(parts) < 2 || hubSiteSections[parts[0]] {
				return "", 0, false
			}
			name := strings.TrimSuffix(parts[1], ".git")
			if len(parts) > 2 && parts[2] != "" {
				switch parts[2] {
				case "resolve", "blob", "raw", "tree":
				default:
					return "", 0, false
				}
			}
			id = parts[0] + "/" + name
			if !IsHubID(id) {
				return "", 0, false
			}
			return id, len(u) - len(r), true
		}
	}
	return "", 0, false
}

// ollamaValueOptions are the options of `ollama run` that take a value.
var ollamaValueOptions = map[string]bool{"--format": true, "--keepalive": true}

// ollamaRef reads the model of `ollama pull NAME` or `ollama run NAME
// [PROMPT]`: the first argument that is not an option.
func ollamaRef(args []shellWord, via string) (Ref, bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a.text, "-") {
			if ollamaValueOptions[a.text] {
				i++
			}
			continue
		}
		if !a.literal || a.end <= a.start || !isOllamaName(a.text) {
			return Ref{}, false
		}
		kind, id := ClassifyName(a.text)
		if kind != OllamaName && kind != HubID {
			return Ref{}, false
		}
		return Ref{Kind: kind, ID: id, Text: a.text, Start: a.start, End: a.end, Via: via}, true
	}
	return Ref{}, false
}

// execFormBlanked returns src with the brackets and commas of Dockerfile
// exec-form instructions (RUN ["hf", "download", "org/name"]) blanked, so
// that their JSON strings read as the words of one command. Offsets do not
// change; src itself is returned when it has no such instruction.
func execFormBlanked(src []byte) []byte {
	out, copied := src, false
	for i := 0; i < len(src); i = lineEnd(src, i) + 1 {
		j := i
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		k := j
		for k < len(src) && (src[k] >= 'A' && src[k] <= 'Z' || src[k] >= 'a' && src[k] <= 'z') {
			k++
		}
		switch strings.ToUpper(string(src[j:k])) {
		case "RUN", "CMD", "ENTRYPOINT":
		default:
			continue
		}
		for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if k >= len(src) || src[k] != '[' {
			continue
		}
		if !copied {
			out, copied = append([]byte(nil), src...), true
		}
		inString := false
		for ; k < len(src) && src[k] != '\n'; k++ {
			switch c := src[k]; {
			case inString && c == '\\':
				k++
			case c == '"':
				inString = !inString
			case !inString && (c == '[' || c == ']' || c == ','):
				out[k] = ' '
			}
		}
	}
	return out
}

// shellMayFetch reports whether src holds a word every command ParseShell
// reads needs.
func shellMayFetch(src []byte) bool {
	for _, needle := range []string{"download", "ollama", "hf.co/", "huggingface.co/", "--model", "--base", "--tokenizer", "--hf-repo", "-hf", "serve"} {
		if bytes.Contains(src, []byte(needle)) {
			return true
		}
	}
	return false
}

// maxShellRefs caps the references read from one file, so that a hostile
// file stays cheap.
const maxShellRefs = 10_000

// shellWord is one word of a command: its text with quotes removed, the
// range of that text in the source when the word is one plain or quoted
// piece, and whether it is a literal (no expansion, no glob).
type shellWord struct {
	text       string
	start, end int
	literal    bool
}

// commandName is the program a command word runs, without its folder or a
// Makefile recipe's "@", "-" or "+" ("/usr/local/bin/hf", "@hf": "hf").
func commandName(w string) string { return path.Base(strings.TrimLeft(w, "@-+")) }

// isHubCLI says whether a command word runs the Hub's CLI.
func isHubCLI(w string) bool {
	name := commandName(w)
	return name == "hf" || name == "huggingface-cli" || name == "tune"
}

// hfValueOptions are the options of `hf download` that take a value when
// it is not joined to them with "=".
var hfValueOptions = map[string]bool{
	"--repo-type": true, "--revision": true, "--include": true, "--exclude": true,
	"--cache-dir": true, "--local-dir": true, "--token": true, "--max-workers": true,
	"--local-dir-use-symlinks": true,
}

// downloadArgs reads the arguments after `download`: the repository
// word (nil when there is none) and the --repo-type given ("" when none).
func downloadArgs(args []shellWord) (repo *shellWord, repoType string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if name, value, joined := strings.Cut(a.text, "="); strings.HasPrefix(a.text, "-") {
			if !joined && hfValueOptions[name] && i+1 < len(args) {
				i++
				value = args[i].text
			}
			if name == "--repo-type" {
				repoType = value
			}
			continue
		}
		// The first positional is the repository; a glob before it is one
		// more pattern of an --include or --exclude that took several.
		if repo == nil && !strings.ContainsAny(a.text, "*?[") {
			repo = &args[i]
		}
	}
	return repo, repoType
}

// downloadRef reads the arguments after `download`.
func downloadRef(src []byte, args []shellWord) (Ref, bool) {
	repo, repoType := downloadArgs(args)
	if repoType != "" && repoType != "model" {
		return Ref{}, false
	}
	if repo == nil || !repo.literal || repo.end <= repo.start {
		return Ref{}, false
	}
	id, start := repo.text, repo.start
	if rest, ok := strings.CutPrefix(id, "hf://"); ok {
		// hf://[models/]ORG/NAME[@REVISION][/PATH]; datasets, spaces and
		// buckets name no model.
		first, _, _ := strings.Cut(rest, "/")
		switch first {
		case "datasets", "spaces", "buckets":
			return Ref{}, false
		case "models":
			rest = strings.TrimPrefix(rest, "models/")
		}
		start = repo.end - len(rest)
		parts := strings.SplitN(rest, "/", 3)
		if len(parts) < 2 {
			return Ref{}, false
		}
		name, _, _ := strings.Cut(parts[1], "@")
		id = parts[0] + "/" + name
	}
	if !IsHubID(id) || string(src[start:start+len(id)]) != id {
		return Ref{}, false
	}
	return Ref{Kind: HubID, ID: id, Text: id, Start: start, End: start + len(id), Via: "download"}, true
}

// shellCommands splits src into simple commands, each a list of words.
// It knows what a reference needs: quotes, backslash escapes and line
// continuations, comments, and the operators that end a command (newline,
// ";", "&", "|", "(", ")"). Expansions are not performed; a word holding
// one is marked as not literal.
func shellCommands(src []byte) [][]shellWord {
	var cmds [][]shellWord
	var cmd []shellWord
	endCommand := func() {
		if len(cmd) > 0 {
			cmds = append(cmds, cmd)
			cmd = nil
		}
	}
	start := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		start = 3 // a byte order mark is not part of the first word
	}
	for i := start; i < len(src); {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i += 2
			if src[i-1] == '\r' && i < len(src) && src[i] == '\n' {
				i++
			}
			continue
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')':
			endCommand()
			i++
			continue
		case c == '#':
			i = lineEnd(src, i)
			continue
		}
		w, next := shellWordAt(src, i)
		cmd = append(cmd, w)
		i = next
	}
	endCommand()
	return cmds
}

// shellWordAt reads the word that starts at i and returns it with the
// offset after it.
func shellWordAt(src []byte, i int) (shellWord, int) {
	var text strings.Builder
	w := shellWord{start: -1, literal: true}
	pieces := 0
	for i < len(src) {
		c := src[i]
		switch {
		case endsPiece(c) && c != '\'' && c != '"':
			w.text = text.String()
			if pieces != 1 {
				w.start, w.end = 0, 0 // a word of several pieces has no single range
			}
			return w, i
		case c == '\'' || c == '"':
			end := i + 1
			for end < len(src) && src[end] != c {
				if c == '"' && src[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(src) {
				end, w.literal = len(src), false // unterminated: the shell refuses it
			}
			body := src[i+1 : end]
			if c == '"' && bytes.ContainsAny(body, "$`\\") {
				w.literal = false
			}
			text.Write(body)
			w.start, w.end = i+1, end
			pieces++
			i = min(end+1, len(src))
		default:
			start := i
			for i < len(src) && !endsPiece(src[i]) {
				if src[i] == '\\' || src[i] == '$' || src[i] == '`' || src[i] == '*' || src[i] == '?' || src[i] == '[' {
					w.literal = false
				}
				if src[i] == '\\' && i+1 < len(src) {
					i++
				}
				i++
			}
			text.Write(src[start:min(i, len(src))])
			w.start, w.end = start, min(i, len(src))
			pieces++
		}
	}
	w.text = text.String()
	if pieces != 1 {
		w.start, w.end = 0, 0
	}
	return w, i
}

// endsPiece says whether c ends an unquoted piece of a word: a blank, an
// operator or a quote.
func endsPiece(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ';', '&', '|', '(', ')', '\'', '"':
		return true
	}
	return false
}

// modelOptions are the command-line options whose value names the model a
// program loads, in training scripts (transformers' examples, TRL, PEFT,
// LLaMA-Factory, axolotl) and servers (vLLM, TGI, SGLang, llama.cpp,
// mlx_lm, lmdeploy, optimum-cli). Output options (--output_dir,
// --hub_model_id) are not among them.
var modelOptions = map[string]bool{
	"--model": true, "--model_name_or_path": true, "--model-name-or-path": true, "--model-name": true, "--model_name": true,
	"--model-id": true, "--model_id": true, "--model-path": true, "--model_path": true, "--base_model": true, "--base-model": true,
	"--pretrained_model_name_or_path": true, "--tokenizer": true, "--tokenizer_name": true, "--tokenizer-name": true,
	"--hf-repo": true, "-hf": true, "--hf-path": true, "--hf_path": true, "-hfr": true, "--base_model_name_or_path": true, "--teacher_model_name_or_path": true,
	"--reward_model_path": true, "--sft_model_path": true, "--ref_model": true, "--draft-model": true, "--speculative-model": true,
}

// servePrograms are the programs whose first argument after a verb names
// the model they serve: `vllm serve ORG/NAME`, `lmdeploy serve api_server
// ORG/NAME`.
var servePrograms = map[string][]string{"vllm": {"serve"}, "lmdeploy": {"serve", "api_server"}}

// optionRefs finds the models a command names by option (--model X,
// --model=X, -hf X) or as the model of a server (vllm serve X). A value
// that is a variable assigned earlier in the file ($MODEL, ${MODEL})
// counts by the assignment's value, where the range then points.
func optionRefs(src []byte, cmd []shellWord, vars []shellVar) []Ref {
	var refs []Ref
	add := func(w shellWord, via string, at int) {
		if r, ok := wordRef(src, w, via, at, vars); ok {
			refs = append(refs, r)
		}
	}
	for i := 0; i < len(cmd); i++ {
		w := cmd[i]
		if verbs, ok := servePrograms[commandName(w.text)]; ok && i+len(verbs) < len(cmd) {
			match := true
			for k, v := range verbs {
				match = match && cmd[i+1+k].text == v
			}
			if match {
				j := i + 1 + len(verbs)
				if j < len(cmd) && !strings.HasPrefix(cmd[j].text, "-") {
					add(cmd[j], commandName(w.text)+" "+strings.Join(verbs, " "), cmd[j].start)
				}
				i = j
				continue
			}
		}
		name, value, joined := strings.Cut(w.text, "=")
		if !modelOptions[name] {
			continue
		}
		if !joined {
			if i+1 < len(cmd) {
				add(cmd[i+1], name, cmd[i+1].start)
				i++
			}
			continue
		}
		// --model=org/name, one unquoted piece: the value starts after "=".
		if w.end-w.start == len(w.text) {
			add(shellWord{text: value, start: w.start + len(name) + 1, end: w.end, literal: w.literal}, name, w.start)
		}
	}
	return refs
}

// wordRef makes the reference a word names: a Hub id written out, or a
// variable whose last assignment before at holds one. -hf and --hf-repo
// values may end in ":QUANT".
func wordRef(src []byte, w shellWord, via string, at int, vars []shellVar) (Ref, bool) {
	text, start, end := w.text, w.start, w.end
	if !w.literal {
		v, ok := lookupVar(vars, w.text, at)
		if !ok {
			return Ref{}, false
		}
		text, start, end = v.value, v.start, v.end
	}
	if end <= start || end > len(src) {
		return Ref{}, false
	}
	if via == "-hf" || via == "-hfr" || via == "--hf-repo" {
		if i := strings.IndexByte(text, ':'); i > 0 {
			text, end = text[:i], start+i
		}
	}
	if !IsHubID(text) || string(src[start:end]) != text || HostedAPIName(text) || LocalLooking(text) {
		return Ref{}, false
	}
	return Ref{Kind: HubID, ID: text, Text: text, Start: start, End: end, Via: via}, true
}

// shellVar is one assignment of a value to a variable: NAME=value in a
// script, export NAME=value, ENV/ARG NAME=value in a Dockerfile, NAME ?=
// value in a Makefile.
type shellVar struct {
	name, value string
	at          int // offset of the assignment
	start, end  int // the value's range
}

var shellAssignRE = regexp.MustCompile(`(?m)^[ \t]*(?:export[ \t]+|local[ \t]+|readonly[ \t]+|declare[ \t]+|ENV[ \t]+|ARG[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*[?:+]?=[ \t]*(["']?)([A-Za-z0-9_.:/\-]+)(["']?)[ \t]*(?:[;#&\r]|$)`)

// shellAssignments lists the file's assignments of plain values, in order.
func shellAssignments(src []byte) []shellVar {
	var out []shellVar
	for _, m := range shellAssignRE.FindAllSubmatchIndex(src, maxShellRefs) {
		if string(src[m[4]:m[5]]) != string(src[m[8]:m[9]]) {
			continue // unbalanced quotes
		}
		out = append(out, shellVar{name: string(src[m[2]:m[3]]), value: string(src[m[6]:m[7]]), at: m[0], start: m[6], end: m[7]})
	}
	return out
}

var shellVarRefRE = regexp.MustCompile(`^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$`)

// lookupVar resolves a word that is exactly $NAME or ${NAME} to the last
// assignment of NAME before offset at.
func lookupVar(vars []shellVar, word string, at int) (shellVar, bool) {
	m := shellVarRefRE.FindStringSubmatch(word)
	if m == nil {
		return shellVar{}, false
	}
	name := m[1] + m[2]
	var found shellVar
	ok := false
	for _, v := range vars {
		if v.at >= at {
			break
		}
		if v.name == name {
			found, ok = v, true
		}
	}
	return found, ok
}
