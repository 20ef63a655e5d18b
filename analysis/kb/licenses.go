package kb

import (
	"fmt"
	"strings"
)

// License is one license (a family at one version), or a document that goes
// with one, such as an acceptable-use policy. Entries live in licenses.yaml;
// every YAML key is the snake_case form documented on its field.
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
	// Whole: licensecheck's template covers the license's whole text (MIT,
	// BSD, ISC, Apache-2.0), so substantial prose outside it is terms added
	// on top (license/modified). Licenses whose templates leave out a
	// standard preamble or appendix (Creative Commons, GPL) are not whole.
	Whole bool `yaml:"whole"`
	// Starts and Ends are phrases that open and close the standard text
	// (MIT's "permission is hereby granted" and "dealings in the
	// software"): licensecheck stretches a match over a few words around
	// it, so text before the first start or after the last end is added.
	Starts []string `yaml:"starts"`
	Ends   []string `yaml:"ends"`
	// Restrictions is how many restricted uses the license's Attachment A
	// lists (items that end with a semicolon, the last with a full stop):
	// uses past them are terms added to the license (license/modified).
	Restrictions int      `yaml:"restrictions"`
	URLs         []string `yaml:"urls"` // where the license is published
	Summary      string   `yaml:"summary"`
	Explanation  string   `yaml:"explanation"` // Markdown

	// Notice is the exact line the license requires in a "Notice" text file
	// shipped with copies (Llama, Gemma, Tongyi Qianwen, Stability, NVIDIA).
	Notice string `yaml:"notice"`
	// Attribution is the line the license requires to be displayed
	// publicly, e.g. "Built with Llama".
	Attribution string `yaml:"attribution"`
	// NamingPrefix is the word a derivative model's name must begin with
	// ("Llama 3" for Llama 3, "Llama" from 3.1 on).
	NamingPrefix string `yaml:"naming_prefix"`
	// Policies are the URLs of documents the license incorporates by
	// reference (acceptable-use and prohibited-use policies).
	Policies []string `yaml:"policies"`
	// UsePolicy is the id of the entry for the use policy the license
	// incorporates, when the knowledge base has one.
	UsePolicy string `yaml:"use_policy"`
	// EURestricted: rights are withheld from people or companies in the
	// European Union (Llama 3.2 and later, for multimodal models).
	EURestricted bool `yaml:"eu_restricted"`
	// Relicense says whether a derivative may be declared under another
	// license: "allowed" (any license, e.g. apache-2.0 or mit),
	// "same-restrictions" (its own terms only if they carry this license's
	// restrictions, so a plain permissive license conflicts) or "forbidden"
	// (derivatives stay under this license, e.g. share-alike).
	Relicense string `yaml:"relicense"`
	// Thresholds are the license's scale limits (the facts a
	// clause/scale-threshold finding carries), so that a model known only by
	// its id can be weighed against the profile's numbers.
	Thresholds []Threshold `yaml:"thresholds"`
	// Fingerprints identify the license in a text; see Fingerprint.
	Fingerprints []Fingerprint `yaml:"fingerprints"`
}

// Threshold is a user count or revenue above which a license's rights
// change: metric is monthly-active-users or annual-revenue; currency is an
// ISO code for revenue.
type Threshold struct {
	Metric   string `yaml:"metric"`
	Value    int64  `yaml:"value"`
	Currency string `yaml:"currency"`
}

// Fingerprint is one way of recognising a license text without shipping it.
// Phrases are compared against a normalized copy of the text: lower case,
// Markdown and HTML marks removed, curly quotes and dashes made plain, white
// space collapsed to single spaces. A fingerprint matches when one of its
// titles occurs, every phrase of All occurs, at least one of Any occurs
// (when Any is given) and none of None occurs.
type Fingerprint struct {
	// Titles locate the license: the first title that opens a line is the
	// title line reported for hovers; other occurrences still count.
	Titles []string `yaml:"titles"`
	All    []string `yaml:"all"`
	Any    []string `yaml:"any"`
	None   []string `yaml:"none"`
}

// IsPolicy reports whether the entry is a use policy rather than a license.
func (l *License) IsPolicy() bool { return l.Document == "policy" }

// LicenseByLicensecheck returns the entry that a google/licensecheck id
// means, or nil. The list is short enough that a scan beats keeping an index.
func (k *KB) LicenseByLicensecheck(id string) *License {
	for i := range k.Licenses {
		for _, lc := range k.Licenses[i].Licensecheck {
			if lc == id {
				return &k.Licenses[i]
			}
		}
	}
	return nil
}

// checkLicenses validates every entry; the package's tests call it, so a
// malformed licenses.yaml fails the build's tests rather than a user's run.
func checkLicenses(ls []License) error {
	for i := range ls {
		if err := validateLicense(&ls[i]); err != nil {
			return err
		}
	}
	return nil
}

// validateLicense checks one entry's fields when the knowledge base loads.
func validateLicense(l *License) error {
	if l.ID == "" || l.ID != strings.ToLower(l.ID) || strings.ContainsAny(l.ID, " \t") {
		return fmt.Errorf("licenses.yaml: id %q must be non-empty lower case without spaces", l.ID)
	}
	if l.Name == "" || l.Summary == "" {
		return fmt.Errorf("licenses.yaml: %s: name and summary are required", l.ID)
	}
	// Messages say "under the <name>"; a name that brings its own article
	// would read "under the The ChatGLM3-6B License".
	if strings.HasPrefix(l.Name, "The ") {
		return fmt.Errorf("licenses.yaml: %s: name %q must not start with \"The \" (messages add the article)", l.ID, l.Name)
	}
	switch l.Kind {
	case "permissive", "copyleft", "custom", "non-commercial", "research-only", "unknown":
	default:
		return fmt.Errorf("licenses.yaml: %s: kind %q", l.ID, l.Kind)
	}
	switch l.Relicense {
	case "", "allowed", "same-restrictions", "forbidden":
	default:
		return fmt.Errorf("licenses.yaml: %s: relicense %q", l.ID, l.Relicense)
	}
	switch l.Document {
	case "", "license", "policy":
	default:
		return fmt.Errorf("licenses.yaml: %s: document %q", l.ID, l.Document)
	}
	for _, f := range l.Fingerprints {
		if len(f.Titles) == 0 {
			return fmt.Errorf("licenses.yaml: %s: a fingerprint needs at least one title", l.ID)
		}
		for _, p := range append(append(append(append([]string{}, f.Titles...), f.All...), f.Any...), f.None...) {
			if p == "" || p != strings.ToLower(p) || strings.Contains(p, "  ") || p != strings.TrimSpace(p) {
				return fmt.Errorf("licenses.yaml: %s: fingerprint phrase %q must be lower case with single spaces", l.ID, p)
			}
		}
	}
	return nil
}
