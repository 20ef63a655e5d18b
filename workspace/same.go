package workspace

import (
	"bytes"
	"hash/maphash"
)

// Files with the same bytes share one text. A repository that ships a
// model per folder ships the same LICENSE (and often the same NOTICE and
// card template) in each; a snapshot keeps license texts, cards and READMEs
// for the project rules, and without sharing it would hold every copy:
// most of the live heap of a large workspace's scan. Texts are not modified
// once read (analysis.Document), so sharing is invisible to the analysis,
// as it is for the names of one file (hard and symbolic links).

var sameSeed = maphash.MakeSeed()

// sameTexts holds the texts a walk keeps, by a hash of their bytes.
type sameTexts map[uint64][]byte

// shared returns the text the walk already keeps with the bytes of text,
// or text itself.
func (st sameTexts) shared(text []byte) []byte {
	if len(text) == 0 {
		return text
	}
	if kept, ok := st[maphash.Bytes(sameSeed, text)]; ok && bytes.Equal(kept, text) {
		return kept
	}
	return text
}

// keep notes that the walk keeps text, for files read later with the same
// bytes. Of two different texts with one hash the first stays (the
// second is then not shared: a cost, never a wrong text).
func (st sameTexts) keep(text []byte) {
	if len(text) == 0 {
		return
	}
	h := maphash.Bytes(sameSeed, text)
	if _, ok := st[h]; !ok {
		st[h] = text
	}
}
