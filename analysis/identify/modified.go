package identify

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Modified standard licenses: a text that is MIT or Apache-2.0 word for
// word plus terms of its own ("Our only modification is that ..."), is not
// that standard license any more. addedTerms finds the text a lone
// standard license leaves uncovered and keeps it when it is substantial:
// at least minAddedWords words of prose outside the license, not counting
// copyright lines, titles, rules and short headings.
const (
	minAddedWords  = 8 // all added paragraphs together
	minRegionWords = 6 // one added paragraph
)

// boilerplate lines that surround a standard license without changing it.
// "(c)" is a copyright sign before a year or a name, not the third item of
// a list ("(c) to harm minors;").
var boilerplate = regexp.MustCompile(`(?i)^[\s>#*_=\-|]*(?:copyright\b|(?-i:\(C\)|\(c\)\s*[0-9A-Z])|©|all rights reserved|版权所有|著作权所有|spdx-license-identifier|(?:the )?[a-z0-9 .\-]{0,40}licen[cs]e(?: version [0-9.]+)?:?$|version [0-9.]+|[=\-_*~ ]*$)`)

// addedTerms returns the regions of text outside covered (the byte ranges
// licensecheck matched, sorted or not) that hold added terms, or nil when
// they are too few words to be terms.
func addedTerms(tr *termReader, base *kb.License, text []byte, covered []Span) []Span {
	return addedIn(tr, base, text, covered, ownProse(text, covered))
}

// addedIn is addedTerms over regions, the text's own prose (ownProse),
// for a caller that reads those regions too.
func addedIn(tr *termReader, base *kb.License, text []byte, covered, regions []Span) []Span {
	// A note that the work includes or depends on a third party's
	// component ("NOTE: Third party dependency used by this software ...
	// users must comply to its license") names that component's license:
	// it adds no term to this one. (A new slice: regions is the caller's.)
	kept := make([]Span, 0, len(regions))
	for _, r := range regions {
		if !thirdPartyHeading.Match(text[r.Start:lineEndAt(text, r.Start)]) {
			kept = append(kept, r)
		}
	}
	return joinHeadings(text, covered, binding(tr, base, text, kept, minAddedWords))
}

// ownProse returns the prose regions of text outside covered, together
// at least minAddedWords words, binding or not.
func ownProse(text []byte, covered []Span) []Span {
	return proseRegions(text, minAddedWords, func(off, end int, _ []byte) bool {
		indent := len(text[off:end]) - len(bytes.TrimLeft(text[off:end], " \t"))
		return within(covered, off+indent) || within(covered, end-1)
	})
}

// maxHeadingGap is the most words between two added regions that are one
// block of added text: a heading and its rule ("Additional permission
// for individuals and academic users (2026-09-16)\n-----").
const maxHeadingGap = 16

// joinHeadings joins added regions that only a heading, a rule or a
// copyright line parts, with none of the standard text between them:
// they are one block of added text, as a reader marks it.
func joinHeadings(text []byte, covered, regions []Span) []Span {
	if len(regions) < 2 {
		return regions
	}
	out := []Span{regions[0]}
	for _, r := range regions[1:] {
		last := &out[len(out)-1]
		gap := text[last.End:r.Start]
		standard := false
		for _, c := range covered {
			if c.Start < r.Start && c.End > last.End {
				standard = true
			}
		}
		if !standard && wordCount(gap) <= maxHeadingGap {
			last.End = r.End
			continue
		}
		out = append(out, r)
	}
	return out
}

// termWords are the words of a term put into a standard sentence
// (changed.go): a duty, a prohibition, a condition or a limit of the
// grant, in English or Chinese. A duty waived ("need not be included with
// content created by the Software") changes the terms as one added does.
// Sentences added beside a standard text are read by termReader, which
// asks more of them.
var termWords = regexp.MustCompile(`(?i)\b(?:must|shall|may not|may only|can ?not|only|not (?:be )?(?:used|permitted|allowed)|(?:are|is) not (?:permitted|allowed|granted)|prohibit\w*|forbid\w*|restrict\w*|non-?commercial|(?:commercial|research) (?:uses?|purposes?)|requires?|agrees?|conditions?|limited to|exclusively|solely|terminat\w*|comply|in addition|additional(?:ly)?|except(?:ions?)?|you will|may use|are permitted|is permitted|(?:written|prior|express|separate|explicit|specific|without|obtain\w*|seek|request)\W+(?:\w+\W+){0,3}permission|permission (?:is|must|shall)|need not|not required)\b|不得|禁止|必须|须|应当|应|仅|只能|不可|不允许|不能|要求|同意|限于|非商业|商业|许可|授权|条件|终止`)

// scopeStatement is a sentence that says which license governs something
// ("X is subject to the Stable Video Diffusion License", "the weights are
// licensed under the following terms", "use of the weights must comply
// with the X License", "采用 Apache 2.0 许可证", "模型权重须遵循《X许可协议》"):
// it names terms, it adds none, unless it says more (strongTerm). "This
// license applies to the code only", "This MODEL_LICENSE applies only
// to the weights", "This file governs the model weights only" and "The
// MIT grant applies to code only" are ones too.
var scopeStatement = regexp.MustCompile(`(?is)(?:licen[cs]e|\bgrant|\bfile|\bdocument) (?:only )?(?:applies|covers|governs)\b|\b(?:licen[cs]ed|released|distributed|made available|provided|offered) (?:solely |only |exclusively )?under\b|\b(?:licen[cs]ed|released|distributed|made available|provided|offered|governed|covered|subject to|under|comply with|complies with|abide by|adhere to|in accordance with)\b.{0,120}?\b(?:licen[cs]e|agreement|terms|requirements?|conditions?|restrictions?)\b|(?:采用|遵循|遵守|适用|受).{0,40}?(?:许可证?|协议|条款)`)

// strongTerm is a duty or a prohibition that a scope statement may carry
// too ("... licensed under MIT, and may not be used commercially"), or
// exceptions it makes to the license it names ("... licensed under CC
// BY-NC-SA 4.0 subject to the LICENSE EXCEPTIONS"). A duty to comply with
// the license it names ("must comply with", "须遵循") is none: the read
// sentence has it taken out (termReader.compliance).
var strongTerm = regexp.MustCompile(`(?i)\b(?:must|shall|may not|may only|can ?not|only (?:for|be used|to use)|purposes only|not (?:be )?(?:used|permitted|allowed)|prohibit\w*|forbid\w*|solely|exclusively|(?:subject to|with) (?:the )?(?:following |below )?(?:license )?exceptions)\b|不得|禁止|必须|须|仅|只能|不可|不允许`)

// sentenceEnd ends a sentence or a clause that leads into a list.
var sentenceEnd = regexp.MustCompile(`[.;:!?](?:\s|$)|[。；：！？]|\n\s*\n`)

// webAddress is a URL or a bare domain with a path: its words
// ("falcon-2-terms-and-conditions") bind nobody.
var webAddress = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*`)

// termReader reads whether a sentence put beside a standard license sets
// a term of its own, from the word classes of lexicons.yaml (the
// "added terms" section): it binds when it holds a duty or a ban
// (strong) or a limit of the grant, a grant or a waiver (limit). A
// sentence that asks, points or cites (request: "please cite our paper",
// "如需商业使用，请联系 ...", "the full text is at ...") sets a term only
// by a duty or a ban outside those words; a scope statement only by a
// strongTerm other than the duty to comply with what it names; and a
// sentence that says a duty of the Creative Commons license it stands
// beside again (restates) sets none. Topic words alone ("commercial",
// "conditions", 许可, 商业) bind nobody: a project's preamble, a
// copyright line, a summary of what the model is for.
type termReader struct {
	strong, limit, notLimit, grant, request, compliance, narrow, notice, credit *regexp.Regexp
	any                                                                         *regexp.Regexp            // strong, limit, purpose or strongTerm: what a sentence needs to bind at all
	purpose, purposeWord, wide                                                  *regexp.Regexp            // a use for a limited purpose, a word of one; a purpose wider than any, which unlimits it
	deed                                                                        map[string]*regexp.Regexp // a Creative Commons element ("by", "nc", "sa", "nd") -> its deed's phrases
}

var termReaders sync.Map // *kb.KB -> *termReader

// termsOf returns the term reader of k's lexicons, built once.
func termsOf(k *kb.KB) *termReader {
	if r, ok := termReaders.Load(k); ok {
		return r.(*termReader)
	}
	re := func(en, zh string) *regexp.Regexp {
		expr := `\b(?:` + en + `)\b` // over lower-case text (binds)
		if zh != "" {
			expr += `|` + zh
		}
		x, err := k.Lexicons.Expand(expr)
		if err != nil {
			panic("identify: " + err.Error()) // the classes are the embedded data's, checked by the tests
		}
		return regexp.MustCompile(x)
	}
	r := &termReader{
		strong: re(`{{duty}}|{{term-strong}}`, `{{zh-duty}}|{{zh-ban-modal}}|{{zh-term-strong}}`),
		limit: re(`{{term-limit}}|{{term-grant}}|(?:{{purpose-nc}})\s+(?:{{purpose-head}})`,
			`{{zh-term-limit}}|{{zh-term-grant}}|(?:{{zh-grant-form}})[^。；]{0,20}(?:{{zh-purpose-research}}|{{zh-purpose-nc}})`),
		purpose:     re(`for\s+(?:[\w-]+\s+){0,3}?(?:{{purpose-research}}|{{purpose-nc}}|{{purpose-personal}})\s+(?:{{purpose-head}})`, ``),
		purposeWord: re(`{{purpose-research}}|{{purpose-nc}}|{{purpose-personal}}`, ``),
		wide:        re(`{{purpose-wide}}`, ``),
		grant:       re(`{{term-grant}}`, `{{zh-term-grant}}`),
		notLimit:    re(`{{term-not-limit}}`, ``),
		credit:      re(`{{attribution-act}}|display\w*|built with|powered by`, `显著|标注|展示`),
		notice:      re(`(?:{{keep}}|{{remove}})\w*\s+(?:[\w-]+\s+){0,4}?(?:{{notice-object}})`, `(?:{{zh-keep}}|{{zh-remove}})[^。；]{0,10}(?:{{zh-notice-object}})`),
		request:     re(`{{request}}`, `{{zh-request}}`),
		compliance:  re(`(?:{{duty}}|{{term-strong}})\s+(?:be\s+used\s+)?(?:{{binding}})`, `(?:{{zh-duty}})\s*(?:{{zh-binding}})`),
		narrow:      re(`(?:only|solely|exclusively)\b.{0,80}\b(?:{{purpose-research}})|(?:{{purpose-research}})\b.{0,80}\b(?:only|solely|exclusively)`, `(?:仅|只能|只可|限于)[^。；]{0,20}(?:{{zh-purpose-research}})`),
		deed:        map[string]*regexp.Regexp{},
	}
	r.any = regexp.MustCompile(r.strong.String() + "|" + r.limit.String() + "|" + r.purposeWord.String() + "|" + strongTerm.String())
	for _, e := range []string{"by", "nc", "sa", "nd"} {
		r.deed[e] = re(`{{cc-`+e+`}}`, `{{zh-cc-`+e+`}}`)
	}
	actual, _ := termReaders.LoadOrStore(k, r)
	return actual.(*termReader)
}

// binds reports whether text holds a term: a sentence that sets one
// (sets) beside the license base (nil when none is known). Web addresses
// are left out.
func (r *termReader) binds(text []byte, base *kb.License) bool {
	text = wording.LowerASCII(text) // the classes are lower case: no case folding in the scan
	if webAddress.Match(text) {
		text = webAddress.ReplaceAll(text, []byte("URL"))
	}
	// Only a sentence with a word of r.any can bind: each is found in one
	// pass, and read (sets) from the end of the sentence before it.
	for len(text) > 0 {
		at := r.any.FindIndex(text)
		if at == nil {
			return false
		}
		start := 0
		for _, e := range sentenceEnd.FindAllIndex(text[:at[0]], -1) {
			start = e[1]
		}
		end := len(text)
		if e := sentenceEnd.FindIndex(text[at[0]:]); e != nil {
			end = at[0] + e[1]
		}
		if r.sets(text[start:end], base) {
			return true
		}
		text = text[end:]
	}
	return false
}

// sets reports whether the sentence s sets a term beside base.
func (r *termReader) sets(s []byte, base *kb.License) bool {
	if t := bytes.TrimSpace(s); termsHeading.Match(t) && !r.strong.Match(s) || quoted(t) {
		// a heading ("NonCommercial (NC):", "Restrictions:") names
		// terms; a sentence in quotation marks is another's (a dataset's
		// terms, quoted to say why)
		return false
	}
	if r.notLimit.Match(s) {
		s = r.notLimit.ReplaceAll(s, []byte(" "))
	}
	asks := r.request.Match(s)
	if asks {
		s = r.request.ReplaceAll(s, []byte(" "))
	}
	var ok bool
	switch {
	case scopeStatement.Match(s):
		t := r.compliance.ReplaceAll(s, []byte(" "))
		ok = strongTerm.Match(t) || r.strong.Match(t)
	case asks:
		ok = r.strong.Match(s)
	default:
		ok = r.strong.Match(s) || r.limit.Match(s) || r.limited(s)
	}
	return ok && !r.restates(s, base)
}

// limited reports a use for a limited purpose ("for academic research
// purposes", "released for non-commercial research use"), none beside a
// wider one ("for commercial and research settings").
func (r *termReader) limited(s []byte) bool {
	for _, loc := range r.purpose.FindAllIndex(s, -1) {
		if !r.wide.Match(s[loc[0]:loc[1]]) {
			return true
		}
	}
	return false
}

// quoted reports a sentence in quotation marks.
func quoted(s []byte) bool {
	open := bytes.HasPrefix(s, []byte(`"`)) || bytes.HasPrefix(s, []byte("“"))
	close := bytes.HasSuffix(s, []byte(`"`)) || bytes.HasSuffix(s, []byte("”"))
	return open && close && len(s) > 2
}

// restates reports a sentence that says a duty of the standard license
// base again: that copies keep its notice (any standard license), or a
// Creative Commons license's conditions in its deed's words ("You must give appropriate
// credit ...", "You may not use the material for commercial purposes",
// "You may share and adapt the material, including for commercial use"):
// a phrase of an element base has, in a sentence that bans or requires by
// none of one it lacks (a ban on sharing adaptations beside CC BY-NC is a
// term), no limit to research
// the license does not set ("for research purposes only"), and no
// permission beyond it ("you may also use the outputs for commercial
// purposes").
func (r *termReader) restates(s []byte, base *kb.License) bool {
	if base == nil {
		return false
	}
	if len(base.Licensecheck) > 0 && r.notice.Match(s) && !r.credit.Match(s) && !r.narrow.Match(s) && !r.grant.Match(s) {
		// every standard license asks that copies keep its notice: "you
		// may not remove this notice", "retain this license notice"; a
		// credit to display ("Built with Zeta") is more
		return true
	}
	if base.Family != "cc" {
		return false
	}
	if ccNotice.Match(s) {
		// Creative Commons' own notices, copied from a deed ("The license
		// may not give you all of the permissions necessary ...")
		return true
	}
	has := map[string]bool{}
	for _, part := range strings.Split(base.ID, "-") {
		has[part] = true
	}
	said, bans := false, r.strong.Match(s)
	for e, re := range r.deed {
		if !re.Match(s) {
			continue
		}
		if !has[e] {
			if bans {
				return false
			}
			continue
		}
		said = true
	}
	return said && !r.narrow.Match(s) && !r.grant.Match(s)
}

// binding keeps the regions that hold terms (binds), or none when those
// are fewer than minTotal words in all.
func binding(tr *termReader, base *kb.License, text []byte, regions []Span, minTotal int) []Span {
	var out []Span
	total := 0
	for _, r := range regions {
		if tr.binds(text[r.Start:r.End], base) {
			out = append(out, r)
			total += wordCount(text[r.Start:r.End])
		}
	}
	if total < minTotal {
		return nil
	}
	return out
}

// thirdPartyHeading introduces the licenses of components a work
// includes: "THIRD-PARTY SOFTWARE NOTICES AND INFORMATION", "This project
// incorporates material from the project(s) listed below", "licensed to
// you under their original license terms".
var thirdPartyHeading = regexp.MustCompile(`(?i)\bthird[- ]party (?:software |code |components? )?(?:notices?|licen[cs]es|components|code|software notices|dependenc(?:y|ies))\b|\bincorporates? (?:material|components?|code|software)\b[^.]{0,40}?\bfrom\b|\bunder (?:their|its) (?:original|own|respective) licen[cs]e`)

// thirdPartyBefore is how far before a standard text its introduction as
// a third party's license is looked for.
const thirdPartyBefore = 1500

// thirdPartyNotice reports a standard license that a text introduces as
// the license of a component it includes (a custom license, then
// "THIRD-PARTY SOFTWARE NOTICES", then BSD-2-Clause for a library): the
// text before it is a license of its own, not terms added to the
// standard one.
func thirdPartyNotice(text []byte, covered []Span) bool {
	if len(covered) == 0 {
		return false
	}
	start := covered[0].Start
	for _, c := range covered {
		start = min(start, c.Start)
	}
	return thirdPartyHeading.Match(text[max(0, start-thirdPartyBefore):start])
}

// within reports whether off lies in one of spans.
func within(spans []Span, off int) bool {
	for _, c := range spans {
		if off >= c.Start && off < c.End {
			return true
		}
	}
	return false
}

// proseRegions returns the regions of consecutive lines of text that may
// be added terms (blank lines join the lines of one region; a boilerplate
// or all-capitals line, or one excluded says is not added, ends it), each
// of at least minRegionWords words, or nil when all together hold fewer
// than minTotal words. excluded is asked about every line in order, blank
// ones too, with the line's bounds and its trimmed text.
func proseRegions(text []byte, minTotal int, excluded func(off, end int, line []byte) bool) []Span {
	var regions []Span
	total := 0
	cur, words := Span{-1, -1}, 0
	flush := func() {
		if cur.Start >= 0 && words >= minRegionWords {
			regions = append(regions, cur)
			total += words
		}
		cur, words = Span{-1, -1}, 0
	}
	for off := 0; off < len(text); {
		end := bytes.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := bytes.TrimSpace(text[off:end])
		out := excluded(off, end, line)
		switch {
		case len(line) == 0:
			// blank lines join the paragraphs of one region
		case out || boilerplate.Match(line) || shouting(line):
			flush()
		default:
			s := off + bytes.Index(text[off:end], line)
			if cur.Start < 0 {
				cur.Start = s
			}
			cur.End = s + len(line)
			words += wordCount(line)
		}
		off = end + 1
	}
	flush()
	if total < minTotal {
		return nil
	}
	return regions
}

// wordCount counts the words of a line: runs of letters and digits
// separated by spaces, and, in scripts written without spaces (Chinese,
// Japanese), two words per three characters, about the length of a
// Chinese word, so that an added paragraph in Chinese weighs like its English
// translation.
func wordCount(line []byte) int {
	n, cjk := 0, 0
	for _, f := range bytes.Fields(line) {
		spaced := false
		for _, r := range string(f) {
			if isCJKRune(r) {
				cjk++
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				spaced = true
			}
		}
		if spaced {
			n++
		}
	}
	return n + (2*cjk+2)/3
}

// isCJKRune reports a character of a script written without spaces
// between words.
func isCJKRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// shouting reports an all-capitals line: a warranty disclaimer, which adds
// no terms.
func shouting(line []byte) bool { return wording.CapitalLetters(line) >= 8 }

// std0ID is the id of the only standard license found, or "".
func std0ID(std []Match) string {
	if len(std) != 1 {
		return ""
	}
	return std[0].ID
}

func shift(spans []Span, d int) []Span {
	out := make([]Span, len(spans))
	for i, s := range spans {
		out[i] = Span{max(0, s.Start+d), max(0, s.End+d)}
	}
	return out
}

// trimCovered narrows the covered ranges to the standard text proper: from
// the line of l's first start phrase to the line of its last end phrase.
func trimCovered(text []byte, covered []Span, l *kb.License) []Span {
	if len(covered) == 0 {
		return covered
	}
	lo, hi := covered[0].Start, covered[0].End
	for _, c := range covered {
		lo, hi = min(lo, c.Start), max(hi, c.End)
	}
	hi = min(hi, len(text))
	// The phrases open and close the standard text, so only its first and
	// last few kilobytes are searched.
	first, last := -1, -1
	head := min(hi, lo+edgeBytes)
	for _, p := range l.Starts {
		if loc := phraseRE(p).FindIndex(text[lo:head]); loc != nil && (first < 0 || lo+loc[0] < first) {
			first = lo + loc[0]
		}
	}
	tail := max(lo, hi-edgeBytes)
	for _, p := range l.Ends {
		for _, loc := range phraseRE(p).FindAllIndex(text[tail:hi], -1) {
			last = max(last, tail+loc[1])
		}
	}
	if first < 0 || last < first {
		return covered
	}
	for first > lo && text[first-1] != '\n' {
		first--
	}
	for last < hi && text[last] != '\n' {
		last++
	}
	// Each match is clipped to the standard text, not joined with the
	// others: text between two of licensecheck's matches (terms written
	// after Apache-2.0's END OF TERMS AND CONDITIONS, before its appendix)
	// is read like text around them, and template words there are no
	// added terms (refineAdded).
	var out []Span
	for _, c := range covered {
		if c = (Span{max(c.Start, first), min(c.End, last)}); c.Start < c.End {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return []Span{{first, last}}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	out[0].Start = first
	out[len(out)-1].End = last
	return out
}

// edgeBytes is how far from a match's ends its start and end phrases are
// looked for (Apache-2.0's appendix follows "END OF TERMS" by 1.6 kB).
const edgeBytes = 4 << 10

var phraseREs sync.Map // phrase -> *regexp.Regexp

// phraseRE matches a lower-case phrase in any case, across line breaks.
func phraseRE(p string) *regexp.Regexp {
	if re, ok := phraseREs.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	words := strings.Fields(p)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re := regexp.MustCompile(`(?i)` + strings.Join(words, `\s+`))
	phraseREs.Store(p, re)
	return re
}

// Pointers with terms: a short file that names a Creative Commons license
// instead of holding its text ("This model is licensed under CC BY-NC
// 4.0.") and then sets conditions of its own ("In addition, you may not
// ..."). The pointer is the license; the conditions are terms layered on
// top of it, as around a standard text, and found the same way: every
// sentence that binds (binds) outside the one naming the license.
const (
	maxPointerBytes = 8 << 10 // a pointer is a few lines, with its exceptions a page
	minPointerWords = 5       // one added condition ("Derivative weights inherit these terms.")
)

// listNumber is a list item's number alone ("1.", "(b)"), which the
// sentence splitter parts from its item.
var listNumber = regexp.MustCompile(`^\(?[0-9a-zA-Z]{1,3}[.)]$`)

// termsHeading is a Markdown heading, or a short line that leads into
// what follows with a colon ("Restrictions:", "附加条款：").
var termsHeading = regexp.MustCompile(`\A(?:#{1,6}[ \t][^\n]{1,60}|[^\n.;!?。；！？]{1,40}[:：])\z`)

// pointerTerms returns the blocks of sentences of text that bind, or nil
// when they are fewer than minPointerWords words. A block runs over
// sentences that set no term (a numbered list's heading, the name of the
// license a part is under), and ends at a rule or a heading in capitals.
func pointerTerms(tr *termReader, base *kb.License, text []byte) []Span {
	var out []Span
	total, joined, marker := 0, false, -1
	for off := 0; off < len(text); {
		end := len(text)
		if loc := sentenceEnd.FindIndex(text[off:]); loc != nil {
			end = off + loc[1]
		}
		s := bytes.TrimSpace(text[off:end])
		start := off + bytes.Index(text[off:end], s)
		off = end
		switch {
		case len(s) == 0:
			continue
		case listNumber.Match(s):
			marker = start // "1." opens the item that follows
			continue
		case boilerplate.Match(s) || shouting(s):
			joined = false // a rule, a heading in capitals: a new block
		case !tr.binds(s, base):
			// a sentence of the block that sets no term itself; a
			// heading ("## Restrictions") opens the block that follows
			// right after it
			if marker < 0 && termsHeading.Match(s) {
				marker = start
				continue
			}
		case joined:
			out[len(out)-1].End = start + len(s)
			total += wordCount(s)
		default:
			end := start + len(s)
			if marker >= 0 {
				start = marker
			}
			out = append(out, Span{start, end})
			total += wordCount(s)
			joined = true
		}
		marker = -1
	}
	if total < minPointerWords {
		return nil
	}
	return out
}
