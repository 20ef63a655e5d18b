package analysis

import (
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// findingSet holds a result's findings by path (Result.Findings,
// Result.FindingsIn). A complete analysis makes one from its sorted list;
// a keystroke (incremental.go) makes the next from the last one by
// replacing the runs of the few paths it changed (with), which costs those
// paths' findings, not a copy of every finding of the workspace (20,000 at
// 50,000 files, about 3 MB per keystroke). The whole list is built when a
// caller first asks for it (the command line, a view built whole); the
// server reads the changed paths only.
//
// A findingSet is not changed once made; its runs are shared with the
// sets made from it, and with callers.
type findingSet struct {
	flat []Finding            // sorted by path, position, code
	over map[string][]Finding // paths whose run replaces flat's (possibly by none)
	n    int                  // the findings of flat with over's runs in place of their paths'
	// copied, when not nil, counts the findings copied into whole lists
	// (the Analyzer's stats.spliced).
	copied *atomic.Int64

	once sync.Once
	all  []Finding // flat with over applied, built on first use
}

// newFindingSet is the set of the sorted findings fs (shared, not copied).
func newFindingSet(fs []Finding, copied *atomic.Int64) *findingSet {
	return &findingSet{flat: fs, n: len(fs), copied: copied}
}

// count notes n findings copied into a whole list.
func (s *findingSet) count(n int) {
	if s.copied != nil {
		s.copied.Add(int64(n))
	}
}

func (s *findingSet) len() int {
	if s == nil {
		return 0
	}
	return s.n
}

// of is the run of findings in path p.
func (s *findingSet) of(p string) []Finding {
	if s == nil {
		return nil
	}
	if fs, ok := s.over[p]; ok {
		return fs
	}
	return segment(s.flat, p)
}

// list is every finding, sorted; the first call on a set an edit made
// builds it.
func (s *findingSet) list() []Finding {
	if s == nil {
		return nil
	}
	if len(s.over) == 0 {
		return s.flat
	}
	s.once.Do(func() {
		s.count(s.n)
		s.all = s.merged()
	})
	return s.all
}

// merged is flat with over's runs in place, in a new list.
func (s *findingSet) merged() []Finding {
	paths := slices.Sorted(maps.Keys(s.over))
	segs := make([][]Finding, len(paths))
	for k, p := range paths {
		segs[k] = s.over[p]
	}
	return spliceFindings(s.flat, paths, segs, s.n)
}

// with is s with the runs of paths replaced by segments. It shares s's
// list and copies only the replaced runs' headers; once those outnumber
// an eighth of the list (plus maxOver), it builds a list with them in
// place, so that a long session's keystrokes in many files do not make
// every lookup pay for a large map.
func (s *findingSet) with(paths []string, segments [][]Finding) *findingSet {
	out := &findingSet{flat: s.flat, n: s.n, copied: s.copied, over: make(map[string][]Finding, len(s.over)+len(paths))}
	maps.Copy(out.over, s.over)
	for k, p := range paths {
		out.n += len(segments[k]) - len(s.of(p))
		out.over[p] = segments[k]
	}
	if len(out.over) > maxOver+len(out.flat)/8 {
		out.count(out.n)
		out.flat, out.over = out.merged(), nil
	}
	return out
}

// maxOver is how many paths' runs a findingSet holds beside its list
// before it builds a new list, besides an eighth of the list's length.
const maxOver = 64
