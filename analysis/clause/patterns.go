package clause

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// pattern is a kb.ClausePattern with its expressions compiled.
type pattern struct {
	*kb.ClausePattern
	match  []expr
	unless []guarded
	// matchStarts and unlessStarts tell, from a sentence's sketch alone,
	// which wordings and vetoes hold none of their starts: a pattern split
	// per phrase of a class has a hundred wordings, most of whose starts
	// a sentence lacks.
	matchStarts, unlessStarts startless
	// Of a Term pattern (terms.go): uses are its Uses, each starting with
	// its own words so that it is searched for quickly in long sentences;
	// usesHan tells which hold CJK characters. A definition's body is read
	// with its Match and Unless, each wording guarded (carries).
	uses      []guarded
	usesHan   []bool
	any, also []uint64         // keyword masks
	variants  []guarded        // When of each of Variants
	continued []guarded        // When of each of Continued
	applied   []*regexp.Regexp // Applied
	// Of a pattern that binds you to a document (documents.go): the head
	// of a document's name, the relations that follow their document, and
	// the words that make a document this text.
	document, self *regexp.Regexp
	after          []guarded
	// words: for a wording, after or the document that is a lexicon's
	// choice alone ("\\b{{binding}}\\b"), the lexicon's words, found by
	// scanWords instead of the expression (which has no literal to seek
	// and would run its backtracker from every byte of the sentence).
	matchWords, afterWords [][]string
	documentWords          []string
	// wholeSentence: no extraction reads the match's bounds or groups,
	// so find need not ask for them.
	wholeSentence bool
	// han: every keyword holds a CJK character, so the pattern can only
	// match a sentence that does; its keywords live in the detector's
	// second automaton, which runs on such sentences alone and keeps the
	// first one small for the (mostly English) rest.
	han bool
	// once compiles the expressions above (ready); err is its failure.
	once sync.Once
	err  error
}

// expr is one compiled wording of a pattern.
type expr struct {
	re     guarded
	groups map[string]int
}

// detector is the compiled form of a knowledge base's clause patterns.
type detector struct {
	patterns []*pattern
	terms    []*pattern // Term patterns: read on definitions (terms.go)
	// termWords, termHanWords: the keywords of Term patterns in keywords
	// and han.
	termWords, termHanWords []uint64
	keywords                keywordSet // of the patterns that are not han
	han                     keywordSet // of the han patterns
	// byKeyword[k] is the set of patterns (bits by index) whose Keywords
	// hold keyword k of keywords; hanByKeyword the same for han. A
	// sentence's keyword mask thus names its candidate patterns directly.
	byKeyword, hanByKeyword [][]uint64
	// byID: the patterns (not Term ones) by id, for what reads hits again
	// after the sentence loop (moveDefined).
	byID map[string]*pattern
	pw   int // uint64 words per pattern set
	// relations are the binding relations of the lexicons (binding,
	// zh-binding): a lead-in that ends in one ("You agree to comply
	// with:") lends it to its items (leadRelation).
	relations []string
	// jaModals are the Japanese modalities an item may state of its own
	// (ja-ban, ja-duty, ja-wish, but the nominal "……すること"), and
	// jaBanHeads the words of a Japanese heading of bans (ja-ban-heading):
	// see headingLead.
	jaModals, jaBanHeads []string
	// otherActs are the verbs a banning lead-in's item may open with that
	// use nothing (lexicons.yaml ban-other-act: passing the model on);
	// useActs those that state a use (ban-use-act), which a use pattern
	// reads: an item of either kind that gives no finding is read, and is
	// no banned use of its own (leadBans.spans).
	otherActs, useActs []string
}

// candidates sets in cand the patterns whose Keywords occur in a sentence
// with these keyword masks.
func (d *detector) candidates(cand, mask, hanMask []uint64) {
	clear(cand)
	orBits(cand, mask, d.byKeyword)
	orBits(cand, hanMask, d.hanByKeyword)
}

func orBits(cand, mask []uint64, by [][]uint64) {
	for wi, m := range mask {
		for m != 0 {
			b := bits.TrailingZeros64(m)
			m &= m - 1
			for k, v := range by[wi*64+b] {
				cand[k] |= v
			}
		}
	}
}

// compiled caches the detector of each knowledge base (in practice the one
// kb.Default returns): *kb.KB -> *detector or error.
var compiled sync.Map

// Compile compiles the clause patterns of k and reports the first invalid
// one. Detect compiles a pattern's expressions only when a sentence is a
// candidate for it, and one that does not compile finds nothing, so the
// package's tests call Compile on the embedded knowledge base.
func Compile(k *kb.KB) error {
	d, err := patterns(k)
	if err != nil {
		return err
	}
	for _, ps := range [][]*pattern{d.patterns, d.terms} {
		for _, p := range ps {
			if !p.ready() {
				return p.err
			}
		}
	}
	return nil
}

func patterns(k *kb.KB) (*detector, error) {
	if v, ok := compiled.Load(k); ok {
		if err, bad := v.(error); bad {
			return nil, err
		}
		return v.(*detector), nil
	}
	ps, err := compile(k.Clauses)
	if err != nil {
		compiled.LoadOrStore(k, err)
		return nil, err
	}
	d := &detector{relations: append(append([]string(nil), k.Lexicons["binding"]...), k.Lexicons["zh-binding"]...), jaBanHeads: k.Lexicons["ja-ban-heading"],
		otherActs: append(append([]string(nil), k.Lexicons["ban-other-act"]...), k.Lexicons["zh-ban-other-act"]...),
		useActs:   k.Lexicons["ban-use-act"]}
	for _, m := range slices.Concat(k.Lexicons["ja-ban"], k.Lexicons["ja-duty"], k.Lexicons["ja-wish"]) {
		if !strings.HasSuffix(m, "こと") {
			d.jaModals = append(d.jaModals, m)
		}
	}
	for _, p := range ps {
		if p.Term {
			d.terms = append(d.terms, p)
		} else {
			d.patterns = append(d.patterns, p)
		}
	}
	ps = d.patterns
	d.byID = make(map[string]*pattern, len(ps))
	for _, p := range ps {
		d.byID[p.ID] = p
		p.han = true
		for _, w := range p.Keywords {
			p.han = p.han && hasHan(w)
		}
		ks := d.set(p)
		for _, w := range append(p.Keywords[:len(p.Keywords):len(p.Keywords)], p.Also...) {
			ks.index(w)
		}
	}
	// The keywords of Term patterns live in the same automata, so that
	// the one scan of a text also says which sentences may define a term
	// that carries a restriction (terms.go).
	for _, p := range d.terms {
		for _, w := range p.Keywords {
			if hasHan(w) {
				d.han.index(w)
			} else {
				d.keywords.index(w)
			}
		}
	}
	d.keywords.build()
	d.han.build()
	d.termWords, d.termHanWords = make([]uint64, d.keywords.width), make([]uint64, d.han.width)
	for _, p := range d.terms {
		for _, w := range p.Keywords {
			if hasHan(w) {
				i := d.han.index(w)
				d.termHanWords[i/64] |= 1 << (i % 64)
			} else {
				i := d.keywords.index(w)
				d.termWords[i/64] |= 1 << (i % 64)
			}
		}
	}
	d.pw = (len(ps) + 63) / 64
	d.byKeyword = newBitsets(len(d.keywords.words), d.pw)
	d.hanByKeyword = newBitsets(len(d.han.words), d.pw)
	for i, p := range ps {
		ks := d.set(p)
		p.any = ks.mask(p.Keywords)
		if len(p.Also) > 0 {
			p.also = ks.mask(p.Also)
		}
		by := d.byKeyword
		if p.han {
			by = d.hanByKeyword
		}
		for _, w := range p.Keywords {
			by[ks.index(w)][i/64] |= 1 << (i % 64)
		}
	}
	v, _ := compiled.LoadOrStore(k, d)
	return v.(*detector), nil
}

func newBitsets(n, width int) [][]uint64 {
	out := make([][]uint64, n)
	for i := range out {
		out[i] = make([]uint64, width)
	}
	return out
}

// set is the keyword automaton p's keywords live in.
func (d *detector) set(p *pattern) *keywordSet {
	if p.han {
		return &d.han
	}
	return &d.keywords
}

// hasHan reports whether s holds a byte that leads a CJK character in
// UTF-8 (U+3000 and up: CJK punctuation, kana, ideographs, full-width forms).
func hasHan(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE3 {
			return true
		}
	}
	return false
}

func hasHanBytes(b []byte) bool {
	// Eight bytes at a time while they are all ASCII: most license text is.
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			break
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0xE3 {
			return true
		}
	}
	return false
}

var extractKinds = map[string]bool{"text": true, "amount": true, "currency": true, "url": true, "find": true}

func compile(cs []kb.ClausePattern) ([]*pattern, error) {
	ps := make([]*pattern, 0, len(cs))
	seen := map[string]bool{}
	for i := range cs {
		c := &cs[i]
		var words lexiconWords
		if c.Document != "" {
			words = choiceWords(c)
		}
		if c.ID == "" || seen[c.ID] {
			return nil, fmt.Errorf("clauses.yaml: pattern %d: missing or repeated id %q", i, c.ID)
		}
		seen[c.ID] = true
		if c.Code == "" || c.Message == "" || len(c.Match) == 0 || len(c.Keywords) == 0 {
			return nil, fmt.Errorf("clauses.yaml: %s: code, message, match and keywords are required", c.ID)
		}
		p := &pattern{ClausePattern: c, wholeSentence: c.Document == "",
			matchWords: words.match, afterWords: words.after, documentWords: words.document}
		for _, x := range c.Extract {
			p.wholeSentence = p.wholeSentence && readsWholeSentence(x)
		}
		for _, v := range c.Variants {
			if v.Message == "" {
				return nil, fmt.Errorf("clauses.yaml: %s: variant %q: no message", c.ID, v.When)
			}
		}
		if len(c.Continued) > 0 && (c.Each || c.Term) {
			return nil, fmt.Errorf("clauses.yaml: %s: continued sentences join one hit: not with each or term", c.ID)
		}
		if c.Term != (len(c.Uses) > 0) {
			return nil, fmt.Errorf("clauses.yaml: %s: a term pattern needs uses, and only a term pattern has them", c.ID)
		}
		for _, u := range c.Applied {
			if !strings.Contains(u, termToken) || !c.Definitions || c.Term {
				return nil, fmt.Errorf("clauses.yaml: %s: applied %q: needs %s, and a pattern that fires on definitions", c.ID, u, termToken)
			}
		}
		for _, u := range c.Uses {
			if !strings.Contains(u, termToken) {
				return nil, fmt.Errorf("clauses.yaml: %s: use %q does not name %s", c.ID, u, termToken)
			}
		}
		for _, x := range c.Extract {
			if !extractKinds[x.Kind] {
				return nil, fmt.Errorf("clauses.yaml: %s: extract %s: unknown kind %q", c.ID, x.Field, x.Kind)
			}
		}
		for _, kw := range append(c.Keywords[:len(c.Keywords):len(c.Keywords)], c.Also...) {
			if kw != strings.ToLower(kw) {
				return nil, fmt.Errorf("clauses.yaml: %s: keyword %q is not lower case", c.ID, kw)
			}
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// ready compiles p's expressions on its first use and reports whether
// they compiled. Compiling all of them costs more than reading a short
// license (35 ms and 18 MB for the knowledge base's patterns), and most
// patterns never get a candidate sentence in a given run: a plain MIT
// compiles almost none. Compile compiles them all, so that an invalid
// expression in the knowledge base fails its test; one that did not
// compile matches nothing.
func (p *pattern) ready() bool {
	p.once.Do(func() { p.err = p.compileExprs() })
	return p.err == nil
}

// compileExprs compiles p's wordings, variants, uses and vetoes.
func (p *pattern) compileExprs() error {
	c := p.ClausePattern
	for _, m := range c.Match {
		re, err := regexp.Compile(m)
		if err != nil {
			return fmt.Errorf("clauses.yaml: %s: match: %w", c.ID, err)
		}
		e := expr{re: guard(re), groups: map[string]int{}}
		for gi, name := range re.SubexpNames() {
			if name != "" {
				e.groups[name] = gi
			}
		}
		if c.Document != "" {
			e.groups = map[string]int{"doc": 1} // documentMatch's groups
		}
		for _, x := range c.Extract {
			for _, g := range x.Groups {
				if _, ok := e.groups[g]; !ok {
					return fmt.Errorf("clauses.yaml: %s: extract %s: no group %q in match %q", c.ID, x.Field, g, m)
				}
			}
		}
		p.match = append(p.match, e)
	}
	for _, v := range c.Variants {
		re, err := regexp.Compile(v.When)
		if err != nil {
			return fmt.Errorf("clauses.yaml: %s: variant %q: %w", c.ID, v.When, err)
		}
		p.variants = append(p.variants, guard(re))
	}
	for _, v := range c.Continued {
		re, err := regexp.Compile(v.When)
		if err != nil {
			return fmt.Errorf("clauses.yaml: %s: continued %q: %w", c.ID, v.When, err)
		}
		p.continued = append(p.continued, guard(re))
	}
	for _, u := range c.Applied {
		re, err := regexp.Compile(u)
		if err != nil {
			return fmt.Errorf("clauses.yaml: %s: applied %q: %w", c.ID, u, err)
		}
		p.applied = append(p.applied, re)
	}
	if c.Term {
		if err := p.compileTerm(); err != nil {
			return err
		}
	}
	if c.Document != "" {
		if err := p.compileDocument(); err != nil {
			return err
		}
	} else if c.Self != "" {
		// a pattern that names its document in a group "doc": the
		// document must not be this text (selfNamed)
		var err error
		if p.self, err = regexp.Compile(c.Self); err != nil {
			return fmt.Errorf("clauses.yaml: %s: self: %w", c.ID, err)
		}
	}
	for _, u := range c.Unless {
		re, err := regexp.Compile(u)
		if err != nil {
			return fmt.Errorf("clauses.yaml: %s: unless: %w", c.ID, err)
		}
		p.unless = append(p.unless, guard(re))
	}
	res := make([]guarded, len(p.match))
	for i, e := range p.match {
		res[i] = e.re
	}
	p.matchStarts, p.unlessStarts = newStartless(res), newStartless(p.unless)
	return nil
}

// compileTerm compiles the uses of a Term pattern.
func (p *pattern) compileTerm() error {
	for _, u := range p.Uses {
		re, err := regexp.Compile(u)
		if err != nil {
			return fmt.Errorf("clauses.yaml: %s: uses: %w", p.ID, err)
		}
		p.uses = append(p.uses, guard(re))
		p.usesHan = append(p.usesHan, hasHan(u))
	}
	return nil
}

// candidate reports whether a sentence with these keywords may match p.
func (p *pattern) candidate(found []uint64) bool {
	return intersects(found, p.any) && (p.also == nil || intersects(found, p.also))
}

// apply tries p on the normalized sentence norm, the last one n wrote.
func (p *pattern) apply(text []byte, n *normalizer, norm string, sk *sketch) (data map[string]any, ok bool) {
	if !p.ready() {
		return nil, false
	}
	e, m := p.find(norm, sk)
	if m == nil || p.vetoed(norm, sk) {
		return nil, false
	}
	return p.extractAll(e, text, n, norm, m)
}

// applyEach is apply for an Each pattern: the data of every match of the
// first wording that matches norm (not of every wording, whose looser
// forms would read one sentence's other numbers too).
func (p *pattern) applyEach(text []byte, n *normalizer, norm string, sk *sketch) []map[string]any {
	if !p.ready() || p.vetoed(norm, sk) {
		return nil
	}
	var out []map[string]any
	for i := range p.match {
		e := &p.match[i]
		if p.matchStarts.none(i, norm, sk) {
			continue
		}
		for _, m := range e.re.findAllIn(norm, -1, sk) {
			if data, ok := p.extractAll(e, text, n, norm, m); ok {
				out = append(out, data)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// extractAll reads the facts of p out of one match m of e.
func (p *pattern) extractAll(e *expr, text []byte, n *normalizer, norm string, m []int) (map[string]any, bool) {
	data := map[string]any{}
	for k, v := range p.Data {
		data[k] = v
	}
	for _, x := range p.Extract {
		v, found := e.extract(x, text, n, norm, m)
		if !found {
			if x.Optional {
				continue
			}
			return nil, false
		}
		data[x.Field] = v
	}
	if len(data) == 0 {
		data = nil
	}
	return data, true
}

// readsWholeSentence reports whether x reads the whole sentence rather than
// the match: a URL or the words of a map found anywhere in it.
func readsWholeSentence(x kb.Extraction) bool {
	return len(x.Groups) == 0 && (x.Kind == "url" || x.Kind == "find")
}

// vetoed reports whether one of p's Unless expressions matches norm.
func (p *pattern) vetoed(norm string, sk *sketch) bool {
	for i, u := range p.unless {
		if !p.unlessStarts.none(i, norm, sk) && u.matchIn(norm, sk) {
			return true
		}
	}
	return false
}

// find returns the first wording that matches norm and its submatches.
// Patterns whose extractions read the whole sentence rather than the match
// (none, or a URL or words found anywhere in it) only need to know whether
// one matches, which is cheaper to ask.
func (p *pattern) find(norm string, sk *sketch) (*expr, []int) {
	if p.document != nil {
		return p.findDocument(norm, sk)
	}
	for i := range p.match {
		e := &p.match[i]
		if p.matchStarts.none(i, norm, sk) {
			continue
		}
		if p.wholeSentence {
			if e.re.matchIn(norm, sk) {
				return e, []int{}
			}
			continue
		}
		if m := e.re.findIn(norm, sk); m != nil && !p.selfNamed(e, norm, m) {
			return e, m
		}
	}
	return nil, nil
}

// selfNamed reports whether the match m of e names as its document (the
// group "doc") this text: a word of the pattern's Self stands between the
// relation and the document's head, after the last conjunction ("bound by
// these Acme Output Terms of Use", "the requirements set forth in these
// Guidelines"), as bound-to-document reads it (otherDocument).
func (p *pattern) selfNamed(e *expr, norm string, m []int) bool {
	i, ok := e.groups["doc"]
	if p.self == nil || !ok || m[2*i] < 0 {
		return false
	}
	phrase := norm[m[0]:m[2*i]]
	return p.self.MatchString(phrase[lastPhrase(phrase):])
}

// group returns the bounds in norm of the first non-empty group of x.
func (e *expr) group(x kb.Extraction, m []int) (int, int, bool) {
	if len(x.Groups) == 0 {
		return m[0], m[1], true
	}
	for _, g := range x.Groups {
		i := e.groups[g]
		if m[2*i] >= 0 && m[2*i+1] > m[2*i] {
			return m[2*i], m[2*i+1], true
		}
	}
	return 0, 0, false
}

// extract reads the value x asks for out of the sentence: norm is its
// normalized form and m the submatches of e in it; text and n give the
// original bytes.
func (e *expr) extract(x kb.Extraction, text []byte, n *normalizer, norm string, m []int) (any, bool) {
	var a, b int
	var ok bool
	if readsWholeSentence(x) {
		a, b, ok = 0, len(norm), true
	} else {
		a, b, ok = e.group(x, m)
	}
	if !ok {
		return nil, false
	}
	switch x.Kind {
	case "text":
		s, e := n.original(a, b)
		t := cleanText(text[s:e])
		return t, t != ""
	case "amount":
		v, ok := parseAmount(norm[a:b])
		return v, ok
	case "currency":
		return longestKey(norm[a:b], x.Map)
	case "url":
		u := findURL(text, n, norm, a, b)
		return u, u != ""
	case "find":
		var found []string
		for k, v := range x.Map {
			if strings.Contains(norm, k) {
				found = append(found, v)
			}
		}
		if len(found) == 0 {
			return nil, false
		}
		sort.Strings(found)
		return compact(found), true
	}
	return nil, false
}

// findURL returns the first web address in norm[a:b], read from the
// original text, without trailing punctuation or Markdown escapes.
func findURL(text []byte, n *normalizer, norm string, a, b int) string {
	s, e := urlIn(norm[a:b])
	if s < 0 {
		return ""
	}
	os, oe := n.original(a+s, a+e)
	u := strings.ReplaceAll(cleanText(text[os:oe]), "\\", "")
	if i := strings.IndexAny(u, "。，；：】）」』》、"); i >= 0 {
		u = u[:i] // Chinese punctuation ends an address in Chinese text
	}
	return strings.TrimRight(u, ".,;:!?)]}'\"")
}

// afterPort returns the end of the ":port" at s[b:] ("https://host:8443/"),
// or b when there is none: a port belongs to the address.
func afterPort(s string, b int) int {
	if b >= len(s) || s[b] != ':' {
		return b
	}
	e := b + 1
	for e < len(s) && e-b <= 5 && s[e] >= '0' && s[e] <= '9' {
		e++
	}
	if e == b+1 || e < len(s) && s[e] >= '0' && s[e] <= '9' {
		return b
	}
	return e
}

// urlIn finds the first web address in the normalized s: a host name
// ending in a common top-level domain, with or without a scheme and a
// path. A bare host needs a path or three labels, so that "e.g.", "u.s."
// and a company called "deci.ai" are not taken for one; an e-mail domain is
// none. It ends where Chinese text follows it ("https://x.cn/terms公布").
func urlIn(s string) (int, int) {
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '.')
		if k < 0 {
			return -1, -1
		}
		dot := i + k
		a := dot
		for a > 0 && isHostByte(s[a-1]) {
			a--
		}
		b := dot + 1
		for b < len(s) && isHostByte(s[b]) {
			b++
		}
		for b > dot+1 && (s[b-1] == '.' || s[b-1] == '-') {
			b--
		}
		i = b + 1
		host := s[a:b]
		// After a scheme any domain is one ("https://zeta.site/terms").
		scheme := a >= 3 && s[a-3:a] == "://"
		if a == dot || a > 0 && s[a-1] == '@' || !scheme && !topLevel[host[strings.LastIndexByte(host, '.')+1:]] {
			continue
		}
		if scheme {
			b = afterPort(s, b)
		}
		path := b < len(s) && s[b] == '/'
		if !scheme && !path && !strings.HasPrefix(host, "www.") && strings.Count(host, ".") < 2 {
			continue
		}
		if scheme {
			for a -= 3; a > 0 && s[a-1] >= 'a' && s[a-1] <= 'z'; a-- {
			}
		}
		// A path ends at a blank, a bracket or quote, or the Chinese text
		// that follows it without a blank (a CJK character or full-width
		// punctuation opens a three-byte UTF-8 sequence).
		for path && b < len(s) && !strings.ContainsRune(" <>\"')]`", rune(s[b])) && s[b]&0xf0 != 0xe0 {
			b++
		}
		return a, b
	}
	return -1, -1
}

func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
}

var topLevel = map[string]bool{
	"com": true, "org": true, "net": true, "dev": true, "ai": true, "io": true, "ae": true,
	"gov": true, "edu": true, "co": true, "uk": true, "eu": true, "cn": true, "de": true,
	"fr": true, "example": true, "info": true, "app": true, "cc": true, "me": true, "jp": true,
}

func compact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func longestKey(s string, m map[string]string) (any, bool) {
	best := ""
	for k := range m {
		if len(k) > len(best) && strings.Contains(s, k) {
			best = k
		}
	}
	if best == "" {
		return nil, false
	}
	return m[best], true
}

// cleanText collapses blanks and removes Markdown emphasis from a piece of
// the original text.
func cleanText(b []byte) string {
	var sb strings.Builder
	space := false
	for _, r := range string(b) {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0':
			space = sb.Len() > 0
			continue
		case '*':
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

var multipliers = []struct {
	word string
	mul  float64
}{
	{"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6}, {"thousand", 1e3},
	{"bn", 1e9}, {"mn", 1e6}, {"mm", 1e6}, {"b", 1e9}, {"m", 1e6}, {"k", 1e3},
	// Chinese: 1亿 is 10^8, 1万 is 10^4 (千万 and 百万 before 万)
	{"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6}, {"万", 1e4},
}

// parseAmount reads "700 million", "us $1,000,000", "$1m", "1.5 billion",
// "10,000,000" as a whole number.
func parseAmount(s string) (int64, bool) {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return 0, false
	}
	j := i
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ',' || s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
		j++
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s[i:j], ",", ""), 64)
	if err != nil {
		return 0, false
	}
	rest := strings.TrimLeft(s[j:], " ")
	for _, m := range multipliers {
		if strings.HasPrefix(rest, m.word) && (len(rest) == len(m.word) || !isLetter(rest[len(m.word)])) {
			f *= m.mul
			break
		}
	}
	if f <= 0 || f > math.MaxInt64/2 {
		return 0, false
	}
	return int64(math.Round(f)), true
}

// render fills the message template of p with data.
func (p *pattern) render(norm string, data map[string]any) string {
	for i, re := range p.variants {
		if re.MatchString(norm) {
			if msg, missing := fill(p.Variants[i].Message, data); !missing {
				return msg
			}
		}
	}
	msg, missing := fill(p.Message, data)
	if missing && p.Fallback != "" {
		msg, _ = fill(p.Fallback, data)
	}
	return msg
}

// continues reports whether norm, the sentence after a hit of p, carries
// that hit on (Continued), and the hit's message if it changes ("" if not).
func (p *pattern) continues(norm string, data map[string]any) (string, bool) {
	if !p.ready() {
		return "", false
	}
	for i, re := range p.continued {
		if re.MatchString(norm) {
			msg := ""
			if m := p.Continued[i].Message; m != "" {
				msg, _ = fill(m, data)
			}
			return msg, true
		}
	}
	return "", false
}

func fill(tmpl string, data map[string]any) (string, bool) {
	var sb strings.Builder
	missing := false
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			sb.WriteString(tmpl)
			return sb.String(), missing
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			sb.WriteString(tmpl)
			return sb.String(), missing
		}
		sb.WriteString(tmpl[:i])
		v, ok := data[tmpl[i+1:i+j]]
		if !ok {
			missing = true
		}
		sb.WriteString(formatValue(v))
		tmpl = tmpl[i+j+1:]
	}
}

func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case int64:
		return humanNumber(x)
	case []string:
		return strings.Join(x, ", ")
	default:
		return fmt.Sprint(x)
	}
}

// humanNumber writes 700000000 as "700 million" and 1234567 as "1,234,567".
func humanNumber(n int64) string { return wording.Long(n) }
