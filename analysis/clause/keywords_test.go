package clause

import (
	"slices"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// TestScanRawLanes checks scanRaw, which steps two lanes in turn over
// split tables, against one plain pass of the automaton over each span
// (delta, every class in one row), on every text of the corpus and on
// text that opens and closes with the special bytes.
func TestScanRawLanes(t *testing.T) {
	d, err := patterns(kb.Default())
	if err != nil {
		t.Fatal(err)
	}
	texts := corpusLicenses(t)
	texts["specials"] = []byte("  **Non-commercial**  use\u00a0only;\tyou\u2019ll  not_ever \u201cdistribute\u201d \u2014 \u20ac5 \u00a35 _x_ ")
	for name, text := range texts {
		spans := sentences(text)
		spans = append(spans, span{0, len(text)}, span{0, 0})
		for _, ks := range []*keywordSet{&d.keywords, &d.han} {
			if got, want := ks.scanRaw(text, spans), plainScan(ks, text, spans); !slices.Equal(got, want) {
				t.Errorf("%s: scanRaw differs from one plain pass", name)
			}
		}
	}
}

// plainScan is scanRaw as one pass over each span with the whole table.
func plainScan(ks *keywordSet, text []byte, spans []span) []uint64 {
	masks := make([]uint64, len(spans)*ks.width)
	for i, sp := range spans {
		m := masks[i*ks.width : (i+1)*ks.width]
		state, blank := int32(0), true
		for j := sp.start; j < sp.end; j++ {
			cls := int32(ks.raw[text[j]])
			if cls >= classC2 {
				if cls = ks.special(text, j, sp.end, cls, &j); cls < 0 || cls == classBlank && blank {
					continue
				}
				if blank = cls == classBlank; blank {
					cls = int32(ks.class[' '])
				}
			} else {
				blank = false
			}
			state = ks.delta[int(state)*ks.classes+int(cls)]
			ks.emit(state, m)
		}
	}
	return masks
}
