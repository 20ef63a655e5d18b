package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// SARIF 2.1.0 document types: only the properties fineprint fills.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []sarifResult               `json:"results"`
		// Properties carry the inventory: {"models": [...], "datasets":
		// [...]} as in JSON (datasets only when there are some).
		Properties map[string]any `json:"properties,omitempty"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name"`
		ShortDescription     sarifText       `json:"shortDescription"`
		FullDescription      sarifText       `json:"fullDescription"`
		Help                 sarifText       `json:"help"`
		HelpURI              string          `json:"helpUri"`
		DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	}
	sarifText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifRuleConfig struct {
		Level string `json:"level"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Properties          map[string]any    `json:"properties,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           sarifRegion      `json:"region"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
)

const (
	sarifSchema    = "https://json.schemastore.org/sarif-2.1.0.json"
	informationURI = "https://github.com/fineprint-dev/fineprint"
	srcRoot        = "%SRCROOT%"
	// fingerprintKey names fineprint's own partial fingerprint; bump the
	// version if what it hashes changes, so that alerts are not reopened.
	fingerprintKey = "fineprint/v1"
)

// SARIF writes the result as a SARIF 2.1.0 log with one run, one rule per
// code of the knowledge base, and file locations relative to %SRCROOT% (the
// workspace root). Upload it with github/codeql-action/upload-sarif.
func SARIF(w io.Writer, res *analysis.Result, snap *analysis.Snapshot, opts Options) error {
	rules, index := sarifRules(opts.analyzer().KB())
	pos := newPositions(snap)
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "fineprint", InformationURI: informationURI, Version: opts.Version, Rules: rules}},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	if snap != nil && snap.Root != "" {
		dir := strings.TrimSuffix(toSlash(snap.Root), "/") + "/"
		if !strings.HasPrefix(dir, "/") {
			dir = "/" + dir // a Windows drive: file:///C:/...
		}
		root := (&url.URL{Scheme: "file", Path: dir}).String()
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: root}}
	}
	if len(res.Models) > 0 || len(res.Datasets) > 0 {
		run.Properties = map[string]any{"models": jsonModels(res.Models, pos)}
		if len(res.Datasets) > 0 {
			run.Properties["datasets"] = jsonModels(res.Datasets, pos)
		}
	}
	for _, f := range res.Findings() {
		i, ok := index[f.Code]
		if !ok {
			// A code missing from the knowledge base is a bug elsewhere;
			// still report the finding under a rule of its own.
			i = len(run.Tool.Driver.Rules)
			index[f.Code] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
				ID: f.Code, Name: f.Code, ShortDescription: sarifText{Text: f.Code}, FullDescription: sarifText{Text: f.Code},
				Help: sarifText{Text: f.Code}, HelpURI: analysis.RuleDocURL(f.Code), DefaultConfiguration: sarifRuleConfig{Level: "warning"},
			})
		}
		r := sarifResult{
			RuleID: f.Code, RuleIndex: i, Level: sarifLevel(f.Severity.String()),
			Message:             sarifText{Text: f.Message},
			Locations:           []sarifLocation{sarifLoc(pos, f.Path, f.Span, nil)},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprint(f)},
		}
		for j, rel := range f.Related {
			id := j + 1
			l := sarifLoc(pos, rel.Path, rel.Span, &sarifText{Text: rel.Message})
			l.ID = &id
			r.RelatedLocations = append(r.RelatedLocations, l)
		}
		if f.License != "" || len(f.Data) > 0 {
			r.Properties = map[string]any{}
			if f.License != "" {
				r.Properties["license"] = f.License
			}
			if len(f.Data) > 0 {
				r.Properties["data"] = f.Data
			}
		}
		run.Results = append(run.Results, r)
	}
	return encode(w, sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifRules(k *kb.KB) ([]sarifRule, map[string]int) {
	rules := make([]sarifRule, 0, len(k.Rules))
	index := make(map[string]int, len(k.Rules))
	for _, r := range k.Rules {
		index[r.Code] = len(rules)
		explanation := strings.TrimSpace(r.Explanation)
		rules = append(rules, sarifRule{
			ID:                   r.Code,
			Name:                 ruleName(r.Title),
			ShortDescription:     sarifText{Text: r.Title},
			FullDescription:      sarifText{Text: strings.TrimSpace(r.Summary)},
			Help:                 sarifText{Text: explanation, Markdown: explanation},
			HelpURI:              analysis.RuleDocURL(r.Code),
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
		})
	}
	return rules, index
}

// ruleName turns a title into the PascalCase identifier SARIF viewers expect
// in reportingDescriptor.name ("Scale threshold" -> "ScaleThreshold").
func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// sarifLevel maps severities to SARIF levels; SARIF has no hint or
// information, and "note" is its least serious level.
func sarifLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

func sarifLoc(pos *positions, path string, s analysis.Span, msg *sarifText) sarifLocation {
	r := pos.rangeOf(path, s)
	return sarifLocation{
		PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifactLoc{URI: uriOf(path), URIBaseID: srcRoot},
			Region:           sarifRegion{StartLine: r.Start.Line, StartColumn: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column},
		},
		Message: msg,
	}
}

// uriOf escapes each segment of a workspace-relative path for a URI
// reference ("Tongyi Qianwen LICENSE AGREEMENT" has spaces).
func uriOf(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func toSlash(p string) string { return strings.ReplaceAll(p, "\\", "/") }

// fingerprint identifies a finding across runs independently of its line,
// so that an edit above it does not reopen the alert.
func fingerprint(f analysis.Finding) string {
	sum := sha256.Sum256([]byte(f.Code + "\x00" + f.Path + "\x00" + f.Message))
	return hex.EncodeToString(sum[:16])
}
