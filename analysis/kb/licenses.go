package kb

// License is one license (a family at one version), or a document that goes
// with one, such as an acceptable-use policy.
type License struct {
	ID      string   `yaml:"id"`      // Hub id where one exists, else lower-case kebab
	Family  string   `yaml:"family"`  // e.g. "llama", "gemma", "openrail", "apache"
	Name    string   `yaml:"name"`    // full human name
	Version string   `yaml:"version"` // e.g. "3.1"; empty when unversioned
	Kind    string   `yaml:"kind"`    // permissive | copyleft | custom | non-commercial | research-only | unknown
	Hub     bool     `yaml:"hub"`     // ID is on the Hugging Face Hub license list
	Aliases []string `yaml:"aliases"` // other ids seen in cards, GGUF headers, SPDX
	// Document is "license" (default) or "policy" for a use policy that a
	// license incorporates.
	Document string `yaml:"document"`
	// Commercial: true when commercial use is allowed (perhaps with
	// conditions), false when forbidden.
	Commercial bool `yaml:"commercial"`
	// Licensecheck lists google/licensecheck ids that mean this license.
	Licensecheck []string `yaml:"licensecheck"`
	URLs         []string `yaml:"urls"` // where the license is published
	Summary      string   `yaml:"summary"`
	Explanation  string   `yaml:"explanation"` // Markdown
}
