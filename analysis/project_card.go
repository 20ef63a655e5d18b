package analysis

import (
	"fmt"
	"path"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/manifest"
	"github.com/fineprint-dev/fineprint/analysis/modelcard"
)

// base is one base model of a card, resolved.
type base struct {
	id    string
	value *modelcard.Value // where the card names it; nil when inferred from the table
	res   resolution
}

// cardFindings checks a card against its surroundings: the license file
// beside it, its base models' licenses, and their naming rules.
func (pc *project) cardFindings(d *Document, fr *fileResult) []Finding {
	c := fr.facts.card
	decls := pc.a.cardLicenses(c)
	for _, decl := range decls {
		pc.use(decl.license, d.Path, Span{decl.value.Start, decl.value.End})
	}
	pc.linkedReference(d, c)
	bases := pc.cardBases(d, c)
	var out []Finding
	out = append(out, pc.licenseMismatch(d, c, decls, bases)...)
	for _, b := range bases {
		if b.res.license == nil {
			continue
		}
		pc.use(b.res.license, d.Path, pc.baseSpan(c, b))
		for _, decl := range decls {
			if conflicts(b.res.license, decl.license) {
				f := pc.baseConflict(d, b, decl)
				if fix, ok := pc.baseConflictFix(d, c, b.res.license, decl); ok {
					f.Fixes = []Fix{fix}
				}
				out = append(out, f)
			}
		}
	}
	if f, ok := pc.derivativeNaming(d, fr, bases); ok {
		out = append(out, f)
	}
	return out
}

// linkedReference: a card that says license: other with license_link:
// LICENSE is under the license of that file, which the workspace holds;
// its license value then names that license for hovers.
func (pc *project) linkedReference(d *Document, c *modelcard.Card) {
	if !localLink(c) || len(c.License) != 1 || !strings.EqualFold(strings.TrimSpace(c.License[0].Text), "other") ||
		c.LicenseName != nil && pc.a.kb.License(c.LicenseName.Text) != nil {
		return
	}
	v := c.License[0]
	ref := Reference{Path: d.Path, Span: Span{v.Start, v.End}}
	target := path.Join(dirOf(d.Path), strings.TrimSpace(c.LicenseLink.Text))
	for _, l := range pc.res.Licenses {
		if l.Path == target {
			ref.License, ref.LicensePath = l.ID, l.Path
			break
		}
	}
	pc.references = append(pc.references, ref)
}

func (pc *project) baseSpan(c *modelcard.Card, b base) Span {
	if b.value != nil {
		return Span{b.value.Start, b.value.End}
	}
	return Span{c.Open.Start, c.Open.End}
}

// cardBases resolves the card's base_model entries; a card that names none
// but whose folder names a model the table derives from a base (for
// example DeepSeek-R1-Distill-Llama-8B) gets that base.
func (pc *project) cardBases(d *Document, c *modelcard.Card) []base {
	if bs, ok := pc.bases[d.Path]; ok {
		return bs
	}
	bs := pc.findBases(d, c)
	pc.bases[d.Path] = bs
	return bs
}

func (pc *project) findBases(d *Document, c *modelcard.Card) []base {
	var out []base
	for i := range c.BaseModel {
		v := &c.BaseModel[i]
		kind, id := manifest.ClassifyName(v.Text)
		if manifest.IsHubID(v.Text) {
			kind, id = manifest.HubID, v.Text
		} else if kind == manifest.OllamaName {
			kind = manifest.UnknownKind
		}
		r, ok := pc.resolve(d.Path, manifest.Ref{Kind: kind, ID: id})
		pc.references = append(pc.references, Reference{Path: d.Path, Span: Span{v.Start, v.End}, Model: v.Text, License: r.id, By: r.by, Original: r.original})
		if ok {
			out = append(out, base{id: v.Text, value: v, res: r})
		}
	}
	if len(c.BaseModel) > 0 {
		return out
	}
	org, name := cardOwnID(d.Path)
	if name == "" {
		return nil
	}
	if org == "" {
		org = "_"
	}
	if m := pc.a.kb.Model(org + "/" + name); m != nil && m.Base != "" {
		if r, ok := pc.resolveHub(m.Base); ok {
			out = append(out, base{id: m.Base, res: r})
		}
	}
	return out
}

// conflicts reports whether a derivative of a model under baseLicense may
// not be declared under declared (card/base-model-conflict in docs/rules.md).
func conflicts(baseLicense, declared *kb.License) bool {
	if baseLicense == nil || declared == nil || baseLicense == declared || declared.Kind == "unknown" {
		return false
	}
	switch baseLicense.Relicense {
	case "same-restrictions":
		return declared.Kind == "permissive" || declared.Kind == "copyleft"
	case "forbidden":
		return true
	}
	return false
}

func (pc *project) baseConflict(d *Document, b base, decl declared) Finding {
	why := "which requires derivatives to keep its restrictions"
	if b.res.license.Relicense == "forbidden" {
		why = "which requires derivatives to stay under the same license"
	}
	msg := fmt.Sprintf("This card declares %s, but its base model %s is under the %s, %s.",
		decl.value.Text, b.id, b.res.license.Name, why)
	f := pc.a.finding("card/base-model-conflict", d.Path, Span{decl.value.Start, decl.value.End}, msg, b.res.license.ID,
		map[string]any{"base_model": b.id, "base_license": b.res.license.ID, "declared": decl.value.Text})
	if b.value != nil {
		f.Related = append(f.Related, Related{Path: d.Path, Span: Span{b.value.Start, b.value.End}, Message: "the base model"})
	}
	if b.res.path != "" {
		f.Related = append(f.Related, Related{Path: b.res.path, Span: b.res.span, Message: "the base model's license"})
	}
	return f
}

// baseConflictFix declares the base's license instead: its Hub id, else
// "other" with license_name and license_link. There is none when a license
// file beside the card holds another license (the card would then disagree
// with it), or when the card names several licenses.
func (pc *project) baseConflictFix(d *Document, c *modelcard.Card, base *kb.License, decl declared) (Fix, bool) {
	if len(c.License) != 1 {
		return Fix{}, false
	}
	for _, l := range pc.licenseFiles(dirOf(d.Path)) {
		if !isNoticeFile(l.Path) && pc.a.kb.License(l.ID) != base {
			return Fix{}, false
		}
	}
	value := Edit{Path: d.Path, Span: Span{decl.value.Start, decl.value.End}}
	if base.Hub {
		value.NewText = base.ID
		return Fix{Title: "Declare license: " + base.ID + ", the base model's license", Edits: []Edit{value}}, true
	}
	value.NewText = "other"
	edits := []Edit{value}
	type key struct {
		v         *modelcard.Value
		name, val string
	}
	keys := []key{{c.LicenseName, "license_name", base.ID}}
	if len(base.URLs) > 0 {
		keys = append(keys, key{c.LicenseLink, "license_link", base.URLs[0]})
	}
	var added string
	for _, k := range keys {
		if k.v != nil {
			edits = append(edits, Edit{Path: d.Path, Span: Span{k.v.Start, k.v.End}, NewText: k.val})
		} else {
			added += k.name + ": " + k.val + "\n"
		}
	}
	if added != "" {
		at := lineAfter(d.Text, c.Open.End)
		edits = append(edits, Edit{Path: d.Path, Span: Span{at, at}, NewText: added})
	}
	return Fix{Title: "Declare license: other with license_name: " + base.ID + ", the base model's license", Edits: edits}, true
}

// lineAfter is the offset of the line after the one holding off.
func lineAfter(text []byte, off int) int {
	for off < len(text) && text[off] != '\n' {
		off++
	}
	return min(off+1, len(text))
}

// licenseMismatch compares the card's license with the file license_link
// names, else with the license files beside the card.
//
// A NOTICE is not a license declaration: it names the licenses of what the
// project ships (the notice line of the Gemma Terms of Use in a project
// under Apache-2.0). A license file that holds the license of a base model
// the declaration conflicts with is card/base-model-conflict's business.
func (pc *project) licenseMismatch(d *Document, c *modelcard.Card, decls []declared, bases []base) []Finding {
	dir := dirOf(d.Path)
	var files []LicenseInfo
	declaring := func(l LicenseInfo) bool { return l.ID != "" && !isNoticeFile(l.Path) }
	if c.LicenseLink != nil && !strings.Contains(c.LicenseLink.Text, "://") {
		target := path.Join(dir, c.LicenseLink.Text)
		for _, l := range pc.res.Licenses {
			if l.Path == target && declaring(l) {
				files = append(files, l)
			}
		}
	}
	if len(files) == 0 {
		for _, l := range pc.licenseFiles(dir) {
			if declaring(l) {
				files = append(files, l)
			}
		}
	}
	if len(files) == 0 {
		return nil
	}
	var out []Finding
	for _, decl := range decls {
		if decl.license == nil || decl.license.Kind == "unknown" {
			continue
		}
		match := false
		for _, l := range files {
			if pc.a.kb.License(l.ID) == decl.license {
				match = true
			}
		}
		other := pc.a.kb.License(files[0].ID)
		for _, b := range bases {
			match = match || b.res.license == other && conflicts(other, decl.license)
		}
		if match {
			continue
		}
		msg := fmt.Sprintf("The card declares %s, but %s holds the %s, so the two disagree about the model's license.",
			decl.value.Text, files[0].Path, other.Name)
		f := pc.a.finding("card/license-mismatch", d.Path, Span{decl.value.Start, decl.value.End}, msg, decl.license.ID,
			map[string]any{"declared": decl.license.ID, "file": files[0].Path, "file_license": other.ID})
		f.Related = []Related{{Path: files[0].Path, Span: files[0].Title, Message: "the license file"}}
		out = append(out, f)
	}
	return out
}

// derivativeNaming checks the card's model name against the naming rule of
// its base's license ("Llama 3" or "Llama" at the beginning).
func (pc *project) derivativeNaming(d *Document, fr *fileResult, bases []base) (Finding, bool) {
	ownOrg, _ := cardOwnID(d.Path)
	for _, b := range bases {
		l := b.res.license
		if l == nil || l.NamingPrefix == "" {
			continue
		}
		if baseOrg, _, ok := strings.Cut(b.id, "/"); ok && ownOrg != "" && strings.EqualFold(baseOrg, ownOrg) {
			continue // the licensor's own releases
		}
		name, span, where := pc.cardName(d, fr)
		if name == "" || hasNamePrefix(name, l.NamingPrefix) {
			return Finding{}, false
		}
		msg := fmt.Sprintf("This model is derived from %s, whose license requires a derivative's name to begin with %q, but its name (%s) is %q.",
			b.id, l.NamingPrefix, where, name)
		f := pc.a.finding("card/derivative-naming", d.Path, span, msg, l.ID,
			map[string]any{"prefix": l.NamingPrefix, "name": name, "base_model": b.id})
		renamed := prefixedName(name, l.NamingPrefix)
		edit := Edit{Path: d.Path, Span: span, NewText: renamed}
		if where == "its folder's name" {
			// A title becomes the name; the folder stays.
			at := modelcard.End(d.Text)
			edit = Edit{Path: d.Path, Span: Span{at, at}, NewText: "# " + renamed + "\n\n"}
		}
		f.Fixes = []Fix{{Title: fmt.Sprintf("Rename the model %q", renamed), Edits: []Edit{edit}}}
		return f, true
	}
	return Finding{}, false
}

// cardName is the model's name: the card's model_name, else its first "#"
// heading, else its folder's name.
func (pc *project) cardName(d *Document, fr *fileResult) (name string, span Span, where string) {
	c := fr.facts.card
	if c.ModelName != nil && strings.TrimSpace(c.ModelName.Text) != "" {
		return c.ModelName.Text, Span{c.ModelName.Start, c.ModelName.End}, "model_name"
	}
	if h := fr.facts.heading; h != nil {
		text, start := h.Text, h.Start
		if rest, ok := strings.CutPrefix(text, "Model Card for "); ok {
			text, start = rest, h.Start+len("Model Card for ")
		}
		if text != "" && !strings.EqualFold(text, "Model ID") && !strings.EqualFold(text, "{{ model_id }}") {
			return text, Span{start, h.End}, "the card's title"
		}
	}
	dir := dirOf(d.Path)
	if dir == "" {
		dir = path.Base(strings.ReplaceAll(pc.s.Root, `\`, "/"))
		if dir == "." || dir == "/" {
			return "", Span{}, ""
		}
	}
	return path.Base(dir), Span{c.Open.Start, c.Open.End}, "its folder's name"
}

// prefixedName is name beginning with prefix: "Acme Chat" becomes "Llama
// Acme Chat"; a name that begins with the prefix's first word but not the
// whole prefix ("Llama Support" under "Llama 3") has that word replaced.
func prefixedName(name, prefix string) string {
	word, _, _ := strings.Cut(prefix, " ")
	if len(name) >= len(word) && strings.EqualFold(name[:len(word)], word) {
		rest := strings.TrimLeft(name[len(word):], " -_.")
		if rest == "" {
			return prefix
		}
		if len(rest) < len(name)-len(word) {
			return prefix + " " + rest
		}
	}
	return prefix + " " + name
}

// hasNamePrefix compares names the way people write them: case, spaces,
// hyphens, underscores and dots do not matter ("llama3-8b-ft" begins with
// "Llama 3").
func hasNamePrefix(name, prefix string) bool {
	return strings.HasPrefix(squash(name), squash(prefix))
}

func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if !strings.ContainsRune(" -_.", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
