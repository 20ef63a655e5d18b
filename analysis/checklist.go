package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// ChecklistItem is one question of the guide's pre-build checklist with its
// answer for one license text.
type ChecklistItem struct {
	Question string
	Answer   string
	Findings []int // indexes into the findings the checklist was built from
}

// The checklist's questions, in the guide's order.
const (
	QuestionName        = "Name the license"
	QuestionCommercial  = "Commercial use"
	QuestionUseLimits   = "Use-case limits"
	QuestionScale       = "Scale thresholds"
	QuestionDerivatives = "Derivative obligations"
	QuestionOutputs     = "Output terms"
	QuestionRecord      = "Record it"
)

// Checklist answers the checklist for one license text from what the
// knowledge base knows about the license and from the findings in the
// file's span. For an unidentified license (l.ID empty) the answers come
// from the findings alone, which is exactly the gray zone the guide warns
// about.
func (a *Analyzer) Checklist(l LicenseInfo, findings []Finding) []ChecklistItem {
	c := checklistInput{l: l, findings: findings, byCode: map[string][]int{}}
	if l.Family == "" && l.ID != "" {
		if known := a.kb.License(l.ID); known != nil {
			c.l.Family = known.Family
		}
	}
	c.fam = a.kb.Family(c.l.Family)
	for i, f := range findings {
		if c.covers(f) {
			c.byCode[f.Code] = append(c.byCode[f.Code], i)
		}
	}
	return []ChecklistItem{
		c.name(), c.commercial(), c.useLimits(), c.scale(), c.derivatives(), c.outputs(), c.record(),
	}
}

// familyChecklist is the checklist of a family in general, for `fineprint
// explain FAMILY`.
func (a *Analyzer) familyChecklist(f *kb.Family) []ChecklistItem {
	return []ChecklistItem{
		{Question: QuestionName, Answer: f.Name + ": " + strings.TrimSpace(f.Summary)},
		{Question: QuestionCommercial, Answer: f.Checklist.Commercial},
		{Question: QuestionUseLimits, Answer: f.Checklist.UseLimits},
		{Question: QuestionScale, Answer: f.Checklist.Scale},
		{Question: QuestionDerivatives, Answer: f.Checklist.Derivatives},
		{Question: QuestionOutputs, Answer: f.Checklist.Outputs},
		{Question: QuestionRecord, Answer: f.Checklist.Record},
	}
}

type checklistInput struct {
	l        LicenseInfo
	fam      *kb.Family
	findings []Finding
	byCode   map[string][]int // relevant findings by code
}

// projectWide are codes found outside the license text (NOTICE, README,
// cards, the lock) that still belong to this license's checklist.
var projectWide = []string{"notice/", "record/", "policy/", "card/derivative-naming", "card/base-model-conflict"}

// covers reports whether f belongs to this license's checklist: it lies in
// the license's span of its file, or it is a project-wide finding about the
// same license.
func (c *checklistInput) covers(f Finding) bool {
	if f.Path == c.l.Path && c.l.Path != "" {
		s := c.l.Span
		if s == (Span{}) || (f.Span.Start >= s.Start && f.Span.Start < s.End) || f.Span == s {
			return true
		}
	}
	return c.l.ID != "" && f.License == c.l.ID && CoversElsewhere(f)
}

// CoversElsewhere reports whether f may belong to the checklist of its
// license when it lies outside the license's text: the rest are covered
// only by the license in their own file. A caller with many licenses
// indexes findings by path and passes Checklist only those that can apply,
// instead of all of them to each license.
func CoversElsewhere(f Finding) bool {
	for _, p := range projectWide {
		if strings.HasPrefix(f.Code, p) {
			return true
		}
	}
	// A threshold the knowledge base knows for a referenced model is
	// decided against the profile where the model is named, not in the text.
	return f.Code == "clause/scale-threshold" && f.Data["source"] == "knowledge-base"
}

func (c *checklistInput) has(codes ...string) bool { return len(c.indexes(codes...)) > 0 }

func (c *checklistInput) indexes(codes ...string) []int {
	var out []int
	for _, code := range codes {
		out = append(out, c.byCode[code]...)
	}
	return out
}

// messages are the messages of the findings at idx, as one paragraph; long
// lists are cut after a few.
func (c *checklistInput) messages(idx []int) string {
	var sentences []string
	for _, n := range idx {
		sentences = append(sentences, endSentence(c.findings[n].Message))
	}
	return joinDistinct(sentences, 3)
}

// joinDistinct joins sentences with spaces, each once (a license that states
// a clause twice, like Stability's intro and its section IV, says it once),
// cutting the list after most distinct ones when most > 0.
func joinDistinct(sentences []string, most int) string {
	seen := map[string]bool{}
	var parts []string
	distinct := 0
	for _, s := range sentences {
		if !seen[s] {
			seen[s] = true
			distinct++
		}
	}
	seen = map[string]bool{}
	for _, s := range sentences {
		if seen[s] {
			continue
		}
		seen[s] = true
		if most > 0 && len(parts) == most {
			parts = append(parts, fmt.Sprintf("(and %d more)", distinct-most))
			break
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// fallback is the family's general answer, or what to say without one.
func (c *checklistInput) fallback(family func(*kb.FamilyChecklist) string, none string) string {
	if c.fam != nil {
		return family(&c.fam.Checklist)
	}
	return none
}

func (c *checklistInput) name() ChecklistItem {
	it := ChecklistItem{Question: QuestionName, Findings: c.indexes("license/unidentified")}
	if c.l.ID == "" {
		it.Answer = "Not identified: the text matches no license fineprint knows, so treat it as a custom license and read all of it. The answers below come only from the clauses found in it."
		return it
	}
	if c.l.Modified {
		it.Findings = c.indexes("license/modified")
		it.Answer = fmt.Sprintf("%s: the standard `%s` text plus terms of its own, so %s; the added terms bind you like the rest, and the answers below include them.", c.l.Name, c.l.ID, kindDescription(c.l.Kind))
		return it
	}
	it.Answer = fmt.Sprintf("%s (`%s`), %s.", c.l.Name, c.l.ID, kindDescription(c.l.Kind))
	if c.fam != nil {
		it.Answer += fmt.Sprintf(" Family: %s.", c.fam.Name)
	}
	return it
}

func (c *checklistInput) commercial() ChecklistItem {
	idx := c.indexes("license/research-only", "license/non-commercial")
	it := ChecklistItem{Question: QuestionCommercial, Findings: idx}
	var head string
	switch {
	case c.has("license/research-only") || c.l.Kind == "research-only":
		head = "No: research or evaluation use only."
	case c.has("license/non-commercial") || c.l.Kind == "non-commercial":
		head = "No: non-commercial use only."
	case c.l.ID != "" && c.l.Commercial && c.has("clause/scale-threshold"):
		head = "Yes, up to the scale thresholds below."
		it.Findings = c.indexes("clause/scale-threshold")
	case c.l.ID != "" && c.l.Commercial && c.l.Kind == "custom":
		head = "Yes, within the limits below."
	case c.l.ID != "" && c.l.Commercial:
		head = "Yes."
	case c.l.ID != "":
		head = "Not granted: this license gives no right to commercial use."
	case c.has("clause/scale-threshold"):
		head = "Probably, up to the scale thresholds below; no clause forbidding commercial use was found, but read the grant."
		it.Findings = c.indexes("clause/scale-threshold")
	default:
		head = "Unclear: no clause forbidding commercial use was found, but an unidentified license must be read in full."
	}
	it.Answer = head
	if len(idx) > 0 {
		it.Answer += " " + c.messages(idx)
	}
	return it
}

func (c *checklistInput) useLimits() ChecklistItem {
	it := ChecklistItem{Question: QuestionUseLimits}
	var parts []string
	if idx := c.indexes("clause/use-restriction"); len(idx) > 0 {
		it.Findings = append(it.Findings, idx...)
		parts = append(parts, fmt.Sprintf("%s restrict%s uses: %s", countedNoun(len(idx), "clause"), wording.Pick(len(idx), "s", ""), c.messages(idx)))
	}
	if idx := c.indexes("clause/policy-by-reference"); len(idx) > 0 {
		it.Findings = append(it.Findings, idx...)
		parts = append(parts, fmt.Sprintf("It incorporates %s by reference; read %s too, %s binding: %s.",
			wording.Pick(len(c.urls(idx)), "a separate policy", "separate policies"), wording.Pick(len(c.urls(idx)), "it", "them"),
			wording.Pick(len(c.urls(idx)), "it is", "they are"), strings.Join(c.urls(idx), ", ")))
	}
	for _, code := range []string{"clause/geographic", "clause/terms-may-change", "clause/remote-termination"} {
		if idx := c.indexes(code); len(idx) > 0 {
			it.Findings = append(it.Findings, idx...)
			parts = append(parts, c.messages(idx))
		}
	}
	if len(parts) == 0 {
		it.Answer = c.fallback(func(f *kb.FamilyChecklist) string { return f.UseLimits },
			"None found in the text.")
		return it
	}
	it.Answer = strings.Join(parts, " ")
	return it
}

// urls are the distinct "url" data of the findings at idx, in order.
func (c *checklistInput) urls(idx []int) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range idx {
		u, _ := c.findings[n].Data["url"].(string)
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	if len(out) == 0 && len(idx) > 0 {
		out = append(out, "see the license text")
	}
	return out
}

func (c *checklistInput) scale() ChecklistItem {
	idx := c.indexes("clause/scale-threshold")
	it := ChecklistItem{Question: QuestionScale, Findings: idx}
	if len(idx) == 0 {
		it.Answer = c.fallback(func(f *kb.FamilyChecklist) string { return f.Scale }, "None found in the text.")
		return it
	}
	var parts []string
	for _, n := range idx {
		f := c.findings[n]
		v, _ := thresholdNumber(f.Data["value"])
		if t := FormatThreshold(f.Data); t != "" && !strings.Contains(f.Message, wording.LongFloat(v)) {
			parts = append(parts, fmt.Sprintf("Rights change above %s. %s", t, endSentence(f.Message)))
		} else {
			parts = append(parts, endSentence(f.Message))
		}
	}
	it.Answer = joinDistinct(parts, 0)
	return it
}

func (c *checklistInput) derivatives() ChecklistItem {
	it := ChecklistItem{Question: QuestionDerivatives}
	var parts []string
	add := func(code string, say func(f Finding) string) {
		for _, n := range c.indexes(code) {
			it.Findings = append(it.Findings, n)
			if s := say(c.findings[n]); s != "" && !slices.Contains(parts, s) {
				parts = append(parts, s)
			}
		}
	}
	add("clause/share-alike", func(Finding) string { return "Derivatives must carry the same license." })
	add("clause/pass-through", func(Finding) string {
		return "Pass the use restrictions on: whatever terms you give downstream users must include them as enforceable terms."
	})
	add("clause/derivative-naming", func(f Finding) string {
		if p, _ := f.Data["prefix"].(string); p != "" {
			return fmt.Sprintf("Names of derivative models you distribute must begin with %q.", p)
		}
		return endSentence(f.Message)
	})
	add("clause/notice-required", func(f Finding) string {
		if t, _ := f.Data["text"].(string); t != "" {
			return endSentence(fmt.Sprintf("Ship a NOTICE file that contains %q", t))
		}
		return "Ship the notice file or lines the license asks for with every copy."
	})
	add("clause/attribution", func(f Finding) string {
		if t, _ := f.Data["text"].(string); t != "" {
			return fmt.Sprintf("Display %q prominently in your product or its documentation.", t)
		}
		return endSentence(f.Message)
	})
	// The project-wide findings restate the clause; say only what is
	// missing and how to fix it.
	add("notice/missing-notice", func(Finding) string {
		return "The project's NOTICE lacks the line; fineprint's code action adds it."
	})
	add("notice/missing-attribution", func(Finding) string {
		return "The project's README lacks the credit; fineprint's code action inserts it."
	})
	for _, code := range []string{"notice/missing-copyright", "notice/missing-license-copy", "card/derivative-naming", "card/base-model-conflict"} {
		add(code, func(f Finding) string { return endSentence(f.Message) })
	}
	if len(parts) == 0 {
		it.Answer = c.fallback(func(f *kb.FamilyChecklist) string { return f.Derivatives },
			"No derivative obligations found in the text; keep its copyright and license notices with every copy anyway.")
		return it
	}
	it.Answer = strings.Join(parts, " ")
	return it
}

func (c *checklistInput) outputs() ChecklistItem {
	idx := c.indexes("clause/output-restriction")
	it := ChecklistItem{Question: QuestionOutputs, Findings: idx}
	if len(idx) == 0 {
		it.Answer = c.fallback(func(f *kb.FamilyChecklist) string { return f.Outputs },
			"No conditions on outputs found in the text.")
		return it
	}
	it.Answer = c.messages(idx)
	return it
}

func (c *checklistInput) record() ChecklistItem {
	it := ChecklistItem{Question: QuestionRecord}
	var parts []string
	if idx := c.indexes("record/stale"); len(idx) > 0 {
		it.Findings = append(it.Findings, idx...)
		when := ""
		if d, _ := c.findings[idx[0]].Data["recorded"].(string); d != "" {
			when = " on " + d
		}
		parts = append(parts, fmt.Sprintf("The text changed since it was recorded%s: read what changed, then run `fineprint record` again.", when))
	}
	if idx := c.indexes("record/unrecorded"); len(idx) > 0 {
		it.Findings = append(it.Findings, idx...)
		parts = append(parts, "It is not in fineprint.lock yet: run `fineprint record`.")
	}
	policies := c.indexes("clause/policy-by-reference", "policy/not-recorded")
	if len(policies) > 0 {
		it.Findings = append(it.Findings, policies...)
		parts = append(parts, fmt.Sprintf("Keep a dated copy of every policy it references (%s): `fineprint record --fetch`, or the code action that creates the copy for you to paste into.",
			strings.Join(c.urls(policies), ", ")))
	}
	if idx := c.indexes("policy/changed"); len(idx) > 0 {
		it.Findings = append(it.Findings, idx...)
		parts = append(parts, c.messages(idx))
	}
	if len(parts) == 0 {
		parts = append(parts, "Keep the text with the project and run `fineprint record`: fineprint.lock then holds its SHA-256 and the date, and fineprint warns when the file changes.")
		if c.fam != nil {
			parts = append(parts, endSentence(c.fam.Checklist.Record))
		}
	}
	it.Answer = strings.Join(parts, " ")
	return it
}

// RenderChecklist renders a checklist as a Markdown list, for hovers and
// `fineprint explain`.
func RenderChecklist(items []ChecklistItem) string {
	var b strings.Builder
	b.WriteString("#### Checklist\n\n")
	for _, it := range items {
		fmt.Fprintf(&b, "- **%s**: %s\n", it.Question, strings.TrimSpace(it.Answer))
	}
	return b.String()
}

// RenderChecklistText renders a checklist as indented plain text wrapped at
// 100 columns, for the CLI's text output after a license's findings.
func RenderChecklistText(items []ChecklistItem) string {
	var b strings.Builder
	b.WriteString("  Checklist:\n")
	plain := strings.NewReplacer("`", "", "**", "")
	for _, it := range items {
		writeWrapped(&b, "    "+it.Question+": "+plain.Replace(strings.TrimSpace(it.Answer)), "      ", 100)
	}
	return b.String()
}

// writeWrapped writes text as lines of at most width columns (longer words
// stay whole), indenting continuation lines.
func writeWrapped(b *strings.Builder, text, indent string, width int) {
	line := ""
	for _, w := range strings.Fields(text) {
		if line == "" {
			line = strings.Repeat(" ", len(text)-len(strings.TrimLeft(text, " "))) + w
			continue
		}
		if len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = indent + w
			continue
		}
		line += " " + w
	}
	if line != "" {
		b.WriteString(line + "\n")
	}
}

// FormatThreshold renders a clause/scale-threshold finding's data in words:
// "700 million monthly active users", "US$1 million annual revenue". It
// returns "" when the data has no numeric value.
func FormatThreshold(data map[string]any) string {
	v, ok := thresholdNumber(data["value"])
	if !ok {
		return ""
	}
	metric, _ := data["metric"].(string)
	words := strings.NewReplacer("-", " ", "_", " ").Replace(metric)
	if words == "" {
		words = "the threshold"
	}
	if strings.Contains(metric, "revenue") {
		cur, _ := data["currency"].(string)
		return currencyPrefix(cur) + wording.LongFloat(v) + " " + words
	}
	return wording.LongFloat(v) + " " + words
}

func currencyPrefix(code string) string {
	switch strings.ToUpper(code) {
	case "", "USD":
		return "US$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "CNY", "RMB":
		return "RMB "
	}
	return strings.ToUpper(code) + " "
}

// thresholdNumber reads a number from finding data: the integers that
// dataInt64 reads (ints from the clause matchers, integral float64 after a
// JSON round trip), and any other float.
func thresholdNumber(v any) (float64, bool) {
	if n, ok := dataInt64(v); ok {
		return float64(n), true
	}
	switch n := v.(type) {
	case float64:
		return n, true
	case float32:
		return float64(n), true
	}
	return 0, false
}

// endSentence trims s and makes sure it ends like a sentence.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, `."`) {
		return s
	}
	return s + "."
}

func countedNoun(n int, noun string) string {
	words := []string{"No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"}
	w := wording.Digits(int64(n))
	if n < len(words) {
		w = words[n]
	}
	return w + " " + wording.Noun(n, noun)
}
