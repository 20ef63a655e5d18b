package analysis

import (
	"reflect"
	"strings"
	"testing"
)

// grayZone is an unidentified license text with the clauses a custom license
// typically has, plus findings that must stay out of its checklist.
func grayZone() (LicenseInfo, []Finding) {
	l := LicenseInfo{Path: "LICENSE", Kind: "unknown", Span: Span{0, 1000}}
	fs := []Finding{
		{Code: "license/unidentified", Path: "LICENSE", Span: Span{0, 20}, Message: "This file reads like a license but matches none fineprint knows."},
		{Code: "clause/scale-threshold", Path: "LICENSE", Span: Span{100, 200}, Message: "Above 700 million monthly active users you must ask the licensor for a license.",
			Data: map[string]any{"metric": "monthly-active-users", "value": 700000000}},
		{Code: "clause/policy-by-reference", Path: "LICENSE", Span: Span{300, 340}, Message: "The license incorporates a policy by URL.",
			Data: map[string]any{"url": "https://example.com/use-policy"}},
		{Code: "clause/attribution", Path: "LICENSE", Span: Span{400, 450}, Message: "A credit must be displayed.",
			Data: map[string]any{"text": "Built with Example"}},
		{Code: "clause/output-restriction", Path: "LICENSE", Span: Span{500, 550}, Message: "Outputs may not be used to improve other models."},
		{Code: "clause/use-restriction", Path: "OTHER/LICENSE", Span: Span{500, 550}, Message: "Another file's restriction."},
		{Code: "clause/use-restriction", Path: "LICENSE", Span: Span{1000, 1010}, Message: "Past the license's span."},
		{Code: "clause/derivative-naming", Path: "LICENSE", Span: Span{600, 650}, Message: "Names must begin with a word.",
			Data: map[string]any{"prefix": "Example"}},
	}
	return l, fs
}

func TestChecklistOfAnUnidentifiedLicenseComesFromFindings(t *testing.T) {
	l, fs := grayZone()
	got := New().Checklist(l, fs)
	want := []ChecklistItem{
		{QuestionName, "Not identified: the text matches no license fineprint knows, so treat it as a custom license and read all of it. The answers below come only from the clauses found in it.", []int{0}},
		{QuestionCommercial, "Probably, up to the scale thresholds below; no clause forbidding commercial use was found, but read the grant.", []int{1}},
		{QuestionUseLimits, "It incorporates a separate policy by reference; read it too, it is binding: https://example.com/use-policy.", []int{2}},
		{QuestionScale, "Above 700 million monthly active users you must ask the licensor for a license.", []int{1}},
		{QuestionDerivatives, `Names of derivative models you distribute must begin with "Example". Display "Built with Example" prominently in your product or its documentation.`, []int{7, 3}},
		{QuestionOutputs, "Outputs may not be used to improve other models.", []int{4}},
		{QuestionRecord, "Keep a dated copy of every policy it references (https://example.com/use-policy): `fineprint record --fetch`, or the code action that creates the copy for you to paste into.", []int{2}},
	}
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) || !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("item %d:\n got %#v\nwant %#v", i, at(got, i), at(want, i))
			}
		}
	}
}

func at(items []ChecklistItem, i int) any {
	if i < len(items) {
		return items[i]
	}
	return nil
}

func TestChecklistUnknownLicenseWithoutFindings(t *testing.T) {
	got := New().Checklist(LicenseInfo{Path: "TERMS.md", Kind: "unknown"}, nil)
	answers := map[string]string{}
	for _, it := range got {
		answers[it.Question] = it.Answer
		if len(it.Findings) != 0 {
			t.Errorf("%s: findings %v without any input", it.Question, it.Findings)
		}
	}
	for q, want := range map[string]string{
		QuestionCommercial: "Unclear: no clause forbidding commercial use was found, but an unidentified license must be read in full.",
		QuestionUseLimits:  "None found in the text.",
		QuestionScale:      "None found in the text.",
		QuestionOutputs:    "No conditions on outputs found in the text.",
	} {
		if answers[q] != want {
			t.Errorf("%s = %q, want %q", q, answers[q], want)
		}
	}
}

// An identified license without findings (fineprint explain, hovers on a
// card's license value) is answered from its family.
func TestChecklistOfAKnownLicenseUsesItsFamily(t *testing.T) {
	a := New()
	fam := a.KB().Family("llama")
	got := a.Checklist(LicenseInfo{ID: "llama3.1", Family: "llama", Name: "Llama 3.1 Community License", Kind: "custom", Commercial: true}, nil)
	want := map[string]string{
		QuestionName:        "Llama 3.1 Community License (`llama3.1`), a custom license written for this release: its own rules apply, read them. Family: " + fam.Name + ".",
		QuestionCommercial:  "Yes, within the limits below.",
		QuestionUseLimits:   fam.Checklist.UseLimits,
		QuestionScale:       fam.Checklist.Scale,
		QuestionDerivatives: fam.Checklist.Derivatives,
		QuestionOutputs:     fam.Checklist.Outputs,
	}
	for _, it := range got {
		if w, ok := want[it.Question]; ok && it.Answer != w {
			t.Errorf("%s = %q, want %q", it.Question, it.Answer, w)
		}
	}
	if !strings.Contains(got[6].Answer, "`fineprint record`") || !strings.Contains(got[6].Answer, fam.Checklist.Record) {
		t.Errorf("record answer %q lacks the hint or the family's advice", got[6].Answer)
	}
}

func TestChecklistCommercialAnswer(t *testing.T) {
	a := New()
	for _, tc := range []struct {
		name     string
		l        LicenseInfo
		findings []Finding
		want     string
		indexes  []int
	}{
		{"permissive", LicenseInfo{ID: "apache-2.0", Family: "apache", Name: "Apache License 2.0", Kind: "permissive", Commercial: true}, nil, "Yes.", nil},
		{"non-commercial kind", LicenseInfo{ID: "cc-by-nc-4.0", Family: "cc", Name: "CC BY-NC 4.0", Kind: "non-commercial"}, nil, "No: non-commercial use only.", nil},
		{"research-only finding", LicenseInfo{Path: "L", Kind: "unknown"},
			[]Finding{{Code: "license/research-only", Path: "L", Message: "The license allows research use only."}},
			"No: research or evaluation use only. The license allows research use only.", []int{0}},
		{"non-commercial finding wins over unknown", LicenseInfo{Path: "L", Kind: "unknown"},
			[]Finding{{Code: "license/non-commercial", Path: "L", Message: "Commercial use is forbidden"}},
			"No: non-commercial use only. Commercial use is forbidden.", []int{0}},
		{"custom without commercial grant", LicenseInfo{ID: "x", Name: "X", Kind: "custom"}, nil, "Not granted: this license gives no right to commercial use.", nil},
		{"commercial with threshold", LicenseInfo{Path: "L", ID: "llama3.1", Family: "llama", Kind: "custom", Commercial: true},
			[]Finding{{Code: "clause/scale-threshold", Path: "L", Message: "m"}}, "Yes, up to the scale thresholds below.", []int{0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := a.Checklist(tc.l, tc.findings)[1]
			if it.Question != QuestionCommercial || it.Answer != tc.want || !reflect.DeepEqual(it.Findings, tc.indexes) {
				t.Errorf("got %q %v, want %q %v", it.Answer, it.Findings, tc.want, tc.indexes)
			}
		})
	}
}

// Obligations found in the project (a NOTICE that lacks the line, a lock
// that lacks the license) belong to the license's checklist even though
// they sit in other files.
func TestChecklistTakesProjectFindingsOfTheSameLicense(t *testing.T) {
	l := LicenseInfo{Path: "models/LICENSE", ID: "llama3.1", Family: "llama", Name: "Llama 3.1", Kind: "custom", Commercial: true, Span: Span{0, 500}}
	fs := []Finding{
		{Code: "clause/notice-required", Path: "models/LICENSE", Span: Span{10, 20}, License: "llama3.1", Message: "m",
			Data: map[string]any{"text": "Llama 3.1 is licensed under the Llama 3.1 Community License."}},
		{Code: "notice/missing-notice", Path: "NOTICE", Span: Span{0, 0}, License: "llama3.1", Message: "The NOTICE file lacks the Llama 3.1 notice line."},
		{Code: "notice/missing-notice", Path: "NOTICE", Span: Span{0, 0}, License: "gemma", Message: "The NOTICE file lacks the Gemma notice line."},
		{Code: "record/unrecorded", Path: "models/LICENSE", Span: Span{0, 0}, License: "llama3.1", Message: "Not recorded."},
		{Code: "record/stale", Path: "models/LICENSE", Span: Span{0, 0}, License: "llama3.1", Message: "Changed.",
			Data: map[string]any{"recorded": "2026-01-02"}},
		{Code: "clause/share-alike", Path: "README.md", Span: Span{10, 20}, License: "llama3.1", Message: "not a project-wide code"},
	}
	items := New().Checklist(l, fs)
	deriv, rec := items[4], items[6]
	wantDeriv := `Ship a NOTICE file that contains "Llama 3.1 is licensed under the Llama 3.1 Community License." The project's NOTICE lacks the line; fineprint's code action adds it.`
	if deriv.Answer != wantDeriv || !reflect.DeepEqual(deriv.Findings, []int{0, 1}) {
		t.Errorf("derivatives = %q %v", deriv.Answer, deriv.Findings)
	}
	wantRec := "The text changed since it was recorded on 2026-01-02: read what changed, then run `fineprint record` again. It is not in fineprint.lock yet: run `fineprint record`."
	if rec.Answer != wantRec || !reflect.DeepEqual(rec.Findings, []int{4, 3}) {
		t.Errorf("record = %q %v", rec.Answer, rec.Findings)
	}
}

func TestChecklistListsUseLimits(t *testing.T) {
	l := LicenseInfo{Path: "L", Kind: "unknown"}
	fs := []Finding{
		{Code: "clause/use-restriction", Path: "L", Span: Span{1, 2}, Message: "No weapons"},
		{Code: "clause/use-restriction", Path: "L", Span: Span{3, 4}, Message: "No surveillance."},
		{Code: "clause/use-restriction", Path: "L", Span: Span{5, 6}, Message: "No medical advice."},
		{Code: "clause/use-restriction", Path: "L", Span: Span{7, 8}, Message: "No disinformation."},
		{Code: "clause/geographic", Path: "L", Span: Span{9, 10}, Message: "Rights are withheld in the EU."},
		{Code: "clause/policy-by-reference", Path: "L", Span: Span{11, 12}, Message: "p", Data: map[string]any{"url": "https://a.example/p"}},
		{Code: "clause/policy-by-reference", Path: "L", Span: Span{13, 14}, Message: "p", Data: map[string]any{"url": "https://b.example/p"}},
		{Code: "clause/policy-by-reference", Path: "L", Span: Span{15, 16}, Message: "p", Data: map[string]any{"url": "https://a.example/p"}},
	}
	it := New().Checklist(l, fs)[2]
	want := "Four clauses restrict uses: No weapons. No surveillance. No medical advice. (and 1 more) " +
		"It incorporates separate policies by reference; read them too, they are binding: https://a.example/p, https://b.example/p. " +
		"Rights are withheld in the EU."
	if it.Answer != want {
		t.Errorf("use limits =\n%q\nwant\n%q", it.Answer, want)
	}
	if !reflect.DeepEqual(it.Findings, []int{0, 1, 2, 3, 5, 6, 7, 4}) {
		t.Errorf("findings = %v", it.Findings)
	}
}

func TestFormatThreshold(t *testing.T) {
	for _, tc := range []struct {
		data map[string]any
		want string
	}{
		{map[string]any{"metric": "monthly-active-users", "value": 700000000}, "700 million monthly active users"},
		{map[string]any{"metric": "monthly-active-users", "value": float64(100000000)}, "100 million monthly active users"},
		{map[string]any{"metric": "monthly-active-users", "value": int64(1500000)}, "1.5 million monthly active users"},
		{map[string]any{"metric": "annual-revenue", "value": 1000000, "currency": "USD"}, "US$1 million annual revenue"},
		{map[string]any{"metric": "annual-revenue", "value": 1000000000, "currency": "CNY"}, "RMB 1 billion annual revenue"},
		{map[string]any{"metric": "monthly-revenue", "value": 20000000}, "US$20 million monthly revenue"},
		{map[string]any{"metric": "employees", "value": 25000}, "25,000 employees"},
		{map[string]any{"metric": "monthly-active-users"}, ""},
		{nil, ""},
	} {
		if got := FormatThreshold(tc.data); got != tc.want {
			t.Errorf("FormatThreshold(%v) = %q, want %q", tc.data, got, tc.want)
		}
	}
}

func TestRenderChecklist(t *testing.T) {
	items := []ChecklistItem{
		{Question: QuestionName, Answer: "Example License (`ex`)."},
		{Question: QuestionCommercial, Answer: "Yes, but only after you register with the licensor through the form that its website links, and only while your product has fewer than one million users."},
	}
	wantMD := "#### Checklist\n\n" +
		"- **Name the license**: Example License (`ex`).\n" +
		"- **Commercial use**: Yes, but only after you register with the licensor through the form that its website links, and only while your product has fewer than one million users.\n"
	if got := RenderChecklist(items); got != wantMD {
		t.Errorf("RenderChecklist =\n%s\nwant\n%s", got, wantMD)
	}
	wantText := "  Checklist:\n" +
		"    Name the license: Example License (ex).\n" +
		"    Commercial use: Yes, but only after you register with the licensor through the form that its\n" +
		"      website links, and only while your product has fewer than one million users.\n"
	if got := RenderChecklistText(items); got != wantText {
		t.Errorf("RenderChecklistText =\n%s\nwant\n%s", got, wantText)
	}
}

func TestChecklistSaysARepeatedClauseOnce(t *testing.T) {
	l := LicenseInfo{Path: "LICENSE.md", ID: "stabilityai-community", Kind: "custom", Span: Span{0, 1000}}
	threshold := map[string]any{"metric": "annual-revenue", "value": int64(1000000), "currency": "USD"}
	msg := "Above US$1 million in annual revenue you need an enterprise license."
	fs := []Finding{
		{Code: "clause/scale-threshold", Path: "LICENSE.md", Span: Span{10, 90}, Message: msg, Data: threshold},
		{Code: "clause/scale-threshold", Path: "LICENSE.md", Span: Span{400, 480}, Message: msg, Data: threshold},
		{Code: "clause/use-restriction", Path: "LICENSE.md", Span: Span{500, 510}, Message: "Some uses are forbidden."},
		{Code: "clause/use-restriction", Path: "LICENSE.md", Span: Span{600, 610}, Message: "Some uses are forbidden."},
	}
	for _, it := range New().Checklist(l, fs) {
		if n := strings.Count(it.Answer, "annual revenue you need"); n > 1 {
			t.Errorf("%s says the threshold %d times: %s", it.Question, n, it.Answer)
		}
		if n := strings.Count(it.Answer, "Some uses are forbidden."); n > 1 {
			t.Errorf("%s says the restriction %d times: %s", it.Question, n, it.Answer)
		}
	}
}

func TestChecklistTakesTheKnowledgeBaseThresholdOfAReferencedModel(t *testing.T) {
	l := LicenseInfo{Path: "third_party/LICENSE", ID: "stabilityai-community", Kind: "custom", Span: Span{0, 100}}
	decided := Finding{Code: "clause/scale-threshold", Path: "app.py", Span: Span{40, 80}, License: "stabilityai-community",
		Message: "Your US$5M annual revenue exceeds the Stability AI Community License Agreement's US$1M threshold.",
		Data:    map[string]any{"metric": "annual-revenue", "value": int64(1000000), "currency": "USD", "source": "knowledge-base"}}
	for _, it := range New().Checklist(l, []Finding{decided}) {
		if it.Question == QuestionScale && !strings.Contains(it.Answer, "Your US$5M annual revenue exceeds") {
			t.Errorf("scale answer lacks the profile decision: %s", it.Answer)
		}
	}
}

// A question of limits cuts a code's list after three sentences; every
// derivative obligation is said, each once even when two codes state it.
func TestChecklistSaysEveryDutyButCutsLongLists(t *testing.T) {
	l := LicenseInfo{Path: "LICENSE", Kind: "unknown", Span: Span{0, 1000}}
	var fs []Finding
	for i, region := range []string{"EU", "UK", "KR", "CN"} {
		fs = append(fs, Finding{Code: "clause/geographic", Path: "LICENSE", Span: Span{10 * i, 10*i + 5}, Message: "No rights in " + region + "."})
	}
	for i, duty := range []string{"Keep notice A.", "Keep notice B.", "Keep notice C.", "Keep notice D."} {
		fs = append(fs, Finding{Code: "notice/missing-copyright", Path: "LICENSE", Span: Span{100 + 10*i, 105 + 10*i}, Message: duty})
	}
	fs = append(fs, Finding{Code: "notice/missing-license-copy", Path: "LICENSE", Span: Span{200, 205}, Message: "Keep notice A."})
	items := New().Checklist(l, fs)
	if got, want := items[2].Answer, "No rights in EU. No rights in UK. No rights in KR. (and 1 more)"; got != want {
		t.Errorf("use limits = %q, want %q", got, want)
	}
	if got, want := items[4].Answer, "Keep notice A. Keep notice B. Keep notice C. Keep notice D."; got != want {
		t.Errorf("derivatives = %q, want %q", got, want)
	}
}
