package manifest

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"strings"
)

// Dependency is one package a package manifest declares.
type Dependency struct {
	Name       string // as written
	Ecosystem  string // "pypi" or "npm"
	Start, End int    // byte range of the name
}

// IsPackageManifest reports whether a file name is a package manifest
// fineprint reads: requirements*.txt (and .in), pyproject.toml, setup.py,
// setup.cfg, environment.yml or .yaml (conda), package.json.
func IsPackageManifest(base string) bool {
	lower := strings.ToLower(base)
	switch lower {
	case "pyproject.toml", "setup.py", "setup.cfg", "environment.yml", "environment.yaml", "package.json":
		return true
	}
	ext := path.Ext(lower)
	return strings.HasPrefix(lower, "requirements") && (ext == ".txt" || ext == ".in")
}

// requirement matches a PEP 508 requirement with its name in group 1:
// the name, optional extras, then a version, a marker, a URL or nothing.
var requirement = regexp.MustCompile(`^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?:(?:===|==|>=|<=|~=|!=|<|>|=)\s*[^\s;#,]+(?:\s*,\s*(?:===|==|>=|<=|~=|!=|<|>)\s*[^\s;#,]+)*)?\s*(?:;.*|@.*)?$`)

// quoted matches a string literal in TOML or Python.
var quoted = regexp.MustCompile(`"([^"\\\n]*)"|'([^'\\\n]*)'`)

// ParsePackages returns the dependencies a package manifest declares. It
// reads names only, never versions, and reads as much as it can of a file
// that does not parse. base is the file's name.
func ParsePackages(base string, text []byte) []Dependency {
	switch lower := strings.ToLower(base); {
	case lower == "package.json":
		return parsePackageJSON(text)
	case lower == "pyproject.toml", lower == "setup.py":
		return parseQuotedRequirements(text, lower == "pyproject.toml")
	default: // requirements, setup.cfg, environment.yml
		return parseRequirementLines(lower, text)
	}
}

// parseRequirementLines reads requirements files, setup.cfg and conda
// environments: one requirement a line, after list dashes and indentation.
// In setup.cfg only the values of install_requires, setup_requires,
// tests_require and [options.extras_require] count; in an environment file
// only the dependencies list (its "pip:" list included). Options (-r, -e,
// --index-url) and comments are skipped.
func parseRequirementLines(base string, text []byte) []Dependency {
	lower := strings.ToLower(base)
	cfg := lower == "setup.cfg"
	conda := strings.HasPrefix(lower, "environment.")
	var out []Dependency
	in := !cfg && !conda // inside a list of requirements
	extras := false      // in setup.cfg's [options.extras_require]
	off := 0
	for _, line := range bytes.SplitAfter(text, []byte("\n")) {
		start := off
		off += len(line)
		s := strings.TrimRight(string(line), "\r\n")
		if i := strings.Index(s, " #"); i >= 0 {
			s = s[:i]
		}
		trimmed := strings.TrimLeft(s, " \t")
		lead := len(s) - len(trimmed)
		indented := lead > 0
		switch {
		case cfg && strings.HasPrefix(trimmed, "["):
			extras = strings.TrimSpace(trimmed) == "[options.extras_require]"
			in = false
			continue
		case cfg && !indented && strings.Contains(trimmed, "="):
			k, v, _ := strings.Cut(trimmed, "=")
			switch strings.TrimSpace(k) {
			case "install_requires", "setup_requires", "tests_require":
				in = true
			default:
				in = extras
			}
			lead += len(k) + 1 + len(v) - len(strings.TrimLeft(v, " \t"))
			trimmed = strings.TrimLeft(v, " \t")
		case cfg && !indented:
			in = false
		case conda && !indented && !strings.HasPrefix(trimmed, "-"):
			in = strings.HasPrefix(trimmed, "dependencies:")
			continue
		}
		if !in {
			continue
		}
		if rest, ok := strings.CutPrefix(trimmed, "- "); ok {
			lead += len(trimmed) - len(strings.TrimLeft(rest, " \t"))
			trimmed = strings.TrimLeft(rest, " \t")
		}
		trimmed = strings.TrimRight(trimmed, " \t")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "-") || strings.HasSuffix(trimmed, ":") {
			continue
		}
		if m := requirement.FindStringSubmatchIndex(condaSpec(trimmed)); m != nil {
			out = append(out, Dependency{Name: trimmed[m[2]:m[3]], Ecosystem: "pypi", Start: start + lead + m[2], End: start + lead + m[3]})
		}
	}
	return out
}

// condaSpec turns a channel prefix (conda-forge::name) into spaces of the
// same length, so that offsets keep, and conda's name=1.0=build into
// name=1.0.
func condaSpec(s string) string {
	if i := strings.Index(s, "::"); i >= 0 {
		s = strings.Repeat(" ", i+2) + s[i+2:]
	}
	if strings.Count(s, "=") == 2 && !strings.Contains(s, "==") {
		s = s[:strings.LastIndex(s, "=")]
	}
	return s
}

// parseQuotedRequirements reads every string literal that is a whole
// requirement: PEP 621 dependencies and optional-dependencies, setup()'s
// install_requires and extras_require. In pyproject.toml, Poetry's
// dependency tables name packages as keys (ultralytics = "^8.0").
func parseQuotedRequirements(text []byte, toml bool) []Dependency {
	var out []Dependency
	for _, m := range quoted.FindAllSubmatchIndex(text, -1) {
		s, e := m[2], m[3]
		if s < 0 {
			s, e = m[4], m[5]
		}
		v := string(text[s:e])
		r := requirement.FindStringSubmatchIndex(strings.TrimSpace(v))
		if r == nil || strings.TrimSpace(v) != v || !strings.ContainsAny(v, "<>=~![;") && !looksLikeDependencyList(text, m[0]) {
			continue
		}
		out = append(out, Dependency{Name: v[r[2]:r[3]], Ecosystem: "pypi", Start: s + r[2], End: s + r[3]})
	}
	if toml {
		out = append(out, poetryKeys(text)...)
	}
	return out
}

// looksLikeDependencyList reports whether the string at off sits in a
// list whose key names dependencies (dependencies = [, install_requires=[,
// requires = [): a bare name there is a requirement, elsewhere it may be
// any word.
func looksLikeDependencyList(text []byte, off int) bool {
	open := bytes.LastIndexAny(text[:off], "[]")
	if open < 0 || text[open] != '[' {
		return false
	}
	before := strings.ToLower(string(text[max(0, open-40):open]))
	before = strings.TrimRight(before, " \t=:\r\n(")
	for _, k := range []string{"dependencies", "requires", "install_requires", "requirements", "deps"} {
		if strings.HasSuffix(before, k) || strings.HasSuffix(before, k+`"`) || strings.HasSuffix(before, k+`'`) {
			return true
		}
	}
	// extras_require={"x": [...]} and [project.optional-dependencies] x = [...]
	return strings.Contains(string(text[max(0, open-400):open]), "extras_require") ||
		strings.Contains(string(text[max(0, open-2000):open]), "optional-dependencies]")
}

var poetryKey = regexp.MustCompile(`(?m)^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*["{]`)

// poetryKeys reads the keys of [tool.poetry.dependencies] and its group
// and dev variants.
func poetryKeys(text []byte) []Dependency {
	var out []Dependency
	in := false
	off := 0
	for _, line := range bytes.SplitAfter(text, []byte("\n")) {
		start := off
		off += len(line)
		t := strings.TrimSpace(string(line))
		if strings.HasPrefix(t, "[") {
			in = strings.HasPrefix(t, "[tool.poetry.") && strings.HasSuffix(strings.TrimRight(t, "]"), "dependencies")
			continue
		}
		if !in {
			continue
		}
		if m := poetryKey.FindSubmatchIndex(line); m != nil && string(line[m[2]:m[3]]) != "python" {
			out = append(out, Dependency{Name: string(line[m[2]:m[3]]), Ecosystem: "pypi", Start: start + m[2], End: start + m[3]})
		}
	}
	return out
}

// parsePackageJSON reads the keys of dependencies, devDependencies,
// peerDependencies and optionalDependencies.
func parsePackageJSON(text []byte) []Dependency {
	dec := json.NewDecoder(bytes.NewReader(text))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var out []Dependency
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return out
		}
		key, _ := t.(string)
		switch key {
		case "dependencies", "devDependencies", "peerDependencies", "optionalDependencies":
		default:
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return out
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return out
		}
		for dec.More() {
			before := int(dec.InputOffset())
			t, err := dec.Token()
			if err != nil {
				return out
			}
			name, _ := t.(string)
			if i := bytes.Index(text[before:], []byte(`"`+name+`"`)); i >= 0 && name != "" {
				s := before + i + 1
				out = append(out, Dependency{Name: name, Ecosystem: "npm", Start: s, End: s + len(name)})
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return out
			}
		}
		if _, err := dec.Token(); err != nil {
			return out
		}
	}
	return out
}
