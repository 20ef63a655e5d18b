package kb

// Model maps well-known model ids to their license.
type Model struct {
	ID      string `yaml:"id"`      // Hub id or Ollama library name; may end in "*"
	License string `yaml:"license"` // license id
}
