package clause

import (
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/fineprint-dev/fineprint/internal/wording"
)

// span is a byte range [start, end) of the original text.
type span struct{ start, end int }

// lineBuffers hold the lines sentences reads.
var lineBuffers = sync.Pool{New: func() any { return new([]line) }}

// line is one line of the text; its content excludes indentation, trailing
// blanks and the line ending.
type line struct {
	start, end int // content range
	marker     int // end of the list marker at the start of the content, or start
	heading    bool
	caps       bool // letters present and all upper case
}

// sentences cuts text into clauses: blocks separated by blank lines,
// headings and list items, each block cut at sentence-ending punctuation.
// A single newline inside a block is a space (hard-wrapped text), unless the
// line before it is short and the next one starts like a new paragraph.
func sentences(text []byte) []span {
	// The lines of a text are read only here: one buffer serves text
	// after text (a line a byte of text would otherwise be collected
	// each time).
	buf := lineBuffers.Get().(*[]line)
	defer lineBuffers.Put(buf)
	lines := splitLines(text, (*buf)[:0])
	*buf = lines
	width := wrapWidth(lines)
	var out []span
	blockStart, blockEnd := -1, -1
	flush := func() {
		if blockStart >= 0 {
			out = splitBlock(text, blockStart, blockEnd, out)
		}
		blockStart, blockEnd = -1, -1
	}
	for i := range lines {
		l := &lines[i]
		if l.start == l.end || isRule(text[l.start:l.end]) || isFence(text[l.start:l.end]) {
			flush()
			continue
		}
		if i+1 < len(lines) && isTitle(text, *l, lines[i+1], width) {
			l.heading = true
		}
		if blockStart >= 0 && startsBlock(text, lines[i-1], *l, width) {
			flush()
		}
		if blockStart < 0 {
			blockStart = l.marker
		}
		blockEnd = l.end
		if l.heading {
			flush()
		}
	}
	flush()
	return out
}

// startsBlock reports whether cur begins a new block after prev.
func startsBlock(text []byte, prev, cur line, width int) bool {
	if cur.marker > cur.start || cur.heading || prev.heading {
		return true
	}
	if prev.caps && !cur.caps {
		return true
	}
	if !startsParagraph(text[cur.start:cur.end]) {
		return false
	}
	// A line ending in a colon is a lead-in; a capitalised line after it is
	// its first item, even without a list marker ("... the following
	// conditions:" then "Use-based restrictions must ...").
	if text[prev.end-1] == ':' && text[cur.start] >= 'A' && text[cur.start] <= 'Z' {
		return true
	}
	// A line ending in a semicolon ends an item; a capitalised line after
	// it is the next one, even without a list marker ("Use the Model for
	// military purposes;" then "Distribute the Model without ..."), however
	// long the line: a sentence does not wrap to a capital after ";".
	if text[prev.end-1] == ';' || bytes.HasSuffix(text[prev.start:prev.end], []byte("；")) {
		return true
	}
	// A short line ends its paragraph only after closing punctuation: a
	// wrapped line that ends in a word or a comma goes on.
	switch last := text[prev.end-1]; {
	case last == '.' || last == '!' || last == '?' || last == '"' || last == ')' || last >= 0x80:
	default:
		return false
	}
	prevLen := prev.end - prev.start
	return (prevLen+1+firstWordLen(text[cur.start:cur.end]))*10 < width*7
}

// isTitle reports whether l is a title line: short, starting like a
// paragraph, without final punctuation, and followed by a line that starts
// like a paragraph (or a blank line).
func isTitle(text []byte, l, next line, width int) bool {
	c := text[l.marker:l.end]
	if len(c) == 0 || !startsParagraph(c) || (l.end-l.start)*10 >= width*6 {
		return false
	}
	switch r, _ := utf8.DecodeLastRune(c); r {
	case '.', ',', ';', ':', '!', '?', '"', ')', '-', '”', '’', '。':
		return false
	}
	if bytes.Contains(c, []byte(". ")) || readsLikeProse(c) {
		return false
	}
	return next.start == next.end || next.marker > next.start || startsParagraph(text[next.start:next.end])
}

// titleSmallWords stay lower-case in a title ("Grant of Rights").
var titleSmallWords = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true,
	"in": true, "of": true, "on": true, "or": true, "the": true, "to": true, "with": true, "vs": true}

// readsLikeProse reports a line of four or more words of which two or more,
// besides a title's small words, start lower-case: the first line of a
// wrapped sentence ("Acme may update this"), not a heading.
func readsLikeProse(c []byte) bool {
	words := bytes.Fields(c)
	if len(words) < 4 {
		return false
	}
	lower := 0
	for _, w := range words[1:] {
		if w[0] >= 'a' && w[0] <= 'z' && !titleSmallWords[string(w)] {
			lower++
		}
	}
	return lower >= 2
}

// startsParagraph: the line starts with an upper-case letter, a digit or a
// quote, as a new paragraph would.
func startsParagraph(b []byte) bool {
	for len(b) > 0 && (b[0] == '*' || b[0] == '_') {
		b = b[1:]
	}
	if len(b) == 0 {
		return false
	}
	c := b[0]
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"' || c >= 0x80
}

func firstWordLen(b []byte) int {
	for i, c := range b {
		if c == ' ' || c == '\t' {
			return i
		}
	}
	return len(b)
}

// wrapWidth estimates the width the text was wrapped at: the 80th
// percentile of its line lengths, so one long URL line does not count.
func wrapWidth(lines []line) int {
	var ls []int
	for _, l := range lines {
		if l.end > l.start {
			ls = append(ls, l.end-l.start)
		}
	}
	if len(ls) == 0 {
		return 80
	}
	sort.Ints(ls)
	w := ls[len(ls)*8/10]
	if w < 40 {
		w = 40
	}
	return w
}

func splitLines(text []byte, lines []line) []line {
	i := 0
	if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
		i = 3
	}
	for i < len(text) {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		// A lone CR (old Mac files) ends a line too.
		for k := bytes.IndexByte(text[i:j], '\r'); k >= 0 && i+k < j-1; k = bytes.IndexByte(text[i:j], '\r') {
			lines = append(lines, newLine(text, i, i+k))
			i += k + 1
		}
		e := j
		if e > i && text[e-1] == '\r' {
			e--
		}
		lines = append(lines, newLine(text, i, e))
		i = j + 1
	}
	return lines
}

func newLine(text []byte, start, end int) line {
	for start < end {
		n := blankLen(text[start:end])
		if n == 0 {
			break
		}
		start += n
	}
	for end > start && isSpace(text[end-1]) {
		end--
	}
	l := line{start: start, end: end, marker: start}
	c := text[start:end]
	if len(c) > 0 && c[0] == '#' {
		n := 0
		for n < len(c) && c[n] == '#' {
			n++
		}
		if n <= 6 && (n == len(c) || c[n] == ' ' || c[n] == '\t') {
			l.heading = true
			l.marker = start + n
		}
	}
	if !l.heading {
		l.marker = start + markerLen(c)
		if l.marker == start {
			l.marker = start + cjkMarkerLen(c)
		}
	}
	for l.marker < end {
		n := blankLen(text[l.marker:end])
		if n == 0 {
			break
		}
		l.marker += n
	}
	l.caps = allCaps(c)
	return l
}

// markerLen is the length of a list marker ("-", "*", "1.", "a)", "(iv)",
// "2.1", "1.b.v.") at the start of b followed by a blank, or 0.
func markerLen(b []byte) int {
	if len(b) >= 2 && (b[0] == '-' || b[0] == '*' || b[0] == '+' || b[0] == '>') && isSpace(b[1]) {
		return 1
	}
	// "・" opens a Japanese list item ("・当音源の無断転載を禁止します。").
	if r, n := utf8.DecodeRune(b); r == '•' || r == '◦' || r == '▪' || r == '‣' || r == '・' {
		return n
	}
	i := 0
	paren := len(b) > 0 && b[0] == '('
	if paren {
		i++
	}
	// letters: every segment so far is one letter; "U.S." and "e.g." at
	// the start of a line are abbreviations, not a marker like "1.b.".
	segs, letters := 0, true
	for {
		j := i
		for j < len(b) && j-i < 6 && isAlnum(b[j]) {
			j++
		}
		if j == i || !isMarkerWord(b[i:j]) {
			return 0
		}
		segs++
		letters = letters && j-i == 1 && (b[i] < '0' || b[i] > '9')
		i = j
		if i >= len(b) {
			return 0
		}
		switch b[i] {
		case ')':
			if i+1 < len(b) && blankLen(b[i+1:]) > 0 {
				return i + 1
			}
			return 0
		case '.':
			if paren {
				return 0
			}
			if i+1 < len(b) && blankLen(b[i+1:]) > 0 {
				if segs > 1 && letters {
					return 0
				}
				return i + 1
			}
			// "b.“Agreement” shall mean ...": a one-part marker set
			// directly before the quote that opens a defined term
			if segs == 1 && opensTerm(b[i+1:]) {
				return i + 1
			}
			i++
			continue
		case ' ', '\t':
			// "2.1 Title": a dotted number needs no final dot.
			if segs > 1 && !paren {
				return i
			}
		}
		return 0
	}
}

// opensTerm reports whether b opens with a quotation mark and a letter,
// as a defined term does ("“Agreement”", "\"Model\"").
func opensTerm(b []byte) bool {
	switch {
	case bytes.HasPrefix(b, []byte("“")):
		b = b[len("“"):]
	case len(b) > 0 && b[0] == '"':
		b = b[1:]
	default:
		return false
	}
	r, _ := utf8.DecodeRune(b)
	return unicode.IsLetter(r)
}

// cjkMarkerLen is the length of a Chinese list marker at the start of b:
// "（1）", "(2)" or "1." directly before a CJK character, "一、", "3、",
// "第二条" or "第1部分" (an article heading's number), with the blanks
// after it; or 0.
func cjkMarkerLen(b []byte) int {
	if len(b) == 0 || b[0] < 0x80 && b[0] != '(' && (b[0] < '0' || b[0] > '9') {
		return 0 // most lines: they start with an ASCII letter or mark
	}
	i := 0
	r, n := utf8.DecodeRune(b)
	switch {
	case r == '（' || r == '(':
		j := n
		for j < len(b) && j-n < 12 {
			c, m := utf8.DecodeRune(b[j:])
			if c == '）' || c == ')' {
				if j == n || !(j+m < len(b) && isCJK(b[j+m:])) && c == ')' {
					return 0
				}
				i = j + m
				break
			}
			if !isNumeral(c) {
				return 0
			}
			j += m
		}
	case r == '第':
		j := n
		for j < len(b) {
			c, m := utf8.DecodeRune(b[j:])
			if !isNumeral(c) {
				break
			}
			j += m
		}
		c, m := utf8.DecodeRune(b[j:])
		if j == n || !(c == '条' || c == '章' || c == '节' || c == '部' || c == '款') {
			return 0
		}
		i = j + m
		if c == '部' && strings.HasPrefix(string(b[i:]), "分") {
			i += len("分")
		}
	default:
		j := 0
		for j < len(b) {
			c, m := utf8.DecodeRune(b[j:])
			if !isNumeral(c) && !(c == '.' && j > 0) {
				break
			}
			j += m
		}
		if j == 0 || j >= len(b) {
			return 0
		}
		c, m := utf8.DecodeRune(b[j:])
		switch {
		case c == '、':
			i = j + m
		case b[j-1] == '.' && isCJK(b[j:]):
			i = j // "1.定义"
		default:
			return 0
		}
	}
	if i == 0 {
		return 0
	}
	for i < len(b) && (isSpace(b[i]) || strings.HasPrefix(string(b[i:]), "　")) {
		if b[i] == 0xE3 {
			i += 3
		} else {
			i++
		}
	}
	return i
}

// isNumeral: an ASCII digit or a Chinese numeral.
func isNumeral(r rune) bool {
	return r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十百零〇", r)
}

// isCJK reports whether b starts with a CJK ideograph.
func isCJK(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF
}

// isMarkerWord: a number of up to three digits, one letter or a roman
// numeral.
func isMarkerWord(w []byte) bool {
	if len(w) == 1 {
		return true
	}
	digits, roman := true, true
	for _, c := range w {
		if c < '0' || c > '9' {
			digits = false
		}
		switch c | 0x20 {
		case 'i', 'v', 'x', 'l', 'c':
		default:
			roman = false
		}
	}
	return digits && len(w) <= 3 || roman
}

// isFence: a Markdown code fence ("```", "```text", "~~~"), which a
// license quoted in a model card sits between: no part of its first or
// last sentence.
func isFence(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) < 3 || !bytes.HasPrefix(b, []byte("```")) && !bytes.HasPrefix(b, []byte("~~~")) {
		return false
	}
	for _, c := range b[3:] {
		if !isAlnum(c) && c != '-' && c != '_' && c != '+' {
			return false
		}
	}
	return true
}

// isRule: a Markdown horizontal rule or setext underline.
func isRule(b []byte) bool {
	if len(b) < 3 {
		return false
	}
	for _, c := range b {
		if c != '-' && c != '=' && c != '*' && c != '_' && c != ' ' {
			return false
		}
	}
	return true
}

func allCaps(b []byte) bool { return wording.CapitalLetters(b) >= 2 }

// sentenceByte marks the bytes splitBlock must look at: quotes, sentence
// punctuation and the lead bytes of “ ” 。 ！ ？ ；.
var sentenceByte = func() (t [256]bool) {
	for _, c := range []byte{'"', '.', '!', '?', 0xE2, 0xE3, 0xEF} {
		t[c] = true
	}
	return t
}()

// closesSoon reports whether a Chinese quote closes within maxQuote bytes
// of text[i:end]: else the quote open before a full stop is a stray one.
func closesSoon(text []byte, i, end int) bool {
	return bytes.Contains(text[i:min(end, i+maxQuote)], []byte("”"))
}

// splitBlock cuts text[start:end] at sentence ends and appends the trimmed
// sentences to out.
func splitBlock(text []byte, start, end int, out []span) []span {
	s := start
	quote := -1 // offset of an open double quote
	// bracket is the offset of an open Japanese bracket or corner quote
	// （「『, and closer what closes it: a full stop inside one
	// ("（API経由での提供を含む。）を目的とした", "「……。」と表記") ends no
	// sentence when the bracket closes soon.
	bracket, closer := -1, ""
	for i := start; i < end; {
		for i < end && !sentenceByte[text[i]] {
			i++
		}
		if i >= end {
			break
		}
		c := text[i]
		if c >= 0x80 {
			r, n := utf8.DecodeRune(text[i:end])
			switch r {
			case '“':
				quote = i
			case '”':
				quote = -1
			case '（', '「', '『':
				bracket, closer = i, closers[r]
			case '）', '」', '』':
				bracket = -1
			case '。', '！', '？', '；':
				// A quoted notice ("“……保留所有权利。”") is one sentence
				// with the clause that asks for it.
				if quote >= 0 && i-quote < maxQuote && closesSoon(text, i+n, end) {
					break
				}
				if bracket >= 0 && i-bracket < maxQuote && bytes.Contains(text[i+n:min(end, i+n+maxQuote)], []byte(closer)) {
					break
				}
				cut := i + n
				if r == '；' {
					cut += listConnector(text[cut:end])
				}
				out = appendSentence(text, s, cut, out)
				s, quote, bracket = cut, -1, -1
				n = cut - i
			}
			i += n
			continue
		}
		i++
		if c == '"' {
			if quote >= 0 {
				quote = -1
			} else {
				quote = i - 1
			}
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Quoted notices ("... Alibaba Cloud. All Rights Reserved.") are one
		// sentence; a stray quote holds the sentence open only so long.
		if quote >= 0 && i-quote < maxQuote {
			if j := skipClosers(text, i, end); j == i || !closesQuote(text[i:j]) {
				continue
			}
		}
		j := skipClosers(text, i, end)
		if j < end && !isSpace(text[j]) {
			continue
		}
		if c == '.' && isAbbreviation(text[s:i-1]) {
			continue
		}
		if next := nextNonSpace(text, j, end); next >= 'a' && next <= 'z' {
			continue
		}
		out = appendSentence(text, s, j, out)
		s, i, quote = j, j, -1
	}
	return appendSentence(text, s, end, out)
}

// zhConnectors join the last items of a Chinese list ("(b) ……；以及" then
// "(c) ……"), as "; and" does in English.
var zhConnectors = []string{"以及", "或者", "并且", "及", "和", "或", "且"}

// listConnector returns the length of the connector that ends an item's
// line after its "；" (blanks before it included), or 0: the connector
// belongs to the item, not a sentence of its own that would come between
// two items of one list.
func listConnector(b []byte) int {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	for _, c := range zhConnectors {
		if bytes.HasPrefix(b[i:], []byte(c)) {
			j := i + len(c)
			for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\r') {
				j++
			}
			if j == len(b) || b[j] == '\n' {
				return i + len(c)
			}
		}
	}
	return 0
}

// maxQuote bounds how far an open quote keeps a sentence from ending.
const maxQuote = 400

// closers close the Japanese brackets splitBlock keeps sentences open in.
var closers = map[rune]string{'（': "）", '「': "」", '『': "』"}

func closesQuote(b []byte) bool {
	for _, r := range string(b) {
		if r == '"' || r == '”' {
			return true
		}
	}
	return false
}

// skipClosers skips the closing quotes, brackets and emphasis that may
// follow a sentence's final punctuation.
func skipClosers(text []byte, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRune(text[i:end])
		switch r {
		case '"', '\'', ')', ']', '*', '_', '”', '’', '»':
			i += n
		default:
			return i
		}
	}
	return i
}

func nextNonSpace(text []byte, i, end int) byte {
	for i < end && isSpace(text[i]) {
		i++
	}
	if i < end {
		return text[i]
	}
	return 0
}

// abbreviations that end with a dot but rarely end a sentence.
var abbreviations = map[string]bool{
	"inc": true, "ltd": true, "co": true, "corp": true, "no": true, "nos": true,
	"mr": true, "ms": true, "mrs": true, "dr": true, "st": true, "vs": true, "v": true,
	"sec": true, "art": true, "cf": true, "al": true, "approx": true, "para": true,
	"fig": true, "pp": true, "jr": true, "sr": true, "ver": true, "incl": true,
}

// isAbbreviation reports whether the word before a dot at the end of b is
// an abbreviation: listed, a single letter, or dotted short pieces such as
// "e.g", "U.S" or "1.b.v".
func isAbbreviation(b []byte) bool {
	i := len(b)
	for i > 0 && (isAlnum(b[i-1]) || b[i-1] == '.') {
		i--
	}
	if i > 0 && b[i-1] == '/' {
		return false // end of a URL path
	}
	w := b[i:]
	if len(w) == 0 {
		return false
	}
	if len(w) == 1 && isLetter(w[0]) {
		return true
	}
	var lw [8]byte
	if len(w) <= len(lw) {
		for k, c := range w {
			lw[k] = c | 0x20
		}
		if abbreviations[string(lw[:len(w)])] {
			return true
		}
	}
	if w[0] >= '0' && w[0] <= '9' {
		return false // "Section 1.b.i." ends a sentence
	}
	dotted, piece := false, 0
	for _, c := range w {
		if c == '.' {
			dotted, piece = true, 0
			continue
		}
		if piece++; piece > 2 {
			return false
		}
	}
	return dotted
}

// appendSentence trims list markers, blanks and emphasis from text[s:e]
// and appends the rest when it holds a letter or digit.
func appendSentence(text []byte, s, e int, out []span) []span {
	for s < e && (isSpace(text[s]) || text[s] == '*' || text[s] == '_') {
		s++
	}
	for e > s && (isSpace(text[e-1]) || text[e-1] == '*' || text[e-1] == '_') {
		e--
	}
	for k := s; k < e; k++ {
		if isAlnum(text[k]) || text[k] >= 0x80 {
			return append(out, span{s, e})
		}
	}
	return out
}

// blankLen is the length of the blank at the start of b: an ASCII space
// or tab, or a no-break space (U+00A0, U+202F), which word processors put
// after list markers ("(e)\u202f\"Derivatives\" means"); or 0.
func blankLen(b []byte) int {
	switch {
	case len(b) == 0:
		return 0
	case isSpace(b[0]):
		return 1
	case len(b) >= 2 && b[0] == 0xc2 && b[1] == 0xa0:
		return 2
	case len(b) >= 3 && b[0] == 0xe2 && b[1] == 0x80 && b[2] == 0xaf:
		return 3
	}
	return 0
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }
