package analysis

// Incremental re-analysis (issue 17): a keystroke in a license of a large
// workspace changes one file. Analyze keeps what its last complete run of a
// workspace derived (lastRun) and, when the next snapshot differs from it
// only in a few license files whose contribution to the project is the same
// up to the shift of the edit, re-runs only those files' own rules and the
// record rules of their hashes, and splices the results into the last
// result. Everything else (the project rules over every card, manifest and
// license: lineage, notices, copies, thresholds; the profile) is reused.
//
// The contribution a license file makes to the project (its projection) is
// what the project rules read of it: the licenses identified in it, its own
// findings (clause findings feed thresholds, regions, policies and custom
// notices), its references and its first line, with every position mapped
// through the edit. Where an edit changes any of it, or where the project
// rules put a finding in that file, point into it or take text from it, the
// whole analysis runs again: the fast path only ever reuses what a full run
// would compute again identically (TestIncrementalEqualsFresh).

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/fineprint-dev/fineprint/analysis/record"
)

// maxEditedFiles is how many changed files the fast path takes on; more is
// no keystroke.
const maxEditedFiles = 4

// analyzeStats count what analyses did, for tests that pin which work a
// keystroke does (TestKeystrokeWorkIndependentOfWorkspaceSize).
type analyzeStats struct {
	full        atomic.Int64 // analyses that ran every rule over the snapshot
	edits       atomic.Int64 // analyses that re-ran only the edited files' rules
	projectDocs atomic.Int64 // documents the project rules visited
	fastVisited atomic.Int64 // files whose rules the fast path re-ran
	copies      atomic.Int64 // fixes whose copy of an edited text the fast path replaced
	hints       atomic.Int64 // record hints the fast path patched (editHint)
	cuts        atomic.Int64 // edits whose limits cut the fast path spliced rather than redid
	recChecked  atomic.Int64 // record findings the fast path checked for suppression comments
	spliced     atomic.Int64 // findings copied into whole lists of findings (findingSet), before or after the cut
	why         atomic.Value // string: why the last analysis ran in full
}

// lastRun is what the last complete analysis of a workspace derived.
type lastRun struct {
	root      string
	settings  *Profile
	date      string // the day record fixes are dated with
	cache     uintptr
	weights   []string
	markers   []string
	docs      []Document    // the snapshot's (shared: a snapshot is not changed once analysed)
	frs       []*fileResult // docs[i]'s
	files     map[string]*fileResult
	profile   Profile
	base      map[string][]Finding // profile and project findings after suppress, by path
	read      map[string]bool      // files the project rules read beyond their projection, or put references in
	pointers  map[string][]string  // file -> the paths whose base findings sit in, point into or copy it
	copies    map[string][]copySite
	rec       *recordInputs
	recByPath map[string][]Finding // the record findings after suppress
	ownRefs   int                  // res.References[:ownRefs] are the files' own
	res       *Result
	// uncapped are res.Findings before limits.findings cut them: a
	// keystroke replaces its paths' runs (findingSet.with) and copies
	// none of the others.
	uncapped *findingSet
	counts   map[Severity]int // uncapped's by severity
	line     capLine          // where they were cut
}

// copySite is an edit of a base finding's fix that carries the whole text
// of a file (a license copied where it is missing): base[path][k].Fixes[i].
// Edits[j].NewText holds it at offset at, n bytes long.
type copySite struct {
	path        string
	k, i, j, at int
	n           int
}

// remember keeps what a complete analysis of s derived for the next one.
func (a *Analyzer) remember(s *Snapshot, frs []*fileResult, files map[string]*fileResult, res *Result, uncapped *findingSet, line capLine, base []Finding, rec *recordInputs, ownRefs int, read, copied map[string]bool) {
	if s.Root == "" || rec.off || len(s.Docs) == 0 {
		return
	}
	lr := &lastRun{
		root: s.Root, settings: s.Settings, date: rec.now.Format(record.DateLayout), cache: funcID(s.ModelCache),
		weights: s.Weights, markers: s.Markers, docs: s.Docs, frs: frs, files: files,
		profile: res.Profile, base: map[string][]Finding{}, read: read, pointers: map[string][]string{},
		copies: map[string][]copySite{}, rec: rec, ownRefs: ownRefs, res: res, uncapped: uncapped, line: line,
		counts: severityCounts(uncapped.flat),
	}
	for _, r := range res.References[ownRefs:] {
		lr.read[r.Path] = true
	}
	texts := map[int][]*Document{} // the copied files by length
	for p := range copied {
		if d := docByPath(s, p); d != nil && len(d.Text) > 0 {
			texts[len(d.Text)] = append(texts[len(d.Text)], d)
		}
	}
	const wrapper = 64 // what a fix may add around a copied text (a Modelfile's LICENSE """ ... """)
	for _, f := range base {
		k := len(lr.base[f.Path])
		lr.base[f.Path] = append(lr.base[f.Path], f)
		into := map[string]bool{}
		touch(into, f)
		for i, fx := range f.Fixes {
			for j, e := range fx.Edits {
				var found []copySite
				var from []string
				for n := len(e.NewText) - wrapper; n <= len(e.NewText); n++ {
					for _, d := range texts[n] {
						if at := strings.Index(e.NewText, string(d.Text)); at >= 0 {
							found = append(found, copySite{path: f.Path, k: k, i: i, j: j, at: at, n: n})
							from = append(from, d.Path)
						}
					}
				}
				for x, p := range from {
					into[p] = true
					if len(from) > 1 {
						lr.read[p] = true // copies of one text: which one the fix took is unknown
					} else {
						lr.copies[p] = append(lr.copies[p], found[x])
					}
				}
			}
		}
		for p := range into {
			if ps := lr.pointers[p]; len(ps) == 0 || ps[len(ps)-1] != f.Path {
				lr.pointers[p] = append(ps, f.Path)
			}
		}
	}
	lr.recByPath = byPath(a.suppress(s, files, rec.findings()))
	a.mu.Lock()
	a.last = lr
	a.mu.Unlock()
}

// touch marks the files f sits in, points to or edits.
func touch(m map[string]bool, f Finding) {
	m[f.Path] = true
	for _, r := range f.Related {
		m[r.Path] = true
	}
	for _, fx := range f.Fixes {
		for _, e := range fx.Edits {
			m[e.Path] = true
		}
	}
}

// touches reports whether f sits in, points to or edits the file p.
func touches(f *Finding, p string) bool {
	if f.Path == p {
		return true
	}
	for _, r := range f.Related {
		if r.Path == p {
			return true
		}
	}
	for _, fx := range f.Fixes {
		for _, e := range fx.Edits {
			if e.Path == p {
				return true
			}
		}
	}
	return false
}

func byPath(fs []Finding) map[string][]Finding {
	m := map[string][]Finding{}
	for _, f := range fs {
		m[f.Path] = append(m[f.Path], f)
	}
	return m
}

func funcID(f func(string) ([]byte, []byte, bool)) uintptr {
	if f == nil {
		return 0
	}
	return reflect.ValueOf(f).Pointer()
}

// edited is one file an edit changed.
type edited struct {
	i        int
	old, cur *fileResult
	shift    shift
}

// analyzeEdit is Analyze for a snapshot that differs from the last one only
// in a few license files whose projection is unchanged; nil when s is not
// such a snapshot (Analyze then runs every rule), with the number of files
// it analysed afresh before it found out.
func (a *Analyzer) analyzeEdit(s *Snapshot) (*Result, int) {
	a.mu.Lock()
	lr := a.last
	a.last = nil // one analysis at a time uses it; a concurrent one runs in full
	a.mu.Unlock()
	if lr == nil {
		return nil, 0
	}
	res, why, fresh := a.tryEdit(s, lr)
	ok := why == ""
	if !ok {
		a.stats.why.Store(why)
	}
	a.mu.Lock()
	if ok || a.last == nil {
		// On failure lr still describes its snapshot (tryEdit patches it
		// only when it succeeds); the full run replaces it.
		a.last = lr
	}
	a.mu.Unlock()
	if !ok {
		return nil, fresh
	}
	a.stats.edits.Add(1)
	return res, 0
}

// tryEdit returns the result of the edit, or why it cannot take the fast
// path; fresh counts the files it analysed afresh either way.
func (a *Analyzer) tryEdit(s *Snapshot, lr *lastRun) (_ *Result, why string, fresh int) {
	if s.Root != lr.root || s.Settings != lr.settings || funcID(s.ModelCache) != lr.cache || len(s.Docs) != len(lr.docs) ||
		!slices.Equal(s.Weights, lr.weights) || !slices.Equal(s.Markers, lr.markers) {
		return nil, "snapshot", fresh
	}
	now := s.Now
	if now.IsZero() {
		now = recordClock()
	}
	if now.Format(record.DateLayout) != lr.date {
		return nil, "date", fresh
	}
	var eds []edited
	for i := range s.Docs {
		d, o := &s.Docs[i], &lr.docs[i]
		if d.Path != o.Path || d.Kind != o.Kind || d.TooLarge > 0 {
			return nil, "path", fresh
		}
		// An omitted file (Document.Omitted) gives the analysis nothing
		// whatever its bytes: the same size and kind is the same to it.
		if len(d.Text) == len(o.Text) && d.Size == o.Size && d.Omitted == o.Omitted && (len(d.Text) == 0 || &d.Text[0] == &o.Text[0]) {
			continue
		}
		if len(d.Text) == 0 || len(o.Text) == 0 || len(eds) == maxEditedFiles {
			return nil, "empty text or too many files", fresh
		}
		eds = append(eds, edited{i: i, old: lr.frs[i]})
	}
	for k := range eds {
		e := &eds[k]
		d := &s.Docs[e.i]
		if !editable(d) {
			return nil, "not editable", fresh
		}
		var changed bool
		e.cur, changed = a.analyzeFile(d)
		if changed {
			fresh++
		}
		a.stats.fastVisited.Add(1)
		if e.cur == e.old {
			continue // the text moved but its bytes are the same
		}
		if lr.read[d.Path] || e.old.commented || e.cur.commented {
			return nil, "read", fresh
		}
		e.shift = shiftOf(lr.docs[e.i].Text, d.Text)
		if !sameProjection(lr.docs[e.i].Text, d.Text, e.old, e.cur, e.shift) ||
			len(lr.copies[d.Path]) > 0 && bytes.Contains(lr.docs[e.i].Text, tripleQuote) != bytes.Contains(d.Text, tripleQuote) {
			return nil, "projection", fresh
		}
	}
	eds = slices.DeleteFunc(eds, func(e edited) bool { return e.cur == e.old })

	// The project's findings that sit in, point into or copy an edited
	// file: their positions follow the edit, their copies the new text.
	base := map[string][]Finding{} // the paths patched, copy on write
	copies := map[string][]copySite{}
	for _, e := range eds {
		p := s.Docs[e.i].Path
		for _, q := range lr.pointers[p] {
			fs, ok := base[q]
			if !ok {
				fs = slices.Clone(lr.base[q])
			}
			for k := range fs {
				if touches(&fs[k], p) {
					if fs[k], ok = shiftFinding(fs[k], p, e.shift); !ok {
						return nil, "a position in the edit", fresh
					}
				}
			}
			base[q] = fs
		}
		var text string
		if len(lr.copies[p]) > 0 {
			text = string(s.Docs[e.i].Text)
		}
		for _, c := range lr.copies[p] {
			f := &base[c.path][c.k]
			f.Fixes = slices.Clone(f.Fixes)
			f.Fixes[c.i].Edits = slices.Clone(f.Fixes[c.i].Edits)
			ed := &f.Fixes[c.i].Edits[c.j]
			if c.at == 0 && len(ed.NewText) == c.n {
				ed.NewText = text // the copy is the text: one string for every folder
			} else {
				ed.NewText = ed.NewText[:c.at] + text + ed.NewText[c.at+c.n:]
			}
			c.n = len(text)
			copies[p] = append(copies[p], c)
			a.stats.copies.Add(1)
		}
	}

	// The record: the edited files' hashes and policy references.
	rec := *lr.rec
	changed := map[string]*fileResult{}
	for _, e := range eds {
		changed[s.Docs[e.i].Path] = e.cur
	}
	files := lr.files
	for p, fr := range changed {
		files[p] = fr
	}
	restore := func() {
		for _, e := range eds {
			files[s.Docs[e.i].Path] = e.old
		}
	}
	// The record findings of the paths editRecord may have changed, after
	// suppress; those of every other path are lr.recByPath's.
	recNew := map[string][]Finding{}
	if rec.invalid == nil && !rec.off {
		recPaths := a.editRecord(s, files, &rec, eds, lr)
		var fs []Finding
		for _, f := range rec.findings() {
			if recPaths[f.Path] {
				fs = append(fs, f)
			}
		}
		for p := range recPaths {
			recNew[p] = nil
		}
		a.stats.recChecked.Add(int64(len(fs)))
		for _, f := range a.suppress(s, files, fs) {
			recNew[f.Path] = append(recNew[f.Path], f)
		}
	}
	recOf := func(p string) []Finding {
		if fs, ok := recNew[p]; ok {
			return fs
		}
		return lr.recByPath[p]
	}

	// The paths whose findings change: the edited files, and those whose
	// record findings differ.
	dirty := map[string]bool{}
	for p := range changed {
		dirty[p] = true
	}
	for p := range base {
		dirty[p] = true
	}
	for p, fs := range recNew {
		if old := lr.recByPath[p]; len(fs) != len(old) || len(fs) > 0 && !reflect.DeepEqual(fs, old) {
			dirty[p] = true
		}
	}
	paths := make([]string, 0, len(dirty))
	for p := range dirty {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	segments := make([][]Finding, len(paths))
	olds := make([][]Finding, len(paths)) // the paths' findings in lr.uncapped
	total := lr.uncapped.len()
	oldFrs := map[string]*fileResult{}
	for _, e := range eds {
		oldFrs[s.Docs[e.i].Path] = e.old
	}
	for k, p := range paths {
		fr := files[p]
		bs, ok := base[p]
		if !ok {
			bs = lr.base[p]
		}
		fs := a.decided(fr, bs, recOf(p), &lr.profile)
		old := lr.uncapped.of(p)
		if hasRepeatKey(fs) || hasRepeatKey(old) {
			// quietRepeats reads the findings of every file in order: the
			// new ones keep the old ones' severities when they repeat
			// the same models in the same order.
			ofr, ok := oldFrs[p]
			if !ok {
				ofr = fr
			}
			if !sameRepeats(a.decided(ofr, lr.base[p], lr.recByPath[p], &lr.profile), fs, old) {
				restore()
				return nil, "repeat", fresh
			}
		}
		segments[k] = boundPerFileAndCode(fs, MaxFindingsPerCode)
		olds[k] = old
		total += len(segments[k]) - len(old)
	}
	capped, uncapped, line, counts, kept := a.editCut(lr, paths, olds, segments, total)
	res := &Result{Profile: lr.profile, Models: lr.res.Models, Datasets: lr.res.Datasets, Reanalysed: len(eds), ID: a.ids.Add(1),
		findings: capped, Dropped: total - capped.len()}
	switch {
	case line != lr.line:
		// The cut moved: which findings of other files are kept may
		// have changed anywhere (no Base: a caller arranges it anew).
	case kept:
		res.Base, res.Dirty = lr.res.ID, paths // the same findings of other paths are kept
	case line.cut:
		res.Base, res.Dirty = lr.res.ID, cutPaths(lr.res.Findings(), capped.list(), paths)
	default:
		res.Base, res.Dirty = lr.res.ID, paths
	}
	res.Licenses, res.References = lr.res.Licenses, lr.res.References
	ownRefs := lr.ownRefs
	for _, e := range eds {
		p := s.Docs[e.i].Path
		res.Licenses = spliceByPath(res.Licenses, p, e.cur.licenses, func(l LicenseInfo) string { return l.Path })
		// The files' own references come first, by path; most edits
		// leave a license's references where they were, and the last
		// result's list is then this one's too.
		lo, _ := slices.BinarySearchFunc(res.References[:ownRefs], p, func(r Reference, p string) int { return strings.Compare(r.Path, p) })
		hi := lo
		for hi < ownRefs && res.References[hi].Path == p {
			hi++
		}
		if !slices.Equal(res.References[lo:hi], e.cur.references) {
			res.References = slices.Concat(res.References[:lo], e.cur.references, res.References[hi:])
			ownRefs += len(e.cur.references) - (hi - lo)
		}
	}

	for _, e := range eds {
		lr.frs[e.i] = e.cur
	}
	lr.docs = s.Docs // the same paths and kinds, every other text the same bytes
	for p, fs := range base {
		lr.base[p] = fs
	}
	for p, cs := range copies {
		lr.copies[p] = cs
	}
	for p, fs := range recNew {
		if len(fs) == 0 {
			delete(lr.recByPath, p)
		} else {
			lr.recByPath[p] = fs
		}
	}
	lr.uncapped = uncapped
	lr.rec, lr.ownRefs, lr.res, lr.line, lr.counts = &rec, ownRefs, res, line, counts
	return res, "", fresh
}

var tripleQuote = []byte(`"""`)

// editable reports a file the fast path can take an edit of: a license
// text that is not the project's NOTICE, nor one of fineprint's own files.
func editable(d *Document) bool {
	base := strings.ToLower(d.Path[strings.LastIndexByte(d.Path, '/')+1:])
	return d.Kind == KindLicense && !isNoticeFile(d.Path) && !strings.HasPrefix(base, "readme") &&
		d.Path != LockFile && d.Path != ProfileFile && !strings.HasPrefix(d.Path, ".fineprint/")
}

// editRecord redoes the record findings of the edited files: their hashes
// (one finding each, or the one hint that records them all) and their
// policy references. It returns the paths whose record findings may have
// changed: those of every other path are lr's.
func (a *Analyzer) editRecord(s *Snapshot, files map[string]*fileResult, rec *recordInputs, eds []edited, lr *lastRun) map[string]bool {
	paths := map[string]bool{}
	for _, e := range eds {
		paths[s.Docs[e.i].Path] = true
	}
	if len(lr.rec.licenses) == 1 {
		paths[lr.rec.licenses[0].Path] = true // the hint, which changes with any hash
	}
	rec.lfs = slices.Clone(rec.lfs)
	for _, e := range eds {
		d := &s.Docs[e.i]
		if j, ok := slices.BinarySearchFunc(rec.lfs, d.Path, func(lf licenseFile, p string) int { return strings.Compare(lf.Path, p) }); ok {
			one := licenseFiles(&Snapshot{Docs: s.Docs[e.i : e.i+1]}, &Result{Licenses: e.cur.licenses, Profile: lr.profile}, files)
			rec.lfs[j] = one[0]
		}
		refs := a.suppress(s, files, policyRefs(e.cur.findings, &lr.profile))
		if old := segment(rec.refs, d.Path); len(old) != 0 || len(refs) != 0 {
			// a new list: rec.refs is lr's too
			rec.refs = spliceByPath(rec.refs, d.Path, refs, func(f Finding) string { return f.Path })
		}
	}
	if rec.lockDoc == nil {
		if hint, ok := editHint(s, lr.rec, rec, eds); ok {
			rec.licenses = []Finding{hint}
			a.stats.hints.Add(1)
		} else {
			rec.licenses = a.licenseRecords(s, files, rec)
			for _, f := range lr.rec.licenses {
				paths[f.Path] = true
			}
		}
		for _, f := range rec.licenses {
			paths[f.Path] = true // the hint, or any finding when there was none
		}
	} else {
		ls := slices.Clone(rec.licenses)
		for _, e := range eds {
			p := s.Docs[e.i].Path
			var mine []Finding
			if j, ok := slices.BinarySearchFunc(rec.lfs, p, func(lf licenseFile, p string) int { return strings.Compare(lf.Path, p) }); ok {
				if f, ok := a.licenseRecordFinding(s, files, rec.lockDoc, rec.lock, rec.lfs[j], rec.now); ok {
					mine = []Finding{f}
				}
			}
			ls = spliceByPath(ls, p, mine, func(f Finding) string { return f.Path })
		}
		rec.licenses = ls
	}
	// The edited files' policy references are the same up to the shift
	// (sameProjection): so are the policy findings.
	cloned := false // rec.policies is lr's until one changes
	for _, e := range eds {
		p := s.Docs[e.i].Path
		for k, f := range rec.policies {
			if touches(&f, p) {
				if !cloned {
					rec.policies, cloned = slices.Clone(rec.policies), true
				}
				rec.policies[k], _ = shiftFinding(f, p, e.shift) // the references' positions map
				paths[f.Path] = true
			}
		}
	}
	return paths
}

// editCut is capFindingsAt for the findings of an edit: lr's uncapped
// ones with the runs olds of paths replaced by segments, total in all.
// It returns them cut and uncut, where it cut and their counts by
// severity. When the cut stays where it was and no path changed its
// number of findings at the line's severity, which findings of every
// other path are kept is unchanged (kept): the result is lr's with the
// kept part of each path's segment in place, without a pass over all
// findings. Either list shares every other path's findings with lr's.
func (a *Analyzer) editCut(lr *lastRun, paths []string, olds, segments [][]Finding, total int) (capped, uncapped *findingSet, _ capLine, counts map[Severity]int, kept bool) {
	counts = maps.Clone(lr.counts)
	for k := range paths {
		for _, f := range olds[k] {
			if counts[f.Severity]--; counts[f.Severity] == 0 {
				delete(counts, f.Severity)
			}
		}
		for _, f := range segments[k] {
			counts[f.Severity]++
		}
	}
	uncapped = lr.uncapped.with(paths, segments)
	max := lr.profile.Limits.MaxFindings()
	if total <= max {
		return uncapped, uncapped, capLine{}, counts, false
	}
	line := lineOf(counts, max)
	at := func(fs []Finding) (n int) {
		for _, f := range fs {
			if f.Severity == line.sev {
				n++
			}
		}
		return n
	}
	recut := func() (*findingSet, *findingSet, capLine, map[Severity]int, bool) {
		out, _ := capFindingsAt(uncapped.list(), max)
		return newFindingSet(out, &a.stats.spliced), uncapped, line, counts, false
	}
	if line != lr.line {
		return recut()
	}
	keptSegs := make([][]Finding, len(paths))
	for k, p := range paths {
		if at(olds[k]) != at(segments[k]) {
			return recut()
		}
		// as many of the line's severity as the cut kept of p before
		keptSegs[k] = keepAbove(nil, segments[k], line.sev, at(lr.res.findings.of(p)))
	}
	a.stats.cuts.Add(1)
	return lr.res.findings.with(paths, keptSegs), uncapped, line, counts, true
}

// editHint is recordAll's hint for rec, made from the last one (of old)
// by patching the edited files' hashes into the lock its fix writes and
// their texts into the copies: writing out the lock of every license file
// again costs more than the rest of a keystroke in a large workspace.
func editHint(s *Snapshot, old, rec *recordInputs, eds []edited) (Finding, bool) {
	if len(old.licenses) != 1 || len(old.lfs) != len(rec.lfs) {
		return Finding{}, false
	}
	h := old.licenses[0]
	if len(h.Fixes) != 1 || len(h.Fixes[0].Edits) != 1+len(rec.lfs) {
		return Finding{}, false
	}
	edits := slices.Clone(h.Fixes[0].Edits)
	lock := edits[0].NewText
	const sha = `"sha256": "`
	for _, e := range eds {
		p := s.Docs[e.i].Path
		j, ok := slices.BinarySearchFunc(rec.lfs, p, func(lf licenseFile, p string) int { return strings.Compare(lf.Path, p) })
		if !ok {
			continue
		}
		o, n := old.lfs[j], rec.lfs[j]
		var key bytes.Buffer
		enc := json.NewEncoder(&key)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(p); err != nil || o.License != n.License || o.Path != p {
			return Finding{}, false
		}
		k := `"path": ` + strings.TrimSuffix(key.String(), "\n") + ",\n"
		at := strings.Index(lock, k)
		if at < 0 || strings.Contains(lock[at+len(k):], k) {
			return Finding{}, false
		}
		at += len(k)
		x := strings.Index(lock[at:], sha)
		if x < 0 || !strings.HasPrefix(lock[at+x+len(sha):], o.SHA256+`"`) {
			return Finding{}, false
		}
		at += x + len(sha)
		lock = lock[:at] + n.SHA256 + lock[at+len(o.SHA256):]
		edits[1+j] = licenseCopyEdit(docByPath(s, record.LicenseCopyPath(p)), n)
	}
	edits[0].NewText = lock
	for _, e := range eds {
		if p := s.Docs[e.i].Path; h.Path == p {
			j, _ := slices.BinarySearchFunc(rec.lfs, p, func(lf licenseFile, p string) int { return strings.Compare(lf.Path, p) })
			h.Span = rec.lfs[j].Title
		}
	}
	h.Fixes = []Fix{{Title: h.Fixes[0].Title, Edits: edits}}
	return h, true
}

// spliceByPath replaces the run of xs (in path order) whose path is p with
// ys, in a new slice.
func spliceByPath[T any](xs []T, p string, ys []T, pathOf func(T) string) []T {
	lo, _ := slices.BinarySearchFunc(xs, p, func(x T, p string) int { return strings.Compare(pathOf(x), p) })
	hi := lo
	for hi < len(xs) && pathOf(xs[hi]) == p {
		hi++
	}
	out := make([]T, 0, len(xs)-(hi-lo)+len(ys))
	out = append(out, xs[:lo]...)
	out = append(out, ys...)
	return append(out, xs[hi:]...)
}

// cutPaths adds to dirty (sorted) the paths whose findings a cut at the
// same line keeps a different number of in cur than in old, both sorted
// by path: the cut keeps a prefix of each file's findings of its
// severity, so the same number is the same findings.
func cutPaths(old, cur []Finding, dirty []string) []string {
	out := slices.Clone(dirty)
	i, j := 0, 0
	for i < len(old) || j < len(cur) {
		var p string
		if j >= len(cur) || i < len(old) && old[i].Path < cur[j].Path {
			p = old[i].Path
		} else {
			p = cur[j].Path
		}
		n := 0
		for ; i < len(old) && old[i].Path == p; i++ {
			n++
		}
		for ; j < len(cur) && cur[j].Path == p; j++ {
			n--
		}
		if _, found := slices.BinarySearch(dirty, p); n != 0 && !found {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// segment is the run of the sorted findings fs in path p.
func segment(fs []Finding, p string) []Finding {
	lo, _ := slices.BinarySearchFunc(fs, p, func(f Finding, p string) int { return strings.Compare(f.Path, p) })
	hi := lo
	for hi < len(fs) && fs[hi].Path == p {
		hi++
	}
	return fs[lo:hi]
}

// spliceFindings replaces the runs of the sorted findings fs in paths (in
// order) with segments.
func spliceFindings(fs []Finding, paths []string, segments [][]Finding, total int) []Finding {
	out := make([]Finding, 0, total)
	at := 0
	for k, p := range paths {
		lo, _ := slices.BinarySearchFunc(fs[at:], p, func(f Finding, p string) int { return strings.Compare(f.Path, p) })
		lo += at
		hi := lo
		for hi < len(fs) && fs[hi].Path == p {
			hi++
		}
		out = append(out, fs[at:lo]...)
		out = append(out, segments[k]...)
		at = hi
	}
	return append(out, fs[at:]...)
}

// decided are the findings of one file, own, of the project and of the
// record, as Analyze has them before quietRepeats.
func (a *Analyzer) decided(fr *fileResult, base, rec []Finding, p *Profile) []Finding {
	var fs []Finding
	if fr != nil {
		fs = append(fs, fr.findings...)
	}
	fs = append(fs, base...)
	fs = append(fs, rec...)
	fs = a.decide(fs, p)
	SortFindings(fs)
	return fs
}

// sameRepeats reports whether the findings cur of a file (before
// quietRepeats) name the same models, datasets and packages at the same
// severities and in the same order as before (prev, with old the same
// findings as the last result has them), and then gives cur's the
// severities quietRepeats gave old's: what the files after it see is
// unchanged. Bounded runs of such findings are not matched.
func sameRepeats(prev, cur, old []Finding) bool {
	type key struct {
		code, id string
		sev      Severity
	}
	keys := func(fs []Finding) (out []key, idx []int) {
		for i, f := range fs {
			if datum, ok := repeatKeys[f.Code]; ok {
				id, _ := f.Data[datum].(string)
				out = append(out, key{f.Code, strings.ToLower(id), f.Severity})
				idx = append(idx, i)
			}
		}
		return out, idx
	}
	pk, _ := keys(prev)
	ck, ci := keys(cur)
	_, oi := keys(old)
	if !slices.Equal(pk, ck) || len(oi) != len(ci) || len(ci) > MaxFindingsPerCode {
		return false
	}
	for n, i := range ci {
		cur[i].Severity = old[oi[n]].Severity
	}
	return true
}

func hasRepeatKey(fs []Finding) bool {
	for _, f := range fs {
		if _, ok := repeatKeys[f.Code]; ok {
			return true
		}
	}
	return false
}

// shift maps positions of a file's old text to its new one: the edit
// replaced old[lo:oldHi] with new[lo:oldHi+delta].
type shift struct{ lo, oldHi, delta int }

func shiftOf(old, cur []byte) shift {
	n := min(len(old), len(cur))
	lo := 0
	for lo < n && old[lo] == cur[lo] {
		lo++
	}
	suffix := 0
	for suffix < n-lo && old[len(old)-1-suffix] == cur[len(cur)-1-suffix] {
		suffix++
	}
	return shift{lo: lo, oldHi: len(old) - suffix, delta: len(cur) - len(old)}
}

// start maps the start of a range; ok is false inside the replaced text.
func (sh shift) start(x int) (int, bool) {
	switch {
	case x < sh.lo:
		return x, true
	case x >= sh.oldHi:
		return x + sh.delta, true
	}
	return 0, false
}

// end maps the end of a range.
func (sh shift) end(x int) (int, bool) {
	switch {
	case x <= sh.lo:
		return x, true
	case x >= sh.oldHi:
		return x + sh.delta, true
	}
	return 0, false
}

func (sh shift) span(sp Span) (Span, bool) {
	s, ok1 := sh.start(sp.Start)
	e, ok2 := sh.end(sp.End)
	return Span{s, e}, ok1 && ok2
}

// sameProjection reports whether the new version of a license file gives
// the project the same as the old one, positions mapped through sh.
func sameProjection(oldText, curText []byte, old, cur *fileResult, sh shift) bool {
	if !reflect.DeepEqual(old.facts, modelFacts{}) || !reflect.DeepEqual(cur.facts, modelFacts{}) ||
		len(old.licenses) != len(cur.licenses) || len(old.findings) != len(cur.findings) || len(old.references) != len(cur.references) {
		return false
	}
	for _, l := range old.licenses {
		if copyrightLicenses[l.ID] {
			return false // the copyright rule reads the whole text
		}
	}
	ofl, cfl := firstLine(oldText), firstLine(curText)
	if m, ok := sh.span(ofl); !ok || m != cfl || string(oldText[ofl.Start:ofl.End]) != string(curText[cfl.Start:cfl.End]) {
		return false
	}
	for i, l := range old.licenses {
		var ok1, ok2 bool
		l.Span, ok1 = sh.span(l.Span)
		l.Title, ok2 = sh.span(l.Title)
		if !ok1 || !ok2 || l != cur.licenses[i] {
			return false
		}
	}
	for i, r := range old.references {
		var ok bool
		if r.Span, ok = sh.span(r.Span); !ok || r != cur.references[i] {
			return false
		}
	}
	p := ""
	if len(old.licenses) > 0 {
		p = old.licenses[0].Path
	}
	custom := false // customNoticeFindings reads where quoted notice and attribution clauses are
	for _, l := range old.licenses {
		custom = custom || (l.ID == "" || l.Modified) && !l.Policy
	}
	for i := range old.findings {
		f, ok := shiftFinding(old.findings[i], p, sh)
		if ok && reflect.DeepEqual(f, cur.findings[i]) {
			continue
		}
		// Typing inside a clause moves its ends, not only those after the
		// edit. The project rules read where a finding is only for a
		// policy reference (the record's policy findings sit there) and
		// a quoted notice of a license fineprint does not know.
		f = old.findings[i]
		if text, _ := f.Data["text"].(string); f.Code == "clause/policy-by-reference" || custom && text != "" {
			return false
		}
		f.Path = "" // its span is not mapped
		f, ok = shiftFinding(f, p, sh)
		f.Path, f.Span = old.findings[i].Path, cur.findings[i].Span
		if !ok || !reflect.DeepEqual(f, cur.findings[i]) {
			return false
		}
	}
	return true
}

// shiftFinding maps the positions of f in the file p through sh.
func shiftFinding(f Finding, p string, sh shift) (Finding, bool) {
	if p == "" {
		p = f.Path
	}
	ok := true
	mapped := func(path string, sp Span) Span {
		if path != p {
			return sp
		}
		m, good := sh.span(sp)
		ok = ok && good
		return m
	}
	f.Span = mapped(f.Path, f.Span)
	if f.Related != nil {
		rs := slices.Clone(f.Related)
		for i := range rs {
			rs[i].Span = mapped(rs[i].Path, rs[i].Span)
		}
		f.Related = rs
	}
	if f.Fixes != nil {
		fxs := slices.Clone(f.Fixes)
		for i := range fxs {
			es := slices.Clone(fxs[i].Edits)
			for j := range es {
				es[j].Span = mapped(es[j].Path, es[j].Span)
			}
			fxs[i].Edits = es
		}
		f.Fixes = fxs
	}
	return f, ok
}
