package recorder

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/atomicfile"
)

// A run commits its files so that a kill at any moment leaves either the
// old record, or the new one, or a lock that says a record was
// interrupted together with everything needed to complete it:
//
//  1. every file is staged: written in full under a temporary name
//     beside its target and synced (nothing has changed yet; a run killed
//     now leaves temporary files, which the next run removes);
//  2. the lock is replaced by a journal: the old lock plus the list of
//     renames to come (record.Rename), the copies in order and the new
//     lock last;
//  3. the copies are renamed into place;
//  4. the new lock, which has no pending list, is renamed over the journal.
//
// Between 2 and 4 the lock reads as record.ErrInterrupted: fineprint check
// reports record/invalid ("run fineprint record to complete it"), and the
// next fineprint record completes the renames before anything else
// (finishInterrupted). Every rename is within one folder, hence atomic.

// staged is a file written under a temporary name and the
// workspace-relative path it is for.
type staged struct {
	*atomicfile.Staged
	rel string
}

// stage writes a file under a temporary name (see commit). Only
// fineprint.lock and files under .fineprint/ are written, as regular files
// in real folders.
func (r *run) stage(p string, data []byte) error {
	if p != analysis.LockFile && !strings.HasPrefix(p, ".fineprint/") {
		return fmt.Errorf("%s: %w (fineprint writes only %s and .fineprint/)", p, atomicfile.ErrOutside, analysis.LockFile)
	}
	st, err := atomicfile.Stage(r.root, p, data, 0o644, true)
	if err != nil {
		if errors.Is(err, atomicfile.ErrOutside) || errors.Is(err, atomicfile.ErrLink) {
			return err // it names the path already
		}
		return fmt.Errorf("%s: %w", p, err)
	}
	r.staged = append(r.staged, staged{st, p})
	return nil
}

// commit renames the staged files into place, journalled through the lock
// (prev is the lock as it was) when there is more than one.
func (r *run) commit(prev record.Lock) error {
	if len(r.staged) > 1 {
		journal := prev
		journal.Pending = make([]record.Rename, len(r.staged))
		for i, s := range r.staged {
			journal.Pending[i] = record.Rename{Staged: path.Join(path.Dir(s.rel), filepath.Base(s.Tmp)), Path: s.rel}
		}
		st, err := atomicfile.Stage(r.root, analysis.LockFile, record.Marshal(journal), 0o644, true)
		if err != nil {
			return fmt.Errorf("%s: %w", analysis.LockFile, err)
		}
		r.staged = append([]staged{{st, analysis.LockFile}}, r.staged...)
	}
	for i, s := range r.staged {
		if r.opts.BeforeRename != nil {
			r.opts.BeforeRename(i)
		}
		if err := s.Rename(); err != nil {
			if i == 0 {
				return fmt.Errorf("%s: %w", s.rel, err) // nothing changed; discard removes the staged files
			}
			r.staged = nil // the journal names them: the next run completes the record
			return fmt.Errorf("%s: %w; the record is half written: run fineprint record again to complete it", s.rel, err)
		}
	}
	r.staged = nil
	return nil
}

// discard removes what was staged and not committed (a failed run).
func (r *run) discard() {
	for _, s := range r.staged {
		s.Discard()
	}
	r.staged = nil
}

// maxLock bounds the lock read for its pending list: a lock is a few
// hundred bytes per entry.
const maxLock = 64 << 20

// finishInterrupted completes the commit of a run that was killed after
// its journal was in place: it renames what that run staged and did not
// rename yet (the pending list of the lock on disk), and reports whether
// there was such a run. The list comes from the repository, so each entry
// is checked as fineprint writes them: a fineprint file, the lock last and
// only there, a staged name beside it.
func finishInterrupted(root string) (rep Report, found bool, err error) {
	p := filepath.Join(root, analysis.LockFile)
	if info, err := os.Lstat(p); err != nil || !info.Mode().IsRegular() || info.Size() > maxLock {
		return Report{}, false, nil // the walk reports a lock it does not read
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return Report{}, false, nil // previous() reports it
	}
	lock, err := record.Parse(data)
	if !errors.Is(err, record.ErrInterrupted) {
		return Report{}, false, nil
	}
	rep.Interrupted = true
	n := len(lock.Pending)
	for i, rn := range lock.Pending {
		if (rn.Path == analysis.LockFile) != (i == n-1) || rn.Path != analysis.LockFile && !strings.HasPrefix(rn.Path, ".fineprint/") {
			return rep, true, fmt.Errorf("%s: the pending list of an interrupted record names %s, which fineprint does not write there; delete the lock and run fineprint record to record afresh", analysis.LockFile, rn.Path)
		}
	}
	for _, rn := range lock.Pending {
		done, err := atomicfile.FinishRename(root, rn.Staged, rn.Path)
		if err != nil {
			return rep, true, fmt.Errorf("completing an interrupted record: %w", err)
		}
		if done {
			rep.Completed = append(rep.Completed, rn.Path)
		}
	}
	now, err := os.ReadFile(p)
	if err != nil {
		return rep, true, err
	}
	if rep.Lock, err = record.Parse(now); errors.Is(err, record.ErrInterrupted) {
		// The new lock's staged file is gone (not by fineprint's doing):
		// keep the old lock, without the pending list.
		rep.Lock.Pending = nil
		st, serr := atomicfile.Stage(root, analysis.LockFile, record.Marshal(rep.Lock), 0o644, true)
		if serr == nil {
			serr = st.Commit()
		}
		return rep, true, serr
	}
	return rep, true, err
}
