package textpos

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestPosition(t *testing.T) {
	tests := []struct {
		name string
		text string
		off  int
		want Position
	}{
		{"start", "abc", 0, Position{0, 0}},
		{"end of text", "abc", 3, Position{0, 3}},
		{"second line LF", "ab\ncd", 4, Position{1, 1}},
		{"second line CRLF", "ab\r\ncd", 5, Position{1, 1}},
		{"lone CR ends a line", "ab\rcd", 4, Position{1, 1}},
		{"between CR and LF stays on line", "ab\r\ncd", 3, Position{0, 3}},
		{"BOM takes no column", "\ufeffLicense", 3 + 7, Position{0, 7}},
		{"offset inside BOM clamps to column 0", "\ufeffx", 1, Position{0, 0}},
		{"BOM only matters on the first line", "\ufeffa\nb", 6, Position{1, 1}},
		{"tab is one unit", "\tx", 2, Position{0, 2}},
		{"CJK is one unit per character", "许可证 x", len("许可证 "), Position{0, 4}},
		{"emoji is a surrogate pair", "😀x", 4, Position{0, 2}},
		{"emoji then CJK", "😀许x", len("😀许"), Position{0, 3}},
		{"invalid UTF-8 byte counts one", "\xffx", 1, Position{0, 1}},
		{"past the end clamps", "ab", 99, Position{0, 2}},
		{"negative clamps", "ab", -5, Position{0, 0}},
		{"trailing newline opens a line", "a\n", 2, Position{1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewIndex([]byte(tt.text)).Position(tt.off); got != tt.want {
				t.Errorf("Position(%d) = %+v, want %+v", tt.off, got, tt.want)
			}
		})
	}
}

func TestOffset(t *testing.T) {
	tests := []struct {
		name string
		text string
		pos  Position
		want int
	}{
		{"start", "abc", Position{0, 0}, 0},
		{"CRLF second line", "ab\r\ncd", Position{1, 1}, 5},
		{"column past line end stops before CRLF", "ab\r\ncd", Position{0, 9}, 2},
		{"line past end", "ab\ncd", Position{7, 0}, 5},
		{"after emoji", "😀x", Position{0, 2}, 4},
		{"inside surrogate pair maps to the character start", "😀x", Position{0, 1}, 0},
		{"BOM skipped", "\ufeffab", Position{0, 1}, 4},
		{"CJK", "许可证", Position{0, 2}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewIndex([]byte(tt.text)).Offset(tt.pos); got != tt.want {
				t.Errorf("Offset(%+v) = %d, want %d", tt.pos, got, tt.want)
			}
		})
	}
}

func TestRoundTripOnCharacterBoundaries(t *testing.T) {
	text := "\ufeff# Title 😀\r\n\tLicensed 许可 under\rthe 🇪🇺 terms\n\nend"
	x := NewIndex([]byte(text))
	for off := 3; off <= len(text); off++ {
		if off < len(text) && !utf8.RuneStart(text[off]) {
			continue
		}
		if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
			continue // the LF of a CRLF has no position of its own
		}
		if got := x.Offset(x.Position(off)); got != off {
			t.Errorf("Offset(Position(%d)) = %d (%+v)", off, got, x.Position(off))
		}
	}
}

func FuzzIndex(f *testing.F) {
	f.Add([]byte("\ufeffa\r\nb😀\rc\n"), 3)
	f.Add([]byte(strings.Repeat("许\n", 10)), 7)
	f.Fuzz(func(t *testing.T, text []byte, off int) {
		x := NewIndex(text)
		p := x.Position(off)
		if p.Line < 0 || p.Line >= x.Lines() || p.Column < 0 {
			t.Fatalf("Position(%d) = %+v out of range", off, p)
		}
		back := x.Offset(p)
		if back < 0 || back > len(text) {
			t.Fatalf("Offset(%+v) = %d outside text", p, back)
		}
		if again := x.Position(back); again.Line != p.Line {
			t.Fatalf("line changed on round trip: %+v -> %d -> %+v", p, back, again)
		}
	})
}

// refPosition and refOffset are the line-scanning conversions the index had
// before checkpoints: the definition the checkpointed lookups must agree with.
func refPosition(x *Index, off int) Position {
	off = max(0, min(off, len(x.text)))
	line := 0
	for line+1 < len(x.lines) && x.lines[line+1] <= off {
		line++
	}
	start := x.lines[line]
	if line == 0 && strings.HasPrefix(string(x.text), bom) {
		start = min(3, off)
	}
	return Position{Line: line, Column: utf16Len(x.text[start:off])}
}

func refOffset(x *Index, p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.lines) {
		return len(x.text)
	}
	off := x.lines[p.Line]
	if p.Line == 0 && strings.HasPrefix(string(x.text), bom) {
		off = 3
	}
	end := x.lineContentEnd(p.Line)
	for col := 0; off < end && col < p.Column; {
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

// randomText builds text from pieces that stress the conversion: ASCII, CJK,
// emoji (surrogate pairs), CRLF, lone CR, tabs, invalid bytes, a BOM, and
// long runs without a line break.
func randomText(r *rand.Rand) []byte {
	pieces := []string{"a", "license ", "许可证", "😀", "🇪🇺", "\r\n", "\n", "\r", "\t", "\xff", "\xe8\xae", "é"}
	var b []byte
	if r.IntN(4) == 0 {
		b = append(b, bom...)
	}
	n := r.IntN(3000)
	for len(b) < n {
		p := pieces[r.IntN(len(pieces))]
		if r.IntN(3) == 0 && (p == "\n" || p == "\r\n" || p == "\r") {
			continue // keep lines long
		}
		b = append(b, p...)
	}
	return b
}

func TestIndexMatchesLineScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		text := randomText(r)
		x := NewIndex(text)
		ref := &Index{text: text, lines: x.lines}
		for off := 0; off <= len(text)+1; off++ {
			if got, want := x.Position(off), refPosition(ref, off); got != want {
				t.Fatalf("text %d (%d bytes): Position(%d) = %+v, line scan says %+v", i, len(text), off, got, want)
			}
		}
		for line := 0; line <= x.Lines(); line++ {
			for col := 0; col < 1200; col += 1 + r.IntN(7) {
				p := Position{Line: line, Column: col}
				if got, want := x.Offset(p), refOffset(ref, p); got != want {
					t.Fatalf("text %d (%d bytes): Offset(%+v) = %d, line scan says %d", i, len(text), p, got, want)
				}
			}
		}
	}
}

// TestLongLineLookupsScanLittle pins the cost that made a license written
// as one line quadratic: a lookup near the end of a 1 MB line decodes at
// most a few checkpoints' worth of bytes.
func TestLongLineLookupsScanLittle(t *testing.T) {
	text := []byte(strings.Repeat("Licensed 许可 😀 ", 1<<16))
	x := NewIndex(text)
	x.Position(len(text) / 2) // builds the checkpoints
	cp := x.checkpointAtOrBefore(len(text) - 1)
	if scanned := len(text) - 1 - cp.off; scanned > checkpointEvery+4 {
		t.Fatalf("a lookup at the end scans %d bytes from its checkpoint", scanned)
	}
	want := refPosition(&Index{text: text, lines: x.lines}, len(text)-1)
	if got := x.Position(len(text) - 1); got != want {
		t.Fatalf("Position = %+v, want %+v", got, want)
	}
}

func BenchmarkPositionsOnOneLongLine(b *testing.B) {
	text := []byte(strings.Repeat("Licensed 许可 😀 ", 1<<15))
	for b.Loop() {
		x := NewIndex(text)
		for off := 0; off < len(text); off += 97 {
			x.Position(off)
		}
	}
}
