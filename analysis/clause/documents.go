package clause

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/modelcard"
)

// Documents a clause binds you to.
//
// A policy pulled in by reference is a relation that binds you ("subject
// to", "comply with", "adhere to", "governed by", "遵守") over a document
// (a policy, terms of use, guidelines, a code of conduct, another
// license, 《服务协议》) that is not this text itself ("this Agreement",
// "the License", "本协议"), in the same clause; or a document followed by
// a relation that makes it part of this text ("..., which is incorporated
// by reference", "……纳入本协议", "受《X》约束"). Relations, document heads
// and the words of self-reference are lexicons (lexicons.yaml). A mere
// pointer ("see X for details") binds nobody: it has no relation.

// maxDocumentGap is how far after its relation a document's head may
// stand ("subject to the terms and conditions of the Qwen Community
// License Agreement"); maxAfterGap how far before a following relation
// (", which is hereby incorporated by reference").
const (
	maxDocumentGap = 200
	maxAfterGap    = 80
)

// compileDocument compiles the expressions of a pattern that binds you to
// a document.
func (p *pattern) compileDocument() error {
	var err error
	if p.document, err = regexp.Compile(p.Document); err != nil {
		return fmt.Errorf("clauses.yaml: %s: document: %w", p.ID, err)
	}
	if p.Self != "" {
		if p.self, err = regexp.Compile(p.Self); err != nil {
			return fmt.Errorf("clauses.yaml: %s: self: %w", p.ID, err)
		}
	}
	for _, a := range p.DocumentAfter {
		re, err := regexp.Compile(a)
		if err != nil {
			return fmt.Errorf("clauses.yaml: %s: document_after: %w", p.ID, err)
		}
		p.after = append(p.after, guard(re))
	}
	return nil
}

// findDocument returns the first relation of norm that binds you to
// another document, as a match from the relation to the document's head
// whose group 1 ("doc") is the document's words. The relations are found
// first (their expressions start with literal words the guards seek);
// heads are looked for only in the stretch of the sentence the relations
// reach, most sentences that name a relation holding none.
func (p *pattern) findDocument(norm string, sk *sketch) (*expr, []int) {
	rels := make([][][]int, len(p.match))
	lo, hi := len(norm), 0
	for i := range p.match {
		if i < len(p.matchWords) && p.matchWords[i] != nil {
			rels[i] = scanWords(norm, p.matchWords[i], norm, sk)
		} else {
			rels[i] = p.match[i].re.findAllIn(norm, -1, sk)
		}
		for _, r := range rels[i] {
			lo, hi = min(lo, r[1]), max(hi, min(len(norm), r[1]+maxDocumentGap+documentTail))
		}
	}
	afters := make([][][]int, len(p.after))
	for i, a := range p.after {
		if i < len(p.afterWords) && p.afterWords[i] != nil {
			afters[i] = scanWords(norm, p.afterWords[i], norm, sk)
		} else {
			afters[i] = a.findAllIn(norm, -1, sk)
		}
		for _, r := range afters[i] {
			lo, hi = min(lo, max(0, r[0]-maxAfterGap-documentTail)), max(hi, r[0])
		}
	}
	if lo >= hi {
		return nil, nil
	}
	var heads [][]int
	if p.documentWords != nil {
		heads = scanWords(norm[lo:hi], p.documentWords, norm, sk)
	} else {
		heads = p.document.FindAllStringIndex(norm[lo:hi], -1)
	}
	if heads == nil {
		return nil, nil
	}
	for _, h := range heads {
		h[0], h[1] = h[0]+lo, h[1]+lo
	}
	for i := range p.match {
		e := &p.match[i]
		for ri, r := range rels[i] {
			end, from := clauseEnd(norm, r[1]), r[1]
			for _, h := range heads {
				if h[0] < r[1] {
					continue
				}
				// a later relation begins its own object ("subject to this
				// License ... and in accordance with the License")
				for _, r2 := range rels[i][ri+1:] {
					if r2[1] <= h[0] && r2[0] >= from {
						from = r2[1]
					}
				}
				if h[0] >= end || h[0]-r[1] > maxDocumentGap || objectEnds(norm[from:h[0]], objectBreaks) {
					break
				}
				if ds, ok := p.otherDocument(norm, from, h); ok {
					return e, []int{r[0], h[1], ds, h[1]}
				}
				from = h[1]
			}
		}
	}
	for _, as := range afters {
		for _, r := range as {
			start := clauseStart(norm, r[0])
			for k := len(heads) - 1; k >= 0; k-- {
				h := heads[k]
				if h[1] > r[0] {
					continue
				}
				if h[0] < start || r[0]-h[1] > maxAfterGap || objectEnds(norm[h[1]:r[0]], subjectBreaks) {
					break
				}
				from := start
				if k > 0 && heads[k-1][1] > from {
					from = heads[k-1][1]
				}
				if ds, ok := p.otherDocument(norm, from, h); ok {
					return &p.match[0], []int{ds, r[1], ds, h[1]}
				}
				break // the nearest document is the one the relation names
			}
		}
	}
	return nil, nil
}

// otherDocument reports whether the head at h, whose phrase may begin at
// from (after the relation or the document before it), names a document
// other than this text, and where its words begin. The phrase begins after
// the last conjunction before the head ("this Agreement and the Acceptable
// Use Policy": the policy's phrase is "the acceptable use policy"). It is
// this text when a word of Self stands in it ("the terms of this
// Agreement", "本协议") or just after the head ("the terms hereof"); it is
// no particular document when only determiners stand before a one-word
// head and nothing after it says which ("comply with applicable laws and
// policies", "the License").
func (p *pattern) otherDocument(norm string, from int, h []int) (int, bool) {
	from += lastPhrase(norm[from:h[0]])
	phrase := norm[from:h[0]]
	if strings.Contains(phrase, "(\"") || strings.Contains(phrase, "(“") {
		return 0, false // a name this text gives itself: (the "Public License")
	}
	after := norm[h[1]:min(len(norm), h[1]+documentTail)]
	if p.self != nil && (p.self.MatchString(phrase) || p.self.MatchString(norm[from:h[1]]) || selfAfter.MatchString(after)) {
		return 0, false
	}
	// The document's words begin after the determiners and the words of
	// its parts ("the terms and conditions of the Llama 3 Community
	// License": "Llama 3 Community License").
	ds := from
	for ds < h[0] {
		k := strings.IndexByte(norm[ds:h[0]], ' ')
		if k < 0 || !determiners[norm[ds:ds+k]] && k > 0 {
			break
		}
		ds += k + 1
	}
	head := norm[h[0]:h[1]]
	if strings.ContainsAny(head, " 《") || named(phrase) && !bareHeads[head] || documentComplement.MatchString(after) && !(p.self != nil && p.self.MatchString(after)) {
		return ds, true
	}
	return 0, false
}

// documentCuts end the phrase of the document before a head: a list's
// conjunctions and commas.
var documentCuts = []string{", ", " and ", " or ", " and/or ", " as well as ", "、", "，", "和", "及", "以及", "或"}

// lastPhrase returns where the last document's phrase in phrase begins:
// after the last of documentCuts, each cut tried in turn on what the ones
// before it left ("this Agreement and the Acceptable Use Policy": "the
// acceptable use policy").
func lastPhrase(phrase string) int {
	off := 0
	for _, c := range documentCuts {
		if k := strings.LastIndex(phrase[off:], c); k >= 0 {
			off += k + len(c)
		}
	}
	return off
}

// documentTail is how many bytes after a head are read for what says
// which document it is, or that it is this text.
const documentTail = 40

// selfAfter: words after a head that make it this text ("the terms
// hereof", "the agreement below").
var selfAfter = regexp.MustCompile(`^ ?(?:hereof|herein|hereunder|hereto|below|above)\b`)

// documentComplement: what after a one-word head says which document it
// is: whose or what for ("the license of the underlying datasets"), where
// ("the policy at https://..."), who publishes it ("policies that Acme
// makes available").
var documentComplement = regexp.MustCompile(`^ ?(?:of|for|governing|applicable to|at|available|published|posted|hosted|located|found|that|which|issued|provided|made available|\(|\[|<|https?:|www\.)`)

// determiners say of a document only that there is one.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "any": true, "all": true, "applicable": true, "relevant": true,
	"such": true, "other": true, "additional": true, "respective": true, "corresponding": true, "same": true, "each": true, "every": true,
	"your": true, "its": true, "their": true, "own": true, "terms": true, "conditions": true, "provisions": true, "restrictions": true,
	"obligations": true, "requirements": true, "of": true, "to": true, "under": true, "by": true, "with": true, "in": true, "limited": true,
	"open": true, "source": true, "software": true, "third-party": true, "third": true, "party": true, "legal": true,
	"相关": true, "适用": true, "适用的": true, "有关": true, "其他": true, "其它": true, "任何": true, "相应": true, "的": true}

// bareHeads name a document only with what follows them ("the license
// of the underlying datasets"): before them a name is as often a
// standard license's ("subject to the MIT License") or a description
// ("third-party licenses") as a document that binds you; the documents
// that do ("the Llama 2 Community License", "Acme's Acceptable Use
// Policy") have a head of two words in the lexicon.
var bareHeads = map[string]bool{"license": true, "licence": true, "licenses": true, "licences": true, "agreement": true, "policies": true}

// named reports whether the words before a head name the document: a
// word that is no determiner ("the Llama 2 Acceptable Use Policy", "our
// policies", "xAI's policy", "《", "腾讯的").
func named(phrase string) bool {
	for _, w := range strings.FieldsFunc(phrase, func(r rune) bool { return r == ' ' || r == '"' || r == '(' || r == ')' || r == '[' || r == ']' }) {
		if !determiners[w] {
			return true
		}
	}
	return false
}

// objectEnds reports whether the words between a relation (or the
// document before) and a head hold the start of another clause, so that
// the head is no object of the relation: "Subject to the terms of this
// License, each Contributor hereby grants to You a license".
func objectEnds(gap string, breaks []string) bool {
	g := " " + gap + " "
	for _, w := range breaks {
		if strings.Contains(g, w) {
			return true
		}
	}
	return false
}

// objectBreaks are words that begin a clause of their own: a subject, a
// modal, a finite verb.
var objectBreaks = []string{" you ", " we ", " i ", " licensor ", " licensee ", " hereby ", " grants ", " grant ", " shall ", " will ", " may ", " must ", " can ", " is ", " are ", " was ", " were ", " which ", " who ",
	"您", "我们", "授予", "应当", "可以", "是"}

// subjectBreaks are the subjects that begin a clause of their own between
// a document and a relation after it ("This Agreement is a legal
// agreement between you and Acme and governs your use").
var subjectBreaks = []string{" you ", " we ", " licensor ", " licensee ", "您", "我们"}

// clauseEnd returns where the clause holding byte i of norm ends: at a
// semicolon or a full stop (not the dot of an address or a number).
func clauseEnd(norm string, i int) int {
	for j := i; j < len(norm); j++ {
		switch norm[j] {
		case ';':
			return j
		case '.':
			if j+1 == len(norm) || norm[j+1] == ' ' {
				return j
			}
		case 0xe3: // 。；
			if strings.HasPrefix(norm[j:], "。") || strings.HasPrefix(norm[j:], "；") {
				return j
			}
		case 0xef:
			if strings.HasPrefix(norm[j:], "；") {
				return j
			}
		}
	}
	return len(norm)
}

// clauseStart returns where the clause holding byte i of norm begins.
func clauseStart(norm string, i int) int {
	for j := i - 1; j >= 0; j-- {
		switch norm[j] {
		case ';':
			return j + 1
		case '.':
			if j+1 < len(norm) && norm[j+1] == ' ' {
				return j + 1
			}
		}
		if strings.HasSuffix(norm[:j+1], "。") || strings.HasSuffix(norm[:j+1], "；") {
			return j + 1
		}
	}
	return 0
}

// titleSpan is how many bytes at a text's start are read for its title.
const titleSpan = 300

// titleLine returns the first line of text that holds words, its title
// when it has one: a name given there is this text's own.
func titleLine(text []byte) string {
	head := string(text[:min(len(text), titleSpan)])
	for _, l := range strings.Split(head, "\n") {
		if l = strings.TrimSpace(l); hasWord([]byte(l)) || hasHan(l) {
			// The title is no sentence of the text: a line that ends a
			// sentence is a clause ("您须遵循……。").
			if strings.HasSuffix(l, ".") || strings.HasSuffix(l, "。") {
				return ""
			}
			return l
		}
	}
	return ""
}

// dropSelfNamed drops the hits that bind you to a document named as this
// text names itself in its title ("# Mistral AI Research License" above
// "... in accordance with the Mistral AI Research License"): that is this
// text, not another document. So is a document whose name says it is
// this text ("The Data is not licensed under this License Agreement"),
// and one whose name a definition gives to this text ("\"Agreement\" or
// \"Gemma Terms of Use\" means these terms and conditions ...").
func dropSelfNamed(text []byte, hits []Hit) []Hit {
	out := hits[:0]
	var title string
	for _, h := range hits {
		doc, _ := h.Data["document"].(string)
		if h.Code == policyCode && doc != "" && (selfDocument.MatchString(doc) || definesSelf(text[h.Start:h.End], doc)) {
			continue
		}
		if h.Code == policyCode && doc != "" && (h.Pattern == "bound-to-document" || h.Pattern == "zh-bound-to-document") {
			if title == "" {
				title = strings.ToLower(titleLine(text))
			}
			name := strings.ToLower(strings.Trim(strings.TrimPrefix(doc, "the "), "\"“”《》 "))
			if len(name) >= 8 && strings.Contains(title, name) {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// dropFrontMatter drops the references inside a text's leading front
// matter ("---\nkey: ...\ntext_urls:\n  - https://...\n---"): metadata
// about the text, where it was found, not a clause of it.
func dropFrontMatter(text []byte, hits []Hit) []Hit {
	end := modelcard.End(text)
	if end == 0 {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		if h.Code == policyCode && h.End <= end {
			continue
		}
		out = append(out, h)
	}
	return out
}

// selfDocument is a document's name that says it is this text: "this
// License Agreement", "these Terms of Use", "本协议".
var selfDocument = regexp.MustCompile(`(?i)^(?:this|these|the present|本|此)(?:\s|$|[^\x00-\x7f])`)

// selfDefinition is a definition that names this text: its defined terms
// in quotes, then "means this ..." or "refers to these ...".
var selfDefinition = regexp.MustCompile(`(?i)^[^a-z0-9]{0,12}["“]([^"”]{1,120})["”](?:[^.;:]{0,80}?["“]([^"”]{1,120})["”])?[^.;:]{0,20}?\b(?:means|shall mean|refers to|is) (?:this|these|the present)\b`)

// definesSelf reports whether sentence defines doc as a name of this
// text.
func definesSelf(sentence []byte, doc string) bool {
	s := strings.ReplaceAll(string(sentence), "*", "")
	m := selfDefinition.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	d := strings.ToLower(doc)
	return strings.Contains(strings.ToLower(m[1]), d) || strings.Contains(strings.ToLower(m[2]), d)
}
