package analysis

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/fineprint-dev/fineprint/analysis/clause"
	"github.com/fineprint-dev/fineprint/analysis/identify"
	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/stdtext"
)

// standardText is the text of standard permissive or copyleft licenses
// (MIT, Apache-2.0, the GPL ...) in a license file. Their terms are well
// known: a project's LICENSE under one gets no clause findings (its notice
// or share-alike clause is no news to the project that chose it; the
// checklist states it from the license's family). In a modified one
// (license/modified) only the added terms are read for clauses, the way
// the terms around a plain Apache-2.0 text would be: the licensor's own
// terms are what the reader does not know yet. A file that names the
// license rather than holds its text (a pointer), a use policy and a
// license of any other kind hold no standard text.
type standardText struct {
	kb    *kb.KB
	spans []Span        // the standard text, sorted, none overlapping
	bases []*kb.License // the standard licenses identified in the file
	other []Span        // the text of the file's other licenses and policies
	// limits are the legal codes of licenses whose kind is a limit
	// (kindCodes: CC BY-NC's NonCommercial) held whole in the file, with
	// the code the kind gives (restated).
	limits []limitText
}

// limitText is the legal code of a license whose kind limits the grant.
type limitText struct {
	span Span
	code string
}

// add records the standard text of the license l identified in a file as
// info, with the regions added holding the file's own terms; preface is
// identify's Match.Preface.
func (st *standardText) add(l *kb.License, info LicenseInfo, added []identify.Span, preface bool) {
	legalCode := info.Span.End-info.Span.Start >= ccLegalCodeBytes // the text, not a name
	if kc, ok := kindCodes[l.Kind]; ok && !info.Policy && !info.Named && legalCode {
		st.limits = append(st.limits, limitText{info.Span, kc.code})
	}
	// A Creative Commons legal code of any kind is a standard text in a
	// file that adds terms to it or says things of its own beside it
	// ("preface + full legal code"): the file's own words are what the
	// reader does not know yet, and what the legal code itself limits
	// (NonCommercial, its termination on breach) the license's kind
	// states (kindFindings). A plain legal code keeps its clauses as
	// before: its limit is the license's own finding.
	ccCode := l.Family == "cc" && (len(added) > 0 || preface) && legalCode
	if l.Kind != "permissive" && l.Kind != "copyleft" && !ccCode || info.Policy || info.Named {
		st.other = append(st.other, info.Span)
		return
	}
	spans := []Span{info.Span}
	for _, a := range added {
		spans = cut(spans, Span{a.Start, a.End})
	}
	st.spans = merged(append(st.spans, spans...))
	st.bases = append(st.bases, l)
}

// restated reports the hits (by index) that a legal code of a limiting
// license gives of its own limit ("reproduce and Share the Licensed
// Material ... for NonCommercial purposes only" in CC BY-NC's section
// 2(a)(1) and again in section 4) when the file's own words state that
// limit outside it: a preface that says "the weights are licensed under
// CC BY-NC 4.0 ... Commercial rights are available separately" above the
// full legal code, "SpliceAI models are provided under CC BY NC 4.0 for
// academic and non-commercial use" above it. The legal code is the
// standard text the preface names, as a reader marks only the preface;
// the file that holds the legal code alone keeps its clauses (the
// license's own finding). keep reports the hits the file reports at all;
// stated holds the spans of the legal codes whose limit the file states.
func (st *standardText) restated(hits []clause.Hit, keep func(clause.Hit) bool) (drop map[int]bool, stated map[Span]bool) {
	if len(st.limits) == 0 {
		return nil, nil
	}
	in := func(h clause.Hit) (string, bool) {
		for _, l := range st.limits {
			if l.span.Start <= h.Start && h.End <= l.span.End {
				return l.code, true
			}
		}
		return "", false
	}
	own := map[string]bool{} // codes the file's own text gives
	for _, h := range hits {
		if _, ok := in(h); !ok && strings.HasPrefix(h.Code, "license/") && keep(h) {
			own[h.Code] = true
		}
	}
	for _, l := range st.limits {
		if own[l.code] {
			if stated == nil {
				stated, drop = map[Span]bool{}, map[int]bool{}
			}
			stated[l.span] = true
		}
	}
	for i, h := range hits {
		if code, ok := in(h); ok && code == h.Code && own[code] {
			drop[i] = true
		}
	}
	return drop, stated
}

// ccLegalCodeBytes is the fewest bytes of a Creative Commons match that
// holds its legal code (some 10 kB; a name or an address is a few dozen).
const ccLegalCodeBytes = 4 << 10

// cut removes r from the spans ss.
func cut(ss []Span, r Span) []Span {
	var out []Span
	for _, s := range ss {
		if r.End <= s.Start || r.Start >= s.End {
			out = append(out, s)
			continue
		}
		if s.Start < r.Start {
			out = append(out, Span{s.Start, r.Start})
		}
		if r.End < s.End {
			out = append(out, Span{r.End, s.End})
		}
	}
	return out
}

// merged sorts spans and joins those that overlap or touch, so that each
// offset is in at most one.
func merged(ss []Span) []Span {
	slices.SortFunc(ss, func(a, b Span) int { return a.Start - b.Start })
	var out []Span
	for _, s := range ss {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// covers reports whether the standard text is all of a text of size n:
// every clause hit in it would be dropped (holds), so the text need not be
// read for clauses (a plain MIT or Apache-2.0 LICENSE, most of what a
// project's check reads).
func (st *standardText) covers(n int) bool {
	return len(st.spans) > 0 && st.spans[0].Start <= 0 && st.spans[0].End >= n
}

// holds reports whether the clause hit of code over the sentence
// text[start:end] is the standard text's: the sentence lies in it, or it
// is a clause the standard license itself gives (standardCodes) and all
// its words but two are the standard text's words in their order
// (identify.OwnWords). The second finds the standard sentences that
// identification leaves out of the standard text: in a modified license
// the terms added are whole lines, and the line of a word the licensor
// altered ("a copy of this Agreement; and" for "this License; and": two
// words no triple of the template holds) or of a list item renumbered
// after an inserted one is added with them; a template matched in part
// (a section inserted into Apache-2.0) leaves the rest outside the
// match. Such a sentence still states the standard license's duty. Words
// put in that add a clause ("for non-commercial purposes" in MIT's
// grant) give a code the standard text does not, or more words of the
// licensor's own. A sentence in the text of another license of the file
// (a custom license after an Apache-2.0 text) is that license's.
func (st *standardText) holds(text []byte, code string, start, end int) bool {
	if st.holdsOne(text, code, start, end) {
		return true
	}
	// A clause over several items of one list is one finding ("(b) You
	// must give ... a copy of this Agreement; and" to "(c) You must cause
	// any modified files ..."): it is the standard text's when each item
	// is, read on its own, as identification reads the lines it adds.
	items := 0
	for a := start; a < end; {
		b := nextItem(text, a, end)
		if len(bytes.TrimSpace(text[a:b])) > 0 {
			if !st.holdsOne(text, code, a, b) {
				return false
			}
			items++
		}
		a = b
	}
	return items > 1
}

// nextItem returns where the list item from off (up to end) ends: at the
// next blank line or line that opens with a list marker, or at end.
func nextItem(text []byte, off, end int) int {
	for i := off; i < end; i++ {
		if text[i] != '\n' {
			continue
		}
		rest := bytes.TrimLeft(text[i+1:end], " \t\r")
		if len(rest) > 0 && (rest[0] == '\n' || rest[0] == '(' || rest[0] >= '0' && rest[0] <= '9' || rest[0] == '-' || rest[0] == '*') {
			return len(text[:end]) - len(rest)
		}
	}
	return end
}

// holdsOne is holds for one sentence or list item.
func (st *standardText) holdsOne(text []byte, code string, start, end int) bool {
	for _, s := range st.spans {
		if s.Start <= start && end <= s.End {
			return true
		}
	}
	for _, o := range st.other {
		if o.Start <= start && start < o.End {
			return false
		}
	}
	for _, l := range st.bases {
		if end > len(text) || !standardCodes(st.kb, l)[code] {
			continue
		}
		if n, ok := identify.OwnWords(l, text[start:end]); ok && n <= maxOwnWords {
			return true
		}
	}
	return false
}

// maxOwnWords is how many words of a sentence may be the licensor's for
// it to be a standard sentence the licensor touched: an altered word, and
// the word after it when the sentence ends there.
const maxOwnWords = 2

// standardCodes returns the codes of the clauses the text of the standard
// license l gives (written out from licensecheck's template, stdtext):
// MIT's and Apache-2.0's notice duties, the GPL's share-alike. Read once
// per knowledge base and license.
func standardCodes(k *kb.KB, l *kb.License) map[string]bool {
	key := stdCodesKey{k, l.ID}
	if c, ok := stdCodes.Load(key); ok {
		return c.(map[string]bool)
	}
	codes := map[string]bool{}
	if len(l.Licensecheck) > 0 {
		// The template's lines break where its groups do, not where its
		// paragraphs would ("... and this permission notice\n\nshall be
		// included ..."): read as one paragraph, cut at its sentences.
		text := strings.Join(strings.Fields(stdtext.Text(l.Licensecheck[0])), " ")
		for _, h := range clause.Detect(k, []byte(text)) {
			codes[h.Code] = true
		}
	}
	c, _ := stdCodes.LoadOrStore(key, codes)
	return c.(map[string]bool)
}

type stdCodesKey struct {
	k  *kb.KB
	id string
}

var stdCodes sync.Map // stdCodesKey -> map[string]bool
