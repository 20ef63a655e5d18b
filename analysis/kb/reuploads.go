package kb

import (
	"fmt"
	"regexp"
	"strings"
)

// Reuploads are the naming rules for copies of a model that stay under the
// original's license: organisations that publish re-uploads and
// quantizations, and the format suffixes those copies add to the name.
// Entries live in reuploads.yaml.
type Reuploads struct {
	Orgs     []ReuploadOrg  `yaml:"orgs"`
	Suffixes []FormatSuffix `yaml:"suffixes"`
}

// ReuploadOrg is an organisation whose repositories are copies of other
// licensors' models under the original names.
type ReuploadOrg struct {
	Org    string `yaml:"org"`
	What   string `yaml:"what"`   // what it publishes, for explanations
	Source string `yaml:"source"` // where that is said
}

// FormatSuffix is the end of a name that marks a converted or quantized
// copy ("-GGUF", "-bnb-4bit").
type FormatSuffix struct {
	Pattern string `yaml:"pattern"` // a regular expression matched, ignoring case, at the end of the name
	What    string `yaml:"what"`
	Source  string `yaml:"source"`
	re      *regexp.Regexp
}

func (r *Reuploads) compile() error {
	for i := range r.Suffixes {
		s := &r.Suffixes[i]
		re, err := regexp.Compile(`(?i)(?:` + s.Pattern + `)$`)
		if err != nil {
			return fmt.Errorf("reuploads.yaml: suffix %q: %w", s.Pattern, err)
		}
		if s.Source == "" || s.What == "" {
			return fmt.Errorf("reuploads.yaml: suffix %q: what or source missing", s.Pattern)
		}
		s.re = re
	}
	for _, o := range r.Orgs {
		if o.Org == "" || o.Source == "" || o.What == "" {
			return fmt.Errorf("reuploads.yaml: org %q: org, what or source missing", o.Org)
		}
	}
	return nil
}

// ModelMatch is how a model id resolved through the table.
type ModelMatch struct {
	Model *Model
	// ByNameRule: the id is a re-upload or quantization of Original,
	// found by the naming rules; Org and Suffixes are the rules applied.
	ByNameRule bool
	Original   string
	Org        *ReuploadOrg
	Suffixes   []*FormatSuffix
	Stripped   []string // the suffixes removed, as written in the id
	// ModelScopeDots: the id wrote each "." of the name as "___", as
	// ModelScope's downloaded folders do.
	ModelScopeDots bool
}

// ResolveModel finds the license entry of a Hub id or Ollama name: the
// licensor's own entry in models.yaml when one matches, else, for a copy
// (an organisation that re-uploads, or a name ending in format suffixes),
// the licensor's entry for the name without them, else an entry for
// third-party copies ("*/Llama-2-*").
//
// ModelScope keeps a downloaded model in a folder whose name writes each "."
// of the model's name as "___" (Qwen/Qwen2___5-7B-Instruct for
// Qwen/Qwen2.5-7B-Instruct), and code that loads from those folders carries
// the name so written; such an id resolves as the name with its dots.
func (k *KB) ResolveModel(id string) (ModelMatch, bool) {
	id = strings.TrimSpace(id)
	if m, ok := k.resolveAsWritten(id); ok {
		return m, true
	}
	dotted := strings.ReplaceAll(id, "___", ".")
	if dotted == id {
		return ModelMatch{}, false
	}
	m, ok := k.resolveAsWritten(dotted)
	if !ok {
		return ModelMatch{}, false
	}
	if !m.ByNameRule {
		m.Original = dotted
	}
	m.ByNameRule, m.ModelScopeDots = true, true
	return m, true
}

// resolveAsWritten is ResolveModel for the id exactly as written.
func (k *KB) resolveAsWritten(id string) (ModelMatch, bool) {
	direct := k.Model(id)
	if direct != nil && !strings.HasPrefix(direct.ID, "*") {
		return ModelMatch{Model: direct}, true
	}
	if m, ok := k.reupload(id); ok {
		return m, true
	}
	if direct != nil {
		return ModelMatch{Model: direct}, true
	}
	return ModelMatch{}, false
}

// reupload applies the naming rules to a Hub id.
func (k *KB) reupload(id string) (ModelMatch, bool) {
	org, name, ok := strings.Cut(id, "/")
	if !ok || strings.Contains(name, "/") {
		return ModelMatch{}, false
	}
	var m ModelMatch
	for i := range k.Reuploads.Orgs {
		if strings.EqualFold(k.Reuploads.Orgs[i].Org, org) {
			m.Org = &k.Reuploads.Orgs[i]
		}
	}
	base := name
	for changed := true; changed && len(m.Suffixes) < 8; {
		changed = false
		for i := range k.Reuploads.Suffixes {
			s := &k.Reuploads.Suffixes[i]
			if loc := s.re.FindStringIndex(base); loc != nil && loc[0] > 0 {
				m.Suffixes = append(m.Suffixes, s)
				m.Stripped = append([]string{base[loc[0]:]}, m.Stripped...)
				base = base[:loc[0]]
				changed = true
			}
		}
	}
	if m.Org == nil && len(m.Suffixes) == 0 {
		return ModelMatch{}, false
	}
	entry, licensor := k.licensorEntry(base)
	if entry == nil {
		return ModelMatch{}, false
	}
	m.Model, m.ByNameRule, m.Original = entry, true, licensor+"/"+base
	return m, true
}

// licensorEntry finds the most specific Hub entry, not one for third-party
// copies, whose name part matches name; it returns the entry and the
// licensor's organisation as the entry writes it.
func (k *KB) licensorEntry(name string) (*Model, string) {
	lower := strings.ToLower(name)
	var best *Model
	bestOrg, bestScore := "", -1
	for i := range k.Models {
		m := &k.Models[i]
		org, pattern, ok := strings.Cut(m.ID, "/")
		if !ok || strings.Contains(org, "*") || strings.Trim(pattern, "*") == "" {
			continue // copies of copies, or every model of an organisation
		}
		pattern = strings.ToLower(pattern)
		if !globMatch(pattern, lower) {
			continue
		}
		if score := len(pattern) - strings.Count(pattern, "*"); score > bestScore {
			best, bestOrg, bestScore = m, org, score
		}
	}
	return best, bestOrg
}

// Describe says in words why a re-upload resolved to its original.
func (m ModelMatch) Describe(id string) string {
	if !m.ByNameRule {
		return ""
	}
	var why []string
	if m.ModelScopeDots {
		why = append(why, `"___" is how ModelScope writes "." in the names of downloaded models`)
	}
	if m.Org != nil {
		why = append(why, fmt.Sprintf("%s publishes %s", m.Org.Org, m.Org.What))
	}
	for i, s := range m.Suffixes {
		why = append(why, fmt.Sprintf("%q marks %s", m.Stripped[len(m.Stripped)-1-i], s.What))
	}
	return fmt.Sprintf("%s is a re-upload of %s (%s), under %s's license.", id, m.Original, strings.Join(why, "; "), m.Original)
}
