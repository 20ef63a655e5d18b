package analysis_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/workspace"
)

// mitText is an MIT license as projects keep it, with its copyright line.
const mitText = `MIT License

Copyright (c) 2024 Example Authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`

// TestQuietByDefault: each workspace is a case of noise a healthy project
// met (issue 15); without a profile it gets exactly the findings listed
// (path, severity, code), all others being hints or none.
func TestQuietByDefault(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // findings at information or above
	}{{
		name:  "the project's own MIT license: no clause findings, one hint to record it",
		files: map[string]string{"LICENSE": mitText, "README.md": "# Tool\n"},
	}, {
		name: "an app that only loads a model: its notice duties are information",
		files: map[string]string{"LICENSE": mitText, "README.md": "# Chat\n",
			"app.py": "from transformers import pipeline\npipe = pipeline(\"text-generation\", model=\"meta-llama/Llama-3.1-8B-Instruct\")\n"},
		want: []string{
			"app.py information manifest/model-license",
			"app.py information notice/missing-attribution",
			"app.py information notice/missing-notice",
		},
	}, {
		name: "two Llama versions: their attribution once, for the family",
		files: map[string]string{"README.md": "# Chat\n", "NOTICE": "Example.\n",
			"a.py": "from transformers import pipeline\np = pipeline(model=\"meta-llama/Meta-Llama-3-8B-Instruct\")\n",
			"b.py": "from transformers import pipeline\np = pipeline(model=\"meta-llama/Llama-3.1-8B-Instruct\")\n"},
		want: []string{
			"a.py information manifest/model-license",
			"a.py information notice/missing-notice",
			"b.py information manifest/model-license",
			"b.py information notice/missing-attribution",
		},
	}, {
		name: "one non-commercial model loaded in two files: one warning, the other place information",
		files: map[string]string{
			"a.py": "from diffusers import DiffusionPipeline\np = DiffusionPipeline.from_pretrained(\"black-forest-labs/FLUX.1-dev\")\n",
			"b.py": "from diffusers import DiffusionPipeline\np = DiffusionPipeline.from_pretrained(\"black-forest-labs/FLUX.1-dev\")\n",
		},
		want: []string{
			"a.py warning manifest/model-license",
			"b.py information manifest/model-license",
		},
	}, {
		name: "a card template is no card",
		files: map[string]string{
			"templates/README-template.md": "---\nlicense: {{ license }}\npretty_name: <<DATASET_NAME>>\n---\n# <<DATASET_NAME>>\n",
			"cards/model.md":               "---\nlicense: <<LICENSE>>\nbase_model: <<BASE_MODEL>>\n---\n# <<MODEL_NAME>>\n",
		},
	}, {
		name: "a pointer to the license is no license",
		files: map[string]string{
			"LICENSE":            mitText,
			"models/x/LICENSE":   "See LICENSE in the root folder of this repository.\n",
			"weights/LICENSE.md": "The license for these weights can be found at https://example.com/weights-license.\n",
		},
		// No license/unidentified: the address it points to is the license,
		// a reference worth a dated copy.
		want: []string{
			"weights/LICENSE.md information clause/policy-by-reference",
			"weights/LICENSE.md information policy/not-recorded",
		},
	}, {
		name: "tool settings and package lists are no licenses",
		files: map[string]string{
			"LICENSE":                  mitText,
			".license_check_skip":      "third_party/\nvendor/\n",
			"requirements.gpllike.txt": "# GPL-licensed packages, kept apart\npyqt5==5.15.9\n",
			"requirements-gpl.txt":     "# GNU General Public License v3 packages\nreadline\n",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := &analysis.Snapshot{Root: "/work/quiet"}
			for p, text := range tt.files {
				kind := analysis.ClassifyContent(analysis.ClassifyPath(p), []byte(text))
				if kind == analysis.KindOther || kind == analysis.KindMarkdown && !isReadme(p) {
					continue
				}
				snap.Docs = append(snap.Docs, analysis.Document{Path: p, Kind: kind, Text: []byte(text), Size: int64(len(text))})
			}
			sort.Slice(snap.Docs, func(i, j int) bool { return snap.Docs[i].Path < snap.Docs[j].Path })
			res := analysis.New().Analyze(context.Background(), snap)
			var got []string
			for _, f := range res.Findings() {
				if f.Severity.AtLeast(analysis.SeverityInformation) {
					got = append(got, fmt.Sprintf("%s %s %s", f.Path, f.Severity, f.Code))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestLicenseTitleIsTheTitleLine: hovers and code lenses attach to a
// license's title line ("MIT License"), not to the copyright line below
// it, where identification starts matching.
func TestLicenseTitleIsTheTitleLine(t *testing.T) {
	snap := &analysis.Snapshot{Root: "/work/quiet", Docs: []analysis.Document{{Path: "LICENSE", Kind: analysis.KindLicense, Text: []byte(mitText)}}}
	res := analysis.New().Analyze(context.Background(), snap)
	if len(res.Licenses) != 1 || res.Licenses[0].ID != "mit" {
		t.Fatalf("licenses = %+v, want MIT", res.Licenses)
	}
	if got := mitText[res.Licenses[0].Title.Start:res.Licenses[0].Title.End]; got != "MIT License" {
		t.Errorf("title = %q, want the first line", got)
	}
}

// TestLinkedFolderReadOnce: a folder linked from elsewhere in the
// repository is read once, under its own path, so its findings are not
// reported twice.
func TestLinkedFolderReadOnce(t *testing.T) {
	dir := t.TempDir()
	lic := "ACME TEST MODEL LICENSE\n\nIf your services have more than 50 million monthly active users, you must request a separate license from Acme.\n"
	if err := os.MkdirAll(filepath.Join(dir, "models", "acme"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "models", "acme", "LICENSE"), []byte(lic), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("models", "acme"), filepath.Join(dir, "current")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	snap, _, err := workspace.Load(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := analysis.New().Analyze(context.Background(), snap)
	var got []string
	for _, f := range res.Findings() {
		if f.Code == "clause/scale-threshold" {
			got = append(got, f.Path)
		}
	}
	if strings.Join(got, " ") != "models/acme/LICENSE" {
		t.Errorf("scale-threshold findings in %q, want one in models/acme/LICENSE", got)
	}
}

// TestNonCommercialResearchSaysBoth: "non-commercial research purposes
// only" limits the purpose (research) and forbids commercial use, two
// facts a commercial and a production project each need, so the clause
// gives both findings (as the labelling conventions have it), and a
// research-only clause without commercial words gives research-only alone.
func TestNonCommercialResearchSaysBoth(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"1. You may use the Model for non-commercial research purposes only.\n", "license/non-commercial license/research-only"},
		{"1. You may use the Model for research purposes only.\n", "license/research-only"},
	} {
		text := "ACME RESEARCH LICENSE\n\n" + tt.text
		snap := &analysis.Snapshot{Root: "/work/quiet", Docs: []analysis.Document{{Path: "LICENSE", Kind: analysis.KindLicense, Text: []byte(text)}}}
		res := analysis.New().Analyze(context.Background(), snap)
		var got []string
		for _, f := range res.Findings() {
			if strings.HasPrefix(f.Code, "license/") && f.Code != "license/unidentified" {
				got = append(got, f.Code)
			}
		}
		sort.Strings(got)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: findings %q, want %s", tt.text, got, tt.want)
		}
	}
}

// TestClauseRangeIsTheOperativeSentence: a use-restriction list whose items
// end in semicolons reads as one long sentence; the finding underlines the
// sentence that restricts ("You agree not to use ... :"), not the list.
func TestClauseRangeIsTheOperativeSentence(t *testing.T) {
	lead := "You agree not to use the Model or Derivatives of the Model:"
	text := "ACME OPEN RAIL LICENSE\n\nAttachment A Use Restrictions\n" + lead + "\n" +
		"In any way that violates any applicable national, federal, state, local or\ninternational law or regulation; " +
		"For the purpose of exploiting, harming or attempting to\nexploit or harm minors in any way; " +
		"To generate or disseminate verifiably false\ninformation and/or content with the purpose of harming others; " +
		"To generate or\ndisseminate personal identifiable information that can be used to harm an individual; " +
		"To provide medical advice and medical results\ninterpretation.\n"
	snap := &analysis.Snapshot{Root: "/work/quiet", Docs: []analysis.Document{{Path: "LICENSE", Kind: analysis.KindLicense, Text: []byte(text)}}}
	res := analysis.New().Analyze(context.Background(), snap)
	found := false
	for _, f := range res.Findings() {
		if f.Code == "clause/use-restriction" {
			found = true
			if got := text[f.Span.Start:f.Span.End]; got != lead {
				t.Errorf("use-restriction underlines %q, want %q", got, lead)
			}
		}
	}
	if !found {
		t.Fatal("no clause/use-restriction finding")
	}
}

// TestLitigationTerminationIsInformation: rights that end only if you sue
// the licensor (the patent-retaliation clause of many licenses) are not
// the licensor cutting off access; they are information, not a warning.
func TestLitigationTerminationIsInformation(t *testing.T) {
	text := "ACME MODEL LICENSE\n\n1. You may use the Model.\n\n2. If you institute litigation or other proceedings against Acme alleging that the Model infringes your rights, the licenses granted to you under this Agreement shall terminate as of the date such litigation or claim is filed.\n"
	snap := &analysis.Snapshot{Root: "/work/quiet", Docs: []analysis.Document{{Path: "LICENSE", Kind: analysis.KindLicense, Text: []byte(text)}}}
	res := analysis.New().Analyze(context.Background(), snap)
	var got []string
	for _, f := range res.Findings() {
		if f.Code == "clause/remote-termination" {
			got = append(got, f.Severity.String())
		}
	}
	if strings.Join(got, " ") != "information" {
		t.Errorf("remote-termination severities %q, want one information", got)
	}
}

// TestBreachTerminationIsInformation: a license that ends when you breach
// it (a forbidden assignment included) is reported, but like suing the
// licensor it is a condition in your hands: information, not a warning,
// while a licensor that may end use at will stays a warning.
func TestBreachTerminationIsInformation(t *testing.T) {
	text := "ACME MODEL LICENSE\n\n1. The foregoing license is personal to you, and you may not assign or sublicense this License without Acme's prior written consent; any such assignment or sublicense will be void and will automatically and immediately terminate this License.\n\n2. Acme may terminate this Agreement if you are in breach of any term of it. Upon termination, you shall delete the Model.\n\n3. Acme may terminate this Agreement at any time for any reason.\n"
	snap := &analysis.Snapshot{Root: "/work/quiet", Docs: []analysis.Document{{Path: "LICENSE", Kind: analysis.KindLicense, Text: []byte(text)}}}
	var got []string
	for _, f := range analysis.New().Analyze(context.Background(), snap).Findings() {
		if f.Code == "clause/remote-termination" {
			got = append(got, f.Severity.String()+": "+text[f.Span.Start:f.Span.End])
		}
	}
	want := []string{
		"information: The foregoing license is personal to you, and you may not assign or sublicense this License without Acme's prior written consent; any such assignment or sublicense will be void and will automatically and immediately terminate this License.",
		"information: Acme may terminate this Agreement if you are in breach of any term of it. Upon termination, you shall delete the Model.",
		"warning: Acme may terminate this Agreement at any time for any reason.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("remote-termination findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
