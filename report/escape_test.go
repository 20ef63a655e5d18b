package report

import "testing"

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"LICENSE":                          "LICENSE",
		"models/ünïcode/LICENSE":           "models/ünïcode/LICENSE",
		"a\nb\rc\td":                       `a\nb\rc\td`,
		"\x1b]52;c;ZXZpbA==\x07":           `\x1b]52;c;ZXZpbA==\x07`,
		"x\x7fy\u0085z":                    `x\x7fy\u0085z`,
		"evil\u202etxt.exe":                `evil\u202etxt.exe`,
		"bad \xff byte":                    `bad \xff byte`,
		"x\n::error file=a,line=1::forged": `x\n::error file=a,line=1::forged`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := escapeLines("  Checklist:\n    Name: \x1b[2J\n"); got != "  Checklist:\n    Name: \\x1b[2J\n" {
		t.Errorf("escapeLines = %q", got)
	}
}
