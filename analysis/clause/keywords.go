package clause

import (
	"math/bits"
	"unicode/utf8"
)

// keywordSet finds which of a fixed list of keywords occur in each
// sentence, for all sentences in one pass over the normalized text (an
// Aho-Corasick automaton over byte classes). Per-pattern strings.Contains
// calls cost more than the rest of detection together.
type keywordSet struct {
	words   []string
	ids     map[string]int // words -> index
	class   [256]uint8     // byte -> class; 0 is "in no keyword"
	classes int
	delta   []int32 // state*classes + class -> state
	// outIDs[outAt[state]:outAt[state+1]] are the keywords ending in
	// state (with its suffixes): a list of one or two where a mask of
	// every keyword would read a few cache lines of a table of megabytes
	// at each keyword a scan meets.
	outAt  []int32
	outIDs []uint16
	hasOut []bool
	// rows is delta in 16 bits, each target complemented (negative) when
	// keywords end there: half the bytes of int32 keep more of the table
	// in the cache the scan lives in. It holds the columns of the classes
	// of ASCII bytes (below common) and rareRows those of the others: the
	// bytes of a few keywords' accented letters and symbols, which take
	// most of the columns and few of a text's bytes, would otherwise make
	// every row, and the part of the table a scan reads, three times
	// larger than the letters it mostly reads need.
	rows     []int16
	rareRows []int16
	common   int
	width    int // uint64 words per mask
	raw      *[256]uint8
}

// index returns the id of w, adding it.
func (ks *keywordSet) index(w string) int {
	if i, ok := ks.ids[w]; ok {
		return i
	}
	if ks.ids == nil {
		ks.ids = map[string]int{}
	}
	ks.ids[w] = len(ks.words)
	ks.words = append(ks.words, w)
	return len(ks.words) - 1
}

// build compiles the automaton; call after every index. The tables are
// flat and sized once (a trie has at most one state per keyword byte):
// a row and a mask allocated per state cost a short check more time and
// memory than reading its text.
func (ks *keywordSet) build() {
	ks.width = (len(ks.words) + 63) / 64
	if ks.width == 0 {
		ks.width = 1
	}
	ks.classes = 1
	maxStates := 1
	// ASCII bytes first: their classes are the columns of rows, the
	// others' those of rareRows.
	for _, ascii := range []bool{true, false} {
		for _, w := range ks.words {
			if ascii {
				maxStates += len(w)
			}
			for i := 0; i < len(w); i++ {
				if ks.class[w[i]] == 0 && (w[i] < utf8.RuneSelf) == ascii {
					ks.class[w[i]] = uint8(ks.classes)
					ks.classes++
				}
			}
		}
		if ascii {
			ks.common = ks.classes
		}
	}
	if ks.classes >= maxClasses {
		panic("clause: too many keyword characters")
	}
	cl, wd := ks.classes, ks.width
	// Trie; next[state*cl+class] = -1 when absent.
	next := make([]int32, maxStates*cl)
	for i := range next {
		next[i] = -1
	}
	out := make([]uint64, maxStates*wd)
	states := 1
	for id, w := range ks.words {
		s := int32(0)
		for i := 0; i < len(w); i++ {
			c := int32(ks.class[w[i]])
			if next[s*int32(cl)+c] < 0 {
				next[s*int32(cl)+c] = int32(states)
				states++
			}
			s = next[s*int32(cl)+c]
		}
		out[int(s)*wd+id/64] |= 1 << (id % 64)
	}
	next, out = next[:states*cl], out[:states*wd]
	next, out = breadthFirst(next, out, states, cl, wd)
	// Breadth-first: failure links turn the trie into a full automaton.
	fail := make([]int32, states)
	queue := make([]int32, 0, states)
	for c := 0; c < cl; c++ {
		if t := next[c]; t > 0 {
			queue = append(queue, t)
		} else {
			next[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := int(fail[s])
		for k := 0; k < wd; k++ {
			out[int(s)*wd+k] |= out[f*wd+k]
		}
		for c := 0; c < cl; c++ {
			if t := next[int(s)*cl+c]; t >= 0 {
				fail[t] = next[f*cl+c]
				queue = append(queue, t)
			} else {
				next[int(s)*cl+c] = next[f*cl+c]
			}
		}
	}
	ks.delta = next
	ks.hasOut = make([]bool, states)
	ks.outAt = make([]int32, states+1)
	ks.outIDs = ks.outIDs[:0]
	for s := range states {
		for k, m := range out[s*wd : (s+1)*wd] {
			for ; m != 0; m &= m - 1 {
				ks.outIDs = append(ks.outIDs, uint16(k*64+bits.TrailingZeros64(m)))
				ks.hasOut[s] = true
			}
		}
		ks.outAt[s+1] = int32(len(ks.outIDs))
	}
	ks.raw = ks.rawTable()
	if states > 1<<15-1 {
		panic("clause: too many keyword states")
	}
	common, rare := ks.common, cl-ks.common
	ks.rows = make([]int16, states*common)
	ks.rareRows = make([]int16, states*rare)
	for i, t := range ks.delta {
		r := int16(t)
		if ks.hasOut[t] {
			r = ^r
		}
		if s, c := i/cl, i%cl; c < common {
			ks.rows[s*common+c] = r
		} else {
			ks.rareRows[s*rare+c-common] = r
		}
	}
}

// mask returns the mask of the given keywords.
func (ks *keywordSet) mask(words []string) []uint64 {
	m := make([]uint64, ks.width)
	for _, w := range words {
		id := ks.index(w)
		m[id/64] |= 1 << (id % 64)
	}
	return m
}

func intersects(a, b []uint64) bool {
	for i := range a {
		if a[i]&b[i] != 0 {
			return true
		}
	}
	return false
}

// Byte classes of the original text that scanRaw must treat specially;
// build keeps real classes below them.
const (
	classBlank = 255 - iota // a blank: collapses with its neighbours
	classSkip               // Markdown emphasis "*"
	classUnder              // "_": emphasis unless inside a word
	classE2                 // lead byte of curly quotes and dashes
	classC2                 // lead byte of the no-break space
	maxClasses
)

// rawTable maps each byte of the original text to its class as the
// normalizer would write it: upper case as lower case, or one of the
// special classes.
func (ks *keywordSet) rawTable() *[256]uint8 {
	var t [256]uint8
	for c := 0; c < 256; c++ {
		b := byte(c)
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		t[c] = ks.class[b]
	}
	for _, c := range []byte{' ', '\t', '\n', '\r', '\v', '\f'} {
		t[c] = classBlank
	}
	t['*'], t['_'], t[0xE2], t[0xC2] = classSkip, classUnder, classE2, classC2
	return &t
}

// scanRaw returns, for each span of the original text, the mask of
// keywords it holds once normalized (width words per span). It normalizes
// on the fly, so only sentences that some pattern may match need the real
// normalizer.
func (ks *keywordSet) scanRaw(text []byte, spans []span) []uint64 {
	return ks.scanRawTo(make([]uint64, len(spans)*ks.width), text, spans)
}

// scanRawTo is scanRaw into masks, of len(spans)*width zero words.
func (ks *keywordSet) scanRawTo(masks []uint64, text []byte, spans []span) []uint64 {
	// Two lanes, the first and the second half of the spans, step in
	// turn: each step waits for a row of a table of a megabyte, and the
	// other lane's step, which does not depend on it, runs meanwhile.
	var a, b lane
	h := len(spans) / 2
	ks.start(&a, spans, masks, 0, h)
	ks.start(&b, spans, masks, h, len(spans))
	rows, table, common, space := ks.rows, ks.raw, int32(ks.common), int32(ks.class[' '])
	for a.on || b.on {
		if read := a.on && a.fast(text, table, rows, common, space); a.on && (!read || a.state < 0) {
			ks.step(&a, read, text, spans, masks)
		}
		if read := b.on && b.fast(text, table, rows, common, space); b.on && (!read || b.state < 0) {
			ks.step(&b, read, text, spans, masks)
		}
	}
	return masks
}

// fast reads the byte at l.j when it is one of rows' (an ASCII byte that
// needs no normalizing, or a blank: space is its class), and reports
// whether it was.
func (l *lane) fast(text []byte, table *[256]uint8, rows []int16, common, space int32) bool {
	if l.j >= l.end {
		return false
	}
	cls := int32(table[text[l.j]])
	l.j++
	switch {
	case cls < common:
		l.blank = false
	case cls != classBlank:
		l.j--
		return false
	case l.blank:
		return true // blanks collapse
	default:
		l.blank, cls = true, space
	}
	l.state = int32(rows[l.state*common+cls])
	return true
}

// step finishes a step of l that fast took (read: it reached a state
// where keywords end) or did not (l's span is over, or its byte is
// a special or rare one).
func (ks *keywordSet) step(l *lane, read bool, text []byte, spans []span, masks []uint64) {
	switch {
	case read:
		l.state = ^l.state
		ks.emit(l.state, l.m)
	case l.j >= l.end:
		ks.next(l, spans, masks)
	default:
		ks.slowStep(l, text, int32(ks.raw[text[l.j]]))
	}
}

// lane is where one scan of scanRaw stands: span i (of those below last)
// at byte j, in state, its mask m.
type lane struct {
	i, last, j, end int
	state           int32
	blank, on       bool
	m               []uint64
}

// start puts l at the first of spans[i:last].
func (ks *keywordSet) start(l *lane, spans []span, masks []uint64, i, last int) {
	*l = lane{i: i - 1, last: last}
	ks.next(l, spans, masks)
}

// next moves l to its next span, or turns it off after its last.
func (ks *keywordSet) next(l *lane, spans []span, masks []uint64) {
	l.i++
	if l.on = l.i < l.last; l.on {
		sp := spans[l.i]
		l.j, l.end, l.state, l.blank = sp.start, sp.end, 0, true
		l.m = masks[l.i*ks.width : (l.i+1)*ks.width]
	}
}

// emit adds the keywords that end in state to m.
func (ks *keywordSet) emit(state int32, m []uint64) {
	for _, id := range ks.outIDs[ks.outAt[state]:ks.outAt[state+1]] {
		m[id/64] |= 1 << (id % 64)
	}
}

// slowStep reads the byte at l.j, whose class cls is a special one or
// one of rareRows.
func (ks *keywordSet) slowStep(l *lane, text []byte, cls int32) {
	j := l.j
	if cls >= classC2 {
		cls = ks.special(text, l.j, l.end, cls, &j)
		l.j = j + 1
		if cls < 0 {
			return
		}
		if cls == classBlank {
			if l.blank {
				return
			}
			l.blank, cls = true, int32(ks.class[' '])
		} else {
			l.blank = false
		}
	} else {
		l.j, l.blank = j+1, false
	}
	common := int32(ks.common)
	if cls < common {
		l.state = int32(ks.rows[l.state*common+cls])
	} else {
		l.state = int32(ks.rareRows[l.state*int32(ks.classes-ks.common)+cls-common])
	}
	if l.state < 0 {
		l.state = ^l.state
		ks.emit(l.state, l.m)
	}
}

// special resolves a special class at text[j]: -1 to skip the byte,
// classBlank, or the class of the character it stands for (advancing *j
// over a multi-byte character).
func (ks *keywordSet) special(text []byte, j, end int, cls int32, jp *int) int32 {
	switch cls {
	case classBlank:
		return classBlank
	case classSkip:
		return -1
	case classUnder:
		if j > 0 && isAlnum(text[j-1]) && j+1 < end && isAlnum(text[j+1]) {
			return int32(ks.class['_'])
		}
		return -1
	case classE2:
		if j+2 < end && text[j+1] == 0x80 {
			var c byte
			switch text[j+2] {
			case 0x9C, 0x9D:
				c = '"'
			case 0x98, 0x99:
				c = '\''
			case 0x93, 0x94:
				c = '-'
			default:
				return int32(ks.class[0xE2])
			}
			*jp = j + 2
			return int32(ks.class[c])
		}
		return int32(ks.class[0xE2])
	case classC2:
		if j+1 < end && text[j+1] == 0xA0 {
			*jp = j + 1
			return classBlank
		}
		return int32(ks.class[0xC2])
	}
	return 0
}

// breadthFirst renumbers the states of a trie (next: state*cl+class ->
// state or -1; out: state*wd.. masks) in breadth-first order, so that the
// shallow states a scan spends most of its steps in have neighbouring
// rows.
func breadthFirst(next []int32, out []uint64, states, cl, wd int) ([]int32, []uint64) {
	order := make([]int32, 1, states) // new -> old
	for q := 0; q < len(order); q++ {
		s := int(order[q])
		for c := 0; c < cl; c++ {
			if t := next[s*cl+c]; t > 0 {
				order = append(order, t)
			}
		}
	}
	renum := make([]int32, states) // old -> new
	for n, o := range order {
		renum[o] = int32(n)
	}
	next2 := make([]int32, len(next))
	out2 := make([]uint64, len(out))
	for n, o := range order {
		for c := 0; c < cl; c++ {
			t := next[int(o)*cl+c]
			if t >= 0 {
				t = renum[t]
			}
			next2[n*cl+c] = t
		}
		copy(out2[n*wd:(n+1)*wd], out[int(o)*wd:(int(o)+1)*wd])
	}
	return next2, out2
}
