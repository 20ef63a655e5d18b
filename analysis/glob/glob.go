// Package glob matches workspace-relative paths against the globs users
// write in a profile's "ignore:" list ("third_party/**", "*.gguf",
// "vendor/models").
//
// Globs use path.Match syntax within one path segment, plus "**" for any
// number of segments. A glob without "/" matches a file or folder name at any
// depth, the way .gitignore does. A path also matches when one of its parent
// folders does, so "third_party" ignores everything below it.
package glob

import (
	"path"
	"strings"
)

// Match reports whether the workspace-relative, "/"-separated path p matches
// glob g.
func Match(g, p string) bool {
	g = strings.TrimPrefix(strings.TrimSuffix(g, "/"), "./")
	if !strings.Contains(g, "/") {
		for _, seg := range strings.Split(p, "/") {
			if ok, _ := path.Match(g, seg); ok {
				return true
			}
		}
		return false
	}
	gs, ps := strings.Split(g, "/"), strings.Split(p, "/")
	for i := len(ps); i >= 1; i-- {
		if matchSegs(gs, ps[:i]) {
			return true
		}
	}
	return false
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

func matchSegs(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if matchSegs(g[1:], p[i:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], p[0]); !ok {
			return false
		}
		g, p = g[1:], p[1:]
	}
	return len(p) == 0
}
