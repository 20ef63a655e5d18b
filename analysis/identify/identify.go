// Package identify names the license a text carries.
package identify

import "github.com/fineprint-dev/fineprint/analysis/kb"

// Match is one license found in a text.
type Match struct {
	ID         string  // knowledge-base license id
	Start, End int     // byte range of the text the match covers
	TitleStart int     // byte range of the license's title line, for hovers and
	TitleEnd   int     // code lenses; equal to Start/Start when there is none
	Confidence float64 // 0..1
}

// Identify returns the licenses found in text, best first. A text that
// carries two licenses (a dual-license file, a use policy appended to a
// license) yields a match for each.
func Identify(k *kb.KB, text []byte) []Match { return nil }

// Warmup pays licensecheck's one-time initialisation cost (about 0.7 s) so
// that the first real scan does not.
func Warmup() {}
