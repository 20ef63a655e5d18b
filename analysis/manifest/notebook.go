package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// ParseNotebook finds the Hub models a Jupyter notebook (.ipynb) loads. Its
// code cells are read as Python (ParsePython); their shell escapes
// ("!hf download org/name") and %%bash or %%sh cells as shell commands
// (ParseShell), and so are the fenced shell blocks of Markdown cells
// (```bash ... vllm serve org/name); the datasets they load are references
// of Kind DatasetID (ParsePythonDatasets, ParseShellDatasets). Outputs and
// prose are not read. Ranges are byte
// ranges of the notebook file itself, inside the JSON strings that hold the
// cell's source; an id written with JSON escapes inside it is skipped. A
// file that is not JSON, or whose "cells" is not a list of cells, is an
// error; one without "cells" (nbformat 3) yields nothing.
func ParseNotebook(src []byte) ([]Ref, error) {
	if !namesACall(src) && !shellMayFetch(src) && !bytes.Contains(src, []byte("load_dataset")) {
		// Most notebooks load no model by name and are not parsed; one
		// that does not even start and end like a JSON object is broken
		// all the same, and says so.
		t := bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))
		switch {
		case len(t) == 0:
			return nil, errors.New("the file is empty, not a notebook")
		case t[0] != '{':
			return nil, errors.New("the file is not JSON (a notebook is one JSON object)")
		case t[len(t)-1] != '}':
			return nil, errors.New("the file ends inside its JSON")
		}
		return nil, nil
	}
	// A byte order mark (some Windows editors write one) is not JSON.
	body := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	bom := len(src) - len(body)
	nb := notebookReader{dec: json.NewDecoder(bytes.NewReader(body)), src: body}
	cells, err := nb.cells()
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, errors.New("the file ends inside its JSON")
	}
	if err != nil {
		return nil, err
	}
	var refs []Ref
	for _, cell := range cells {
		for _, r := range cell.refs(body) {
			r.Start, r.End = r.Start+bom, r.End+bom
			refs = append(refs, r)
		}
	}
	return refs, nil
}

// notebookCell is the source of one code cell: its text decoded from the
// JSON strings, and for each byte of it the range of the file's bytes it
// was decoded from.
type notebookCell struct {
	text       []byte
	start, end []int
	markdown   bool // a Markdown cell: only its fenced shell blocks are read
}

// refs reads the cell and maps what it finds back into the file.
func (c *notebookCell) refs(src []byte) []Ref {
	var found []Ref
	if c.markdown {
		shell := fencedShell(c.text)
		found = append(ParseShell(shell), ParseShellDatasets(shell)...)
	} else if magic := firstLineOf(c.text); bytes.HasPrefix(magic, []byte("%%bash")) || bytes.HasPrefix(magic, []byte("%%sh")) {
		found = append(ParseShell(c.text[len(magic):]), ParseShellDatasets(c.text[len(magic):])...) // offsets shift back below
		for i := range found {
			found[i].Start += len(magic)
			found[i].End += len(magic)
		}
	} else {
		escapes := shellEscapes(c.text)
		found = append(append(ParsePython(c.text), ParseShell(escapes)...), append(ParsePythonDatasets(c.text), ParseShellDatasets(escapes)...)...)
	}
	var out []Ref
	for _, r := range found {
		if r.End <= r.Start || r.End > len(c.text) {
			continue
		}
		start, end := c.start[r.Start], c.end[r.End-1]
		if end-start != r.End-r.Start || string(src[start:end]) != r.Text {
			continue // escaped inside the JSON string: no range to give
		}
		r.Start, r.End = start, end
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Ref) int { return a.Start - b.Start })
	return out
}

// shellEscapes keeps the "!command" lines of a cell, with the "!" blanked,
// and blanks every other line, keeping every offset.
func shellEscapes(text []byte) []byte {
	out := bytes.Repeat([]byte(" "), len(text))
	for i := 0; i < len(text); {
		end := lineEnd(text, i)
		j := i
		for j < end && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j < end && text[j] == '!' {
			copy(out[j+1:end], text[j+1:end])
		}
		if end < len(text) {
			out[end] = text[end]
		}
		i = end + 1
	}
	return out
}

func firstLineOf(text []byte) []byte { return text[:lineEnd(text, 0)] }

// fencedShell keeps the lines of a Markdown text's fenced shell blocks
// (```bash, ```sh, ```shell, ```console, or no language), a leading "$ "
// prompt blanked, and blanks everything else, keeping every offset: the
// commands a notebook tells its reader to run.
func fencedShell(text []byte) []byte {
	out := bytes.Repeat([]byte(" "), len(text))
	in := false
	for i := 0; i < len(text); {
		end := lineEnd(text, i)
		line := bytes.TrimLeft(text[i:end], " \t")
		lead := end - i - len(line)
		switch {
		case bytes.HasPrefix(line, []byte("```")):
			lang := string(bytes.TrimSpace(line[3:]))
			if in {
				in = false
			} else {
				in = lang == "" || lang == "bash" || lang == "sh" || lang == "shell" || lang == "console" || lang == "zsh"
			}
		case in:
			from := i + lead
			if bytes.HasPrefix(line, []byte("$ ")) {
				from += 2
			}
			copy(out[from:end], text[from:end])
		}
		if end < len(text) {
			out[end] = text[end]
		}
		i = end + 1
	}
	return out
}

// notebookReader walks the notebook's JSON with a token decoder, which
// knows where each token ends in the file.
type notebookReader struct {
	dec *json.Decoder
	src []byte
}

var errNotNotebook = errors.New(`its "cells" is not a list`)

// cells returns the code cells of the notebook.
func (r *notebookReader) cells() ([]notebookCell, error) {
	if err := r.delim('{'); err != nil {
		return nil, err
	}
	var cells []notebookCell
	seen := false
	for r.dec.More() {
		key, err := r.key()
		if err != nil {
			return nil, err
		}
		if key != "cells" {
			if err := r.skip(); err != nil {
				return nil, err
			}
			continue
		}
		seen = true
		if err := r.delim('['); err != nil {
			return nil, errNotNotebook
		}
		for r.dec.More() {
			cell, code, err := r.cell()
			if err != nil {
				return nil, err
			}
			if code || cell.markdown {
				cells = append(cells, cell)
			}
		}
		if err := r.delim(']'); err != nil {
			return nil, err
		}
	}
	if !seen {
		return nil, nil // nbformat 3 ("worksheets") and other JSON: nothing to read
	}
	return cells, nil
}

// cell reads one cell object; code reports a code cell.
func (r *notebookReader) cell() (cell notebookCell, code bool, err error) {
	if err := r.delim('{'); err != nil {
		return cell, false, fmt.Errorf("a cell is not an object")
	}
	for r.dec.More() {
		key, err := r.key()
		if err != nil {
			return cell, false, err
		}
		switch key {
		case "cell_type":
			tok, err := r.dec.Token()
			if err != nil {
				return cell, false, err
			}
			code = tok == "code"
			cell.markdown = tok == "markdown"
		case "source":
			if err := r.source(&cell); err != nil {
				return cell, false, err
			}
		default:
			if err := r.skip(); err != nil {
				return cell, false, err
			}
		}
	}
	return cell, code, r.delim('}')
}

// source reads a cell's source: one string or a list of strings (lines).
func (r *notebookReader) source(cell *notebookCell) error {
	tok, err := r.dec.Token()
	if err != nil {
		return err
	}
	if _, ok := tok.(string); ok {
		r.appendString(cell)
		return nil
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("a cell's source is neither text nor a list of lines")
	}
	for r.dec.More() {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		if _, ok := tok.(string); !ok {
			return fmt.Errorf("a cell's source holds something other than text")
		}
		r.appendString(cell)
	}
	return r.delim(']')
}

// appendString decodes the string token just read into cell, recording
// where each byte came from. The token ends at the decoder's offset; its
// opening quote is the first one before it that no backslash escapes (a
// quote inside a JSON string is always escaped).
func (r *notebookReader) appendString(cell *notebookCell) {
	end := int(r.dec.InputOffset()) - 1 // the closing quote
	open := end - 1
	for ; open >= 0; open-- {
		if r.src[open] != '"' {
			continue
		}
		slashes := 0
		for k := open - 1; k >= 0 && r.src[k] == '\\'; k-- {
			slashes++
		}
		if slashes%2 == 0 {
			break
		}
	}
	decodeJSONString(r.src, open+1, end, cell)
}

// decodeJSONString appends the decoded bytes of the JSON string contents
// src[from:to] (valid, as the decoder has checked) to cell.
func decodeJSONString(src []byte, from, to int, cell *notebookCell) {
	emit := func(b []byte, start, end int) {
		for _, c := range b {
			cell.text = append(cell.text, c)
			cell.start = append(cell.start, start)
			cell.end = append(cell.end, end)
		}
	}
	var buf [utf8.UTFMax]byte
	for i := from; i < to; {
		if src[i] != '\\' || i+1 >= to {
			cell.text = append(cell.text, src[i])
			cell.start = append(cell.start, i)
			cell.end = append(cell.end, i+1)
			i++
			continue
		}
		switch esc := src[i+1]; esc {
		case 'u':
			r, n := unicodeEscape(src, i, to)
			emit(buf[:utf8.EncodeRune(buf[:], r)], i, i+n)
			i += n
		default:
			emit([]byte{jsonEscape(esc)}, i, i+2)
			i += 2
		}
	}
}

// jsonEscape is the byte a one-letter JSON escape stands for.
func jsonEscape(esc byte) byte {
	switch esc {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return esc // \" \\ \/
}

// unicodeEscape reads \uXXXX at i, with its low surrogate when it is a high
// one, and returns the rune and the escape's length.
func unicodeEscape(src []byte, i, to int) (rune, int) {
	hex := func(at int) (rune, bool) {
		if at+6 > to || src[at] != '\\' || src[at+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(src[at+2:at+6]), 16, 16)
		return rune(v), err == nil
	}
	r, ok := hex(i)
	if !ok {
		return utf8.RuneError, 2
	}
	if utf16.IsSurrogate(r) {
		if lo, ok := hex(i + 6); ok {
			if pair := utf16.DecodeRune(r, lo); pair != utf8.RuneError {
				return pair, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}

func (r *notebookReader) delim(want json.Delim) error {
	tok, err := r.dec.Token()
	if err != nil {
		return err
	}
	if tok != want {
		return fmt.Errorf("expected %q, found %v", want.String(), tok)
	}
	return nil
}

func (r *notebookReader) key() (string, error) {
	tok, err := r.dec.Token()
	if err != nil {
		return "", err
	}
	key, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("expected a key, found %v", tok)
	}
	return key, nil
}

// skip reads one whole value.
func (r *notebookReader) skip() error {
	depth := 0
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
