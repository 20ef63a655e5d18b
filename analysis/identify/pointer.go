package identify

import (
	"regexp"
	"strings"
	"sync"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// Pointers by name: a short license file that names a standard license
// rather than holding its text ("This model is released under the Apache
// 2.0 license, with the following additional restriction: ..."), matched
// by neither licensecheck nor a fingerprint. The name after "licensed
// under" is looked up among the knowledge base's standard licenses (those
// licensecheck knows), by id, alias or name with case, spaces, hyphens and
// the words "license" and "version" left out; the conditions the file sets
// beside the name are terms added to it (pointerTerms).

// underName is where a pointer names its license: the words after
// "licensed under (the)".
var underName = regexp.MustCompile(`(?i)\b(?:licen[cs]ed|released|provided|distributed|published|made available|available|offered) under (?:the (?:terms of (?:the )?)?)?([A-Za-z0-9][A-Za-z0-9 .\-]{0,40})`)

// maxNameWords is the most words of a license's name tried.
const maxNameWords = 6

// namedLicenses returns the standard licenses a short text names after
// "licensed under", each once, in text order.
func namedLicenses(k *kb.KB, text []byte) []*kb.License {
	names := standardNames(k)
	var out []*kb.License
	for _, m := range underName.FindAllSubmatch(text, -1) {
		ws := strings.Fields(strings.ToLower(string(m[1])))
		for n := min(len(ws), maxNameWords); n > 0; n-- {
			if l := names[nameKey(strings.Join(ws[:n], " "))]; l != nil {
				if !containsLicense(out, l) {
					out = append(out, l)
				}
				break
			}
		}
	}
	return out
}

func containsLicense(ls []*kb.License, l *kb.License) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

// nameKey is a license's name without case, spaces, hyphens, a trailing
// full stop and the words "license", "licence", "version", "the".
func nameKey(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == ',' }) {
		w = strings.TrimSuffix(w, ".")
		switch w {
		case "license", "licence", "version", "the", "v":
			continue
		}
		b.WriteString(w)
	}
	return b.String()
}

var standardNamesOf sync.Map // *kb.KB -> map[string]*kb.License

// standardNames indexes the standard licenses of k by the keys of their
// ids, aliases and names.
func standardNames(k *kb.KB) map[string]*kb.License {
	if m, ok := standardNamesOf.Load(k); ok {
		return m.(map[string]*kb.License)
	}
	m := map[string]*kb.License{}
	for i := range k.Licenses {
		l := &k.Licenses[i]
		if len(l.Licensecheck) == 0 || l.IsPolicy() {
			continue
		}
		for _, n := range append([]string{l.ID, l.Name}, l.Aliases...) {
			if key := nameKey(n); key != "" && m[key] == nil {
				m[key] = l
			}
		}
	}
	actual, _ := standardNamesOf.LoadOrStore(k, m)
	return actual.(map[string]*kb.License)
}
