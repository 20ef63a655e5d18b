package kb

import (
	"strings"
	"sync"
)

// Model maps well-known model ids to their license. Entries live in
// models.yaml.
//
// ID is a Hugging Face Hub id ("meta-llama/Llama-3.1-8B") or an Ollama
// library name with its tag ("llama3.1:8b"), and may contain "*" wildcards
// that match any run of characters. Matching ignores case. Hub patterns
// contain a "/", Ollama patterns do not, so the two never mix. When several
// patterns match, the most specific wins: the one with the most characters
// other than "*", then the one listed first.
type Model struct {
	ID      string `yaml:"id"`      // Hub id or Ollama library name; may contain "*"
	License string `yaml:"license"` // license id
	// Base is the Hub id of the model this one is derived from, when its
	// license comes from that base (DeepSeek-R1-Distill-Llama-8B from
	// Llama 3.1 8B). It lets a card that names no base_model still be
	// checked against its lineage.
	Base string `yaml:"base"`
	// Multimodal marks models that take images (Llama 3.2 Vision, every
	// Llama 4 model): the use policies of Llama 3.2 and later withhold
	// their rights for those from people and companies in the EU.
	Multimodal bool `yaml:"multimodal"`
	// Source says where the mapping comes from, for reviewers.
	Source string `yaml:"source"`
}

// Ollama reports whether the entry is an Ollama library name.
func (m *Model) Ollama() bool { return !strings.Contains(m.ID, "/") }

// Model returns the entry for a Hub id ("org/name") or an Ollama library
// name ("model:tag"), or nil when no pattern matches.
func (k *KB) Model(id string) *Model {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" {
		return nil
	}
	return k.models.lookup(id, k.matchModel)
}

func (k *KB) matchModel(id string) *Model {
	hub := strings.Contains(id, "/")
	return mostSpecific(k.Models, id, func(m *Model) (string, bool) { return m.ID, m.Ollama() != hub })
}

// mostSpecific returns the entry whose pattern matches id (lower case) with
// the most characters other than "*", the first listed on a tie; of
// returns an entry's pattern and whether the entry may match at all.
func mostSpecific[T any](entries []T, id string, of func(*T) (string, bool)) *T {
	var best *T
	bestScore := -1
	for i := range entries {
		p, ok := of(&entries[i])
		if !ok {
			continue
		}
		pattern := strings.ToLower(p)
		if !globMatch(pattern, id) {
			continue
		}
		if score := len(pattern) - strings.Count(pattern, "*"); score > bestScore {
			best, bestScore = &entries[i], score
		}
	}
	return best
}

// modelMemo remembers Model's answers. A workspace asks for the same few
// ids once per card and manifest on every analysis, and each question is a
// scan of every pattern: 7 ms a keystroke in a 20,000-file workspace. The
// ids come from the workspace, so the memo is bounded; when full it starts
// over.
type modelMemo struct {
	mu sync.Mutex
	m  map[string]*Model
}

const modelMemoSize = 4096

func (mm *modelMemo) lookup(id string, match func(string) *Model) *Model {
	mm.mu.Lock()
	m, ok := mm.m[id]
	mm.mu.Unlock()
	if ok {
		return m
	}
	m = match(id)
	mm.mu.Lock()
	if mm.m == nil || len(mm.m) >= modelMemoSize {
		mm.m = make(map[string]*Model)
	}
	mm.m[id] = m
	mm.mu.Unlock()
	return m
}

// globMatch matches s against a pattern where "*" stands for any run of
// characters (including "/" and ":").
func globMatch(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}
