package identify

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// Responsible AI licenses with terms of their own: the RAIL texts are
// recognised by fingerprints, not by a template, so there is no standard
// wording to compare them with word by word. Their structure is known
// instead: the family's numbered sections have a handful of headings
// (families.yaml, sections), and each license's Attachment A lists a known
// number of restricted uses (licenses.yaml, restrictions). A numbered
// section under another heading ("7A. Commercial Scale", "13. Governing
// Law"), restricted uses past the known number, and prose that binds before
// the license's title or after its list are terms added to it.

// sectionHeading is a numbered heading line: "5. Use-based restrictions."
// or "**13. Governing Law**"; the heading is its words up to the first full
// stop or colon, or the line's end.
var sectionHeading = regexp.MustCompile(`(?m)^[ \t>#*]*(?:section\s+)?\d{1,2}[A-Za-z]?[.)]?[ \t]+([A-Z][^\n]{0,70}?)\**(?:[.:](?:[ \t]|$)|[ \t]*$)`)

// endOfTerms closes the numbered sections, a line that opens with
// attachmentA the list of restricted uses, which follows listLeadIn ("You
// agree not to use ..."). They are looked for in the lower-case text:
// case-insensitive regexps cost a RAIL text a millisecond.
const (
	endOfTerms  = "end of terms and conditions"
	attachmentA = "attachment a"
	listLeadIn  = "not to use"
)

// attachmentLine returns where the first line of lower that opens with
// "attachment a" (after Markdown marks) starts, or -1.
func attachmentLine(lower []byte) int {
	for from := 0; ; {
		i := bytes.Index(lower[from:], []byte(attachmentA))
		if i < 0 {
			return -1
		}
		i += from
		ls := lineStartAt(lower, i)
		if len(bytes.Trim(lower[ls:i], " \t>#*")) == 0 && (i+len(attachmentA) == len(lower) || !isWordByte(lower[i+len(attachmentA)])) {
			return ls
		}
		from = i + len(attachmentA)
	}
}

// maxHeadingLen is the most words of a section heading.
const maxSectionHeadingWords = 8

// railAdded returns the terms added to a RAIL license whose match in text
// is m, in text order, or nil for a license whose structure the knowledge
// base does not give.
func railAdded(tr *termReader, text []byte, m Match, l *kb.License, fam *kb.Family) []Span {
	if l.Restrictions == 0 && (fam == nil || len(fam.Sections) == 0) {
		return nil
	}
	var added []Span
	body := text[m.Start:m.End]
	title := max(0, lineStartAt(text, m.TitleStart)-m.Start)
	// Before the title: a preamble that sets terms.
	if title > 0 {
		added = append(added, shift(binding(tr, nil, body[:title], proseRegions(body[:title], minAddedWords, noLine), minAddedWords), m.Start)...)
	}
	lower := wording.LowerASCII(body) // offsets in lower are offsets in body
	end := len(body)
	if i := bytes.Index(lower, []byte(endOfTerms)); i >= 0 {
		end = i
	} else if i := attachmentLine(lower); i >= 0 {
		end = i
	}
	if fam != nil && len(fam.Sections) > 0 {
		added = append(added, shift(newSections(body[:end], title, fam.Sections), m.Start)...)
	}
	if l.Restrictions > 0 {
		if i := attachmentLine(lower[end:]); i >= 0 {
			added = append(added, shift(moreRestrictions(tr, body[end+i:], lower[end+i:], l.Restrictions), m.Start+end+i)...)
		}
	}
	return added
}

func noLine(int, int, []byte) bool { return false }

// newSections returns the numbered sections of text (from off on) whose
// heading is none of known, each from its heading to the next heading.
func newSections(text []byte, off int, known []string) []Span {
	var out []Span
	locs := sectionHeading.FindAllSubmatchIndex(text[off:], -1)
	for i, loc := range locs {
		h := headingKey(text[off+loc[2] : off+loc[3]])
		if len(strings.Fields(h)) > maxSectionHeadingWords || knownHeading(h, known) {
			continue
		}
		end := len(text)
		if i+1 < len(locs) {
			end = off + locs[i+1][0]
		}
		s := bytes.TrimSpace(text[off+loc[0] : end])
		start := off + loc[0] + bytes.Index(text[off+loc[0]:end], s)
		if n := len(out); n > 0 && len(bytes.TrimSpace(text[out[n-1].End:start])) == 0 {
			// New sections one after another are one block of added
			// text ("7. Attribution ..." then "8. Share-a-Like ..."),
			// as a reader marks it.
			out[n-1].End = start + len(s)
			continue
		}
		out = append(out, Span{start, start + len(s)})
	}
	return out
}

// headingKey is a heading in lower case, its words joined by single
// spaces, without marks.
func headingKey(h []byte) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.Trim(string(h), " *_#.:"))), " ")
}

// knownHeading reports a heading that is, or begins with, one of known
// ("Definitions", "Grant of Copyright License").
func knownHeading(h string, known []string) bool {
	for _, k := range known {
		if h == k || strings.HasPrefix(h, k+" ") {
			return true
		}
	}
	return false
}

// moreRestrictions returns the restricted uses of an Attachment A (text
// from its first line, lower that text in lower case) past the first n, with what follows the list when
// it binds. The uses are the items of the list after its lead-in ("You
// agree not to use the Model ...:"): its lines that open with a marker
// ("(a)", "-", "1."; a group's heading counts too, as in the license's own
// copy), or, in a list run into one paragraph, its parts that end with a
// semicolon and the last with a full stop.
func moreRestrictions(tr *termReader, text, lower []byte, n int) []Span {
	lead := bytes.Index(lower, []byte(listLeadIn))
	if lead < 0 {
		return nil
	}
	list := text[lineEndAt(text, lead+len(listLeadIn)):]
	items, end := markedItems(list)
	if len(items) < minMarkedItems {
		items, end = runItems(list)
	}
	var out []Span
	if len(items) > n {
		s := bytes.TrimSpace(list[items[n]:end])
		start := items[n] + bytes.Index(list[items[n]:end], s)
		out = append(out, Span{start, start + len(s)})
	}
	after := list[end:]
	for _, r := range binding(tr, nil, after, proseRegions(after, minAddedWords, noLine), minAddedWords) {
		out = append(out, Span{end + r.Start, end + r.End})
	}
	return shift(out, len(text)-len(list))
}

// minMarkedItems: fewer marked lines make no list.
const minMarkedItems = 3

// markedItems returns where the marked lines of list start, and where the
// list ends: after the last item's lines, before a blank line that a line
// without a marker follows.
func markedItems(list []byte) (starts []int, end int) {
	blank := false
	for off := 0; off < len(list); {
		e := lineEndAt(list, off)
		line := bytes.TrimSpace(list[off:e])
		switch {
		case len(line) == 0:
			blank = true
		case itemMarker.Match(list[off:e]):
			starts = append(starts, off)
			end, blank = e, false
		case blank && len(starts) > 0:
			return starts, end // prose after the list
		case len(starts) > 0:
			end = e // the item goes on
		}
		off = e + 1
	}
	return starts, end
}

// runItems returns where the items of a list run into one paragraph start
// (after each semicolon), and where the list ends: at the first full stop
// that ends a line.
func runItems(list []byte) (starts []int, end int) {
	end = len(list)
	if loc := listEnd.FindIndex(list); loc != nil {
		end = loc[0] + 1
	}
	starts = []int{0}
	for i, c := range list[:end] {
		if c == ';' {
			starts = append(starts, i+1)
		}
	}
	return starts, end
}

// listEnd is a full stop at the end of a line: the end of the last item.
var listEnd = regexp.MustCompile(`\.[ \t]*(?:\r?\n|$)`)

// itemMarker opens an item of a list: "(m)", "m.", "13.", "-".
var itemMarker = regexp.MustCompile(`^[ \t]*(?:[-*•]|\(?[a-z]{1,3}\)|[a-z]\.|\(?\d{1,2}[.)])\s`)
