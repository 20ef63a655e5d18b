package manifest

import (
	"regexp"
	"sort"
	"strings"
)

var (
	// pyEnvCallRE finds os.getenv( and os.environ.get( anywhere.
	pyEnvCallRE = regexp.MustCompile(`\b(?:getenv|environ\s*\.\s*get)\s*\(`)
	// pyExtendRE finds NAME.extend( and NAME.append( (a list of models
	// grown in place).
	pyExtendRE = regexp.MustCompile(`\b([A-Za-z_]\w*)\s*\.\s*(?:extend|append)\s*\(`)
)

// pyNamedModels returns the literals that name the model a program uses
// by the name they are held under, whatever call later receives them:
//   - the value of a model-named variable or dict key (GENERATION_MODEL =
//     "...", "embedding_model": "..."), a literal, the default of
//     os.getenv, or the literal that ends an `or` chain
//     (os.getenv("M") or config.get("m") or "org/name");
//   - the default of os.getenv("RERANKER_MODEL", "org/name") anywhere;
//   - the items of a list, tuple or dict assigned to, or extended into, a
//     name that says it holds models (EMBEDDING_MODELS = [...],
//     embedding_models.extend([...])).
//
// The caller keeps the literals that are Hub ids (or Ollama names when
// the file uses Ollama); lists give Hub ids only, as their second result.
func pyNamedModels(src, code []byte, lits []pyLiteral, byQuote map[int]pyLiteral) (single, listed []pyLiteral) {
	// A plain literal counts under an upper-case constant (the setting a
	// module exports); under another name only a value the environment may
	// override (os.getenv's default, an `or` fallback) does, or one the
	// program reads later (a config module's pretrained_model_name_or_path
	// = "org/name" handed to dict(type=...from_pretrained,
	// pretrained_model_name_or_path=pretrained_model_name_or_path)): a
	// lower-case variable assigned a literal and never loaded is not a
	// dependency.
	value := func(from int, constant bool, loaded func() bool) {
		if l, literal, ok := pyValueLiteral(src, code, from, byQuote); ok && (constant || !literal || loaded()) {
			single = append(single, l)
		}
	}
	never := func() bool { return false }
	var lastLoads map[string]int // built when a lower-case name holds a literal
	for _, m := range pyAssignRE.FindAllSubmatchIndex(code, maxPyCalls) {
		name := string(code[m[2]:m[3]])
		valueAt := m[1] - 1
		if enclosingCall(code, m[2]) >= 0 {
			continue // a parameter's default or a keyword argument, not an assignment
		}
		if modelNamed(name) {
			value(valueAt, strings.ToUpper(name) == name, func() bool {
				if lastLoads == nil {
					lastLoads = pyLastLoads(code)
				}
				last, ok := lastLoads[name]
				return ok && last > valueAt
			})
		} else if strings.Contains(strings.ToLower(name), "model") {
			listed = append(listed, pyItems(code, valueAt, lits)...)
		}
	}
	// "key": value in a dict literal.
	for _, l := range lits {
		if l.formatted || len(single) >= maxPyCalls {
			continue
		}
		k := l.end + 1
		for k < len(code) && (code[k] == ' ' || code[k] == '\t') {
			k++
		}
		if k < len(code) && code[k] == ':' && modelNamed(string(src[l.start:l.end])) {
			value(k+1, false, never)
		}
	}
	for _, m := range pyEnvCallRE.FindAllIndex(code, maxPyCalls) {
		if !pyValueStart(code, m[0]) {
			continue // an argument among others (a label, a session name)
		}
		args := splitArgs(code, m[1])
		if len(args) != 2 {
			continue
		}
		name, ok := literalAt(code, args[0].start, args[0].end, byQuote)
		if !ok || !modelNamed(string(src[name.start:name.end])) {
			continue
		}
		if l, ok := literalAt(code, args[1].start, args[1].end, byQuote); ok {
			single = append(single, l)
		}
	}
	for _, m := range pyExtendRE.FindAllSubmatchIndex(code, maxPyCalls) {
		if strings.Contains(strings.ToLower(string(code[m[2]:m[3]])), "model") {
			listed = append(listed, pyItems(code, m[1], lits)...)
		}
	}
	return single, listed
}

// pyLastLoads returns, for each identifier code reads, the offset of its
// last read: an occurrence of the whole identifier that is not an
// attribute (args.name), a keyword or an assignment target (name = ...,
// f(name=...)). One pass over code, so that asking it of every model-named
// assignment of a file stays linear in the file.
func pyLastLoads(code []byte) map[string]int {
	out := map[string]int{}
	for at := 0; at < len(code); {
		if !isIdent(code[at]) {
			at++
			continue
		}
		end := at
		for end < len(code) && isIdent(code[end]) {
			end++
		}
		start := at
		at = end
		if start > 0 && code[start-1] == '.' {
			continue
		}
		k := end
		for k < len(code) && (code[k] == ' ' || code[k] == '\t') {
			k++
		}
		if k < len(code) && code[k] == '=' && (k+1 == len(code) || code[k+1] != '=') {
			continue // assigned, or a keyword of the same name
		}
		out[string(code[start:end])] = start
	}
	return out
}

// pyValueLiteral returns the literal a value at from comes to when nothing
// overrides it: the literal itself, os.getenv's default, or the literal
// that ends an `or` chain on the same line; literal says it is the first.
func pyValueLiteral(src, code []byte, from int, byQuote map[int]pyLiteral) (l pyLiteral, literal, ok bool) {
	// Read at most maxValueBytes of the value, so that a long line of
	// "model": entries costs linear time.
	code = code[:min(len(code), from+maxValueBytes)]
	if literalFollowed(code, from, byQuote, &l) {
		return l, true, true
	}
	if l, ok := envDefault(code, from, byQuote); ok {
		// os.getenv("WATSONX_MODEL", ...) names a hosted API's model.
		m := envRE.FindIndex(code[from:lineEnd(code, from)])
		args := splitArgs(code, from+m[1])
		if name, ok := literalAt(code, args[0].start, args[0].end, byQuote); ok && hostedPrefixed(strings.ToLower(string(src[name.start:name.end]))) {
			return pyLiteral{}, false, false
		}
		return l, false, true
	}
	end := lineEnd(code, from)
	line := string(code[from:end])
	if i := strings.LastIndex(line, " or "); i >= 0 && literalFollowed(code, from+i+len(" or "), byQuote, &l) {
		return l, false, true
	}
	return pyLiteral{}, false, false
}

// pyValueStart reports an expression at offset at that is a whole value:
// after "=", ":", "(" or "return" (reading back over an "os." receiver).
func pyValueStart(code []byte, at int) bool {
	k := at - 1
	for k >= 0 && (code[k] == ' ' || code[k] == '\t' || code[k] == '.' || isIdent(code[k])) {
		k--
	}
	return k >= 0 && (code[k] == '=' || code[k] == ':' || code[k] == '(')
}

// pyItems returns the literals that are the items of the list, tuple, set
// or dict that starts (after blanks) at from: an element, a key, or a
// key's value when that is a literal itself; nothing nested deeper (a
// dict of file names per model gives the models, not the files). Nothing
// when no bracket starts there.
func pyItems(code []byte, from int, lits []pyLiteral) []pyLiteral {
	for from < len(code) && (code[from] == ' ' || code[from] == '\t') {
		from++
	}
	if from >= len(code) || strings.IndexByte("[({", code[from]) < 0 {
		return nil
	}
	open := from + 1
	if code[from] == '(' { // extend([...]) or a tuple
		k := open
		for k < len(code) && (code[k] == ' ' || code[k] == '\t' || code[k] == '\n' || code[k] == '\r') {
			k++
		}
		if k < len(code) && (code[k] == '[' || code[k] == '(') {
			open = k + 1
		}
	}
	args := splitArgs(code, open)
	if len(args) == 0 {
		return nil
	}
	inside := litsIn(lits, open, args[len(args)-1].end)
	byQuote := make(map[int]pyLiteral, len(inside))
	for _, l := range inside {
		byQuote[l.quote] = l
	}
	var out []pyLiteral
	for _, arg := range args {
		var l pyLiteral
		if !literalFollowed(code, skipBlanks(code, arg.start, arg.end), byQuote, &l) {
			if !itemKey(code, arg, byQuote, &l) {
				continue
			}
			out = append(out, l)
			// "key": "value"
			var v pyLiteral
			if colon := skipBlanks(code, l.end+1, arg.end); colon < arg.end && code[colon] == ':' &&
				literalFollowed(code, skipBlanks(code, colon+1, arg.end), byQuote, &v) {
				out = append(out, v)
			}
			continue
		}
		if !l.formatted {
			out = append(out, l)
		}
	}
	return out
}

// itemKey accepts the literal that starts arg when a ':' follows it (a
// dict's key).
func itemKey(code []byte, arg span, byQuote map[int]pyLiteral, l *pyLiteral) bool {
	at := skipBlanks(code, arg.start, arg.end)
	k, ok := byQuote[at]
	if !ok || k.formatted {
		return false
	}
	colon := skipBlanks(code, k.end+1, arg.end)
	if colon >= arg.end || code[colon] != ':' {
		return false
	}
	*l = k
	return true
}

// skipBlanks returns the first offset from from (before to) that is not a
// blank or a line break.
func skipBlanks(code []byte, from, to int) int {
	for from < to && (code[from] == ' ' || code[from] == '\t' || code[from] == '\n' || code[from] == '\r') {
		from++
	}
	return from
}

// maxValueBytes bounds the text of one value read by pyValueLiteral.
const maxValueBytes = 1 << 10

// litsIn returns the literals (sorted by offset) that start after from and
// end by to, found by binary search.
func litsIn(lits []pyLiteral, from, to int) []pyLiteral {
	i := sort.Search(len(lits), func(i int) bool { return lits[i].start > from })
	j := i
	for j < len(lits) && lits[j].end <= to {
		j++
	}
	return lits[i:j]
}
