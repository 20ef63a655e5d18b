package kb

import (
	"cmp"
	"fmt"
	"math"
	"slices"
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

	// Decide says how the project profile changes the code's severity; nil
	// when only the profile's rules: section does.
	Decide *Decision `yaml:"decide"`
	// Checklist says which questions of a license's checklist the code's
	// findings answer; none when they answer none. Within a question, codes
	// are said in the order of rules.yaml.
	Checklist []ChecklistPart `yaml:"checklist"`
	// Command is the editor command the server offers for the code's
	// findings: fineprint.recordPolicy, an online fix run with the
	// finding's URL (policy/not-recorded), or fineprint.record, run in
	// place of the finding's record fix, whose edits create files in a
	// folder that may not exist (record/*); "" when none. Other fixes are
	// edits that travel with the finding itself.
	Command string `yaml:"command"`
}

// The decision steps a Decision can name, each a part of the profile's
// use: section.
const (
	// DecideCommercial: use.commercial true gives IfTrue, false gives
	// IfFalse.
	DecideCommercial = "commercial"
	// DecideScale: use.monthly_active_users or use.annual_revenue_usd
	// against the finding's metric and value: under the threshold
	// information, at or above it an error.
	DecideScale = "scale"
	// DecideRegions: use.regions meeting the finding's regions is an
	// error, missing them all information.
	DecideRegions = "regions"
	// DecideRedistribution: use.redistributes_models true gives IfTrue,
	// false gives IfFalse.
	DecideRedistribution = "redistribution"
	// DecidePackage: a package's license against use.commercial and
	// use.network_service (AGPL reaches a network service).
	DecidePackage = "package"
	// DecideDataset: a dataset's terms against use.commercial.
	DecideDataset = "dataset"
)

// Decision is how the profile decides a code's severity. A later step of
// the profile (its rules: section) still wins.
type Decision struct {
	By      string `yaml:"by"`       // one of the Decide* steps
	IfTrue  string `yaml:"if_true"`  // severity when the step's use: key is true ("" leaves it)
	IfFalse string `yaml:"if_false"` // severity when it is false ("" leaves it)
	// LicenseKinds, when set, limits the step to findings about a license
	// of one of these kinds (manifest/model-license of a non-commercial
	// model).
	LicenseKinds []string `yaml:"license_kinds"`
	// Note is appended to the message when IfTrue applies: "your profile
	// says the project is commercial."
	Note string `yaml:"note"`
}

// The questions of a license's checklist (the guide's pre-build
// checklist), in order.
var ChecklistQuestions = []string{"name", "commercial", "use-limits", "scale", "derivatives", "outputs", "record"}

// ChecklistPart places a code's findings in a license's checklist.
type ChecklistPart struct {
	Question string `yaml:"question"` // one of ChecklistQuestions
	// Order places the code among the question's codes (lower first; codes
	// without one follow, in the order of rules.yaml).
	Order int `yaml:"order"`
	// Says is the sentence the checklist gives for one finding, with
	// {name} replaced by the finding's datum of that name; when a named
	// datum is missing (or Says is empty) the finding's own message is
	// used. Equal sentences are said once.
	Says string `yaml:"says"`
	// Otherwise is said instead of the message when a datum Says names is
	// missing.
	Otherwise string `yaml:"otherwise"`
	// Outside says which findings of the code count for a license's
	// checklist when they lie outside its text (in a NOTICE, a README, a
	// card, the lock) but are about the same license: "any", or only those
	// whose "source" datum is this ("knowledge-base"). Empty: only findings
	// inside the license text count.
	Outside string `yaml:"outside"`
	// Kind, for the commercial question: a license of this kind gets Says
	// as its answer even without a finding of the code.
	Kind string `yaml:"kind"`
	// Phrase names a way of saying all the code's findings at once, instead
	// of one sentence each: "restrictions" counts them ("Two clauses
	// restrict uses: ..."), "policies" lists the URLs they reference.
	Phrase string `yaml:"phrase"`
}

// Anchor is the docs/rules.md heading anchor of the rule. The heading is the
// code itself, and the anchor is what GitHub derives from it: lower case,
// spaces become hyphens, and every character other than a letter, digit,
// hyphen or underscore is dropped ("clause/scale-threshold" becomes
// "clausescale-threshold").
func (r *Rule) Anchor() string { return HeadingAnchor(r.Code) }

// ChecklistCode is one code that answers a checklist question.
type ChecklistCode struct {
	Code string
	ChecklistPart
}

// ChecklistCodes returns the codes whose findings answer question, in the
// order the checklist says them.
func (k *KB) ChecklistCodes(question string) []ChecklistCode {
	return k.checklistCodes[question]
}

// CountsOutside reports whether a finding of the rule's code, about a
// license but outside its text, belongs to the license's checklist; source
// returns the finding's "source" datum, asked for only when it matters.
func (r *Rule) CountsOutside(source func() string) bool {
	for _, c := range r.Checklist {
		if c.Outside == "any" || c.Outside != "" && c.Outside == source() {
			return true
		}
	}
	return false
}

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
		if !validSeverity(r.Severity) {
			return fmt.Errorf("rules.yaml: %s: severity %q", r.Code, r.Severity)
		}
		if err := r.check(); err != nil {
			return fmt.Errorf("rules.yaml: %s: %w", r.Code, err)
		}
		k.ruleByCode[r.Code] = r
	}
	k.checklistCodes = map[string][]ChecklistCode{}
	for i := range k.Rules {
		for _, part := range k.Rules[i].Checklist {
			k.checklistCodes[part.Question] = append(k.checklistCodes[part.Question], ChecklistCode{k.Rules[i].Code, part})
		}
	}
	for _, codes := range k.checklistCodes {
		slices.SortStableFunc(codes, func(a, b ChecklistCode) int {
			return cmp.Compare(orderKey(a.Order), orderKey(b.Order))
		})
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

// orderKey sorts codes without an order after those with one.
func orderKey(o int) int {
	if o == 0 {
		return math.MaxInt
	}
	return o
}

func validSeverity(s string) bool {
	switch s {
	case "error", "warning", "information", "hint":
		return true
	}
	return false
}

// check validates a rule's decision, checklist place and command.
func (r *Rule) check() error {
	if d := r.Decide; d != nil {
		switch d.By {
		case DecideCommercial, DecideRedistribution:
			if d.IfTrue == "" && d.IfFalse == "" {
				return fmt.Errorf("decide by %s sets no severity", d.By)
			}
		case DecideScale, DecideRegions, DecidePackage, DecideDataset:
			if d.IfTrue != "" || d.IfFalse != "" || len(d.LicenseKinds) > 0 || d.Note != "" {
				return fmt.Errorf("decide by %s takes no other field", d.By)
			}
		default:
			return fmt.Errorf("decide by %q (want commercial, scale, regions, redistribution, package or dataset)", d.By)
		}
		for _, s := range []string{d.IfTrue, d.IfFalse} {
			if s != "" && !validSeverity(s) {
				return fmt.Errorf("decide: severity %q", s)
			}
		}
	}
	for _, c := range r.Checklist {
		if !slices.Contains(ChecklistQuestions, c.Question) {
			return fmt.Errorf("checklist question %q (want one of %s)", c.Question, strings.Join(ChecklistQuestions, ", "))
		}
		switch c.Phrase {
		case "", "restrictions", "policies":
		default:
			return fmt.Errorf("checklist phrase %q (want restrictions or policies)", c.Phrase)
		}
	}
	switch r.Command {
	case "", "fineprint.recordPolicy", "fineprint.record":
	default:
		return fmt.Errorf("command %q is no fineprint command", r.Command)
	}
	return nil
}
