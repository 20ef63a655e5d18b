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
	"github.com/fineprint-dev/fineprint/analysis/glob"
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
	// Progress, when set, is called with the number of files read so far,
	// after each one, so that a long scan can show that it is moving.
	Progress func(read int)
	// Open opens a file for reading; nil means os.Open. Sandboxes and tests
	// substitute it (a test running as root cannot make a file unreadable).
	Open func(name string) (*os.File, error)
}

const (
	DefaultMaxFileSize   = 4 << 20
	DefaultMaxHeaderSize = 16 << 20
)

// Skip records a file that was not analysed, and why.
type Skip struct {
	Path   string
	Reason string
	// IOError is set when the file should have been read but could not be
	// (permission denied, a read error), as opposed to skipped on purpose
	// (binary, too large, a link loop or a link out of the workspace).
	IOError bool
}

// skippedDirs are never descended into.
var skippedDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, ".venv": true, "venv": true,
	"__pycache__": true, ".tox": true, ".mypy_cache": true, ".pytest_cache": true, "site-packages": true,
}

// Load reads the workspace at root. The error is non-nil only when root
// itself cannot be read; problems with single files become Skips.
func Load(root string, opts Options) (*analysis.Snapshot, []Skip, error) {
	w, err := newWalker(root, opts)
	if err != nil {
		return nil, nil, err
	}
	if err := w.walkRoot(); err != nil {
		return nil, nil, err
	}
	return w.finish(), w.skips, nil
}

// LoadFiles reads only the named files of the workspace at root (paths
// relative to root, "/"-separated), as when a user checks single files.
// The workspace's profile is read too, when there is one, so that the
// project's intentions still apply. The error is non-nil when root or one
// of the files does not exist or is not a regular file; unreadable files
// become Skips with IOError set.
func LoadFiles(root string, files []string, opts Options) (*analysis.Snapshot, []Skip, error) {
	w, err := newWalker(root, opts)
	if err != nil {
		return nil, nil, err
	}
	for _, rel := range append([]string{analysis.ProfileFile}, files...) {
		if w.seen[rel] {
			continue
		}
		abs := filepath.Join(w.root, filepath.FromSlash(rel))
		info, err := os.Stat(abs)
		if rel == analysis.ProfileFile && errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %s", rel, reason(err))
		}
		if !info.Mode().IsRegular() {
			return nil, nil, fmt.Errorf("%s: not a regular file", rel)
		}
		docs, skips := len(w.docs), len(w.skips)
		if w.file(abs, rel); len(w.docs) == docs && len(w.skips) == skips && rel != analysis.ProfileFile {
			// Named on purpose, so say why nothing came of it.
			w.skips = append(w.skips, Skip{Path: rel, Reason: "not a license, model card, manifest or fineprint file"})
		}
	}
	return w.finish(), w.skips, nil
}

type walker struct {
	root  string // absolute, as given
	real  string // root with symbolic links resolved, to tell what lies inside
	opts  Options
	docs  []analysis.Document
	skips []Skip
	seen  map[string]bool
	dirs  []string // real paths of the directories being descended, to stop link loops
	read  int
	// weights are model weight files: listed, never read (project.go).
	weights []string
}

func newWalker(root string, opts Options) (*walker, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", root, reason(err))
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", root)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", root, reason(err))
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.MaxHeaderSize <= 0 {
		opts.MaxHeaderSize = DefaultMaxHeaderSize
	}
	if opts.Open == nil {
		opts.Open = os.Open
	}
	return &walker{root: abs, real: real, opts: opts, seen: map[string]bool{}}, nil
}

// finish adds the overlay's unsaved files and returns the snapshot.
func (w *walker) finish() *analysis.Snapshot {
	for p, text := range w.opts.Overlay {
		if w.seen[p] || w.ignored(p) {
			continue
		}
		w.add(p, text, int64(len(text)))
	}
	sort.Slice(w.docs, func(i, j int) bool { return w.docs[i].Path < w.docs[j].Path })
	return &analysis.Snapshot{Root: w.root, Docs: w.docs, Weights: w.weights, ModelCache: HubCache(HubCacheDir(os.Getenv))}
}

func (w *walker) ignored(rel string) bool {
	for _, g := range w.opts.Ignore {
		if Match(g, rel) {
			return true
		}
	}
	return false
}

// walkRoot walks the whole workspace; only an unreadable root is an error.
func (w *walker) walkRoot() error {
	if _, err := os.ReadDir(w.root); err != nil {
		return fmt.Errorf("%s: %s", w.root, reason(err))
	}
	w.walk(w.root, "")
	return nil
}

func (w *walker) walk(dir, rel string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.skips = append(w.skips, Skip{Path: rel, Reason: reason(err), IOError: true})
		return
	}
	for _, d := range w.dirs {
		if d == real {
			w.skips = append(w.skips, Skip{Path: rel, Reason: "symbolic link loop"})
			return
		}
	}
	if !within(w.real, real) {
		w.skips = append(w.skips, Skip{Path: rel, Reason: "symbolic link leads outside the workspace"})
		return
	}
	w.dirs = append(w.dirs, real)
	defer func() { w.dirs = w.dirs[:len(w.dirs)-1] }()
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.skips = append(w.skips, Skip{Path: rel, Reason: reason(err), IOError: true})
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
				w.skips = append(w.skips, Skip{Path: childRel, Reason: "broken symbolic link"})
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
	if strings.HasSuffix(root, string(filepath.Separator)) {
		return strings.HasPrefix(p, root)
	}
	return p == root || strings.HasPrefix(p, root+string(filepath.Separator))
}

// file reads one file when its name says fineprint looks at it, and reports
// whether it did look (a file of no interest is never opened).
func (w *walker) file(abs, rel string) bool {
	kind := analysis.ClassifyPath(rel)
	if kind == analysis.KindOther {
		if analysis.IsWeightsFile(rel) {
			w.weights = append(w.weights, rel)
		}
		return false
	}
	w.seen[rel] = true
	if text, ok := w.opts.Overlay[rel]; ok {
		w.add(rel, text, int64(len(text)))
		return true
	}
	if real, err := filepath.EvalSymlinks(abs); err != nil || !within(w.real, real) {
		w.skips = append(w.skips, Skip{Path: rel, Reason: "symbolic link leads outside the workspace"})
		return true
	}
	text, size, skip := w.read1(abs, kind)
	if skip != nil {
		skip.Path = rel
		w.skips = append(w.skips, *skip)
		return true
	}
	w.read++
	if w.opts.Progress != nil {
		w.opts.Progress(w.read)
	}
	w.add(rel, text, size)
	return true
}

// read1 reads a file's text (a GGUF file's header only), or says why not.
func (w *walker) read1(abs string, kind analysis.Kind) ([]byte, int64, *Skip) {
	f, err := w.opts.Open(abs)
	if err != nil {
		return nil, 0, &Skip{Reason: reason(err), IOError: true}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, &Skip{Reason: reason(err), IOError: true}
	}
	limit := w.opts.MaxFileSize
	if kind == analysis.KindGGUF {
		limit = w.opts.MaxHeaderSize
	} else if info.Size() > limit {
		return nil, 0, &Skip{Reason: fmt.Sprintf("larger than %d bytes", limit)}
	}
	text, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		return nil, 0, &Skip{Reason: reason(err), IOError: true}
	}
	if kind != analysis.KindGGUF && isBinary(text) {
		return nil, 0, &Skip{Reason: "binary file"}
	}
	return text, info.Size(), nil
}

func (w *walker) add(rel string, text []byte, size int64) {
	kind := analysis.ClassifyContent(analysis.ClassifyPath(rel), text)
	if kind == analysis.KindOther || kind == analysis.KindMarkdown && !isReadme(rel) {
		return
	}
	w.docs = append(w.docs, analysis.Document{Path: rel, Kind: kind, Text: text, Size: size})
}

// isReadme says whether a plain Markdown file is a README, which stays in
// the snapshot: the project's README is where a license's public attribution
// must appear (notice/missing-attribution) and where its fix edits.
func isReadme(rel string) bool {
	return strings.HasPrefix(strings.ToLower(path.Base(rel)), "readme")
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

// Match reports whether the workspace-relative path p matches glob g, with
// the profile's glob syntax (package glob).
func Match(g, p string) bool { return glob.Match(g, p) }
