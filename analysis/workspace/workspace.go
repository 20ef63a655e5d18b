// Package workspace reads a project folder into an analysis.Snapshot.
//
// It walks the root, classifies every file by the kinds of DESIGN section 1,
// reads only the files fineprint looks at, and substitutes open editor
// buffers (the overlay) for their disk contents. It skips version-control
// and dependency folders, the profile's ignore globs, binary files and files
// over the size cap, and reports each skip with its reason. Symbolic links
// are not followed out of the root, and link loops end the descent.
package workspace

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis"
)

// Options control a Load.
type Options struct {
	// Overlay maps workspace-relative paths to editor buffers that replace
	// the file on disk (or add a file not yet saved).
	Overlay map[string][]byte
	// Ignore holds globs of workspace-relative paths to skip ("third_party/**").
	Ignore []string
	// MaxFileSize caps the bytes read from any text file; larger files are
	// skipped. Zero means DefaultMaxFileSize.
	MaxFileSize int64
	// MaxHeaderSize caps the bytes read from the start of a GGUF file.
	// Zero means DefaultMaxHeaderSize.
	MaxHeaderSize int64
}

const (
	DefaultMaxFileSize   = 4 << 20
	DefaultMaxHeaderSize = 16 << 20
)

// Skip records a file that was not analysed, and why.
type Skip struct {
	Path   string
	Reason string
}

// skippedDirs are never descended into.
var skippedDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, ".venv": true, "venv": true,
	"__pycache__": true, ".tox": true, ".mypy_cache": true, ".pytest_cache": true, "site-packages": true,
}

// Load reads the workspace at root. The error is non-nil only when root
// itself cannot be read; problems with single files become Skips.
func Load(root string, opts Options) (*analysis.Snapshot, []Skip, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, nil, err
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("%s: not a directory", root)
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.MaxHeaderSize <= 0 {
		opts.MaxHeaderSize = DefaultMaxHeaderSize
	}
	w := &walker{root: abs, opts: opts, seen: map[string]bool{}}
	w.walk(abs, "")
	for p, text := range opts.Overlay {
		if w.seen[p] || w.ignored(p) {
			continue
		}
		w.add(p, text, int64(len(text)))
	}
	sort.Slice(w.docs, func(i, j int) bool { return w.docs[i].Path < w.docs[j].Path })
	return &analysis.Snapshot{Root: abs, Docs: w.docs}, w.skips, nil
}

type walker struct {
	root  string
	opts  Options
	docs  []analysis.Document
	skips []Skip
	seen  map[string]bool
	dirs  []string // real paths of the directories being descended, to stop link loops
}

func (w *walker) ignored(rel string) bool {
	for _, g := range w.opts.Ignore {
		if Match(g, rel) {
			return true
		}
	}
	return false
}

func (w *walker) walk(dir, rel string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.skips = append(w.skips, Skip{rel, err.Error()})
		return
	}
	for _, d := range w.dirs {
		if d == real {
			w.skips = append(w.skips, Skip{rel, "symbolic link loop"})
			return
		}
	}
	if !within(w.root, real) {
		w.skips = append(w.skips, Skip{rel, "symbolic link leads outside the workspace"})
		return
	}
	w.dirs = append(w.dirs, real)
	defer func() { w.dirs = w.dirs[:len(w.dirs)-1] }()
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.skips = append(w.skips, Skip{rel, err.Error()})
		return
	}
	for _, e := range entries {
		name := e.Name()
		childRel := path.Join(rel, name)
		child := filepath.Join(dir, name)
		if w.ignored(childRel) {
			continue
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			target, err := os.Stat(child)
			if err != nil {
				w.skips = append(w.skips, Skip{childRel, "broken symbolic link"})
				continue
			}
			mode = target.Mode().Type()
		}
		switch {
		case mode.IsDir():
			if skippedDirs[name] {
				continue
			}
			w.walk(child, childRel)
		case mode.IsRegular():
			w.file(child, childRel)
		}
	}
}

func within(root, p string) bool {
	return p == root || strings.HasPrefix(p, root+string(filepath.Separator))
}

func (w *walker) file(abs, rel string) {
	kind := analysis.ClassifyPath(rel)
	if kind == analysis.KindOther {
		return
	}
	w.seen[rel] = true
	if text, ok := w.opts.Overlay[rel]; ok {
		w.add(rel, text, int64(len(text)))
		return
	}
	if real, err := filepath.EvalSymlinks(abs); err != nil || !within(w.root, real) {
		w.skips = append(w.skips, Skip{rel, "symbolic link leads outside the workspace"})
		return
	}
	f, err := os.Open(abs)
	if err != nil {
		w.skips = append(w.skips, Skip{rel, reason(err)})
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		w.skips = append(w.skips, Skip{rel, err.Error()})
		return
	}
	limit := w.opts.MaxFileSize
	if kind == analysis.KindGGUF {
		limit = w.opts.MaxHeaderSize
	} else if info.Size() > limit {
		w.skips = append(w.skips, Skip{rel, fmt.Sprintf("larger than %d bytes", limit)})
		return
	}
	text, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		w.skips = append(w.skips, Skip{rel, err.Error()})
		return
	}
	if kind != analysis.KindGGUF && isBinary(text) {
		w.skips = append(w.skips, Skip{rel, "binary file"})
		return
	}
	w.add(rel, text, info.Size())
}

func (w *walker) add(rel string, text []byte, size int64) {
	kind := analysis.ClassifyContent(analysis.ClassifyPath(rel), text)
	if kind == analysis.KindOther || kind == analysis.KindMarkdown {
		return
	}
	w.docs = append(w.docs, analysis.Document{Path: rel, Kind: kind, Text: text, Size: size})
}

// reason is err without the path, which the Skip already names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// isBinary reports a NUL byte in the first 8 KB, as git does.
func isBinary(text []byte) bool {
	n := min(len(text), 8<<10)
	for _, c := range text[:n] {
		if c == 0 {
			return true
		}
	}
	return false
}

// Match reports whether the workspace-relative path p matches glob g. Globs
// use path.Match syntax per segment plus "**" for any number of segments; a
// glob without "/" matches a file or folder name at any depth; a path also
// matches when one of its parent folders does.
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
