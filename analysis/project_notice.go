package analysis

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/modelcard"
	"github.com/fineprint-dev/fineprint/internal/wording"
)

// IsWeightsFile reports whether a path names model weights that fineprint
// does not read but that show a folder ships a model.
func IsWeightsFile(p string) bool {
	lower := strings.ToLower(path.Base(p))
	for _, ext := range []string{".safetensors", ".gguf", ".bin", ".pt", ".pth", ".ckpt", ".onnx"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// normaliseNotice makes notice lines comparable: case, spacing, "(c)" or
// "©", and a trailing period do not matter.
//
// It is one pass over s (a README can be a megabyte, normalised on each
// keystroke in it) doing what strings.ToLower, a Replacer of those three
// characters, strings.Fields joined by spaces and TrimSuffix(".") would:
// invalid UTF-8 becomes U+FFFD as strings.ToLower makes it.
func normaliseNotice(s string) string {
	b := wording.FoldWords(make([]byte, 0, len(s)), s, func(b []byte, r rune) []byte {
		switch r {
		case '©':
			return append(b, "(c)"...)
		case '’':
			return append(b, '\'')
		}
		return utf8.AppendRune(b, r)
	})
	return strings.TrimSuffix(string(b), ".")
}

// appendEdit adds line at the end of doc, or creates file with it.
func appendEdit(doc *Document, file, line string) Edit {
	if doc == nil {
		return Edit{Path: file, Create: true, NewText: line + "\n"}
	}
	text := string(doc.Text)
	prefix := ""
	if text != "" && !strings.HasSuffix(text, "\n") {
		prefix = "\n"
	}
	return Edit{Path: doc.Path, Span: Span{len(text), len(text)}, NewText: prefix + line + "\n"}
}

// noticeFindings checks, per project, the NOTICE for the notice lines of
// the licenses in use and the README for the attributions they require,
// once per license family (a project on Llama 3 and 3.1 hears about "Built
// with Llama" once), and carries Apache-2.0 NOTICE files of sub-folders
// into the NOTICE of the project around them.
func (pc *project) noticeFindings() []Finding {
	type key struct{ project, family string }
	groups := map[key][]use{}
	var order []key
	for _, u := range pc.uses {
		fam := u.license.Family
		if fam == "" {
			fam = u.license.ID
		}
		k := key{u.project, fam}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], u)
	}
	var out []Finding
	for _, k := range order {
		us := groups[k]
		notice := pc.nearestFile(k.project, "notice")
		readme := pc.nearestFile(k.project, "readme")
		if f, ok := pc.familyNotice(us, notice, k.project); ok {
			out = append(out, f)
		}
		if f, ok := pc.familyAttribution(us, readme, k.project); ok {
			out = append(out, f)
		}
	}
	out = append(out, pc.customNoticeFindings()...)
	return append(out, pc.apacheNotices()...)
}

// familyNotice is the one notice/missing-notice finding of a license
// family in a project: at the first license whose line the NOTICE lacks,
// with a fix that adds every missing line of the family, so that applying
// it leaves none.
func (pc *project) familyNotice(us []use, notice *Document, proj string) (Finding, bool) {
	var first *use
	var lines []string
	for i, u := range us {
		line := u.license.Notice
		if line == "" || pc.contains(notice, line) || slices.Contains(lines, line) {
			continue
		}
		if first == nil {
			first = &us[i]
		}
		lines = append(lines, line)
	}
	if first == nil {
		return Finding{}, false
	}
	return pc.missingNotice(*first, notice, proj, lines), true
}

// familyAttribution is the one notice/missing-attribution finding of a
// license family in a project; any of the family's lines in the README
// (the "Built with Meta Llama 3" of Llama 3 or the "Built with Llama" of
// later versions) satisfies it.
func (pc *project) familyAttribution(us []use, readme *Document, proj string) (Finding, bool) {
	var first *use
	for i, u := range us {
		line := u.license.Attribution
		if line == "" {
			continue
		}
		if pc.chainContains(proj, "readme", line) {
			return Finding{}, false
		}
		if first == nil || us[i].license.Version > first.license.Version {
			first = &us[i] // the newest version's words
		}
	}
	if first == nil {
		return Finding{}, false
	}
	f := pc.missingAttribution(*first, readme, proj, first.license.Attribution)
	for _, u := range us {
		if u.license != first.license && u.license.Attribution != "" && len(f.Related) < maxRelated {
			f.Related = append(f.Related, Related{Path: u.path, Span: u.span, Message: "the " + u.license.Name + " asks for an attribution too"})
		}
	}
	return f, true
}

// chainContains reports whether the file named prefix of project proj, or
// of a project around it, holds line: a monorepo's README that says "Built
// with Llama" speaks for the model folders inside it.
func (pc *project) chainContains(proj, prefix, line string) bool {
	for {
		if pc.contains(pc.projectFile(proj, prefix), line) {
			return true
		}
		if proj == "" {
			return false
		}
		proj = pc.projectOf(proj)
	}
}

// contains reports whether d holds line, normalised. A README can be a
// megabyte, and a monorepo has a README per project: the answer is kept
// with the file's cached result, so that a keystroke elsewhere does not
// normalise every README of the workspace again; within one analysis a
// text is normalised at most once.
func (pc *project) contains(d *Document, line string) bool {
	if d == nil {
		return false
	}
	needle := normaliseNotice(line)
	pc.reads(d)
	fr := pc.files[d.Path]
	if fr != nil {
		if v, ok := fr.holds.Load(needle); ok {
			return v.(bool)
		}
	}
	found := pc.normalisedContains(d, needle)
	if fr != nil {
		fr.holds.Store(needle, found)
	}
	return found
}

func (pc *project) normalisedContains(d *Document, needle string) bool {
	text, ok := pc.normalised[d]
	if !ok && absent(d.Text, needle) {
		return false
	}
	if !ok {
		if pc.normalised == nil {
			pc.normalised = map[*Document]string{}
		}
		text = normaliseNotice(string(d.Text))
		pc.normalised[d] = text
	}
	return strings.Contains(text, needle)
}

// absent reports, without normalising text, that normaliseNotice(text)
// cannot contain needle: the longest run of ASCII letters and digits in
// needle (two or more, so that no "(c)" from a © is part of it) does not
// occur in text, ignoring ASCII case. Outside ASCII only U+0130 and the
// Kelvin sign lower-case to ASCII letters; a text holding either is not
// judged here.
func absent(text []byte, needle string) bool {
	word := longestASCIIWord(needle)
	return len(word) >= 2 && !bytes.Contains(text, []byte("\u0130")) && !bytes.Contains(text, []byte("\u212a")) &&
		indexFoldASCII(text, word) < 0
}

func longestASCIIWord(s string) string {
	best, start := "", -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && ('a' <= s[i] && s[i] <= 'z' || '0' <= s[i] && s[i] <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start > len(best) {
			best = s[start:i]
		}
		start = -1
	}
	return best
}

// missingNotice reports that the NOTICE of project proj (nil when there is
// none) lacks lines, the first of which the license of u requires.
func (pc *project) missingNotice(u use, notice *Document, proj string, lines []string) Finding {
	line := lines[0]
	file := inProject(proj, "NOTICE")
	where := "the project has no NOTICE file"
	if proj != "" {
		where = "the project in " + proj + " has no NOTICE file"
	}
	title := "Create " + file + " with the notice line of the " + u.license.Name
	if notice != nil {
		where = notice.Path + " lacks it"
		title = "Add the notice line of the " + u.license.Name + " to " + notice.Path
	}
	if len(lines) > 1 {
		title = strings.Replace(title, "the notice line of the "+u.license.Name, "the notice lines of the licenses in use", 1)
	}
	msg := fmt.Sprintf("The %s requires copies to ship a notice file saying %q, and %s.", u.license.Name, line, where)
	f := pc.a.finding("notice/missing-notice", u.path, u.span, msg, u.license.ID, map[string]any{"text": line})
	if notice != nil {
		f.Related = []Related{{Path: notice.Path, Span: firstLine(notice.Text), Message: "the project's NOTICE"}}
	}
	f.Fixes = []Fix{{Title: title, Edits: []Edit{appendEdit(notice, file, strings.Join(lines, "\n"))}}}
	return f
}

func (pc *project) missingAttribution(u use, readme *Document, proj, line string) Finding {
	where := "the project has no README"
	if proj != "" {
		where = "the project in " + proj + " has no README"
	}
	file := inProject(proj, "README.md")
	if readme != nil {
		where = readme.Path + " does not show it"
		file = readme.Path
	}
	msg := fmt.Sprintf("The %s requires %q to be displayed prominently, and %s.", u.license.Name, line, where)
	f := pc.a.finding("notice/missing-attribution", u.path, u.span, msg, u.license.ID, map[string]any{"text": line})
	if readme != nil {
		f.Related = []Related{{Path: readme.Path, Span: firstLine(readme.Text), Message: "the project's README"}}
	}
	f.Fixes = []Fix{{Title: fmt.Sprintf("Add %q to %s", line, file), Edits: []Edit{attributionEdit(readme, file, line)}}}
	return f
}

// apacheNotices: a folder under Apache-2.0 that ships its own NOTICE passes
// its attribution notices on (Apache-2.0 section 4(d)); the project's NOTICE
// must carry them.
func (pc *project) apacheNotices() []Finding {
	var out []Finding
	for _, d := range pc.docs {
		dir := dirOf(d.Path)
		if dir == "" || !strings.HasPrefix(strings.ToLower(path.Base(d.Path)), "notice") {
			continue
		}
		outer := pc.projectOf(dir) // the project around the folder's own
		root := pc.nearestFile(outer, "notice")
		apache := false
		for _, l := range pc.licenseFiles(dir) {
			apache = apache || l.ID == "apache-2.0"
		}
		span := firstLine(d.Text)
		line := string(d.Text[span.Start:span.End])
		if !apache || strings.TrimSpace(line) == "" || pc.contains(root, line) {
			continue
		}
		msg := fmt.Sprintf("%s is the NOTICE of Apache-2.0 work, whose attribution notices must be carried along, and the project's NOTICE lacks them.", d.Path)
		f := pc.a.finding("notice/missing-notice", d.Path, span, msg, "apache-2.0", map[string]any{"text": line})
		f.Fixes = []Fix{{Title: "Carry " + d.Path + " into the project's NOTICE",
			Edits: []Edit{appendEdit(root, inProject(outer, "NOTICE"), strings.TrimRight(string(d.Text), "\r\n"))}}}
		if root != nil {
			f.Related = []Related{{Path: root.Path, Span: firstLine(root.Text), Message: "the project's NOTICE"}}
		}
		out = append(out, f)
	}
	return out
}

// copyrightLicenses are the licenses whose text carries the copyright line
// the license itself requires to be kept.
var copyrightLicenses = map[string]bool{"mit": true, "bsd": true, "bsd-2-clause": true, "bsd-3-clause": true, "bsd-3-clause-clear": true, "isc": true, "apache-2.0": true}

var (
	copyrightLine = regexp.MustCompile(`(?im)^[ \t>*#_-]*(?:copyright\b|\(c\)|©).*$`)
	placeholder   = regexp.MustCompile(`(?i)\[yyyy\]|\[year\]|<year>|\{year\}|\[name of copyright owner\]|<copyright holders?>|<name of author>|\[fullname\]|\{fullname\}|\[full name\]|<owner>|\[owner\]|\[name\]`)
)

// apacheAppendix is where Apache-2.0's "APPENDIX: How to apply" begins
// (case-insensitive, any white space before "how"), -1 when absent. It
// replaces a (?i) regexp, which found no literal prefix to skip ahead with
// and was a sixth of the throughput profile.
func apacheAppendix(text []byte) int {
	for from := 0; ; {
		i := indexFoldASCII(text[from:], "appendix:")
		if i < 0 {
			return -1
		}
		start := from + i
		rest := start + len("appendix:")
		for rest < len(text) && strings.IndexByte(" \t\n\r\f", text[rest]) >= 0 {
			rest++
		}
		if hasPrefixFoldASCII(text[rest:], "how to apply") {
			return start
		}
		from = start + 1
	}
}

// indexFoldASCII is bytes.Index for a lower-case ASCII needle, ignoring
// the case of ASCII letters.
func indexFoldASCII(text []byte, needle string) int {
	lower, upper := needle[0], needle[0]
	if 'a' <= lower && lower <= 'z' {
		upper = lower - 'a' + 'A'
	}
	// The next place of each form of the first byte, found by IndexByte
	// (many bytes at a time); -1 when there is no more.
	nextOf := func(c byte, from int) int {
		if j := bytes.IndexByte(text[from:], c); j >= 0 {
			return from + j
		}
		return -1
	}
	nl, nu := nextOf(lower, 0), nextOf(upper, 0)
	for nl >= 0 || nu >= 0 {
		i := nl
		if i < 0 || nu >= 0 && nu < i {
			i = nu
		}
		if hasPrefixFoldASCII(text[i:], needle) {
			return i
		}
		if i == nl {
			nl = nextOf(lower, i+1)
		}
		if i == nu {
			nu = nextOf(upper, i+1)
		}
	}
	return -1
}

func hasPrefixFoldASCII(text []byte, lower string) bool {
	if len(text) < len(lower) {
		return false
	}
	for k := 0; k < len(lower); k++ {
		c := text[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[k] {
			return false
		}
	}
	return true
}

// copyrightFindings checks MIT, BSD, ISC and Apache-2.0 license files for a
// real copyright line. Apache-2.0's own text has none and its appendix shows
// the placeholder on purpose; only a placeholder outside that appendix
// counts there.
func (pc *project) copyrightFindings() []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, l := range pc.res.Licenses {
		d := pc.doc(l.Path)
		if !copyrightLicenses[l.ID] || l.Named || d == nil || seen[l.Path] {
			continue
		}
		seen[l.Path] = true
		out = append(out, pc.copyrightOf(d, l)...)
	}
	return out
}

// copyrightOf checks one license file. The answer depends on the file's
// text and license alone, so it is kept with the file's cached result:
// the regexps ran over every such file on every analysis.
func (pc *project) copyrightOf(d *Document, l LicenseInfo) []Finding {
	fr := pc.files[d.Path]
	if fr == nil {
		return pc.checkCopyright(d, l)
	}
	fr.copyrightOnce.Do(func() { fr.copyright = pc.checkCopyright(d, l) })
	return fr.copyright
}

func (pc *project) checkCopyright(d *Document, l LicenseInfo) []Finding {
	pc.reads(d)
	var out []Finding
	text := d.Text
	limit := len(text)
	if l.ID == "apache-2.0" {
		if i := apacheAppendix(text); i >= 0 {
			limit = i
		}
	}
	lines := copyrightLine.FindAllIndex(text[:limit], -1)
	found := false
	for _, m := range lines {
		line := text[m[0]:m[1]]
		if strings.Contains(strings.ToLower(string(line)), "copyright notice") {
			continue // the license's body, not a copyright line
		}
		found = true
		if p := placeholder.FindIndex(line); p != nil {
			name := pc.a.kb.License(l.ID).Name
			out = append(out, pc.a.finding("notice/missing-copyright", l.Path, trimSpan(text, Span{m[0], m[1]}),
				fmt.Sprintf("This %s copyright line is still the template placeholder, so the copyright the license asks to keep names nobody.", name), l.ID, nil))
		}
	}
	if !found && l.ID != "apache-2.0" {
		name := pc.a.kb.License(l.ID).Name
		span := l.Title
		if span.End <= span.Start {
			span = firstLine(text)
		}
		out = append(out, pc.a.finding("notice/missing-copyright", l.Path, span,
			fmt.Sprintf("This %s text has no copyright line, so it does not say whose permission it grants.", name), l.ID, nil))
	}
	return out
}

func trimSpan(text []byte, s Span) Span {
	for s.Start < s.End && (text[s.Start] == ' ' || text[s.Start] == '\t') {
		s.Start++
	}
	for s.End > s.Start && (text[s.End-1] == ' ' || text[s.End-1] == '\t' || text[s.End-1] == '\r') {
		s.End--
	}
	return s
}

// licenseCopyFindings: a folder that ships a model (weights, a GGUF file or
// a card) must ship a copy of the model's license; a license file in the
// folder or one of its parents counts.
func (pc *project) licenseCopyFindings() []Finding {
	shipping := map[string]bool{}
	for _, w := range pc.s.Weights {
		shipping[dirOf(w)] = true
	}
	for _, d := range pc.docs {
		if d.Kind == KindGGUF || d.Kind == KindCard {
			shipping[dirOf(d.Path)] = true
		}
	}
	var out []Finding
	for _, d := range pc.docs {
		dir := dirOf(d.Path)
		if !shipping[dir] {
			continue
		}
		for _, ml := range pc.folderModelLicenses(d) {
			l := ml.license
			// A standard permissive license named by its id (a card's
			// license: apache-2.0) needs no copy beside the weights for
			// anyone to know its terms; the Hub shows it.
			if l.Kind == "unknown" || l.Kind == "permissive" || pc.hasLicenseCopy(dir, l) {
				continue
			}
			shipping[dir] = false // one finding per folder
			out = append(out, pc.missingCopy(d, dir, ml))
			break
		}
	}
	return out
}

func (pc *project) missingCopy(d *Document, dir string, ml use) Finding {
	where := "this folder"
	if dir == "" {
		where = "the workspace root"
	}
	msg := fmt.Sprintf("The model in %s is under the %s, but no copy of that license ships with it, which the license requires of anyone passing the model on.", where, ml.license.Name)
	f := pc.a.finding("notice/missing-license-copy", d.Path, ml.span, msg, ml.license.ID, nil)
	if src := pc.licenseText(ml.license); src != nil {
		target := path.Join(dir, path.Base(src.Path))
		f.Fixes = []Fix{{Title: "Copy " + src.Path + " to " + target, Edits: []Edit{{Path: target, Create: true, NewText: pc.fixText(src)}}}}
		f.Related = []Related{{Path: src.Path, Span: firstLine(src.Text), Message: "a copy of the license elsewhere in the workspace"}}
	}
	return f
}

// folderModelLicenses are the licenses of the model a card (its declared
// licenses, then its base models'), GGUF file or adapter config describes,
// each with the place to report on.
func (pc *project) folderModelLicenses(d *Document) []use {
	fr := pc.files[d.Path]
	if fr == nil {
		return nil
	}
	var out []use
	switch {
	case fr.facts.card != nil:
		for _, decl := range pc.a.cardLicenses(fr.facts.card) {
			if decl.license != nil {
				out = append(out, use{license: decl.license, path: d.Path, span: Span{decl.value.Start, decl.value.End}})
			}
		}
		for _, b := range pc.cardBases(d, fr.facts.card) {
			if b.res.license != nil {
				out = append(out, use{license: b.res.license, path: d.Path, span: pc.baseSpan(fr.facts.card, b)})
			}
		}
	case fr.facts.gguf != nil:
		if r, ok := pc.fromGGUF(fr.facts.gguf); ok && r.license != nil {
			out = append(out, use{license: r.license, path: d.Path, span: ggufSpan})
		}
	case d.Kind == KindAdapterConfig && len(fr.facts.refs) == 1:
		if r, ok := pc.resolve(d.Path, fr.facts.refs[0]); ok && r.license != nil {
			out = append(out, use{license: r.license, path: d.Path, span: Span{fr.facts.refs[0].Start, fr.facts.refs[0].End}})
		}
	}
	// The restrictive license is the one whose copy matters most.
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].license.Kind != "permissive" && out[j].license.Kind == "permissive"
	})
	return out
}

// reads notes that a rule read d's text (not only copied it into a fix).
func (pc *project) reads(d *Document) {
	if pc.read != nil {
		pc.read[d.Path] = true
	}
}

// fixText is src's text as a string, one per analysis however many
// folders lack the copy: each string would otherwise be a full license.
func (pc *project) fixText(src *Document) string {
	if pc.copied != nil {
		pc.copied[src.Path] = true
	}
	if t, ok := pc.fixTexts[src]; ok {
		return t
	}
	if pc.fixTexts == nil {
		pc.fixTexts = map[*Document]string{}
	}
	t := string(src.Text)
	pc.fixTexts[src] = t
	return t
}

// hasLicenseCopy reports whether dir or a parent holds a copy of l (or an
// unidentified license text, which gets the benefit of the doubt).
func (pc *project) hasLicenseCopy(dir string, l *kb.License) bool {
	if pc.copies == nil {
		pc.copies = map[string][]LicenseInfo{}
		for _, info := range pc.res.Licenses {
			if base := strings.ToLower(path.Base(info.Path)); strings.HasPrefix(base, "notice") {
				continue // a notice names the license; it is not a copy
			}
			pc.copies[dirOf(info.Path)] = append(pc.copies[dirOf(info.Path)], info)
		}
	}
	for d := dir; ; d = dirOf(d) {
		for _, info := range pc.copies[d] {
			if info.ID == "" || pc.a.kb.License(info.ID) == l {
				return true
			}
		}
		if d == "" {
			return false
		}
	}
}

// licenseText finds a workspace file whose text is the license l.
func (pc *project) licenseText(l *kb.License) *Document {
	if pc.texts == nil {
		// The first license file (not a notice) of each license: one pass,
		// however many folders ask.
		pc.texts = map[*kb.License]*Document{}
		for _, info := range pc.res.Licenses {
			known := pc.a.kb.License(info.ID)
			if known == nil || pc.texts[known] != nil || strings.HasPrefix(strings.ToLower(path.Base(info.Path)), "notice") {
				continue
			}
			if d := pc.doc(info.Path); d != nil {
				pc.texts[known] = d
			}
		}
	}
	return pc.texts[l]
}

// attributionSection matches the title of a README section where an
// attribution belongs.
var attributionSection = regexp.MustCompile(`(?i)\b(licen[cs]e|licen[cs]ing|attribution|acknowledge?ments?|credits?)\b`)

// attributionEdit puts line into the README: at the end of its first
// "License", "Attribution", "Acknowledgements" or "Credits" section, else
// in a new "Attribution" section at its end; it creates file with the line
// when there is no README.
func attributionEdit(readme *Document, file, line string) Edit {
	if readme == nil {
		return Edit{Path: file, Create: true, NewText: line + "\n"}
	}
	text := readme.Text
	level, sectionEnd := 0, -1 // the section found: its heading level, where it ends
	lastContent := -1          // end of the section's last non-blank line
	fence := ""
	for off := modelcard.End(text); off < len(text); {
		end := bytes.IndexByte(text[off:], '\n')
		next := len(text)
		if end >= 0 {
			next = off + end + 1
		}
		l := strings.TrimRight(string(text[off:next]), "\r\n")
		trimmed := strings.TrimLeft(l, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
		}
		if h := headingLevel(l); h > 0 && fence == "" && !strings.HasPrefix(trimmed, "```") && !strings.HasPrefix(trimmed, "~~~") {
			if level > 0 && h <= level {
				sectionEnd = lastContent
				break
			}
			if level == 0 && attributionSection.MatchString(l) {
				level = h
			}
		}
		if strings.TrimSpace(l) != "" {
			lastContent = off + len(strings.TrimRight(string(text[off:next]), "\r\n"))
		}
		off = next
	}
	if level > 0 && sectionEnd < 0 {
		sectionEnd = lastContent
	}
	if level > 0 && sectionEnd >= 0 {
		return Edit{Path: readme.Path, Span: Span{sectionEnd, sectionEnd}, NewText: "\n\n" + line}
	}
	prefix := "\n"
	switch {
	case len(text) == 0:
		prefix = ""
	case !bytes.HasSuffix(text, []byte("\n")):
		prefix = "\n\n"
	}
	return Edit{Path: readme.Path, Span: Span{len(text), len(text)}, NewText: prefix + "## Attribution\n\n" + line + "\n"}
}

// headingLevel is the level of an ATX Markdown heading line, 0 when l is
// not one.
func headingLevel(l string) int {
	n := 0
	for n < len(l) && l[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(l) && l[n] != ' ' && l[n] != '\t' {
		return 0
	}
	return n
}
