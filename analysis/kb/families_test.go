package kb

import (
	"strings"
	"testing"
)

// Explanations are what users read on hover and in docs/rules.md; a
// placeholder must never ship.
func TestEveryRuleIsExplained(t *testing.T) {
	for _, r := range Default().Rules {
		text := strings.TrimSpace(r.Explanation)
		words := len(strings.Fields(text))
		switch {
		case text == "":
			t.Errorf("%s: explanation is empty", r.Code)
		case strings.Contains(strings.ToUpper(text), "TODO"):
			t.Errorf("%s: explanation still says TODO", r.Code)
		case words < 80 || words > 200:
			t.Errorf("%s: explanation has %d words, want 80 to 200", r.Code, words)
		}
		if strings.TrimSpace(r.Title) == "" || strings.TrimSpace(r.Summary) == "" {
			t.Errorf("%s: title or summary empty", r.Code)
		}
	}
}

func TestEveryFamilyIsExplained(t *testing.T) {
	for _, f := range Default().Families {
		if words := len(strings.Fields(f.Explanation)); words < 100 || words > 250 {
			t.Errorf("%s: explanation has %d words, want 100 to 250", f.ID, words)
		}
		if strings.Contains(strings.ToUpper(f.Explanation), "TODO") {
			t.Errorf("%s: explanation still says TODO", f.ID)
		}
		if f.ID != strings.ToLower(f.ID) || strings.ContainsAny(f.ID, " _/") {
			t.Errorf("%s: family ids are lower-case kebab", f.ID)
		}
	}
}

// licenses.yaml names its family by id; a typo there would silently drop the
// family explanation and checklist from every hover on that license.
func TestEveryLicenseFamilyExists(t *testing.T) {
	k := Default()
	for _, l := range k.Licenses {
		if k.Family(l.Family) == nil {
			t.Errorf("license %s: family %q is not in families.yaml", l.ID, l.Family)
		}
	}
}

func TestFamilyLookup(t *testing.T) {
	k := Default()
	for _, tc := range []struct{ in, want string }{
		{"llama", "llama"},
		{" Llama ", "llama"},
		{"tongyi-qianwen", "qwen"},
		{"cc", "creative-commons"},
		{"fair", "meta-research"},
		{"apache-2.0", "apache"},
		{"", ""},
		{"no-such-family", ""},
	} {
		got := ""
		if f := k.Family(tc.in); f != nil {
			got = f.ID
		}
		if got != tc.want {
			t.Errorf("Family(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The anchors must be the ones GitHub generates for the headings in
// docs/rules.md, or every diagnostic's link lands at the top of the page.
func TestHeadingAnchor(t *testing.T) {
	for _, tc := range []struct{ heading, want string }{
		{"clause/scale-threshold", "clausescale-threshold"},
		{"card/other-needs-name", "cardother-needs-name"},
		{"Known licenses", "known-licenses"},
		{"llama3.1 (Llama 3.1)", "llama31-llama-31"},
		{"snake_case stays", "snake_case-stays"},
	} {
		if got := HeadingAnchor(tc.heading); got != tc.want {
			t.Errorf("HeadingAnchor(%q) = %q, want %q", tc.heading, got, tc.want)
		}
	}
	if got := Default().Rule("clause/scale-threshold").Anchor(); got != "clausescale-threshold" {
		t.Errorf("Anchor() = %q", got)
	}
}
