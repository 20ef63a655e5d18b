package analysis

import (
	"fmt"
	"strings"
)

// Severity orders findings from most to least serious. The numbers match the
// Language Server Protocol's DiagnosticSeverity so that adapters need no table.
type Severity int

const (
	SeverityOff Severity = iota // a rule turned off by the profile
	SeverityError
	SeverityWarning
	SeverityInformation
	SeverityHint
)

var severityNames = [...]string{"off", "error", "warning", "information", "hint"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads the names used in profiles and on the command line.
// "info" is accepted for "information".
func ParseSeverity(name string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "off", "false", "none":
		return SeverityOff, nil
	case "error":
		return SeverityError, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "information", "info":
		return SeverityInformation, nil
	case "hint":
		return SeverityHint, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (want off, hint, information, warning or error)", name)
}

// AtLeast reports whether s is as serious as t or more (error is the most
// serious). Off is never at least anything.
func (s Severity) AtLeast(t Severity) bool {
	return s != SeverityOff && t != SeverityOff && s <= t
}

// Span is a half-open range of byte offsets [Start, End) in one file.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Finding is one thing fineprint has to tell the developer about one place in
// one file.
type Finding struct {
	Code     string         // stable rule code, e.g. "clause/scale-threshold"
	Severity Severity       // after the profile has been applied
	Path     string         // workspace-relative, "/"-separated
	Span     Span           // byte offsets in Path's text
	Message  string         // one plain sentence naming the consequence
	License  string         // license id the finding is about, if any
	Data     map[string]any // machine-readable facts (metric, value, url, ...)
	Related  []Related      // other places involved (the base model's license, the NOTICE, ...)
	Fixes    []Fix          // edits that resolve the finding
}

// Related is a second location that takes part in a finding.
type Related struct {
	Path    string
	Span    Span
	Message string
}

// Fix is a titled set of edits that resolves a finding when applied.
type Fix struct {
	Title string
	Edits []Edit
}

// Edit changes or creates one file inside the workspace. With Create set the
// file is created (if absent) and NewText inserted at Span, which is then
// {0,0}; otherwise the bytes in Span are replaced by NewText.
type Edit struct {
	Path    string
	Create  bool
	Span    Span
	NewText string
}

// Facts are a finding's Data as typed fields. Data stays what JSON output
// prints; code that needs a fact (a policy's URL, a threshold, what a record
// change was) reads it here, so that a key's name and type live in one
// place. A field is its zero value when the finding has no such datum.
type Facts struct {
	URL      string   // "url": the document a license incorporates
	Metric   string   // "metric": monthly-active-users, annual-revenue
	Value    int64    // "value": the threshold, when HasValue
	HasValue bool     // Value was given as a whole number
	Currency string   // "currency" of an annual-revenue threshold
	Regions  []string // "regions" a license excludes
	Prefix   string   // "prefix" a derivative's name must begin with
	Text     string   // "text": the attribution or notice line required
	Source   string   // "source" of a project-level finding: knowledge-base, card
	Model    string   // "model" the finding is about

	// A record change (record/stale, policy/changed).
	Recorded     string // "recorded": the date recorded
	OldSHA256    string // "old_sha256"
	NewSHA256    string // "new_sha256"
	Diff         string // "diff": a line diff of the recorded text against the current one
	RecordedCopy string // "recorded_copy": the path of the recorded copy
}

// Facts reads the finding's Data.
func (f *Finding) Facts() Facts {
	str := func(k string) string { s, _ := f.Data[k].(string); return s }
	v, ok := dataInt64(f.Data["value"])
	return Facts{
		URL: str("url"), Metric: str("metric"), Value: v, HasValue: ok, Currency: str("currency"),
		Regions: dataStrings(f.Data["regions"]), Prefix: str("prefix"), Text: str("text"),
		Source: str("source"), Model: str("model"),
		Recorded: str("recorded"), OldSHA256: str("old_sha256"), NewSHA256: str("new_sha256"),
		Diff: str("diff"), RecordedCopy: str("recorded_copy"),
	}
}
