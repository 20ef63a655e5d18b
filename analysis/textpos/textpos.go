// Package textpos converts between the byte offsets fineprint's analysis
// works in and the line/column positions editors and report formats use.
//
// Lines and columns are 0-based here; columns count UTF-16 code units, as the
// Language Server Protocol and SARIF do. Callers that print 1-based positions
// add one to each.
//
// Line breaks are "\n", "\r\n" and a lone "\r". A UTF-8 byte order mark at the
// start of the text takes no column: editors strip it before showing the
// text, so the first visible character is column 0 in both worlds.
// Invalid UTF-8 bytes count as one UTF-16 unit each (editors show U+FFFD).
package textpos

import (
	"bytes"
	"sort"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// Position is a 0-based line and a 0-based column in UTF-16 code units.
type Position struct {
	Line   int
	Column int
}

// Index maps byte offsets of one text to positions and back.
// Building it is O(n); each lookup is O(log n + checkpointEvery): within a
// long line (a license written as one line, a minified notebook) columns are
// counted from the nearest checkpoint, not from the line's start, so that
// converting every finding of such a line stays linear in the text.
type Index struct {
	text  []byte
	lines []int // byte offset where each line starts

	// Checkpoints, built on the first lookup that would otherwise scan
	// more than checkpointEvery bytes of one line: cps[k] is the first
	// character boundary at or after k*checkpointEvery bytes, with the
	// UTF-16 units of the text before it. Boundaries are those of decoding
	// the whole text from its start; every line start is one (a line break
	// is ASCII, never part of a multi-byte sequence), so counting from a
	// checkpoint gives the same column as counting from the line's start.
	cpOnce sync.Once
	cps    []checkpoint
}

// checkpoint is a character boundary and the UTF-16 units before it.
type checkpoint struct{ off, units int }

// checkpointEvery is the spacing of checkpoints in bytes: lookups scan at
// most about this much; the table costs 16 bytes per checkpointEvery bytes.
const checkpointEvery = 256

const bom = "\xef\xbb\xbf"

// NewIndex indexes text. The Index keeps a reference to text; do not
// modify it afterwards.
func NewIndex(text []byte) *Index {
	lines := make([]int, 1, 1+len(text)/40)
	if bytes.IndexByte(text, '\r') < 0 {
		// Only "\n" breaks lines: bytes.IndexByte finds them many bytes
		// at a time (a megabyte card is indexed on every keystroke).
		for i := 0; ; {
			j := bytes.IndexByte(text[i:], '\n')
			if j < 0 {
				return &Index{text: text, lines: lines}
			}
			i += j + 1
			lines = append(lines, i)
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			lines = append(lines, i+1)
		}
	}
	return &Index{text: text, lines: lines}
}

// Lines returns the number of lines (a text ending in a line break has an
// empty last line).
func (x *Index) Lines() int { return len(x.lines) }

// LineStart returns the byte offset at which line starts, clamped to the
// text.
func (x *Index) LineStart(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(x.lines) {
		return len(x.text)
	}
	return x.lines[line]
}

// Position returns the position of byte offset off. Offsets beyond the text
// are clamped to its end; an offset inside a multi-byte character maps to
// that character's start.
func (x *Index) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(x.text) {
		off = len(x.text)
	}
	line := sort.Search(len(x.lines), func(i int) bool { return x.lines[i] > off }) - 1
	start := x.lines[line]
	if line == 0 && len(x.text) >= 3 && string(x.text[:3]) == bom {
		start = min(3, off)
	}
	return Position{Line: line, Column: x.unitsBetween(start, off)}
}

// unitsBetween counts the UTF-16 units of text[start:off], where start is a
// character boundary (a line start, or just after the BOM).
func (x *Index) unitsBetween(start, off int) int {
	if off-start <= 2*checkpointEvery {
		return utf16Len(x.text[start:off])
	}
	return x.unitsBefore(off) - x.unitsBefore(start)
}

// unitsBefore counts the UTF-16 units of text[:off] from the nearest
// checkpoint at or before off.
func (x *Index) unitsBefore(off int) int {
	cp := x.checkpointAtOrBefore(off)
	return cp.units + utf16Len(x.text[cp.off:off])
}

func (x *Index) checkpointAtOrBefore(off int) checkpoint {
	x.cpOnce.Do(x.buildCheckpoints)
	k := min(off/checkpointEvery, len(x.cps)-1)
	for x.cps[k].off > off {
		k-- // the boundary after k*checkpointEvery fell past off
	}
	return x.cps[k]
}

func (x *Index) buildCheckpoints() {
	cps := make([]checkpoint, 0, len(x.text)/checkpointEvery+1)
	off, units := 0, 0
	for k := 0; k*checkpointEvery <= len(x.text); k++ {
		for target := k * checkpointEvery; off < target; {
			r, size := utf8.DecodeRune(x.text[off:])
			if r == utf8.RuneError && size == 1 {
				units++
			} else {
				units += utf16.RuneLen(r)
			}
			off += size
		}
		cps = append(cps, checkpoint{off: off, units: units})
	}
	x.cps = cps
}

// Offset returns the byte offset of p. A column past the end of its line maps
// to the line's end (before the line break); a line past the end maps to the
// end of the text; a column inside a surrogate pair maps to the character's
// start.
func (x *Index) Offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.lines) {
		return len(x.text)
	}
	off := x.lines[p.Line]
	if p.Line == 0 && len(x.text) >= 3 && string(x.text[:3]) == bom {
		off = 3
	}
	end := x.lineContentEnd(p.Line)
	col := 0
	if end-off > 2*checkpointEvery && p.Column > checkpointEvery {
		// Start from the last checkpoint of this line at or before the
		// column: checkpoints' units grow with their offsets.
		base := x.unitsBefore(off) // builds the checkpoints
		first := sort.Search(len(x.cps), func(k int) bool { return x.cps[k].off >= off })
		last := sort.Search(len(x.cps), func(k int) bool { return x.cps[k].off > end }) - 1
		k := sort.Search(last+1-first, func(i int) bool { return x.cps[first+i].units-base > p.Column }) - 1
		if k >= 0 {
			off, col = x.cps[first+k].off, x.cps[first+k].units-base
		}
	}
	for off < end && col < p.Column {
		r, size := utf8.DecodeRune(x.text[off:end])
		w := 1
		if r != utf8.RuneError || size != 1 {
			w = utf16.RuneLen(r)
		}
		if col+w > p.Column {
			break
		}
		col += w
		off += size
	}
	return off
}

// lineContentEnd is the byte offset of the line break ending line (or the
// end of the text).
func (x *Index) lineContentEnd(line int) int {
	end := len(x.text)
	if line+1 < len(x.lines) {
		end = x.lines[line+1]
	}
	for end > x.lines[line] && (x.text[end-1] == '\n' || x.text[end-1] == '\r') {
		end--
	}
	return end
}

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			n++
		} else {
			n += utf16.RuneLen(r)
		}
		b = b[size:]
	}
	return n
}
