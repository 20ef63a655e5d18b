// Package identify names the license a text carries.
//
// Two sources of knowledge are combined:
//
//   - Model licenses (Llama, Gemma, the RAIL family, Qwen, DeepSeek,
//     Stability, ...) and their use policies are recognised by the
//     fingerprints in the knowledge base (licenses.yaml): titles, version
//     lines and a few distinctive short phrases, compared against one
//     normalized copy of the text (lower case, Markdown and HTML marks
//     removed, curly quotes made plain, white space collapsed). Hard-wrapped,
//     CRLF, BOM-prefixed and Markdown-formatted copies therefore match alike.
//   - Standard licenses (Apache-2.0, MIT, GPL, Creative Commons, ...) are
//     found by google/licensecheck's built-in templates, whose ids map to
//     knowledge-base ids through each entry's licensecheck field.
//     licensecheck is skipped when a model license's title opens the text,
//     because that is the slow part of identification.
//
// A file may carry several documents: a license followed by its use policy
// (the Llama 3 LICENSE), or two licenses (Apache-2.0 for code and the NVIDIA
// Open Model License for weights). Each yields its own Match with the byte
// range it covers. A NOTICE file is identified as the license it names.
package identify

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/google/licensecheck"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/modelcard"
)

// Match is one license found in a text.
type Match struct {
	ID         string  // knowledge-base license id
	Start, End int     // byte range of the text the match covers
	TitleStart int     // byte range of the license's title line, for hovers and
	TitleEnd   int     // code lenses; the first non-empty line when there is no title
	Confidence float64 // 0..1
	// Policy is true when the match is a use policy (an acceptable-use
	// policy appended to or shipped beside a license) rather than a license.
	Policy bool
	// Source says how the match was found: "fingerprint", "licensecheck",
	// "altered" (a standard license with terms written into it, which
	// licensecheck does not match; see altered.go) or "pointer" (a short
	// file that names a standard license; see pointer.go).
	Source string
	// Added holds the regions of a license's file that are not that
	// license: terms layered on top of it (a "modified MIT"), one region
	// per block of added text. It is set for a lone standard license with
	// substantial added terms around it (modified.go), written into it
	// (altered.go) or changed words (changed.go); for a Creative Commons
	// pointer followed by conditions (modified.go); and for a RAIL license
	// with sections, restricted uses or terms of its own (rail.go). Each
	// region is reported (license/modified), in the order of the text.
	Added []Span
	// Component is set on a standard license that the text introduces as
	// the license of a component it includes ("THIRD-PARTY SOFTWARE
	// NOTICES", after a license of the file's own): the text before Start
	// is another license, which no knowledge names.
	Component bool
	// Preface is set on a Creative Commons match that holds the whole
	// legal code when the file has prose of its own beside it (a
	// preface that says what the license covers, binding or not): the
	// legal code is then a standard text inside the file, as in a
	// modified one, not the file itself.
	Preface bool

	covered []Span // every range licensecheck matched for this license
}

// titleSlack is how many bytes may follow a title on its line ("... LICENSE
// AGREEMENT", a version, a date, the copyright after a notice line) for the
// line to still count as a title line.
const titleSlack = 64

// earlyLines: a model-license title on one of the first lines means the
// file is that license, and licensecheck need not run.
const earlyLines = 3

// Identify returns the licenses found in text, best first: model licenses
// in the order they appear, then standard licenses (largest first), then use
// policies. A text that carries two licenses (a dual-license file, a use
// policy appended to a license) yields a match for each.
func Identify(k *kb.KB, text []byte) []Match {
	from := skipFrontMatter(text)
	n := normalize(text, from)
	if strings.TrimSpace(n.s) == "" {
		return nil
	}
	m := compiled(k)
	cands := lineCandidates(m, n)
	var std []Match
	var unknown []Span // what licensecheck matched to licenses no entry names
	scanned := false
	if len(cands) == 0 {
		// No title line: a standard license, or a model license named only
		// in running text (a pointer file, a NOTICE). licensecheck settles
		// the first; the full search runs only when it finds little.
		var percent float64
		std, percent, unknown = scanStandard(k, text)
		scanned = true
		if percent < 50 {
			cands = findCandidates(m, n)
		}
	}
	cands = resolve(cands)
	fps := make([]Match, 0, len(cands))
	for i, c := range cands {
		fps = append(fps, c.match(n, len(text), from, i == 0))
	}
	setEnds(fps, len(text))
	if !scanned && (len(cands) == 0 || n.lineOf(cands[0].pos) >= earlyLines || cands[0].lic.Family == "cc") {
		std, _, unknown = scanStandard(k, text)
	}
	fps = namedAboveText(k, fps, std)
	std = dropInside(std, fps)
	tr := termsOf(k)
	if l := k.License(std0ID(std)); len(fps) == 0 && l != nil && (l.Whole || fullText(l, std[0])) {
		covered := trimCovered(text[from:], shift(std[0].covered, -from), l)
		switch {
		case thirdPartyNotice(text[from:], covered):
			std[0].Component = true
		case l.Whole:
			std[0].Added = changedInMatch(text[from:], covered, refineAdded(tr, text[from:], addedTerms(tr, l, text[from:], covered), l.Licensecheck[0]), l)
		default:
			cc := withCCNotices(text[from:], covered, l)
			prose := ownProse(text[from:], cc)
			std[0].Added = withoutExceptions(text[from:], addedIn(tr, l, text[from:], cc, prose))
			std[0].Preface = len(prose) > 0
		}
		for i := range std[0].Added {
			std[0].Added[i].Start += from
			std[0].Added[i].End += from
		}
		if mentioned(tr, text, std[0]) {
			std = std[1:]
		}
	} else if len(fps) == 0 && len(std) == 0 {
		// No whole template matched: a standard license with terms
		// written into it still holds most of its template's wording.
		if m, ok := altered(k, text, from, unknown); ok {
			m.TitleStart, m.TitleEnd = firstLineFrom(text, m.Start)
			std = append(std, m)
		}
	}
	if len(fps) > 0 {
		for _, s := range std {
			if s.Start < fps[0].TitleStart {
				fps[0].Start = lineStart(n, fps[0].TitleStart) // the second half of a dual-license file
			}
		}
	}
	for i := range fps {
		if l := k.License(fps[i].ID); l != nil && !fps[i].Policy {
			fps[i].Added = railAdded(tr, text, fps[i], l, k.Family(l.Family))
		}
	}
	out := onceEach(order(fps, std))
	if len(out) == 0 && len(text)-from <= maxPointerBytes {
		// A short file that names one standard license and sets terms of
		// its own beside it is that license modified. A bare pointer stays
		// a pointer (the license is elsewhere), and one that names two is
		// two licenses for two parts.
		if ls, after := namedLicenses(k, text[from:]); len(ls) == 1 {
			if added := pointerTerms(tr, ls[0], text[from+after:]); len(added) > 0 {
				m := Match{ID: ls[0].ID, Start: from, End: len(text), Confidence: 0.5, Source: "pointer", Added: shift(added, from+after)}
				m.TitleStart, m.TitleEnd = firstLineFrom(text, from)
				out = append(out, m)
			}
		}
	}
	if len(out) == 1 && out[0].Source != "pointer" && len(text)-from <= maxPointerBytes && pointsAt(k, out[0]) {
		out[0].Added = shift(pointerTerms(tr, k.License(out[0].ID), text[from:]), from)
	}
	return out
}

// onceEach merges the matches of one license into the first of them: a
// file that names its license in a heading and again in a credit line it
// asks you to copy ("licensed under CC BY-NC 4.0") has one license, found
// twice (by licensecheck and by a fingerprint), and a later match of it
// is more of the first one's text.
func onceEach(ms []Match) []Match {
	out := ms[:0]
	for _, m := range ms {
		i := slices.IndexFunc(out, func(o Match) bool { return o.ID == m.ID && o.Policy == m.Policy })
		if i < 0 {
			out = append(out, m)
			continue
		}
		o := &out[i]
		if m.Start < o.Start {
			o.Start, o.TitleStart, o.TitleEnd = m.Start, m.TitleStart, m.TitleEnd
		}
		o.End = max(o.End, m.End)
		o.Confidence = max(o.Confidence, m.Confidence)
		o.Added = append(o.Added, m.Added...)
		o.covered = append(o.covered, m.covered...)
	}
	return out
}

// fullText reports a match of a GNU license (GPL, LGPL, AGPL) or a
// Creative Commons legal code that holds its whole text, which
// licensecheck's template covers from the title to the appendix on how to
// apply it (a CC legal code's template, from its first section to its
// last, leaves out the notices of Creative Commons around it:
// withCCNotices): terms written before it ("The Preamble of the GPLv2
// does not apply; the following conditions prevail ...") or after it are
// added, as around MIT. A GNU notice ("This program is free software
// ..."), or a CC license's name or address, a few hundred bytes, is no
// base for added terms: a file holding it says more of its own (a CC
// pointer's terms are read by pointerTerms).
func fullText(l *kb.License, m Match) bool {
	if l.Family != "gpl" && l.Family != "cc" {
		return false
	}
	n := 0
	for _, c := range m.covered {
		n += c.End - c.Start
	}
	return n >= minFullText
}

// minFullText is the fewest bytes of a GNU license's full text (LGPL-3.0,
// which adds to the GPL, has 7 kB; a notice is under 1 kB).
const minFullText = 4 << 10

// ccNotice is a paragraph of Creative Commons' own notices around its
// legal codes: the preamble ("Creative Commons Corporation ... is not a
// law firm", "Using Creative Commons Public Licenses", "Considerations
// for licensors") and the afterword ("Creative Commons is not a party to
// its public licenses ... may be contacted at creativecommons.org"), and
// the notices of its deeds, which a file may copy above the legal code
// ("You do not have to comply with the license for elements of the
// material in the public domain ... The license may not give you all of
// the permissions necessary for your intended use").
var ccNotice = regexp.MustCompile(`(?i)\bcreative commons (?:corporation|is not a party|may (?:be contacted|elect)|public licenses (?:provide|are intended))\b|\busing creative commons public licenses\b|\bconsiderations for (?:licensors|the public)\b|\bcreative commons notice\b|\byou do not have to comply with the license for elements of the material\b|\bthe license may not give you all of the permissions\b`)

// ccNoticeReach is how far before or after a legal code Creative
// Commons' notices are looked for (its preamble has some 3 kB).
const ccNoticeReach = 6 << 10

// withCCNotices adds to covered, the match of a Creative Commons legal
// code, the notices of Creative Commons before and after it, from the
// first such paragraph before the match and up to the last one after it:
// they are the license's standard text, no terms of the file's own.
func withCCNotices(text []byte, covered []Span, l *kb.License) []Span {
	if l.Family != "cc" || len(covered) == 0 {
		return covered
	}
	// The notices are around the legal code, the largest match; the
	// license's name or address matched above it is no part of it.
	code := covered[0]
	for _, c := range covered {
		if c.End-c.Start > code.End-code.Start {
			code = c
		}
	}
	lo, hi := code.Start, code.End
	out := slices.Clone(covered)
	if locs := ccNotice.FindAllIndex(text[max(0, lo-ccNoticeReach):lo], 1); locs != nil {
		at := max(0, lo-ccNoticeReach) + locs[0][0]
		if i := bytes.LastIndex(text[:at], []byte("\n\n")); i >= 0 {
			at = i
		} else {
			at = 0
		}
		out = append(out, Span{at, lo})
	}
	if locs := ccNotice.FindAllIndex(text[hi:min(len(text), hi+ccNoticeReach)], -1); locs != nil {
		at := hi + locs[len(locs)-1][1]
		if i := bytes.Index(text[at:], []byte("\n\n")); i >= 0 {
			at += i
		} else {
			at = len(text)
		}
		out = append(out, Span{hi, at})
	}
	return out
}

// gnuException opens a GNU license's standard exception ("As a special
// exception, the copyright holders give you permission to link ...",
// the Classpath or GCC Runtime Library Exception): a permission that
// widens the license, written as the FSF words it, not terms of a
// licensor's own.
var gnuException = regexp.MustCompile(`(?i)\b(?:as a special exception|(?:linking|runtime library|classpath|autoconf|bison|font) exception)\b`)

// withoutExceptions drops from added the regions that hold a GNU
// license's standard exception.
func withoutExceptions(text []byte, added []Span) []Span {
	out := added[:0]
	for _, a := range added {
		if !gnuException.Match(text[a.Start:a.End]) {
			out = append(out, a)
		}
	}
	return out
}

// pointsAt reports a match of a Creative Commons license that names it
// rather than holds its text: a fingerprint of its name, or a licensecheck
// match of its URL or name only.
func pointsAt(k *kb.KB, m Match) bool {
	l := k.License(m.ID)
	if l == nil || m.Policy {
		return false
	}
	if l.Family != "cc" {
		return false
	}
	if m.Source == "fingerprint" {
		return true
	}
	n := 0
	for _, c := range m.covered {
		n += c.End - c.Start
	}
	return m.Source == "licensecheck" && n < maxPointerName
}

// maxPointerName is the most bytes of a pointer that licensecheck matches
// (a URL, a name): a license text is thousands.
const maxPointerName = 300

// Warmup pays licensecheck's one-time initialisation cost (about 0.7 s) and
// compiles the default knowledge base's fingerprints, so that the first real
// scan does neither.
func Warmup() {
	warmOnce.Do(func() {
		licensecheck.Scan([]byte("Permission is hereby granted, free of charge, to any person obtaining a copy"))
		compiled(kb.Default())
	})
}

var warmOnce sync.Once

// skipFrontMatter returns where the body starts when text opens with a YAML
// header between "---" lines (ScanCode license entries look like that), so
// that the header's names do not pass for the license's title; otherwise
// after a byte-order mark.
func skipFrontMatter(text []byte) int {
	if end := modelcard.End(text); end > 0 {
		return end
	}
	if len(text) >= 3 && string(text[:3]) == "\xef\xbb\xbf" {
		return 3
	}
	return 0
}

// scanStandard runs licensecheck and maps its ids to knowledge-base entries,
// merging repeated matches of one license (a text pasted twice). It also
// returns the share of the text licensecheck recognised, in percent, and
// the ranges it matched to licenses that no entry names.
func scanStandard(k *kb.KB, text []byte) ([]Match, float64, []Span) {
	cov := scanLicensecheck(text)
	conf := min(1, max(0.5, cov.Percent/100))
	var out []Match
	var covered []int // bytes each license's matches cover, for ordering
	byID := map[string]int{}
	var unknown []Span
	for _, m := range cov.Match {
		l := k.LicenseByLicensecheck(m.ID)
		if l == nil {
			l = k.License(m.ID)
		}
		if l == nil {
			unknown = append(unknown, Span{m.Start, m.End})
			continue
		}
		if i, ok := byID[l.ID]; ok {
			// A license repeated back to back is one match; a repeat after
			// another license (a NOTICE listing MIT twice) keeps the
			// first range, so that ranges do not overlap.
			if i == len(out)-1 {
				out[i].End = max(out[i].End, m.End)
			}
			out[i].covered = append(out[i].covered, Span{m.Start, m.End})
			covered[i] += m.End - m.Start
			continue
		}
		byID[l.ID] = len(out)
		out = append(out, Match{ID: l.ID, Start: m.Start, End: m.End, Confidence: conf, Source: "licensecheck", covered: []Span{{m.Start, m.End}}})
		covered = append(covered, m.End-m.Start)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return covered[idx[a]] > covered[idx[b]] })
	sorted := make([]Match, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	out = sorted
	for i := range out {
		out[i].TitleStart, out[i].TitleEnd = firstLineFrom(text, out[i].Start)
	}
	return out, cov.Percent, unknown
}

// mentioned reports a standard license that a text of its own names in
// passing ("Model Materials do not include source code licensed under
// the Apache License, Version 2.0"): licensecheck matched its name only,
// and the paragraphs before and after the one naming it both set terms.
// A license named and then added to ("Licensed under Apache-2.0, with
// these additional terms: ...") has its terms on one side of the name. A
// sentence that puts another part of the work under it (otherPart: "The
// source code ... is licensed under the Apache License") names it in
// passing wherever it stands.
func mentioned(tr *termReader, text []byte, m Match) bool {
	n := 0
	for _, c := range m.covered {
		n += c.End - c.Start
	}
	if n >= maxPointerName || len(m.Added) == 0 {
		return false
	}
	if otherPart(text, m.Start) {
		// "The source code accompanying the Weights is licensed under the
		// Apache License": the license of another part, whatever side of
		// it the file's own terms are on
		return true
	}
	start, end := m.Start, m.End
	if i := bytes.LastIndex(text[:start], []byte("\n\n")); i >= 0 {
		start = i
	} else {
		start = 0
	}
	if i := bytes.Index(text[end:], []byte("\n\n")); i >= 0 {
		end += i
	} else {
		end = len(text)
	}
	return setsTerms(tr, text[:start]) && setsTerms(tr, text[end:])
}

// setsTerms reports prose that binds, of at least minAddedWords words.
func setsTerms(tr *termReader, b []byte) bool {
	return wordCount(b) >= minAddedWords && tr.binds(b, nil)
}

// namedAboveText drops the fingerprint matches of a Creative Commons
// license's name ("The weights are licensed under Creative Commons
// Attribution-NonCommercial 4.0 International") when the file holds that
// license's full legal code too: the name is the preface's, and the
// preface is read around the legal code as the text before any standard
// license is (terms of its own, license/modified).
func namedAboveText(k *kb.KB, fps, std []Match) []Match {
	out := fps[:0]
	for _, f := range fps {
		if l := k.License(f.ID); l == nil || f.Policy || l.Family != "cc" || !slices.ContainsFunc(std, func(s Match) bool { return s.ID == f.ID && fullText(l, s) }) {
			out = append(out, f)
		}
	}
	return out
}

// dropInside drops standard-license matches that fall inside a model
// license already found (the Apache-derived Falcon license, for one).
func dropInside(std, fps []Match) []Match {
	out := std[:0]
	for _, s := range std {
		inside := false
		for _, f := range fps {
			if s.Start >= f.TitleStart && s.Start < f.End {
				inside = true
			}
		}
		if !inside {
			out = append(out, s)
		}
	}
	return out
}

// setEnds makes each fingerprint match run to the next one's start.
func setEnds(ms []Match, textLen int) {
	for i := range ms {
		ms[i].End = textLen
		if i+1 < len(ms) {
			ms[i].End = ms[i+1].Start
		}
	}
}

// order puts model licenses first, then standard licenses (largest first, as scanStandard sorts them), then
// policies, and trims a model license that runs into a standard one found
// after it (the second half of a dual-license file).
func order(fps, std []Match) []Match {
	for i := range fps {
		for _, s := range std {
			if s.Start > fps[i].Start && s.Start < fps[i].End {
				fps[i].End = s.Start
			}
		}
	}
	out := make([]Match, 0, len(fps)+len(std))
	for _, m := range fps {
		if !m.Policy {
			out = append(out, m)
		}
	}
	out = append(out, std...)
	for _, m := range fps {
		if m.Policy {
			out = append(out, m)
		}
	}
	return out
}

// firstLineFrom returns the range of the first non-empty line at or after
// off, without surrounding white space.
func firstLineFrom(text []byte, off int) (int, int) {
	for off < len(text) && (text[off] == ' ' || text[off] == '\t' || text[off] == '\r' || text[off] == '\n') {
		off++
	}
	end := off
	for end < len(text) && text[end] != '\n' {
		end++
	}
	for end > off && (text[end-1] == '\r' || text[end-1] == ' ' || text[end-1] == '\t') {
		end--
	}
	return off, end
}
