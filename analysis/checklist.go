package analysis

import (
	"fmt"
	"regexp"
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
	c := checklistInput{kb: a.kb, l: l, findings: findings, byCode: map[string][]int{}}
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
	kb       *kb.KB
	l        LicenseInfo
	fam      *kb.Family
	findings []Finding
	byCode   map[string][]int // relevant findings by code
}

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
	// Project-wide findings (a NOTICE, a README, a card, the lock) and a
	// threshold the knowledge base knows for a referenced model, decided
	// where the model is named: rules.yaml's checklist: outside.
	r := kb.Default().Rule(f.Code)
	return r != nil && r.CountsOutside(func() string { return f.Facts().Source })
}

// indexes are the findings of the given codes, code by code.
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
	it := ChecklistItem{Question: QuestionName, Findings: c.question("name")}
	if c.l.ID == "" {
		it.Answer = "Not identified: the text matches no license fineprint knows, so treat it as a custom license and read all of it. The answers below come only from the clauses found in it."
		return it
	}
	if c.l.Modified {
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
	var idx []int
	head := ""
	// The first code of the question that has findings, or whose kind the
	// license is, gives the answer's first sentence ("No: ...").
	for _, cc := range c.kb.ChecklistCodes("commercial") {
		mine := c.byCode[cc.Code]
		idx = append(idx, mine...)
		if head == "" && (len(mine) > 0 || cc.Kind != "" && c.l.Kind == cc.Kind) {
			head = cc.Says
		}
	}
	it := ChecklistItem{Question: QuestionCommercial, Findings: idx}
	scale := c.question("scale")
	switch {
	case head != "":
	case c.l.ID != "" && c.l.Commercial && len(scale) > 0:
		head = "Yes, up to the scale thresholds below."
		it.Findings = scale
	case c.l.ID != "" && c.l.Commercial && c.l.Kind == "custom":
		head = "Yes, within the limits below."
	case c.l.ID != "" && c.l.Commercial:
		head = "Yes."
	case c.l.ID != "":
		head = "Not granted: this license gives no right to commercial use."
	case len(scale) > 0:
		head = "Probably, up to the scale thresholds below; no clause forbidding commercial use was found, but read the grant."
		it.Findings = scale
	default:
		head = "Unclear: no clause forbidding commercial use was found, but an unidentified license must be read in full."
	}
	it.Answer = head
	if len(idx) > 0 {
		it.Answer += " " + c.messages(idx)
	}
	return it
}

// question returns the findings that answer question, code by code in the
// checklist's order.
func (c *checklistInput) question(question string) []int {
	var idx []int
	for _, cc := range c.kb.ChecklistCodes(question) {
		idx = append(idx, c.byCode[cc.Code]...)
	}
	return idx
}

// answer says the findings of question's codes in the checklist's order:
// each code's findings as the sentences its rule gives (rules.yaml
// checklist: says), each distinct sentence once and a code's list cut
// after three (derivative obligations are all said: each is a duty); codes
// that share a phrase are said together in one sentence where the first of
// them stands.
func (c *checklistInput) answer(question string) (idx []int, parts []string) {
	most := 3
	if question == "derivatives" {
		most = 0
	}
	done, said := map[string]bool{}, map[string]bool{}
	for _, cc := range c.kb.ChecklistCodes(question) {
		mine := c.byCode[cc.Code]
		if cc.Phrase != "" {
			if done[cc.Phrase] {
				continue
			}
			done[cc.Phrase] = true
			for _, other := range c.kb.ChecklistCodes(question) {
				if other.Phrase == cc.Phrase && other.Code != cc.Code {
					mine = append(mine, c.byCode[other.Code]...)
				}
			}
		}
		if len(mine) == 0 {
			continue
		}
		idx = append(idx, mine...)
		if cc.Phrase != "" {
			parts = append(parts, c.phrase(question, cc.Phrase, mine))
			continue
		}
		var sentences []string
		for _, n := range mine {
			s := c.says(cc.ChecklistPart, c.findings[n])
			if s == "" || most == 0 && said[s] {
				continue // nothing to say, or a duty another code already stated
			}
			said[s] = true
			sentences = append(sentences, s)
		}
		if s := joinDistinct(sentences, most); s != "" {
			parts = append(parts, s)
		}
	}
	return idx, parts
}

// says is the checklist's sentence for one finding: the rule's says with
// the finding's data filled in, else its otherwise, else the message.
func (c *checklistInput) says(part kb.ChecklistPart, f Finding) string {
	if part.Says == "" {
		return endSentence(f.Message)
	}
	missing := false
	s := braced.ReplaceAllStringFunc(part.Says, func(m string) string {
		v, ok := f.Data[m[1:len(m)-1]].(string)
		if !ok || v == "" {
			missing = true
		}
		return v
	})
	switch {
	case !missing:
		return endSentence(s)
	case part.Otherwise != "":
		return endSentence(part.Otherwise)
	}
	return endSentence(f.Message)
}

var braced = regexp.MustCompile(`\{[a-z_]+\}`)

// phrase says the findings at idx together, the way the named phrase does
// in this question (rules.yaml checklist: phrase).
func (c *checklistInput) phrase(question, phrase string, idx []int) string {
	switch {
	case phrase == "restrictions":
		return fmt.Sprintf("%s restrict%s uses: %s", countedNoun(len(idx), "clause"), wording.Pick(len(idx), "s", ""), c.messages(idx))
	case phrase == "policies" && question == "record":
		return fmt.Sprintf("Keep a dated copy of every policy it references (%s): `fineprint record --fetch`, or the code action that creates the copy for you to paste into.",
			strings.Join(c.urls(idx), ", "))
	case phrase == "policies":
		n := len(c.urls(idx))
		return fmt.Sprintf("It incorporates %s by reference; read %s too, %s binding: %s.",
			wording.Pick(n, "a separate policy", "separate policies"), wording.Pick(n, "it", "them"),
			wording.Pick(n, "it is", "they are"), strings.Join(c.urls(idx), ", "))
	}
	return c.messages(idx)
}

func (c *checklistInput) useLimits() ChecklistItem {
	return c.said(QuestionUseLimits, "use-limits", func(f *kb.FamilyChecklist) string { return f.UseLimits },
		"None found in the text.")
}

// said is the item of a question answered by its findings, said in the
// checklist's order; without any, by the family's general answer, or none.
func (c *checklistInput) said(title, question string, family func(*kb.FamilyChecklist) string, none string) ChecklistItem {
	idx, parts := c.answer(question)
	it := ChecklistItem{Question: title, Findings: idx}
	if len(parts) == 0 {
		it.Answer = c.fallback(family, none)
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
		u := c.findings[n].Facts().URL
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
	idx := c.question("scale")
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
	it := c.said(QuestionDerivatives, "derivatives", func(f *kb.FamilyChecklist) string { return f.Derivatives },
		"No derivative obligations found in the text; keep its copyright and license notices with every copy anyway.")
	// A modified standard license's findings are its added terms' only
	// (analysis/standard.go): the standard text's duties, which its family
	// states, hold beside them.
	if base := c.kb.License(c.l.ID); c.l.Modified && len(it.Findings) > 0 && c.fam != nil && c.fam.Checklist.Derivatives != "" &&
		base != nil && (base.Kind == "permissive" || base.Kind == "copyleft") {
		it.Answer += fmt.Sprintf(" From the standard %s text: %s", c.fam.Name, endSentence(c.fam.Checklist.Derivatives))
	}
	return it
}

func (c *checklistInput) outputs() ChecklistItem {
	return c.said(QuestionOutputs, "outputs", func(f *kb.FamilyChecklist) string { return f.Outputs },
		"No conditions on outputs found in the text.")
}

func (c *checklistInput) record() ChecklistItem {
	it := ChecklistItem{Question: QuestionRecord}
	idx, parts := c.answer("record")
	it.Findings = idx
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
