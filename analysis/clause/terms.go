package clause

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
)

// Defined terms that carry a restriction.
//
// Licenses often put their limit in a definition and apply it elsewhere:
// "\"Permitted Purpose\" means non-commercial research" and, pages later,
// "You may use the Model solely for the Permitted Purpose". Neither
// sentence says "non-commercial only" by itself. carryTerms reads every
// definition, asks the Term patterns of clauses.yaml which restriction its
// body carries (non-commercial, research-only, outputs), and puts the hit
// on each operative sentence that applies the term in one of the pattern's
// Uses structures ("solely for @term@", "other than @term@", "仅限@term@"),
// never on the definition.

// termToken stands for the defined term in a Term pattern's Uses.
const termToken = "@term@"

// defined is a definition whose body carries the restriction of a Term
// pattern.
type defined struct {
	term string   // normalized, without quotes
	at   span     // the defining sentence
	p    *pattern // the Term pattern its body matched
}

// definitionHead reads a definition's quoted term ("\"Permitted Purpose\"
// means ...", "(b) “许可用途”是指 ...") and where its body starts.
var definitionHead = regexp.MustCompile(`^(?:\(?[a-z0-9]{1,4}[.)] ?)?"([^"]{1,80})" ?(?:\([^)]*\) ?)?(?:means|shall mean|refers to|shall refer to|is defined as|has the meaning|是指|指|系指|：|:)`)

// zhDefinitionHead reads a Chinese definition without quotes ("许可用途：
// 指……", "许可用途是指……").
var zhDefinitionHead = regexp.MustCompile(`^([^"：:，,。；、 ]{2,30}?)(?:[：:] ?(?:是指|指|系指)|是指|系指)`)

// inlineDefinition reads a term defined in passing, after what it stands
// for: "... for non-commercial research (the \"Permitted Purpose\")".
var inlineDefinition = regexp.MustCompile(`\((?:the |a |an |collectively,? |hereinafter(?: referred to as)? |以下简称)?"([^"]{2,60})"\)`)

// inlineBody is how many bytes before an inline definition are its body.
const inlineBody = 160

// maxBody is how much of a definition's body is read: what a term stands
// for comes first, though a body may first say what it applies to ("means
// any use of a Model, Derivative, or Output that is solely for (a)
// personal, scientific or academic research, and (b) for non-profit and
// non-commercial purposes").
const maxBody = 200

// readDefinitions returns the term and body of each definition in the
// normalized sentence: one for a sentence that is a definition, one per
// term defined in passing otherwise.
func readDefinitions(norm string) (terms, bodies []string) {
	if m := definitionHead.FindStringSubmatchIndex(norm); m != nil {
		return []string{norm[m[2]:m[3]]}, []string{norm[m[1]:]}
	}
	if hasHan(norm[:min(len(norm), 12)]) {
		if m := zhDefinitionHead.FindStringSubmatchIndex(norm); m != nil && hasHan(norm[m[2]:m[3]]) {
			return []string{norm[m[2]:m[3]]}, []string{norm[m[1]:]}
		}
	}
	for _, m := range inlineDefinition.FindAllStringSubmatchIndex(norm, -1) {
		terms = append(terms, norm[m[2]:m[3]])
		bodies = append(bodies, norm[max(0, m[0]-inlineBody):m[0]])
	}
	return terms, bodies
}

// mayDefine reports whether a sentence may define a term: a quote near its
// start, a quoted term closed by a bracket, or a Chinese "指".
func mayDefine(b []byte) bool {
	head := b[:min(len(b), 12)]
	return bytes.IndexByte(head, '"') >= 0 || bytes.Contains(head, []byte("“")) ||
		bytes.Contains(b, []byte("\")")) || bytes.Contains(b, []byte("”)")) || bytes.Contains(b, []byte("”）")) ||
		bytes.Contains(b[:min(len(b), 100)], []byte("指"))
}

// carryTerms adds to hits (in text order) the hits of the restrictions
// that defined terms carry into the sentences that apply them.
// termWords(i) tells whether spans[i] holds a keyword of a Term pattern;
// lower returns text with its ASCII case folded (made once per text, and
// only when a term is looked for).
func (d *detector) carryTerms(n *normalizer, text []byte, spans []span, termWords func(int) bool, lower func() []byte, hits []Hit) []Hit {
	if len(d.terms) == 0 {
		return hits
	}
	var defs []defined
	for i, s := range spans {
		if !termWords(i) || !mayDefine(text[s.start:s.end]) {
			continue
		}
		terms, bodies := readDefinitions(n.sentence(text, s.start, s.end))
		for i, term := range terms {
			term, body := strings.TrimSpace(term), strings.TrimSpace(bodies[i])
			body = body[:min(len(body), maxBody)] // what a term stands for comes first
			if len(term) < 3 {
				continue
			}
			for _, p := range d.terms {
				if p.carries(body) {
					defs = append(defs, defined{term: term, at: s, p: p})
				}
			}
		}
	}
	if len(defs) == 0 {
		return hits
	}
	// Only the sentences that hold a term are read again: found in the
	// text with ASCII case folded, as the normalizer folds it.
	folded := lower()
	added := false
	var carried []defined // the definitions whose restriction reached a sentence
	for _, df := range defs {
		for _, i := range termSpans(folded, spans, 0, df.term) {
			s := spans[i]
			if s == df.at || overlapsCode(hits, df.p.Code, s) {
				continue
			}
			norm := n.sentence(text, s.start, s.end)
			// The uses first: most sentences that name a term do not apply
			// it as a use restriction, and the disclaimer's expression,
			// with no literal to seek, costs more than the uses'.
			marked, ok := markTerm(norm, df.term)
			if !ok || !df.p.applies(marked) || isDefinition(norm) || disclaimer.MatchString(norm) || bindsNobody.MatchString(norm) || widened(marked, df.p, defs) {
				continue
			}
			msg, _ := fill(df.p.Message, map[string]any{"term": df.term})
			hits = append(hits, Hit{Code: df.p.Code, Pattern: df.p.ID, Start: s.start, End: s.end, Message: msg})
			added = true
			if len(carried) == 0 || carried[len(carried)-1] != df {
				carried = append(carried, df)
			}
		}
	}
	if added {
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].Start < hits[j].Start })
	}
	return dropCarriedDefinitions(hits, carried)
}

// termAlternative is a purpose offered beside the applied term ("solely
// for a Research Purpose or Non-Commercial Purpose", "for non-commercial
// use or the Permitted Purpose"): the grant reaches either.
var termAlternative = regexp.MustCompile(`@term@,? (?:or|and/or) (?:an? |the |any |your |other )?((?:[\w-]+ ){0,3}?(?:purposes?|uses?))\b|\b((?:[\w-]+ ){0,2}(?:purposes?|uses?)),? (?:or|and/or) (?:an? |the |any |your )?@term@`)

// widened reports whether the sentence, its uses of the term marked,
// offers a purpose beside the term that does not carry p's restriction:
// a grant for research or for any non-commercial purpose is no grant for
// research only.
func widened(marked string, p *pattern, defs []defined) bool {
	m := termAlternative.FindStringSubmatch(marked)
	if m == nil {
		return false
	}
	alt := strings.TrimSpace(m[1] + m[2])
	if strings.Contains(alt, termToken) {
		return false
	}
	ws := strings.Fields(alt)
	for i := range ws {
		cand := strings.Join(ws[i:], " ")
		for _, df := range defs {
			if df.p == p && (df.term == cand || df.term+"s" == cand) {
				return false // the alternative carries the restriction too
			}
		}
	}
	// An alternative in plain words carries it when p reads it in a
	// definition's body ("non-commercial purposes" for non-commercial).
	return !p.carries(alt)
}

// dropCarriedDefinitions drops the hits that a pattern allowed on a
// definition ("\"Permitted Purpose\" means for academic or research
// purposes only") when the definition's restriction, of the same code,
// was carried to the sentences that apply the term: the finding belongs
// where the license binds, and the definition only says what the term
// stands for. A definition whose term no sentence applies keeps its hit.
func dropCarriedDefinitions(hits []Hit, carried []defined) []Hit {
	if len(carried) == 0 {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		drop := false
		for _, df := range carried {
			if h.Code == df.p.Code && h.Start >= df.at.start && h.End <= df.at.end {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, h)
		}
	}
	return out
}

// indexTerm returns where term (normalized: one space between words)
// first occurs in text and how many bytes it takes there: a term may be
// wrapped over lines ("only in connection with the Permitted\n
// Purpose"), so each space of term matches any run of blanks.
func indexTerm(text, term []byte) (int, int) {
	sp := bytes.IndexByte(term, ' ')
	if sp < 0 {
		return bytes.Index(text, term), len(term)
	}
	first := term[:sp]
	for at := 0; ; {
		k := bytes.Index(text[at:], first)
		if k < 0 {
			return -1, 0
		}
		start := at + k
		i, j := start+len(first), sp
		for j < len(term) && i < len(text) {
			if term[j] == ' ' {
				if !isSpace(text[i]) {
					break
				}
				for i < len(text) && isSpace(text[i]) {
					i++
				}
				j++
				continue
			}
			if text[i] != term[j] {
				break
			}
			i++
			j++
		}
		if j == len(term) {
			return start, i - start
		}
		at = start + 1
	}
}

// carries reports whether the body of a definition carries p's restriction.
func (p *pattern) carries(body string) bool {
	if !p.ready() {
		return false
	}
	for _, k := range p.Keywords {
		if strings.Contains(body, k) {
			for i := range p.match {
				if p.match[i].re.MatchString(body) {
					return !p.vetoed(body, nil)
				}
			}
			return false
		}
	}
	return false
}

// applies reports whether the sentence, its uses of the term marked, has
// one of p's Uses structures. Structures in Chinese are tried only on
// sentences with CJK characters.
func (p *pattern) applies(marked string) bool {
	if !p.ready() {
		return false
	}
	han := hasHan(marked)
	var sk sketch
	for i, u := range p.uses {
		if (han || !p.usesHan[i]) && u.matchIn(marked, &sk) {
			return true
		}
	}
	return false
}

// markTerm replaces each use of term in norm (as a whole word, plural or
// quoted) with termToken.
func markTerm(norm, term string) (string, bool) {
	var sb strings.Builder
	last, found := 0, false
	word := isAlnum(term[0])
	for i := 0; i < len(norm); {
		k := strings.Index(norm[i:], term)
		if k < 0 {
			break
		}
		a, b := i+k, i+k+len(term)
		i = b
		if word && (a > 0 && isAlnum(norm[a-1])) {
			continue
		}
		if word && b < len(norm) && norm[b] == 's' && (b+1 == len(norm) || !isAlnum(norm[b+1])) {
			b++
		}
		if word && b < len(norm) && isAlnum(norm[b]) {
			continue
		}
		if a > 0 && norm[a-1] == '"' && b < len(norm) && norm[b] == '"' {
			a, b = a-1, b+1
		}
		sb.WriteString(norm[last:a])
		sb.WriteString(termToken)
		last, i, found = b, b, true
	}
	if !found {
		return "", false
	}
	sb.WriteString(norm[last:])
	return sb.String(), true
}

// disclaimer matches the licensor's disclaimers of warranty and liability
// ("The Licensor does not warrant that the Output will ...", "in no event
// shall the Licensor be liable for ... any Output", "许可方不能保证输出的
// 准确性"): a term they use is no restriction on you.
var disclaimer = regexp.MustCompile(`\b(?:warrant(?:s|y|ies|ed)?|guarantees?|liable|liability|indemnif\w*|disclaims?)\b|\bas is\b|保证|担保|承担[^。；]{0,10}?责任|免责`)

// bindsNobody matches a sentence whose negation binds no licensee: what
// the license or the licensor does not do ("This License does not restrict
// your use of Generated Media", "We do not sell the Outputs you
// generate"), and the instruction to one who does not accept the terms
// ("If you do not agree to these terms, do not use the Outputs"). A term
// it applies carries no restriction there.
var bindsNobody = regexp.MustCompile(`\b(?:(?:this|the) (?:license|licence|agreement|terms)(?: [^ .;,]+){0,2}|we|licensor|the licensor) (?:does|do|will|shall|may|can)(?: not|n't)\b|\bif you (?:do not|don't|have not) (?:accept|agree)`)

// overlapsCode reports whether a hit of code overlaps s.
func overlapsCode(hits []Hit, code string, s span) bool {
	for _, h := range hits {
		if h.Code == code && h.Start < s.end && s.start < h.End {
			return true
		}
	}
	return false
}

// moveDefined moves a hit on a definition ("\"Threshold\" means annual
// revenue of $10 million or more") to the first operative sentence after
// it that applies the term in one of its pattern's Applied structures
// ("conditioned upon You not exceeding the Threshold"): the reader meets
// the consequence there. A definition whose term no later sentence
// applies keeps its hit. lower is as for carryTerms.
func (d *detector) moveDefined(n *normalizer, text []byte, spans []span, lower func() []byte, hits []Hit) []Hit {
	moved := false
	for i := range hits {
		h := &hits[i]
		p := d.byID[h.Pattern]
		if p == nil || len(p.applied) == 0 {
			continue
		}
		norm := n.sentence(text, h.Start, h.End)
		terms, _ := readDefinitions(norm)
		if len(terms) != 1 || !isDefinition(norm) {
			continue
		}
		term := strings.TrimSpace(terms[0])
		if len(term) < 3 {
			continue
		}
		if s, ok := firstUse(n, lower(), text, spans, h.End, term, p); ok {
			h.Start, h.End = s.start, s.end
			moved = true
		}
	}
	if moved {
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].Start < hits[j].Start })
	}
	return hits
}

// firstUse returns the first sentence from byte from on that is no
// definition and applies term in one of p's Applied structures.
func firstUse(n *normalizer, lower, text []byte, spans []span, from int, term string, p *pattern) (span, bool) {
	for _, i := range termSpans(lower, spans, from, term) {
		norm := n.sentence(text, spans[i].start, spans[i].end)
		if isDefinition(norm) {
			continue
		}
		marked, ok := markTerm(norm, term)
		if !ok {
			continue
		}
		for _, re := range p.applied {
			if re.MatchString(marked) {
				return spans[i], true
			}
		}
	}
	return span{}, false
}

// termSpans returns, in order and each once, the indexes of the spans that
// hold term at or after byte from, found in lower (the text with ASCII case
// folded, as the normalizer folds it).
func termSpans(lower []byte, spans []span, from int, term string) []int {
	t := []byte(term)
	var out []int
	last := -1
	for at := from; at < len(lower); {
		k, size := indexTerm(lower[at:], t)
		if k < 0 {
			break
		}
		at += k
		i := sort.Search(len(spans), func(i int) bool { return spans[i].end > at })
		at += size
		if i == len(spans) || i == last || spans[i].start > at-size {
			continue
		}
		last = i
		out = append(out, i)
	}
	return out
}
