// Package recorder writes fineprint's record of a workspace: fineprint.lock
// at the root and, when asked to fetch, the copies of referenced policies
// under .fineprint/policies/ (docs/record.md). `fineprint record` and the
// language server's fineprint.record and fineprint.recordPolicy commands use
// it.
//
// Recording accepts the workspace as it is: every license file's hash and the
// body of every policy copy that holds text go into the lock, and each
// license file's text is kept as recorded under .fineprint/licenses/ (the
// old side of the diff that record/stale shows); entries whose
// file did not change keep their dates, so recording twice writes the same
// bytes.
//
// Writing is staged and journalled (commit.go): every file of a run is
// written under a temporary name first; only when all are written does the
// lock become a journal (the old lock plus the list of renames to come,
// record.Rename), then the copies are renamed into place, then the new
// lock. A run that fails or is killed while writing changes nothing, and
// the next run removes its temporary files; one killed while renaming
// leaves a lock that says so (record/invalid in fineprint check), and the
// next run completes the renames. fineprint writes only fineprint.lock and
// regular files under .fineprint/, never through a symbolic link.
//
// Fetching is the only network access fineprint makes. A policy whose
// fetched text differs from its copy gets the new text in its copy; an old
// copy that had text is kept beside it as a dated copy
// (name.YYYY-MM-DD.md). When the old text was the recorded one, the lock
// keeps pointing at the dated copy and its hash: the change is not accepted
// by the fetch itself. `fineprint check` then reports policy/changed with a
// diff, and a plain `fineprint record` accepts the new text once reviewed.
package recorder

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"github.com/fineprint-dev/fineprint/internal/atomicfile"
	"github.com/fineprint-dev/fineprint/internal/fetch"
)

// Options control Record.
type Options struct {
	Fetch bool     // download referenced policies
	Only  []string // with Fetch: download only these URLs (fineprint.recordPolicy)
	// PoliciesOnly records policies only: the lock's license entries stay
	// as they were, so that fetching a policy never accepts a changed
	// license file on the side. With Only, policies not named stay as
	// they were too.
	PoliciesOnly bool
	Now          time.Time     // the date recorded; zero means time.Now()
	FetchOptions fetch.Options // limits and client for downloads
	MaxPolicies  int           // downloads per run; zero means DefaultMaxPolicies
	// HubEndpoint is where Fetch resolves model and dataset ids nothing
	// local knows (HF_ENDPOINT); "" is the Hugging Face Hub.
	HubEndpoint string
	// BeforeRename, when set, is called before each rename of the commit
	// (step 0 installs the journal, then the copies, then the lock): a
	// crash test kills the process there.
	BeforeRename func(step int)
}

// Report says what Record did.
type Report struct {
	Written  []string // workspace-relative paths written, in order
	Lock     record.Lock
	Fetched  []string // policy URLs downloaded
	Changed  []string // policy URLs whose new text awaits review (policy/changed)
	Missing  []string // policy URLs with no recorded copy after the run
	Failures []error  // per-URL download errors
	// Copies maps each referenced policy URL to its copy's path
	// (record.CopyPath).
	Copies map[string]string
	// Cleaned are the temporary files of an earlier, killed run that this
	// one removed.
	Cleaned []string
	// Interrupted says that an earlier run was killed while renaming its
	// files, and that this run completed it instead of recording:
	// Completed are the files it put in place, and Lock the record as that
	// run wrote it.
	Interrupted bool
	Completed   []string
	// Resolved are the model and dataset ids Fetch resolved through the
	// Hub, with the license found ("model acme/x: apache-2.0"); Unresolved
	// the errors of those it could not. An id not resolved does not fail
	// the record: it stays unknown.
	Resolved   []string
	Unresolved []error
}

// DefaultMaxPolicies caps the policies one run downloads; the rest are
// reported once, as one failure.
const DefaultMaxPolicies = 100

// RecordWorkspace records snap (whose analysis is res) into root and
// returns the paths it wrote. With fetch set it downloads referenced
// policies first; a failed download is an error, after everything else has
// been recorded.
func RecordWorkspace(root string, snap *analysis.Snapshot, res *analysis.Result, fetch bool, now time.Time) (written []string, err error) {
	rep, err := Record(context.Background(), root, snap, res, Options{Fetch: fetch, Now: now})
	if err == nil && len(rep.Failures) > 0 {
		err = errors.Join(rep.Failures...)
	}
	return rep.Written, err
}

// PolicyCopyEdit is the edit that creates the copy file of the policy at url
// for the user to paste its text into (the offline fineprint.recordPolicy).
func PolicyCopyEdit(url string, now time.Time) analysis.Edit {
	return analysis.PolicyCopyEdit(url, now)
}

// Record records snap into root. The error is for problems that stop the
// record (an unreadable fineprint.lock, a failed write); download failures
// are listed in the report and the rest is recorded.
func Record(ctx context.Context, root string, snap *analysis.Snapshot, res *analysis.Result, opts Options) (Report, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	opts.Now = opts.Now.UTC().Truncate(time.Second)
	if rep, found, err := finishInterrupted(root); found || err != nil {
		if err == nil {
			rep.Cleaned = cleanTemps(root)
		}
		return rep, err
	}
	r := &run{root: root, opts: opts, docs: append([]analysis.Document(nil), snap.Docs...)}
	prev, err := r.previous()
	if err != nil {
		return Report{}, err
	}
	r.rep.Cleaned = cleanTemps(root)
	defer r.discard()
	var hold []string
	if opts.Fetch {
		if hold, err = r.fetchAll(ctx, &prev, analysis.PolicyURLs(res)); err != nil {
			return r.rep, err
		}
	}
	lock := analysis.BuildLock(prev, res, r.docs, opts.Now, hold...)
	if opts.Fetch && !opts.PoliciesOnly {
		models, datasets := r.resolveIDs(ctx, prev, res)
		lock.Models = append(lock.Models, models...)
		lock.Datasets = append(lock.Datasets, datasets...)
		lock.Sort()
	}
	if opts.PoliciesOnly {
		lock = keepUnasked(prev, lock, opts.Only)
	}
	// Copies first: a lock is never written that claims a text whose copy
	// failed to be written.
	if err := r.copyLicenses(lock); err != nil {
		return r.rep, err
	}
	data := record.Marshal(lock)
	nothing := opts.PoliciesOnly && len(lock.Licenses) == 0 && len(lock.Policies) == 0
	if old := r.doc(analysis.LockFile); (old == nil && !nothing) || old != nil && string(old.Text) != string(data) {
		if err := r.write(analysis.LockFile, data); err != nil {
			return r.rep, err
		}
	} else if len(r.staged) > 0 {
		// The commit ends with a lock without a pending list, even when its
		// entries did not change.
		if err := r.stage(analysis.LockFile, data); err != nil {
			return r.rep, err
		}
	}
	if err := r.commit(prev); err != nil {
		return r.rep, err
	}
	r.rep.Lock = lock
	r.rep.Copies = map[string]string{}
	for _, u := range analysis.PolicyURLs(res) {
		r.rep.Copies[u] = r.copyPath(u)
		if lock.Policy(u) == nil {
			r.rep.Missing = append(r.rep.Missing, u)
		}
	}
	return r.rep, nil
}

// cleanTemps removes the temporary files a killed run left.
func cleanTemps(root string) []string {
	return append(atomicfile.CleanTemps(root, ".fineprint"), atomicfile.CleanTempsOf(root, analysis.LockFile)...)
}

// keepUnasked returns lock with the license entries of prev, and, when only
// names some policies, prev's entries for every other policy.
func keepUnasked(prev, lock record.Lock, only []string) record.Lock {
	out := record.Lock{Version: lock.Version, Licenses: append([]record.LicenseEntry{}, prev.Licenses...), Policies: []record.PolicyEntry{}, Models: prev.Models}
	for _, e := range lock.Policies {
		if len(only) == 0 || slices.Contains(only, e.URL) {
			out.Policies = append(out.Policies, e)
		} else if p := prev.Policy(e.URL); p != nil {
			out.Policies = append(out.Policies, *p)
		}
	}
	out.Sort()
	return out
}

type run struct {
	root   string
	opts   Options
	docs   []analysis.Document
	rep    Report
	staged []staged // in the order written; the lock, when written, last
}

func (r *run) previous() (record.Lock, error) {
	d := r.doc(analysis.LockFile)
	if d == nil {
		return record.Lock{}, nil
	}
	l, err := record.Parse(d.Text)
	if err != nil {
		// Line and column as fineprint check gives them (UTF-16 columns).
		where := analysis.LockFile
		var e *record.Error
		if errors.As(err, &e) {
			p := textpos.NewIndex(d.Text).Position(min(max(e.Offset, 0), len(d.Text)))
			where = fmt.Sprintf("%s:%d:%d", where, p.Line+1, p.Column+1)
			err = errors.New(e.Msg)
		}
		return record.Lock{}, fmt.Errorf("%s: %w; fix it, or delete it to record afresh", where, err)
	}
	return l, nil
}

func (r *run) doc(p string) *analysis.Document {
	for i := range r.docs {
		if r.docs[i].Path == p {
			return &r.docs[i]
		}
	}
	return nil
}

// write stages a file (see commit) and puts its new text in the documents
// the lock is built from. Only fineprint.lock and files under .fineprint/
// are written, as regular files in real folders.
func (r *run) write(p string, data []byte) error {
	if err := r.stage(p, data); err != nil {
		return err
	}
	r.rep.Written = append(r.rep.Written, p)
	if d := r.doc(p); d != nil {
		d.Text = data
		return nil
	}
	r.docs = append(r.docs, analysis.Document{Path: p, Kind: analysis.ClassifyPath(p), Text: data, Size: int64(len(data))})
	return nil
}

// copyLicenses keeps a copy of each recorded license file as recorded (see
// record.LicensesDir), so that record/stale can show what changed later.
// A copy that already holds the recorded text is left alone.
func (r *run) copyLicenses(lock record.Lock) error {
	if r.opts.PoliciesOnly {
		return nil
	}
	for _, e := range lock.Licenses {
		d := r.doc(e.Path)
		if d == nil || record.Sum(d.Text) != e.SHA256 {
			continue
		}
		p := record.LicenseCopyPath(e.Path)
		if c := r.doc(p); c != nil && record.Sum(c.Text) == e.SHA256 {
			continue
		}
		if err := r.write(p, d.Text); err != nil {
			return err
		}
	}
	return nil
}

// fetchAll downloads each policy and returns the URLs whose recorded entry
// must be held for review.
func (r *run) fetchAll(ctx context.Context, prev *record.Lock, urls []string) (hold []string, err error) {
	max := r.opts.MaxPolicies
	if max <= 0 {
		max = DefaultMaxPolicies
	}
	tried, over := 0, 0
	for _, u := range urls {
		if len(r.opts.Only) > 0 && !slices.Contains(r.opts.Only, u) || tried >= max {
			if tried >= max && (len(r.opts.Only) == 0 || slices.Contains(r.opts.Only, u)) {
				over++
			}
			if prev.Policy(u) != nil {
				hold = append(hold, u) // not fetched now: what is on file stays
			}
			continue
		}
		if err := ctx.Err(); err != nil {
			return hold, err
		}
		tried++
		body, ferr := fetch.Fetch(ctx, u, r.opts.FetchOptions)
		if ferr != nil {
			// What is on file stays on file: a failed download accepts nothing.
			r.rep.Failures = append(r.rep.Failures, ferr)
			if prev.Policy(u) != nil {
				hold = append(hold, u)
			}
			continue
		}
		r.rep.Fetched = append(r.rep.Fetched, u)
		held, err := r.update(prev, u, body)
		if err != nil {
			return hold, err
		}
		if held {
			hold = append(hold, u)
			r.rep.Changed = append(r.rep.Changed, u)
		}
	}
	if over > 0 {
		r.rep.Failures = append(r.rep.Failures, fmt.Errorf("%d more policies were not downloaded: at most %d per run", over, max))
	}
	return hold, nil
}

// copyPath is where the copy of the policy at u lives (record.CopyPath),
// with what this run wrote.
func (r *run) copyPath(u string) string {
	return record.CopyPath(u, func(p string) ([]byte, bool) {
		if d := r.doc(p); d != nil {
			return d.Text, true
		}
		return nil, false
	})
}

// update puts a fetched body into the policy's copy, keeping an older copy
// with text as a dated copy, and reports whether the lock's entry must be
// held because the recorded text changed.
func (r *run) update(prev *record.Lock, u string, body []byte) (held bool, err error) {
	copyPath := r.copyPath(u)
	sum := record.Sum(body)
	e := prev.Policy(u)
	cur := r.doc(copyPath)
	if cur != nil {
		c := record.ParseCopy(cur.Text)
		if record.Sum(c.Body) == sum {
			return e != nil && e.SHA256 != sum, nil
		}
		if !c.Blank() {
			at := c.Retrieved
			if at.IsZero() {
				at = r.opts.Now
			}
			archive := r.freePath(record.ArchiveOf(copyPath, at))
			if err := r.write(archive, cur.Text); err != nil {
				return false, err
			}
			if e != nil && e.Path == copyPath && e.SHA256 == record.Sum(c.Body) {
				e.Path = archive
			}
		}
	}
	if err := r.write(copyPath, record.NewCopy(u, r.opts.Now, body)); err != nil {
		return false, err
	}
	return e != nil && e.SHA256 != sum, nil
}

// freePath returns p, or p with a counter when a file by that name exists
// already (two changes on one day).
func (r *run) freePath(p string) string {
	stem := p[:len(p)-len(".md")]
	for n := 2; ; n++ {
		_, err := os.Lstat(filepath.Join(r.root, filepath.FromSlash(p)))
		if r.doc(p) == nil && errors.Is(err, os.ErrNotExist) {
			return p
		}
		p = fmt.Sprintf("%s-%d.md", stem, n)
	}
}
