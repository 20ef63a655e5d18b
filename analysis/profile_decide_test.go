package analysis

import (
	"reflect"
	"strings"
	"testing"
)

func profPtr[T any](v T) *T { return &v }

// span finds the byte range of the nth (0-based) occurrence of s in text.
func profSpan(t *testing.T, text, s string, nth int) Span {
	t.Helper()
	off := 0
	for {
		i := strings.Index(text[off:], s)
		if i < 0 {
			t.Fatalf("%q not found in %q", s, text)
		}
		if nth == 0 {
			return Span{off + i, off + i + len(s)}
		}
		nth--
		off += i + len(s)
	}
}

func TestParseProfileValid(t *testing.T) {
	text := `# .fineprint.yaml
use:
  commercial: true
  monthly_active_users: 2_000_000
  annual_revenue_usd: 5000000
  regions: [EU, US]
  redistributes_models: false
rules:
  clause/output-restriction: off
  clause/attribution: info
ignore: ["third_party/**", "*.gguf"]
`
	p, findings := ParseProfile(ProfileFile, []byte(text))
	if len(findings) != 0 {
		t.Fatalf("findings: %+v", findings)
	}
	want := Profile{
		Use: Use{Commercial: profPtr(true), MonthlyActiveUsers: profPtr[int64](2000000), AnnualRevenueUSD: profPtr[int64](5000000),
			Regions: []string{"EU", "US"}, RedistributesModels: profPtr(false)},
		Rules:  map[string]string{"clause/output-restriction": "off", "clause/attribution": "information"},
		Ignore: []string{"third_party/**", "*.gguf"},
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("ParseProfile = %+v, want %+v", p, want)
	}
	for _, empty := range []string{"", "# nothing yet\n", "---\n"} {
		if p, fs := ParseProfile(ProfileFile, []byte(empty)); !reflect.DeepEqual(p, Profile{}) || fs != nil {
			t.Errorf("ParseProfile(%q) = %+v, %+v", empty, p, fs)
		}
	}
}

func TestParseProfileInvalid(t *testing.T) {
	tests := []struct {
		name string
		text string
		bad  string // the text the finding must cover
		nth  int
		msg  string
		want Profile
	}{
		{
			name: "unknown top-level key",
			text: "use:\n  commercial: true\nrulez:\n  x: off\n",
			bad:  "rulez",
			msg:  `Unknown key "rulez" in the profile is ignored (did you mean "rules"?).`,
			want: Profile{Use: Use{Commercial: profPtr(true)}},
		},
		{
			name: "unknown use key",
			text: "use:\n  comercial: true\n  monthly_active_users: 10\n",
			bad:  "comercial",
			msg:  `Unknown key "comercial" in use: is ignored (did you mean "commercial"?).`,
			want: Profile{Use: Use{MonthlyActiveUsers: profPtr[int64](10)}},
		},
		{
			name: "wrong type for a bool",
			text: "use:\n  commercial: \"maybe\"   # not sure\n",
			bad:  `"maybe"`,
			msg:  "commercial must be true or false; it is left unset.",
		},
		{
			name: "wrong type for a count",
			text: "use:\n  monthly_active_users: 2M\n  commercial: false\n",
			bad:  "2M",
			msg:  "monthly_active_users must be a whole number such as 2000000; it is left unset.",
			want: Profile{Use: Use{Commercial: profPtr(false)}},
		},
		{
			name: "negative count",
			text: "use:\n  annual_revenue_usd: -5\n",
			bad:  "-5",
			msg:  "annual_revenue_usd must be a whole number such as 2000000; it is left unset.",
		},
		{
			name: "regions not a list",
			text: "use:\n  regions: EU\n",
			bad:  "EU",
			msg:  "regions must be a list, such as [EU, US]; it is left unset.",
		},
		{
			name: "bad severity",
			text: "rules:\n  clause/attribution: loud\n  clause/geographic: error\n",
			bad:  "loud",
			msg:  "The severity of clause/attribution must be off, hint, information, warning or error; its default applies.",
			want: Profile{Rules: map[string]string{"clause/geographic": "error"}},
		},
		{
			name: "unknown rule code",
			text: "rules:\n  clause/atribution: off\n",
			bad:  "clause/atribution",
			msg:  `Unknown rule code "clause/atribution" is ignored (did you mean "clause/attribution"?).`,
			want: Profile{Rules: map[string]string{}},
		},
		{
			name: "rules not a mapping",
			text: "rules: [clause/attribution]\n",
			bad:  "[clause/attribution]",
			msg:  "rules: must map rule codes to off, hint, information, warning or error; it is ignored.",
		},
		{
			name: "bad glob",
			text: "ignore:\n  - \"vendor/[\"\n  - docs/**\n",
			bad:  `"vendor/["`,
			msg:  `"vendor/[" is not a valid glob; it is ignored.`,
			want: Profile{Ignore: []string{"docs/**"}},
		},
		{
			name: "ignore not a list",
			text: "ignore: {a: b}\n",
			bad:  "{a: b}",
			msg:  `ignore must be a list of path globs, such as ["third_party/**"]; it is left unset.`,
		},
		{
			name: "syntax error",
			text: "use:\n  commercial: true\n   regions: [EU\n",
			bad:  "   regions: [EU",
			msg:  "The profile is not valid YAML (mapping values are not allowed in this context); the defaults apply.",
		},
		{
			name: "not a mapping",
			text: "- use\n- rules\n",
			bad:  "- use\n- rules",
			msg:  "The profile must be a mapping with the keys use, rules, ignore, include and limits; it is ignored.",
		},
		{
			name: "duplicate key",
			text: "use:\n  commercial: true\nuse:\n  commercial: false\n",
			bad:  "use",
			nth:  1,
			msg:  `Key "use" appears twice in the profile; the first one applies.`,
			want: Profile{Use: Use{Commercial: profPtr(true)}},
		},
		{
			name: "CRLF and non-ASCII before the bad value",
			text: "# Überblick\r\nuse:\r\n  regions: [EU, 7]\r\n",
			bad:  "7",
			msg:  "Each entry of regions must be a region code such as EU or US; this one is ignored.",
			want: Profile{Use: Use{Regions: []string{"EU"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, findings := ParseProfile(ProfileFile, []byte(tt.text))
			if len(findings) != 1 {
				t.Fatalf("got %d findings, want 1: %+v", len(findings), findings)
			}
			f := findings[0]
			want := profSpan(t, tt.text, tt.bad, tt.nth)
			if f.Code != "profile/invalid" || f.Severity != SeverityError || f.Path != ProfileFile || f.Span != want || f.Message != tt.msg {
				t.Errorf("finding = %s %s %s %v %q (covers %q)\nwant span %v %q", f.Code, f.Severity, f.Path, f.Span, f.Message, tt.text[f.Span.Start:f.Span.End], want, tt.msg)
			}
			if !reflect.DeepEqual(p, tt.want) {
				t.Errorf("profile = %+v, want %+v", p, tt.want)
			}
		})
	}
}

func TestLoadProfileFileWinsOverSettings(t *testing.T) {
	settings := &Profile{
		Use:    Use{Commercial: profPtr(false), MonthlyActiveUsers: profPtr[int64](5), Regions: []string{"US"}},
		Rules:  map[string]string{"clause/attribution": "off", "clause/geographic": "hint"},
		Ignore: []string{"vendor/**"},
	}
	file := "use:\n  commercial: true\nrules:\n  clause/geographic: error\n"
	s := &Snapshot{Settings: settings, Docs: []Document{{Path: ProfileFile, Kind: KindProfile, Text: []byte(file)}}}
	p, findings := New().loadProfile(s)
	if findings != nil {
		t.Fatal(findings)
	}
	want := Profile{
		Use:    Use{Commercial: profPtr(true), MonthlyActiveUsers: profPtr[int64](5), Regions: []string{"US"}},
		Rules:  map[string]string{"clause/attribution": "off", "clause/geographic": "error"},
		Ignore: []string{"vendor/**"},
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("profile = %+v\nwant %+v", p, want)
	}
	if settings.Rules["clause/geographic"] != "hint" {
		t.Error("loadProfile changed the settings")
	}
}

func TestDecide(t *testing.T) {
	threshold := func(metric string, value any) Finding {
		return Finding{Code: "clause/scale-threshold", Severity: SeverityWarning, Path: "LICENSE", Message: "Rights change above a threshold.",
			Data: map[string]any{"metric": metric, "value": value}}
	}
	geo := Finding{Code: "clause/geographic", Severity: SeverityWarning, Path: "LICENSE", Message: "No rights in some regions.",
		Data: map[string]any{"regions": []string{"EU"}}}
	nc := Finding{Code: "license/non-commercial", Severity: SeverityWarning, Path: "LICENSE", Message: "Non-commercial."}
	ro := Finding{Code: "license/research-only", Severity: SeverityWarning, Path: "LICENSE", Message: "Research only."}
	model := func(license string) Finding {
		return Finding{Code: "manifest/model-license", Severity: SeverityInformation, Path: "app.py", License: license, Message: "Model license."}
	}
	attribution := Finding{Code: "clause/attribution", Severity: SeverityInformation, Path: "LICENSE", Message: "Attribution."}
	notice := Finding{Code: "notice/missing-notice", Severity: SeverityWarning, Path: "NOTICE", Message: "Notice."}
	output := Finding{Code: "clause/output-restriction", Severity: SeverityWarning, Path: "LICENSE", Message: "Outputs."}

	type result struct {
		sev Severity
		msg string
	}
	tests := []struct {
		name    string
		profile Profile
		in      Finding
		want    *result // nil: dropped
	}{
		{"no profile keeps defaults", Profile{}, nc, &result{SeverityWarning, "Non-commercial."}},
		{"commercial: non-commercial is an error", Profile{Use: Use{Commercial: profPtr(true)}}, nc, &result{SeverityError, "Non-commercial."}},
		{"commercial: research-only is an error", Profile{Use: Use{Commercial: profPtr(true)}}, ro, &result{SeverityError, "Research only."}},
		{"not commercial: non-commercial is a hint", Profile{Use: Use{Commercial: profPtr(false)}}, nc, &result{SeverityHint, "Non-commercial."}},
		{"not commercial: research-only is information", Profile{Use: Use{Commercial: profPtr(false)}}, ro, &result{SeverityInformation, "Research only."}},
		{"commercial: NC model is an error", Profile{Use: Use{Commercial: profPtr(true)}}, model("cc-by-nc-4.0"), &result{SeverityError, "Model license; your profile says the project is commercial."}},
		{"commercial: permissive model stays", Profile{Use: Use{Commercial: profPtr(true)}}, model("apache-2.0"), &result{SeverityInformation, "Model license."}},
		{"commercial: unknown model license stays", Profile{Use: Use{Commercial: profPtr(true)}}, model("nope"), &result{SeverityInformation, "Model license."}},
		{"users under threshold", Profile{Use: Use{MonthlyActiveUsers: profPtr[int64](2_000_000)}}, threshold("monthly-active-users", int64(700_000_000)),
			&result{SeverityInformation, "Your 2M monthly active users are under this license's 700M threshold; the separate-license duty does not apply yet."}},
		{"users over threshold", Profile{Use: Use{MonthlyActiveUsers: profPtr[int64](800_000_000)}}, threshold("monthly-active-users", 700_000_000),
			&result{SeverityError, "Your 800M monthly active users exceed this license's 700M threshold; you need a separate license from the licensor."}},
		{"users at threshold", Profile{Use: Use{MonthlyActiveUsers: profPtr[int64](700_000_000)}}, threshold("monthly-active-users", float64(700_000_000)),
			&result{SeverityError, "Your 700M monthly active users reach this license's 700M threshold; you need a separate license from the licensor."}},
		{"users just under, written out", Profile{Use: Use{MonthlyActiveUsers: profPtr[int64](699_999_999)}}, threshold("monthly-active-users", int64(700_000_000)),
			&result{SeverityInformation, "Your 699,999,999 monthly active users are under this license's 700M threshold; the separate-license duty does not apply yet."}},
		{"revenue over threshold", Profile{Use: Use{AnnualRevenueUSD: profPtr[int64](5_000_000)}},
			Finding{Code: "clause/scale-threshold", Severity: SeverityWarning, Message: "m", Data: map[string]any{"metric": "annual-revenue", "value": int64(1_000_000), "currency": "USD"}},
			&result{SeverityError, "Your US$5M annual revenue exceeds this license's US$1M threshold; you need a separate license from the licensor."}},
		{"revenue under threshold", Profile{Use: Use{AnnualRevenueUSD: profPtr[int64](250_000)}}, threshold("annual-revenue", int64(1_000_000)),
			&result{SeverityInformation, "Your US$250K annual revenue is under this license's US$1M threshold; the separate-license duty does not apply yet."}},
		{"a threshold from the knowledge base names its license", Profile{Use: Use{AnnualRevenueUSD: profPtr[int64](5_000_000)}},
			Finding{Code: "clause/scale-threshold", Severity: SeverityWarning, Message: "m", License: "stabilityai-community",
				Data: map[string]any{"metric": "annual-revenue", "value": int64(1_000_000), "currency": "USD", "source": "knowledge-base"}},
			&result{SeverityError, "Your US$5M annual revenue exceeds the Stability AI Community License Agreement's US$1M threshold; you need a separate license from the licensor."}},
		{"revenue in another currency is not compared", Profile{Use: Use{AnnualRevenueUSD: profPtr[int64](5)}},
			Finding{Code: "clause/scale-threshold", Severity: SeverityWarning, Message: "m", Data: map[string]any{"metric": "annual-revenue", "value": int64(1_000_000), "currency": "EUR"}},
			&result{SeverityWarning, "m"}},
		{"users unknown keeps default", Profile{Use: Use{AnnualRevenueUSD: profPtr[int64](5)}}, threshold("monthly-active-users", int64(700_000_000)),
			&result{SeverityWarning, "Rights change above a threshold."}},
		{"region excluded", Profile{Use: Use{Regions: []string{"US", "eu"}}}, geo,
			&result{SeverityError, "This license denies rights in EU, where your project is used; you may not use the model there."}},
		{"region not excluded", Profile{Use: Use{Regions: []string{"US"}}}, geo, &result{SeverityInformation, "No rights in some regions."}},
		{"regions unknown", Profile{}, geo, &result{SeverityWarning, "No rights in some regions."}},
		{"regions as []any", Profile{Use: Use{Regions: []string{"EU"}}},
			Finding{Code: "clause/geographic", Severity: SeverityWarning, Data: map[string]any{"regions": []any{"EU", "UK"}}},
			&result{SeverityError, "This license denies rights in EU, where your project is used; you may not use the model there."}},
		{"no redistribution lowers attribution", Profile{Use: Use{RedistributesModels: profPtr(false)}}, attribution, &result{SeverityHint, "Attribution."}},
		{"no redistribution lowers notices", Profile{Use: Use{RedistributesModels: profPtr(false)}}, notice, &result{SeverityHint, "Notice."}},
		{"redistribution keeps notices", Profile{Use: Use{RedistributesModels: profPtr(true)}}, notice, &result{SeverityWarning, "Notice."}},
		{"rule off drops", Profile{Rules: map[string]string{"clause/output-restriction": "off"}}, output, nil},
		{"rule overrides decision", Profile{Use: Use{Commercial: profPtr(true)}, Rules: map[string]string{"license/non-commercial": "warning"}}, nc, &result{SeverityWarning, "Non-commercial."}},
		{"ignored path", Profile{Ignore: []string{"third_party/**"}}, Finding{Code: "clause/attribution", Severity: SeverityInformation, Path: "third_party/m/LICENSE"}, nil},
		{"ignore does not match other paths", Profile{Ignore: []string{"third_party/**"}}, attribution, &result{SeverityInformation, "Attribution."}},
	}
	a := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := a.decide([]Finding{tt.in}, &tt.profile)
			switch {
			case tt.want == nil && len(out) != 0:
				t.Errorf("decide kept %+v, want it dropped", out)
			case tt.want == nil:
			case len(out) != 1:
				t.Errorf("decide dropped the finding")
			case out[0].Severity != tt.want.sev || out[0].Message != tt.want.msg:
				t.Errorf("decide = %s %q, want %s %q", out[0].Severity, out[0].Message, tt.want.sev, tt.want.msg)
			}
		})
	}
}

func TestSuppress(t *testing.T) {
	tests := []struct {
		name string
		doc  Document
		at   string // the text the finding starts at
		code string
		kept bool
	}{
		{"markdown html comment", Document{Path: "README.md", Kind: KindCard, Text: []byte("Intro\n<!-- fineprint-ignore clause/attribution -->\nBuilt with X\n")}, "Built", "clause/attribution", false},
		{"markdown other code", Document{Path: "README.md", Kind: KindCard, Text: []byte("<!-- fineprint-ignore clause/attribution -->\nBuilt with X\n")}, "Built", "card/no-license", true},
		{"markdown two codes CRLF", Document{Path: "README.md", Kind: KindCard, Text: []byte("a\r\n<!-- fineprint-ignore card/no-license, clause/attribution -->\r\nBuilt\r\n")}, "Built", "clause/attribution", false},
		{"markdown hash heading does not count", Document{Path: "README.md", Kind: KindCard, Text: []byte("# fineprint-ignore clause/attribution\nBuilt\n")}, "Built", "clause/attribution", true},
		{"card front matter hash comment", Document{Path: "README.md", Kind: KindCard, Text: []byte("---\r\n# fineprint-ignore card/unknown-license-id\r\nlicense: llama-3\r\n---\r\nBody\r\n")}, "license: ", "card/unknown-license-id", false},
		{"no code silences all", Document{Path: "README.md", Kind: KindCard, Text: []byte("<!-- fineprint-ignore -->\nBuilt\n")}, "Built", "clause/attribution", false},
		{"only the next line", Document{Path: "README.md", Kind: KindCard, Text: []byte("<!-- fineprint-ignore -->\n\nBuilt\n")}, "Built", "clause/attribution", true},
		{"same line does not count", Document{Path: "README.md", Kind: KindCard, Text: []byte("Built <!-- fineprint-ignore -->\n")}, "Built", "clause/attribution", true},
		{"modelfile", Document{Path: "Modelfile", Kind: KindModelfile, Text: []byte("# fineprint-ignore manifest/model-license\r\nFROM llama3.1\r\n")}, "llama3.1", "manifest/model-license", false},
		{"python trailing comment", Document{Path: "app.py", Kind: KindPython, Text: []byte("x = 1  # fineprint-ignore manifest/unknown-model-license\nm = load('org/model')\n")}, "org/model", "manifest/unknown-model-license", false},
		{"python hash inside a word does not count", Document{Path: "app.py", Kind: KindPython, Text: []byte("x = 'a#fineprint-ignore'\nm = load('org/model')\n")}, "org/model", "manifest/unknown-model-license", true},
		{"profile", Document{Path: ProfileFile, Kind: KindProfile, Text: []byte("rules:\n  # fineprint-ignore profile/invalid\n  clause/atribution: off\n")}, "clause/atribution", "profile/invalid", false},
		{"plain license text takes both", Document{Path: "LICENSE", Kind: KindLicense, Text: []byte("# fineprint-ignore clause/geographic\nNot in the EU.\n")}, "Not", "clause/geographic", false},
		{"json has no comments", Document{Path: "adapter_config.json", Kind: KindAdapterConfig, Text: []byte("# fineprint-ignore\n{}\n")}, "{}", "manifest/unknown-model-license", true},
		{"first line cannot be silenced", Document{Path: "LICENSE", Kind: KindLicense, Text: []byte("Not in the EU.\n")}, "Not", "clause/geographic", true},
	}
	a := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := profSpan(t, string(tt.doc.Text), tt.at, 0)
			f := Finding{Code: tt.code, Severity: SeverityWarning, Path: tt.doc.Path, Span: sp}
			out := a.suppress(&Snapshot{Docs: []Document{tt.doc}}, nil, []Finding{f})
			if got := len(out) == 1; got != tt.kept {
				t.Errorf("kept = %v, want %v", got, tt.kept)
			}
		})
	}
}

func FuzzParseProfile(f *testing.F) {
	f.Add([]byte("use:\n  commercial: true\n  regions: [EU, 'US']\nrules:\n  clause/attribution: \"off\"\nignore: [a/**]\n"))
	f.Add([]byte("use: {commercial: yes, monthly_active_users: 1e9}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, findings := ParseProfile(ProfileFile, data)
		for _, fd := range findings {
			if fd.Span.Start < 0 || fd.Span.Start > fd.Span.End || fd.Span.End > len(data) {
				t.Fatalf("finding %q has span %v outside %d bytes", fd.Message, fd.Span, len(data))
			}
		}
	})
}
