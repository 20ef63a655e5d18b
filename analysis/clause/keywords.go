package clause

// keywordSet finds which of a fixed list of keywords occur in each
// sentence, for all sentences in one pass over the normalized text (an
// Aho-Corasick automaton over byte classes). Per-pattern strings.Contains
// calls cost more than the rest of detection together.
type keywordSet struct {
	words   []string
	ids     map[string]int // words -> index
	class   [256]uint8     // byte -> class; 0 is "in no keyword"
	classes int
	delta   []int32  // state*classes + class -> state
	out     []uint64 // state*width.. : keywords ending here (with suffixes)
	hasOut  []bool
	// rows is delta in 16 bits, each target complemented (negative) when
	// keywords end there: half the bytes of int32 keep more of the table
	// in the cache the scan lives in.
	rows  []int16
	width int // uint64 words per mask
	raw   *[256]uint8
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
	for _, w := range ks.words {
		maxStates += len(w)
		for i := 0; i < len(w); i++ {
			if ks.class[w[i]] == 0 {
				ks.class[w[i]] = uint8(ks.classes)
				ks.classes++
			}
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
	ks.out = out
	ks.hasOut = make([]bool, states)
	for s := range states {
		for _, m := range out[s*wd : (s+1)*wd] {
			if m != 0 {
				ks.hasOut[s] = true
			}
		}
	}
	ks.raw = ks.rawTable()
	if states > 1<<15-1 {
		panic("clause: too many keyword states")
	}
	ks.rows = make([]int16, len(ks.delta))
	for i, t := range ks.delta {
		ks.rows[i] = int16(t)
		if ks.hasOut[t] {
			ks.rows[i] = ^ks.rows[i]
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
	table := ks.raw
	space := int32(ks.class[' '])
	classes := int32(ks.classes)
	masks := make([]uint64, len(spans)*ks.width)
	for i, sp := range spans {
		m := masks[i*ks.width : (i+1)*ks.width]
		state := int32(0)
		blank := true
		for j := sp.start; j < sp.end; j++ {
			cls := int32(table[text[j]])
			if cls >= classC2 {
				cls = ks.special(text, j, sp.end, cls, &j)
				if cls < 0 {
					continue
				}
				if cls == classBlank {
					if blank {
						continue
					}
					blank, cls = true, space
				} else {
					blank = false
				}
			} else {
				blank = false
			}
			state = int32(ks.rows[state*classes+cls])
			if state < 0 {
				state = ^state
				o := ks.out[int(state)*ks.width:]
				for k := range m {
					m[k] |= o[k]
				}
			}
		}
	}
	return masks
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
