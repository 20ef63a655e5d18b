package analysis

// This file turns findings into decisions with the profile
// (docs/configuration.md), and applies suppression comments.
//
// Decision table, applied in this order (a later step wins):
//
//  1. ignore: globs drop every finding whose path matches.
//  2. use.commercial: true makes license/non-commercial, license/research-only,
//     and manifest/model-license findings about a non-commercial or
//     research-only license errors. use.commercial: false lowers
//     license/non-commercial to hint (the project keeps to it) and
//     license/research-only to information (non-commercial is not yet
//     research-only).
//  3. clause/scale-threshold with metric monthly-active-users (or
//     annual-revenue in USD) and the matching use.monthly_active_users
//     (use.annual_revenue_usd): under the threshold it is information, at or
//     above it an error; both messages name both numbers. The project view
//     adds such findings from the knowledge base for a licensed model known
//     only by its id (data source "knowledge-base"); their messages name the
//     license.
//  4. clause/geographic whose regions meet use.regions is an error; when
//     use.regions is given and none is excluded it is information. The
//     project view adds such findings from the knowledge base for a
//     multimodal Llama model known only by its id (data "model"), and a
//     card's extra_gated_eu_disallowed gives one (data source "card");
//     both get messages of their own.
//  5. use.redistributes_models: false lowers notice/*, clause/notice-required,
//     clause/attribution and clause/derivative-naming to hint: they bind when
//     copies are passed on. They stay visible because some licenses (Llama's
//     "Built with Llama") also ask for attribution from hosted services.
//  6. rules: sets a code's severity; off removes its findings.
//
// Without a profile (or for a part it does not say) the rule defaults of the
// knowledge base stand.

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/glob"
	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// loadProfile returns the profile in effect (the workspace's .fineprint.yaml
// over the editor settings) and findings for an invalid one.
func (a *Analyzer) loadProfile(s *Snapshot) (Profile, []Finding) {
	var p Profile
	if s.Settings != nil {
		p = *s.Settings
	}
	for i := range s.Docs {
		d := &s.Docs[i]
		if d.Kind == KindProfile && d.Path == ProfileFile {
			file, findings := ParseProfile(d.Path, d.Text)
			return p.over(file), findings
		}
	}
	return p, nil
}

// decide sets each finding's severity from the profile and drops findings
// whose rule is off or whose path is ignored.
func (a *Analyzer) decide(fs []Finding, p *Profile) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if ignoredPath(p.Ignore, f.Path) {
			continue
		}
		a.decideUse(&f, &p.Use)
		if name, ok := p.Rules[f.Code]; ok {
			if sev, err := ParseSeverity(name); err == nil {
				f.Severity = sev
			}
		}
		if f.Severity != SeverityOff {
			out = append(out, f)
		}
	}
	return out
}

func ignoredPath(globs []string, path string) bool {
	for _, g := range globs {
		if glob.Match(g, path) {
			return true
		}
	}
	return false
}

// decideUse applies steps 2 to 5 of the decision table to one finding: the
// step its rule names in rules.yaml (decide:).
func (a *Analyzer) decideUse(f *Finding, u *Use) {
	r := a.kb.Rule(f.Code)
	if r == nil || r.Decide == nil {
		return
	}
	d := r.Decide
	if len(d.LicenseKinds) > 0 {
		if l := a.kb.License(f.License); l == nil || !slices.Contains(d.LicenseKinds, l.Kind) {
			return
		}
	}
	switch d.By {
	case kb.DecideCommercial:
		decideBool(f, d, u.Commercial)
	case kb.DecideRedistribution:
		decideBool(f, d, u.RedistributesModels)
	case kb.DecideScale:
		whose := "this license's"
		if f.Facts().Source == fromKB {
			if l := a.kb.License(f.License); l != nil {
				whose = "the " + l.Name + "'s"
			}
		}
		decideThreshold(f, u, whose)
	case kb.DecideRegions:
		decideRegions(f, u)
	}
}

// decideBool sets the severity a decision gives for a yes-or-no part of
// the profile; unset leaves the default.
func decideBool(f *Finding, d *kb.Decision, v *bool) {
	if v == nil {
		return
	}
	name := d.IfFalse
	if *v {
		name = d.IfTrue
	}
	if name == "" {
		return
	}
	if sev, err := ParseSeverity(name); err == nil {
		f.Severity = sev
	}
	if *v && d.Note != "" {
		f.Message = strings.TrimSuffix(f.Message, ".") + "; " + d.Note
	}
}

// decideThreshold compares a threshold with the profile's number; whose
// names the license in the message ("this license's" on its own text).
func decideThreshold(f *Finding, u *Use, whose string) {
	facts := f.Facts()
	metric, limit := facts.Metric, facts.Value
	if !facts.HasValue {
		return
	}
	var have *int64
	var ours, theirs, noun, verbUnder, verbAt, verbOver string
	switch metric {
	case "monthly-active-users":
		have = u.MonthlyActiveUsers
		noun, verbUnder, verbAt, verbOver = "monthly active users", "are under", "reach", "exceed"
		if have != nil {
			ours, theirs = wording.Short(*have), wording.Short(limit)
		}
	case "annual-revenue":
		if cur := facts.Currency; cur != "" && !strings.EqualFold(cur, "USD") {
			return
		}
		have = u.AnnualRevenueUSD
		noun, verbUnder, verbAt, verbOver = "annual revenue", "is under", "reaches", "exceeds"
		if have != nil {
			ours, theirs = "US$"+wording.Short(*have), "US$"+wording.Short(limit)
		}
	}
	if have == nil {
		return
	}
	switch {
	case *have < limit:
		f.Severity = SeverityInformation
		f.Message = fmt.Sprintf("Your %s %s %s %s %s threshold; the separate-license duty does not apply yet.", ours, noun, verbUnder, whose, theirs)
	case *have == limit:
		f.Severity = SeverityError
		f.Message = fmt.Sprintf("Your %s %s %s %s %s threshold; you need a separate license from the licensor.", ours, noun, verbAt, whose, theirs)
	default:
		f.Severity = SeverityError
		f.Message = fmt.Sprintf("Your %s %s %s %s %s threshold; you need a separate license from the licensor.", ours, noun, verbOver, whose, theirs)
	}
}

func decideRegions(f *Finding, u *Use) {
	if u.Regions == nil {
		return
	}
	facts := f.Facts()
	var hit []string
	for _, r := range facts.Regions {
		for _, ours := range u.Regions {
			if strings.EqualFold(r, ours) {
				hit = append(hit, r)
			}
		}
	}
	if len(hit) == 0 {
		f.Severity = SeverityInformation
		return
	}
	f.Severity = SeverityError
	if facts.Source == fromCard {
		f.Message = fmt.Sprintf("The card refuses this model to people in the %s (extra_gated_eu_disallowed), where your project is used; you may not use it there.", strings.Join(hit, ", "))
		return
	}
	if model := facts.Model; model != "" {
		f.Message = fmt.Sprintf("The license of %s withholds its rights for multimodal models from people and companies in the %s, where your project is used; you may not use the model there, though end users of a product built on it may.", model, strings.Join(hit, ", "))
		return
	}
	f.Message = fmt.Sprintf("This license denies rights in %s, where your project is used; you may not use the model there.", strings.Join(hit, ", "))
}

func dataInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case uint64:
		return int64(n), true
	case float64:
		return int64(n), n == float64(int64(n))
	case interface{ Int64() (int64, error) }:
		i, err := n.Int64()
		return i, err == nil
	}
	return 0, false
}

func dataStrings(v any) []string {
	switch s := v.(type) {
	case []string:
		return s
	case string:
		return []string{s}
	case []any:
		out := make([]string, 0, len(s))
		for _, x := range s {
			if str, ok := x.(string); ok {
				out = append(out, str)
			}
		}
		return out
	}
	return nil
}

// Suppression comments (docs/rules.md, introduction). A comment naming
// "fineprint-ignore" on the line before a finding's first line silences it:
//
//	<!-- fineprint-ignore clause/attribution, notice/missing-notice -->   Markdown, license texts
//	# fineprint-ignore manifest/model-license                             YAML, Modelfile, Python, shell, card front matter
//	# fineprint-ignore manifest/model-license                             a notebook's code cell (its own line of the cell)
//
// Codes are separated by commas or spaces. A comment with no code silences
// every code on the next line, like eslint-disable-next-line. JSON and GGUF
// files have no comments; use the profile's rules: or ignore: for them.

var (
	htmlIgnore = regexp.MustCompile(`<!--\s*fineprint-ignore\b(.*?)-->`)
	hashIgnore = regexp.MustCompile(`(?:^|\s)#\s*fineprint-ignore\b(.*)$`)
	// slashIgnore is the JavaScript/TypeScript form: // fineprint-ignore CODE.
	slashIgnore = regexp.MustCompile(`(?:^|\s)//\s*fineprint-ignore\b(.*)$`)
	// notebookIgnore is a "#" comment as a line of a notebook cell's
	// source, written as a JSON string on the file's line: "# ...\n",
	notebookIgnore = regexp.MustCompile(`"\s*#\s*fineprint-ignore\b([^"\\]*)`)
	// ignoreMarker is in every suppression comment: a file without it
	// needs no line index to tell that nothing in it is silenced.
	ignoreMarker = []byte("fineprint-ignore")
)

// suppress drops findings silenced by a "fineprint-ignore CODE" comment on
// the line before. files, when not nil, holds this analysis's per-file
// results, which know whether a file has such a comment at all.
func (a *Analyzer) suppress(s *Snapshot, files map[string]*fileResult, fs []Finding) []Finding {
	// Per file: its line index when it holds a suppression comment, nil
	// when it holds none (most files, and the common case is many findings
	// on the same file).
	indexes := map[string]*textpos.Index{}
	out := fs[:0]
	for _, f := range fs {
		x, seen := indexes[f.Path]
		if !seen {
			d := docByPath(s, f.Path)
			if fr := files[f.Path]; d != nil && (fr != nil && fr.commented || fr == nil && commentable(d.Kind) && bytes.Contains(d.Text, ignoreMarker)) {
				x = textpos.NewIndex(d.Text)
			}
			indexes[f.Path] = x
		}
		if x == nil || !silenced(docByPath(s, f.Path), x, f) {
			out = append(out, f)
		}
	}
	return out
}

func commentable(k Kind) bool {
	switch k {
	case KindAdapterConfig, KindGGUF, KindLock, KindOther:
		return false
	}
	return true
}

// silenced reports whether the line before f's first line holds a
// suppression comment that names f's code (or no code).
func silenced(d *Document, x *textpos.Index, f Finding) bool {
	line := x.Position(f.Span.Start).Line
	if line == 0 {
		return false
	}
	start := x.LineStart(line - 1)
	end := x.LineStart(line)
	prev := strings.TrimRight(string(d.Text[start:end]), "\r\n")
	codes, ok := ignoreComment(d, prev, line-1, x)
	if !ok {
		return false
	}
	if len(codes) == 0 {
		return true
	}
	for _, c := range codes {
		if c == f.Code {
			return true
		}
	}
	return false
}

// ignoreComment finds a suppression comment in one line and returns its
// codes. Which comment forms count depends on the file: Markdown takes
// HTML comments (and "#" comments inside a card's front matter, where "#"
// is YAML), YAML-like files take "#", plain license texts take both.
func ignoreComment(d *Document, line string, lineNo int, x *textpos.Index) ([]string, bool) {
	html, hash := false, false
	switch d.Kind {
	case KindNotebook:
		if m := notebookIgnore.FindStringSubmatch(line); m != nil {
			return splitCodes(m[1]), true
		}
		return nil, false
	case KindScript:
		if m := slashIgnore.FindStringSubmatch(line); m != nil {
			return splitCodes(m[1]), true
		}
		return nil, false
	case KindCard, KindMarkdown:
		html = true
		hash = inFrontMatter(d.Text, x, lineNo)
	case KindLicense, KindPolicyCopy:
		html = true
		hash = !isMarkdownPath(d.Path)
	default: // profile, Modelfile, Python, shell
		hash = true
	}
	if html {
		if m := htmlIgnore.FindStringSubmatch(line); m != nil {
			return splitCodes(m[1]), true
		}
	}
	if hash {
		if m := hashIgnore.FindStringSubmatch(line); m != nil {
			return splitCodes(m[1]), true
		}
	}
	return nil, false
}

func splitCodes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

func isMarkdownPath(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")
}

// inFrontMatter reports whether line lineNo lies between the opening "---"
// of a front-matter block on the first line and its closing "---".
func inFrontMatter(text []byte, x *textpos.Index, lineNo int) bool {
	lineText := func(n int) string {
		return strings.TrimRight(string(text[x.LineStart(n):x.LineStart(n+1)]), "\r\n")
	}
	if strings.TrimPrefix(lineText(0), bom) != "---" {
		return false
	}
	for n := 1; n < x.Lines(); n++ {
		if lineText(n) == "---" {
			return lineNo > 0 && lineNo < n
		}
	}
	return false
}
