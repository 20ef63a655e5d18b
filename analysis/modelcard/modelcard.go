// Package modelcard reads the metadata block of a Hugging Face model card:
// the YAML front matter at the top of a README.md.
//
// The block is found the way the Hub finds it (huggingface_hub's
// REGEX_YAML_BLOCK: optional leading whitespace, a "---" line, the YAML, a
// "---" line) and parsed with yaml.v3's node API, so that every value comes
// back with its byte range in the original file. Those ranges are what
// diagnostics, hovers and fixes attach to.
//
// Real cards are messier than the spec. The reader tolerates what llama.cpp's
// converter tolerates: a UTF-8 byte order mark, CRLF line breaks, and tab
// characters used for indentation (each tab is read as one space, which keeps
// every offset in place). The YAML "Norway problem" (`- no` read as false)
// cannot bite here because values are read as the text written, never as
// booleans. Aliases are not expanded beyond one level, and a block with more
// nodes than MaxNodes is refused, so an alias bomb costs nothing.
//
// Parse is pure: bytes in, byte offsets out.
package modelcard

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Limits that keep hostile front matter cheap.
const (
	MaxBlockBytes = 1 << 20 // larger front matter is reported, not parsed
	MaxNodes      = 200_000
)

// Value is one scalar written in the front matter and its byte range in the
// file (inside the quotes when quoted).
type Value struct {
	Text       string
	Start, End int
}

// Card is what a model card's front matter declares. Fields that are absent
// are nil (single values) or empty (lists).
type Card struct {
	// Block is the byte range of the YAML between the two "---" lines;
	// Open is the opening "---" line.
	Block, Open Span
	Keys        []Value // every top-level key, in order
	License     []Value // a string or a list in the card
	LicenseName *Value
	LicenseLink *Value
	BaseModel   []Value // a string, or a list for merges
	Datasets    []Value // the datasets the model was trained on (datasets:)
	Relation    *Value  // base_model_relation
	ModelName   *Value  // model_name
	// LicenseKey is the "license" key itself, when present.
	LicenseKey *Value
	// EUDisallowed is extra_gated_eu_disallowed: the Hub refuses access
	// requests from the EU to a gated repository that sets it to true.
	EUDisallowed *Value
}

// Span is a half-open byte range.
type Span struct{ Start, End int }

// SyntaxError is front matter that does not parse. Span covers the line the
// YAML parser names, or the opening "---" line when it names none.
type SyntaxError struct {
	Msg  string
	Span Span
}

func (e *SyntaxError) Error() string { return e.Msg }

// ErrNoFrontMatter is returned by Parse for text without a metadata block.
var ErrNoFrontMatter = errors.New("no front matter")

// The block is found as huggingface_hub's REGEX_YAML_BLOCK finds it ("exact
// same regex as in the Hub server"):
//
//	^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(?:\r\n|\n|$))
//
// Find matches it by hand: Go's regexp runs the lazy [\S\s]*? on its slow
// engine, byte by byte over the whole card, and that was a fifth of a cold
// workspace analysis. A test checks Find against the regexp.

const bom = "\xef\xbb\xbf"

// Find returns the byte ranges of the opening "---" line and of the YAML
// between the delimiters, or ok=false when text has no front matter.
func Find(text []byte) (open, block Span, ok bool) {
	base := 0
	if strings.HasPrefix(string(text[:min(3, len(text))]), bom) {
		base = 3
	}
	w := base
	for w < len(text) && isRegexpSpace(text[w]) {
		w++
	}
	if !bytes.HasPrefix(text[w:], []byte("---")) {
		return Span{}, Span{}, false
	}
	bodyStart := w + 3 + newlineAt(text, w+3, true)
	if bodyStart == w+3 {
		return Span{}, Span{}, false
	}
	end, found := closingAt(text, bodyStart)
	if !found && bodyStart == w+5 && text[w+4] == '\n' {
		// The regexp backtracks to "\r" alone as the opening line's end,
		// which lets the closing line start at its "\n".
		if e, ok := closingAt(text, w+4); ok {
			bodyStart, end, found = w+4, e, true
		}
	}
	if !found {
		return Span{}, Span{}, false
	}
	openStart := w
	return Span{openStart, openStart + 3}, Span{bodyStart, end}, true
}

// End returns the offset just after the front matter's closing "---" line
// (its line break included), or 0 when text has none: where the text
// proper begins, for every reader that skips the metadata (clause
// references, license identification, the README edits, templates,
// suppression comments). It reads the block as Find does, so that what
// one reader takes for front matter every reader does.
func End(text []byte) int {
	_, block, ok := Find(text)
	if !ok {
		return 0
	}
	i := block.End + newlineAt(text, block.End, true) + len("---")
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i + newlineAt(text, i, false)
}

// isRegexpSpace is \s of Go's regexp syntax.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// newlineAt is the length of the line break at i ("\r\n", "\r" when
// lone is allowed, "\n"), 0 when there is none.
func newlineAt(text []byte, i int, lone bool) int {
	switch {
	case i+1 < len(text) && text[i] == '\r' && text[i+1] == '\n':
		return 2
	case i < len(text) && (text[i] == '\n' || lone && text[i] == '\r'):
		return 1
	}
	return 0
}

// closingAt finds the first closing line at or after from: a line break,
// "---", spaces or tabs, then a line break other than a lone "\r" or the
// end of the text. It returns where the line break before "---" starts.
func closingAt(text []byte, from int) (int, bool) {
	for q := from + 1; q <= len(text)-3; q++ {
		k := bytes.Index(text[q:], []byte("---"))
		if k < 0 {
			return 0, false
		}
		q += k
		p := q - 1
		if c := text[p]; c != '\n' && c != '\r' {
			continue
		}
		if c := text[p]; c == '\n' && p-1 >= from && text[p-1] == '\r' {
			p--
		}
		if p < from {
			continue
		}
		t := q + 3
		for t < len(text) && (text[t] == ' ' || text[t] == '\t') {
			t++
		}
		if t == len(text) || newlineAt(text, t, false) > 0 {
			return p, true
		}
	}
	return 0, false
}

// Parse reads the front matter of a model card. It returns ErrNoFrontMatter
// when there is none and a *SyntaxError when it does not parse.
func Parse(text []byte) (*Card, error) {
	open, block, ok := Find(text)
	if !ok {
		return nil, ErrNoFrontMatter
	}
	c := &Card{Block: block, Open: open}
	if block.End-block.Start > MaxBlockBytes {
		return c, &SyntaxError{Msg: fmt.Sprintf("the front matter is larger than %d bytes", MaxBlockBytes), Span: open}
	}
	src := text[block.Start:block.End]
	root, err := parseYAML(src)
	if err != nil {
		return c, syntaxError(text, block, open, err)
	}
	if root == nil {
		return c, nil // an empty block declares nothing
	}
	if root.Kind != yaml.MappingNode {
		return c, &SyntaxError{Msg: "the front matter is not a mapping of keys to values", Span: open}
	}
	if countNodes(root, MaxNodes) > MaxNodes {
		return c, &SyntaxError{Msg: "the front matter has too many YAML nodes", Span: open}
	}
	loc := newLocator(text, block.Start)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], deref(root.Content[i+1])
		key := loc.scalar(k)
		c.Keys = append(c.Keys, key)
		switch k.Value {
		case "license":
			c.LicenseKey = &key
			c.License = loc.values(v)
		case "license_name":
			c.LicenseName = loc.single(v)
		case "license_link":
			c.LicenseLink = loc.single(v)
		case "base_model":
			c.BaseModel = loc.values(v)
		case "datasets":
			c.Datasets = loc.values(v)
		case "base_model_relation":
			c.Relation = loc.single(v)
		case "model_name":
			c.ModelName = loc.single(v)
		case "extra_gated_eu_disallowed":
			c.EUDisallowed = loc.single(v)
		}
	}
	return c, nil
}

// parseYAML parses src, retrying once with tab indentation read as spaces.
func parseYAML(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	err := yaml.Unmarshal(src, &doc)
	if err != nil && hasTabIndent(src) {
		var retry yaml.Node
		if yaml.Unmarshal(untab(src), &retry) == nil {
			doc, err = retry, nil
		}
	}
	if err != nil {
		return nil, err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

func hasTabIndent(src []byte) bool {
	atLineStart := true
	for _, c := range src {
		switch {
		case c == '\n' || c == '\r':
			atLineStart = true
		case c == '\t' && atLineStart:
			return true
		case c != ' ':
			atLineStart = false
		}
	}
	return false
}

// untab replaces tabs in leading whitespace by single spaces, keeping every
// byte offset where it was.
func untab(src []byte) []byte {
	out := append([]byte(nil), src...)
	atLineStart := true
	for i, c := range out {
		switch {
		case c == '\n' || c == '\r':
			atLineStart = true
		case c == '\t' && atLineStart:
			out[i] = ' '
		case c != ' ':
			atLineStart = false
		}
	}
	return out
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError turns a yaml.v3 error into a range: the line it names,
// relative to the block.
func syntaxError(text []byte, block, open Span, err error) *SyntaxError {
	msg := err.Error()
	m := lineRE.FindStringSubmatch(msg)
	if m == nil {
		return &SyntaxError{Msg: strings.TrimPrefix(msg, "yaml: "), Span: open}
	}
	msg = msg[len(m[0]):]
	n, _ := strconv.Atoi(m[1])
	if isParserProblem(msg) {
		n++ // yaml.v3 reports parser errors with a 0-based line
	}
	loc := newLocator(text, block.Start)
	start := loc.offset(n, 1)
	end := start
	for end < len(text) && text[end] != '\n' && text[end] != '\r' {
		end++
	}
	return &SyntaxError{Msg: msg, Span: Span{start, end}}
}

// parserProblems are the problems yaml.v3's parser (not its scanner)
// reports; their "line N" counts from 0, the scanner's from 1.
var parserProblems = []string{
	"did not find expected <stream-start>", "did not find expected <document start>",
	"did not find expected node content", "did not find expected '-' indicator",
	"did not find expected key", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
	"found undefined tag handle", "found duplicate %YAML directive", "found incompatible YAML document",
	"found duplicate %TAG directive",
}

func isParserProblem(msg string) bool {
	for _, p := range parserProblems {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// countNodes counts nodes without following aliases, stopping past limit.
func countNodes(n *yaml.Node, limit int) int {
	count := 1
	for _, c := range n.Content {
		if count > limit {
			break
		}
		count += countNodes(c, limit-count)
	}
	return count
}

// locator turns yaml.v3 marks (1-based line, 1-based column counted in
// characters, relative to the block) into byte offsets in the file. It
// counts line breaks the way yaml.v3 does: CRLF, CR, LF, NEL, LS and PS.
type locator struct {
	text  []byte
	base  int
	lines []int // byte offset of each line start, from base, found so far
	// scanned is where the search for line starts goes on.
	scanned int
}

func newLocator(text []byte, base int) *locator {
	return &locator{text: text, base: base, lines: []int{base}, scanned: base}
}

// scan finds line starts until line (1-based) has one or the text ends:
// only the front matter's lines are ever asked for, and a card can be a
// megabyte long.
func (l *locator) scan(line int) {
	text := l.text
	i := l.scanned
	for len(l.lines) < line && i < len(text) {
		c := text[i]
		switch {
		case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
			i += 2
		case c == '\r' || c == '\n':
			i++
		case c == 0xC2 && i+1 < len(text) && text[i+1] == 0x85:
			i += 2
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
			i += 3
		default:
			i++
			continue
		}
		l.lines = append(l.lines, i)
	}
	l.scanned = i
}

// offset returns the byte offset of a 1-based line and character column.
func (l *locator) offset(line, col int) int {
	if line < 1 {
		return l.base
	}
	l.scan(line)
	if line > len(l.lines) {
		return len(l.text)
	}
	off := l.lines[line-1]
	for c := 1; c < col && off < len(l.text) && l.text[off] != '\n' && l.text[off] != '\r'; c++ {
		_, size := utf8.DecodeRune(l.text[off:])
		off += size
	}
	return off
}

// scalar returns the text and byte range of a scalar node: inside the quotes
// for quoted scalars, the first line for block and multi-line scalars.
func (l *locator) scalar(n *yaml.Node) Value {
	start := l.offset(n.Line, n.Column)
	lineEnd := start
	for lineEnd < len(l.text) && l.text[lineEnd] != '\n' && l.text[lineEnd] != '\r' {
		lineEnd++
	}
	end := lineEnd
	switch {
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && start < lineEnd:
		q := l.text[start]
		start++
		end = closingQuote(l.text[start:lineEnd], q) + start
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
	default:
		if strings.HasPrefix(string(l.text[start:lineEnd]), n.Value) {
			end = start + len(n.Value)
		} else {
			end = start + len(strings.TrimRight(trimComment(string(l.text[start:lineEnd])), " \t"))
		}
	}
	return Value{Text: n.Value, Start: start, End: end}
}

// closingQuote is the index of the quote ending a quoted scalar in line, or
// len(line) when it continues on the next line.
func closingQuote(line []byte, q byte) int {
	for i := 0; i < len(line); i++ {
		switch {
		case q == '"' && line[i] == '\\':
			i++
		case line[i] == q && q == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++
		case line[i] == q:
			return i
		}
	}
	return len(line)
}

func trimComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}

func (l *locator) single(n *yaml.Node) *Value {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return nil
	}
	v := l.scalar(n)
	return &v
}

// values reads a scalar or a sequence of scalars; nulls and nested
// structures are skipped.
func (l *locator) values(n *yaml.Node) []Value {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if v := l.single(n); v != nil {
			return []Value{*v}
		}
	case yaml.SequenceNode:
		var out []Value
		for _, item := range n.Content {
			if v := l.single(deref(item)); v != nil {
				out = append(out, *v)
			}
		}
		return out
	}
	return nil
}

// Heading returns the first level-one Markdown heading after the front
// matter ("# Name"), skipping fenced code, and its byte range (the heading
// text only).
func Heading(text []byte) (string, Span, bool) {
	start := 0
	if _, block, ok := Find(text); ok {
		start = block.End
		// Skip the closing delimiter line.
		for start < len(text) && (text[start] == '\r' || text[start] == '\n') {
			start++
		}
		for start < len(text) && text[start] != '\n' {
			start++
		}
	}
	fenced := false
	for off := start; off < len(text); {
		end := len(text)
		if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
			end = off + i
		}
		// Bytes, not strings: a card can be a megabyte of lines without a
		// heading.
		line := bytes.TrimRight(text[off:end], "\r")
		trimmed := bytes.TrimLeft(line, " ")
		switch {
		case bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")):
			fenced = !fenced
		case !fenced && bytes.HasPrefix(trimmed, []byte("# ")):
			h := strings.TrimSpace(string(trimmed[2:]))
			hs := off + (len(line) - len(trimmed)) + 2
			for hs < len(text) && text[hs] == ' ' {
				hs++
			}
			return h, Span{hs, hs + len(h)}, true
		}
		off = end + 1
	}
	return "", Span{}, false
}
