package analysis

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"hash/maphash"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fineprint-dev/fineprint/analysis/clause"
	"github.com/fineprint-dev/fineprint/analysis/identify"
	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
)

// Snapshot is everything the analysis looks at: the workspace's files (open
// editor buffers already substituted for their disk contents) and the
// editor's settings, if any. A snapshot (its Docs and their texts) is not
// changed once analysed: the next snapshot is a new one (the Analyzer keeps
// the last one's documents to find what a keystroke changed).
type Snapshot struct {
	Root     string     // absolute path of the workspace root, for messages only
	Docs     []Document // sorted by Path
	Settings *Profile   // editor settings; the .fineprint.yaml in Docs wins where both speak
	// Now is when the snapshot was taken; fixes that date what they write
	// (policy copies, the lock) use it, so that analysing the same snapshot
	// twice gives the same result. Zero means the time of each Analyze.
	Now time.Time
	// Weights lists model weight files (*.safetensors, *.bin, *.pt, ...)
	// whose bytes are not read: they tell which folders ship models.
	Weights []string
	// Markers lists files and folders not read that make their folder a
	// project root: pyproject.toml, package.json, go.mod, .git
	// (project_roots.go).
	Markers []string
	// ModelCache looks a Hub model id up in the local Hugging Face cache and
	// returns the snapshot's card (README.md) and license text; nil means no
	// cache. workspace.HubCache is the real one. It is the only way the
	// analysis reads anything outside the snapshot, and it never downloads.
	ModelCache func(id string) (card, license []byte, ok bool)
}

// Result is what fineprint found in a snapshot.
type Result struct {
	Licenses   []LicenseInfo // one per license identified, by path then position
	findings   *findingSet   // sorted by path, position, code (Findings, FindingsIn)
	References []Reference   // places that name a license or a model, for hovers
	Models     []ModelUse    // every model the project references, by id
	Datasets   []ModelUse    // every dataset the project references, by id (no Original)
	Profile    Profile       // the profile in effect
	// Reanalysed counts the files whose bytes changed since the previous
	// Analyze and were read again; the others came from the cache.
	Reanalysed int
	// Dropped counts the findings left out past the profile's
	// limits.findings (the least severe go first).
	Dropped int
	// ID tells the results of one Analyzer apart. Base, when not 0, is
	// the ID of the previous result this one was derived from by an edit,
	// and Dirty lists (in order) the only paths whose findings, licenses or
	// references may differ from that result's: a caller that arranged it
	// by file can rearrange just those.
	ID, Base uint64
	Dirty    []string
}

// Findings are the result's findings, sorted by path, position and code.
// The list is shared: callers must not change it. Of a result an edit
// derived from another (Base), it is built on the first call: a caller
// that reads only some files' findings asks FindingsIn.
func (r *Result) Findings() []Finding { return r.findings.list() }

// FindingsIn are the findings in the file p (shared, in order), without
// building the list of all of them.
func (r *Result) FindingsIn(p string) []Finding { return r.findings.of(p) }

// FindingCount is the number of findings, without building their list.
func (r *Result) FindingCount() int { return r.findings.len() }

// SetFindings makes fs, sorted by path, position and code (SortFindings),
// the result's findings, for callers that put a result together (several
// roots' results in one). fs is kept, not copied.
func (r *Result) SetFindings(fs []Finding) { r.findings = newFindingSet(fs, nil) }

// Reference is a place in a file that names a license or a model: a license
// title, a card's license value, a model id in a manifest. Hovering it shows
// the license's checklist.
type Reference struct {
	Path    string
	Span    Span
	Model   string // the model id, when the place names a model
	Dataset string // the dataset id, when the place names a dataset
	License string // the license id it resolves to, "" when unknown
	// By says how a model's license was found (workspace, hf-cache, lock,
	// kb, name-rule), Original which model a re-upload copies.
	By, Original string
	// LicensePath is the workspace file holding the license, when the
	// place names one (a card's license_link: LICENSE), identified or not.
	LicensePath string
}

// ModelUse is one model the project references, for the inventory: its
// id, the license it resolves to (nil License when none), how, and every
// place that names it.
type ModelUse struct {
	ID         string
	License    string // license id, "" when unresolved
	Kind       string // permissive | copyleft | custom | non-commercial | research-only | unknown
	ResolvedBy string // workspace | hf-cache | lock | kb | name-rule; "" when unresolved
	Original   string // the model a re-upload copies
	Locations  []Location
}

// Location is a place in a workspace file.
type Location struct {
	Path string
	Span Span
}

// LicenseInfo describes one license identified in one file.
type LicenseInfo struct {
	Path       string
	ID         string // knowledge-base id ("llama3.1", "apache-2.0", ...), "" when unidentified
	Family     string
	Name       string
	Kind       string // permissive | copyleft | custom | non-commercial | research-only | unknown
	Commercial bool
	Policy     bool // a use policy that a license incorporates, not a license itself
	Span       Span // the text the license covers
	Title      Span // its title line, where hovers and code lenses attach
	// Modified: a standard license with terms of the file's own added on
	// top (license/modified); Kind is then "custom".
	Modified bool
	// Named: the file names the license ("released under the Apache 2.0
	// license, with ...") rather than holds its text, so the rules about
	// that text (its copyright line) do not apply.
	Named bool
}

// Analyzer runs fineprint's rules. It caches per-file results by content, so
// analysing a new snapshot re-reads only files whose bytes changed. It is
// safe for concurrent use.
type Analyzer struct {
	kb *kb.KB

	seed   maphash.Seed
	mu     sync.Mutex
	cache  map[string]*fileResult // by path
	layout *layout                // of the last snapshot (project_resolve.go)
	// last is what the last complete analysis of a workspace keeps for
	// the next one, which re-runs only what an edit changed
	// (incremental.go); nil while an analysis holds it.
	last  *lastRun
	stats analyzeStats
	ids   atomic.Uint64
}

// fileResult is what one file yields on its own, before the project-level
// rules and the profile are applied.
type fileResult struct {
	sum  uint64 // maphash of the bytes; a cache key, not a record hash
	size int
	// data is the first byte of the last Document.Text seen with these
	// bytes. Texts are not modified once analysed (Document), so the same
	// array of the same length is the same content, and an unchanged file
	// of a workspace snapshot is recognised without hashing it again.
	data       atomic.Pointer[byte]
	licenses   []LicenseInfo
	findings   []Finding // severities are rule defaults
	references []Reference
	facts      modelFacts // what cards and manifests declare (project.go)
	// copyright holds the notice/missing-copyright findings of the file's
	// license, computed by the first analysis that needs them
	// (project_notice.go).
	copyrightOnce sync.Once
	copyright     []Finding
	// holds memoises the notice rules' question "does this file hold
	// this (normalised) line?" for this version of the file
	// (project_notice.go): normalised line -> bool.
	holds sync.Map
	// commented: the file may silence findings (it holds a
	// fineprint-ignore comment).
	commented bool
	// sha256 is the file's record hash (fineprint.lock), computed by the
	// first analysis that needs it.
	sha256Once sync.Once
	sha256     string
	// recordFix is the fix of the file's record/* finding, kept while the
	// lock and the date stay the same (record.go).
	recordFixMu sync.Mutex
	recordFix   *recordFix
}

// recordSum returns the record hash of text, the bytes fr was made from.
func (fr *fileResult) recordSum(text []byte) string {
	fr.sha256Once.Do(func() { fr.sha256 = record.Sum(text) })
	return fr.sha256
}

// New returns an Analyzer using the embedded knowledge base.
func New() *Analyzer {
	return &Analyzer{kb: kb.Default(), seed: maphash.MakeSeed(), cache: map[string]*fileResult{}}
}

// KB returns the knowledge base the analyzer uses.
func (a *Analyzer) KB() *kb.KB { return a.kb }

// Warmup pays one-time initialisation costs; call it off the request path.
func (a *Analyzer) Warmup() { identify.Warmup() }

// Analyze runs every rule over the snapshot. It returns early with a partial
// result when ctx is cancelled.
func (a *Analyzer) Analyze(ctx context.Context, s *Snapshot) *Result {
	// An edit's snapshot has the paths of the last one, in order: it is
	// sorted without checking every path again.
	res, tried := a.analyzeEdit(s)
	if res != nil {
		return res
	}
	s.Docs = sortedByPath(s.Docs)
	a.stats.full.Add(1)
	res = &Result{ID: a.ids.Add(1)}
	s, unread := a.withoutUnread(s) // retain.go
	all := unread
	profile, profileFindings := a.loadProfile(s)
	res.Profile = profile
	results, reanalysed := a.analyzeFiles(ctx, s.Docs)
	// The files an edit analysed before it fell back to this run are in
	// the cache already, fresh all the same.
	res.Reanalysed = reanalysed + tried
	files := make(map[string]*fileResult, len(s.Docs))
	for i, fr := range results {
		if fr == nil {
			continue // cancelled before this file
		}
		files[s.Docs[i].Path] = fr
		res.Licenses = append(res.Licenses, fr.licenses...)
		all = append(all, fr.findings...)
		res.References = append(res.References, fr.references...)
	}
	if ctx.Err() == nil {
		a.forget(files)
	}
	ownRefs := len(res.References)
	// The project rules read the files' own findings (res.Findings).
	res.findings = newFindingSet(all, nil)
	// Each file's own findings were checked for fineprint-ignore comments
	// when it was analysed (and cached with them); only the rest need it.
	others := append([]Finding(nil), profileFindings...)
	read, copied := map[string]bool{}, map[string]bool{}
	others = append(others, a.projectFindings(s, files, res, &profile, read, copied)...)
	base := a.suppress(s, files, others)
	rec := a.recordState(s, files, res)
	all = append(all, base...)
	all = append(all, a.suppress(s, files, rec.findings())...)
	all = a.decide(all, &profile)
	SortFindings(all)
	quietRepeats(all)
	uncapped := boundPerFileAndCode(all, MaxFindingsPerCode)
	capped, line := capFindingsAt(uncapped, profile.Limits.MaxFindings())
	res.findings = newFindingSet(capped, &a.stats.spliced)
	res.Dropped = len(uncapped) - len(capped)
	if ctx.Err() == nil && len(files) == len(s.Docs) {
		a.remember(s, results, files, res, newFindingSet(uncapped, &a.stats.spliced), line, base, rec, ownRefs, read, copied)
	}
	return res
}

// analyzeFiles analyses each document on its own, in parallel, reusing cached
// results for unchanged bytes. results[i] belongs to docs[i] and is nil when
// ctx was cancelled first.
func (a *Analyzer) analyzeFiles(ctx context.Context, docs []Document) (results []*fileResult, reanalysed int) {
	results = make([]*fileResult, len(docs))
	var next, fresh int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if int(i) >= len(docs) {
					return
				}
				fr, changed := a.analyzeFile(&docs[i])
				results[i] = fr
				if changed {
					mu.Lock()
					fresh++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return results, int(fresh)
}

// forget drops cached results of files no longer in the workspace.
func (a *Analyzer) forget(current map[string]*fileResult) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for p := range a.cache {
		if current[p] == nil {
			delete(a.cache, p)
		}
	}
}

// analyzeFile returns the file's own result, from the cache when its bytes
// are unchanged; changed reports a fresh analysis.
func (a *Analyzer) analyzeFile(d *Document) (fr *fileResult, changed bool) {
	if d.Omitted || d.TooLarge > 0 {
		return a.unread(d), false // retain.go
	}
	a.mu.Lock()
	cached := a.cache[d.Path]
	a.mu.Unlock()
	var first *byte
	if len(d.Text) > 0 {
		first = &d.Text[0]
	}
	if cached != nil && cached.size == len(d.Text) && first != nil && cached.data.Load() == first {
		return cached, false
	}
	sum := maphash.Bytes(a.seed, d.Text)
	if cached != nil && cached.sum == sum && cached.size == len(d.Text) {
		cached.data.Store(first)
		return cached, false
	}
	fr = &fileResult{sum: sum, size: len(d.Text), commented: commentable(d.Kind) && bytes.Contains(d.Text, ignoreMarker)}
	fr.data.Store(first)
	switch d.Kind {
	case KindLicense:
		a.analyzeLicense(d, fr)
	case KindCard, KindModelfile, KindAdapterConfig, KindGGUF, KindPython, KindShell, KindNotebook, KindConfig, KindScript:
		a.analyzeModelFile(d, fr)
	case KindPackage:
		fr.findings = append(fr.findings, a.packageFindings(d)...)
		a.analyzeModelFile(d, fr) // pyproject.toml, package.json, environment.yml are configs too
	}
	if fr.commented {
		fr.findings = unsilenced(d, fr.findings)
	}
	if len(fr.findings) > MaxFindingsPerCode {
		// Bounded here too, so that the cache does not keep what the
		// output will not show.
		SortFindings(fr.findings)
		fr.findings = boundPerFileAndCode(fr.findings, MaxFindingsPerCode)
	}
	a.mu.Lock()
	a.cache[d.Path] = fr
	a.mu.Unlock()
	return fr, true
}

// unsilenced drops the findings a fineprint-ignore comment in d silences.
// Doing it here, once per version of the file, spares every later analysis
// a line index of every file with findings.
func unsilenced(d *Document, fs []Finding) []Finding {
	if len(fs) == 0 {
		return fs
	}
	x := textpos.NewIndex(d.Text)
	kept := fs[:0]
	for _, f := range fs {
		if !silenced(d, x, f) {
			kept = append(kept, f)
		}
	}
	return kept
}

// analyzeLicense identifies the license(s) in a license text and finds its
// clauses.
func (a *Analyzer) analyzeLicense(d *Document, fr *fileResult) {
	hits := a.detectClauses(d.Text)
	matches := identify.Identify(a.kb, d.Text)
	std := standardText{kb: a.kb} // whose clauses are not reported
	for _, m := range matches {
		l := a.kb.License(m.ID)
		if l == nil {
			continue
		}
		info := LicenseInfo{
			Path: d.Path, ID: l.ID, Family: l.Family, Name: l.Name, Kind: l.Kind, Commercial: l.Commercial,
			Policy: m.Policy || l.IsPolicy(), Span: Span{m.Start, m.End}, Title: Span{m.TitleStart, m.TitleEnd},
			Named: m.Source == "pointer",
		}
		std.add(l, info, m.Added, m.Preface)
		if len(m.Added) > 0 && !isNoticeFile(d.Path) {
			fr.findings = append(fr.findings, a.modifiedFindings(d.Path, l, m.Added)...)
			info.Name, info.Kind, info.Modified = l.Name+" with additional terms", "custom", true
			for _, r := range m.Added {
				info.Span = Span{min(info.Span.Start, r.Start), max(info.Span.End, r.End)}
			}
		}
		if len(fr.licenses) == 0 {
			if m.Component && !isNoticeFile(d.Path) {
				// The file's own license, then a component's (a third-party
				// notice): the first is a license fineprint does not know.
				fr.licenses = append(fr.licenses, a.unidentified(d, fr, Span{0, m.Start}))
			} else {
				info.Title = fileTitle(d.Text, info.Title)
			}
		}
		fr.licenses = append(fr.licenses, info)
	}
	hs := hits(isNoticeFile(d.Path) || std.covers(len(d.Text)))
	if len(fr.licenses) == 0 && isNoticeFile(d.Path) {
		// A NOTICE that names no known license is the project's own notice
		// file, not an unknown license: the notice rules read it.
	} else if len(fr.licenses) == 0 && onlyReferences(hs) && isPointer(d.Text) {
		// "See LICENSE in the repository's root": the license is elsewhere.
	} else if len(fr.licenses) == 0 {
		fr.licenses = append(fr.licenses, a.unidentified(d, fr, Span{0, len(d.Text)}))
	}
	if isNoticeFile(d.Path) {
		// A NOTICE names the licenses of what ships (the notice line of the
		// Qwen Research License); its lines are no clauses, its licenses no
		// restrictions of its own: the notice rules read it.
		hs = nil
	}
	restated, stated := std.restated(hs, func(h clause.Hit) bool { return !std.holds(d.Text, h.Code, h.Start, h.End) })
	for i, h := range hs {
		if restated[i] {
			continue
		}
		if url, _ := h.Data["url"].(string); h.Code == "clause/policy-by-reference" && a.ownURL(fr.licenses, url) {
			continue
		}
		if h.Code == "license/modified" && hasCode(fr.findings, "license/modified") {
			continue // the added text was already found by comparing with the standard text
		}
		if std.holds(d.Text, h.Code, h.Start, h.End) {
			continue
		}
		f := a.finding(h.Code, d.Path, operative(d.Text, Span{h.Start, h.End}), h.Message, licenseAt(fr.licenses, h.Start), h.Data)
		if c := h.Data["condition"]; c == "litigation" || c == "breach" {
			// Rights that end only if you sue the licensor, or breach the
			// license, are no risk of losing access that you do not
			// control.
			f.Severity = SeverityInformation
		}
		fr.findings = append(fr.findings, f)
	}
	if !isNoticeFile(d.Path) {
		fr.findings = append(fr.findings, a.kindFindings(fr, stated)...)
	}
}

// unidentified returns the license of d's text in span that fineprint does
// not know, and reports it (license/unidentified) at the file's first line.
func (a *Analyzer) unidentified(d *Document, fr *fileResult, span Span) LicenseInfo {
	unknown := LicenseInfo{Path: d.Path, Kind: "unknown", Span: span}
	if fl := firstLine(d.Text); isLicenseTitle(titleText(string(d.Text[fl.Start:fl.End]))) {
		unknown.Title = fl // where its checklist is shown
	}
	fr.findings = append(fr.findings, a.finding("license/unidentified", d.Path, firstLine(d.Text),
		"This file reads like a license but matches none fineprint knows; its clauses are still checked below.", "", nil))
	return unknown
}

// modifiedFindings reports a standard license with added terms on each
// block of added text (identify joins the paragraphs no standard text
// separates): a preamble that narrows the grant and a section appended
// after the standard text are two changes to read. The clause rules read
// the added text like the rest.
func (a *Analyzer) modifiedFindings(path string, l *kb.License, added []identify.Span) []Finding {
	msg := fmt.Sprintf("This file is the %s with additional terms of its own; they bind you like the rest, so read it as a custom license, not as the plain %s.", l.Name, l.Name)
	out := make([]Finding, 0, len(added))
	for _, r := range added {
		out = append(out, a.finding("license/modified", path, Span{r.Start, r.End}, msg, l.ID, map[string]any{"base": l.ID}))
	}
	return out
}

// parallelClauses is the text size from which clause detection runs beside
// identification rather than after it: an edit of a long license waits for
// the slower of the two (licensecheck) instead of their sum.
const parallelClauses = 16 << 10

// detectClauses starts clause detection and returns a function waiting for
// its hits. Called with unused true, the function may return no hits: a
// short text is then not read at all (below parallelClauses detection runs
// after identification, which tells whether its hits would be used).
func (a *Analyzer) detectClauses(text []byte) func(unused bool) []clause.Hit {
	if len(text) < parallelClauses || runtime.GOMAXPROCS(0) < 2 {
		return func(unused bool) []clause.Hit {
			if unused {
				return nil
			}
			return clause.Detect(a.kb, text)
		}
	}
	done := make(chan []clause.Hit, 1)
	go func() { done <- clause.Detect(a.kb, text) }()
	return func(bool) []clause.Hit { return <-done }
}

// kindCodes are the license/* codes that follow from a license's kind alone.
var kindCodes = map[string]struct{ code, message string }{
	"non-commercial": {"license/non-commercial", "The %s forbids commercial use: a product, paid service or internal business use needs a different license."},
	"research-only":  {"license/research-only", "The %s allows research and evaluation only: any product or production use needs a different license."},
}

// namedLicenseBytes is the most bytes of a license's match that name it (a
// URL, a title) rather than hold its text, which is thousands.
const namedLicenseBytes = 300

// kindFindings reports a non-commercial or research-only license at its
// title when no sentence of its text already said so in words the clause
// patterns know (identification is surer than phrasing). stated holds the
// legal codes whose limit the file's own words state (restated).
func (a *Analyzer) kindFindings(fr *fileResult, stated map[Span]bool) []Finding {
	var out []Finding
	for _, l := range fr.licenses {
		kind := l.Kind
		if base := a.kb.License(l.ID); l.Modified && base != nil {
			kind = base.Kind // CC BY-NC 4.0 with terms added is still non-commercial
		}
		kc, ok := kindCodes[kind]
		if !ok || l.Policy {
			continue
		}
		// A license the file names rather than holds ("Licensed under the
		// CC BY-NC-SA 4.0 license (https://...)" above terms of its own) is
		// stated by the file's clauses, wherever they stand.
		named := l.Named || l.Span.End-l.Span.Start < namedLicenseBytes || stated[l.Span]
		found := false
		for _, f := range fr.findings {
			if f.Code == kc.code && (named || f.Span.Start >= l.Span.Start && f.Span.Start < max(l.Span.End, l.Span.Start+1)) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, a.finding(kc.code, l.Path, l.Title, fmt.Sprintf(kc.message, l.Name), l.ID, nil))
		}
	}
	return out
}

func hasCode(fs []Finding, code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// longClause is the length from which a clause's range is narrowed to its
// operative part.
const longClause = 300

// operative narrows the range of a long clause to its operative part: up to
// the colon or semicolon that ends its first clause ("You agree not to use
// the Model or Derivatives of the Model:" rather than the twenty lines of
// the list that follows, which a sentence splitter sees as one sentence
// when the list items end in semicolons). A range without such a break
// stays whole.
func operative(text []byte, sp Span) Span {
	if sp.End-sp.Start < longClause || sp.End > len(text) {
		return sp
	}
	const minPart = 40 // shorter pieces are a heading or a list marker
	for i := sp.Start + minPart; i < sp.End-1; i++ {
		if c := text[i]; (c == ':' || c == ';') && (text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\r') {
			return Span{sp.Start, i + 1}
		}
	}
	return sp
}

// fileTitle is where a file's first license is named: its first line when
// that is a license title ("MIT License" above the copyright line that
// identification matched from), else title.
func fileTitle(text []byte, title Span) Span {
	fl := firstLine(text)
	if fl.End > fl.Start && fl.End <= title.Start && isLicenseTitle(titleText(string(text[fl.Start:fl.End]))) {
		return fl
	}
	return title
}

// pointerPhrase is how a short file sends the reader to the license
// elsewhere: "see LICENSE in folder x", "the license can be found at ...".
var pointerPhrase = regexp.MustCompile(`(?is)\b(see|refer to|found (in|at)|located (in|at)|available (in|at)|can be found|is in|are in)\b.{0,120}\b(licen[cs]e|copying|terms)\b|\blicen[cs]e\b.{0,80}\b(in|at|under) (the )?(folder|directory|file|root|parent|\.\./|https?://)`)

// onlyReferences reports clause hits that are at most the reference a
// pointer file makes (the URL it sends the reader to).
func onlyReferences(hs []clause.Hit) bool {
	for _, h := range hs {
		if h.Code != "clause/policy-by-reference" {
			return false
		}
	}
	return true
}

// isPointer reports a text too short to be a license that points at one
// elsewhere.
func isPointer(text []byte) bool {
	t := bytes.TrimSpace(text)
	return len(t) < 400 && pointerPhrase.Match(t)
}

// repeatKeys name the datum that identifies what a finding of these codes
// is about: the same model, dataset or package named in many files is one
// decision for the project.
var repeatKeys = map[string]string{"manifest/model-license": "model", "manifest/unknown-model-license": "model", "dataset/license": "dataset", "package/license": "package"}

// quietRepeats keeps a warning about a model, dataset or package at its
// first place (in path order) and lowers the same warning in other files
// to information: eighteen configs that load one non-commercial model are
// one thing to decide, and each file still shows it. Errors stay errors
// (a commercial profile's decision holds everywhere).
func quietRepeats(fs []Finding) {
	seen := map[string]bool{}
	for i := range fs {
		f := &fs[i]
		datum, ok := repeatKeys[f.Code]
		if !ok || f.Severity != SeverityWarning {
			continue
		}
		id, _ := f.Data[datum].(string)
		if id == "" {
			continue
		}
		key := f.Code + "\x00" + strings.ToLower(id)
		if seen[key] {
			f.Severity = SeverityInformation
		}
		seen[key] = true
	}
}

// isNoticeFile reports a NOTICE* file name.
func isNoticeFile(p string) bool {
	return strings.HasPrefix(strings.ToLower(path.Base(p)), "notice")
}

// licenseAt returns the id of the identified license whose text covers off.
func licenseAt(ls []LicenseInfo, off int) string {
	for _, l := range ls {
		if l.ID != "" && off >= l.Span.Start && off < l.Span.End {
			return l.ID
		}
	}
	if len(ls) > 0 {
		return ls[0].ID
	}
	return ""
}

func (a *Analyzer) finding(code, path string, span Span, msg, license string, data map[string]any) Finding {
	sev := SeverityWarning
	if r := a.kb.Rule(code); r != nil {
		sev, _ = ParseSeverity(r.Severity)
	}
	return Finding{Code: code, Severity: sev, Path: path, Span: span, Message: msg, License: license, Data: data}
}

// firstLine is the span of the first non-empty line of text.
func firstLine(text []byte) Span {
	start := 0
	if len(text) >= 3 && string(text[:3]) == bom {
		start = 3
	}
	for start < len(text) && (text[start] == '\n' || text[start] == '\r' || text[start] == ' ' || text[start] == '\t') {
		start++
	}
	end := start
	for end < len(text) && text[end] != '\n' && text[end] != '\r' {
		end++
	}
	return Span{start, end}
}

// sortedByPath returns docs in path order, as Snapshot.Docs promises and
// lookups by path rely on: docs itself when it already is, else a sorted
// copy.
func sortedByPath(docs []Document) []Document {
	less := func(a, b Document) int { return strings.Compare(a.Path, b.Path) }
	if slices.IsSortedFunc(docs, less) {
		return docs
	}
	docs = slices.Clone(docs)
	slices.SortFunc(docs, less)
	return docs
}

// SortFindings orders findings by path, start, end, code and message, so that
// output is stable.
func SortFindings(fs []Finding) {
	// Findings are large: sort their indexes, then move each finding once.
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &fs[i], &fs[j]
		return cmp.Or(
			strings.Compare(a.Path, b.Path),
			cmp.Compare(a.Span.Start, b.Span.Start),
			cmp.Compare(a.Span.End, b.Span.End),
			strings.Compare(a.Code, b.Code),
			strings.Compare(a.Message, b.Message),
		)
	})
	// Move them into place cycle by cycle rather than through a sorted
	// copy: a large workspace's findings are megabytes, and the copy
	// would be garbage at the moment of its analysis's peak memory.
	for k := range order {
		if order[k] < 0 || order[k] == k {
			continue
		}
		// fs[k] receives fs[order[k]], which receives fs[order[order[k]]],
		// ..., until the cycle comes back to k.
		held := fs[k]
		j := k
		for order[j] != k {
			next := order[j]
			fs[j] = fs[next]
			order[j] = -1
			j = next
		}
		fs[j] = held
		order[j] = -1
	}
}
