// Package clause finds restrictive clauses in license texts, whether
// fineprint knows the license or has never seen it.
//
// Detect cuts a text into sentences and reports, for each sentence, the
// finding codes whose patterns match it, with a message for the builder and
// the facts it could read (a threshold, a URL, a notice line):
//
//	hits := clause.Detect(kb.Default(), text)
//	// hits[i].Code == "clause/scale-threshold", hits[i].Data["value"] == int64(700000000)
//
// Each hit's range is the whole sentence in the original bytes, without its
// list marker ("(a)", "1.", "-"), Markdown emphasis or surrounding blanks, so
// an editor underlines exactly the clause. A sentence may span hard-wrapped
// lines; blank lines, headings and list items end one; "e.g.", "U.S.",
// "Inc." and quoted notices ("... Cloud. All Rights Reserved.") do not.
// CRLF, a byte-order mark, tabs and CJK full stops are handled. A sentence
// gives at most one hit per code; a text that holds a license twice gives
// hits for both copies.
//
// What is found is decided by the patterns of analysis/kb/clauses.yaml,
// which are data: to teach fineprint a new wording, add or widen a pattern
// there and a test case here. Keywords of all patterns are found in one
// pass over the text; only sentences holding a pattern's keywords are
// normalized and given to its regular expressions, which keeps Detect well
// below the cost of licensecheck.Scan on the same bytes.
//
// Two choices worth knowing:
//
//   - clause/notice-required fires on permissive licenses too where they
//     really demand a notice with every copy: Apache-2.0 section 4 (keep
//     attribution notices, pass on the NOTICE file) and MIT/BSD ("the above
//     copyright notice ... shall be included"). Nothing else fires on them.
//   - A list of prohibited uses gives one clause/use-restriction hit, on the
//     sentence that opens the list, not one per item; a use policy pulled in
//     by URL gives clause/policy-by-reference instead.
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
func Detect(k *kb.KB, text []byte) []Hit {
	d, err := patterns(k)
	if err != nil || len(d.patterns) == 0 {
		return nil
	}
	spans := sentences(text)
	found := d.keywords.scanRaw(text, spans)
	w := d.keywords.width
	var n normalizer
	var hits []Hit
	var codes []string
	for i, s := range spans {
		mask := found[i*w : (i+1)*w]
		codes = codes[:0]
		var norm string
		for _, p := range d.patterns {
			if !p.candidate(mask) || contains(codes, p.Code) {
				continue
			}
			if norm == "" {
				norm = n.sentence(text, s.start, s.end)
			}
			data, ok := p.apply(text, &n, norm)
			if !ok {
				continue
			}
			codes = append(codes, p.Code)
			hits = append(hits, Hit{Code: p.Code, Pattern: p.ID, Start: s.start, End: s.end, Message: p.render(data), Data: data})
		}
	}
	return hits
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
