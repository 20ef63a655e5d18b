package textpos

import (
	"strings"
	"testing"
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
