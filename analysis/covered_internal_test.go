package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/identify"
	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestStandardTextCovers pins when clause detection may be skipped: only
// when the standard text covers every byte.
func TestStandardTextCovers(t *testing.T) {
	mit := &kb.License{ID: "mit", Kind: "permissive"}
	for _, c := range []struct {
		name  string
		spans []Span
		n     int
		want  bool
	}{
		{"whole text", []Span{{0, 60}}, 60, true},
		{"two overlapping", []Span{{50, 100}, {0, 60}}, 100, true},
		{"two touching", []Span{{60, 100}, {0, 60}}, 100, true},
		{"title before the span", []Span{{13, 60}}, 60, false},
		{"text after the span", []Span{{0, 60}}, 61, false},
		{"added text in between", []Span{{0, 20}, {40, 60}}, 60, false},
		{"no license", nil, 60, false},
	} {
		var st standardText
		for _, s := range c.spans {
			st.add(mit, LicenseInfo{Span: s}, nil, false)
		}
		if got := st.covers(c.n); got != c.want {
			t.Errorf("%s: covers = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestStandardTextSpans pins which parts of a license file are standard
// text, whose clauses are not reported: an unmodified permissive or
// copyleft license's whole span; a modified one's span less the added
// terms; no part of a custom license, a policy or a file that only names
// the license.
func TestStandardTextSpans(t *testing.T) {
	mit := &kb.License{ID: "mit", Kind: "permissive"}
	custom := &kb.License{ID: "zeta", Kind: "custom"}
	for _, c := range []struct {
		name  string
		l     *kb.License
		info  LicenseInfo
		added []identify.Span
		want  []Span
	}{
		{"unmodified", mit, LicenseInfo{Span: Span{10, 100}}, nil, []Span{{10, 100}}},
		{"terms before and inside", mit, LicenseInfo{Span: Span{10, 100}}, []identify.Span{{Start: 0, End: 10}, {Start: 40, End: 50}}, []Span{{10, 40}, {50, 100}}},
		{"terms after", mit, LicenseInfo{Span: Span{10, 100}}, []identify.Span{{Start: 90, End: 120}}, []Span{{10, 90}}},
		{"custom", custom, LicenseInfo{Span: Span{0, 100}}, nil, nil},
		{"policy", mit, LicenseInfo{Span: Span{0, 100}, Policy: true}, nil, nil},
		{"named", mit, LicenseInfo{Span: Span{0, 100}, Named: true}, []identify.Span{{Start: 50, End: 100}}, nil},
	} {
		var st standardText
		st.add(c.l, c.info, c.added, false)
		if !slices.Equal(st.spans, c.want) {
			t.Errorf("%s: standard text %v, want %v", c.name, st.spans, c.want)
		}
	}
}

// TestStandardTextHolds pins when a clause sentence is the standard
// text's: when it lies in it, or when it states a clause the standard
// license gives in the standard license's words, all but two (a word the
// licensor altered). The MIT words are those of licensecheck's
// template.
func TestStandardTextHolds(t *testing.T) {
	k := kb.Default()
	mit := k.License("mit")
	notice := "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software."
	altered := "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Model."
	own := "The above copyright notice and the Zeta attribution notice shall be included in all copies of the model weights you share."
	text := notice + "\n" + altered + "\n" + own + "\n"
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	st := standardText{kb: k, spans: []Span{{0, len(notice)}}, bases: []*kb.License{mit}}
	for _, c := range []struct {
		name, sentence, code string
		want                 bool
	}{
		{"in the standard text", notice, "clause/notice-required", true},
		{"two words altered", altered, "clause/notice-required", true},
		{"a clause the standard text does not give", altered, "license/non-commercial", false},
		{"words of the licensor's own", own, "clause/notice-required", false},
	} {
		start, end := at(c.sentence)
		if got := st.holds([]byte(text), c.code, start, end); got != c.want {
			t.Errorf("%s: holds = %v, want %v", c.name, got, c.want)
		}
	}
	// The same sentence in the text of a custom license beside the MIT
	// text is the custom license's.
	custom := st
	custom.other = []Span{{len(notice) + 1, len(text)}}
	if start, end := at(altered); custom.holds([]byte(text), "clause/notice-required", start, end) {
		t.Errorf("a sentence of another license holds, want not")
	}
	if got := (&standardText{spans: []Span{{0, 100}}}).holds(make([]byte, 200), "clause/notice-required", 90, 110); got {
		t.Errorf("a sentence half in the standard text holds, want not")
	}
}
