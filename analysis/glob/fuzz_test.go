package glob

import (
	"path"
	"strings"
	"testing"
)

// refMatch is the plain backtracking matcher the package used before it was
// made linear: exponential on globs with many "**", exact on small inputs.
func refMatch(g, p string) bool {
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
		if refSegs(gs, ps[:i]) {
			return true
		}
	}
	return false
}

func refSegs(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if refSegs(g[1:], p[i:]) {
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

// FuzzMatch compares the matcher with the backtracking reference on small
// globs and paths, and checks the step bound on every input.
func FuzzMatch(f *testing.F) {
	for _, s := range [][2]string{
		{"third_party/**", "third_party/llama/LICENSE"},
		{"**/LICENSE", "a/b/c/LICENSE"},
		{"docs/**/*.md", "docs/a/b.md"},
		{"a/**/**/b/**/c", "a/x/b/y/b/c/d"},
		{"./vendor/", "vendor/x/README.md"},
		{"*.gguf", "models/a.gguf"},
		{"a//b", "a//b"},
		{"[a-", "a"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, g, p string) {
		g0 := Compile(g)
		ok, steps := g0.MatchSteps(p)
		gsegs, psegs := len(g0.segs), strings.Count(p, "/")+1
		if steps > gsegs*psegs {
			t.Fatalf("Match(%q, %q) took %d steps, bound %d×%d", g, p, steps, gsegs, psegs)
		}
		// The reference is exponential in the number of "**": keep it small.
		if strings.Count(g, "/") > 8 || psegs > 8 || len(g) > 64 || len(p) > 64 {
			return
		}
		if want := refMatch(g, p); ok != want {
			t.Fatalf("Match(%q, %q) = %v, reference says %v", g, p, ok, want)
		}
	})
}
