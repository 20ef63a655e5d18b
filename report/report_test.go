package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/workspace"
)

// The license line holds "é" (2 bytes, 1 UTF-16 unit) and "😀" (4 bytes,
// 2 UTF-16 units) before the clause, so byte and UTF-16 columns differ.
const licenseText = "Acme Model License\n\né 😀 Users above 50 million need a license.\n"

func fixture() (*analysis.Result, *analysis.Snapshot) {
	snap := &analysis.Snapshot{Root: "/work/acme", Docs: []analysis.Document{
		{Path: "LICENSE", Kind: analysis.KindLicense, Text: []byte(licenseText)},
		{Path: "README.md", Kind: analysis.KindCard, Text: []byte("---\nlicense: other\n---\n")},
	}}
	clauseStart := strings.Index(licenseText, "Users")
	fs := []analysis.Finding{{
		Code: "license/unidentified", Severity: analysis.SeverityWarning, Path: "LICENSE",
		Span: analysis.Span{Start: 0, End: 18}, Message: "No known license.",
	}, {
		Code: "clause/scale-threshold", Severity: analysis.SeverityError, Path: "LICENSE",
		Span:    analysis.Span{Start: clauseStart, End: len(licenseText) - 1},
		Message: "Above 50M monthly active users you need a separate license.",
		Data:    map[string]any{"metric": "monthly-active-users", "value": 50000000},
		Related: []analysis.Related{{Path: "README.md", Span: analysis.Span{Start: 4, End: 18}, Message: "declared here"}},
	}, {
		Code: "notice/missing-notice", Severity: analysis.SeverityHint, Path: "README.md",
		Span: analysis.Span{Start: 4, End: 18}, Message: "The NOTICE lacks the license's notice line.", License: "acme",
		Fixes: []analysis.Fix{{Title: "Create NOTICE", Edits: []analysis.Edit{{Path: "NOTICE", Create: true, NewText: "Acme notice\n"}}}},
	}}
	res := &analysis.Result{
		Licenses: []analysis.LicenseInfo{{Path: "LICENSE", Kind: "unknown", Span: analysis.Span{Start: 0, End: len(licenseText)}}},
		Models: []analysis.ModelUse{{
			ID: "unsloth/Llama-3.2-1B-Instruct-bnb-4bit", License: "llama3.2", Kind: "custom", ResolvedBy: "name-rule",
			Original: "meta-llama/Llama-3.2-1B-Instruct", Locations: []analysis.Location{
				{Path: "LICENSE", Span: analysis.Span{Start: clauseStart, End: clauseStart + 5}},
				{Path: "README.md", Span: analysis.Span{Start: 4, End: 18}},
			},
		}, {
			ID: "nobody/nowhere", Kind: "unknown", Locations: []analysis.Location{{Path: "README.md", Span: analysis.Span{Start: 4, End: 18}}},
		}},
		Datasets: []analysis.ModelUse{{
			ID: "tatsu-lab/alpaca", License: "cc-by-nc-4.0", Kind: "non-commercial", ResolvedBy: "kb",
			Locations: []analysis.Location{{Path: "README.md", Span: analysis.Span{Start: 4, End: 18}}},
		}},
	}
	res.SetFindings(fs)
	return res, snap
}

func TestText(t *testing.T) {
	res, snap := fixture()
	var buf bytes.Buffer
	opts := Options{PathPrefix: "acme/", Skips: []workspace.Skip{{Path: "big.md", Reason: "larger than 10 bytes"}}}
	if err := Text(&buf, res, snap, opts); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	wantFindings := "acme/LICENSE:1:1: warning license/unidentified: No known license.\n" +
		"acme/LICENSE:3:6: error clause/scale-threshold: Above 50M monthly active users you need a separate license.\n" +
		"\n" +
		"acme/README.md:2:1: hint notice/missing-notice: The NOTICE lacks the license's notice line.\n" +
		"\n" +
		"acme/LICENSE: unidentified license\n" +
		"  Checklist:\n"
	if !strings.HasPrefix(got, wantFindings) {
		t.Errorf("text output starts:\n%s\nwant:\n%s", got, wantFindings)
	}
	wantEnd := "\nacme/big.md: skipped: larger than 10 bytes\n\n" +
		"Models in use:\n" +
		"  llama3.2 (custom):\n" +
		"    unsloth/Llama-3.2-1B-Instruct-bnb-4bit (a re-upload of meta-llama/Llama-3.2-1B-Instruct) at acme/LICENSE:3:6 and 1 other place\n" +
		"  license unknown:\n" +
		"    nobody/nowhere at acme/README.md:2:1\n" +
		"\nDatasets in use:\n" +
		"  cc-by-nc-4.0 (non-commercial):\n" +
		"    tatsu-lab/alpaca at acme/README.md:2:1\n" +
		"\n2 files checked, 1 license: 1 error, 1 warning, 0 information, 1 hint\n"
	if !strings.HasSuffix(got, wantEnd) {
		t.Errorf("text output ends:\n%s\nwant:\n%s", got, wantEnd)
	}
}

func TestTextClean(t *testing.T) {
	var buf bytes.Buffer
	snap := &analysis.Snapshot{Docs: []analysis.Document{{Path: "LICENSE"}}}
	if err := Text(&buf, &analysis.Result{}, snap, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "1 file checked, 0 licenses: no findings\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestJSON(t *testing.T) {
	res, snap := fixture()
	var buf bytes.Buffer
	if err := JSON(&buf, res, snap, Options{}); err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "root": "/work/acme",
  "licenses": [
    {
      "path": "LICENSE",
      "id": "",
      "family": "",
      "name": "",
      "kind": "unknown",
      "commercial": false
    }
  ],
  "findings": [
    {
      "code": "license/unidentified",
      "severity": "warning",
      "path": "LICENSE",
      "range": {
        "start": {
          "line": 1,
          "column": 1
        },
        "end": {
          "line": 1,
          "column": 19
        }
      },
      "message": "No known license."
    },
    {
      "code": "clause/scale-threshold",
      "severity": "error",
      "path": "LICENSE",
      "range": {
        "start": {
          "line": 3,
          "column": 6
        },
        "end": {
          "line": 3,
          "column": 44
        }
      },
      "message": "Above 50M monthly active users you need a separate license.",
      "data": {
        "metric": "monthly-active-users",
        "value": 50000000
      },
      "related": [
        {
          "path": "README.md",
          "range": {
            "start": {
              "line": 2,
              "column": 1
            },
            "end": {
              "line": 2,
              "column": 15
            }
          },
          "message": "declared here"
        }
      ]
    },
    {
      "code": "notice/missing-notice",
      "severity": "hint",
      "path": "README.md",
      "range": {
        "start": {
          "line": 2,
          "column": 1
        },
        "end": {
          "line": 2,
          "column": 15
        }
      },
      "message": "The NOTICE lacks the license's notice line.",
      "license": "acme",
      "fixes": [
        {
          "title": "Create NOTICE",
          "edits": [
            {
              "path": "NOTICE",
              "create": true,
              "range": {
                "start": {
                  "line": 1,
                  "column": 1
                },
                "end": {
                  "line": 1,
                  "column": 1
                }
              },
              "newText": "Acme notice\n"
            }
          ]
        }
      ]
    }
  ],
  "models": [
    {
      "id": "unsloth/Llama-3.2-1B-Instruct-bnb-4bit",
      "license": "llama3.2",
      "kind": "custom",
      "resolved_by": "name-rule",
      "original": "meta-llama/Llama-3.2-1B-Instruct",
      "locations": [
        {
          "path": "LICENSE",
          "line": 3,
          "column": 6
        },
        {
          "path": "README.md",
          "line": 2,
          "column": 1
        }
      ]
    },
    {
      "id": "nobody/nowhere",
      "license": null,
      "kind": "unknown",
      "resolved_by": null,
      "original": null,
      "locations": [
        {
          "path": "README.md",
          "line": 2,
          "column": 1
        }
      ]
    }
  ],
  "datasets": [
    {
      "id": "tatsu-lab/alpaca",
      "license": "cc-by-nc-4.0",
      "kind": "non-commercial",
      "resolved_by": "kb",
      "original": null,
      "locations": [
        {
          "path": "README.md",
          "line": 2,
          "column": 1
        }
      ]
    }
  ],
  "summary": {
    "error": 1,
    "warning": 1,
    "information": 0,
    "hint": 1
  }
}
`
	if buf.String() != want {
		t.Errorf("JSON output:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, &analysis.Result{}, &analysis.Snapshot{Root: "/r"}, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// Empty lists are [] rather than null, so that scripts can iterate.
	if !strings.Contains(buf.String(), `"licenses": []`) || !strings.Contains(buf.String(), `"findings": []`) || !strings.Contains(buf.String(), `"models": []`) {
		t.Errorf("empty result should have empty lists:\n%s", buf.String())
	}
}

// TestSARIFStructure checks the properties SARIF 2.1.0 requires and the
// ones GitHub code scanning reads, without fetching the schema.
func TestSARIFStructure(t *testing.T) {
	res, snap := fixture()
	res.SetFindings(append(res.Findings(), analysis.Finding{
		Code: "clause/use-restriction", Severity: analysis.SeverityInformation,
		Path: "models/Tongyi Qianwen LICENSE AGREEMENT", Span: analysis.Span{}, Message: "Some uses are prohibited.",
	}))
	var buf bytes.Buffer
	if err := SARIF(&buf, res, snap, Options{Version: "v1.2.3"}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, InformationURI, Version string
					Rules                         []struct {
						ID                   string
						Name                 string
						ShortDescription     struct{ Text string }
						FullDescription      struct{ Text string }
						Help                 struct{ Text, Markdown string }
						HelpURI              string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			ColumnKind         string
			Results            []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
				RelatedLocations []struct {
					ID               int
					Message          struct{ Text string }
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
				PartialFingerprints map[string]string
			}
			Properties struct {
				Models []struct {
					ID, License, Kind string
					ResolvedBy        string `json:"resolved_by"`
					Locations         []struct {
						Path         string
						Line, Column int
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if ms := log.Runs[0].Properties.Models; len(ms) != 2 || ms[0].ID != "unsloth/Llama-3.2-1B-Instruct-bnb-4bit" || ms[0].Locations[0].Column != 6 {
		t.Errorf("run properties' models = %+v, want the inventory with UTF-16 columns", ms)
	}
	if log.Schema == "" || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("$schema %q, version %q, %d runs: want a schema, 2.1.0 and one run", log.Schema, log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "fineprint" || d.InformationURI == "" || d.Version != "v1.2.3" {
		t.Errorf("driver = %q %q %q", d.Name, d.InformationURI, d.Version)
	}
	kbRules := analysis.New().KB().Rules
	if len(d.Rules) != len(kbRules) {
		t.Errorf("%d rules, want one per code of the knowledge base (%d)", len(d.Rules), len(kbRules))
	}
	ruleAt := map[string]int{}
	for i, r := range d.Rules {
		if _, dup := ruleAt[r.ID]; dup {
			t.Errorf("rule %s twice", r.ID)
		}
		ruleAt[r.ID] = i
		if r.Name == "" || strings.ContainsAny(r.Name, " /") || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" {
			t.Errorf("rule %s lacks name, descriptions or help: %+v", r.ID, r)
		}
		if !strings.HasPrefix(r.HelpURI, "https://") || !strings.Contains(r.HelpURI, "docs/rules.md#") {
			t.Errorf("rule %s helpUri %q", r.ID, r.HelpURI)
		}
		switch r.DefaultConfiguration.Level {
		case "error", "warning", "note":
		default:
			t.Errorf("rule %s level %q", r.ID, r.DefaultConfiguration.Level)
		}
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///work/acme/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if len(run.Results) != len(res.Findings()) {
		t.Fatalf("%d results, want %d", len(run.Results), len(res.Findings()))
	}
	wantLevels := []string{"warning", "error", "note", "note"}
	for i, r := range run.Results {
		if idx, ok := ruleAt[r.RuleID]; !ok || idx != r.RuleIndex {
			t.Errorf("result %d: ruleId %s ruleIndex %d does not point at its rule", i, r.RuleID, r.RuleIndex)
		}
		if r.Level != wantLevels[i] {
			t.Errorf("result %d: level %q, want %q", i, r.Level, wantLevels[i])
		}
		if r.Message.Text == "" || len(r.Locations) != 1 || r.PartialFingerprints["fineprint/v1"] == "" {
			t.Errorf("result %d lacks message, location or fingerprint: %+v", i, r)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 {
			t.Errorf("result %d location %+v", i, loc)
		}
	}
	clause := run.Results[1]
	if reg := clause.Locations[0].PhysicalLocation.Region; reg.StartLine != 3 || reg.StartColumn != 6 || reg.EndLine != 3 || reg.EndColumn != 44 {
		t.Errorf("clause region = %+v, want 3:6-3:44 in UTF-16 columns", reg)
	}
	if rel := clause.RelatedLocations; len(rel) != 1 || rel[0].ID != 1 || rel[0].Message.Text != "declared here" || rel[0].PhysicalLocation.ArtifactLocation.URI != "README.md" {
		t.Errorf("related locations = %+v", rel)
	}
	if uri := run.Results[3].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "models/Tongyi%20Qianwen%20LICENSE%20AGREEMENT" {
		t.Errorf("uri = %q, want spaces escaped", uri)
	}
}

func TestFingerprintStable(t *testing.T) {
	f := analysis.Finding{Code: "clause/attribution", Path: "LICENSE", Message: "Show Built with Acme.", Span: analysis.Span{Start: 10, End: 20}}
	moved := f
	moved.Span = analysis.Span{Start: 300, End: 310}
	other := f
	other.Path = "NOTICE"
	if fingerprint(f) != fingerprint(moved) {
		t.Error("fingerprint changed when the finding moved")
	}
	if fingerprint(f) == fingerprint(other) {
		t.Error("fingerprint ignores the path")
	}
}

func TestRuleName(t *testing.T) {
	for title, want := range map[string]string{"Scale threshold": "ScaleThreshold", "NOTICE line missing": "NOTICELineMissing", "card: yaml-error": "CardYamlError"} {
		if got := ruleName(title); got != want {
			t.Errorf("ruleName(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestPositions(t *testing.T) {
	snap := &analysis.Snapshot{Docs: []analysis.Document{
		{Path: "bom", Text: []byte("\xef\xbb\xbfab\r\ncd")},
		{Path: "crlf", Text: []byte("a\r\nb\rc\n")},
	}}
	pos := newPositions(snap)
	tests := []struct {
		path string
		off  int
		want Position
	}{
		{"bom", 3, Position{1, 1}}, // the byte order mark takes no column
		{"bom", 4, Position{1, 2}},
		{"bom", 7, Position{2, 1}},
		{"bom", 99, Position{2, 3}}, // past the end: clamped
		{"crlf", 3, Position{2, 1}},
		{"crlf", 5, Position{3, 1}},
		{"missing", 40, Position{1, 1}}, // a file the fix creates
	}
	for _, tt := range tests {
		if got := pos.at(tt.path, tt.off); got != tt.want {
			t.Errorf("at(%s, %d) = %+v, want %+v", tt.path, tt.off, got, tt.want)
		}
	}
}
