package kb

import (
	"fmt"
	"strings"
)

// Rule describes one finding code.
type Rule struct {
	Code     string `yaml:"code"`
	Severity string `yaml:"severity"` // default: error | warning | information | hint
	Title    string `yaml:"title"`    // a few words, for SARIF rule names and docs headings
	Summary  string `yaml:"summary"`  // one sentence: when the rule fires
	// Explanation is Markdown: what it means for a builder, what to do, and
	// where in a license such terms usually sit.
	Explanation string `yaml:"explanation"`
}

// Anchor is the docs/rules.md heading anchor of the rule. The heading is the
// code itself, and the anchor is what GitHub derives from it: lower case,
// spaces become hyphens, and every character other than a letter, digit,
// hyphen or underscore is dropped ("clause/scale-threshold" becomes
// "clausescale-threshold").
func (r *Rule) Anchor() string { return HeadingAnchor(r.Code) }

// Rule returns the rule for code, or nil.
func (k *KB) Rule(code string) *Rule { return k.ruleByCode[code] }

// License returns the license with this id or alias (case-insensitive), or nil.
func (k *KB) License(idOrAlias string) *License {
	return k.licenseBy[strings.ToLower(strings.TrimSpace(idOrAlias))]
}

func (k *KB) index() error {
	k.ruleByCode = map[string]*Rule{}
	for i := range k.Rules {
		r := &k.Rules[i]
		if _, dup := k.ruleByCode[r.Code]; dup {
			return fmt.Errorf("rules.yaml: code %s defined twice", r.Code)
		}
		switch r.Severity {
		case "error", "warning", "information", "hint":
		default:
			return fmt.Errorf("rules.yaml: %s: severity %q", r.Code, r.Severity)
		}
		k.ruleByCode[r.Code] = r
	}
	k.licenseBy = map[string]*License{}
	for i := range k.Licenses {
		l := &k.Licenses[i]
		for _, name := range append([]string{l.ID}, l.Aliases...) {
			key := strings.ToLower(name)
			if other, dup := k.licenseBy[key]; dup {
				return fmt.Errorf("licenses.yaml: %q names both %s and %s", name, other.ID, l.ID)
			}
			k.licenseBy[key] = l
		}
	}
	return nil
}
