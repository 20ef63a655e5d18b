package kb

import (
	"fmt"
	"strings"
)

// Family is a license family: every version and variant of one licensor's
// license (all Llama community licenses, the RAIL template and its
// offspring, the Creative Commons licenses). Hovers and checklists fall back
// on the family when a specific license says nothing more.
type Family struct {
	ID      string   `yaml:"id"`      // what License.Family holds, e.g. "llama"
	Name    string   `yaml:"name"`    // human name of the family
	Aliases []string `yaml:"aliases"` // other family ids that mean this one
	Summary string   `yaml:"summary"` // one sentence
	// Explanation is Markdown: what builders must know, what to do.
	Explanation string          `yaml:"explanation"`
	Checklist   FamilyChecklist `yaml:"checklist"`
	// Sections are the headings of the numbered sections the family's
	// licenses have, in lower case ("grant of copyright license"): a
	// numbered section under another heading is a term added to the
	// license (license/modified). Set for families identified by
	// fingerprints, whose texts have no template to compare with.
	Sections []string `yaml:"sections"`
}

// FamilyChecklist answers the guide's checklist questions for a family in
// general; findings on a particular text refine the answers.
type FamilyChecklist struct {
	Commercial  string `yaml:"commercial"`
	UseLimits   string `yaml:"use_limits"`
	Scale       string `yaml:"scale"`
	Derivatives string `yaml:"derivatives"`
	Outputs     string `yaml:"outputs"`
	Record      string `yaml:"record"`
}

// Family returns the family with this id or alias (case-insensitive), or nil.
func (k *KB) Family(id string) *Family {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" {
		return nil
	}
	for i := range k.Families {
		f := &k.Families[i]
		if f.ID == id {
			return f
		}
		for _, a := range f.Aliases {
			if strings.ToLower(a) == id {
				return f
			}
		}
	}
	return nil
}

// checkFamilies rejects duplicate ids and entries missing the text that
// hovers and checklists show.
func (k *KB) checkFamilies() error {
	seen := map[string]bool{}
	for _, f := range k.Families {
		for _, name := range append([]string{f.ID}, f.Aliases...) {
			name = strings.ToLower(name)
			if seen[name] {
				return fmt.Errorf("families.yaml: %q used twice", name)
			}
			seen[name] = true
		}
		c := f.Checklist
		for what, text := range map[string]string{
			"name": f.Name, "summary": f.Summary, "explanation": f.Explanation,
			"checklist.commercial": c.Commercial, "checklist.use_limits": c.UseLimits, "checklist.scale": c.Scale,
			"checklist.derivatives": c.Derivatives, "checklist.outputs": c.Outputs, "checklist.record": c.Record,
		} {
			if strings.TrimSpace(text) == "" {
				return fmt.Errorf("families.yaml: %s: %s is empty", f.ID, what)
			}
		}
	}
	return nil
}
