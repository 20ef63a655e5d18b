package analysis

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/modelcard"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// Suppression comments (docs/rules.md, introduction). A comment naming
// "fineprint-ignore" on the line before a finding's first line silences it:
//
//	<!-- fineprint-ignore clause/attribution, notice/missing-notice -->   Markdown, license texts
//	# fineprint-ignore manifest/model-license                             YAML, Modelfile, Python, shell, card front matter
//	# fineprint-ignore manifest/model-license                             a notebook's code cell (its own line of the cell)
//
// Codes are separated by commas or spaces. A comment with no code silences
// every code on the next line, like eslint-disable-next-line. JSON and GGUF
// files have no comments; use the profile's rules: or ignore: for them.

var (
	htmlIgnore = regexp.MustCompile(`<!--\s*fineprint-ignore\b(.*?)-->`)
	hashIgnore = regexp.MustCompile(`(?:^|\s)#\s*fineprint-ignore\b(.*)$`)
	// slashIgnore is the JavaScript/TypeScript form: // fineprint-ignore CODE.
	slashIgnore = regexp.MustCompile(`(?:^|\s)//\s*fineprint-ignore\b(.*)$`)
	// notebookIgnore is a "#" comment as a line of a notebook cell's
	// source, written as a JSON string on the file's line: "# ...\n",
	notebookIgnore = regexp.MustCompile(`"\s*#\s*fineprint-ignore\b([^"\\]*)`)
	// ignoreMarker is in every suppression comment: a file without it
	// needs no line index to tell that nothing in it is silenced.
	ignoreMarker = []byte("fineprint-ignore")
)

// suppress drops findings silenced by a "fineprint-ignore CODE" comment on
// the line before. files, when not nil, holds this analysis's per-file
// results, which know whether a file has such a comment at all.
func (a *Analyzer) suppress(s *Snapshot, files map[string]*fileResult, fs []Finding) []Finding {
	// Per file: its line index when it holds a suppression comment, nil
	// when it holds none (most files, and the common case is many findings
	// on the same file).
	indexes := map[string]*textpos.Index{}
	out := fs[:0]
	for _, f := range fs {
		x, seen := indexes[f.Path]
		if !seen {
			d := docByPath(s, f.Path)
			if fr := files[f.Path]; d != nil && (fr != nil && fr.commented || fr == nil && commentable(d.Kind) && bytes.Contains(d.Text, ignoreMarker)) {
				x = textpos.NewIndex(d.Text)
			}
			indexes[f.Path] = x
		}
		if x == nil || !silenced(docByPath(s, f.Path), x, f) {
			out = append(out, f)
		}
	}
	return out
}

func commentable(k Kind) bool {
	switch k {
	case KindAdapterConfig, KindGGUF, KindLock, KindOther:
		return false
	}
	return true
}

// silenced reports whether the line before f's first line holds a
// suppression comment that names f's code (or no code).
func silenced(d *Document, x *textpos.Index, f Finding) bool {
	line := x.Position(f.Span.Start).Line
	if line == 0 {
		return false
	}
	start := x.LineStart(line - 1)
	end := x.LineStart(line)
	prev := strings.TrimRight(string(d.Text[start:end]), "\r\n")
	codes, ok := ignoreComment(d, prev, line-1, x)
	if !ok {
		return false
	}
	if len(codes) == 0 {
		return true
	}
	for _, c := range codes {
		if c == f.Code {
			return true
		}
	}
	return false
}

// ignoreComment finds a suppression comment in one line and returns its
// codes. Which comment forms count depends on the file: Markdown takes
// HTML comments (and "#" comments inside a card's front matter, where "#"
// is YAML), YAML-like files take "#", plain license texts take both.
func ignoreComment(d *Document, line string, lineNo int, x *textpos.Index) ([]string, bool) {
	html, hash := false, false
	switch d.Kind {
	case KindNotebook:
		if m := notebookIgnore.FindStringSubmatch(line); m != nil {
			return splitCodes(m[1]), true
		}
		return nil, false
	case KindScript:
		if m := slashIgnore.FindStringSubmatch(line); m != nil {
			return splitCodes(m[1]), true
		}
		return nil, false
	case KindCard, KindMarkdown:
		html = true
		hash = inFrontMatter(d.Text, x, lineNo)
	case KindLicense, KindPolicyCopy:
		html = true
		hash = !isMarkdownPath(d.Path)
	default: // profile, Modelfile, Python, shell
		hash = true
	}
	if html {
		if m := htmlIgnore.FindStringSubmatch(line); m != nil {
			return splitCodes(m[1]), true
		}
	}
	if hash {
		if m := hashIgnore.FindStringSubmatch(line); m != nil {
			return splitCodes(m[1]), true
		}
	}
	return nil, false
}

func splitCodes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

func isMarkdownPath(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")
}

// inFrontMatter reports whether line lineNo lies inside the YAML of a
// front-matter block, between its "---" lines.
func inFrontMatter(text []byte, x *textpos.Index, lineNo int) bool {
	_, block, ok := modelcard.Find(text)
	start := x.LineStart(lineNo)
	return ok && start >= block.Start && start < block.End
}
