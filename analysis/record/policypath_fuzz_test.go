package record

import (
	"strings"
	"testing"
	"time"
)

// FuzzPolicyPath checks the mapping from policy URLs to copy files: every
// name is one plain file under PoliciesDir, and two URLs recorded into one
// workspace, in either order, get two files that each name their own URL
// and stay where they are on the next run.
func FuzzPolicyPath(f *testing.F) {
	for _, s := range [][2]string{
		{"https://example.com/aup/okpolicy", "https://example.com/aup-okpolicy"},
		{"https://example.com:8443/use-policy", "https://example.com/use-policy"},
		{"https://llama.meta.com/llama3_1/use-policy", "https://LLAMA.meta.com/llama3_1/use-policy"},
		{"https://x.test/" + strings.Repeat("a", 200), "https://x.test/" + strings.Repeat("a", 201)},
		{"https://x.test/p?q=1", "https://x.test/p?q=2"},
		{"not a url", "../../etc/passwd"},
	} {
		f.Add(s[0], s[1])
	}
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, u1, u2 string) {
		for _, u := range []string{u1, u2} {
			for _, p := range []string{PolicyPath(u), UniquePolicyPath(u), ArchivePath(u, day)} {
				checkName(t, u, p)
			}
		}
		// Extracted URLs hold no spaces, control characters, "<" or ">".
		if u1 == u2 || !plainURL(u1) || !plainURL(u2) {
			return
		}
		if UniquePolicyPath(u1) == UniquePolicyPath(u2) {
			t.Fatalf("%q and %q share the unique name %s", u1, u2, UniquePolicyPath(u1))
		}
		files := map[string][]byte{}
		read := func(p string) ([]byte, bool) { b, ok := files[p]; return b, ok }
		p1 := CopyPath(u1, read)
		files[p1] = NewCopy(u1, day, []byte("one"))
		p2 := CopyPath(u2, read)
		if p1 == p2 {
			t.Fatalf("%q and %q both recorded into %s", u1, u2, p1)
		}
		files[p2] = NewCopy(u2, day, []byte("two"))
		for u, p := range map[string]string{u1: p1, u2: p2} {
			if again := CopyPath(u, read); again != p {
				t.Fatalf("the copy of %q moved from %s to %s", u, p, again)
			}
			if c := ParseCopy(files[p]); c.URL != u {
				t.Fatalf("%s names %q, want %q", p, c.URL, u)
			}
		}
	})
}

func checkName(t *testing.T, u, p string) {
	t.Helper()
	name, ok := strings.CutPrefix(p, PoliciesDir+"/")
	if !ok || !strings.HasSuffix(name, ".md") || len(name) > 160 || strings.HasPrefix(name, ".") {
		t.Fatalf("URL %q maps to %q", u, p)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			t.Fatalf("URL %q maps to %q, with %q", u, p, r)
		}
	}
}

func plainURL(u string) bool {
	if u == "" || strings.TrimSpace(u) != u {
		return false
	}
	for _, r := range u {
		if r < 0x20 || r == 0x7f || r == ' ' || r == '<' || r == '>' {
			return false
		}
	}
	return true
}
