package clause

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// needs is what any match of one regular expression must contain: for
// each of its sets, at least one of the set's strings. A pattern's
// keywords only say that a sentence may hold one of its wordings; a
// wording such as "must ... give ... credit" is then tried with the
// backtracker across the whole sentence even when "give" is nowhere in
// it. Checking the wording's own required words first (strings.Contains,
// no allocation) skips those runs. It is a necessary condition only, so
// results are the same (TestNeedsNeverRejectAMatch).
type needs [][]string

// Limits that keep the check cheaper than the expression: sets of at most
// maxNeedAlts strings, each at least minNeedLen bytes long, at most
// maxNeedSets sets.
const (
	minNeedLen  = 3
	maxNeedAlts = 64
	maxNeedSets = 4
)

// may reports whether s holds something from every set of n. sk, unless
// nil, is the sketch of s: a string one of whose three-byte pieces it
// lacks is not looked for.
func (n needs) may(s string, sk *sketch) bool {
	for _, set := range n {
		found := false
		for _, w := range set {
			if sk.has(s, w) && strings.Contains(s, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sketch records which three-byte pieces one sentence holds, hashed into
// 4,096 bits. A sentence that is a candidate for a few patterns has
// dozens of guard strings looked for in it, most of them absent; each
// strings.Contains reads the whole sentence, while a string one of whose
// pieces the sketch lacks is absent for certain (a piece it has may be
// another piece's hash, so a string it allows is still looked for).
type sketch struct {
	bits   [64]uint64
	filled bool
}

// reset forgets the sentence: the next has fills it from its own.
func (sk *sketch) reset() {
	if sk != nil {
		sk.filled = false
	}
}

func gram(a, b, c byte) uint32 {
	return (uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9E3779B1 >> 20
}

// has reports whether s, the sentence sk sketches, may hold w (at least
// three bytes long); true when sk is nil.
func (sk *sketch) has(s, w string) bool {
	if sk == nil {
		return true
	}
	if !sk.filled {
		sk.fill(s)
	}
	for i := 0; i+3 <= len(w); i++ {
		if h := gram(w[i], w[i+1], w[i+2]); sk.bits[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// fill sketches s.
func (sk *sketch) fill(s string) {
	sk.bits = [64]uint64{}
	for i := 0; i+3 <= len(s); i++ {
		h := gram(s[i], s[i+1], s[i+2])
		sk.bits[h>>6] |= 1 << (h & 63)
	}
	sk.filled = true
}

// needsOf reads the required strings of expr; none when it cannot tell.
func needsOf(expr string) needs {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	sets := required(re.Simplify())
	// The sets most likely to fail first: fewest alternatives, then
	// longest shortest string.
	var out needs
	for _, s := range sets {
		if len(s) <= maxNeedAlts && shortest(s) >= minNeedLen {
			out = append(out, s)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && better(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	if len(out) > maxNeedSets {
		out = out[:maxNeedSets]
	}
	return out
}

func better(a, b []string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return shortest(a) > shortest(b)
}

func shortest(set []string) int {
	n := -1
	for _, w := range set {
		if n < 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}

// literal returns the text re matches when it is a plain literal: case
// sensitive, and with no U+FFFD (which also matches an invalid byte).
func literal(re *syntax.Regexp) (string, bool) {
	if re.Op != syntax.OpLiteral || re.Flags&syntax.FoldCase != 0 {
		return "", false
	}
	for _, r := range re.Rune {
		if r == utf8.RuneError {
			return "", false
		}
	}
	return string(re.Rune), true
}

// required returns sets of strings such that every match of re contains
// at least one string of each set. Sets may be weak (short strings); the
// caller keeps the useful ones.
func required(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if s, ok := literal(re); ok {
			return [][]string{{s}}
		}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var out [][]string
		run := ""
		flush := func() {
			if run != "" {
				out = append(out, []string{run})
				run = ""
			}
		}
		for _, sub := range re.Sub {
			if s, ok := literal(sub); ok {
				run += s
				continue
			}
			flush()
			out = append(out, required(sub)...)
		}
		flush()
		return out
	case syntax.OpAlternate:
		var union []string
		for _, sub := range re.Sub {
			best := bestSet(required(sub))
			if best == nil {
				return nil
			}
			union = append(union, best...)
		}
		if len(union) > maxNeedAlts {
			return nil
		}
		return [][]string{union}
	}
	return nil
}

// bestSet is the most selective of sets that is still usable, or nil.
func bestSet(sets [][]string) []string {
	var best []string
	for _, s := range sets {
		if len(s) > maxNeedAlts || shortest(s) < minNeedLen {
			continue
		}
		if best == nil || better(s, best) {
			best = s
		}
	}
	return best
}

// guarded is a compiled expression with what its matches need.
type guarded struct {
	*regexp.Regexp
	need needs
	// starts: every match starts with one of these strings, and, when
	// wordStart, at a word boundary before it. Most wordings open with
	// such a choice of words ("(?:must|shall|agrees? to)\b..."), which
	// gives the regexp package no literal prefix to seek: its backtracker
	// tries the expression at every byte of the sentence, which cost more
	// than the rest of the match. A search that starts at the first place
	// a match can start gives the same answer (startsOf says why).
	starts    []string
	wordStart bool
	// rest: the sets of need that the starts do not already imply (a
	// set one of whose strings every start holds), checked once a start
	// is found. A Match expression split per phrase of a class
	// (kb/lexicons.go) needs its own phrase, which the search for its
	// start looks for anyway.
	rest needs
	// anchored is the expression anchored at its start, run at each
	// start found, when the regexp package cannot seek the start itself:
	// when its program is too large for the package's backtracker (the
	// automaton it falls back to reads the whole rest of the sentence from
	// the first start, while a class alternation met at each start found
	// dies out within the expression's bounded gaps), and when it opens
	// with a choice of words or a word boundary (the backtracker, which
	// has no literal prefix to seek, tries the expression at every byte
	// from the first start on). Nil otherwise.
	anchored *anchor
}

// anchor is an expression anchored at its start, compiled on first use:
// most expressions never meet a sentence that holds one of their starts.
type anchor struct {
	once sync.Once
	expr string
	re   *regexp.Regexp
}

func (a *anchor) get() *regexp.Regexp {
	a.once.Do(func() { a.re = regexp.MustCompile(`^(?:` + a.expr + `)`) })
	return a.re
}

// maxBacktrackInsts is the size of program up to which the regexp
// package backtracks (regexp/backtrack.go); above it, it simulates the
// automaton over the whole input.
const maxBacktrackInsts = 500

func guard(re *regexp.Regexp) guarded {
	g := guarded{Regexp: re, need: needsOf(re.String())}
	g.starts, g.wordStart = startsOf(re.String())
	g.rest = g.need
	if g.starts != nil {
		g.rest = nil
		for _, set := range g.need {
			if !impliedBy(set, g.starts) {
				g.rest = append(g.rest, set)
			}
		}
		if len(g.starts) > 1 || g.wordStart || progSize(re.String()) > maxBacktrackInsts {
			g.anchored = &anchor{expr: re.String()}
		}
	}
	return g
}

// startGrams returns the hash of the first three bytes of each of g's
// starts, or nil when g has none or one is shorter: a sentence whose
// sketch lacks every one of them holds no start of g, so that from finds
// none (next skips a start the sketch lacks).
func (g guarded) startGrams() []uint16 {
	if g.starts == nil {
		return nil
	}
	hs := make([]uint16, len(g.starts))
	for i, w := range g.starts {
		if len(w) < 3 {
			return nil
		}
		hs[i] = uint16(gram(w[0], w[1], w[2]))
	}
	return hs
}

// startless is a list of guards' startGrams, flat: a pattern asks it
// which of its wordings may start in a sentence before asking each.
type startless struct {
	grams []uint16
	at    []int32 // guard i's grams: grams[at[i]:at[i+1]]; none when at[i] < 0
}

func newStartless(gs []guarded) startless {
	st := startless{at: make([]int32, len(gs)+1)}
	for i, g := range gs {
		hs := g.startGrams()
		if hs == nil {
			st.at[i] = -1
			continue
		}
		st.at[i] = int32(len(st.grams))
		st.grams = append(st.grams, hs...)
	}
	st.at[len(gs)] = int32(len(st.grams))
	return st
}

// none reports whether guard i surely finds no start in s, whose sketch
// is sk.
func (st *startless) none(i int, s string, sk *sketch) bool {
	a := st.at[i]
	if sk == nil || a < 0 {
		return false
	}
	b := st.at[i+1]
	for k := i + 1; b < 0; k++ {
		b = st.at[k+1]
	}
	if !sk.filled {
		sk.fill(s)
	}
	for _, h := range st.grams[a:b] {
		if sk.bits[h>>6]&(1<<(h&63)) != 0 {
			return false
		}
	}
	return true
}

// impliedBy reports whether every string of starts holds one of set.
func impliedBy(set, starts []string) bool {
	for _, w := range starts {
		if !slices.ContainsFunc(set, func(x string) bool { return strings.Contains(w, x) }) {
			return false
		}
	}
	return true
}

// progSize is the number of instructions of expr's program, as the
// regexp package compiles it (0 if it does not parse).
func progSize(expr string) int {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return 0
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return 0
	}
	return len(prog.Inst)
}

// from returns where in s the first match of g can start, or -1 when no
// match can.
func (g guarded) from(s string, sk *sketch) int {
	if g.starts == nil {
		if !g.need.may(s, sk) {
			return -1
		}
		return 0
	}
	first := g.next(s, 0, sk)
	if first < 0 || !g.rest.may(s[first:], sk) {
		return -1
	}
	return first
}

// next returns the first index from off on where a start of g is found
// (after a non-word byte when wordStart), or -1. sk is the sketch of s.
func (g guarded) next(s string, off int, sk *sketch) int {
	first := -1
	for _, w := range g.starts {
		lim := s
		if first == off {
			break
		} else if first > 0 {
			lim = s[:min(len(s), first-1+len(w))] // only an earlier start matters
		}
		if !sk.has(s, w) {
			continue
		}
		if i := indexAt(lim[off:], w, g.wordStart && off == 0); i >= 0 {
			if g.wordStart && off > 0 {
				i = indexAtWord(lim, off+i, w)
				if i < 0 {
					continue
				}
			} else {
				i += off
			}
			first = i
		}
	}
	return first
}

// nextStart returns the next place after i (a start) where a match of g
// can start, as next does, or -1 when the rest of s from there lacks
// something every match holds: the rest from any later start lacks it
// too.
func (g guarded) nextStart(s string, i int, sk *sketch) int {
	j := g.next(s, i+1, sk)
	if j < 0 || !g.rest.may(s[j:], sk) {
		return -1
	}
	return j
}

// indexAtWord is the first index of w in s from i on (where w is found)
// that follows no word byte, or -1.
func indexAtWord(s string, i int, w string) int {
	for {
		if !isWordByte(s[i-1]) {
			return i
		}
		k := strings.Index(s[i+1:], w)
		if k < 0 {
			return -1
		}
		i += 1 + k
	}
}

// indexAt is strings.Index(s, w), or when wordStart the first index that
// follows no word byte (as \b before a word byte requires).
func indexAt(s, w string, wordStart bool) int {
	off := 0
	for {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		if !wordStart || i == 0 || !isWordByte(s[i-1]) {
			return i
		}
		off = i + 1
	}
}

// isWordByte is \b's word character ([0-9A-Za-z_]); any byte of a
// multi-byte character is none, as the character is none.
func isWordByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// MatchString is re's, answering false without running it when s lacks
// something every match holds, and searching from where a match can start.
func (g guarded) MatchString(s string) bool { return g.matchIn(s, nil) }

// matchIn is MatchString of s, whose sketch is sk.
func (g guarded) matchIn(s string, sk *sketch) bool {
	i := g.from(s, sk)
	if i < 0 || g.anchored == nil {
		return i >= 0 && g.Regexp.MatchString(s[i:])
	}
	a := g.anchored.get()
	for ; i >= 0; i = g.nextStart(s, i, sk) {
		if a.MatchString(s[i:]) {
			return true
		}
	}
	return false
}

// FindStringSubmatchIndex is re's, likewise.
func (g guarded) FindStringSubmatchIndex(s string) []int { return g.findIn(s, nil) }

// findIn is FindStringSubmatchIndex of s, whose sketch is sk.
func (g guarded) findIn(s string, sk *sketch) []int {
	i := g.from(s, sk)
	if i < 0 {
		return nil
	}
	if g.anchored != nil {
		// The leftmost match starts at the first start where the
		// anchored expression matches, and is the one it finds there.
		a := g.anchored.get()
		for ; i >= 0; i = g.nextStart(s, i, sk) {
			if m := a.FindStringSubmatchIndex(s[i:]); m != nil {
				shiftMatch(m, i)
				return m
			}
		}
		return nil
	}
	m := g.Regexp.FindStringSubmatchIndex(s[i:])
	shiftMatch(m, i)
	return m
}

// FindStringIndex is re's, likewise.
func (g guarded) FindStringIndex(s string) []int {
	i := g.from(s, nil)
	if i < 0 {
		return nil
	}
	m := g.Regexp.FindStringIndex(s[i:])
	shiftMatch(m, i)
	return m
}

// findAllIn is FindAllStringSubmatchIndex of s, whose sketch is sk.
func (g guarded) findAllIn(s string, n int, sk *sketch) [][]int {
	i := g.from(s, sk)
	if i < 0 {
		return nil
	}
	all := g.Regexp.FindAllStringSubmatchIndex(s[i:], n)
	for _, m := range all {
		shiftMatch(m, i)
	}
	return all
}

// shiftMatch moves the bounds of m (a match of s[by:]) into s.
func shiftMatch(m []int, by int) {
	if by == 0 {
		return
	}
	for k, v := range m {
		if v >= 0 {
			m[k] = v + by
		}
	}
}

// maxStarts bounds the strings startsOf returns: one strings.Index each.
const maxStarts = 64

// startsOf returns strings one of which every match of expr starts with,
// and whether a word boundary (\b) comes before them; none when it cannot
// tell. A search of s[i:], where i is the first place such a string
// starts (after a non-word byte when wordStart), finds what a search of
// s finds, shifted by i: no match starts before i, and the expression
// reads nothing before its match but \b's one byte, which wordStart
// checks (every string starts with a word byte then).
func startsOf(expr string) ([]string, bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, false
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	wordStart := false
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 && re.Sub[0].Op == syntax.OpWordBoundary {
		wordStart = true
		re = re.Sub[1]
	}
	set := firstStrings(re)
	if set == nil && !wordStart {
		// "(?:\bnot|\bnever|\bprohibited from) ...": a choice whose
		// every branch opens with a word boundary is a word start too.
		set, wordStart = wordStarts(re)
	}
	if len(set) == 0 || len(set) > maxStarts {
		return nil, false
	}
	if wordStart {
		for _, w := range set {
			if !isWordByte(w[0]) {
				return nil, false
			}
		}
	}
	return set, wordStart
}

// wordStarts returns firstStrings of re when it opens with a choice
// each branch of which is a word boundary before such strings.
func wordStarts(re *syntax.Regexp) ([]string, bool) {
	if re.Op == syntax.OpConcat && len(re.Sub) > 0 {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpAlternate {
		return nil, false
	}
	var union []string
	for _, sub := range re.Sub {
		if sub.Op != syntax.OpConcat || len(sub.Sub) < 2 || sub.Sub[0].Op != syntax.OpWordBoundary {
			return nil, false
		}
		set := firstStrings(sub.Sub[1])
		if set == nil {
			return nil, false
		}
		union = append(union, set...)
	}
	return union, true
}

// firstStrings returns strings one of which every match of re starts
// with, or nil.
func firstStrings(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if s, ok := literal(re); ok && s != "" {
			return []string{s}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return firstStrings(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return firstStrings(re.Sub[0])
		}
	case syntax.OpConcat:
		if len(re.Sub) > 0 {
			return firstStrings(re.Sub[0])
		}
	case syntax.OpAlternate:
		var union []string
		for _, sub := range re.Sub {
			set := firstStrings(sub)
			if set == nil {
				return nil
			}
			union = append(union, set...)
		}
		return union
	}
	return nil
}
