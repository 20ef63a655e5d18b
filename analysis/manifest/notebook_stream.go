package manifest

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"
)

// CompactNotebook reads a Jupyter notebook from r, one byte after another,
// and returns a much smaller notebook that ParseNotebook reads exactly as
// it reads the original: the same code and Markdown cells, whose source
// strings are copied byte for byte and start at the same line and UTF-16
// column as in the original, so that every range found in it converts to
// the same editor position. Outputs, metadata and attachments (most of a
// notebook's bytes: images, tables, logs) are skipped as they stream by,
// never held. ok is false when the notebook cannot be laid out that way (a
// minified notebook with outputs between two sources on one line, a
// carriage return, invalid UTF-8 or JSON that the decoder would reject):
// the caller then reads the file whole, and ParseNotebook reports what is
// wrong with it. err is an error of r.
func CompactNotebook(r io.Reader) (compact []byte, ok bool, err error) {
	s := &nbStream{r: bufio.NewReaderSize(r, 32<<10)}
	cells, err := s.notebook()
	if err != nil {
		if errors.Is(err, errNotCompact) {
			return nil, false, nil
		}
		return nil, false, err
	}
	out, ok := layoutCells(cells)
	return out, ok, nil
}

// errNotCompact stops a notebook that CompactNotebook leaves to the whole read.
var errNotCompact = errors.New("notebook cannot be compacted")

// nbString is one source string of a cell: its JSON contents as written
// (escapes and all), and where its opening quote stands.
type nbString struct {
	line, col int
	raw       []byte
}

type nbCell struct {
	kind    string // code, markdown, raw ...
	sources []nbString
}

// nbStream reads JSON bytes, keeping the line and UTF-16 column of the
// next byte. A line that has held a byte outside ASCII stops counting
// columns exactly (lineASCII), and a source string may not start on it.
type nbStream struct {
	r         *bufio.Reader
	line, col int
	lineASCII bool
	peeked    bool
	next      byte
}

func (s *nbStream) peek() (byte, error) {
	if !s.peeked {
		b, err := s.r.ReadByte()
		if err == io.EOF {
			return 0, errNotCompact // truncated: the whole read says where
		}
		if err != nil {
			return 0, err
		}
		s.next, s.peeked = b, true
	}
	return s.next, nil
}

func (s *nbStream) byte() (byte, error) {
	b, err := s.peek()
	if err != nil {
		return 0, err
	}
	s.peeked = false
	switch {
	case b == '\n':
		s.line, s.col, s.lineASCII = s.line+1, 0, true
	case b == '\r':
		return 0, errNotCompact // lone CR or CRLF: lines the editor may count otherwise
	case b < 0x80:
		s.col++
	default:
		s.lineASCII = false
	}
	return b, nil
}

// ws skips white space and returns the next byte, not consumed.
func (s *nbStream) ws() (byte, error) {
	for {
		b, err := s.peek()
		if err != nil {
			return 0, err
		}
		if b != ' ' && b != '\t' && b != '\n' && b != '\r' {
			return b, nil
		}
		if _, err := s.byte(); err != nil {
			return 0, err
		}
	}
}

func (s *nbStream) expect(want byte) error {
	b, err := s.ws()
	if err != nil {
		return err
	}
	if b != want {
		return errNotCompact
	}
	_, err = s.byte()
	return err
}

// str reads a string whose opening quote is next, keeping its contents
// when keep is set.
func (s *nbStream) str(keep bool) (nbString, error) {
	if err := s.expect('"'); err != nil {
		return nbString{}, err
	}
	at := nbString{line: s.line, col: s.col - 1}
	if !s.lineASCII {
		at.line = -1 // no exact column
	}
	escaped, hex := false, 0
	for {
		b, err := s.byte()
		if err != nil {
			return nbString{}, err
		}
		switch {
		case b < 0x20:
			return nbString{}, errNotCompact // a raw control character: not JSON
		case hex > 0:
			if !(b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F') {
				return nbString{}, errNotCompact
			}
			hex--
		case escaped:
			escaped = false
			switch b {
			case 'u':
				hex = 4
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			default:
				return nbString{}, errNotCompact // an escape the decoder would reject
			}
		case b == '\\':
			escaped = true
		case b == '"':
			if keep && !utf8.Valid(at.raw) {
				return nbString{}, errNotCompact
			}
			return at, nil
		}
		if keep {
			at.raw = append(at.raw, b)
		}
	}
}

// skip reads one value of any kind without keeping it.
func (s *nbStream) skip() error {
	depth := 0
	for {
		b, err := s.ws()
		if err != nil {
			return err
		}
		switch {
		case b == '"':
			if _, err := s.str(false); err != nil {
				return err
			}
		case b == '{' || b == '[':
			depth++
			s.byte()
		case b == '}' || b == ']':
			depth--
			s.byte()
		case b == ',' || b == ':':
			if depth == 0 {
				return errNotCompact
			}
			s.byte()
		case b == '-' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z':
			var tok []byte
			for b == '-' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b == '+' || b == '.' || b == 'E' {
				if tok = append(tok, b); len(tok) > 64 {
					return errNotCompact
				}
				s.byte()
				if b, err = s.peek(); err != nil {
					return err
				}
			}
			if !json.Valid(tok) {
				return errNotCompact // what the decoder would reject
			}
		default:
			return errNotCompact
		}
		if depth <= 0 {
			if depth < 0 {
				return errNotCompact
			}
			return nil
		}
	}
}

// members reads an object whose '{' is next, calling member for each key
// with the value still to read.
func (s *nbStream) members(member func(key string) error) error {
	return s.items('{', '}', func() error {
		k, err := s.str(true)
		if err != nil {
			return err
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		return member(string(k.raw))
	})
}

// elements reads an array whose '[' is next, calling elem for each element.
func (s *nbStream) elements(elem func() error) error {
	return s.items('[', ']', elem)
}

// items reads a comma-separated sequence between left, which is next, and
// right, calling item to read each one.
func (s *nbStream) items(left, right byte, item func() error) error {
	if err := s.expect(left); err != nil {
		return err
	}
	if b, err := s.ws(); err != nil {
		return err
	} else if b == right {
		_, err = s.byte()
		return err
	}
	for {
		if err := item(); err != nil {
			return err
		}
		b, err := s.ws()
		if err != nil {
			return err
		}
		s.byte()
		switch b {
		case ',':
		case right:
			return nil
		default:
			return errNotCompact
		}
	}
}

// notebook reads the whole notebook and returns its cells.
func (s *nbStream) notebook() ([]nbCell, error) {
	s.lineASCII = true
	var cells []nbCell
	seen := false
	err := s.members(func(key string) error {
		if key != "cells" {
			return s.skip()
		}
		if seen {
			return errNotCompact
		}
		seen = true
		return s.elements(func() error {
			var c nbCell
			err := s.members(func(key string) error {
				switch key {
				case "cell_type":
					t, err := s.str(true)
					c.kind = string(t.raw)
					return err
				case "source":
					b, err := s.ws()
					if err != nil {
						return err
					}
					if b == '"' {
						t, err := s.str(true)
						c.sources = append(c.sources, t)
						return err
					}
					return s.elements(func() error {
						t, err := s.str(true)
						c.sources = append(c.sources, t)
						return err
					})
				}
				return s.skip()
			})
			if c.kind == "code" || c.kind == "markdown" {
				cells = append(cells, c)
			}
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	if !seen {
		return nil, errNotCompact // nbformat 3 and other JSON: read whole, as before
	}
	for { // only white space may follow
		b, err := s.r.ReadByte()
		if err == io.EOF {
			return cells, nil
		}
		if err != nil {
			return nil, err
		}
		if b != ' ' && b != '\t' && b != '\n' {
			return nil, errNotCompact
		}
	}
}

// layoutCells writes cells as a notebook whose every source string starts
// where it started in the original, and reports false when one cannot (a
// string on a line whose columns are not exact, or too close to the
// previous one to fit the JSON between them).
func layoutCells(cells []nbCell) ([]byte, bool) {
	var out []byte
	line, col := 0, 0
	emit := func(s string) {
		out = append(out, s...)
		col += len(s)
	}
	moveTo := func(l, c int) bool {
		if l < 0 || l < line || l == line && c < col {
			return false
		}
		for ; line < l; line++ {
			out = append(out, '\n')
			col = 0
		}
		for ; col < c; col++ {
			out = append(out, ' ')
		}
		return true
	}
	emit(`{"cells":[`)
	for i, c := range cells {
		if i > 0 {
			emit(",")
		}
		emit(`{"cell_type":"` + c.kind + `","source":[`)
		for j, src := range c.sources {
			if j > 0 {
				emit(",")
			}
			if !moveTo(src.line, src.col) {
				return nil, false
			}
			out = append(out, '"')
			out = append(out, src.raw...)
			out = append(out, '"')
			col += 2 + utf16Len(src.raw)
		}
		emit("]}")
	}
	emit("]}\n")
	return out, true
}

// utf16Len is the length of valid UTF-8 text in UTF-16 code units.
func utf16Len(b []byte) int {
	n := 0
	for _, c := range b {
		switch {
		case c < 0x80 || c >= 0xC0 && c < 0xF0:
			n++
		case c >= 0xF0:
			n += 2
		}
	}
	return n
}
