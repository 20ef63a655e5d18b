package identify

import (
	"regexp"
	"slices"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// Changed wording: a standard text with a word taken out of its grant
// ("sell" gone from MIT's list of rights) or a few words put in ("for
// non-commercial purposes only" instead of "without restriction") no longer
// matches its licensecheck template, yet adds too few words for altered's
// added lines. Such a text is read word by word against the template as a
// graph of every wording it allows (each alternative, each optional part
// left in or out, a wildcard taking words of the file's own): where no
// wording can go on with the text's next word, the text departs from the
// license, and the sentence around that place is the change.

// wordingsOf returns licensecheck's template id as a word graph, built on
// first use (only texts that licensecheck does not match ask).
func wordingsOf(id string) *wordGraph {
	templatesMu.Lock()
	defer templatesMu.Unlock()
	if g, ok := graphs[id]; ok {
		return g
	}
	var g *wordGraph
	if lre := lreOf(id); lre != "" {
		alts, _ := parseLRE(lreToken.FindAllString(lreComment.ReplaceAllString(lre, " "), -1), 0)
		g = &wordGraph{}
		g.alts(alts, false)
		g.index()
	}
	if graphs == nil {
		graphs = map[string]*wordGraph{}
	}
	graphs[id] = g
	return g
}

var graphs map[string]*wordGraph // by licensecheck id, guarded by templatesMu

// wordGraph is a template as a graph of its words: an edge from a word to
// each word that may follow it in some wording (a Glushkov automaton). A
// wildcard is a node that takes any word.
type wordGraph struct {
	hash   []uint64 // the word of each node; wild for a wildcard
	follow [][]int
	// starts finds where a triple of words (no wildcard) is in the graph:
	// the nodes it may start at, to pick up the thread after a change.
	starts map[uint64][]int
	vocab  map[uint64]bool // every word of the template
}

const wild = 0

// leaf adds a word, or a wildcard as a chain of as many nodes as it
// takes words at most, each one optional.
func (g *wordGraph) leaf(n lreNode) (first, last []int, nullable bool) {
	if n.word != "_" {
		h := uint64(wild) // "*": one word of a wildcard
		if n.word != "*" {
			h = wordHash(n.word)
		}
		g.hash = append(g.hash, h)
		g.follow = append(g.follow, nil)
		return []int{len(g.hash) - 1}, []int{len(g.hash) - 1}, false
	}
	chain := make([]lreNode, max(1, n.n))
	for i := range chain {
		chain[i] = lreNode{alts: [][]lreNode{{{word: "*"}}}, opt: true}
	}
	return g.seq(chain)
}

// seq adds a sequence of nodes and returns its first and last words and
// whether it may be empty.
func (g *wordGraph) seq(ns []lreNode) (first, last []int, nullable bool) {
	nullable = true
	for _, n := range ns {
		var f, l []int
		var e bool
		if n.alts == nil {
			f, l, e = g.leaf(n)
		} else {
			f, l, e = g.alts(n.alts, n.opt)
		}
		for _, x := range last {
			g.follow[x] = append(g.follow[x], f...)
		}
		if nullable {
			first = append(first, f...)
		}
		if e {
			last = append(last, l...)
		} else {
			last = slices.Clone(l)
		}
		nullable = nullable && e
	}
	return first, last, nullable
}

// alts adds a group of alternatives.
func (g *wordGraph) alts(alts [][]lreNode, opt bool) (first, last []int, nullable bool) {
	nullable = opt
	for _, a := range alts {
		f, l, e := g.seq(a)
		first, last, nullable = append(first, f...), append(last, l...), nullable || e
	}
	return first, last, nullable
}

// index fills starts and vocab.
func (g *wordGraph) index() {
	g.starts = map[uint64][]int{}
	g.vocab = map[uint64]bool{}
	for a, ha := range g.hash {
		g.vocab[ha] = true
		for _, b := range g.follow[a] {
			for _, c := range g.follow[b] {
				if hb, hc := g.hash[b], g.hash[c]; ha != wild && hb != wild && hc != wild {
					k := tripleOf(ha, hb, hc)
					if !slices.Contains(g.starts[k], a) {
						g.starts[k] = append(g.starts[k], a)
					}
				}
			}
		}
	}
}

func tripleOf(a, b, c uint64) uint64 { return a*31*31 + b*31 + c }

// wordHash hashes a lower-case word as words does.
func wordHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i]|0x20)) * 1099511628211
	}
	return h
}

// departures returns the ranges of words of ws, from fw to lw, where the
// text leaves every wording of the graph: from the last word a wording
// took to the word where one takes up the text again. A wording must
// have followed the text for minSync words on both sides: three words
// of the template in a file's own sentence ("subject to the") are no
// standard text to depart from.
func (g *wordGraph) departures(ws []word, fw, lw int, anchored bool) []departure {
	const minSync = 6
	var out []departure
	var state, next []int
	lost, since := -1, fw // the first word no wording took; where the text was last taken up
	if anchored {
		since -= minSync // the text opens as the license does: a change in its first words counts
	}
	pending := departure{from: -1}
	for i := fw; i <= lw; i++ {
		next = next[:0]
		for _, x := range state {
			for _, y := range g.follow[x] {
				if (g.hash[y] == ws[i].hash || g.hash[y] == wild) && !slices.Contains(next, y) {
					next = append(next, y)
				}
			}
		}
		if len(next) == 0 {
			switch {
			case len(state) > 0 && pending.from >= 0 && i-since < minSync:
				lost, pending = pending.lost, departure{from: -1} // lost again soon: one departure
			case len(state) > 0 && lost < 0 && i-since >= minSync:
				lost = i // a wording followed the text up to here
			}
			if i+2 < len(ws) {
				next = append(next, g.starts[triple(ws, i)]...)
			}
			if len(next) > 0 {
				if lost >= 0 {
					pending, lost = departure{from: max(fw, lost-1), to: i, lost: lost}, -1
				}
				if i > fw || !anchored {
					since = i
				}
			}
		}
		if pending.from >= 0 && i-since >= minSync {
			out, pending = append(out, pending), departure{from: -1}
		}
		state, next = next, state
	}
	if pending.from >= 0 {
		out = append(out, pending)
	}
	return out
}

// departure is where a text leaves a template: the words from..to (the
// last word a wording took to the first one took again), of which
// lost..to-1 no wording took.
type departure struct{ from, to, lost int }

// own returns the distinct words of a departure that no wording of the
// template has anywhere.
func (g *wordGraph) own(ws []word, d departure) []uint64 {
	var out []uint64
	for _, w := range ws[d.lost:d.to] {
		if !g.vocab[w.hash] && !slices.Contains(out, w.hash) {
			out = append(out, w.hash)
		}
	}
	return out
}

// renamings returns the words that are, alone, what departs from the
// template in more than one place: a text that says "the Model" wherever
// MIT says "the Software" names what it licenses otherwise and changes no
// term, where words put in once ("for non-commercial purposes only") do.
func (g *wordGraph) renamings(ws []word, ds []departure) map[uint64]bool {
	n := map[uint64]int{}
	for _, d := range ds {
		if o := g.own(ws, d); len(o) == 1 {
			n[o[0]]++
		}
	}
	out := map[uint64]bool{}
	for h, c := range n {
		if c > 1 {
			out[h] = true
		}
	}
	return out
}

// changed is a sentence where a text departs from its template; binds
// tells whether the words put in there bind (termWords), own how many
// words were put in.
type changed struct {
	Span
	binds bool
	own   int // words no wording took
}

// overlapsAny reports whether s shares a byte with one of spans.
func overlapsAny(spans []Span, s Span) bool {
	for _, x := range spans {
		if s.Start < x.End && x.Start < s.End {
			return true
		}
	}
	return false
}

// changedSentences returns the sentences of text, between the words fw
// and lw (the standard text), where it departs from every wording g
// allows, leaving out those that overlap skip (added lines already
// found). anchored: the text opens with the license's opening words, so
// that a change among its first words is one too.
func changedSentences(text []byte, ws []word, fw, lw int, anchored bool, g *wordGraph, skip []Span) []changed {
	if g == nil {
		return nil
	}
	var out []changed
	ds := g.departures(ws, fw, lw, anchored)
	renamed := g.renamings(ws, ds)
	for _, d := range ds {
		if o := g.own(ws, d); len(o) == 1 && renamed[o[0]] {
			continue
		}
		s := departureSentence(text, ws, d, fw, lw)
		if overlapsAny(skip, s) {
			// A departure that runs on into added lines (a sentence put at
			// the end of a standard section, right above a section of the
			// file's own) is a change up to where they start, when its
			// sentence is not theirs.
			var ok bool
			if d, ok = cutAt(ws, d, skip); !ok {
				continue
			}
			if s = departureSentence(text, ws, d, fw, lw); overlapsAny(skip, s) {
				continue
			}
		}
		if shouting(text[s.Start:s.End]) || capitalsOnly(text[ws[d.lost].start:ws[min(d.to, len(ws)-1)].end]) {
			// A disclaimer: no term. Its words put in or left out
			// ("THIS IS PROVIDED" for "THIS SOFTWARE IS PROVIDED" in a
			// BSD text) may sit in a sentence that starts with the
			// condition above it, when the text runs them together.
			continue
		}
		// The words no wording took, from the first to the last: a
		// definition put in binds through the terms that use it. Words
		// put in bind only when some are the file's own: a list numbered
		// otherwise ("3. You must cause ..." where the license has "(b)
		// You must cause ...") departs with the template's words alone.
		binds, own := false, 0
		if d.to > d.lost && !definition(text[ws[d.lost].start:ws[d.to-1].end]) {
			// A sentence put in may be made of the template's words alone
			// ("You will indemnify and hold harmless the Licensor ..."):
			// as many words as a condition counts too.
			binds, own = (len(g.own(ws, d)) > 0 || d.to-d.lost >= minAlteredWords) && termWords.Match(text[ws[d.lost].start:ws[d.to-1].end]), d.to-d.lost
		}
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			out[n-1].binds = out[n-1].binds || binds
			out[n-1].own += own
			continue
		}
		out = append(out, changed{s, binds, own})
	}
	return out
}

// departureSentence returns the sentence where d departs, within the
// words fw..lw; when the words no wording took begin or end a sentence,
// the sentence ends there: a sentence put after a standard one ("...
// portions of the Software. The Software may not be used for military
// purposes.") is taken up again by the next standard sentence, which is
// not part of the change.
func departureSentence(text []byte, ws []word, d departure, fw, lw int) Span {
	start, end := ws[d.from].start, ws[min(d.to, len(ws)-1)].end
	if d.to > d.lost && d.lost > d.from && clauseEnd.Match(text[ws[d.from].end:ws[d.lost].start]) {
		start = ws[d.lost].start
	}
	if d.to > d.lost && d.to < len(ws) && clauseEnd.Match(text[ws[d.to-1].end:ws[d.to].start]) {
		end = ws[d.to-1].end
	}
	return sentenceAround(text, start, end, ws[fw].start, ws[lw].end)
}

// cutAt ends d before the first of skip that starts after its first
// word no wording took, or returns ok false when no word of its own is
// left before it.
func cutAt(ws []word, d departure, skip []Span) (departure, bool) {
	cut := -1
	for _, x := range skip {
		if x.Start > ws[d.lost].start && (cut < 0 || x.Start < cut) {
			cut = x.Start
		}
	}
	if cut < 0 {
		return d, false
	}
	to := d.lost
	for to < d.to && ws[to].end <= cut {
		to++
	}
	if to == d.lost {
		return d, false
	}
	d.to = to
	return d, true
}

// clauseEnd ends a sentence, or a clause that leads into a list.
var clauseEnd = regexp.MustCompile(`[.;:](?:\s|$)|\n[ \t]*\r?\n`)

// sentenceAround returns the sentence holding [start, end), within
// [lo, hi), without surrounding white space.
func sentenceAround(text []byte, start, end, lo, hi int) Span {
	s := lo
	for _, loc := range clauseEnd.FindAllIndex(text[lo:start], -1) {
		s = lo + loc[1]
	}
	e := hi
	if loc := clauseEnd.FindIndex(text[end:hi]); loc != nil {
		e = end + loc[0] + 1
	}
	for s < e && isSpace(text[s]) {
		s++
	}
	for e > s && isSpace(text[e-1]) {
		e--
	}
	return Span{s, e}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// changedInMatch adds to added (the lines of a file's own around a whole
// licensecheck match) the sentences inside the match where the text
// departs from every wording of the template and the words put in bind
// (changedSentences): licensecheck matches a license in pieces and lets
// a few words differ inside one ("You can not reproduce" for "You may
// reproduce"), so a sentence put at the end of a standard section ("You will indemnify
// ... ") or a limit put into a grant shares its lines with the standard
// text, and addedTerms, which reads whole lines, does not see it. Only
// words that bind count: a text that fills a placeholder or calls the
// Software otherwise changes no term. covered is the match, trimmed to
// the standard text (trimCovered).
func changedInMatch(text []byte, covered, added []Span, l *kb.License) []Span {
	if len(covered) == 0 || len(l.Licensecheck) == 0 {
		return added
	}
	g := wordingsOf(l.Licensecheck[0])
	if g == nil {
		return added
	}
	lo, hi := covered[0].Start, covered[0].End
	for _, c := range covered {
		lo, hi = min(lo, c.Start), max(hi, c.End)
	}
	ws := words(text)
	fw, _ := slices.BinarySearchFunc(ws, lo, func(w word, off int) int { return w.start - off })
	lw, _ := slices.BinarySearchFunc(ws, hi, func(w word, off int) int { return w.end - off })
	if lw >= len(ws) || ws[lw].end > hi {
		lw--
	}
	if fw >= lw {
		return added
	}
	var changes []Span
	for _, c := range changedSentences(text, ws, fw, lw, opensAsLicense(ws[fw:], l), g, added) {
		if c.binds && !namesBase(text[c.Start:c.End], l) {
			changes = append(changes, c.Span)
		}
	}
	if len(changes) == 0 {
		return added
	}
	out := append(slices.Clone(added), joinAdjacent(text, changes)...)
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	return out
}

// capitalsOnly reports text with letters, none of them lower case: words
// of a disclaimer written in capitals.
func capitalsOnly(b []byte) bool {
	letters := false
	for _, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			letters = true
		}
	}
	return letters
}
