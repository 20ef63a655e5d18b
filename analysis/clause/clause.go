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
// lines; blank lines, headings, list items and a capitalised line after a
// line ending in a colon end one; "e.g.", "U.S.", "Inc." and quoted notices
// ("... Cloud. All Rights Reserved.") do not. CRLF, a byte-order mark and
// tabs are handled; Chinese text is cut at 。；！？ and at its list markers
// (（1）, 一、, 3、, 第二条), and so is Japanese, but not inside （）「」 that
// close soon ("（API経由での提供を含む。）を目的とした"); "・" marks a
// Japanese list item. A sentence gives at most one hit per code, except
// that every threshold of a sentence is its own hit (patterns marked each);
// the items of one list under a lead-in (a sentence ending in a colon)
// that give one code are one hit of it, from the first of them (or the
// lead-in, when it gives the code) to the last, across items that give
// none or another code ("provided that: (a) give recipients a copy ...;
// (b) mark modified files ...; (c) retain notices ..." is one notice
// duty; a list of banned uses with two items on outputs is one use
// restriction and one condition on the outputs), unless their data
// differ (listHit); two lead-ins are two lists, a sentence after the list
// is none of it (a line without a list marker, or after a blank line one
// marked unlike the first item or indented less: inList), and numbered
// paragraphs under a heading are no list, each its own hit; so are a
// sentence and its restatement on the same line ("...
// outside the Territory. Any such use is unlicensed.") when the hit carries
// no data; a sentence that carries a hit on in its paragraph ("Zeta may
// terminate this Agreement if you breach it. Upon termination, you shall
// delete the Weights.") joins it when the hit's pattern lists such
// sentences (Continued); the territory and sanctions findings of one line
// are one (joinLines); a text that holds a license twice gives hits for
// both copies.
// Definitions ("\"Output\" means ...") give no hits unless a pattern allows
// them, so findings sit on operative clauses, and wishes ("you are
// encouraged to") are not duties. What a license allows at all
// (license/...) is found on the clause that binds: a heading, a quoted line
// to display, a recital, a sentence of a disclaimer and a pointer that
// names the license give that hit only when no clause does. A restriction put in a definition
// ("\"Permitted Purpose\" means non-commercial research") is carried to
// the sentences that apply the term ("solely for the Permitted Purpose"),
// where its hit sits, and a threshold defined as a term ("\"Threshold\"
// means annual revenue of $10 million") is reported where the term is
// applied ("not exceeding the Threshold") (terms.go).
//
// A list's lead-in ("You will not, and will not permit anyone to:", "you
// must:", "您不得：", and a grant: "you may:", "您可以：") lends its actor
// and modality to the items under it,
// so "(c) remove copyright notices" is read as "you will not remove
// copyright notices"; a permission that ends in its condition ("You may
// distribute the Model provided that:", "但前提是：") makes its items duties
// ("b. You include this License with all copies" reads "you must ...").
// An item that announces a quoted notice ("(c) include the following
// notice:") stays an item, and so do the quote and the items after it;
// a quote that states duties of its own ("\"... Redistributions must
// retain this notice.\"") binds the readers of the copies and gives no
// duty of yours, and no sentence of a quote a lead-in announces, however
// many it holds, binds you to a document ("\"By using this information,
// you agree to the Output Terms at https://... Use is subject to ...\"").
// A question ("Do I need to credit Zeta?") gives no hit: its answer
// does. A line marked like the lead-in's own line ("4. Other." after "3.
// Notice. You must include ...:") is the next section, no item.
// When the lead-in itself gives a finding, that finding stands for the
// items that repeat it and spans to the last of them, and a lead-in that
// bans uses whose items are mostly other kinds of ban (commercial use, uses
// of the outputs) and none a banned use gives no use restriction of its own
// (leadBans). Every
// license URL of a sentence is its own reference, and a policy named
// without its address is not reported again when its paragraph gives its
// URL; a definition that gives a policy's address lends it to the clauses
// that bind you to the policy by name, where the finding sits.
//
// What is found is decided by the patterns of analysis/kb/clauses.yaml,
// which are data: to teach fineprint a new wording, add or widen a pattern
// there and a test case here. Keywords of all patterns are found in one
// pass over the text (Chinese and Japanese keywords in a second automaton
// that runs only on sentences with CJK characters); only sentences holding
// a pattern's keywords are normalized and given to its regular
// expressions. Japanese is read by its own patterns (ja-...), object first
// and modality last; the Chinese ones skip a sentence with hiragana.
// Japanese modality is read by structure: the imperative ("明記してくださ
// い", "使用しないで下さい") and the forms of obligation bind, a request
// ("お願いします", "ご遠慮ください") or a softener ("できる限り") does not,
// as "please" and "encouraged" do not in English (lexicons.yaml ja-wish).
// The items under a Japanese heading of bans ("## できないこと（禁止事項）",
// lexicons.yaml ja-ban-heading) that state no modality of their own are
// read with the ban last ("- ❌ 政治活動への利用" reads "政治活動への利用を禁止
// します"), each its own clause; the lines under an item, indented deeper,
// are its own and join its finding of the same code (headingLead, topItem).
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

import (
	"bytes"
	"maps"
	"math/bits"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// Hit is one clause found in a text.
type Hit struct {
	Code       string         // finding code, e.g. "clause/scale-threshold"
	Pattern    string         // id of the kb.ClausePattern that matched
	Start, End int            // byte range of the clause sentence
	Message    string         // one plain sentence naming the consequence
	Data       map[string]any // facts parsed out of the clause
}

// maskBuffers hold the keyword masks of Detect's sentences.
var maskBuffers = sync.Pool{New: func() any { return new([]uint64) }}

// Detect returns the clauses found in text, in text order.
func Detect(k *kb.KB, text []byte) []Hit {
	d, err := patterns(k)
	if err != nil || len(d.patterns) == 0 {
		return nil
	}
	spans := sentences(text)
	// The masks of a long text take megabytes: one buffer serves text
	// after text rather than being collected each time.
	buf := maskBuffers.Get().(*[]uint64)
	defer maskBuffers.Put(buf)
	if n := len(spans) * d.keywords.width; cap(*buf) < n {
		*buf = make([]uint64, n)
	} else {
		*buf = (*buf)[:n]
		clear(*buf)
	}
	found := d.keywords.scanRawTo(*buf, text, spans)
	w := d.keywords.width
	// The han automaton runs only on sentences with CJK characters.
	var hanSpans []span
	hanRow := make([]int32, len(spans))
	anyHan := hasHanBytes(text)
	for i, s := range spans {
		hanRow[i] = -1
		if anyHan && hasHanBytes(text[s.start:s.end]) {
			hanRow[i] = int32(len(hanSpans))
			hanSpans = append(hanSpans, s)
		}
	}
	hanFound := d.han.scanRaw(text, hanSpans)
	hw := d.han.width
	noHan := make([]uint64, hw)
	var n normalizer
	var sk sketch // of norm, the sentence the patterns read
	var hits []Hit
	var codes, single []string // codes hit in this sentence; those hit by a pattern without Each
	cand := make([]uint64, d.pw)
	var idx []int
	var prev span   // the previous sentence, for lists (extendsList)
	var lead leadIn // the lead-in whose list the sentence may be an item of
	// outer is the lead-in whose item opened lead's list, an item that is
	// a lead-in itself ("You may not:" then "- Use the Model for:" with
	// items of its own): where the inner list ends, the outer one goes on
	// ("- Alter or remove copyright notices." reads "you may not alter
	// ...").
	var outer leadIn
	top := topItem{first: -1} // the item of a Japanese heading's list the sentence may be a line of
	// underColon: the sentence is in the list a colon opened (before any
	// blank line but the one after the colon).
	underColon, afterLead := false, false
	// listFirst: the first of the hits since the colon that opened the
	// current list (-1: not in one). The items of one list that give one
	// code are one finding of it (listHit), even when items between them
	// give none or another code ("provided that: (a) give recipients a
	// copy ...; (b) mark modified files ...; (c) retain notices ...";
	// "following guidelines: a. not be used to ...; b. not be employed
	// ...; c. ...; d. not be used in a way that ..."); each code of a list
	// is its own finding (a list may hold a notice duty and a
	// pass-through duty, each its own clause).
	listFirst := -1
	// list is what the list's first item looks like (listShape), to
	// tell where the list ends.
	var list listShape
	// para is the sentence that opened the current line's paragraph, and
	// paraDef whether it is a definition opening a list, ending in a colon
	// or a semicolon (-1: not read yet). The items after it on its line
	// that bind no party ("衍生品：指……，包括：（i）……；（ii）……") are part of
	// the definition; one that binds a party ("您不得……") is a clause. A
	// sentence after a definition that ends in a full stop is read on its
	// own: "X does not include using outputs to train a competing product"
	// restricts.
	var para span
	paraDef := -1
	var pn normalizer
	// bans tallies what the items under a lead-in that banned uses say.
	bans := leadBans{hit: -1, from: -1}
	// cont is the last hit of a pattern with Continued sentences, and
	// contP that pattern: the sentence after it may carry it on.
	cont, contP := -1, (*pattern)(nil)
	// noticeEnd: where the quoted text a lead-in announced ("... contains
	// the following notice:" then "\"By using this information, you
	// agree to the Output Terms at https://... Use is subject to ...\"")
	// closes; its sentences are the notice's, which binds the readers of
	// the copies, not you.
	noticeEnd := 0
	for i, s := range spans {
		if !midLine(text, s) {
			para, paraDef = s, -1
		}
		underColon = afterLead || underColon && prev.end > 0 && !blankLine(text[prev.end:s.start])
		mask, hanMask := found[i*w:(i+1)*w], noHan
		if r := hanRow[i]; r >= 0 {
			hanMask = hanFound[int(r)*hw : (int(r)+1)*hw]
		}
		item := lead.prefix != "" && (lead.holds(text, s) || unmarkedItem(text, prev, s, afterLead))
		if item && !afterLead && sectionHeading(text, prev, s) {
			item = false // "三、知识产权" after "2. 您不得……": the next section
		}
		if !item && outer.prefix != "" && lead.sibling(text, s) && outer.holds(text, s) {
			lead, outer, item = outer, leadIn{}, true
		}
		// prefix is what the item is read as beginning with: under a
		// heading that names banned uses, a bulleted item that states no
		// modality of its own (namedItem).
		prefix := lead.prefix
		if item && lead.named && !namedItem(text, s) {
			prefix = ""
		}
		// Under a Japanese heading of bans ("## できないこと（禁止事項）"),
		// whose modality comes last, an item that states none of its own
		// ("- ❌ 政治活動への利用") is read with the ban after it ("……への
		// 利用を禁止します"); the lines under an item, indented deeper or
		// on its line, are that item's own sentences (sub).
		suffix, sub := "", false
		if item && lead.suffix != "" && hasKana(text[s.start:s.end]) {
			prefix = ""
			if ind := indentAt(text, s.start); top.first < 0 || ind <= top.indent && !midLine(text, s) {
				top = topItem{indent: ind, first: len(hits)}
				if !d.jaModal(text[s.start:s.end]) {
					suffix = lead.suffix
				}
			} else {
				sub = true
			}
		}
		// body is what the item says after its run-in heading: under "The
		// User is prohibited from:", "c. **Harmful use:** Using the Weights
		// for ..." reads "you are prohibited from using the weights for ...".
		body := s
		if item && prefix != "" {
			body = afterRunInHeading(text, s)
		}
		bans.itemEnded(hits)
		if !item && outer.prefix != "" && !midLine(text, s) && indentAt(text, s.start) > lead.indent {
			// an item of the inner list whose lead-in lends nothing: the
			// outer list goes on after it
			bans.listEnded(hits)
		} else if !item {
			lead, outer, top = leadIn{}, leadIn{}, topItem{first: -1}
			bans.listEnded(hits)
		} else {
			bans.itemStarts(len(hits))
		}
		isLead := endsWithColon(text, s)
		inNotice := s.start < noticeEnd
		if isLead && !inNotice {
			noticeEnd = quotedEnd(text, s.end)
		}
		if isLead {
			// A lead-in ("You shall not:") lends its actor and modality to
			// the items of its list, which read "(a) use ... ; (b) ...".
			// An item that ends in a colon without a modality of its own
			// and announces a quoted text ("(c) include the following
			// notice in a NOTICE file:" before "\"X is licensed under
			// ...\"") is still an item of the list around it, and the
			// items after the quote are too.
			if l := d.readLeadIn(&n, text, s); l.prefix != "" || !item || !quoteFollows(text, s.end) {
				outer = leadIn{}
				if item {
					// an item that opens a list of its own: where
					// that list ends, the outer one may go on (sibling)
					outer = lead
					l.indent, l.mark = indentAt(text, s.start), itemMark(text, s)
				}
				lead, item = l, false
			} else {
				isLead = false
			}
		}
		if !isLead && !item {
			// A heading that states a ban ("## You may not", "### 禁止行为")
			// lends it to the marked items under it ("- Sell access to the
			// Weights"), each its own clause: a heading is no lead-in whose
			// items are one finding (R8d).
			if l := d.headingLead(&n, text, s); l.prefix != "" {
				lead, top = l, topItem{first: -1}
			}
		}
		if listFirst >= 0 && !isLead && !midLine(text, s) && !d.inList(text, prev, s, item, afterLead, &list) {
			listFirst = -1
		}
		if item {
			// Keywords may span the prefix and the item ("not" + "use").
			mask, hanMask = d.itemMasks(prefix, text[body.start:body.end], suffix, hanRow[i] >= 0)
		}
		joined := ""
		if cont >= 0 && !item && hits[cont].End == prev.end && !paragraphBreak(text[prev.end:s.start]) {
			// "... may terminate this Agreement if you are in breach.
			// Upon termination, you shall delete ...": one clause.
			cn := n.sentence(text, s.start, s.end)
			if msg, ok := contP.continues(cn, hits[cont].Data); ok {
				hits[cont].End = s.end
				if msg != "" {
					hits[cont].Message = msg
				}
				// A document named in one sentence and given by its address
				// on the line after it ("利用規約の詳細は以下をご確認ください。"
				// then "https://..."): the finding carries the address.
				if hits[cont].Code == policyCode && hits[cont].Data["url"] == nil {
					u := findURL(text, &n, cn, 0, len(cn))
					if line := bytes.TrimSpace(text[s.start:s.end]); u != "" && bytes.HasPrefix(line, []byte(u)) && bytes.IndexAny(line, " \t") < 0 {
						u = string(line) // the whole line, a path in Japanese too (".../利用規約")
					}
					if u != "" {
						data := maps.Clone(hits[cont].Data)
						if data == nil {
							data = map[string]any{}
						}
						data["url"] = u
						hits[cont].Data, hits[cont].Message = data, contP.render(cn, data)
					}
				}
				joined = hits[cont].Code
			}
		}
		if !anySet(mask) && !anySet(hanMask) {
			if isLead {
				listFirst, list.fresh = len(hits), true // a new list, whose lead-in gives nothing
			} else if item && joined == "" && d.itemAct(text, body) {
				bans.readOther() // "- Sublicense or transfer the Model ..."
			} else if item && joined == "" {
				bans.spans(hits, lead, s.end) // "- Surveillance" under "You may not use it for:"
			}
			prev, afterLead = s, isLead
			continue // no keyword of any pattern: most sentences
		}
		codes, single = codes[:0], single[:0]
		if joined != "" {
			codes, single = append(codes, joined), append(single, joined)
		}
		first := len(hits)
		var norm string
		definition := -1 // unknown yet
		question := -1   // unknown yet
		// yours: the sentence may bind the licensee (not a recital, not
		// the licensor's own undertaking), read once when a duty's
		// pattern is a candidate.
		yours, yoursRead := true, false
		// inList: the sentence is an item of the list the lead-in at
		// hits[listFirst] opened, whose findings it may join (listHit);
		// a lead-in opens a list of its own.
		inList := listFirst >= 0 && !isLead
		newItem := inList && !midLine(text, s)
		d.candidates(cand, mask, hanMask)
		// The candidates in pattern order: a sentence has a few of them.
		idx = idx[:0]
		for wi, w := range cand {
			for w != 0 {
				idx = append(idx, wi*64+bits.TrailingZeros64(w))
				w &= w - 1
			}
		}
		for _, j := range idx {
			p := d.patterns[j]
			m := mask
			if p.han {
				m = hanMask
			}
			if p.also != nil && !intersects(m, p.also) || contains(single, p.Code) || !p.Each && contains(codes, p.Code) {
				continue
			}
			if norm == "" {
				norm = n.sentence(text, s.start, s.end)
				definition = b2i(isDefinition(norm))
				if definition == 0 && para.end <= s.start {
					if paraDef < 0 {
						paraDef = 0
						if opensList(text, para) {
							pnorm := pn.sentence(text, para.start, para.end)
							paraDef = b2i(isDefinition(pnorm) || zhDefinitionHead.MatchString(pnorm))
						}
					}
					if paraDef == 1 && !bindsParty.MatchString(norm) {
						definition = 1
					}
				}
				if item && definition == 0 {
					if body != s {
						n.sentence(text, body.start, body.end)
					}
					norm = n.prepend(prefix)
					if suffix != "" {
						norm = n.appendSuffix(suffix)
					}
				}
				sk.reset()
			}
			if !p.Definitions && definition == 1 {
				continue
			}
			if question < 0 {
				question = b2i(isQuestion(text, s))
			}
			if question == 1 {
				continue // "Do I need to acknowledge X?": a question binds nobody
			}
			if dutyCodes[p.Code] && !yoursRead {
				yours, yoursRead = !othersDuty.MatchString(norm) && !((inNotice || quotation(text, s)) && quotedDuty.MatchString(norm)), true
			}
			if dutyCodes[p.Code] && !yours || inNotice && p.Code == policyCode {
				continue
			}
			if p.Each {
				for _, data := range p.applyEach(text, &n, norm, &sk) {
					if !seenHit(hits[first:], p.Code, data) && !(inList && listHit(hits[listFirst:first], p.Code, data, func() string { return p.render(norm, data) }, s.end, newItem) != nil) && !extendsList(text, hits[:first], prev, s, underColon, p.Code, nil, data) && !restated(text, hits[:first], prev, s, p.Code, data) {
						hits = append(hits, Hit{Code: p.Code, Pattern: p.ID, Start: s.start, End: s.end, Message: p.render(norm, data), Data: data})
					}
				}
				if len(hits) > first && hits[len(hits)-1].Code == p.Code && !contains(codes, p.Code) {
					codes = append(codes, p.Code)
				}
				continue
			}
			data, ok := p.apply(text, &n, norm, &sk)
			// A credit worded as a wish is none; read only once a credit
			// pattern matched (an unanchored scan of every candidate
			// sentence would cost more than the patterns).
			if !ok || p.Code == attributionCode && wish.matchIn(norm, &sk) {
				continue
			}
			codes, single = append(codes, p.Code), append(single, p.Code)
			if item {
				if h := lead.covers(hits, p.Code, s.end); h != nil {
					d.stated(h, p, s.start)
					continue // the lead-in's finding stands for its list
				}
			}
			if sub && top.grows(hits, p.Code, s.end) {
				continue // the item's finding stands for its own lines
			}
			msg := ""
			same := func() string { // rendered only when a list item may repeat a hit
				if msg == "" {
					msg = p.render(norm, data)
				}
				return msg
			}
			if inList {
				if h := listHit(hits[listFirst:first], p.Code, data, same, s.end, newItem); h != nil {
					d.stated(h, p, s.start)
					bans.gave(p.Code)
					continue // R8d: one finding per code per list
				}
			}
			if item || underColon {
				same = nil // the items of one lead-in are one clause of its code
			} else if restatesLimit(text, hits[:first], prev, s, p.Code) {
				continue
			}
			if !sameStatement(text, hits[:first], prev, s, p) || !extendsList(text, hits[:first], prev, s, underColon, p.Code, same, data) {
				at := s
				if !item {
					at = p.part(&n, norm, text, s)
					if headingless[p.Code] {
						at = afterRunInHeading(text, at)
					}
				}
				if msg == "" {
					msg = p.render(norm, data)
				}
				hits = append(hits, Hit{Code: p.Code, Pattern: p.ID, Start: at.start, End: at.end, Message: msg, Data: data})
				if len(p.continued) > 0 {
					cont, contP = len(hits)-1, p
				}
			}
		}
		if isLead {
			if lead.prefix == "" && hasCode(hits[first:], useRestriction) {
				// A lead-in that names the banned uses without an actor or
				// a modality ("Prohibited uses include:", "The following
				// uses are prohibited:") bans what its items name.
				lead = leadIn{prefix: bannedUsePrefix, indent: indentAt(text, s.start), mark: lineMark(text, s)}
			}
			// A finding of the sentence before the lead-in that the
			// lead-in joined ("When using the Outputs, you will comply
			// with the Policy. In addition, you agree not to use the
			// Outputs in any of the following ways:") is the lead-in's
			// too: its list's items of that code join it (listHit).
			from := first
			for from > 0 && hits[from-1].End > s.start {
				from--
			}
			lead.from, lead.to = from, len(hits)
			listFirst, list.fresh = from, true
			bans.opens(hits, from)
		} else if item && len(codes) == 0 && d.itemAct(text, body) {
			bans.readOther()
		} else if item && len(codes) == 0 {
			bans.spans(hits, lead, s.end)
		}
		prev, afterLead = s, isLead
	}
	// A sentence may define a term that carries a restriction only if it
	// holds a keyword of a Term pattern.
	termWords := func(i int) bool {
		if intersects(found[i*w:(i+1)*w], d.termWords) {
			return true
		}
		r := hanRow[i]
		return r >= 0 && intersects(hanFound[int(r)*hw:(int(r)+1)*hw], d.termHanWords)
	}
	// The terms' readers find terms in the text with its ASCII case folded,
	// as the normalizer folds it: one copy, made when a term is looked for.
	var folded []byte
	lower := func() []byte {
		if folded == nil {
			folded = wording.LowerASCII(text)
		}
		return folded
	}
	bans.itemEnded(hits)
	bans.listEnded(hits)
	hits = joinLines(text, bans.drop(hits), "clause/geographic")
	hits = d.carryTerms(&n, text, spans, termWords, lower, hits)
	hits = dropFrontMatter(text, dropSelfNamed(text, d.moveDefined(&n, text, spans, lower, hits)))
	return dropHeadings(text, dropDefinedChanges(text, dropNamedRestatements(text, hits)), d.byID)
}

// oneListTree reports whether hit b is an item of the list tree that
// hit a belongs to: b is a list item, every line between them is blank or
// a list item, and a lead-in (a line ending in a colon) above a is
// indented less than all of those lines, with no line between it and a
// indented as little that is no lead-in (a numbered section after the
// list is another list).
func oneListTree(text []byte, a, b Hit) bool {
	ls := bytes.LastIndexByte(text[:b.Start], '\n') + 1
	if !markedStart(bytes.TrimLeft(text[ls:b.Start+1], " \t")) {
		return false
	}
	least := indentAt(text, b.Start)
	gap := text[a.End:b.Start]
	if nl := bytes.IndexByte(gap, '\n'); nl >= 0 {
		for _, l := range bytes.Split(gap[nl+1:], []byte("\n")) {
			t := bytes.TrimLeft(l, " \t")
			if len(bytes.TrimSpace(t)) == 0 {
				continue
			}
			if !markedStart(t) {
				return false
			}
			least = min(least, len(l)-len(t))
		}
	}
	// The lead-in of the tree: up from a, the first line indented less.
	end := bytes.LastIndexByte(text[:a.Start], '\n')
	for end > 0 && a.Start-end < maxTreeBack {
		start := bytes.LastIndexByte(text[:end], '\n') + 1
		l := text[start:end]
		t := bytes.TrimLeft(l, " \t")
		if len(bytes.TrimSpace(t)) > 0 && len(l)-len(t) < least {
			return bytes.HasSuffix(bytes.TrimRight(t, " \t\r*"), []byte(":"))
		}
		end = start - 1
	}
	return false
}

// maxTreeBack is how far above a hit the lead-in of its list tree is
// looked for.
const maxTreeBack = 2000

// dropDefinedChanges drops the clause/terms-may-change hits on definitions
// ("\"Acceptable Use Policy\" means the latest version from time to time
// of the policy hosted at ...") when a clause of the text says it too ("The
// Acceptable Use Policy may be updated from time to time"): the finding
// sits on the clause, as a definition's policy address does (see
// dropNamedRestatements). A definition that alone says it keeps its hit.
func dropDefinedChanges(text []byte, hits []Hit) []Hit {
	const change = "clause/terms-may-change"
	var n normalizer
	var defs []int
	clause := false
	for i, h := range hits {
		if h.Code != change {
			continue
		}
		if isDefinition(n.sentence(text, h.Start, h.End)) {
			defs = append(defs, i)
		} else {
			clause = true
		}
	}
	if !clause || len(defs) == 0 {
		return hits
	}
	out := hits[:0]
	for i, h := range hits {
		if len(defs) > 0 && defs[0] == i {
			defs = defs[1:]
			continue
		}
		out = append(out, h)
	}
	return out
}

// joinLines joins the hits of code on one line into one: an export and
// sanctions paragraph written as one line ("You represent that you are
// not located in a country subject to sanctions; ... You shall not export
// the Model in violation of export control laws.") is one clause of where
// the license applies, whatever the number of its sentences. Hits with
// different data (regions) stay apart, and so do hits on different lines.
//
// So are the hits of items of one list tree: an item that opens a list
// of its own ("1. directly or indirectly exporting ... Model Components:")
// and the items under it, nested or not ("1. located in a sanctioned
// jurisdiction;", "3. for any purpose prohibited by Export Laws"), with
// nothing between them but items and blank lines (R8d).
func joinLines(text []byte, hits []Hit, code string) []Hit {
	last := -1
	out := hits[:0]
	for _, h := range hits {
		if h.Code == code && last >= 0 {
			if p := &out[last]; p.End <= h.Start && (bytes.IndexByte(text[p.End:h.Start], '\n') < 0 || oneListTree(text, *p, h)) && sameData(p.Data, h.Data) {
				p.End = h.End
				continue
			}
		}
		out = append(out, h)
		if h.Code == code {
			last = len(out) - 1
		}
	}
	return out
}

// dropHeadings drops the hits of license-level codes (license/...) on a
// sentence that binds nobody when a clause of the text gives the same
// code: a heading in capitals ("ACADEMIC OR NON-PROFIT ORGANIZATION
// NONCOMMERCIAL RESEARCH USE ONLY" under a license's title), a Markdown
// or title-case heading ("## 4. 商业用途须另行授权", "4. Commercial Use
// Requires a Separate License"), a quoted text you must display ("\"...
// licensed for research and non-commercial use only.\";") and a recital
// ("WHEREAS, Duke desires to grant a license for research purposes
// only") and a sentence of a paragraph that disclaims warranties or
// fitness ("本软件……不附带任何形式的明示或默示担保……仅作为研究便利提供",
// "X is for research purposes only. It is not intended, validated, or
// approved for clinical use"). Each names what the clause says, and the finding belongs on
// the clause; so does a pointer that names a license (a pattern marked
// Names). Such a sentence is the only finding when no clause says it in
// words the patterns know. The hits of the other codes (clause/...) give
// way to a clause of their code on a heading, a recital or a quoted text
// too ("## 6. 署名与引用" above the attribution duty), but for the codes
// whose finding carries the text to copy (quotesRead): a notice line in
// quotes is what they report.
func dropHeadings(text []byte, hits []Hit, byID map[string]*pattern) []Hit {
	heading := func(h Hit) bool {
		if p := byID[h.Pattern]; p != nil && p.Names {
			return true
		}
		if !strings.HasPrefix(h.Code, "license/") {
			return titleHeading(text, h.Start, h.End) || recital(text, h.Start, h.End) ||
				!quotesRead[h.Code] && quotedText(text, h.Start, h.End)
		}
		return capsHeading(text, h.Start, h.End) || titleHeading(text, h.Start, h.End) ||
			quotedText(text, h.Start, h.End) || recital(text, h.Start, h.End) || inDisclaimer(text, h.Start, h.End) ||
			tableRow(text, h.Start)
	}
	// A row of a table (tableRow) says the limit of one item the table lists.
	// A title line ("Research Use Only License") is the weakest of them:
	// it gives way to any other sentence of its code, even one that only
	// names the limit (a sentence in a paragraph that disclaims: "The
	// weights are provided for research purposes only. They are NOT
	// approved for clinical use.").
	said, saidBelow := map[string]bool{}, map[string]bool{}
	isHeading := make([]bool, len(hits)) // read once: inDisclaimer reads the paragraph
	isTitle := make([]bool, len(hits))
	for i, h := range hits {
		isHeading[i] = heading(h)
		if !isHeading[i] {
			said[h.Code] = true
		}
		isTitle[i] = isHeading[i] && strings.HasPrefix(h.Code, "license/") && (capsHeading(text, h.Start, h.End) || titleHeading(text, h.Start, h.End))
		if !isTitle[i] {
			saidBelow[h.Code] = true
		}
	}
	out := hits[:0]
	for i, h := range hits {
		if !isHeading[i] || !said[h.Code] && !(isTitle[i] && saidBelow[h.Code]) {
			out = append(out, h)
		}
	}
	return out
}

// tableRow reports whether the sentence at a opens in a row of a table:
// its line holds cells, parted by a run of spaces (cellGap) or by the
// bars of a Markdown table ("HdM-HFR-2017     COMMERCIAL use requires a
// separate agreement with ...", "| Source | Terms |"). A table lists
// items (the data sources a model was trained on, the parts of a
// release) and the terms of each; the limit of a row is that item's, and
// the license's own limit, when it has one, is said by a clause.
func tableRow(text []byte, a int) bool {
	ls := bytes.LastIndexByte(text[:a], '\n') + 1
	le := bytes.IndexByte(text[a:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += a
	}
	line := bytes.TrimSpace(text[ls:le])
	if len(line) > 1 && line[0] == '|' && bytes.Count(line, []byte("|")) >= 3 {
		return true
	}
	// from the sentence's start: the spaces after a list marker ("1.    ")
	// part no cells
	return bytes.Contains(bytes.TrimSpace(text[a:le]), cellGap)
}

// cellGap is the fewest spaces that part two cells of a table's row
// (prose has one, or two after a full stop).
var cellGap = []byte("    ")

// quotesRead are the codes whose findings carry a quoted text to copy.
var quotesRead = map[string]bool{"clause/notice-required": true, "clause/attribution": true}

// maxHeadingWords is the most words of a heading.
const maxHeadingWords = 12

// capsHeading reports whether text[a:b] is a heading: a whole line in
// capitals, of a few words, that ends no sentence.
func capsHeading(text []byte, a, b int) bool {
	t := bytes.TrimSpace(text[a:b])
	if len(t) == 0 || wording.CapitalLetters(t) < 8 || bytes.Count(t, []byte(" ")) >= maxHeadingWords || bytes.ContainsAny(t[len(t)-1:], ".;:") {
		return false
	}
	return (a == 0 || text[a-1] == '\n') && (b == len(text) || text[b] == '\n' || text[b] == '\r')
}

// titleHeading reports whether text[a:b] is a heading that is not in
// capitals: a whole line of a few words that ends no sentence, and either
// is a Markdown heading ("## 4. 商业用途须另行授权") or capitalises each
// of its longer words ("4. Commercial Use Requires a Separate License",
// "Model Weights License – Research Use Only (Privacy-Protective)").
func titleHeading(text []byte, a, b int) bool {
	t := bytes.TrimSpace(text[a:b])
	// A Chinese full stop or semicolon anywhere ends a sentence a heading
	// never holds ("……发布本协议的修订版。若您……YAYI 2 模型……" has two Latin
	// words in capitals and is no heading).
	if len(t) == 0 || bytes.Count(t, []byte(" ")) >= maxHeadingWords || bytes.ContainsAny(t[len(t)-1:], ".;:,") || bytes.ContainsAny(t, "。；！？") ||
		b < len(text) && text[b] != '\n' && text[b] != '\r' {
		return false
	}
	ls := bytes.LastIndexByte(text[:a], '\n') + 1
	head := text[ls:a] // list marker, section number, Markdown marks
	if len(bytes.Trim(head, " \t#*_>-0123456789.()")) > 0 {
		return false
	}
	if bytes.Contains(head, []byte("#")) {
		return true
	}
	long, lower := 0, 0
	for _, w := range bytes.Fields(t) {
		w = bytes.TrimLeft(w, "(\"'*_")
		if len(w) < 4 || !isLetter(w[0]) {
			continue
		}
		long++
		if w[0] >= 'a' && w[0] <= 'z' {
			lower++
		}
	}
	return long >= 2 && lower == 0
}

// quotedText reports whether text[a:b] is wholly a quotation: the words a
// license makes you display or ship, which state no term of their own.
func quotedText(text []byte, a, b int) bool {
	t := bytes.TrimRight(bytes.TrimSpace(text[a:b]), ";,.")
	return len(t) > 2 && (t[0] == '"' && t[len(t)-1] == '"' && bytes.Count(t, []byte(`"`)) == 2 ||
		bytes.HasPrefix(t, []byte("“")) && bytes.HasSuffix(t, []byte("”")) && bytes.Count(t, []byte("“")) == 1)
}

// disclaimerWords mark a paragraph that disclaims warranties or fitness for
// a use: what the licensor promises, not what it grants.
var disclaimerWords = regexp.MustCompile(`(?i)\b(?:without warrant(?:y|ies)\b|"as is"|disclaims?\b|not\s+(?:intended|validated|approved)(?:,|\s+for\b|\s+or\b))|不附带[^。]{0,20}?担保|免责`)

// maxParagraph bounds how far from a sentence its paragraph is read: a
// disclaimer beside a restatement is close to it, and a text without
// blank lines is no paragraph of one disclaimer.
const maxParagraph = 400

// inDisclaimer reports whether text[a:b] stands in a paragraph (up to a
// blank line, at most maxParagraph bytes either side) with disclaimerWords.
func inDisclaimer(text []byte, a, b int) bool {
	lo, hi := max(0, a-maxParagraph), min(len(text), b+maxParagraph)
	if i := bytes.LastIndex(text[lo:a], []byte("\n\n")); i >= 0 {
		lo += i
	}
	if i := bytes.Index(text[b:hi], []byte("\n\n")); i >= 0 {
		hi = b + i
	}
	par := text[lo:hi]
	return mayDisclaim(par) && disclaimerWords.Match(par)
}

// mayDisclaim reports whether par holds a word every match of
// disclaimerWords holds, so that the expression, which has no literal to
// seek (it ignores case), runs only on paragraphs that may match: most
// paragraphs around a grant's limit hold none of these. The words are
// compared ignoring ASCII case; "ſ", which (?i) folds with "s", sends the
// paragraph to the expression.
func mayDisclaim(par []byte) bool {
	for _, w := range [...]string{"warrant", "\"as is\"", "disclaim", "intended", "validated", "approved"} {
		if containsFoldASCII(par, w) {
			return true
		}
	}
	return bytes.Contains(par, []byte("不附带")) || bytes.Contains(par, []byte("免责")) || bytes.Contains(par, []byte("ſ"))
}

// containsFoldASCII reports whether b contains w (lower-case ASCII),
// ignoring the case of ASCII letters.
func containsFoldASCII(b []byte, w string) bool {
	first := w[0]
	upper := first
	if 'a' <= first && first <= 'z' {
		upper -= 'a' - 'A'
	}
	for i := 0; i+len(w) <= len(b); i++ {
		if c := b[i]; c != first && c != upper {
			continue
		}
		if bytes.EqualFold(b[i:i+len(w)], []byte(w)) {
			return true
		}
	}
	return false
}

// recital reports whether text[a:b] is a recital ("WHEREAS, ..."): why the
// parties contract, not what binds them.
func recital(text []byte, a, b int) bool {
	t := bytes.TrimLeft(text[a:b], " \t*_")
	return len(t) > 8 && bytes.EqualFold(t[:7], []byte("whereas")) && !isLetter(t[7])
}

// dropNamedRestatements drops the references that name a document without
// its address ("the Acceptable Use Policy, incorporated by reference") when
// the same paragraph also gives one by its URL: the document is reported
// there, with the address a reader needs. A named reference in another
// paragraph is another clause that binds you to it, and stays. It also
// drops a reference to a document the text itself holds: a policy named
// by a heading of the text ("Exhibit A / ACCEPTABLE USE POLICY") is part
// of this license, not another document that can change under you.
//
// A definition is not where a text binds you to a document: when one
// gives its address ("\"Acceptable Use Policy\" means the policy hosted at
// https://...") and clauses bind you to it by name, the clauses carry the
// address and the definition gives no finding; a definition that names
// a document without an address gives none when a clause refers to one.
func dropNamedRestatements(text []byte, hits []Hit) []Hit {
	named := false
	for _, h := range hits {
		named = named || h.Code == policyCode && h.Data["url"] == nil
	}
	if !named {
		return hits
	}
	var n normalizer
	definitions := map[int]string{} // hit index -> the term its sentence defines
	for i, h := range hits {
		if h.Code == policyCode {
			if m := definitionHead.FindStringSubmatch(n.sentence(text, h.Start, h.End)); m != nil {
				definitions[i] = strings.TrimSpace(m[1])
			}
		}
	}
	carried := map[int]bool{} // definitions whose address clauses now carry
	clauses := false          // a reference outside a definition
	for i := range hits {
		h := &hits[i]
		if h.Code != policyCode {
			continue
		}
		if _, ok := definitions[i]; ok {
			continue
		}
		clauses = true
		doc, _ := h.Data["document"].(string)
		if h.Data["url"] != nil || doc == "" {
			continue
		}
		for j, term := range definitions {
			if url := hits[j].Data["url"]; url != nil && strings.EqualFold(term, doc) {
				data := map[string]any{"url": url}
				for k, v := range h.Data {
					data[k] = v
				}
				h.Data, carried[j] = data, true
				break
			}
		}
	}
	var withURL []Hit
	for i, h := range hits {
		if h.Code == policyCode && h.Data["url"] != nil && !carried[i] {
			withURL = append(withURL, h)
		}
	}
	var headings map[string]bool // the text's heading lines, read once if a hit names a document
	out := hits[:0]
	for i, h := range hits {
		if h.Code != policyCode {
			out = append(out, h)
			continue
		}
		if _, def := definitions[i]; def && (carried[i] || clauses && h.Data["url"] == nil) {
			continue
		}
		if h.Data["url"] != nil {
			out = append(out, h)
			continue
		}
		if sameDocument(&n, text, h, withURL) {
			continue
		}
		if doc, _ := h.Data["document"].(string); doc != "" {
			if headings == nil {
				headings = headingLines(text)
			}
			if headings[strings.ToLower(doc)] {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// sameDocument reports whether one of others, the references by URL,
// gives the address of the document h names: it is in h's sentence, or in
// its paragraph (no blank line between them) and names the document h
// names ("... comply with the Acceptable Use Policy, incorporated by
// reference. The Acceptable Use Policy is at https://..."). A reference by
// URL to another document beside it ("adhere to Zeta's terms and
// policies, which are incorporated by reference. Your use is also subject
// to the Llama 2 Community License, available at https://...") leaves h a
// reference of its own.
func sameDocument(n *normalizer, text []byte, h Hit, others []Hit) bool {
	doc, _ := h.Data["document"].(string)
	doc = strings.ToLower(strings.Join(strings.Fields(doc), " "))
	for _, o := range others {
		if o.Start < h.End && h.Start < o.End {
			return true
		}
		a, b := h.End, o.Start
		if o.Start < h.Start {
			a, b = o.End, h.Start
		}
		if doc != "" && !blankLine(text[a:b]) && strings.Contains(n.sentence(text, o.Start, o.End), doc) {
			return true
		}
	}
	return false
}

// headingLines returns the lines of text that are short enough to be a
// heading, lower-cased, without Markdown marks, blanks and an exhibit's
// label: "## EXHIBIT A: Acceptable Use Policy" gives "acceptable use
// policy" (and the whole line), "附件一：可接受使用政策" gives "可接受使用政策".
func headingLines(text []byte) map[string]bool {
	out := map[string]bool{}
	for _, line := range bytes.Split(text, []byte("\n")) {
		l := strings.ToLower(strings.Trim(string(bytes.TrimSpace(line)), "#*_ \t"))
		if l == "" || len(l) > 80 {
			continue
		}
		out[l] = true
		if i := strings.IndexAny(l, ":-："); i >= 0 {
			_, size := utf8.DecodeRuneInString(l[i:])
			out[strings.Trim(l[i+size:], " *_")] = true
		}
	}
	return out
}

// listItemGap reports whether the text between two sentences is one line
// break followed by a list marker ("\n(b) ", "\n- ", "\n（2）"): the second
// sentence is the next item of a list, not the next sentence of a paragraph.
func listItemGap(gap []byte) bool {
	i := bytes.IndexByte(gap, '\n')
	if i < 0 || bytes.IndexByte(gap[i+1:], '\n') >= 0 {
		return false
	}
	marker := bytes.TrimSpace(gap[i+1:])
	return len(marker) > 0 && len(marker) <= 12
}

// extendsList grows a hit of the previous sentence over this one when both
// say the same thing (same code, message and data) and this one is the
// next item of a list under a colon (underColon) that listHit did not
// join, its lead-in being read as none: "... the following conditions:"
// then unmarked lines that end in semicolons. Numbered paragraphs under a
// heading, without a colon, are no list ("4.1 You must give ...", "4.2
// You must give ...": two findings): msg, unless nil, gives the message
// that must be the same too.
//
// It also grows a hit without data over the next sentence of the same line
// when that says the same thing again ("You may not use it outside the
// Territory. Any such use is unlicensed."): one clause, one finding, also
// when both carry the same words read out of them ("comply with the
// Acceptable Use Policy ... comply with the Acceptable Use Policy"). Hits
// with a threshold or a URL stay one per sentence here, and so do Chinese
// sentences.
func extendsList(text []byte, hits []Hit, prev, s span, underColon bool, code string, msg func() string, data map[string]any) bool {
	if prev.end == 0 || prev.end > s.start {
		return false
	}
	// Chinese sentences (ending in 。) run on within a line as a matter of
	// course: each keeps its own finding. The line after an item that ends
	// in a semicolon is the next item, with a list marker or without one.
	gap := text[prev.end:s.start]
	item := underColon && (listItemGap(gap) || bytes.Count(gap, []byte("\n")) == 1 && unmarkedItem(text, prev, s, false))
	if !item && (data["url"] != nil || data["value"] != nil || text[prev.end-1] >= 0x80 || bytes.IndexByte(gap, '\n') >= 0) {
		return false
	}
	// A ban that shares a line with the last one is a ban of its own
	// unless it refers back to it ("Any such use is prohibited"): in a
	// hard-wrapped paragraph every sentence shares a line with the next
	// ("... may not be used for pornographic purposes. This license also
	// prohibits the use of the Model to train ... By downloading the
	// Model, you agree not to reverse engineer it.": three bans).
	if !item && code == useRestriction && !refersBack(text[s.start:s.end]) {
		return false
	}
	return growPrevious(hits, prev, s, code, msg, data)
}

// backReferences open a sentence that restates the one before it.
var backReferences = []string{"such ", "any such ", "all such ", "each such ", "this use", "these use", "that use", "those use",
	"the foregoing", "any of the foregoing", "the above", "any of the above", "this restriction", "these restrictions",
	"this prohibition", "these prohibitions", "in such ", "in that case", "for the avoidance of doubt"}

// refersBack reports whether b opens with a word that points back to the
// sentence before it (backReferences), its case folded.
func refersBack(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 24)])
	for _, r := range backReferences {
		if bytes.HasPrefix(head, []byte(r)) {
			return true
		}
	}
	return false
}

// sameStatement reports whether a hit of p's code that ends the previous
// sentence may grow over this one, s, as one clause. For the codes that
// say what a license allows at all (license/...), each item of a list that
// states the limit in its own words is a clause of its own ("1. You must
// not distribute copies to any Commercial Entity; and 2. You must restrict
// the usage of any copies to Non-Commercial Purposes", "You shall only use
// the Model for research purposes; You shall not supply it in the course
// of a commercial activity"); only items that repeat one wording (the same
// pattern) are one clause, and so are the sentences of one item or
// paragraph. Other codes join the items of a list whatever their wording:
// a list of banned uses is one restriction.
func sameStatement(text []byte, hits []Hit, prev, s span, p *pattern) bool {
	if !strings.HasPrefix(p.Code, "license/") || prev.end == 0 || prev.end > s.start || bytes.IndexByte(text[prev.end:s.start], '\n') < 0 {
		return true
	}
	for i := len(hits) - 1; i >= 0 && hits[i].End >= prev.end; i-- {
		if h := hits[i]; h.Code == p.Code && h.End == prev.end {
			return h.Pattern == p.ID
		}
	}
	return true
}

// restatesLimit grows the hit of a license-level code (license/...) that
// ends the previous sentence over s when s, on the same line and no item
// of a list, says the limit again: "本协议不允许对本软件的商业用途。任何商业
// 用途……均须事先获得许可方的书面商业许可。" is one limit, stated twice.
// (Chinese sentences of a line otherwise keep their own findings:
// extendsList.) Sentences on lines of their own may be a hard-wrapped
// paragraph or separate clauses, which the text does not tell apart: they
// stay apart, and so do items of a list that state the limit in their
// own words (sameStatement).
func restatesLimit(text []byte, hits []Hit, prev, s span, code string) bool {
	if !strings.HasPrefix(code, "license/") || prev.end == 0 || prev.end > s.start ||
		bytes.IndexByte(text[prev.end:s.start], '\n') >= 0 || markedStart(text[s.start:s.end]) {
		return false
	}
	return growPrevious(hits, prev, s, code, nil, nil)
}

// restated grows a threshold hit of the previous sentence over this one
// when this one, in the same paragraph, names the same threshold again
// ("... must not exceed 1 million visits per month. If it exceeds 1
// million visits per month, ..."): one threshold, one finding.
func restated(text []byte, hits []Hit, prev, s span, code string, data map[string]any) bool {
	if prev.end == 0 || data["value"] == nil || paragraphBreak(text[prev.end:s.start]) {
		return false
	}
	return growPrevious(hits, prev, s, code, nil, data)
}

// useRestriction is the code of a banned use: a lead-in that gives it
// stands for its list, unless its items are other kinds of ban (leadBans).
const useRestriction = "clause/use-restriction"

// outputRestriction is the code of a condition on the outputs: an item of
// a banning lead-in may be one instead of a banned use (otherBan).
const outputRestriction = "clause/output-restriction"

// listHit grows over an item ending at end the finding of code that the
// list so far (hits, from its lead-in on) already holds: the items of one
// lead-in that give one code are one finding of it, from the first of them
// (or the lead-in, when it gives the code) to the last (R8d in the labels'
// GUIDE.md), whatever the items between them say. An item without data
// joins a finding with data, and a finding without data takes the data
// (and the message, msg, unless nil) of an item that has them: "(a) give
// a copy of this License; ... (d) include a Notice file that contains the
// following notice: \"...\"" is one notice duty whose line is known.
// Only an item's first sentence (one that starts its line, newItem) may
// join so across data: a further sentence of an item that says more of
// one code ("... must provide the following attribution notice: \"...\".
// Additionally, all Model Derivatives must be identified as such") is a
// statement of its own, as it is outside a list. Findings whose data
// differ stay apart, as a reader needs each: two thresholds ("more than
// 100 million users; (b) revenue above $10 million") are two conditions,
// and two exact notice lines two lines to copy; a Hit carries one value of
// each datum, so one finding over both would lose one.
func listHit(hits []Hit, code string, data map[string]any, msg func() string, end int, newItem bool) *Hit {
	k := -1
	for i := len(hits) - 1; i >= 0; i-- {
		if h := &hits[i]; h.Code == code {
			if sameData(h.Data, data) {
				k = i
				break
			}
			if k < 0 && newItem && (len(h.Data) == 0 || len(data) == 0) {
				k = i
			}
		}
	}
	if k < 0 {
		return nil
	}
	h := &hits[k]
	if len(h.Data) == 0 && len(data) > 0 {
		h.Data = data
		if msg != nil {
			h.Message = msg()
		}
	}
	h.End = max(h.End, end)
	return h
}

// stated makes the hit h of a lead-in that names a license (a pattern
// marked Names: "The weights are licensed under CC BY-NC-ND 4.0. You may
// copy and redistribute the material under the following terms:") the
// clause of the item p read under it ("- NonCommercial - You may not use
// the material for commercial purposes."): the list states the limit in
// words, and a pointer's hit gives way to such a clause (dropHeadings)
// where the list's must not. The finding sits on the clause, from the
// item at start: the pointer only names what it says.
func (d *detector) stated(h *Hit, p *pattern, start int) {
	if q := d.byID[h.Pattern]; q != nil && q.Names && !p.Names {
		h.Pattern, h.Start = p.ID, start
	}
}

// growPrevious extends to s the hit of code and data (and message msg(),
// unless msg is nil) that ends the previous sentence.
func growPrevious(hits []Hit, prev, s span, code string, msg func() string, data map[string]any) bool {
	for i := len(hits) - 1; i >= 0 && hits[i].End >= prev.end; i-- {
		if h := &hits[i]; h.Code == code && h.End == prev.end && (msg == nil || h.Message == msg()) && sameData(h.Data, data) {
			h.End = s.end
			return true
		}
	}
	return false
}

// listShape is what the first item of a list looks like: the kind of its
// marker (markKind), whether a blank line set it off from the lead-in, and
// its indentation; fresh until that item is read.
type listShape struct {
	mark   string
	spaced bool
	indent int
	fresh  bool
}

// inList reports whether s, a sentence that starts its line after the
// lead-in of a list, is still an item of that list, and records the shape
// of the list's first item. An item the lead-in reads (item) is, and so is
// a marked line; a line without a marker is the line right after the
// lead-in or after an item that ends in a semicolon ("The Licensee shall
// not:" then "Use the Model ...;"), or no item (a sentence after the
// list). After a blank line, only a list whose items are spaced goes on,
// and only with an item marked like its first: "- a. ...; - f. ..." then
// "\n\n5. DISCLAIMERS." then "8. Termination." and its items is sections,
// not the list. A line indented less than the first item is back in the
// list around it ("2. You must not use:" then "    1. ...", "    2. ..."
// then "3. You must not publish ...").
func (d *detector) inList(text []byte, prev, s span, item, afterLead bool, l *listShape) bool {
	spaced, ind := blankLine(text[prev.end:s.start]), indentAt(text, s.start)
	marked := !unmarkedLine(text, s) || markedStart(text[s.start:s.end])
	if l.fresh {
		l.mark, l.spaced, l.indent, l.fresh = markKind(text, s), spaced, ind, false
		return item || marked || !spaced
	}
	switch {
	case ind < l.indent:
		return false
	case spaced:
		if !l.spaced || !marked || !sameMark(l.mark, markKind(text, s)) {
			return false
		}
		if strings.HasSuffix(l.mark, "?") {
			l.mark = markKind(text, s) // the second item says whether "(i)" was a numeral
		}
		return true
	}
	if sectionHeading(text, prev, s) {
		return false
	}
	return item || marked || unmarkedItem(text, prev, s, afterLead)
}

// sectionHeading reports whether s, a line of its own right after an
// item, is the heading of the next section rather than another item: a
// short title that ends in no punctuation ("三、知识产权", "IV. Term"), marked unlike the item before it ("2. 您对……的使用……。" then
// "三、知识产权" then "1. ……"; "2. You must ..." then "III. Ownership"). Items marked like the one
// before them stay items however short ("一、军事用途" then "二、恐怖活动").
func sectionHeading(text []byte, prev, s span) bool {
	if prev.end == 0 || midLine(text, s) {
		return false
	}
	ls := bytes.LastIndexByte(text[:s.start], '\n') + 1
	line := bytes.TrimSpace(text[ls:s.end])
	if !markedStart(line) && !roman(line) || bytes.HasPrefix(line, []byte("-")) || bytes.HasPrefix(line, []byte("*")) {
		return false
	}
	rest := text[s.end:]
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	if len(bytes.Trim(rest, " \t\r*_")) > 0 {
		return false // more on its line: a sentence, no title
	}
	pls := bytes.LastIndexByte(text[:prev.start], '\n') + 1
	pline := bytes.TrimSpace(text[pls:prev.end])
	if !markedStart(pline) {
		return false
	}
	pk, k := markKind(text, span{pls, prev.end}), markKind(text, span{ls, s.end})
	if pk == k || sameMark(pk, k) {
		return false
	}
	body := bytes.TrimRight(line[innerMarker(line):], " \t*_")
	body = bytes.TrimLeft(body, " \t*_")
	if len(body) == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRune(body)
	if strings.ContainsRune(".;:,!?。；：，、！？)）", last) {
		return false
	}
	if last >= 0x80 {
		return utf8.RuneCount(body) <= 20 && bytes.IndexAny(body, "。；，") < 0
	}
	return bytes.Count(body, []byte(" ")) < 6 && !actorClause(body)
}

// markKind names the kind of list marker that opens the line of s, which
// starts a line: "(a" for "(b)", "(i" for "(iv)", "(1" for "(2)", "1" for
// "3." and "12)", "a" for "b.", "-" for a bullet, "一" for "二、", "（1"
// for "（3）"; a line without a marker gives the kind of its first letter.
// Roman numerals are a kind of their own: "(a) ... You shall:" then "(i)
// provide ...", "(ii) ..." then "(b) If You Distribute ..." is back in
// the list around the items.
func markKind(text []byte, s span) string {
	lo := max(0, s.start-16)
	nl := bytes.LastIndexByte(text[lo:s.start], '\n')
	if nl < 0 && lo > 0 {
		return ""
	}
	b := bytes.TrimLeft(text[lo+nl+1:s.end], " \t")
	kind := func(r rune) rune {
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			return '1'
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			return 'a'
		case r == '*' || r == '+' || r == '•' || r == '·':
			return '-'
		case r >= '①' && r <= '⑳' || strings.ContainsRune("一二三四五六七八九十", r):
			return '一'
		}
		return r
	}
	r1, n := utf8.DecodeRune(b)
	k := kind(r1)
	if k == '(' || k == '（' || k == '[' || k == '【' {
		r2, _ := utf8.DecodeRune(b[n:])
		if k2 := kind(r2); k2 != 'a' || !roman(b[n:]) {
			return string([]rune{k, k2})
		}
		return string(k) + romanKind(b[n:])
	}
	if k == 'a' && roman(b) {
		return romanKind(b)
	}
	return string(k)
}

// romanKind is the kind of a roman numeral marker: "i?" for a lone "i",
// which may be the ninth letter ("(h) ...; (i) ...; (j) ..."), and its
// list's next item tells (sameMark).
func romanKind(b []byte) string {
	if len(b) > 1 && (b[0] == 'i' || b[0] == 'I') && (b[1] == ')' || b[1] == '.') {
		return "i?"
	}
	return "i"
}

// sameMark reports whether an item marked of kind k goes on a list whose
// first item was marked of kind first. A lone "i" on a list of letters is
// the ninth letter ("(h) ...; (i) ...; (j) ...").
func sameMark(first, k string) bool {
	if strings.HasSuffix(k, "i?") && first == k[:len(k)-2]+"a" {
		return true
	}
	if strings.HasSuffix(first, "i?") {
		return strings.HasPrefix(k, first[:len(first)-2]) && len(k) == len(first)-1
	}
	return k == first
}

// roman reports whether b opens with a roman numeral list marker: "iv)",
// "ii.".
func roman(b []byte) bool {
	i := 0
	for i < len(b) && i < 5 && strings.IndexByte("ivxIVX", b[i]) >= 0 {
		i++
	}
	return i > 0 && i < len(b) && (b[i] == ')' || b[i] == '.')
}

// blankLine reports an empty line in gap.
func blankLine(gap []byte) bool {
	for i := bytes.IndexByte(gap, '\n'); i >= 0; {
		j := bytes.IndexByte(gap[i+1:], '\n')
		if j < 0 {
			return false
		}
		if len(bytes.TrimSpace(gap[i+1:i+1+j])) == 0 {
			return true
		}
		i += 1 + j
	}
	return false
}

// paragraphBreak reports a blank line, or a line break before a list
// marker, in the text between two sentences.
func paragraphBreak(gap []byte) bool {
	i := bytes.IndexByte(gap, '\n')
	return i >= 0 && (bytes.IndexByte(gap[i+1:], '\n') >= 0 || listItemGap(gap))
}

// seenHit reports whether hits (of one sentence) already hold code with
// equal data.
func seenHit(hits []Hit, code string, data map[string]any) bool {
	for _, h := range hits {
		if h.Code == code && sameData(h.Data, data) {
			return true
		}
	}
	return false
}

// quoteFollows reports whether the next text after off, past blanks, opens
// a quotation.
func quoteFollows(text []byte, off int) bool {
	for off < len(text) && isSpace(text[off]) {
		off++
	}
	return bytes.HasPrefix(text[off:], []byte(`"`)) || bytes.HasPrefix(text[off:], []byte("“"))
}

// isQuestion reports whether the sentence s asks a question: it ends in
// a question mark, inside quotes, emphasis or the text of a link ("!!!
// question \"Do I need to acknowledge X?\"", "[Can I use X
// commercially?](#faq-3)", "我可以商用吗？"). A question states no term;
// its answer does.
func isQuestion(text []byte, s span) bool {
	b := bytes.TrimRight(text[s.start:s.end], " \t\r\n*_\"'")
	if bytes.HasSuffix(b, []byte(")")) {
		if k := bytes.LastIndex(b, []byte("](")); k >= 0 {
			b = b[:k]
		}
	}
	b = bytes.TrimRight(b, "*_\"' ")
	b = bytes.TrimSuffix(bytes.TrimSuffix(b, []byte("”")), []byte("」"))
	return bytes.HasSuffix(b, []byte("?")) || bytes.HasSuffix(b, []byte("？"))
}

// maxNotice is how far after its lead-in a quoted notice may close.
const maxNotice = 2000

// quotedEnd returns where the quote that opens just after off closes (a
// quoted notice under the lead-in that ends at off, with Markdown
// emphasis around its marks: "*\"By using ...\"*"), or 0 when no quote
// opens there or it does not close within maxNotice bytes.
func quotedEnd(text []byte, off int) int {
	for off < len(text) && (isSpace(text[off]) || text[off] == '*' || text[off] == '_') {
		off++
	}
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		if bytes.HasPrefix(text[off:], []byte(q[0])) {
			rest := text[off+len(q[0]) : min(len(text), off+maxNotice)]
			if c := bytes.Index(rest, []byte(q[1])); c >= 0 {
				return off + len(q[0]) + c + len(q[1])
			}
			return 0
		}
	}
	return 0
}

// sameData reports whether two hits carry the same facts: no data and an
// empty map (a pattern whose optional extraction read nothing) are the
// same, so the items of one list that give the same credit are one hit
// whichever wording each used.
func sameData(a, b map[string]any) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

func anySet(mask []uint64) bool {
	for _, m := range mask {
		if m != 0 {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// definition matches a sentence that defines a term ("\"Output\" means
// ...", "“输出”是指 ...", "「生成物」とは、……を意味する"): a clause's finding
// belongs on the operative sentence that uses the term, not on its
// definition.
var definition = regexp.MustCompile(`^(?:\(?[a-z0-9]{1,4}(?:[.)] ?|(?:\.[0-9]{1,3})+\.? ))?"[^"]{1,80}" ?(?:\([^)]*\) ?)?(?:means|shall mean|refers to|shall refer to|is defined as|has the meaning|是指|指|系指|とは|：|:)`)

// dutyCodes are the codes of what you owe when you share or build on the
// model: a notice, a credit, a license or restrictions passed on, a name.
var dutyCodes = map[string]bool{
	"clause/notice-required": true, attributionCode: true, "clause/share-alike": true,
	"clause/pass-through": true, "clause/derivative-naming": true,
}

const attributionCode = "clause/attribution"

// policyCode is the code of a reference to another document.
const policyCode = "clause/policy-by-reference"

// othersDuty matches a sentence that binds no licensee: a recital
// ("Whereas Acme wishes to ensure that downstream users comply ..."), or
// the licensor's own undertaking ("Licensor shall retain all copyright
// notices in the Model", "We will credit contributors", "许可方须在其网站上
// 保留版权声明"), not one that has you do something ("Licensor may
// require ...").
var othersDuty = regexp.MustCompile(`^(?:\(?[a-z0-9]{1,4}[.)] )?(?:whereas\b|(?:the )?(?:licensors?|we)(?: will| shall| must| agrees? to| undertakes? to)(?: not)?(?: also)? (?:retain|keep|include|provide|give|credit|acknowledge|cite|display|mark|indicate|state|license|distribute|release|make|publish|preserve|reproduce|notify|inform|ensure)\b|(?:许可方|许可人|我们)(?:将|须|应当?|必须|会))`)

// quotation reports whether the sentence s is quoted text: a notice to be
// copied that states a duty of its own ("include the following notice:"
// then "\"Copyright Zeta. Licensed under the Zeta License. You may not
// remove this notice.\"") binds the readers of the copies, not you, and
// is no clause of this license. The sentence is a quotation when it opens
// a quote that it does not close before its end (a defined term that
// opens a sentence, "\"Licensee\" shall retain ...", is closed at once).
// Quotes counted back through a paragraph would say more, and wrongly
// where a paragraph's quotes do not pair up.
func quotation(text []byte, s span) bool {
	b := bytes.TrimSpace(text[s.start:s.end])
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		if bytes.HasPrefix(b, []byte(q[0])) {
			c := bytes.Index(b[len(q[0]):], []byte(q[1]))
			return c < 0 || c+len(q[0])+len(q[1]) >= len(b)-2
		}
	}
	return false
}

// quotedDuty matches the modality a quoted notice states for the readers
// of the copies ("You may not remove this notice"); a quoted line without
// one ("\"Built with Zeta\"") is what a duty has you display or copy,
// and is read as such.
var quotedDuty = regexp.MustCompile(`\b(?:must|shall|may not|required to|agree to)\b|须|不得|应当`)

// wish matches the modality of a wish, which a credit so worded is not
// a duty: "we encourage you to include \"Built with X\"", "a citation is
// appreciated", "if you wish, cite our paper", "citation is not a
// condition of compliance, but it is strongly requested", 欢迎引用.
// Guarded: read only when the sentence holds one of its words (it has no
// literal prefix for the regexp package to seek, and was tried at every
// byte).
var wish = guard(regexp.MustCompile(`\bencourag|\bappreciat|\bwelcome\b|\bif you (?:wish|like|want)\b|\bat your (?:option|discretion)\b|\boptional|\bnot required\b|\bneed not\b|\bnot a condition\b|\b(?:is|are) (?:strongly |kindly )?requested\b|鼓励|欢迎|可以选择|无需|不必`))

// opensList reports whether the sentence s ends as the opening of a list
// or as one of its items: with a colon or a semicolon.
func opensList(text []byte, s span) bool {
	b := bytes.TrimRight(text[s.start:s.end], " \t\r\n*")
	return endsWithColon(text, s) || bytes.HasSuffix(b, []byte(";")) || bytes.HasSuffix(b, []byte("；"))
}

// bindsParty finds the party a clause binds or addresses: a sentence after
// a definition that names none explains the term.
var bindsParty = regexp.MustCompile(`\b(?:you|your|licensee|licensees|licensor|we|us|our|users?|recipients?)\b|您|你|被许可|许可方|用户|接收`)

// midLine reports whether the sentence s starts in the middle of a line,
// after other text of it (a further sentence of the same paragraph or
// list item), not just after a list marker ("1.", "(iv)", "第二条").
func midLine(text []byte, s span) bool {
	// Look back a bounded way: a text written as one line would otherwise
	// be scanned back to its start for every sentence (quadratic). Text
	// longer than midLineLookBack before the sentence on its line is more
	// than a list marker.
	lo := max(0, s.start-midLineLookBack)
	nl := bytes.LastIndexByte(text[lo:s.start], '\n')
	if nl < 0 && lo > 0 {
		return len(bytes.TrimSpace(text[lo:s.start])) > 0
	}
	before := bytes.TrimSpace(text[lo+nl+1 : s.start])
	return len(before) > 12 || hasWord(before)
}

// unmarkedLine reports whether the sentence s opens its line with no list
// marker before it: a heading or a paragraph, not an item.
func unmarkedLine(text []byte, s span) bool {
	for i := s.start - 1; i >= 0 && i >= s.start-16; i-- {
		switch text[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return s.start == 0
}

// midLineLookBack bounds how far midLine looks for the start of a line.
const midLineLookBack = 512

func isDefinition(norm string) bool {
	// A definition's term is quoted within its first few bytes ("(a) \"X\"").
	return strings.IndexByte(norm[:min(len(norm), 8)], '"') >= 0 && definition.MatchString(norm)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// headingless are the codes whose findings leave out a run-in heading
// (afterRunInHeading). The other codes' ranges still open with it, as
// their tests pin (a share-alike clause under "**相同方式**：").
var headingless = map[string]bool{
	useRestriction: true, "clause/geographic": true,
	policyCode: true, outputRestriction: true,
}

// afterRunInHeading returns s without the run-in heading that opens it
// ("Reverse Engineering: The Licensee shall not ...", "EXPORT REGULATION:
// Licensee agrees ...", "**Use of Outputs**. You may not ...",
// "**限制修改发布**：使用者不可……"): a finding sits on the clause, not on
// its title. A heading is a few capitalised words (small words between
// them allowed), or any words in Markdown bold, then a colon or a full
// stop and the clause's first word.
func afterRunInHeading(text []byte, s span) span {
	b := text[s.start:s.end]
	head := b[:min(len(b), 80)]
	i := bytes.IndexAny(head, ":.：")
	if i <= 0 {
		return s
	}
	sep := 1
	if head[i] >= 0x80 {
		sep = len("：")
		if !bytes.HasPrefix(head[i:], []byte("：")) {
			return s
		}
	}
	title := bytes.TrimSpace(head[:i])
	// The sentence's range may already leave out the opening "**".
	opened := bytes.HasPrefix(title, []byte("**")) || s.start >= 2 && string(text[s.start-2:s.start]) == "**"
	// The bold may close before the colon or after it ("**Harmful use:**").
	closed := bytes.HasSuffix(title, []byte("**")) || bytes.HasPrefix(head[i+sep:], []byte("**"))
	bold := opened && closed && len(bytes.Trim(title, "*")) > 0
	if !bold && !titleWords(title) {
		return s
	}
	rest := i + sep
	for rest < len(b) && (isSpace(b[rest]) || b[rest] == '*') {
		rest++
	}
	if rest < len(b) && b[rest] == 0xC2 && rest+1 < len(b) && b[rest+1] == 0xA0 { // a no-break space
		rest += 2
		for rest < len(b) && isSpace(b[rest]) {
			rest++
		}
	}
	if rest >= len(b) || sep == 1 && rest == i+1 || head[i] == '.' && !(b[rest] >= 'A' && b[rest] <= 'Z') {
		return s // no blank after ":" or ".", or a full stop not followed by a sentence
	}
	if b[rest] >= 'a' && b[rest] <= 'z' || b[rest] == '(' {
		return s // a lead-in and its items: "You may not: (a) ...", "Note: see ..."
	}
	if b[rest] == '[' {
		// what the clause names, by a link ("**Distribute Output without
		// citing our paper:** [Wu et al. ...](https://...)"): no heading
		return s
	}
	return span{s.start + rest, s.end}
}

// titleWords reports whether b is a short title: two to six words, each
// capitalised or a small word, or all in capitals.
func titleWords(b []byte) bool {
	words := bytes.Fields(b)
	if len(words) < 1 || len(words) > 6 {
		return false
	}
	caps := 0
	for _, w := range words {
		w = bytes.Trim(w, "*_\"'()")
		switch {
		case len(w) == 0:
			return false
		case w[0] >= 'A' && w[0] <= 'Z':
			caps++
		case w[0] >= '0' && w[0] <= '9':
		case string(w) == "of" || string(w) == "and" || string(w) == "with" || string(w) == "on" ||
			string(w) == "the" || string(w) == "for" || string(w) == "to" || string(w) == "&" || string(w) == "-":
		default:
			return false
		}
	}
	return caps >= 1 && !bytes.EqualFold(words[0], []byte("you"))
}

// longSentence is the length from which a hit is narrowed to the part of
// its sentence that holds the match (see part).
const longSentence = 300

// part returns the part of the long sentence s, between "; " or ": "
// separators, that holds p's match in norm (n's current sentence): "As a
// condition ..., you agree: (i) not to use ...; (ii) ...; or (iii)
// distribute ... except pursuant to the terms of this Agreement" gives its
// share-alike hit on (iii), not on the whole. Short sentences, and matches
// n cannot place, keep s.
func (p *pattern) part(n *normalizer, norm string, text []byte, s span) span {
	if s.end-s.start < longSentence || !hasPartSeparator(text[s.start:s.end]) {
		return s
	}
	e, m := p.find(norm, nil)
	if e == nil {
		return s
	}
	if len(m) < 2 {
		m = e.re.FindStringIndex(norm) // find only asked whether it matches
	}
	if m == nil || m[1] <= m[0] || m[1] > len(n.pos) {
		return s
	}
	from, to := int(n.pos[m[0]]), int(n.pos[m[1]-1])+1
	if from < s.start || to > s.end || from >= to {
		return s
	}
	out := s
	for i := from - 1; i > s.start; i-- {
		if partSeparator(text, i) {
			out.start = i + 1
			break
		}
	}
	for i := to; i < s.end-1; i++ {
		if partSeparator(text, i) {
			out.end = i + 1
			break
		}
	}
	for out.start < out.end && isSpace(text[out.start]) {
		out.start++
	}
	return out
}

// hasPartSeparator reports whether b holds "; " or ": " (or the two before
// a line break) before its last byte.
func hasPartSeparator(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		if (b[i] == ';' || b[i] == ':') && partSeparator(b, i) {
			return true
		}
	}
	return false
}

// partSeparator reports a ";" or ":" followed by a blank at text[i].
func partSeparator(text []byte, i int) bool {
	c := text[i]
	return (c == ';' || c == ':') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\r')
}
