package identify

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// matcher is the knowledge base's fingerprints, gathered once per KB.
type matcher struct {
	entries []entry
	// byWord indexes every title by its first word, so that one pass over
	// the text's line starts finds all title lines.
	byWord map[string][]titleRef
}

type titleRef struct {
	entry int
	title string
}

type entry struct {
	lic *kb.License
	fp  kb.Fingerprint
}

var matchers sync.Map // *kb.KB -> *matcher

func compiled(k *kb.KB) *matcher {
	if m, ok := matchers.Load(k); ok {
		return m.(*matcher)
	}
	m := &matcher{byWord: map[string][]titleRef{}}
	for i := range k.Licenses {
		l := &k.Licenses[i]
		for _, fp := range l.Fingerprints {
			for _, t := range fp.Titles {
				w, _, _ := strings.Cut(t, " ")
				m.byWord[w] = append(m.byWord[w], titleRef{len(m.entries), t})
			}
			m.entries = append(m.entries, entry{lic: l, fp: fp})
		}
	}
	actual, _ := matchers.LoadOrStore(k, m)
	return actual.(*matcher)
}

// candidate is a knowledge-base entry whose fingerprint matched, located
// at its title.
type candidate struct {
	lic   *kb.License
	pos   int  // normalized offset of the title
	size  int  // title length
	opens bool // the title opens its line
	score int  // bytes of fingerprint matched: more is more specific
}

// lineCandidates finds the entries whose title opens a line, looking only
// at line starts: the cheap path, which settles almost every license file.
func lineCandidates(m *matcher, n *normText) []candidate {
	found := map[int]bool{}
	var out []candidate
	for k := range n.lines {
		p, end := int(n.lines[k]), int(n.ends[k])
		p = skipMarks(n.s, p, end)
		w := n.s[p:end]
		if i := strings.IndexByte(w, ' '); i >= 0 {
			w = w[:i]
		}
		for _, ref := range m.byWord[w] {
			if found[ref.entry] || !strings.HasPrefix(n.s[p:], ref.title) || end-(p+len(ref.title)) > titleSlack || p+len(ref.title) <= end && linkLabel(n.s[p+len(ref.title):end]) {
				continue
			}
			found[ref.entry] = true
			c := candidate{lic: m.entries[ref.entry].lic, pos: p, size: len(ref.title), opens: true}
			if checkPhrases(m.entries[ref.entry].fp, n, &c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// linkLabel reports the rest of a line after a title that makes the
// title a link's label: a colon and an address alone ("* Gemma Prohibited
// Use Policy: https://ai.google.dev/gemma/prohibited_use_policy", a list of
// the documents a text binds you to). Such a line names the document; it
// does not open it. A file that holds nothing but such a line is still
// that document's pointer (findCandidates).
func linkLabel(rest string) bool {
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, ":") {
		return false
	}
	rest = strings.TrimSpace(rest[1:])
	return (strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.")) && !strings.ContainsAny(rest, " \t")
}

// skipMarks skips the marks a title line may open with (Markdown, bullets,
// quotes, CJK brackets such as 《), stopping at the first letter or digit
// of any script, so that Chinese titles are found like English ones.
func skipMarks(s string, p, end int) int {
	for p < end {
		if c := s[p]; c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				return p
			}
			p++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[p:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return p
		}
		p += size
	}
	return p
}

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

// findCandidates searches every title anywhere in the text: the slow path,
// for files whose license is named only in running text.
func findCandidates(m *matcher, n *normText) []candidate {
	var out []candidate
	ix := titleIndex{n: n, at: map[string][]int{}}
	for _, e := range m.entries {
		c, ok := locate(e, &ix)
		if ok {
			out = append(out, c)
		}
	}
	return out
}

// locate checks one fingerprint against the text. The title chosen is the
// first occurrence that opens a line, else the first occurrence at all.
func locate(e entry, ix *titleIndex) (candidate, bool) {
	n := ix.n
	c := candidate{lic: e.lic, pos: -1}
	for _, t := range e.fp.Titles {
		pos, opens := ix.findTitle(t)
		if pos < 0 {
			continue
		}
		better := c.pos < 0 || opens && !c.opens || opens == c.opens && pos < c.pos
		if better {
			c.pos, c.size, c.opens = pos, len(t), opens
		}
	}
	if c.pos < 0 {
		return c, false
	}
	return c, checkPhrases(e.fp, n, &c)
}

// checkPhrases applies a fingerprint's All, Any and None phrases and scores
// the candidate by how much of the fingerprint matched.
func checkPhrases(fp kb.Fingerprint, n *normText, c *candidate) bool {
	c.score = c.size
	for _, p := range fp.All {
		if !strings.Contains(n.s, p) {
			return false
		}
		c.score += len(p)
	}
	if len(fp.Any) > 0 {
		found := false
		for _, p := range fp.Any {
			if strings.Contains(n.s, p) {
				found = true
				c.score += len(p)
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, p := range fp.None {
		if strings.Contains(n.s, p) {
			return false
		}
	}
	return true
}

// titleIndex finds titles in one normalized text. Most titles share their
// first word with others ("licensed under ...", "released under ..."), so
// the occurrences of each first word are found once and every title is
// only compared where its first word occurs: 256 searches of the whole
// text were a tenth of identification.
type titleIndex struct {
	n  *normText
	at map[string][]int // first word (with its blank) -> every offset, overlaps included
}

// findTitle returns the first occurrence of t that opens a line, else the
// first occurrence, else -1. Like a search for t from the end of the
// last occurrence tried, it skips occurrences overlapping that one.
func (ix *titleIndex) findTitle(t string) (int, bool) {
	w := t
	if i := strings.IndexByte(t, ' '); i > 0 {
		w = t[:i+1]
	}
	at, ok := ix.at[w]
	if !ok {
		for from := 0; ; {
			i := strings.Index(ix.n.s[from:], w)
			if i < 0 {
				break
			}
			at = append(at, from+i)
			from += i + 1
		}
		ix.at[w] = at
	}
	first, from := -1, 0
	for _, i := range at {
		if i < from || !strings.HasPrefix(ix.n.s[i:], t) {
			continue
		}
		if first < 0 {
			first = i
		}
		if ix.n.opensLine(i, len(t), titleSlack) {
			return i, true
		}
		from = i + len(t)
	}
	return first, false
}

// resolve keeps, per family and document type, the best candidate (one
// whose title opens a line, earliest, most specific), then drops every
// later candidate whose title does not open a line: a license mentioned by
// name inside another is not a second license. A policy needs a title
// line, since licenses name their policies in passing, unless it is the only
// candidate (a file that only points to a policy).
func resolve(cs []candidate) []candidate {
	best := map[string]int{}
	var kept []candidate
	for _, c := range cs {
		if c.lic.IsPolicy() && !c.opens && len(cs) > 1 {
			continue // a policy named in passing by a license (a lone pointer to a policy is that policy)
		}
		key := c.lic.Family + "\x00" + c.lic.Document
		i, seen := best[key]
		if !seen {
			best[key] = len(kept)
			kept = append(kept, c)
			continue
		}
		if better(c, kept[i]) {
			kept[i] = c
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].pos < kept[j].pos })
	out := kept[:0]
	for i, c := range kept {
		if i > 0 && !c.opens {
			continue
		}
		if len(out) > 0 && overlaps(out[len(out)-1], c) {
			if better(c, out[len(out)-1]) {
				out[len(out)-1] = c
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

func better(a, b candidate) bool {
	if a.opens != b.opens {
		return a.opens
	}
	if a.score != b.score && overlaps(a, b) {
		return a.score > b.score
	}
	if a.pos != b.pos {
		return a.pos < b.pos
	}
	return a.score > b.score
}

func overlaps(a, b candidate) bool {
	return a.pos < b.pos+b.size && b.pos < a.pos+a.size
}

// match turns a candidate into a Match. The first match of a file starts at
// the body's start (a provenance line or heading before the title belongs
// to it); later ones start at their title line.
func (c candidate) match(n *normText, textLen, bodyStart int, first bool) Match {
	m := Match{ID: c.lic.ID, Policy: c.lic.IsPolicy(), Source: "fingerprint", Confidence: 0.8}
	k := n.lineOf(c.pos)
	if c.opens {
		m.Confidence = 1
		m.TitleStart = n.orig(int(n.lines[k]))
		m.TitleEnd = n.origEnd(trimEnd(n.s, int(n.lines[k]), int(n.ends[k])), textLen)
		m.Start = lineStart(n, m.TitleStart)
	} else {
		m.TitleStart = n.orig(int(n.lines[0]))
		m.TitleEnd = n.origEnd(trimEnd(n.s, int(n.lines[0]), int(n.ends[0])), textLen)
		m.Start = m.TitleStart
	}
	if first {
		m.Start = bodyStart
	}
	return m
}

// lineStart returns the original offset where the line holding off begins:
// a later document starts with its title line's Markdown marks.
func lineStart(n *normText, off int) int {
	for off > 0 && n.src[off-1] != '\n' {
		off--
	}
	return off
}

func trimEnd(s string, start, end int) int {
	for end > start && s[end-1] == ' ' {
		end--
	}
	return end
}
