package analysis

import (
	"path"
	"slices"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/gguf"
	"github.com/fineprint-dev/fineprint/analysis/identify"
	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/manifest"
	"github.com/fineprint-dev/fineprint/analysis/modelcard"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// project is the whole-workspace view projectFindings works on.
type project struct {
	a          *Analyzer
	s          *Snapshot
	files      map[string]*fileResult
	res        *Result
	docs       []*Document
	layout     *layout
	references []Reference // model references, resolved
	uses       []use       // licenses in use, first place each was met
	cache      map[string]resolution
	bases      map[string][]base        // a card's base models, by path
	licenses   map[string][]LicenseInfo // identified licenses (not policies), by folder
	// Per-Analyze memos of the notice rules (project_notice.go).
	copies     map[string][]LicenseInfo  // every license text but NOTICEs, by folder
	normalised map[*Document]string      // normaliseNotice of a NOTICE or README
	fixTexts   map[*Document]string      // a license text that fixes copy, shared
	texts      map[*kb.License]*Document // the first license file of each license, for fixes
	read       map[string]bool           // files whose text the rules read, when not nil
	copied     map[string]bool           // files whose whole text a fix copies, when not nil
	// licenseNames are the workspace's license files named for a model
	// (LICENSE-SV3D), by the squashed name; built on first use.
	licenseNames map[string]LicenseInfo
	// lock is fineprint.lock as parsed for model look-ups (empty when
	// absent or broken; record.go reports a broken lock), on first use.
	lock *record.Lock
	// lineIndexes are line indexes of files holding a fineprint-ignore
	// comment, for sites that suppression may silence (silencedSite).
	lineIndexes map[string]*textpos.Index
	roots       map[string]bool // project folders (project_roots.go)
}

// use is one license a project uses and the first place it came from.
type use struct {
	license *kb.License
	path    string
	span    Span
	project string // the project folder of path (project_roots.go)
}

// resolution is the license a model reference resolves to and how.
type resolution struct {
	license *kb.License // nil when the id is not in the knowledge base
	id      string      // the license id found ("" when none)
	from    string      // where it was found, for messages
	path    string      // the workspace file it was read from, if any
	span    Span        // the place in that file
	base    string      // the base model the table names, if any
	// by is how it was resolved, as the inventory says it: workspace,
	// hf-cache, lock, kb or name-rule.
	by string
	// original is the model a re-upload or quantization copies, and why
	// the sentence that says so, when a naming rule resolved it.
	original, why string
}

func newProject(a *Analyzer, s *Snapshot, files map[string]*fileResult, res *Result) *project {
	pc := &project{a: a, s: s, files: files, res: res, layout: a.layoutOf(s), cache: map[string]resolution{}, bases: map[string][]base{},
		licenses: map[string][]LicenseInfo{}, docs: make([]*Document, len(s.Docs))}
	for i := range s.Docs {
		pc.docs[i] = &s.Docs[i]
	}
	for _, l := range res.Licenses {
		if lic := a.kb.License(l.ID); lic != nil && !lic.IsPolicy() {
			pc.licenses[dirOf(l.Path)] = append(pc.licenses[dirOf(l.Path)], l)
		}
	}
	return pc
}

// useLicenseTexts records the licenses whose texts are in the workspace as
// used, after the cards and manifests: the place a finding about a
// project's duty sits is the model reference a developer would change,
// and stays there when a fix adds a NOTICE line or a license copy.
func (pc *project) useLicenseTexts() {
	for _, notices := range []bool{false, true} { // a NOTICE names what the rest uses: last
		for _, l := range pc.res.Licenses {
			if lic := pc.a.kb.License(l.ID); lic != nil && !lic.IsPolicy() && isNoticeFile(l.Path) == notices {
				pc.useIn(lic, l.Path, l.Title, pc.licenseProject(l.Path))
			}
		}
	}
}

// layout is what the paths of a snapshot decide, apart from the bytes:
// where each document is and which folders exist. A keystroke changes no
// path, so the Analyzer keeps the last layout and builds it again only
// when the paths change.
type layout struct {
	paths, weights []string         // the snapshot's, in order: the key
	index          map[string]int   // document index by path
	docsIn         map[string][]int // document indexes by folder
	folders        map[string]bool  // every folder holding a document or weight file
}

// layoutOf returns the layout of s, the last one when its paths are s's.
func (a *Analyzer) layoutOf(s *Snapshot) *layout {
	a.mu.Lock()
	last := a.layout
	a.mu.Unlock()
	if last != nil && len(last.paths) == len(s.Docs) && slices.Equal(last.weights, s.Weights) &&
		slices.EqualFunc(last.paths, s.Docs, func(p string, d Document) bool { return p == d.Path }) {
		return last
	}
	l := &layout{paths: make([]string, len(s.Docs)), weights: slices.Clone(s.Weights),
		index: make(map[string]int, len(s.Docs)), docsIn: map[string][]int{}, folders: map[string]bool{}}
	addFolders := func(p string) {
		for d := dirOf(p); d != "" && !l.folders[d]; d = dirOf(d) {
			l.folders[d] = true
		}
	}
	for i, d := range s.Docs {
		l.paths[i] = d.Path
		l.index[d.Path] = i
		dir := dirOf(d.Path)
		l.docsIn[dir] = append(l.docsIn[dir], i)
		addFolders(d.Path)
	}
	for _, w := range s.Weights {
		addFolders(w)
	}
	a.mu.Lock()
	a.layout = l
	a.mu.Unlock()
	return l
}

// doc returns the document at path p, nil when the snapshot has none.
func (pc *project) doc(p string) *Document {
	if i, ok := pc.layout.index[p]; ok {
		return pc.docs[i]
	}
	return nil
}

// use records that the project of path p uses license l, first met at
// p/span.
func (pc *project) use(l *kb.License, p string, span Span) {
	pc.useIn(l, p, span, pc.projectOf(p))
}

// useIn records that project proj uses license l, first met at p/span.
func (pc *project) useIn(l *kb.License, p string, span Span, proj string) {
	if l == nil || l.IsPolicy() {
		return
	}
	for _, u := range pc.uses {
		if u.license == l && u.project == proj {
			return
		}
	}
	pc.uses = append(pc.uses, use{license: l, path: p, span: span, project: proj})
}

// licenseFiles returns the identified licenses (not policies) of the files
// directly in folder dir.
func (pc *project) licenseFiles(dir string) []LicenseInfo { return pc.licenses[dir] }

// resolve finds the license of a model a file at from refers to, in the
// order docs/architecture.md gives: the workspace (local paths), the local Hugging
// Face cache, the built-in table.
func (pc *project) resolve(from string, ref manifest.Ref) (resolution, bool) {
	switch ref.Kind {
	case manifest.LocalPath:
		target := ref.ID
		if !strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "~") && !strings.Contains(target, `\`) {
			target = path.Join(dirOf(from), target)
			if target == "." {
				target = ""
			}
			if !strings.HasPrefix(target, "../") && target != ".." {
				return pc.resolveLocal(target)
			}
		}
		// Outside the workspace: caches of the Hub and ModelScope end in
		// ORG/NAME, which is worth a look-up.
		parts := strings.Split(strings.Trim(strings.ReplaceAll(ref.ID, `\`, "/"), "/"), "/")
		if len(parts) >= 2 {
			if id := parts[len(parts)-2] + "/" + parts[len(parts)-1]; manifest.IsHubID(id) {
				return pc.resolveHub(id)
			}
		}
		return resolution{}, false
	case manifest.HubID:
		return pc.resolveHub(ref.ID)
	case manifest.OllamaName:
		return pc.fromTable(ref.ID)
	}
	return resolution{}, false
}

// resolveLocal looks for the license of a model at a workspace path: the
// GGUF or card it names, else a license file, card or GGUF in its folder.
func (pc *project) resolveLocal(target string) (resolution, bool) {
	if d := pc.doc(target); d != nil {
		if r, ok := pc.fromDoc(d); ok {
			return r, true
		}
	}
	dir := target
	if !pc.layout.folders[target] && target != "" {
		dir = dirOf(target)
	}
	if ls := pc.licenseFiles(dir); len(ls) > 0 {
		return resolution{license: pc.a.kb.License(ls[0].ID), id: ls[0].ID, from: "the workspace", path: ls[0].Path, span: ls[0].Title, by: byWorkspace}, true
	}
	for _, i := range pc.layout.docsIn[dir] {
		if d := pc.docs[i]; d.Kind == KindCard || d.Kind == KindGGUF {
			if r, ok := pc.fromDoc(d); ok {
				return r, true
			}
		}
	}
	return resolution{}, false
}

// fromDoc is the license a card or GGUF file in the workspace declares.
func (pc *project) fromDoc(d *Document) (resolution, bool) {
	fr := pc.files[d.Path]
	if fr == nil {
		return resolution{}, false
	}
	switch {
	case fr.facts.card != nil:
		for _, decl := range pc.a.cardLicenses(fr.facts.card) {
			if decl.license != nil {
				return resolution{license: decl.license, id: decl.license.ID, from: "the workspace", path: d.Path, span: Span{decl.value.Start, decl.value.End}, by: byWorkspace}, true
			}
		}
	case fr.facts.gguf != nil:
		if r, ok := pc.fromGGUF(fr.facts.gguf); ok {
			r.path, r.span, r.by = d.Path, ggufSpan, byWorkspace
			return r, true
		}
	}
	return resolution{}, false
}

// fromGGUF is the license a GGUF header declares (general.license, else
// general.license.name), else its base models' license.
func (pc *project) fromGGUF(h *gguf.Header) (resolution, bool) {
	for _, id := range append(h.Licenses(), h.LicenseName) {
		if l := pc.a.kb.License(id); l != nil && id != "" && l.Kind != "unknown" {
			return resolution{license: l, id: l.ID, from: "its GGUF header", by: byWorkspace}, true
		}
	}
	if h.License != "" {
		return resolution{id: h.License, from: "its GGUF header", by: byWorkspace}, true
	}
	for _, id := range h.BaseModelIDs() {
		if manifest.IsHubID(id) {
			if r, ok := pc.resolveHub(id); ok {
				return r, true
			}
		}
	}
	return resolution{}, false
}

// resolveHub resolves a Hub id through the local cache, then the table.
func (pc *project) resolveHub(id string) (resolution, bool) {
	key := strings.ToLower(id)
	if r, ok := pc.cache[key]; ok {
		return r, r.id != ""
	}
	r, ok := pc.fromLicenseName(id)
	if !ok {
		r, ok = pc.fromHubCache(id)
	}
	if !ok {
		r, ok = pc.fromTable(id)
	}
	if !ok {
		r, ok = pc.fromLock(id, false)
	}
	pc.cache[key] = r
	return r, ok
}

func (pc *project) fromHubCache(id string) (resolution, bool) {
	if pc.s.ModelCache == nil {
		return resolution{}, false
	}
	card, license, ok := pc.s.ModelCache(id)
	if !ok {
		return resolution{}, false
	}
	from := "its card in the local Hugging Face cache"
	if c, err := modelcard.Parse(card); err == nil {
		for _, decl := range pc.a.cardLicenses(c) {
			if decl.license != nil && decl.license.Kind != "unknown" {
				return resolution{license: decl.license, id: decl.license.ID, from: from, by: byHFCache}, true
			}
		}
	}
	for _, m := range identify.Identify(pc.a.kb, license) {
		if l := pc.a.kb.License(m.ID); l != nil && !l.IsPolicy() {
			return resolution{license: l, id: l.ID, from: "its license in the local Hugging Face cache", by: byHFCache}, true
		}
	}
	return resolution{}, false
}

func (pc *project) fromTable(id string) (resolution, bool) {
	mm, ok := pc.a.kb.ResolveModel(id)
	if !ok {
		return resolution{}, false
	}
	m := mm.Model
	r := resolution{license: pc.a.kb.License(m.License), id: m.License, from: "fineprint's table of well-known models", base: m.Base, by: byKB}
	if mm.ByNameRule {
		r.by, r.original, r.why = byNameRule, mm.Original, mm.Describe(id)
		r.from = "fineprint's naming rules for re-uploads"
	}
	return r, true
}

// How a model resolved, as the inventory (JSON "resolved_by") says it.
const (
	byWorkspace = "workspace"
	byHFCache   = "hf-cache"
	byLock      = "lock" // project_lock.go
	byKB        = "kb"
	byNameRule  = "name-rule"
)

// fromLicenseName finds a license file in the workspace named for the
// model: model_licenses/LICENSE-SV3D beside code that loads
// stabilityai/sv3d. The file's name, without LICENSE and separators, must
// be the model's name, or the start of it followed by a separator.
func (pc *project) fromLicenseName(id string) (resolution, bool) {
	_, name, ok := strings.Cut(id, "/")
	if !ok {
		return resolution{}, false
	}
	if pc.licenseNames == nil {
		pc.licenseNames = map[string]LicenseInfo{}
		for _, l := range pc.res.Licenses {
			if t := licenseNameToken(l.Path); t != "" && l.ID != "" && !l.Policy {
				if _, seen := pc.licenseNames[t]; !seen {
					pc.licenseNames[t] = l
				}
			}
		}
	}
	if len(pc.licenseNames) == 0 {
		return resolution{}, false
	}
	n := strings.ToLower(name)
	for cut := len(n); cut >= 3; {
		if l, ok := pc.licenseNames[squash(n[:cut])]; ok {
			return resolution{license: pc.a.kb.License(l.ID), id: l.ID, from: "the license file " + l.Path, path: l.Path, span: l.Title, by: byWorkspace}, true
		}
		cut = strings.LastIndexAny(n[:cut], "-_.")
	}
	return resolution{}, false
}

// licenseNameToken is what a license file's name adds to LICENSE:
// "LICENSE-SV3D" and "sv3d_license.md" give "sv3d"; "LICENSE" and
// "LICENSE-MODEL" give "".
func licenseNameToken(p string) string {
	base := strings.ToLower(path.Base(p))
	base = strings.TrimSuffix(base, path.Ext(base))
	for _, w := range []string{"license", "licence"} {
		base = strings.ReplaceAll(base, w, "")
	}
	t := squash(base)
	switch t {
	case "", "model", "models", "weights", "code", "agreement", "notice", "mit", "apache", "txt":
		return ""
	}
	if len(t) < 3 {
		return ""
	}
	return t
}

// cardOwnID guesses the Hub id of the model a card describes from its
// folders: "ORG/NAME/README.md" gives ORG/NAME, a lone folder its name.
func cardOwnID(p string) (org, name string) {
	dir := dirOf(p)
	if dir == "" {
		return "", ""
	}
	name = path.Base(dir)
	if parent := dirOf(dir); parent != "" {
		org = path.Base(parent)
	}
	return org, name
}
