package analysis

import "testing"

func TestNearest(t *testing.T) {
	known := []string{"apache-2.0", "mit", "llama3.1", "llama3.2"}
	tests := []struct {
		word    string
		maxDist int
		want    string
		ok      bool
	}{
		{"apache2.0", 3, "apache-2.0", true},
		{"LLAMA3.1", 0, "llama3.1", true},
		{"llama3.9", 1, "llama3.1", true}, // ties go to the earlier word
		{"gpl-3.0", 2, "", false},
		{"gpl-3.0", -1, "apache-2.0", true}, // any distance: the nearest is far but named
	}
	for _, tt := range tests {
		got, ok := Nearest(tt.word, known, tt.maxDist)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Nearest(%q, %d) = %q, %v; want %q, %v", tt.word, tt.maxDist, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := Nearest("x", nil, -1); ok {
		t.Error("Nearest over no words found one")
	}
}
