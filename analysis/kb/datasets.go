package kb

import "strings"

// Dataset maps a well-known dataset id to the terms its data comes with.
// Entries live in datasets.yaml; ids match like model ids (Model): "*"
// matches any run of characters, case is ignored, the most specific
// pattern wins.
type Dataset struct {
	ID string `yaml:"id"` // Hub id, "org/name", may contain "*"
	// Aliases are the short names the Hub still redirects ("squad" for
	// rajpurkar/squad).
	Aliases []string `yaml:"aliases"`
	License string   `yaml:"license"` // the license id the card declares
	// ModelOutput names the model that wrote the data, when it did: the
	// terms of that model's provider bind the data whatever its license.
	ModelOutput string `yaml:"model_output"`
	// Terms is a sentence on what binds a user beyond the license.
	Terms  string `yaml:"terms"`
	Source string `yaml:"source"`
}

// Dataset returns the entry for a Hub dataset id, or nil.
func (k *KB) Dataset(id string) *Dataset {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" {
		return nil
	}
	for i := range k.Datasets {
		for _, a := range k.Datasets[i].Aliases {
			if strings.EqualFold(a, id) {
				return &k.Datasets[i]
			}
		}
	}
	return mostSpecific(k.Datasets, id, func(d *Dataset) (string, bool) { return d.ID, true })
}

// Package is a package whose license reaches model use: an AGPL package
// (ultralytics, PyMuPDF) or one whose downloaded weights carry terms of
// their own (insightface, audiocraft). Entries live in packages.yaml.
type Package struct {
	Name      string   `yaml:"name"`      // as the registry spells it
	Ecosystem string   `yaml:"ecosystem"` // pypi | npm
	Aliases   []string `yaml:"aliases"`   // other distribution names of the same code
	License   string   `yaml:"license"`   // the package's own license id
	// Weights is the license id of the weights the package downloads,
	// when they come with it.
	Weights string `yaml:"weights"`
	// Network marks network copyleft (AGPL-3.0 section 13): users of a
	// service built on the package are owed its complete source.
	Network bool `yaml:"network"`
	// NonCommercial marks packages whose weights forbid commercial use.
	NonCommercial bool `yaml:"non_commercial"`
	// Says completes "NAME is ...": what the license means for the
	// project, in one clause.
	Says   string `yaml:"says"`
	Source string `yaml:"source"`
}

// Package returns the entry for a package name in an ecosystem ("pypi",
// "npm"), or nil. Python names compare PEP 503-normalised.
func (k *KB) Package(ecosystem, name string) *Package {
	norm := func(s string) string {
		if ecosystem != "pypi" {
			return strings.ToLower(s)
		}
		return NormalizePyPI(s)
	}
	n := norm(name)
	for i := range k.Packages {
		p := &k.Packages[i]
		if p.Ecosystem != ecosystem {
			continue
		}
		for _, a := range append([]string{p.Name}, p.Aliases...) {
			if norm(a) == n {
				return p
			}
		}
	}
	return nil
}

// NormalizePyPI is a Python distribution name as PEP 503 compares it:
// lower case, runs of "-", "_" and "." as one "-".
func NormalizePyPI(s string) string {
	var b strings.Builder
	sep := false
	for _, c := range strings.ToLower(strings.TrimSpace(s)) {
		if c == '-' || c == '_' || c == '.' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteRune(c)
	}
	return b.String()
}
