package analysis

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/corpus"
	"github.com/fineprint-dev/fineprint/internal/stdtext"
)

// A standard license with terms added on top is reported as
// license/modified on the added text, its kind becomes custom, the clause
// rules read the added text, and the checklist says so. The standard texts
// come from the corpus at run time; the added terms are made up.
func TestModifiedStandardLicense(t *testing.T) {
	mitAdded := "Our addition: if your product has more than 5 million monthly active users, you must display \"Built with Zeta\" in its user interface."
	apacheAdded := "The model weights are licensed for non-commercial research purposes only, and you may not offer them as a hosted service."
	tests := []struct {
		name, text, added, id, licName string
		codes                          []string // clause codes that must sit on the added text
	}{
		{"modified MIT", corpusLicense(t, "mit/deepseek-r1/LICENSE") + "\n" + mitAdded + "\n", mitAdded, "mit",
			"MIT License with additional terms", []string{"clause/scale-threshold", "clause/attribution"}},
		{"modified Apache-2.0", "Copyright 2026 Zeta Labs\n\n" + apacheAdded + "\n\n" + corpusLicense(t, "apache-2.0/grok-1/LICENSE.txt"), apacheAdded, "apache-2.0",
			"Apache License 2.0 with additional terms", []string{"license/research-only"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(tt.text)}}})
			start := strings.Index(tt.text, tt.added)
			var mod *Finding
			onAdded := map[string]bool{}
			for i, f := range res.Findings() {
				if f.Code == "license/modified" {
					mod = &res.Findings()[i]
				}
				if f.Span.Start == start && f.Span.End == start+len(tt.added) {
					onAdded[f.Code] = true
				}
			}
			if mod == nil {
				t.Fatalf("no license/modified in %v", res.Findings())
			}
			if mod.Span != (Span{start, start + len(tt.added)}) || mod.License != tt.id || mod.Data["base"] != tt.id {
				t.Errorf("license/modified at %v license %q data %v, want %v %q", mod.Span, mod.License, mod.Data, Span{start, start + len(tt.added)}, tt.id)
			}
			for _, c := range tt.codes {
				if !onAdded[c] {
					t.Errorf("no %s on the added text", c)
				}
			}
			if len(res.Licenses) != 1 {
				t.Fatalf("licenses %+v, want one", res.Licenses)
			}
			l := res.Licenses[0]
			if l.ID != tt.id || l.Kind != "custom" || !l.Modified || l.Name != tt.licName {
				t.Errorf("license %+v, want %s, custom, modified, %q", l, tt.id, tt.licName)
			}
			name := New().Checklist(l, res.Findings())[0]
			if !strings.Contains(name.Answer, "plus terms of its own") || len(name.Findings) != 1 {
				t.Errorf("checklist name item %+v does not say the license is modified", name)
			}
		})
	}
}

// A standard license with terms written into it (a condition between MIT's
// grant and its notice condition; Apache-2.0 retitled with a section
// inserted) matches no licensecheck template, yet it is that license
// modified: license/modified sits on the inserted terms, which the clause
// rules read; the standard part's clauses are not reported, as in the
// plain license (its duties are known from the identification). The
// inserted terms are made up.
func TestAlteredStandardLicense(t *testing.T) {
	mitAdded := "No part of the Software, nor any audio made with it, may be used for commercial purposes."
	mit := strings.Replace(corpusLicense(t, "mit/deepseek-r1/LICENSE"), "subject to the following conditions:\n", "subject to the following conditions:\n\n"+mitAdded+"\n", 1)
	apacheAdded := "4A. Scale Limitation. If the products or services You offer with the Work exceed 40 million monthly active users, You must request a separate license from Zeta Labs, which Zeta Labs may grant at its sole discretion."
	apache := corpusLicense(t, "apache-2.0/grok-1/LICENSE.txt")
	apache = "Zeta Open Model License 1.0\n" + apache[strings.Index(apache, "TERMS AND CONDITIONS"):]
	apache = strings.Replace(apache, "   5. Submission of Contributions.", "   "+apacheAdded+"\n\n   5. Submission of Contributions.", 1)
	tests := []struct {
		name, text, added, id string
		codes                 []string // clause codes that must sit on the added text
		standardCode          string   // a clause of the standard part, not reported
	}{
		{"MIT with a condition written in", mit, mitAdded, "mit", []string{"license/non-commercial"}, "clause/notice-required"},
		{"Apache-2.0 retitled, a section inserted", apache, apacheAdded, "apache-2.0", []string{"clause/scale-threshold"}, "clause/notice-required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(tt.text)}}})
			start := strings.Index(tt.text, tt.added)
			added := Span{start, start + len(tt.added)}
			var mod *Finding
			onAdded, elsewhere := map[string]bool{}, map[string]bool{}
			for i, f := range res.Findings() {
				if f.Code == "license/modified" {
					mod = &res.Findings()[i]
				}
				if f.Span.Start >= added.Start && f.Span.End <= added.End {
					onAdded[f.Code] = true
				} else {
					elsewhere[f.Code] = true
				}
			}
			if mod == nil {
				t.Fatalf("no license/modified in %v", res.Findings())
			}
			if mod.Span != added || mod.License != tt.id {
				t.Errorf("license/modified at %v (%q) license %q, want %v %q", mod.Span, tt.text[mod.Span.Start:mod.Span.End], mod.License, added, tt.id)
			}
			for _, c := range tt.codes {
				if !onAdded[c] {
					t.Errorf("no %s on the added text", c)
				}
			}
			if elsewhere[tt.standardCode] {
				t.Errorf("%s on the standard part of a modified license", tt.standardCode)
			}
			if len(res.Licenses) != 1 || res.Licenses[0].ID != tt.id || res.Licenses[0].Kind != "custom" || !res.Licenses[0].Modified {
				t.Errorf("licenses %+v, want one %s, custom, modified", res.Licenses, tt.id)
			}
		})
	}
}

// corpusLicense is the text of the corpus license at rel below
// licenses/; the test skips without the corpus.
func corpusLicense(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t, "licenses"), rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Each block of added text is a license/modified finding of its own: a
// preamble that narrows the grant and a section appended after the
// standard text are two changes, and the clause rules read both. The MIT
// text is written out from licensecheck's template; the terms are made up.
func TestModifiedFindingPerBlock(t *testing.T) {
	pre := "The model weights are under the following terms: you may use them only for research purposes, and you may not redistribute them to third parties."
	post := "Additional Terms\n\nIf your product has more than 5 million monthly active users, you must display \"Built with Zeta\" in its user interface."
	text := pre + "\n\n" + stdtext.Text("MIT") + "\n" + post + "\n"
	res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(text)}}})
	var got []string
	codes := map[string]bool{}
	for _, f := range res.Findings() {
		if f.Code == "license/modified" {
			got = append(got, text[f.Span.Start:f.Span.End])
		} else {
			codes[f.Code] = true
		}
	}
	if want := []string{pre, post}; strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("license/modified on %q, want %q", got, want)
	}
	for _, c := range []string{"license/research-only", "clause/scale-threshold", "clause/attribution"} {
		if !codes[c] {
			t.Errorf("no %s on the added text", c)
		}
	}
	if len(res.Licenses) != 1 || res.Licenses[0].ID != "mit" || res.Licenses[0].Kind != "custom" {
		t.Errorf("licenses %+v, want one modified mit", res.Licenses)
	}
}

// A Creative Commons pointer with a condition of its own is the license
// with added terms: license/modified on the condition, whose clauses are
// read, and the base license's kind still says what it is (CC BY-NC 4.0
// forbids commercial use).
func TestModifiedPointer(t *testing.T) {
	added := "In addition, you may not use the model or its outputs to train other models."
	text := "The Zeta model weights are licensed under CC BY-NC 4.0.\n\n" + added + "\n"
	res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "MODEL_LICENSE", Kind: KindLicense, Text: []byte(text)}}})
	at := map[string]string{}
	for _, f := range res.Findings() {
		at[f.Code] = text[f.Span.Start:f.Span.End]
	}
	if at["license/modified"] != added || at["clause/output-restriction"] != added {
		t.Errorf("license/modified on %q, clause/output-restriction on %q, want both on %q", at["license/modified"], at["clause/output-restriction"], added)
	}
	if _, ok := at["license/non-commercial"]; !ok {
		t.Errorf("no license/non-commercial in %v", res.Findings())
	}
	if len(res.Licenses) != 1 || res.Licenses[0].ID != "cc-by-nc-4.0" || res.Licenses[0].Kind != "custom" || !res.Licenses[0].Modified {
		t.Errorf("licenses %+v, want one modified cc-by-nc-4.0", res.Licenses)
	}
}

// A short file that names MIT and sets a condition beside it is MIT with
// added terms; it names the license rather than holds it, so no copyright
// line is asked of it.
func TestModifiedNamedLicense(t *testing.T) {
	text := "The weights are provided under the MIT License, except that you may not use them for commercial purposes without our written permission.\n"
	res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(text)}}})
	codes := map[string]bool{}
	for _, f := range res.Findings() {
		codes[f.Code] = true
	}
	if !codes["license/modified"] || !codes["license/non-commercial"] || codes["notice/missing-copyright"] || codes["license/unidentified"] {
		t.Errorf("findings %v, want license/modified and license/non-commercial, no notice/missing-copyright", res.Findings())
	}
	if len(res.Licenses) != 1 || res.Licenses[0].ID != "mit" || !res.Licenses[0].Modified || !res.Licenses[0].Named {
		t.Errorf("licenses %+v, want one modified mit, named", res.Licenses)
	}
}

// In a standard license with terms added (license/modified), only the
// added terms give clause findings, as the terms around a plain MIT or
// Apache-2.0 text do: the standard text's duties (MIT's notice condition,
// Apache-2.0's section 4) are known from the identification and stated by
// the checklist. A standard sentence the licensor touched stays the
// standard one: Apache-2.0's section 4 items renumbered after an inserted
// item, one with "Agreement" for "License". The standard texts are written
// out from licensecheck's templates; the terms are made up.
func TestModifiedStandardClausesOnAddedTermsOnly(t *testing.T) {
	mitAdded := "If your product has more than 5 million monthly active users, you must display \"Built with Zeta\" in its user interface."
	mit := stdtext.Text("MIT")
	// The template's fullest wording breaks the notice condition where
	// its group ends; a faithful copy runs it on.
	if !strings.Contains(mit, "notice\n\nshall be included") {
		t.Fatalf("MIT template text has no notice condition to join: %q", mit)
	}
	mit = strings.Replace(mit, "notice\n\nshall be included", "notice shall be included", 1) + "\nAdditional Terms\n\n" + mitAdded + "\n"

	apacheAdded := "(a) You must include the use restrictions of Attachment A as an enforceable provision in every agreement under which You distribute the Work or Derivative Works; and"
	apache := stdtext.Text("Apache-2.0")
	for _, r := range [][2]string{
		{"(d) If the Work", "(e) If the Work"},
		{"(b) You must cause", "(c) You must cause"},
		{"(a) You must give", "(b) You must give"},
		{"Works a\ncopy of this License; and", "Works a\ncopy of this Agreement; and"},
		{"following conditions:\n\n", "following conditions:\n\n" + apacheAdded + "\n\n"},
	} {
		if !strings.Contains(apache, r[0]) {
			t.Fatalf("Apache-2.0 template text has no %q", r[0])
		}
		apache = strings.Replace(apache, r[0], r[1], 1)
	}
	for _, tt := range []struct {
		name, text, added, id string
		codes                 []string // clause codes on the added terms
	}{
		{"MIT with terms appended", mit, mitAdded, "mit", []string{"clause/scale-threshold", "clause/attribution"}},
		{"Apache-2.0 with an item inserted in section 4", apache, apacheAdded, "apache-2.0", []string{"clause/pass-through"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(tt.text)}}})
			start := strings.Index(tt.text, tt.added)
			added := Span{start, start + len(tt.added)}
			if len(res.Licenses) != 1 || res.Licenses[0].ID != tt.id || !res.Licenses[0].Modified {
				t.Fatalf("licenses %+v, want one modified %s", res.Licenses, tt.id)
			}
			onAdded := map[string]bool{}
			for _, f := range res.Findings() {
				if !strings.HasPrefix(f.Code, "clause/") && !strings.HasPrefix(f.Code, "license/") || f.Code == "license/modified" {
					continue
				}
				if f.Span.Start >= added.Start && f.Span.End <= added.End {
					onAdded[f.Code] = true
					continue
				}
				t.Errorf("%s on the standard text: %q", f.Code, tt.text[f.Span.Start:f.Span.End])
			}
			for _, c := range tt.codes {
				if !onAdded[c] {
					t.Errorf("no %s on the added terms", c)
				}
			}
			// The checklist states the standard text's duties beside the
			// added terms'.
			fam := New().KB().Family(res.Licenses[0].Family).Checklist.Derivatives
			for _, it := range New().Checklist(res.Licenses[0], res.Findings()) {
				if it.Question == QuestionDerivatives && !strings.Contains(it.Answer, fam) {
					t.Errorf("derivative obligations %q do not state the standard text's %q", it.Answer, fam)
				}
			}
		})
	}
}

// A license of the file's own followed by the license of a component it
// includes ("THIRD-PARTY SOFTWARE NOTICES", then BSD-2-Clause) is two
// licenses: an unidentified one, whose clauses are read, and the standard
// one, not the standard license with the first as added terms.
func TestLicenseThenComponentNotice(t *testing.T) {
	own := "ZETA SOFTWARE LICENSE AGREEMENT\n\nZeta grants you a license to use the Weights for noncommercial research purposes.\n\nYou may not sell, rent, lease or sublicense the Weights.\n\n"
	text := own + "THIRD-PARTY SOFTWARE NOTICES AND INFORMATION\n\nThis project incorporates material from the project listed below.\n\n" + stdtext.Text("BSD-2-Clause")
	res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(text)}}})
	codes := map[string]bool{}
	for _, f := range res.Findings() {
		codes[f.Code] = true
	}
	for _, c := range []string{"license/unidentified", "license/non-commercial", "license/research-only"} {
		if !codes[c] {
			t.Errorf("no %s in %v", c, res.Findings())
		}
	}
	if codes["license/modified"] {
		t.Errorf("license/modified in %v", res.Findings())
	}
	if len(res.Licenses) != 2 || res.Licenses[0].Kind != "unknown" || res.Licenses[0].Span != (Span{0, len(own) + len("THIRD-PARTY SOFTWARE NOTICES AND INFORMATION\n\nThis project incorporates material from the project listed below.\n\n")}) ||
		res.Licenses[1].ID != "bsd-2-clause" || res.Licenses[1].Modified {
		t.Errorf("licenses %+v, want an unknown license up to the notice's end, then bsd-2-clause", res.Licenses)
	}
}

// A preface above a full Creative Commons NonCommercial legal code that
// adds terms of its own ("preface + legal code") is the license modified,
// and, as around MIT, only the preface's terms give clause findings: the
// legal code's own NonCommercial grant (its sections 2(a)(1) and 4(a)) and
// its termination on breach (6(a)) are the standard text's, and the
// license's kind still states the limit where the preface does not
// (kindFindings, at a title). So does a preface that only says what
// the license covers: the legal code is a standard text inside the file,
// though the file adds no term to it. The same legal code alone keeps its
// clauses.
func TestModifiedCCLegalCodeClausesOnPrefaceOnly(t *testing.T) {
	code := stdtext.Text("CC-BY-NC-4.0")
	ban := "You must not use the weights for the surveillance of individuals, or to identify people in public places."
	scope := "The Zeta weights, their calibration files and the figures in this repository are licensed under the Creative Commons Attribution-NonCommercial 4.0 International License. The source code is licensed separately, under the MIT License. The full legal code follows."
	for _, tt := range []struct {
		name, text, added string
		preface           bool     // the file has words of its own beside the legal code
		want, notWant     []string // codes found, and codes not found, outside license/modified
	}{
		{"a preface that adds a ban", "Zeta weights license\n\nThe Zeta weights are licensed under CC BY-NC 4.0, the full text of which follows.\n\n" + ban + "\n\n=====\n\n" + code, ban, true,
			[]string{"clause/use-restriction", "license/non-commercial"}, []string{"clause/remote-termination"}},
		{"a preface that says what the license covers", "# License for the Zeta weights\n\n" + scope + "\n\n---\n\n" + code, "", true,
			[]string{"license/non-commercial"}, []string{"clause/remote-termination", "clause/notice-required"}},
		{"the legal code alone", code, "", false, []string{"license/non-commercial", "clause/remote-termination"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := New().Analyze(context.Background(), &Snapshot{Docs: []Document{{Path: "LICENSE", Kind: KindLicense, Text: []byte(tt.text)}}})
			if len(res.Licenses) != 1 || res.Licenses[0].ID != "cc-by-nc-4.0" || res.Licenses[0].Modified != (tt.added != "") {
				t.Fatalf("licenses %+v, want one cc-by-nc-4.0, modified %v", res.Licenses, tt.added != "")
			}
			codeAt := strings.Index(tt.text, code)
			got := map[string]bool{}
			for _, f := range res.Findings() {
				if !strings.HasPrefix(f.Code, "clause/") && !strings.HasPrefix(f.Code, "license/") || f.Code == "license/modified" {
					continue
				}
				got[f.Code] = true
				if tt.preface && f.Span.Start >= codeAt && strings.HasPrefix(f.Code, "clause/") {
					t.Errorf("%s on the legal code: %q", f.Code, tt.text[f.Span.Start:f.Span.End])
				}
			}
			for _, c := range tt.want {
				if !got[c] {
					t.Errorf("no %s in %v", c, got)
				}
			}
			for _, c := range tt.notWant {
				if got[c] {
					t.Errorf("%s found", c)
				}
			}
		})
	}
}
