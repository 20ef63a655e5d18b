package identify

import (
	"strings"
	"testing"
)

// TestFindTitleOpensLine pins what a title search returns: the first
// occurrence that opens a line, else the first occurrence, else -1; every
// occurrence is found, however many titles share its first word.
func TestFindTitleOpensLine(t *testing.T) {
	text := "This model is licensed under the apache license, version 2.0 in part.\n" +
		"Licensed under the MIT License\n" +
		"Licensed under the Apache License, Version 2.0\n"
	n := normalize([]byte(text), 0)
	ix := titleIndex{n: n, at: map[string][]int{}}
	for _, c := range []struct {
		title string
		line  bool
		want  string // the normalized text from the occurrence on
	}{
		{"licensed under the apache license", true, "licensed under the apache license, version 2.0\n"},
		{"licensed under the mit license", true, "licensed under the mit license\n"},
		{"in part", false, "in part"},
		{"licensed under the gpl", false, ""},
	} {
		pos, line := ix.findTitle(c.title)
		got := ""
		if pos >= 0 {
			got, _, _ = strings.Cut(n.s[pos:], "\n")
		}
		if line != c.line || !strings.HasPrefix(n.s[max(pos, 0):], strings.TrimSuffix(c.want, "\n")) || (pos < 0) != (c.want == "") {
			t.Errorf("findTitle(%q) = %d (%q), opens %v; want %q, opens %v", c.title, pos, got, line, c.want, c.line)
		}
	}
}
