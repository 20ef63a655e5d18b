package analysis

// This file compares the workspace with fineprint.lock (docs/record.md).
//
// What is recorded: every license file of the workspace (KindLicense) except
// NOTICE files, which are the project's own and change with every notice it
// adds, and except paths the profile ignores. Before the project keeps a
// record (no fineprint.lock yet), one hint on its first license file
// offers to record them all; once the lock exists, record/unrecorded
// fires for each license file not in it, at its default severity
// information. Turn it off in the profile (rules: record/unrecorded: off)
// if you do not keep a record.
//
// Each recorded license file also has a copy of its recorded text at
// record.LicenseCopyPath(path), written by `fineprint record` and by the
// fixes of record/unrecorded and record/stale. When the copy still holds the
// recorded text, record/stale carries a line diff of it against the current
// file (data "diff" and "recorded_copy").
//
// Referenced policies are the "url" of clause/policy-by-reference findings.
// Each one's copy lives at record.PolicyPath(url), or record.CopyPath's
// unique name when another URL's copy has that name; the lock's sha256 covers
// the copy's body (below the header comment). A copy whose body differs from
// the lock is policy/changed; when `fineprint record --fetch` brought the new
// text, the recorded one is kept beside it as a dated copy
// (record.ArchivePath) and the finding's data holds a line diff of the two.

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fineprint-dev/fineprint/analysis/manifest"
	"github.com/fineprint-dev/fineprint/analysis/record"
)

// recordClock is the time fixes are dated with; tests replace it.
var recordClock = time.Now

// recordFindings reports licenses and policies not recorded, or changed
// since they were recorded.
func (a *Analyzer) recordFindings(s *Snapshot, files map[string]*fileResult, res *Result) []Finding {
	return a.recordState(s, files, res).findings()
}

// recordInputs is what the record findings of a snapshot are made of, kept
// so that an edit of one license file redoes only that file's part
// (incremental.go).
type recordInputs struct {
	lockDoc  *Document
	lock     record.Lock
	invalid  []Finding // the lock does not parse: the only record finding
	now      time.Time
	lfs      []licenseFile // in path order
	licenses []Finding     // recordAll's hint, or one finding per license file at most
	refs     []Finding     // the policy references, suppressed, in path order
	policies []Finding
	off      bool // a document analysed on its own keeps no record
}

func (ri *recordInputs) findings() []Finding {
	if ri.invalid != nil {
		return slices.Clone(ri.invalid)
	}
	return append(slices.Clone(ri.licenses), ri.policies...)
}

// recordState computes the record findings of s with what they are made of.
func (a *Analyzer) recordState(s *Snapshot, files map[string]*fileResult, res *Result) *recordInputs {
	ri := &recordInputs{}
	if s.Root == "" {
		ri.off = true
		return ri
	}
	ri.lockDoc = docByPath(s, LockFile)
	if ri.lockDoc != nil {
		var err error
		if ri.lock, err = record.Parse(ri.lockDoc.Text); err != nil {
			ri.invalid = []Finding{a.lockInvalid(ri.lockDoc, err)}
			return ri
		}
	}
	ri.now = s.Now
	if ri.now.IsZero() {
		ri.now = recordClock()
	}
	ri.lfs = licenseFiles(s, res, files)
	ri.licenses = a.licenseRecords(s, files, ri)
	ri.refs = a.suppress(s, files, policyRefs(res.Findings(), &res.Profile))
	ri.policies = a.policyRecordFindings(s, ri.lock, ri.refs, ri.now)
	return ri
}

// licenseRecords are the record findings of ri's license files.
func (a *Analyzer) licenseRecords(s *Snapshot, files map[string]*fileResult, ri *recordInputs) []Finding {
	if ri.lockDoc == nil {
		if len(ri.lfs) == 0 {
			return nil
		}
		return []Finding{a.recordAll(s, ri.lfs, ri.now)}
	}
	var out []Finding
	for _, lf := range ri.lfs {
		if f, ok := a.licenseRecordFinding(s, files, ri.lockDoc, ri.lock, lf, ri.now); ok {
			out = append(out, f)
		}
	}
	return out
}

func docByPath(s *Snapshot, p string) *Document {
	i := sort.Search(len(s.Docs), func(i int) bool { return s.Docs[i].Path >= p })
	if i < len(s.Docs) && s.Docs[i].Path == p {
		return &s.Docs[i]
	}
	return nil
}

// lockInvalid reports a fineprint.lock that does not parse. The code
// record/invalid needs an entry in the knowledge base's rules.
func (a *Analyzer) lockInvalid(d *Document, err error) Finding {
	off := 0
	msg := err.Error()
	var e *record.Error
	if errors.As(err, &e) {
		off, msg = min(max(e.Offset, 0), len(d.Text)), e.Msg
	}
	end := off
	for end < len(d.Text) && d.Text[end] != '\n' && d.Text[end] != '\r' {
		end++
	}
	if errors.Is(err, record.ErrInterrupted) {
		// The commit of a record was killed half way (internal/recorder).
		return a.finding("record/invalid", d.Path, Span{off, end},
			"A fineprint record was interrupted while renaming its files, so some recorded copies may be newer than the lock; run fineprint record to complete it.", "", nil)
	}
	return a.finding("record/invalid", d.Path, Span{off, end},
		fmt.Sprintf("fineprint.lock cannot be read (%s), so nothing counts as recorded; fix it, or delete it and run fineprint record.", msg), "", nil)
}

// licenseFile is one license file the record covers.
type licenseFile struct {
	Path    string
	License string // first identified license id, "" when unidentified
	SHA256  string
	Text    []byte
	Title   Span // where findings about it attach
}

// licenseFiles lists the license files of s that the record covers. files,
// when not nil, holds this analysis's per-file results, whose cached hashes
// spare hashing every license on every keystroke.
func licenseFiles(s *Snapshot, res *Result, files map[string]*fileResult) []licenseFile {
	identified := map[string]LicenseInfo{} // each file's first identified license
	for _, l := range res.Licenses {
		if _, seen := identified[l.Path]; !seen && l.ID != "" {
			identified[l.Path] = l
		}
	}
	var out []licenseFile
	for i := range s.Docs {
		d := &s.Docs[i]
		if d.Kind != KindLicense || strings.HasPrefix(strings.ToLower(path.Base(d.Path)), "notice") || ignoredPath(res.Profile.Ignore, d.Path) {
			continue
		}
		lf := licenseFile{Path: d.Path, Text: d.Text, Title: firstLine(d.Text)}
		if fr := files[d.Path]; fr != nil {
			lf.SHA256 = fr.recordSum(d.Text)
		} else {
			lf.SHA256 = record.Sum(d.Text)
		}
		if l, ok := identified[d.Path]; ok {
			lf.License = l.ID
			if l.Title.End > l.Title.Start {
				lf.Title = l.Title
			}
		}
		out = append(out, lf)
	}
	return out
}

func (a *Analyzer) licenseRecordFinding(s *Snapshot, files map[string]*fileResult, lockDoc *Document, lock record.Lock, lf licenseFile, now time.Time) (Finding, bool) {
	e := lock.License(lf.Path)
	if e != nil && e.SHA256 == lf.SHA256 {
		return Finding{}, false
	}
	fresh := record.LicenseEntry{Path: lf.Path, License: lf.License, SHA256: lf.SHA256, Recorded: now.Format(record.DateLayout)}
	copyDoc := docByPath(s, record.LicenseCopyPath(lf.Path))
	edits := recordEdits(files, lockDoc, lock, copyDoc, lf, fresh)
	if e == nil {
		f := a.finding("record/unrecorded", lf.Path, lf.Title,
			fmt.Sprintf("%s is not recorded in fineprint.lock yet, so a later change to it would go unnoticed.", lf.Path), lf.License, nil)
		f.Fixes = []Fix{{Title: "Record " + lf.Path + " in fineprint.lock", Edits: edits}}
		return f, true
	}
	data := map[string]any{"recorded": e.Recorded, "old_sha256": e.SHA256, "new_sha256": lf.SHA256}
	// The copy shows what changed only while it is the recorded text; a
	// copy edited by hand (or from an older record) proves nothing.
	if copyDoc != nil && record.Sum(copyDoc.Text) == e.SHA256 {
		data["diff"] = record.Diff(copyDoc.Text, lf.Text)
		data["recorded_copy"] = copyDoc.Path
	}
	f := a.finding("record/stale", lf.Path, lf.Title,
		fmt.Sprintf("%s has changed since it was recorded on %s; review what changed before you rely on it again.", lf.Path, e.Recorded), lf.License, data)
	f.Fixes = []Fix{{Title: "Record the current " + lf.Path + " in fineprint.lock", Edits: edits}}
	return f, true
}

// recordAll is the one hint of a project that keeps no record yet: on its
// first license file (the shallowest), with a fix that records every
// license file at once, so that applying it leaves no record finding.
func (a *Analyzer) recordAll(s *Snapshot, lfs []licenseFile, now time.Time) Finding {
	first := lfs[0]
	for _, lf := range lfs[1:] {
		if strings.Count(lf.Path, "/") < strings.Count(first.Path, "/") {
			first = lf
		}
	}
	lock := record.Lock{Version: record.Version, Licenses: []record.LicenseEntry{}, Policies: []record.PolicyEntry{}}
	var copies []Edit
	for _, lf := range lfs {
		lock.Licenses = append(lock.Licenses, record.LicenseEntry{Path: lf.Path, License: lf.License, SHA256: lf.SHA256, Recorded: now.Format(record.DateLayout)})
		copies = append(copies, licenseCopyEdit(docByPath(s, record.LicenseCopyPath(lf.Path)), lf))
	}
	lock.Sort()
	msg := first.Path + " is not recorded yet: fineprint record keeps its hash and the date in fineprint.lock, so that a later change is noticed."
	title := "Record " + first.Path + " in fineprint.lock"
	if len(lfs) > 1 {
		msg = fmt.Sprintf("The project's %d license files are not recorded yet: fineprint record keeps their hashes and the date in fineprint.lock, so that a later change is noticed.", len(lfs))
		title = fmt.Sprintf("Record the %d license files in fineprint.lock", len(lfs))
	}
	f := a.finding("record/unrecorded", first.Path, first.Title, msg, first.License,
		map[string]any{"files": len(lfs)})
	f.Severity = SeverityHint
	f.Fixes = []Fix{{Title: title, Edits: append([]Edit{{Path: LockFile, Create: true, NewText: string(record.Marshal(lock))}}, copies...)}}
	return f
}

// recordFixKey is what a license file's record fix depends on besides the
// file itself: the lock's bytes, the length of the recorded copy (-1: none),
// the date and the identified license.
type recordFixKey struct {
	lockSum           uint64
	lockSize, copyLen int // lockSize is 0 without a lock, else its size + 1
	recorded, license string
}

type recordFix struct {
	key   recordFixKey
	edits []Edit
}

// recordEdits returns the edits that record lf: the lock rewritten with
// fresh in it, and the recorded copy. Both are kept with the file's cached
// result while the lock, the copy and the date stay the same, because
// building them means writing out the whole lock, once per unrecorded
// license on every keystroke otherwise. The edits are shared: read only.
func recordEdits(files map[string]*fileResult, lockDoc *Document, lock record.Lock, copyDoc *Document, lf licenseFile, fresh record.LicenseEntry) []Edit {
	build := func() []Edit { return []Edit{lockEdit(lockDoc, lock, fresh), licenseCopyEdit(copyDoc, lf)} }
	fr := files[lf.Path]
	if fr == nil {
		return build()
	}
	key := recordFixKey{copyLen: -1, recorded: fresh.Recorded, license: fresh.License}
	if lockDoc != nil {
		lfr := files[lockDoc.Path]
		if lfr == nil {
			return build()
		}
		key.lockSum, key.lockSize = lfr.sum, lfr.size+1
	}
	if copyDoc != nil {
		key.copyLen = len(copyDoc.Text)
	}
	fr.recordFixMu.Lock()
	defer fr.recordFixMu.Unlock()
	if fr.recordFix == nil || fr.recordFix.key != key {
		fr.recordFix = &recordFix{key: key, edits: build()}
	}
	return fr.recordFix.edits
}

// licenseCopyEdit writes the recorded copy of a license file (see
// record.LicensesDir): a Create when there is none yet, else a rewrite.
func licenseCopyEdit(copyDoc *Document, lf licenseFile) Edit {
	if copyDoc == nil {
		return Edit{Path: record.LicenseCopyPath(lf.Path), Create: true, NewText: textString(lf.Text)} // retain.go
	}
	return Edit{Path: copyDoc.Path, Span: Span{0, len(copyDoc.Text)}, NewText: textString(lf.Text)}
}

// lockEdit writes lock with entry added or replaced: a Create when there is
// no fineprint.lock yet, else a rewrite of the whole file.
func lockEdit(lockDoc *Document, lock record.Lock, entry record.LicenseEntry) Edit {
	l := lock
	l.Licenses = append(slices.DeleteFunc(slices.Clone(lock.Licenses), func(e record.LicenseEntry) bool { return e.Path == entry.Path }), entry)
	text := string(record.Marshal(l))
	if lockDoc == nil {
		return Edit{Path: LockFile, Create: true, NewText: text}
	}
	return Edit{Path: LockFile, Span: Span{0, len(lockDoc.Text)}, NewText: text}
}

// PolicyCopyEdit creates the copy file of the policy at url with a header
// naming the URL and the date, for the user to paste the policy's text
// below. It is the fix of policy/not-recorded, and what the server's
// fineprint.recordPolicy command does offline.
func PolicyCopyEdit(url string, now time.Time) Edit {
	return PolicyCopyEditAt(record.PolicyPath(url), url, now)
}

// PolicyCopyEditAt is PolicyCopyEdit for a copy at copyPath
// (record.CopyPath).
func PolicyCopyEditAt(copyPath, url string, now time.Time) Edit {
	return Edit{Path: copyPath, Create: true, NewText: record.CopyHeader(url, now, true)}
}

// policyCopyPath is where the copy of the policy at url lives in s
// (record.CopyPath: another URL's copy never stands for it).
func policyCopyPath(s *Snapshot, url string) string {
	return record.CopyPath(url, func(p string) ([]byte, bool) {
		if d := docByPath(s, p); d != nil {
			return d.Text, true
		}
		return nil, false
	})
}

// RecordFindings are the record/* and policy/* findings of a snapshot whose
// other findings are res (before or after the profile is applied), at rule
// default severities. Analyze includes them; the recorder uses them to
// check its own work.
func (a *Analyzer) RecordFindings(s *Snapshot, res *Result) []Finding {
	return a.recordFindings(s, nil, res)
}

// PolicyURLs are the URLs of the policies the licenses in res refer to, in
// order of first mention: what `fineprint record --fetch` downloads.
func PolicyURLs(res *Result) []string {
	var out []string
	seen := map[string]bool{}
	for _, ref := range policyRefs(res.Findings(), &res.Profile) {
		url := ref.Data["url"].(string)
		if !seen[url] {
			seen[url] = true
			out = append(out, url)
		}
	}
	return out
}

// policyRefs lists the policy URLs that clause/policy-by-reference findings
// name, with the first finding naming each (per file). Findings the profile
// turns off or ignores do not count, so that the findings and the recorder
// agree on what is referenced.
func policyRefs(fs []Finding, p *Profile) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, f := range fs {
		url, _ := f.Data["url"].(string)
		if f.Code != "clause/policy-by-reference" || url == "" || seen[f.Path+"\x00"+url] {
			continue
		}
		if p.Rules[f.Code] == "off" || ignoredPath(p.Ignore, f.Path) {
			continue
		}
		seen[f.Path+"\x00"+url] = true
		out = append(out, f)
	}
	return out
}

func (a *Analyzer) policyRecordFindings(s *Snapshot, lock record.Lock, refs []Finding, now time.Time) []Finding {
	var out []Finding
	changedSeen := map[string]bool{}
	for _, ref := range refs {
		url := ref.Data["url"].(string)
		copyPath := policyCopyPath(s, url)
		copyDoc := docByPath(s, copyPath)
		e := lock.Policy(url)
		if e == nil || (copyDoc == nil && docByPath(s, e.Path) == nil) {
			out = append(out, a.policyNotRecorded(ref, url, copyPath, copyDoc, e, now))
			continue
		}
		if copyDoc == nil || changedSeen[url] {
			continue
		}
		c := record.ParseCopy(copyDoc.Text)
		if record.Sum(c.Body) == e.SHA256 {
			continue
		}
		changedSeen[url] = true
		out = append(out, a.policyChanged(s, lock, ref, url, copyDoc, c, e, now))
	}
	return out
}

func (a *Analyzer) policyNotRecorded(ref Finding, url, copyPath string, copyDoc *Document, e *record.PolicyEntry, now time.Time) Finding {
	var msg string
	switch {
	case e != nil:
		msg = fmt.Sprintf("The recorded copy of the policy at %s (%s) is missing, so what you agreed to is no longer on file.", url, e.Path)
	case copyDoc == nil:
		msg = fmt.Sprintf("The policy at %s is part of this license but no dated copy of it is recorded, so a later change to it would go unnoticed.", url)
	case record.ParseCopy(copyDoc.Text).Blank():
		msg = fmt.Sprintf("The copy of the policy at %s in %s is still empty; paste the policy's text into it and run fineprint record.", url, copyPath)
	default:
		msg = fmt.Sprintf("The copy of the policy at %s in %s is not in fineprint.lock yet; run fineprint record to record it.", url, copyPath)
	}
	f := a.finding("policy/not-recorded", ref.Path, ref.Span, msg, ref.License, map[string]any{"url": url, "copy": copyPath})
	if copyDoc == nil {
		f.Fixes = []Fix{{Title: "Create " + copyPath + " to paste the policy into", Edits: []Edit{PolicyCopyEditAt(copyPath, url, now)}}}
	}
	return f
}

func (a *Analyzer) policyChanged(s *Snapshot, lock record.Lock, ref Finding, url string, copyDoc *Document, c record.Copy, e *record.PolicyEntry, now time.Time) Finding {
	data := map[string]any{"url": url, "recorded": e.Retrieved, "old_sha256": e.SHA256, "new_sha256": record.Sum(c.Body)}
	msg := fmt.Sprintf("The policy at %s differs from the copy recorded on %s; review the change and run fineprint record to accept it.", url, dateOf(e.Retrieved))
	if old := docByPath(s, e.Path); old != nil && e.Path != copyDoc.Path {
		data["diff"] = record.Diff(record.ParseCopy(old.Text).Body, c.Body)
		data["recorded_copy"] = e.Path
	} else {
		data["diff"] = ""
	}
	sp := Span{c.URLStart, c.URLEnd}
	if sp.End == 0 {
		sp = firstLine(copyDoc.Text)
	}
	f := a.finding("policy/changed", copyDoc.Path, sp, msg, ref.License, data)
	f.Related = []Related{{Path: ref.Path, Span: ref.Span, Message: "the license that refers to this policy"}}
	retrieved := c.Retrieved
	if retrieved.IsZero() {
		retrieved = now
	}
	accepted := record.PolicyEntry{URL: url, Path: copyDoc.Path, SHA256: record.Sum(c.Body), Retrieved: retrieved.UTC().Format(time.RFC3339)}
	f.Fixes = []Fix{{Title: "Accept the new text of " + url + " in fineprint.lock", Edits: []Edit{lockPolicyEdit(docByPath(s, LockFile), lock, accepted)}}}
	return f
}

// lockPolicyEdit rewrites fineprint.lock with entry replacing the policy's
// entry; the lock exists, since only a recorded policy can change.
func lockPolicyEdit(lockDoc *Document, lock record.Lock, entry record.PolicyEntry) Edit {
	l := lock
	l.Policies = append(slices.DeleteFunc(slices.Clone(lock.Policies), func(e record.PolicyEntry) bool { return e.URL == entry.URL }), entry)
	return Edit{Path: LockFile, Span: Span{0, len(lockDoc.Text)}, NewText: string(record.Marshal(l))}
}

func dateOf(rfc3339 string) string {
	if t, err := time.Parse(time.RFC3339, rfc3339); err == nil {
		return t.UTC().Format(record.DateLayout)
	}
	return rfc3339
}

// BuildLock returns the lock that records the workspace as it is now:
// every license file and every referenced policy whose copy holds text.
// Entries of prev whose file is unchanged are kept as they are, dates
// included, so recording twice with nothing changed gives the same bytes.
// The policies named in hold keep their entry in prev unchanged (the
// recorder holds a policy whose re-fetch differs until the user has
// reviewed it).
func BuildLock(prev record.Lock, res *Result, docs []Document, now time.Time, hold ...string) record.Lock {
	s := &Snapshot{Docs: sortedByPath(docs)}
	out := record.Lock{Version: record.Version, Licenses: []record.LicenseEntry{}, Policies: []record.PolicyEntry{}}
	for _, lf := range licenseFiles(s, res, nil) {
		e := record.LicenseEntry{Path: lf.Path, License: lf.License, SHA256: lf.SHA256, Recorded: now.Format(record.DateLayout)}
		if p := prev.License(lf.Path); p != nil && p.SHA256 == lf.SHA256 {
			e.Recorded = p.Recorded
		}
		out.Licenses = append(out.Licenses, e)
	}
	held := map[string]bool{}
	for _, u := range hold {
		held[u] = true
	}
	seen := map[string]bool{}
	for _, ref := range policyRefs(res.Findings(), &res.Profile) {
		url := ref.Data["url"].(string)
		if seen[url] {
			continue
		}
		seen[url] = true
		if e, ok := policyEntry(prev, s, url, now, held[url]); ok {
			out.Policies = append(out.Policies, e)
		}
	}
	// Models and datasets the Hub resolved stay recorded while the project
	// uses them.
	for _, m := range res.Models {
		if e := prev.Model(m.ID); e != nil && out.Model(m.ID) == nil {
			out.Models = append(out.Models, *e)
		}
	}
	for _, d := range res.Datasets {
		if e := prev.Dataset(d.ID); e != nil && out.Dataset(d.ID) == nil {
			out.Datasets = append(out.Datasets, *e)
		}
	}
	out.Sort()
	return out
}

func policyEntry(prev record.Lock, s *Snapshot, url string, now time.Time, hold bool) (record.PolicyEntry, bool) {
	p := prev.Policy(url)
	if hold && p != nil {
		return *p, true
	}
	copyPath := policyCopyPath(s, url)
	d := docByPath(s, copyPath)
	if d == nil {
		return record.PolicyEntry{}, false
	}
	c := record.ParseCopy(d.Text)
	if c.Blank() {
		return record.PolicyEntry{}, false
	}
	sum := record.Sum(c.Body)
	if p != nil && p.SHA256 == sum && p.Path == copyPath {
		return *p, true
	}
	retrieved := c.Retrieved
	if retrieved.IsZero() {
		retrieved = now
	}
	return record.PolicyEntry{URL: url, Path: copyPath, SHA256: sum, Retrieved: retrieved.UTC().Format(time.RFC3339)}, true
}

// UnresolvedID is a model or dataset id whose license nothing local
// resolved: `fineprint record --fetch` asks the Hub about it.
type UnresolvedID struct {
	ID      string
	Dataset bool
}

// UnresolvedIDs lists the Hub ids of the models and datasets whose
// license nothing local resolved (the inventory's entries without
// resolved_by), once each.
func UnresolvedIDs(res *Result) []UnresolvedID {
	var out []UnresolvedID
	seen := map[UnresolvedID]bool{}
	add := func(u UnresolvedID) {
		if manifest.IsHubID(u.ID) && !manifest.HostedAPIName(u.ID) && !manifest.LocalLooking(u.ID) && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	for _, m := range res.Models {
		if m.ResolvedBy == "" {
			add(UnresolvedID{ID: m.ID})
		}
	}
	for _, d := range res.Datasets {
		if d.ResolvedBy == "" {
			add(UnresolvedID{ID: d.ID, Dataset: true})
		}
	}
	return out
}
