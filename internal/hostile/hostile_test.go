//go:build unix

package hostile

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/workspace"
)

// memoryBound is the most a hostile case may allocate in total (not just
// hold) while loading and analysing a workspace of a few small files. A case
// that read its 200 MB file, expanded its alias bomb or believed its GGUF
// header would blow far past it.
const memoryBound = 48 << 20

const plainLicense = "Acme Test License\n\nYou may use this model.\n"

// outcome is what a hostile workspace must end in for one path: a skip
// whose reason contains skip, or a finding with code finding.
type outcome struct {
	path, skip, finding string
}

type hostileCase struct {
	name  string
	setup func(t *testing.T, dir string) workspace.Options
	want  []outcome
}

func TestHostileWorkspaces(t *testing.T) {
	warmUp()
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "LICENSE-OK"), plainLicense)
			opts := c.setup(t, dir)
			snap, skips, res, allocated := loadAndAnalyze(t, dir, opts)
			for _, s := range skips {
				t.Logf("skip %s: %s (io error %v)", shorten(s.Path), s.Reason, s.IOError)
			}
			for _, f := range res.Findings() {
				t.Logf("finding %s %s: %s", f.Code, f.Path, f.Message)
			}
			if !hasDoc(snap, "LICENSE-OK") {
				t.Errorf("the ordinary license beside the hostile files was not read")
			}
			for _, w := range c.want {
				if !met(w, snap, skips, res) {
					t.Errorf("%s: want skip %q or finding %q; got none", w.path, w.skip, w.finding)
				}
			}
			t.Logf("allocated %d KB", allocated>>10)
			if allocated > memoryBound {
				t.Errorf("load and analysis allocated %d MB, bound %d MB", allocated>>20, memoryBound>>20)
			}
		})
	}
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{
			name: "symlink loop",
			setup: func(t *testing.T, dir string) workspace.Options {
				mkdir(t, filepath.Join(dir, "a"))
				symlink(t, "..", filepath.Join(dir, "a", "up"))
				symlink(t, "LICENSE-SELF", filepath.Join(dir, "LICENSE-SELF"))
				return workspace.Options{}
			},
			want: []outcome{{path: "a/up", skip: "symbolic link loop"}, {path: "LICENSE-SELF", skip: "broken symbolic link"}},
		},
		{
			name: "symlinks out of the root",
			setup: func(t *testing.T, dir string) workspace.Options {
				outside := t.TempDir()
				writeFile(t, filepath.Join(outside, "LICENSE"), plainLicense)
				symlink(t, filepath.Join(outside, "LICENSE"), filepath.Join(dir, "LICENSE"))
				symlink(t, outside, filepath.Join(dir, "models")) // vendor/ is not read at all
				symlink(t, "../../../../../../../../etc/passwd", filepath.Join(dir, "NOTICE"))
				return workspace.Options{}
			},
			want: []outcome{
				{path: "LICENSE", skip: "outside the workspace"},
				{path: "models", skip: "outside the workspace"},
				{path: "NOTICE", skip: "outside the workspace"},
			},
		},
		{
			name: "200 MB sparse LICENSE",
			setup: func(t *testing.T, dir string) workspace.Options {
				p := filepath.Join(dir, "LICENSE")
				writeFile(t, p, plainLicense)
				if err := os.Truncate(p, 200<<20); err != nil {
					t.Fatal(err)
				}
				return workspace.Options{}
			},
			want: []outcome{{path: "LICENSE", skip: "larger than"}},
		},
		{
			name: "binary LICENSE",
			setup: func(t *testing.T, dir string) workspace.Options {
				writeFile(t, filepath.Join(dir, "LICENSE"), "MIT License\n\x00\x01\x02\xff\xfe"+strings.Repeat("\x00", 100))
				return workspace.Options{}
			},
			want: []outcome{{path: "LICENSE", skip: "binary file"}},
		},
		{
			name: "invalid UTF-8 in a license and a card",
			setup: func(t *testing.T, dir string) workspace.Options {
				writeFile(t, filepath.Join(dir, "LICENSE"), "Acme \xff\xfe License\n\xc3\x28 You may \xed\xa0\x80 use it.\n")
				writeFile(t, filepath.Join(dir, "README.md"), "---\nlicense: \xff\xfe\nbase_model: a/\xc3\x28\n---\n# Model \xe2\x82\n")
				return workspace.Options{}
			},
			want: []outcome{{path: "LICENSE", finding: "license/unidentified"}, {path: "README.md", finding: "card/"}},
		},
		{
			name: "billion laughs in a card and the profile",
			setup: func(t *testing.T, dir string) workspace.Options {
				writeFile(t, filepath.Join(dir, "README.md"), "---\nlicense: other\n"+billionLaughs()+"---\n# Model\n")
				writeFile(t, filepath.Join(dir, analysis.ProfileFile), billionLaughs()+"use:\n  commercial: *i\n")
				return workspace.Options{}
			},
			// Aliases are not expanded, so the bomb is inert and the card
			// reads normally: "other" without a name is reported as usual.
			want: []outcome{{path: "README.md", finding: "card/other-needs-name"}, {path: analysis.ProfileFile, finding: "profile/"}},
		},
		{
			name: "GGUF header claiming 2^40 keys",
			setup: func(t *testing.T, dir string) workspace.Options {
				writeBytes(t, filepath.Join(dir, "model.gguf"), ggufHeader(1<<40, nil))
				return workspace.Options{}
			},
			want: []outcome{{path: "model.gguf", finding: "manifest/unreadable"}},
		},
		{
			name: "GGUF header with a 4 GB string",
			setup: func(t *testing.T, dir string) workspace.Options {
				kv := ggufString("general.license")
				kv = binary.LittleEndian.AppendUint32(kv, 8) // string
				kv = binary.LittleEndian.AppendUint64(kv, 4<<30)
				kv = append(kv, "apache-2.0"...)
				writeBytes(t, filepath.Join(dir, "model.gguf"), ggufHeader(1, kv))
				return workspace.Options{}
			},
			want: []outcome{{path: "model.gguf", finding: "manifest/unreadable"}},
		},
		{
			name: "10000 nested folders",
			setup: func(t *testing.T, dir string) workspace.Options {
				nest(t, dir, 10000)
				return workspace.Options{}
			},
			// Past PATH_MAX the reader cannot name the folder; it says so.
			want: []outcome{{path: "d/d/d", skip: "file name too long"}},
		},
		{
			name: "file deleted between listing and reading",
			setup: func(t *testing.T, dir string) workspace.Options {
				writeFile(t, filepath.Join(dir, "LICENSE"), plainLicense)
				return workspace.Options{Open: func(name string) (*os.File, error) {
					if filepath.Base(name) == "LICENSE" {
						if err := os.Remove(name); err != nil {
							t.Fatal(err)
						}
					}
					return os.Open(name)
				}}
			},
			want: []outcome{{path: "LICENSE", skip: "no such file"}},
		},
		{
			name: "unreadable file (permission denied injected: tests run as root)",
			setup: func(t *testing.T, dir string) workspace.Options {
				writeFile(t, filepath.Join(dir, "LICENSE"), plainLicense)
				return workspace.Options{Open: func(name string) (*os.File, error) {
					if filepath.Base(name) == "LICENSE" {
						return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
					}
					return os.Open(name)
				}}
			},
			want: []outcome{{path: "LICENSE", skip: "permission denied"}},
		},
		{
			name: "FIFO named LICENSE",
			setup: func(t *testing.T, dir string) workspace.Options {
				mkfifo(t, filepath.Join(dir, "LICENSE"))
				mkfifo(t, filepath.Join(dir, "fifo"))
				symlink(t, "fifo", filepath.Join(dir, "NOTICE"))
				return workspace.Options{}
			},
			want: []outcome{{path: "LICENSE", skip: "not a regular file"}, {path: "NOTICE", skip: "not a regular file"}},
		},
		{
			// The hook replaces the file and then opens it as the default
			// Open does (O_NONBLOCK): a plain os.Open would block here.
			name: "file replaced by a FIFO between listing and reading",
			setup: func(t *testing.T, dir string) workspace.Options {
				writeFile(t, filepath.Join(dir, "LICENSE"), plainLicense)
				return workspace.Options{Open: func(name string) (*os.File, error) {
					if filepath.Base(name) == "LICENSE" {
						if err := os.Remove(name); err != nil {
							t.Fatal(err)
						}
						mkfifo(t, name)
					}
					return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
				}}
			},
			want: []outcome{{path: "LICENSE", skip: "not a regular file"}},
		},
		{
			name: "directory named LICENSE",
			setup: func(t *testing.T, dir string) workspace.Options {
				mkdir(t, filepath.Join(dir, "LICENSE"))
				writeFile(t, filepath.Join(dir, "LICENSE", "MIT.txt"), "MIT License\n\nCopyright (c) 2026 Acme\n")
				return workspace.Options{}
			},
			// A LICENSE folder is a folder (REUSE keeps LICENSES/ so): it is
			// walked, and the license inside it is read.
			want: []outcome{{path: "LICENSE/MIT.txt", finding: ""}},
		},
	}
}

// met reports whether the skips or findings satisfy w. An empty finding
// code means the file only has to have been read without a skip.
func met(w outcome, snap *analysis.Snapshot, skips []workspace.Skip, res *analysis.Result) bool {
	if w.skip != "" {
		for _, s := range skips {
			if (s.Path == w.path || strings.HasPrefix(s.Path, w.path+"/")) && strings.Contains(s.Reason, w.skip) {
				return true
			}
		}
		return false
	}
	if w.finding == "" {
		for _, s := range skips {
			if s.Path == w.path {
				return false
			}
		}
		return hasDoc(snap, w.path)
	}
	for _, f := range res.Findings() {
		if f.Path == w.path && strings.HasPrefix(f.Code, w.finding) {
			return true
		}
	}
	return false
}

// loadAndAnalyze runs the scan the CLI and the server run, and returns how
// many bytes it allocated.
func loadAndAnalyze(t *testing.T, dir string, opts workspace.Options) (*analysis.Snapshot, []workspace.Skip, *analysis.Result, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	snap, skips, err := workspace.Load(dir, opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	res := analysis.New().Analyze(context.Background(), snap)
	runtime.ReadMemStats(&after)
	return snap, skips, res, after.TotalAlloc - before.TotalAlloc
}

// warmUp pays the analyzer's one-time initialisation (license matcher,
// knowledge base) before any allocation is measured.
func warmUp() {
	a := analysis.New()
	a.Warmup()
	a.Analyze(context.Background(), &analysis.Snapshot{Docs: []analysis.Document{
		{Path: "LICENSE", Kind: analysis.KindLicense, Text: []byte(plainLicense)},
		{Path: "README.md", Kind: analysis.KindCard, Text: []byte("---\nlicense: mit\n---\n")},
	}})
}

// shorten keeps log lines of very deep paths readable.
func shorten(p string) string {
	if len(p) > 80 {
		return p[:40] + fmt.Sprintf("...(%d bytes)...", len(p)-80) + p[len(p)-40:]
	}
	return p
}

func hasDoc(s *analysis.Snapshot, p string) bool {
	for _, d := range s.Docs {
		if d.Path == p {
			return true
		}
	}
	return false
}

// billionLaughs is a YAML alias bomb: nine levels of ten aliases each would
// expand to 10^9 strings.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(name + ": &" + name + " [")
		for k := 0; k < 9; k++ {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	return b.String()
}

// ggufHeader is a GGUF v3 header claiming keys key-value pairs, followed by
// the encoded pairs in kvs.
func ggufHeader(keys uint64, kvs []byte) []byte {
	b := []byte("GGUF")
	b = binary.LittleEndian.AppendUint32(b, 3)
	b = binary.LittleEndian.AppendUint64(b, 0)
	b = binary.LittleEndian.AppendUint64(b, keys)
	b = append(b, kvs...)
	return append(b, make([]byte, 64)...)
}

func ggufString(s string) []byte {
	return append(binary.LittleEndian.AppendUint64(nil, uint64(len(s))), s...)
}

// nest makes depth folders named "d" inside each other. It works from the
// parent by handle (os.Root), since the full path soon passes PATH_MAX.
func nest(t *testing.T, dir string, depth int) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < depth; i++ {
		if err := root.Mkdir("d", 0o755); err != nil {
			t.Fatalf("depth %d: %v", i, err)
		}
		if i == depth-1 {
			break
		}
		child, err := root.OpenRoot("d")
		if err != nil {
			t.Fatalf("depth %d: %v", i, err)
		}
		root.Close()
		root = child
	}
	root.Close()
}

func writeFile(t *testing.T, p, text string) { t.Helper(); writeBytes(t, p, []byte(text)) }

func writeBytes(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, p string) {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		if errors.Is(err, syscall.ENOSYS) || errors.Is(err, syscall.EPERM) {
			t.Skipf("FIFOs unavailable: %v", err)
		}
		t.Fatal(err)
	}
}
