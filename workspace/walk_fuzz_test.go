//go:build unix

package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzWalk builds a random tree of folders, license files and symbolic
// links (to folders and files, up, sideways, in loops and out of the root)
// from the fuzz input and walks it. The walk must end, list each real
// folder at most once, read only files inside the root, and name each
// document once.
func FuzzWalk(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0, 2, 0, 0, 1, 2, 1, 3, 0})
	f.Add([]byte{0, 1, 0, 2, 2, 0, 1, 2, 1, 0, 2, 2, 2, 0, 3, 2, 2, 1, 4, 1})
	f.Add([]byte{2, 0, 9, 2, 0, 8, 0, 0, 2, 1, 0, 2, 1, 1})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 96 {
			return
		}
		root := t.TempDir()
		outside := t.TempDir()
		os.WriteFile(filepath.Join(outside, "LICENSE"), []byte("outside\n"), 0o644)
		dirs := []string{"."} // real folders, relative to root
		var nodes []string    // everything made, folders, files and links
		realDirs := 1
		for i := 0; i+2 < len(ops); i += 3 {
			op, a, b := ops[i]%4, int(ops[i+1]), int(ops[i+2])
			parent := dirs[a%len(dirs)]
			name := fmt.Sprintf("n%d", i/3)
			p := filepath.Join(parent, name)
			switch op {
			case 0: // a folder
				if os.Mkdir(filepath.Join(root, p), 0o755) == nil {
					dirs = append(dirs, p)
					realDirs++
				}
			case 1: // a license file
				os.WriteFile(filepath.Join(root, filepath.Join(parent, "LICENSE-"+name)), []byte("Acme License\n"), 0o644)
			case 2: // a link to something made, relative
				targets := append(append([]string{}, dirs...), nodes...)
				target := targets[b%len(targets)]
				rel, err := filepath.Rel(filepath.Join(root, parent), filepath.Join(root, target))
				if err == nil {
					os.Symlink(rel, filepath.Join(root, parent, name))
				}
			case 3: // a link out of the root, or dangling
				target := outside
				if b%2 == 1 {
					target = filepath.Join(outside, "LICENSE")
				}
				if b%3 == 2 {
					target = "missing"
				}
				os.Symlink(target, filepath.Join(root, parent, name))
			}
			nodes = append(nodes, p)
		}
		var st Stats
		snap, _, err := Load(root, Options{Stats: &st})
		if err != nil {
			t.Fatal(err)
		}
		if st.Dirs > realDirs {
			t.Fatalf("listed %d folders, %d exist", st.Dirs, realDirs)
		}
		real, _ := filepath.EvalSymlinks(root)
		seen := map[string]bool{}
		for _, d := range snap.Docs {
			if seen[d.Path] {
				t.Fatalf("%s twice", d.Path)
			}
			seen[d.Path] = true
			r, err := filepath.EvalSymlinks(filepath.Join(root, d.Path))
			if err != nil || !strings.HasPrefix(r, real+string(filepath.Separator)) {
				t.Fatalf("%s read from %s, outside the root", d.Path, r)
			}
		}
	})
}
