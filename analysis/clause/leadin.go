package clause

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"
)

// leadIn is a sentence that opens a list and ends with a colon: "You will
// not, and will not permit any third party to:", "you must:", "您不得：".
// Its items ("(a) use the model for military purposes;") are read as if
// they began with its actor and modality, prefix ("you will not "), so
// that a duty or a ban stated once for a whole list is found in the item
// that says what is banned.
type leadIn struct {
	prefix   string // what the items are read as beginning with; "" for no lead-in
	from, to int    // the lead-in's own hits, hits[from:to]
	indent   int    // the indentation of the lead-in's line
	// mark is the kind of list marker that opens the lead-in's line
	// ("1." for "3. Notice. You must include ...:"), or "": a line marked
	// the same way, no deeper, is the next section, not an item ("4.
	// Other. ..." after the list of "3.").
	mark string
	// named: the lead-in is a heading that names banned uses ("##
	// Prohibited Uses"), whose prefix reads only the bulleted items that
	// state no modality of their own (namedItem).
	named bool
	// suffix is what a Japanese item is read as ending with, its modality
	// last ("を禁止します" under "## 禁止事項"); "" for none.
	suffix string
}

// jaBanSuffix is what the items under a Japanese heading of bans are read
// as ending with: "- 政治活動への利用" reads "政治活動への利用を禁止します".
const jaBanSuffix = "を禁止します"

// topItem is the item of a Japanese heading's list that the lines after
// it, indented deeper or on its own line, belong to: first is the index
// of its first hit (-1: none yet).
type topItem struct {
	indent, first int
}

// grows extends the item's hit of code over the line ending at end, and
// reports whether it had one: "- ❌ 政治活動への利用" and the line under it
// that says it again ("  - 政治活動にはお使いいただけません") are one
// restriction.
func (t topItem) grows(hits []Hit, code string, end int) bool {
	if t.first < 0 {
		return false
	}
	for k := t.first; k < len(hits); k++ {
		if hits[k].Code == code {
			hits[k].End = max(hits[k].End, end)
			return true
		}
	}
	return false
}

// hasKana reports whether b holds hiragana or katakana: Japanese text.
func hasKana(b []byte) bool {
	for i := 0; i+2 < len(b); i++ {
		// U+3041..U+30FF: E3 81 81 .. E3 83 BF
		if b[i] == 0xe3 && b[i+1] >= 0x81 && b[i+1] <= 0x83 {
			return true
		}
	}
	return false
}

// jaModal reports whether a Japanese item states a modality of its own
// (lexicons.yaml ja-ban, ja-duty, ja-wish): "……に使用しないで下さい"
// under "## 禁止事項" is read as it stands. The nominal "……すること" names
// an act, no duty.
func (d *detector) jaModal(b []byte) bool { return containsAny(b, d.jaModals) }

// jaBanHeading reports whether a heading's text names bans in Japanese
// (lexicons.yaml ja-ban-heading: "禁止事項", "できないこと").
func (d *detector) jaBanHeading(b []byte) bool { return containsAny(b, d.jaBanHeads) }

// containsAny reports whether b holds one of words.
func containsAny(b []byte, words []string) bool {
	for _, w := range words {
		if bytes.Contains(b, []byte(w)) {
			return true
		}
	}
	return false
}

// covers reports whether the lead-in itself gave a hit of code, and if so
// grows that hit over the item ending at end: a list opened by "You shall
// not use the model:" is one use restriction, from its lead-in to its
// last item, not one per item. The hit it grows is returned (nil when
// none).
func (l leadIn) covers(hits []Hit, code string, end int) *Hit {
	for k := l.from; k < l.to; k++ {
		if hits[k].Code == code {
			hits[k].End = max(hits[k].End, end)
			return &hits[k]
		}
	}
	return nil
}

// leadModals are the modalities a lead-in may state, negative ones first so
// that "you shall not" is not read as "you shall"; each with the prefix its
// items are read with.
var leadModals = []struct{ word, prefix string }{
	{"will not", "you will not "}, {"shall not", "you shall not "}, {"may not", "you may not "},
	{"must not", "you must not "}, {"cannot", "you cannot "}, {"can not", "you cannot "},
	{"agree not to", "you agree not to "}, {"not allowed to", "you are not allowed to "},
	{"not permitted to", "you are not permitted to "}, {"should not", "you must not "}, {"not to", "you agree not to "},
	{"prohibited from", "you are prohibited from "}, {"forbidden from", "you are prohibited from "}, {"forbidden to", "you must not "},
	{"不得", "您不得"}, {"禁止", "您禁止"}, {"不应", "您不应"}, {"不能", "您不能"}, {"不可", "您不可"},
	{"must", "you must "}, {"shall", "you shall "}, {"should", "you must "}, {"agree to", "you agree to "},
	{"required to", "you are required to "}, {"必须", "您必须"}, {"应当", "您应当"},
}

// permissionWords state a permission in a lead-in ("Subject to this
// Agreement, you may:", "You are permitted to:", "您可以："): its items are
// what you may do, read as "you may cite the Model in publications", so
// that an item worded as an imperative ("(a) cite the Model ...;") is no
// duty. A permission that ends in its condition ("You may distribute the
// Model provided that:") makes its items duties instead.
var permissionWords = []string{"may", "can", "are permitted to", "is permitted to", "are allowed to", "is allowed to", "are free to", "is free to", "have the right to", "has the right to", "可以", "有权"}

// permissionLead returns the prefix the items of a lead-in that grants
// are read with, or "".
func permissionLead(norm string) string {
	for _, w := range permissionWords {
		if i := strings.Index(norm, w); i >= 0 && (w[0] >= 0x80 || wordAt(norm, i, len(w))) {
			if w[0] >= 0x80 {
				return "您可以"
			}
			return "you may "
		}
	}
	return ""
}

// grantAdjectives follow a negative word that describes a license rather
// than bans an act: "授予被授权人……不可转让、不可再许可的以下许可：" grants what
// its items list ("被授权人可使用……"), as "a non-transferable license to:"
// does.
var grantAdjectives = []string{"转让", "再许可", "撤销", "撤回", "分割"}

// grantAdjective reports whether rest, what follows a lead-in's modal
// word, opens with one of grantAdjectives.
func grantAdjective(rest string) bool {
	for _, a := range grantAdjectives {
		if strings.HasPrefix(rest, a) {
			return true
		}
	}
	return false
}

// purposeTails end a lead-in that narrows a grant to the purposes its
// items list: "You are permitted to use the model weights solely for:"
// then "- Non-commercial academic or internal research".
var purposeTails = []string{"solely for", "only for", "exclusively for", "strictly for"}

// purposeLead returns the prefix the items of a lead-in that narrows a
// grant to purposes are read with ("you may use it solely for "), or "".
func purposeLead(norm string) string {
	t := strings.TrimRight(norm, " :*")
	for _, w := range purposeTails {
		if strings.HasSuffix(t, " "+w) && !strings.Contains(t, " not ") {
			return "you may use it " + w + " "
		}
	}
	return ""
}

// conditionalLead is the end of a lead-in that states the condition of a
// permission, with nothing after it but its actor: its items say what the
// condition requires. Group 1 holds a Chinese one.
var conditionalLead = regexp.MustCompile(`(?:\bprovided,? that|\bprovided|\bonly if|\bon (?:the )?condition that|\bas long as|\bso long as)(?: (?:you|licensee|the licensee|recipients?|the recipients?))?[ *]*[:：]?[ *]*$|((?:前提|条件)是)[ *]*[:：]?[ *]*$`)

// conditionalTail matches conditionalLead on the end of a lead-in, after
// a cheap look for its words there: every lead-in without a modality is
// asked, and most are no condition.
func conditionalTail(norm string) []string {
	tail := norm[max(0, len(norm)-conditionalTailLen):]
	for _, w := range conditionalWords {
		if strings.Contains(tail, w) {
			return conditionalLead.FindStringSubmatch(tail)
		}
	}
	return nil
}

// conditionalTailLen is how many bytes of a lead-in's end hold its
// condition and actor ("... on the condition that the licensee:").
const conditionalTailLen = 48

// conditionalWords are words every conditionalLead match holds one of.
var conditionalWords = []string{"provided", "only if", "condition that", "as long as", "so long as", "前提是", "条件是"}

// leadNotLead are words of colons that open definitions or examples, not
// duties.
var leadNotLead = []string{"mean", "defin", "following terms", "following words", "including", "such as", "for example", "含义", "定义"}

// leadNotLeadTail is how many bytes before a lead-in's colon are searched
// for the words of leadNotLead.
const leadNotLeadTail = 40

// leadTail is how many bytes of a lead-in's end are read: its actor and
// modality sit just before the colon ("..., you shall not:").
const leadTail = 160

// endsWithColon reports whether the sentence text[s.start:s.end] ends like
// a lead-in: with ":" or "：", or with a bare "to" that its items complete
// ("... or cause any third party to").
func endsWithColon(text []byte, s span) bool {
	b := bytes.TrimRight(text[s.start:s.end], " \t\r\n*")
	return bytes.HasSuffix(b, []byte(":")) || bytes.HasSuffix(b, []byte("：")) ||
		len(b) > 3 && b[len(b)-3] == ' ' && b[len(b)-2]|0x20 == 't' && b[len(b)-1]|0x20 == 'o' ||
		leadVerb(b) != ""
}

// leadVerbs are the verbs a lead-in may end with, its items being their
// objects: "... that you distribute, you must provide" then "1. a copy of
// this License; and 2. the following attribution notice ...". A sentence
// ends in such a verb without punctuation only when a list completes it.
var leadVerbs = []string{"provide", "include", "retain", "give", "deliver", "supply", "reproduce", "display", "keep", "ship", "state"}

// leadVerb returns the verb of leadVerbs that b ends with as a word, or "".
func leadVerb(b []byte) string {
	if len(b) == 0 || !isLetter(b[len(b)-1]) {
		return ""
	}
	for _, v := range leadVerbs {
		if n := len(v) + 1; len(b) > n && b[len(b)-n] == ' ' && bytes.EqualFold(b[len(b)-len(v):], []byte(v)) {
			return v
		}
	}
	return ""
}

// readLeadIn reads the lead-in s, or returns the zero leadIn when it
// states no modality.
func (d *detector) readLeadIn(n *normalizer, text []byte, s span) leadIn {
	norm := n.sentence(text, max(s.start, s.end-leadTail), s.end)
	// The words of a definition or an example stand just before its colon
	// ("... including:"); further back ("(including all models of the
	// series), you should:") they are part of the duty's condition.
	end := norm[max(0, len(norm)-leadNotLeadTail):]
	for _, w := range leadNotLead {
		if strings.Contains(end, w) {
			return leadIn{}
		}
	}
	prefix := purposeLead(norm)
	for _, m := range leadModals {
		if prefix != "" {
			break
		}
		if i := strings.Index(norm, m.word); i >= 0 && (m.word[0] >= 0x80 || wordAt(norm, i, len(m.word))) && !grantAdjective(norm[i+len(m.word):]) {
			prefix = m.prefix
			break
		}
	}
	permission := ""
	if prefix == "" {
		permission = permissionLead(norm)
	}
	if prefix == "" {
		// A permission that ends in its condition ("You may distribute the
		// Model provided that:", "... only if You:", "但前提是：") makes each
		// item a duty of whoever uses it: "(b) You include this License
		// with all copies", "(b) Modifications are clearly marked".
		switch m := conditionalTail(norm); {
		case m == nil && permission != "":
			prefix = permission
		case m == nil:
			return leadIn{}
		case m[1] != "":
			prefix = "您必须"
		default:
			prefix = "you must "
		}
	}
	if v := leadVerb([]byte(norm)); v != "" {
		prefix += v + " " // "you must provide " + "a copy of this License"
	} else if r := d.leadRelation(norm); r != "" && permission == "" && !strings.Contains(prefix, r) {
		prefix += r + " " // "you agree to " + "comply with " + "(a) U.S. export control laws"
	}
	return leadIn{prefix: prefix, indent: indentAt(text, s.start), mark: lineMark(text, s)}
}

// sibling reports whether s is the next item of the list that holds the
// lead-in l, an item itself ("- Use the Model for:" then its own items):
// a line marked as l's line, a bullet or a letter, at its indent. A
// number marks sections as often as items, so numbered lines resume no
// outer list, nor do run-in headings in bold ("**Fraud:** ...").
func (l leadIn) sibling(text []byte, s span) bool {
	if l.mark == "" || strings.ContainsAny(l.mark, "1一") || midLine(text, s) {
		return false
	}
	return itemMark(text, s) == l.mark && indentAt(text, s.start) == l.indent
}

// itemMark is lineMark of a list item's line, "" for a line that opens in
// bold ("**Fraud:** ..."): emphasis, no bullet.
func itemMark(text []byte, s span) string {
	ls := bytes.LastIndexByte(text[:s.start], '\n') + 1
	if bytes.HasPrefix(bytes.TrimLeft(text[ls:s.end], " \t"), []byte("**")) {
		return ""
	}
	return lineMark(text, s)
}

// lineMark is the kind of list marker (markKind) that opens the line
// holding the start of s, or "" when none does or the line starts more
// than leadTail bytes before s.
func lineMark(text []byte, s span) string {
	lo := max(0, s.start-leadTail)
	ls := bytes.LastIndexByte(text[lo:s.start], '\n') + 1
	if ls == 0 && lo > 0 {
		return ""
	}
	line := span{lo + ls, s.end}
	if !markedStart(bytes.TrimLeft(text[line.start:line.end], " \t")) {
		return ""
	}
	return markKind(text, line)
}

// leadRelationTail is how many words may follow a lead-in's relation
// before its colon ("comply with all of the following:").
const leadRelationTail = 4

// leadRelation returns the binding relation a lead-in ends in ("You
// agree to comply with:", "you shall adhere to the following:",
// "您应当遵守以下规定："), or "": its items are the objects of the relation.
func (d *detector) leadRelation(norm string) string {
	t := strings.TrimRight(norm, " :：*")
	best, at := "", -1
	for _, r := range d.relations {
		if i := strings.LastIndex(t, r); i > at && (r[0] >= 0x80 || wordAt(t, i, len(r))) {
			best, at = r, i
		}
	}
	if at < 0 {
		return ""
	}
	rest := t[at+len(best):]
	if strings.ContainsAny(rest, ",，") {
		return "" // a condition before the lead's own words: "Subject to this Agreement, you may:"
	}
	if best[0] >= 0x80 {
		if utf8.RuneCountInString(rest) > 6 {
			return ""
		}
	} else if len(strings.Fields(rest)) > leadRelationTail {
		return ""
	}
	return best
}

// indentAt returns the indentation (blanks) of the line holding off.
func indentAt(text []byte, off int) int {
	ls := bytes.LastIndexByte(text[:off], '\n') + 1
	n := 0
	for ls+n < len(text) && (text[ls+n] == ' ' || text[ls+n] == '\t') {
		n++
	}
	return n
}

// holds reports whether s is still an item of the lead-in's list: it
// begins after a list marker, or in the middle of a line (a further
// sentence of an item), or on a line indented deeper than the lead-in's
// (items set off by indentation alone: "    The Licensee shall not:"
// then "        Use ... for commercial purposes."). A line without a
// marker, or a short unpunctuated heading, ends the list.
func (l leadIn) holds(text []byte, s span) bool {
	ls := bytes.LastIndexByte(text[:s.start], '\n') + 1
	before := bytes.TrimSpace(text[ls:s.start])
	if bytes.HasPrefix(before, []byte("#")) {
		return false // a Markdown heading: the next section
	}
	if len(before) == 0 {
		// A quoted line set off under an item ("(c) include the following
		// notice:" then "\"X is licensed under ...\"") belongs to it.
		quoted := bytes.HasPrefix(text[s.start:], []byte(`"`)) || bytes.HasPrefix(text[s.start:], []byte("“"))
		return quoted || s.start > ls && indentAt(text, s.start) > l.indent
	}
	if len(before) > 12 || hasWord(before) {
		return true // mid-line: another sentence of the same item
	}
	if !hasText(text[s.start:s.end]) {
		// A bare section number or rule ("**3.", "---") opens what
		// follows the list, as a Markdown heading does (above).
		return false
	}
	if l.mark != "" && markKind(text, s) == l.mark && indentAt(text, s.start) <= l.indent {
		return false // the section after the lead-in's own
	}
	if bullet(before) || letterMark(before) {
		// a bullet or a letter marks an item, however short ("a) Export
		// control laws and regulations"); a heading has neither
		return true
	}
	body := bytes.TrimRight(text[s.start:s.end], " \t\r\n*")
	if len(body) == 0 {
		return false
	}
	last := body[len(body)-1]
	// An item may end "; and" or "; or" before the next one.
	joined := bytes.HasSuffix(body, []byte("; and")) || bytes.HasSuffix(body, []byte("; or"))
	heading := !joined && last != '.' && last != ';' && last != ',' && last != ':' && last < 0x80 && bytes.Count(body, []byte(" ")) < 6 &&
		!actorClause(body)
	return !heading
}

// itemActors are the parties a short item may open with, its verb after
// them: "b) You maintain appropriate attribution" under "provided that:"
// is a condition, not a heading, however short and unpunctuated.
var itemActors = []string{"you", "licensee", "licensees", "the licensee", "recipient", "recipients", "the recipient", "user", "users", "the user"}

// actorClause reports whether body opens with one of itemActors followed
// by a word in lower case (its verb: "You maintain"), not by a capitalised
// word or a conjunction as a heading's words are ("Licensee Obligations",
// "You and Us").
func actorClause(body []byte) bool {
	for _, a := range itemActors {
		if len(body) <= len(a)+1 || !bytes.EqualFold(body[:len(a)], []byte(a)) || body[len(a)] != ' ' {
			continue
		}
		rest := body[len(a)+1:]
		w := rest
		if i := bytes.IndexByte(rest, ' '); i >= 0 {
			w = rest[:i]
		}
		if len(w) < 2 || w[0] < 'a' || w[0] > 'z' {
			return false
		}
		s := string(w)
		return s != "and" && s != "or" && s != "nor"
	}
	return false
}

// bullet reports whether a list marker is a bullet ("-", "*", "•"), not
// a number a heading may carry too.
func bullet(marker []byte) bool {
	m := string(marker)
	return m == "-" || m == "*" || m == "+" || m == "•"
}

// unmarkedItem reports whether s, a line without a list marker, is still
// an item of the lead-in's list: the line right after the lead-in, or
// after an item that ends in a semicolon ("The Licensee shall not:" then
// "Use the Model for military purposes;" then "Distribute the Model ...").
func unmarkedItem(text []byte, prev, s span, afterLead bool) bool {
	if prev.end == 0 || !unmarkedLine(text, s) || blankLine(text[prev.end:s.start]) || markedStart(text[s.start:s.end]) {
		return false
	}
	if afterLead {
		return true
	}
	p := bytes.TrimRight(text[prev.start:prev.end], " \t\r\n*")
	return bytes.HasSuffix(p, []byte(";")) || bytes.HasSuffix(p, []byte("；")) ||
		bytes.HasSuffix(p, []byte("; and")) || bytes.HasSuffix(p, []byte("; or"))
}

// markedStart reports whether b opens with a list marker that its range
// keeps ("（ii）您必须……", "3、", "(b)"): a marked item, which listItemGap
// and the numbered-item rules handle.
func markedStart(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	if c := b[0]; c == '(' || c == '[' || c >= '0' && c <= '9' || c == '-' || c == '*' || c == '+' {
		return true
	}
	r, _ := utf8.DecodeRune(b)
	return r == '（' || r == '【' || r == '•' || r == '·' || r >= '①' && r <= '⑳' || strings.ContainsRune("一二三四五六七八九十", r)
}

// itemMasks returns the keyword masks of a list item read with its
// lead-in's prefix; han tells whether the item holds CJK characters.
func (d *detector) itemMasks(prefix string, item []byte, suffix string, han bool) ([]uint64, []uint64) {
	b := append([]byte(prefix), item[innerMarker(item):]...)
	b = append(b, suffix...)
	all := []span{{0, len(b)}}
	hanMask := make([]uint64, d.han.width)
	if han {
		hanMask = d.han.scanRaw(b, all)
	}
	return d.keywords.scanRaw(b, all), hanMask
}

// prepend puts p before the sentence n last wrote, its bytes mapped to the
// sentence's first byte, and returns the result.
func (n *normalizer) prepend(p string) string {
	// A marker left in the item ("- a. use ...") would come between.
	if k := innerMarker(n.buf); k > 0 {
		n.buf, n.pos = n.buf[k:], n.pos[k:]
	}
	at := n.pos[0]
	buf := make([]byte, 0, len(p)+len(n.buf))
	buf = append(append(buf, p...), n.buf...)
	pos := make([]int32, len(p), len(p)+len(n.pos))
	for i := range pos {
		pos[i] = at
	}
	n.buf, n.pos = buf, append(pos, n.pos...)
	return string(buf[:len(buf)-1])
}

// appendSuffix puts p after the sentence n last wrote, its bytes mapped to
// the sentence's end, and returns the result: a Japanese item read with
// its heading's modality last. A full stop the item ends with goes.
func (n *normalizer) appendSuffix(p string) string {
	w := len(n.buf) - 1 // the sentinel
	end := n.pos[w]
	if strings.HasSuffix(string(n.buf[:w]), "。") {
		w -= len("。")
	}
	buf := make([]byte, 0, w+len(p)+1)
	buf = append(append(append(buf, n.buf[:w]...), p...), 0)
	pos := make([]int32, 0, len(buf))
	pos = append(pos, n.pos[:w]...)
	for range len(p) + 1 {
		pos = append(pos, end)
	}
	n.buf, n.pos = buf, pos
	return string(buf[:len(buf)-1])
}

// wordAt reports whether s[i:i+n] is whole words: no letter just before or
// after it.
func wordAt(s string, i, n int) bool {
	return (i == 0 || !isLetter(s[i-1])) && (i+n == len(s) || !isLetter(s[i+n]))
}

// hasWord reports whether b holds five letters in a row: text, not a list
// marker ("- a.", "(iv)", "10.").
func hasWord(b []byte) bool {
	run := 0
	for _, c := range b {
		if isLetter(c) {
			if run++; run >= 5 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// innerMarker is the length of a list marker and its blank at the start of
// a normalized item ("a. ", "(iv) ", "3) "), or 0.
func innerMarker(b []byte) int {
	i := 0
	if i < len(b) && b[i] == '(' {
		i++
	}
	j := i
	for j < len(b) && j-i < 4 && (isAlnum(b[j])) {
		j++
	}
	if j == i || j+1 >= len(b) || b[j] != '.' && b[j] != ')' || b[j+1] != ' ' {
		return 0
	}
	return j + 2
}

// leadBans follows the list of a lead-in that gave a use restriction
// ("You must not use nor allow others to use:"). The ban is what its items
// say: when they are other kinds of clause ("(1) the parameters or output
// in connection with any commercial activities; (2) output to train
// machine learning models": the non-commercial limit, conditions on the
// outputs) and none is a banned use, the lead-in is no use restriction of
// its own and its hit is dropped. A list whose items the patterns do not
// read ("(a) to harass people;") keeps it: the lead-in stands for them.
type leadBans struct {
	hit     int  // the lead-in's use-restriction hit; -1 when none is followed
	end     int  // that hit's end when the lead-in gave it: an item that restates the ban grows it
	items   int  // items read so far
	read    int  // items that gave a hit of another kind of ban (otherBan)
	from    int  // len(hits) when the current item began; -1 between items
	other   bool // the current item gave another kind of ban that joined an earlier item's finding
	dropped map[int]bool
}

// opens starts following the lead-in whose hits are hits[first:], if one
// of them is a use restriction.
func (b *leadBans) opens(hits []Hit, first int) {
	*b = leadBans{hit: -1, from: -1, dropped: b.dropped}
	for k := first; k < len(hits); k++ {
		if hits[k].Code == useRestriction {
			b.hit, b.end = k, hits[k].End
			return
		}
	}
}

// itemStarts records that an item begins when n hits have been found.
func (b *leadBans) itemStarts(n int) {
	if b.hit >= 0 {
		b.items++
		b.from = n
	}
}

// gave records that the current item gave a hit of code that joined the
// finding of an earlier item of the list (listHit): it is read all the same.
func (b *leadBans) gave(code string) {
	if b.from >= 0 && otherBan[code] {
		b.other = true
	}
}

// itemEnded closes the current item, hits being those found so far.
func (b *leadBans) itemEnded(hits []Hit) {
	if b.hit >= 0 && b.from >= 0 {
		other := b.other
		for _, h := range hits[b.from:] {
			other = other || otherBan[h.Code]
		}
		if other {
			b.read++
		}
		b.from, b.other = -1, false
	}
}

// otherBan are the codes an item of a banning lead-in may be instead of a
// use restriction: a ban on commercial use is the non-commercial limit,
// one on uses of the outputs a condition on them, one on uses "set forth
// in" a use policy the binding to that policy (GUIDE R8a: "You must not
// use the Assets: (1) for the restricted uses set forth in the Prohibited
// Use Policy; or (2) in violation of applicable laws" binds you to the
// policy and to the law, and lists no use of its own), one on
// breaking export controls or sanctions where the license applies, and
// one on removing notices or credits ("- Remove or alter this license
// notice in any copies") the duty to keep them.
var otherBan = map[string]bool{"license/non-commercial": true, "license/research-only": true, outputRestriction: true,
	"clause/notice-required": true, "clause/attribution": true,
	policyCode: true, "clause/geographic": true}

// spans grows the lead-in's use restriction over an item that gave no
// finding of any code: an item the patterns do not read ("- Surveillance",
// "(a) to harass people;") is a use the lead-in bans, and the finding runs
// from the lead-in to the last item (R8d). Such an item restates nothing:
// the lead-in's hit may still be dropped when its other items are other
// kinds of ban (listEnded).
func (b *leadBans) spans(hits []Hit, l leadIn, end int) {
	for k := l.from; k < l.to; k++ {
		if h := &hits[k]; h.Code == useRestriction {
			unread := k == b.hit && h.End == b.end
			h.End = max(h.End, end)
			if unread {
				b.end = h.End
			}
			return
		}
	}
}

// readOther records that the current item, which gave no finding, is
// read all the same as no banned use of its own (itemAct).
func (b *leadBans) readOther() {
	if b.from >= 0 {
		b.other = true
	}
}

// itemAct reports whether the item s of a banning list opens with an act
// that is read without a finding of its own: passing the model on
// ("Sublicense, assign, or transfer the Model ...", otherActs), or a use
// that the use-restriction patterns read and found no restriction in
// ("Use the Model in any manner that infringes upon any third-party
// rights", useActs: general law, R8b). Neither is a banned use that
// grows the lead-in's finding (spans).
func (d *detector) itemAct(text []byte, s span) bool {
	b := bytes.TrimLeft(text[s.start:s.end], " \t*_")
	if k := rawMarker(b); k > 0 {
		b = bytes.TrimLeft(b[k:], " \t*_")
	}
	for _, list := range [][]string{d.otherActs, d.useActs} {
		for _, a := range list {
			if len(b) >= len(a) && bytes.EqualFold(b[:len(a)], []byte(a)) && (len(b) == len(a) || a[0] >= 0x80 || !isLetter(b[len(a)])) {
				return true
			}
		}
	}
	return false
}

// rawMarker is the length of a list marker at the start of b, as
// innerMarker reads it in a normalized item, or of "a)" and "(iv)" with
// the bold marks around it ("**(a)**"): 0 when there is none.
func rawMarker(b []byte) int {
	i := 0
	if i < len(b) && b[i] == '(' {
		i++
	}
	j := i
	for j < len(b) && j-i < 4 && isAlnum(b[j]) {
		j++
	}
	if j == i || j >= len(b) || b[j] != '.' && b[j] != ')' {
		return 0
	}
	j++
	for j < len(b) && b[j] == '*' {
		j++
	}
	if j < len(b) && b[j] != ' ' && b[j] != '\t' {
		return 0
	}
	return j
}

// bannedUsePrefix is what the items of a lead-in that names banned uses
// without a modality are read as beginning with.
const bannedUsePrefix = "you must not use it for "

// hasCode reports whether one of hits is of code.
func hasCode(hits []Hit, code string) bool {
	for _, h := range hits {
		if h.Code == code {
			return true
		}
	}
	return false
}

// listEnded decides on the lead-in's hit when its list ends: dropped
// when no item restated the ban (the hit did not grow) and at least half
// of the items are other kinds of ban.
func (b *leadBans) listEnded(hits []Hit) {
	if b.hit < 0 {
		return
	}
	if b.items > 0 && hits[b.hit].End == b.end && 2*b.read >= b.items {
		if b.dropped == nil {
			b.dropped = map[int]bool{}
		}
		b.dropped[b.hit] = true
	}
	b.hit = -1
}

// drop returns hits without the lead-ins' hits listEnded dropped.
func (b *leadBans) drop(hits []Hit) []Hit {
	if len(b.dropped) == 0 {
		return hits
	}
	out := hits[:0]
	for k, h := range hits {
		if !b.dropped[k] {
			out = append(out, h)
		}
	}
	return out
}

// headingBans are the modalities of a heading that bans what the items
// under it name.
var headingBans = []string{"you not", "not", "prohibited", "forbidden", "不得", "禁止", "不可", "不能"}

// headingLead reads s as a heading that states a ban: a line of its own,
// a few words without a full stop, whose modality (leadModals) is
// negative. It returns the zero leadIn otherwise.
func (d *detector) headingLead(n *normalizer, text []byte, s span) leadIn {
	// Bounded looks: a heading's marks before it ("### ", "**") and
	// nothing but blanks after it on its line.
	lo := max(0, s.start-12)
	ls := lo + bytes.LastIndexByte(text[lo:s.start], '\n') + 1
	// A section number before it ("### 3. Prohibited Uses") is allowed to
	// a heading that names banned uses only.
	numbered := len(bytes.Trim(text[ls:s.start], "# *\t")) > 0
	if ls == lo && lo > 0 || numbered && len(bytes.Trim(text[ls:s.start], "# *\t0123456789.")) > 0 || s.end-s.start > 80 {
		return leadIn{}
	}
	rest := text[s.end:min(len(text), s.end+12)]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	} else if s.end+12 < len(text) {
		return leadIn{}
	}
	if len(bytes.Trim(rest, " *\t\r")) > 0 {
		return leadIn{}
	}
	body := bytes.TrimRight(text[s.start:s.end], " \t\r\n*")
	if len(body) == 0 || bytes.ContainsAny(body[len(body)-1:], ".;,") || bytes.Count(body, []byte(" ")) >= maxHeadingWords {
		return leadIn{}
	}
	// A Japanese heading of bans ("## できないこと（禁止事項）", "### やって
	// はいけないこと") puts its modality after the items it reads.
	if d.jaBanHeading(body) {
		return leadIn{prefix: "您禁止", suffix: jaBanSuffix, indent: indentAt(text, s.start), mark: lineMark(text, s)}
	}
	l := d.readLeadIn(n, text, s)
	for _, w := range headingBans {
		if !numbered && strings.Contains(l.prefix, w) {
			return l
		}
	}
	// A heading that names the banned uses ("## Prohibited Uses") bans
	// what each item under it names, verb or noun ("- Generate spam",
	// "- Surveillance of individuals").
	if l.prefix == "" && bannedUsesHeading.MatchString(n.sentence(text, s.start, s.end)) {
		return leadIn{prefix: bannedUsePrefix, indent: indentAt(text, s.start), mark: lineMark(text, s), named: true}
	}
	return leadIn{}
}

// namedItem reports whether s is a bulleted item ("- Surveillance", "*
// Generate spam") without a modality of its own: a use the heading above
// it bans. "i. Licensee shall not engage in ..." under "Prohibited
// activities" states its own clause.
func namedItem(text []byte, s span) bool {
	ls := bytes.LastIndexByte(text[:s.start], '\n') + 1
	if !bullet(bytes.TrimSpace(text[ls:s.start])) {
		return false
	}
	return !containsAny(bytes.ToLower(text[s.start:s.end]), itemModals)
}

// itemModals are the words of an item that states its own modality.
var itemModals = []string{" shall ", " must ", " may ", " will ", " not ", " should ", "cannot ", " agree"}

// bannedUsesHeading is a heading that names banned uses, after its
// section number.
var bannedUsesHeading = regexp.MustCompile(`^(?:[0-9ivx]{1,4}[.)]? )?(?:[0-9]{1,2}\. )?(?:prohibited|forbidden|banned|unacceptable|disallowed|restricted) (?:uses?|usages?|activities|applications|use cases)$`)

// hasText reports whether b holds a letter or a non-ASCII character:
// words, not a bare section number or rule ("3.", "---").
func hasText(b []byte) bool {
	for _, c := range b {
		if isLetter(c) || c >= 0x80 {
			return true
		}
	}
	return false
}

// letterMark reports whether a list marker is a lower-case letter or
// roman numeral in a bracket ("a)", "(b)", "(iv)"), which marks items,
// not the sections a heading may carry ("3.", "d.     Criminal").
func letterMark(marker []byte) bool {
	m := bytes.TrimPrefix(marker, []byte("("))
	if len(m) < 2 || len(m) > 5 || m[len(m)-1] != ')' {
		return false
	}
	for _, c := range m[:len(m)-1] {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
