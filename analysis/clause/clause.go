// Package clause finds restrictive clauses in license texts.
package clause

import "github.com/fineprint-dev/fineprint/analysis/kb"

// Hit is one clause found in a text.
type Hit struct {
	Code       string         // finding code, e.g. "clause/scale-threshold"
	Pattern    string         // id of the kb.ClausePattern that matched
	Start, End int            // byte range of the clause sentence
	Message    string         // one plain sentence naming the consequence
	Data       map[string]any // facts parsed out of the clause
}

// Detect returns the clauses found in text, in text order.
func Detect(k *kb.KB, text []byte) []Hit { return nil }
