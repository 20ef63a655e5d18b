package manifest

import (
	"strings"
)

// Modelfile is what an Ollama Modelfile says about models and licenses.
type Modelfile struct {
	Refs []Ref // FROM and ADAPTER arguments, in order
	// Licenses are the LICENSE arguments: the text inside the quotes, with
	// its range. A Modelfile may carry several.
	Licenses []Arg
	// End is the offset of the end of the last instruction, where a new
	// instruction can be appended.
	End int
}

// Arg is an instruction's argument text and its byte range.
type Arg struct {
	Text       string
	Start, End int
}

// ParseModelfile reads a Modelfile the way Ollama's parser does:
// instructions are case-insensitive words at the start of a line, '#'
// starts a comment line, and arguments run to the end of the line unless a
// "..." or """...""" string carries them over several lines.
//
// A FROM naming a blob path (as `ollama show --modelfile` prints) is
// reported under the name the preceding "# FROM name" comment gives, when
// there is one.
func ParseModelfile(data []byte) *Modelfile {
	text := string(data)
	mf := &Modelfile{}
	hint := "" // the name from a "# FROM name" comment
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f':
			i++
			continue
		case c == '#':
			end := lineEnd(text, i)
			comment := strings.TrimSpace(text[i+1 : end])
			if word, rest, ok := strings.Cut(comment, " "); ok && strings.EqualFold(word, "from") {
				hint = strings.TrimSpace(rest)
			}
			i = end
			continue
		}
		wordStart := i
		for i < len(text) && isLetter(text[i]) {
			i++
		}
		word := strings.ToLower(text[wordStart:i])
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		arg, next := readArg(text, i)
		i = max(next, wordStart+1)
		mf.End = max(arg.End, next) // after a closing quote: a directive appended there is not inside the string
		switch word {
		case "from", "adapter":
			if arg.Text == "" {
				continue
			}
			kind, id := ClassifyName(arg.Text)
			if kind == LocalPath && word == "from" && strings.Contains(arg.Text, "/blobs/sha256-") && hint != "" {
				if k, hid := ClassifyName(hint); k != LocalPath {
					kind, id = k, hid
				}
			}
			mf.Refs = append(mf.Refs, Ref{Kind: kind, ID: id, Text: arg.Text, Start: arg.Start, End: arg.End, Via: strings.ToUpper(word)})
		case "license":
			mf.Licenses = append(mf.Licenses, arg)
		}
		hint = ""
	}
	return mf
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func lineEnd[T string | []byte](text T, i int) int {
	for i < len(text) && text[i] != '\n' && text[i] != '\r' {
		i++
	}
	return i
}

// readArg reads an argument starting at i. A leading """ or " quote makes it
// a quoted string that may span lines (the range is inside the quotes);
// otherwise it runs to the end of the line, quoted parts included. It
// returns the argument and the offset after it.
func readArg(s string, i int) (Arg, int) {
	if strings.HasPrefix(s[i:], `"""`) {
		start := i + 3
		end := strings.Index(s[start:], `"""`)
		if end < 0 {
			return Arg{Text: s[start:], Start: start, End: len(s)}, len(s)
		}
		return Arg{Text: s[start : start+end], Start: start, End: start + end}, start + end + 3
	}
	if i < len(s) && s[i] == '"' {
		start := i + 1
		end := closingDoubleQuote(s, start)
		next := min(end+1, len(s))
		return Arg{Text: strings.ReplaceAll(s[start:end], `\"`, `"`), Start: start, End: end}, next
	}
	// Unquoted: to the end of the line, skipping over quoted parts.
	j := i
	for j < len(s) && s[j] != '\n' && s[j] != '\r' {
		if s[j] == '"' {
			if strings.HasPrefix(s[j:], `"""`) {
				k := strings.Index(s[j+3:], `"""`)
				if k < 0 {
					j = len(s)
					break
				}
				j += 3 + k + 3
				continue
			}
			j = min(closingDoubleQuote(s, j+1)+1, len(s))
			continue
		}
		j++
	}
	end := j
	for end > i && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	return Arg{Text: s[i:end], Start: i, End: end}, j
}

// closingDoubleQuote is the offset of the '"' closing a string opened just
// before start, or len(s).
func closingDoubleQuote(s string, start int) int {
	for j := start; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return len(s)
}
