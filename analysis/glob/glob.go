// Package glob matches workspace-relative paths against the globs users
// write in a profile's "ignore:" list ("third_party/**", "*.gguf",
// "vendor/models").
//
// Globs use path.Match syntax within one path segment, plus "**" for any
// number of segments. A glob without "/" matches a file or folder name at any
// depth, the way .gitignore does. A path also matches when one of its parent
// folders does, so "third_party" ignores everything below it.
//
// A profile comes from the repository, so a glob is untrusted input: the
// matcher runs the glob as a set of positions advanced one path segment at a
// time (repeated "**" collapsed), so matching costs at most one path.Match
// per glob segment per path segment, never a backtracking search
// (docs/security.md).
package glob

import (
	"path"
	"strings"
)

// Glob is a compiled glob.
type Glob struct {
	any  bool     // no "/": matches any one segment of the path
	segs []string // the segments, runs of "**" collapsed into one
}

// Compile compiles g. It never fails: a segment path.Match rejects matches
// nothing (Valid tells which globs are well formed).
func Compile(g string) *Glob {
	g = strings.TrimPrefix(strings.TrimSuffix(g, "/"), "./")
	if !strings.Contains(g, "/") {
		return &Glob{any: true, segs: []string{g}}
	}
	var segs []string
	for _, s := range strings.Split(g, "/") {
		if s == "**" && len(segs) > 0 && segs[len(segs)-1] == "**" {
			continue
		}
		segs = append(segs, s)
	}
	return &Glob{segs: segs}
}

// Match reports whether the workspace-relative, "/"-separated path p matches
// glob g.
func Match(g, p string) bool { return Compile(g).Match(p) }

// Match reports whether the workspace-relative, "/"-separated path p matches
// the glob.
func (g *Glob) Match(p string) bool {
	ok, _ := g.MatchSteps(p)
	return ok
}

// MatchSteps is Match, and also returns the number of segment comparisons
// (path.Match calls) it made: at most the glob's segments times the path's.
func (g *Glob) MatchSteps(p string) (ok bool, steps int) {
	if g.any {
		for seg := range strings.SplitSeq(p, "/") {
			steps++
			if ok, _ := path.Match(g.segs[0], seg); ok {
				return true, steps
			}
		}
		return false, steps
	}
	n := len(g.segs)
	// cur[i]: glob position i is reachable after the segments read so far.
	cur, next := make([]bool, n+1), make([]bool, n+1)
	cur[0] = true
	g.closure(cur)
	read := 0
	for seg := range strings.SplitSeq(p, "/") {
		clear(next)
		live := false
		for i := 0; i < n; i++ {
			if !cur[i] {
				continue
			}
			if g.segs[i] == "**" {
				next[i] = true // "**" takes this segment and stays
				live = true
				continue
			}
			steps++
			if ok, _ := path.Match(g.segs[i], seg); ok {
				next[i+1] = true
				live = true
			}
		}
		g.closure(next)
		cur, next = next, cur
		read++
		// A path matches when one of its leading parts does (a folder
		// that matches covers what lies below it).
		if cur[n] {
			return true, steps
		}
		if !live {
			return false, steps
		}
	}
	return false, steps
}

// closure marks the positions after each reachable "**": it may take no
// segment at all.
func (g *Glob) closure(set []bool) {
	for i, s := range g.segs {
		if set[i] && s == "**" {
			set[i+1] = true
		}
	}
}

// Valid reports whether g is a well-formed glob (path.Match accepts every
// segment).
func Valid(g string) bool {
	for _, seg := range strings.Split(g, "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return false
		}
	}
	return true
}
