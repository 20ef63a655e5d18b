package identify

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/google/licensecheck"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// Altered standard licenses: licensecheck matches a standard license only
// when its whole template is there, so an MIT text with a condition written
// into it ("No portion of the Software ... may be used for commercial
// purposes" between the grant and the notice condition), or Apache-2.0 with
// a section added and its title changed, matches nothing and used to be
// read as an unknown license. altered compares such a text with the
// templates of the standard licenses that are read whole (kb Whole) word
// by word: when most of one template's word sequences are there, the text
// is that license, and the lines made mostly of words the template does
// not have in that order are the terms added to it.
const (
	// minTemplateShare is the least share of the word triples of a
	// template's fullest wording that a text must hold to be considered an
	// altered copy of it; minAlteredScore the least product of that share
	// and the share of the words in the template's span of the text that are
	// the template's. Faithful copies score 0.6-1 on the first; copies
	// with a condition or a section written in score 0.43-0.73 on the
	// product, an abridged copy (sections dropped or rewritten, a preamble
	// and sections of its own: the NVIDIA Open Model Agreement) 0.37,
	// custom licenses that borrow Apache-2.0's definitions and disclaimers
	// or MIT's warranty paragraph at most 0.32.
	minTemplateShare = 0.45
	minAlteredScore  = 0.36
	// minWholeShare is the share from which a text is a short license
	// (MIT, BSD, ISC: maxShortTemplate triples at most) however much it
	// adds: most of the template is there, its grant and conditions with
	// its disclaimer (a borrowed disclaimer is less), and a text that adds
	// three sections to so short a license holds more words of its own
	// than of the license's. A long license (Apache-2.0) with that much of
	// its text and more of the file's own is a custom license built on it.
	minWholeShare    = 0.6
	maxShortTemplate = 500
	// maxAlteredBytes bounds the texts compared (standard licenses with
	// added terms are a few kilobytes).
	maxAlteredBytes = 64 << 10
	// minAlteredWords is the least number of words written into a
	// standard text for it to be modified: fewer than addedTerms asks of
	// text around one, as a condition inside the license is one sentence.
	minAlteredWords = 12
)

// word is one lower-case ASCII word of a text and where it is.
type word struct {
	start, end int
	hash       uint64
}

// words splits text into lower-case ASCII words (letters and digits); any
// other byte separates them.
func words(text []byte) []word {
	var out []word
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j, h := i, uint64(14695981039346656037)
		for ; j < len(text) && isWordByte(text[j]); j++ {
			h = (h ^ uint64(text[j]|0x20)) * 1099511628211
		}
		out = append(out, word{i, j, h})
		i = j
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func triple(ws []word, i int) uint64 {
	return ws[i].hash*31*31 + ws[i+1].hash*31 + ws[i+2].hash
}

// template is the set of word triples of one licensecheck template.
type template map[uint64]bool

var (
	templatesMu sync.Mutex
	templates   map[string]template // by licensecheck id, parsed on first use
	lres        map[string]string   // licensecheck's templates by id
)

// lreComment and lreToken read licensecheck's template language: comments,
// groups "((a || b))" (optional when "??" follows), wildcards "__5__" and
// words.
var (
	lreComment = regexp.MustCompile(`(?s)//\*\*.*?\*\*//`)
	lreToken   = regexp.MustCompile(`\(\(|\)\)|\?\?|\|\||__\d+__|[A-Za-z0-9]+`)
)

// lreNode is a parsed template: a word, or a group of alternatives.
type lreNode struct {
	word string
	alts [][]lreNode
	opt  bool // an optional group ("((sell))??")
	n    int  // a wildcard's most words ("__5__")
}

// parseLRE parses the tokens of a template from i up to the end of the
// enclosing group; it returns the alternatives read and where it stopped.
func parseLRE(toks []string, i int) ([][]lreNode, int) {
	alts := [][]lreNode{nil}
	for i < len(toks) {
		switch t := toks[i]; {
		case t == "((":
			g, j := parseLRE(toks, i+1)
			alts[len(alts)-1] = append(alts[len(alts)-1], lreNode{alts: g})
			i = j
		case t == "))":
			return alts, i + 1
		case t == "||":
			alts = append(alts, nil)
			i++
		case t == "??":
			if cur := alts[len(alts)-1]; len(cur) > 0 {
				cur[len(cur)-1].opt = true
			}
			i++
		case t[0] == '_':
			alts[len(alts)-1] = append(alts[len(alts)-1], lreNode{word: "_", n: wildcardWords(t)})
			i++
		default:
			alts[len(alts)-1] = append(alts[len(alts)-1], lreNode{word: strings.ToLower(t)})
			i++
		}
	}
	return alts, i
}

// wildcardWords reads "__5__".
func wildcardWords(t string) int {
	n, err := strconv.Atoi(strings.Trim(t, "_"))
	if err != nil {
		return 1
	}
	return n
}

// fullest returns the words of a template's fullest wording: the longest
// alternative of every group, optional text included ("_" for a
// wildcard). A faithful copy of the license follows a wording close to it,
// and its word triples are how much of the license a text holds.
func fullest(seq []lreNode) []string {
	var out []string
	for _, n := range seq {
		if n.alts == nil {
			out = append(out, n.word)
			continue
		}
		var best []string
		for _, a := range n.alts {
			if w := fullest(a); len(w) > len(best) {
				best = w
			}
		}
		out = append(out, best...)
	}
	return out
}

// templateOf returns the word triples of licensecheck's template id,
// parsed on first use. Each template is parsed alone: a plain MIT text
// asks for MIT's only, and parsing every template costs a start-up of
// about 0.4 s that a one-file check must not pay.
func templateOf(id string) template {
	templatesMu.Lock()
	defer templatesMu.Unlock()
	if t, ok := templates[id]; ok {
		return t
	}
	var t template
	if lre := lreOf(id); lre != "" {
		t = parseTemplate(lre)
	}
	if templates == nil {
		templates = map[string]template{}
	}
	templates[id] = t
	return t
}

// lreOf returns licensecheck's template id; templatesMu is held.
func lreOf(id string) string {
	if lres == nil {
		lres = map[string]string{}
		for _, l := range licensecheck.BuiltinLicenses() {
			if l.LRE != "" {
				lres[l.ID] = l.LRE
			}
		}
	}
	return lres[id]
}

// parseTemplate returns the word triples of a template's fullest wording;
// no triple spans a wildcard.
func parseTemplate(lre string) template {
	alts, _ := parseLRE(lreToken.FindAllString(lreComment.ReplaceAllString(lre, " "), -1), 0)
	t := template{}
	var run []byte
	add := func() {
		ws := words(run)
		for i := 0; i+2 < len(ws); i++ {
			t[triple(ws, i)] = true
		}
		run = run[:0]
	}
	for _, w := range fullest(alts[0]) {
		if w == "_" {
			add()
			continue
		}
		run = append(append(run, w...), ' ')
	}
	add()
	return t
}

// altered returns the standard license text is an altered copy of, with
// the terms added to it, or ok false. other holds the ranges of text that
// licensecheck matched to licenses no entry names.
func altered(k *kb.KB, text []byte, from int, other []Span) (m Match, ok bool) {
	if len(text)-from > maxAlteredBytes {
		return m, false
	}
	ws := words(text[from:])
	if len(ws) < 3 {
		return m, false
	}
	have := make(map[uint64]bool, len(ws))
	for i := 0; i+2 < len(ws); i++ {
		have[triple(ws, i)] = true
	}
	var best *kb.License
	var bestT template
	bestShare, bestFound := minTemplateShare, 0
	for i := range k.Licenses {
		l := &k.Licenses[i]
		if !altersInto(l) {
			continue
		}
		t := templateOf(l.Licensecheck[0])
		if len(t) == 0 || float64(len(ws)) < minTemplateShare*float64(len(t)) {
			continue // too few words to hold enough of its triples
		}
		found := 0
		for h := range t {
			if have[h] {
				found++
			}
		}
		share := float64(found) / float64(len(t))
		better := share >= bestShare
		if best != nil && l.Family == "cc" && best.Family == "cc" && share > bestShare-closeShare && share < bestShare+closeShare {
			// Of two Creative Commons templates the text holds about as
			// much of, the fuller one is the license: a rewritten CC BY-NC
			// 4.0 holds a larger share of CC BY 4.0's shorter template, and
			// more of CC BY-NC 4.0's.
			better = found > bestFound
		}
		if better {
			best, bestT, bestShare, bestFound = l, t, share, found
		}
	}
	if best == nil {
		return m, false
	}
	// A word is the template's when a triple of the template holds it in
	// the text's order.
	theirs, fw, lw := mark(ws, bestT)
	// The standard text must also be most of the text it spans: a custom
	// license that borrows some of Apache-2.0's sections spans them with
	// terms of its own.
	n := 0
	for _, t := range theirs[fw : lw+1] {
		n += b2i(t)
	}
	whole := bestShare >= minWholeShare && len(bestT) < maxShortTemplate
	if !whole && bestShare*float64(n)/float64(lw+1-fw) < minAlteredScore {
		return m, false
	}
	first, last := ws[fw].start, ws[lw].end
	inOther := 0
	for i, t := range theirs[fw : lw+1] {
		if t && within(other, from+ws[fw+i].start) {
			inOther++
		}
	}
	if 2*inOther >= n {
		// licensecheck knows the text that holds most of the template's
		// words as a license of its own
		// that no entry names (0BSD, BSD-4-Clause, X11, HPND, MIT-0, the
		// CWI part of Python's license): those share most of their words
		// with ISC, BSD-3-Clause or MIT, and are standard texts, not
		// altered copies of them.
		return m, false
	}
	added := addedLines(termsOf(k), text[from:], ws, theirs, nil, minAlteredWords)
	// Words put into or taken out of the standard text (changed.go). Beside
	// added terms, a departure is mostly their edge or a definition they
	// need, and counts only when the words put in bind ("for
	// non-commercial purpose" in BSD's grant) or rewrite a clause (a grant
	// that lists what "the Software" includes).
	// A sentence that names the license the text is based on and binds
	// nobody ("This license is, in part, based on the Apache License
	// Version 2.0, with a series of modifications") says where the text
	// comes from; it changes no term.
	var changes []Span
	for _, c := range changedSentences(text[from:], ws, fw, lw, opensAsLicense(ws[fw:], best), wordingsOf(best.Licensecheck[0]), added) {
		if !c.binds && namesBase(text[from+c.Start:from+c.End], best) {
			continue
		}
		if len(added)+len(changes) == 0 || c.binds || c.own >= minAlteredWords {
			changes = append(changes, c.Span)
		}
	}
	added = append(added, joinAdjacent(text[from:], changes)...)
	slices.SortFunc(added, func(a, b Span) int { return a.Start - b.Start })
	added = wholeSentences(text[from:], added)
	body := Span{lineStartAt(text[from:], first), lineEndAt(text[from:], last)}
	if len(added) == 0 {
		// A copy that differs from the license only in words that change
		// no term (a word left out of its disclaimer, a line wrapped
		// otherwise) is that license, when it holds almost all of it and
		// almost nothing else.
		if bestShare >= minWholeShare && float64(n) >= minFaithfulShare*float64(lw+1-fw) {
			return Match{ID: best.ID, Start: from + body.Start, End: from + body.End, Confidence: bestShare, Source: "altered"}, true
		}
		return m, false
	}
	for i := range added {
		added[i].Start += from
		added[i].End += from
	}
	return Match{ID: best.ID, Start: from + body.Start, End: from + body.End, Confidence: bestShare, Source: "altered", Added: added}, true
}

// minFaithfulShare is the least share of the words of the text a
// template spans that are the template's, for a text without added terms
// that holds minWholeShare of the template to be a copy of that license.
const minFaithfulShare = 0.9

// closeShare: two Creative Commons templates whose shares of a text
// differ by less are told apart by how many of their triples it holds.
const closeShare = 0.05

// altersInto reports a license a text may be an altered copy of: one
// whose template is its whole text, or a Creative Commons 4.0 legal code,
// whose template leaves out the standard preamble and afterword (a
// licensecheck match of a CC text is no base for added terms around it,
// kb.License.Whole) but holds every section, which a license rewritten
// from it keeps in their order ("Section 1 – Definitions ... Section 8
// – Interpretation", with a definition and a section of its own). Not
// the earlier versions: they were ported to each jurisdiction (CC BY-NC
// 3.0 Germany, CC BY-NC-ND 2.0 Australia), standard licenses of their
// own whose every sentence departs from the unported text.
func altersInto(l *kb.License) bool {
	if len(l.Licensecheck) == 0 {
		return false
	}
	return l.Whole || l.Family == "cc" && strings.HasSuffix(l.Licensecheck[0], "-4.0")
}

// namesBase reports whether b names the license l by the first two words
// of its name ("Apache License", "MIT License").
func namesBase(b []byte, l *kb.License) bool {
	name := strings.Fields(strings.ToLower(l.Name))
	if len(name) < 2 {
		return false
	}
	return bytes.Contains(bytes.ToLower(b), []byte(name[0]+" "+name[1]))
}

// joinAdjacent joins changed sentences (in text order) that only blank
// space parts, or that one paragraph holds: definitions rewritten one
// after another, or a grant changed in two places, are one change to the
// standard text, as a reader marks it.
func joinAdjacent(text []byte, spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1].End <= s.Start && (len(bytes.TrimSpace(text[out[n-1].End:s.Start])) == 0 || !paragraphBreak.Match(text[out[n-1].End:s.Start])) {
			out[n-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

// opensAsLicense reports whether ws opens with the first three words of
// one of l's opening phrases ("redistribution and use ...").
func opensAsLicense(ws []word, l *kb.License) bool {
	for _, p := range l.Starts {
		pw := strings.Fields(p)
		if len(pw) < 3 || len(ws) < 3 {
			continue
		}
		if ws[0].hash == wordHash(pw[0]) && ws[1].hash == wordHash(pw[1]) && ws[2].hash == wordHash(pw[2]) {
			return true
		}
	}
	return false
}

// mark reports which words of ws are the template's (a triple of t holds
// them in the text's order), and the first and last such word (-1 when
// none).
func mark(ws []word, t template) (theirs []bool, first, last int) {
	theirs = make([]bool, len(ws))
	first, last = -1, -1
	for i := 0; i+2 < len(ws); i++ {
		if t[triple(ws, i)] {
			theirs[i], theirs[i+1], theirs[i+2] = true, true, true
			if first < 0 {
				first = i
			}
			last = i + 2
		}
	}
	return theirs, first, last
}

// refineAdded keeps, of the regions licensecheck left uncovered around a
// standard license, the lines made mostly of words that are not the
// template's: licensecheck may match a part of a license whose text was
// changed elsewhere, and the rest of the standard text is no added term.
func refineAdded(tr *termReader, text []byte, added []Span, licensecheckID string) []Span {
	if len(added) == 0 {
		return added
	}
	t := templateOf(licensecheckID)
	if len(t) == 0 {
		return added
	}
	ws := words(text)
	theirs, _, _ := mark(ws, t)
	return addedLines(tr, text, ws, theirs, func(off int) bool { return within(added, off) }, minAddedWords)
}

// addedLines returns the regions of lines made mostly of words that are
// not the template's (blank lines join the lines of one region), when they
// are substantial (minTotal words in all, as addedTerms counts them); keep,
// when set, says which lines (by where their text starts) may be added.
func addedLines(tr *termReader, text []byte, ws []word, theirs []bool, keep func(int) bool, minTotal int) []Span {
	wi := 0
	regions := binding(tr, nil, text, proseRegions(text, minTotal, func(off, end int, line []byte) bool {
		mine, all, run, longest := 0, 0, 0, 0
		for ; wi < len(ws) && ws[wi].start < end; wi++ {
			if !theirs[wi] && listMark(text[ws[wi].start:ws[wi].end]) {
				// Sections referred to or numbered otherwise ("Sections 1,
				// 4, 5, 6, and 7 survive" where the license says "1, 5, 6,
				// 7, and 8", a section having been put in): no words of the
				// file's own, nor of the license's.
				continue
			}
			all++
			run++
			if !theirs[wi] {
				mine++
				run = 0
			}
			longest = max(longest, run)
		}
		if all == 0 && wordCount(line) > 0 {
			mine, all = 1, 1 // Chinese: the templates are English
		}
		// A line of the standard text is mostly its words. Outside what
		// licensecheck matched (keep set), where the file's own text is,
		// they must also run as long as a line of the license holds: a
		// sentence that borrows a phrase or two ("subject to the following
		// conditions") is the file's own. Inside a text licensecheck did
		// not match, a line with a name in a wildcard has shorter runs.
		standard := 2*mine <= all && (keep == nil || mine == 0 || longest >= minStandardRun)
		return standard || keep != nil && len(line) > 0 && !keep(off+bytes.Index(text[off:end], line))
	}), minTotal)
	return withHeadings(text, splitInsertions(text, joinBlocks(regions, ws, theirs)), ws, theirs)
}

// wholeSentences stretches each block over the number of the list item
// it starts in ("4." before "Products derived ..."), and on to the end of
// the sentence it stops in, within its paragraph. Lines are read one by one, and the last line of a
// sentence put in may hold mostly the license's words ("permission of
// Zeta Labs."), the first its number alone.
func wholeSentences(text []byte, blocks []Span) []Span {
	for i := range blocks {
		b := &blocks[i]
		if ls := lineStartAt(text, b.Start); listNumber.Match(bytes.TrimSpace(text[ls:b.Start])) {
			b.Start = ls + len(text[ls:b.Start]) - len(bytes.TrimLeft(text[ls:b.Start], " \t"))
		}
		if b.End == 0 || bytes.ContainsAny(text[b.End-1:b.End], ".;:!?") {
			continue
		}
		next := len(text)
		if i+1 < len(blocks) {
			next = blocks[i+1].Start
		}
		loc := clauseEnd.FindIndex(text[b.End:next])
		if loc == nil || text[b.End+loc[0]] == '\n' {
			continue // the paragraph ends first
		}
		b.End += loc[0] + 1
	}
	return blocks
}

// listMark reports a word that is a number or a single letter: what
// numbers a list item or a section, or refers to one.
func listMark(w []byte) bool {
	if len(w) == 1 {
		return true
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// withHeadings stretches each added block over the heading right above it
// ("## Model License", "Additional Terms", "附加条款"), which is part of
// what was added: a short line of the file's own, after blank lines only,
// that ends no sentence and is no copyright line.
func withHeadings(text []byte, blocks []Span, ws []word, theirs []bool) []Span {
	for i := range blocks {
		b := &blocks[i]
		end := b.Start
		for end > 0 && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r' || text[end-1] == '\n') {
			end--
		}
		start := lineStartAt(text, end)
		line := bytes.TrimSpace(text[start:end])
		if len(line) == 0 || start == b.Start || wordCount(line) > maxHeadingWords || bytes.ContainsAny(line[len(line)-1:], ".,;") ||
			copyrightLine.Match(line) || (i > 0 && start < blocks[i-1].End) {
			continue
		}
		standard := false
		for j, w := range ws {
			if w.start >= start && w.start < end && theirs[j] {
				standard = true
				break
			}
		}
		if !standard {
			b.Start = start + bytes.Index(text[start:end], line)
		}
	}
	return blocks
}

// maxHeadingWords is the most words a heading line has.
const maxHeadingWords = 8

var copyrightLine = regexp.MustCompile(`(?i)copyright|\(c\)|©|版权|著作权|spdx`)

// joinBlocks joins added regions that no standard text separates (a
// heading in capitals, a rule or a copyright line between two added
// paragraphs, or words of the file's own such as a definition): each block
// of added text is one license/modified finding, as a reader marks it.
// regions are in text order.
// splitInsertions parts a block that begins inside a paragraph of the
// standard text (a sentence added to MIT's notice condition, the line
// above it the condition's own) at the end of that paragraph: what was
// written into the standard paragraph and the sections added after it are
// two changes, as a reader marks them.
func splitInsertions(text []byte, blocks []Span) []Span {
	var out []Span
	for _, b := range blocks {
		ls := lineStartAt(text, b.Start)
		above := ls - 1 // the line above's newline
		if above <= 0 || len(bytes.TrimSpace(text[lineStartAt(text, above):above])) == 0 {
			out = append(out, b)
			continue
		}
		loc := paragraphBreak.FindIndex(text[b.Start:b.End])
		if loc == nil || wordCount(text[b.Start:b.Start+loc[0]]) < minRegionWords {
			out = append(out, b)
			continue
		}
		out = append(out, Span{b.Start, b.Start + loc[0]}, Span{b.Start + loc[1], b.End})
	}
	return out
}

// paragraphBreak is a blank line and the white space around it.
var paragraphBreak = regexp.MustCompile(`[ \t\r]*\n[ \t\r]*\n\s*`)

// minStandardBetween is the fewest words of the standard text that part two
// blocks of added text: a sentence of it (MIT's shortest has 20 words). A
// long license appended to a standard one uses a few of its phrases ("of
// the Software", "subject to the following conditions") and is one block.
const minStandardBetween = 10

// minStandardRun is the fewest template words in a row that make a line,
// with its other words, part of the standard text.
const minStandardRun = 8

func joinBlocks(regions []Span, ws []word, theirs []bool) []Span {
	if len(regions) < 2 {
		return regions
	}
	out := regions[:1]
	wi := 0
	for _, r := range regions[1:] {
		last := &out[len(out)-1]
		std := 0
		for ; wi < len(ws) && ws[wi].start < r.Start; wi++ {
			if ws[wi].start >= last.End && theirs[wi] {
				std++
			}
		}
		if std < minStandardBetween {
			last.End = r.End
			continue
		}
		out = append(out, r)
	}
	return out
}

// definitionLine matches a line that defines a term: added definitions
// matter through the terms that use them, which are the main change.
var definitionLine = regexp.MustCompile(`(?i)^[\W\d]{0,8}"[^"]{1,60}"[^a-z]{0,3}(?:\([^)]*\) )?(?:shall mean|means)\b|^[\W\d]{0,8}for (?:the )?avoidance of doubts?\b[^.]*?\bmeans\b`)

// definition reports whether an added region opens with a definition
// ("\"Threshold\" shall mean ..."): it binds through the terms that use
// the defined word.
func definition(region []byte) bool { return definitionLine.Match(bytes.TrimSpace(region)) }

func lineStartAt(text []byte, off int) int {
	for off > 0 && text[off-1] != '\n' {
		off--
	}
	return off
}

func lineEndAt(text []byte, off int) int {
	for off < len(text) && text[off] != '\n' {
		off++
	}
	return off
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
