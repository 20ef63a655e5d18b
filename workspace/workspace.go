// Package workspace reads a project folder into an analysis.Snapshot.
//
// It walks the root, classifies every file by its kind (analysis.ClassifyPath),
// reads only the files fineprint looks at, and substitutes open editor
// buffers (the overlay) for their disk contents. It skips version-control
// and dependency folders, the profile's ignore globs, binary files and files
// over the size cap, and reports each skip with its reason. Symbolic links
// are not followed out of the root, and each real folder (by device and
// inode) is walked once, however many links lead to it. Workspace-wide caps
// bound the files and bytes read, and a context cancels the walk
// (docs/security.md).
package workspace

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/gguf"
	"github.com/fineprint-dev/fineprint/analysis/glob"
	"github.com/fineprint-dev/fineprint/analysis/manifest"
)

// Options control a Load.
type Options struct {
	// Overlay maps workspace-relative paths to editor buffers that replace
	// the file on disk (or add a file not yet saved).
	Overlay map[string][]byte
	// Ignore holds globs of workspace-relative paths to skip ("third_party/**"):
	// the editor's settings, or the profile given with --config. The root's
	// .fineprint.yaml replaces them when it has an ignore list (ignore.go).
	Ignore []string
	// ExternalProfile says that the caller's profile replaces the root's
	// .fineprint.yaml (`check --config`): Ignore alone applies.
	ExternalProfile bool
	// Include holds globs of folders that DefaultSkipped would skip and
	// that are read all the same ("vendor/acme/**", "third_party").
	Include []string
	// MaxFileSize caps the bytes read from any text file; larger files are
	// skipped. Zero means DefaultMaxFileSize.
	MaxFileSize int64
	// MaxHeaderSize caps the bytes read from the start of a GGUF file.
	// Zero means DefaultMaxHeaderSize.
	MaxHeaderSize int64
	// Progress, when set, is called with the number of files read so far,
	// after each one, so that a long scan can show that it is moving.
	Progress func(read int)
	// Open opens a file for reading; nil means os.Open without blocking on
	// a FIFO. Sandboxes and tests substitute it (a test running as root
	// cannot make a file unreadable).
	Open func(name string) (*os.File, error)
	// MaxFiles caps the files read in one Load (texts, GGUF headers and
	// overlay buffers alike); the files past it are left out, and one Skip
	// says so. Zero means analysis.DefaultMaxFiles.
	MaxFiles int
	// MaxBytes caps the bytes of all the files read in one Load together
	// (a file reached by several links counts each time it is analysed).
	// Zero means analysis.DefaultMaxBytes.
	MaxBytes int64
	// Context cancels the walk: Load then returns its error. Nil means
	// never cancelled.
	Context context.Context
	// Stats, when set, receives what the walk did: the work a hostile
	// repository can make it do, which the tests bound.
	Stats *Stats
	// Cache, when set, keeps what earlier Loads read and hands it back
	// while a file's size, modification time and identity are unchanged, so
	// that a rescan (the server's, after every change) stats files instead
	// of reading them again. One Cache serves one root.
	Cache *Cache
	// Retain, when set, is asked about each file read from disk, right
	// after reading it; when it answers false the document keeps only its
	// size (analysis.Document.Omitted) and the Cache remembers that, so the
	// walk never holds the texts of the many files nothing reads.
	// analysis.Analyzer.Retains is the one to use; callers that pass it
	// must analyse the snapshot with the same Analyzer.
	Retain func(*analysis.Document) bool
}

// Cache holds file contents between Loads of one workspace; the zero value
// is ready to use, and it is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	gen     int
	entries map[string]cacheEntry // by absolute path
}

type cacheEntry struct {
	stamp
	content
	gen int
}

// stamp is what tells a file unchanged: its size, modification time and
// identity (a file replaced by rename is another file). It is a few words,
// where an fs.FileInfo is a few hundred bytes per file of the workspace.
type stamp struct {
	size, mtime int64
	id          fileID
	hasID       bool
}

func stampOf(info fs.FileInfo) stamp {
	id, ok := idOf(info)
	return stamp{size: info.Size(), mtime: info.ModTime().UnixNano(), id: id, hasID: ok}
}

// content is what a walk keeps of a file it read: its text, or, when the
// text was omitted (Options.Retain), nothing but the fact.
type content struct {
	text    []byte
	omitted bool
}

// get returns the cached content of abs when info still describes it.
func (c *Cache) get(abs string, info fs.FileInfo) (content, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[abs]
	if !ok || e.stamp != stampOf(info) { // without an identity (idOf), size and time alone
		return content{}, false
	}
	e.gen = c.gen
	c.entries[abs] = e
	return e.content, true
}

func (c *Cache) put(abs string, info fs.FileInfo, ct content) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]cacheEntry{}
	}
	c.entries[abs] = cacheEntry{stamp: stampOf(info), content: ct, gen: c.gen}
}

// begin starts a full Load; end drops the files it did not see.
func (c *Cache) begin() {
	c.mu.Lock()
	c.gen++
	c.mu.Unlock()
}

func (c *Cache) end() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p, e := range c.entries {
		if e.gen != c.gen {
			delete(c.entries, p)
		}
	}
}

const (
	DefaultMaxFileSize   = 4 << 20
	DefaultMaxHeaderSize = 16 << 20
)

// Stats count the work of one Load.
type Stats struct {
	Dirs      int   // folders listed
	Files     int   // files read (or taken from the cache or the overlay)
	BytesRead int64 // bytes read from disk (a file reached twice is read once)
	Bytes     int64 // bytes of the files read, as counted against MaxBytes
	GlobSteps int   // segment comparisons made matching ignore globs
}

// ggufChunk is the first read of a GGUF file; the read grows fourfold while
// the header goes on past what was read, up to MaxHeaderSize.
const ggufChunk = 64 << 10

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

// DefaultSkipped are the names of folders that hold other people's code
// (vendored dependencies), skipped unless the profile's include: names
// them: their licenses are theirs, not the project's.
var DefaultSkipped = map[string]bool{"vendor": true, "third_party": true, "third-party": true, "thirdparty": true, "3rdparty": true}

// skippedByDefault reports whether rel lies in a folder DefaultSkipped
// names and the profile's include: globs do not take it (or, for a folder,
// something below it) back.
func (w *walker) skippedByDefault(rel string) bool {
	lower := strings.ToLower(rel)
	if !strings.Contains(lower, "vendor") && !strings.Contains(lower, "third") && !strings.Contains(lower, "3rdparty") {
		return false // the common case, without splitting the path
	}
	inside := false
	for _, part := range strings.Split(rel, "/") {
		inside = inside || DefaultSkipped[strings.ToLower(part)]
	}
	if !inside {
		return false
	}
	for _, g := range w.opts.Include {
		if Match(g, rel) || Match(g, rel+"/x") || strings.HasPrefix(g, rel+"/") {
			return false
		}
	}
	return true
}

// Load reads the workspace at root. The error is non-nil only when root
// itself cannot be read; problems with single files become Skips.
func Load(root string, opts Options) (*analysis.Snapshot, []Skip, error) {
	w, err := newWalker(root, opts)
	if err != nil {
		return nil, nil, err
	}
	return w.load()
}

// load walks the whole workspace.
func (w *walker) load() (*analysis.Snapshot, []Skip, error) {
	if c := w.opts.Cache; c != nil {
		c.begin()
	}
	if err := w.walkRoot(); err != nil {
		return nil, nil, err
	}
	if err := w.ctx.Err(); err != nil {
		if w.opts.Stats != nil {
			*w.opts.Stats = w.stats
		}
		return nil, nil, err // the cache keeps what it had: this walk saw only part
	}
	if c := w.opts.Cache; c != nil {
		c.end()
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
		if w.file(abs, rel, ""); len(w.docs) == docs && len(w.skips) == skips && rel != analysis.ProfileFile {
			// Named on purpose, so say why nothing came of it.
			w.skips = append(w.skips, Skip{Path: rel, Reason: "not a license, model card, manifest or fineprint file"})
		}
	}
	w.projectContext(files)
	return w.finish(), w.skips, nil
}

// projectContext reads, for files checked on their own, the files their
// projects' rules read: the README, NOTICE and license files of each folder
// from the file's own up to the root, where a folder holding a root marker
// (analysis.IsRootMarker, a model card) is a project. It notes the
// markers it sees. Problems reading them are not reported: they were not
// asked for. The caller reports findings about the named files only.
func (w *walker) projectContext(files []string) {
	done := map[string]bool{}
	for _, rel := range files {
		for dir := path.Dir(rel); !done[dir]; dir = path.Dir(dir) {
			done[dir] = true
			w.contextDir(dir)
			if dir == "." {
				break
			}
		}
	}
}

func (w *walker) contextDir(dir string) {
	abs := filepath.Join(w.root, filepath.FromSlash(dir))
	entries, err := os.ReadDir(abs)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		rel := path.Join(dir, name)
		if analysis.IsRootMarker(name) && (e.IsDir() || analysis.ClassifyPath(rel) == analysis.KindOther) {
			w.markers = append(w.markers, rel)
		}
		lower := strings.ToLower(name)
		if w.seen[rel] || !e.Type().IsRegular() || w.ignored(rel) ||
			!(strings.HasPrefix(lower, "readme") || analysis.IsRootMarker(name) && analysis.ClassifyPath(rel) == analysis.KindLicense) {
			continue
		}
		skips := len(w.skips)
		w.file(filepath.Join(abs, name), rel, "")
		w.skips = w.skips[:skips]
	}
}

type walker struct {
	root  string // absolute, as given
	real  string // root with symbolic links resolved, to tell what lies inside
	opts  Options
	ctx   context.Context
	docs  []analysis.Document
	skips []Skip
	seen  map[string]bool
	// dirs maps each folder walked (device and inode) to its path, and
	// open holds those being descended: a folder is walked once, and one
	// reached again from inside itself is a loop.
	dirs   map[fileID]string
	open   map[fileID]bool
	texts  map[fileID]content // what each file read held, for its other names
	same   sameTexts          // the texts kept so far, by their bytes (same.go)
	globs  []*glob.Glob
	linked []link // links to folders, to walk when the real folders are done
	stats  Stats
	full   bool // a cap was reached (and reported)
	read   int
	// weights are model weight files: listed, never read (project.go).
	weights []string
	markers []string // files and folders not read that mark a project root
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
		opts.Open = openRead
	}
	opts = withRootProfile(abs, real, opts)
	if opts.MaxFiles <= 0 {
		opts.MaxFiles = analysis.DefaultMaxFiles
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = analysis.DefaultMaxBytes
	}
	if opts.Include == nil && !opts.ExternalProfile {
		opts.Include = rootIncludes(abs, opts.Overlay)
	}
	w := &walker{root: abs, real: real, opts: opts, seen: map[string]bool{},
		dirs: map[fileID]string{}, open: map[fileID]bool{}, texts: map[fileID]content{}, same: sameTexts{}}
	w.compile()
	w.ctx = opts.Context
	if w.ctx == nil {
		w.ctx = context.Background()
	}
	return w, nil
}

func (w *walker) compile() {
	w.globs = make([]*glob.Glob, len(w.opts.Ignore))
	for i, g := range w.opts.Ignore {
		w.globs[i] = glob.Compile(g)
	}
}

// fileID is a file's identity: two paths name one file when they agree.
// Where the platform gives no device and inode (idOf), a folder's path with
// links resolved stands in.
type fileID struct {
	dev, ino uint64
	path     string
}

// admit counts a file of n bytes against the workspace caps, and reports
// whether it may be read. The first file refused is reported as a Skip;
// the ones after it are left out silently (one report per cap).
func (w *walker) admit(rel string, n int64) bool {
	if w.full {
		return false
	}
	var why string
	switch {
	case w.stats.Files+1 > w.opts.MaxFiles:
		why = fmt.Sprintf("workspace limit of %d files reached: this file and any later ones were not read (limits.files in %s)", w.opts.MaxFiles, analysis.ProfileFile)
	case w.stats.Bytes+n > w.opts.MaxBytes:
		why = fmt.Sprintf("workspace limit of %d bytes reached: this file and any later ones were not read (limits.bytes in %s)", w.opts.MaxBytes, analysis.ProfileFile)
	default:
		w.stats.Files++
		w.stats.Bytes += n
		return true
	}
	w.full = true
	w.skips = append(w.skips, Skip{Path: rel, Reason: why, IOError: true})
	return false
}

// finish adds the overlay's unsaved files and returns the snapshot.
func (w *walker) finish() *analysis.Snapshot {
	for p, text := range w.opts.Overlay {
		if w.seen[p] || w.ignored(p) {
			continue
		}
		w.addDoc(Buffer(p, text, w.opts.MaxFileSize))
	}
	slices.SortFunc(w.docs, byPath)
	if w.opts.Stats != nil {
		*w.opts.Stats = w.stats
	}
	return &analysis.Snapshot{Root: w.root, Docs: w.docs, Weights: w.weights, Markers: w.markers, ModelCache: HubCache(HubCacheDir(os.Getenv)), Now: time.Now()}
}

func (w *walker) ignored(rel string) bool {
	for _, g := range w.globs {
		ok, steps := g.MatchSteps(rel)
		w.stats.GlobSteps += steps
		if ok {
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
	w.walk(w.root, "", w.real)
	// Folders reached through links come after every folder reachable
	// without one, so that a folder is read under its own path when it
	// has one; links found on the way join the queue.
	for len(w.linked) > 0 && w.ctx.Err() == nil {
		l := w.linked[0]
		w.linked = w.linked[1:]
		real, err := filepath.EvalSymlinks(l.abs)
		switch {
		case err != nil:
			w.skips = append(w.skips, Skip{Path: l.rel, Reason: reason(err), IOError: true})
		case within(real, l.parent):
			// A link to a folder that holds it.
			w.skips = append(w.skips, Skip{Path: l.rel, Reason: "symbolic link loop"})
		default:
			w.walk(l.abs, l.rel, real)
		}
	}
	return nil
}

// link is a symbolic link to a folder, walked after the real folders;
// parent is the real path of the folder that holds it.
type link struct{ abs, rel, parent string }

// walk descends dir, whose symbolic links resolve to real ("" when not yet
// resolved). An entry reached without a link resolves to its parent's real
// path plus its name, so only links cost an EvalSymlinks: resolving every
// path took one lstat per path component per file, a tenth of a rescan.
// Each folder is walked once by its identity (device and inode), so links
// that reach a folder many ways (two links per folder down a chain is 2^N
// paths) cost one skip each, never a second walk.
func (w *walker) walk(dir, rel, real string) {
	if w.ctx.Err() != nil {
		return
	}
	if real == "" {
		var err error
		if real, err = filepath.EvalSymlinks(dir); err != nil {
			w.skips = append(w.skips, Skip{Path: rel, Reason: reason(err), IOError: true})
			return
		}
	}
	info, err := os.Stat(dir)
	if err != nil {
		w.skips = append(w.skips, Skip{Path: rel, Reason: reason(err), IOError: true})
		return
	}
	id, ok := idOf(info)
	if !ok {
		id = fileID{path: real}
	}
	if w.open[id] {
		w.skips = append(w.skips, Skip{Path: rel, Reason: "symbolic link loop"})
		return
	}
	if first, ok := w.dirs[id]; ok {
		w.skips = append(w.skips, Skip{Path: rel, Reason: "folder already read as " + orRoot(first)})
		return
	}
	if !within(w.real, real) {
		w.skips = append(w.skips, Skip{Path: rel, Reason: "symbolic link leads outside the workspace"})
		return
	}
	w.dirs[id] = rel
	w.open[id] = true
	defer delete(w.open, id)
	entries, err := os.ReadDir(dir)
	w.stats.Dirs++
	if err != nil {
		w.skips = append(w.skips, Skip{Path: rel, Reason: reason(err), IOError: true})
		return
	}
	for _, e := range entries {
		if w.ctx.Err() != nil {
			return
		}
		name := e.Name()
		childRel := path.Join(rel, name)
		child := filepath.Join(dir, name)
		if w.ignored(childRel) {
			continue
		}
		mode := e.Type()
		childReal := filepath.Join(real, name)
		if mode&fs.ModeSymlink != 0 {
			target, err := os.Stat(child)
			if err != nil {
				w.skips = append(w.skips, Skip{Path: childRel, Reason: "broken symbolic link"})
				continue
			}
			mode = target.Mode().Type()
			childReal = "" // resolved where it is used
		}
		switch {
		case mode.IsDir():
			if skippedDirs[name] || w.skippedByDefault(childRel) {
				if analysis.IsRootMarker(name) {
					w.markers = append(w.markers, childRel)
				}
				continue
			}
			if childReal == "" {
				w.linked = append(w.linked, link{child, childRel, real})
				continue
			}
			w.walk(child, childRel, childReal)
		case mode.IsRegular():
			if w.skippedByDefault(childRel) {
				continue
			}
			w.file(child, childRel, childReal)
		case analysis.ClassifyPath(childRel) != analysis.KindOther:
			// A FIFO, device or socket with a license's name: opening a
			// FIFO would block the scan until something writes to it.
			w.skips = append(w.skips, Skip{Path: childRel, Reason: "not a regular file"})
		}
	}
}

func orRoot(rel string) string {
	if rel == "" {
		return "the workspace root"
	}
	return rel
}

func within(root, p string) bool {
	if strings.HasSuffix(root, string(filepath.Separator)) {
		return strings.HasPrefix(p, root)
	}
	return p == root || strings.HasPrefix(p, root+string(filepath.Separator))
}

// file reads one file when its name says fineprint looks at it, and reports
// whether it did look (a file of no interest is never opened). real is its
// path with links resolved, "" when that is still to be done.
func (w *walker) file(abs, rel, real string) bool {
	kind := analysis.ClassifyPath(rel)
	if kind == analysis.KindOther {
		if analysis.IsWeightsFile(rel) {
			w.weights = append(w.weights, rel)
		}
		if analysis.IsRootMarker(rel) {
			w.markers = append(w.markers, rel)
		}
		return false
	}
	w.seen[rel] = true
	if text, ok := w.opts.Overlay[rel]; ok {
		if d := Buffer(rel, text, w.opts.MaxFileSize); w.admit(rel, int64(len(d.Text))) {
			w.addDoc(d)
		}
		return true
	}
	if real == "" {
		var err error
		if real, err = filepath.EvalSymlinks(abs); err != nil {
			real = ""
		}
	}
	if real == "" || !within(w.real, real) {
		w.skips = append(w.skips, Skip{Path: rel, Reason: "symbolic link leads outside the workspace"})
		return true
	}
	ct, size, skip := w.read1(abs, rel, kind)
	if skip != nil {
		if skip.Reason != "" {
			skip.Path = rel
			w.skips = append(w.skips, *skip)
		}
		return true
	}
	w.read++
	if w.opts.Progress != nil {
		w.opts.Progress(w.read)
	}
	if ct.omitted {
		w.docs = append(w.docs, analysis.Document{Path: rel, Kind: kind, Size: size, Omitted: true})
		return true
	}
	d := Document(rel, ct.text, size)
	if w.opts.Retain != nil && !w.opts.Retain(&d) {
		// Nothing reads this file's bytes: keep its size, and tell the
		// cache and the file's other names.
		d.Text, d.Omitted = nil, true
		w.omit(abs, rel, d.Kind)
	} else if d.Kind != analysis.KindGGUF && kept(d) {
		w.same.keep(d.Text)
	}
	w.addDoc(d)
	return true
}

// omit notes that the file just read at abs under the name rel, of kind k,
// holds nothing to keep, in the walk's record of texts by identity and in
// the cache (which hands it back as omitted only for a kind its name alone
// decides).
func (w *walker) omit(abs, rel string, k analysis.Kind) {
	info, err := os.Stat(abs)
	if err != nil {
		return
	}
	if id, ok := idOf(info); ok {
		if _, seen := w.texts[id]; seen {
			w.texts[id] = content{omitted: true}
		}
	}
	if c := w.opts.Cache; c != nil && k == analysis.ClassifyPath(rel) {
		c.put(abs, info, content{omitted: true})
	}
}

// read1 reads a file's text (a GGUF file's header only), or says why not.
// A Skip without a reason means a workspace cap left the file out (admit
// reported it already).
func (w *walker) read1(abs, rel string, kind analysis.Kind) (content, int64, *Skip) {
	if c := w.opts.Cache; c != nil {
		if info, err := os.Stat(abs); err == nil {
			if ct, ok := c.get(abs, info); ok && (!ct.omitted || w.opts.Retain != nil) {
				n := int64(len(ct.text))
				if ct.omitted {
					n = info.Size()
				}
				if !w.admit(rel, n) {
					return content{}, 0, &Skip{}
				}
				return ct, info.Size(), nil
			}
		}
	}
	f, err := w.opts.Open(abs)
	if err != nil {
		return content{}, 0, &Skip{Reason: reason(err), IOError: true}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return content{}, 0, &Skip{Reason: reason(err), IOError: true}
	}
	if !info.Mode().IsRegular() { // replaced since the listing
		return content{}, 0, &Skip{Reason: "not a regular file"}
	}
	limit := w.opts.MaxFileSize
	if kind == analysis.KindGGUF {
		limit = w.opts.MaxHeaderSize
	} else if info.Size() > limit {
		return content{}, 0, &Skip{Reason: fmt.Sprintf("larger than %d bytes", limit)}
	}
	id, hasID := idOf(info)
	ct, seen := w.texts[id]
	if ct.omitted {
		// Another name of a file whose text was omitted: read it again
		// under this name, whose kind may differ.
		seen = false
	}
	text := ct.text
	if !hasID || !seen {
		// Sized from the stat: io.ReadAll would grow the buffer by doubling and
		// keep up to twice the text alive in the snapshot. A file that grew
		// since the stat is read up to its size then; one that shrank, to its end.
		want := min(info.Size(), limit)
		if kind == analysis.KindGGUF {
			want = min(want, ggufChunk)
		}
		if !w.admit(rel, want) {
			return content{}, 0, &Skip{}
		}
		if text, err = w.readText(f, want, min(info.Size(), limit), kind); err != nil {
			return content{}, 0, &Skip{Reason: reason(err), IOError: true}
		}
		if kind != analysis.KindGGUF { // a header may be read further later
			text = w.same.shared(text)
		}
		if hasID {
			w.texts[id] = content{text: text}
		}
	} else if !w.admit(rel, int64(len(text))) {
		return content{}, 0, &Skip{}
	}
	if kind != analysis.KindGGUF && isBinary(text) {
		return content{}, 0, &Skip{Reason: "binary file"}
	}
	if c := w.opts.Cache; c != nil {
		c.put(abs, info, content{text: text})
	}
	return content{text: text}, info.Size(), nil
}

// readText reads the text of f: a notebook streamed into its compact form
// (manifest.CompactNotebook: its cells' sources without their outputs),
// or, when it has none, read whole like any other file.
func (w *walker) readText(f *os.File, want, limit int64, kind analysis.Kind) ([]byte, error) {
	if kind == analysis.KindNotebook {
		counted := &countReader{r: io.LimitReader(f, want)}
		compact, ok, err := manifest.CompactNotebook(counted)
		w.stats.BytesRead += counted.n
		if err != nil {
			return nil, err
		}
		if ok {
			return compact, nil
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
	}
	return w.readAt(f, want, limit, kind)
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readAt reads want bytes of f; a GGUF file's read grows fourfold, up to
// limit, while its header goes on past what was read, so that a large
// sparse model costs its header, not MaxHeaderSize.
func (w *walker) readAt(f *os.File, want, limit int64, kind analysis.Kind) ([]byte, error) {
	text := make([]byte, want)
	n, err := io.ReadFull(f, text)
	w.stats.BytesRead += int64(n)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	text = text[:n]
	for kind == analysis.KindGGUF && int64(n) == want && want < limit {
		if _, err := gguf.ReadHeader(text); !errors.Is(err, gguf.ErrTruncated) {
			break
		}
		more := min(want*4, limit)
		if w.stats.Bytes+more-want > w.opts.MaxBytes {
			break // the cap: the header is read as far as it goes, and reported truncated
		}
		w.stats.Bytes += more - want
		text = append(text, make([]byte, more-want)...)
		n, err = io.ReadFull(f, text[want:])
		w.stats.BytesRead += int64(n)
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			return nil, err
		}
		text = text[:want+int64(n)]
		if int64(n) < more-want {
			break
		}
		want = more
	}
	return text, nil
}

func (w *walker) addDoc(d analysis.Document) {
	if kept(d) {
		w.docs = append(w.docs, d)
	}
}

// kept says whether a snapshot holds d: every kind a rule reads, and of
// plain Markdown only READMEs.
func kept(d analysis.Document) bool {
	return d.Kind != analysis.KindOther && (d.Kind != analysis.KindMarkdown || isReadme(d.Path))
}

// byPath orders documents by path; sorting them in place, without
// reflection, moves each once.
func byPath(a, b analysis.Document) int { return strings.Compare(a.Path, b.Path) }

// isReadme says whether a plain Markdown file is a README, which stays in
// the snapshot: the project's README is where a license's public attribution
// must appear (notice/missing-attribution) and where its fix edits.
func isReadme(rel string) bool {
	return strings.HasPrefix(strings.ToLower(path.Base(rel)), "readme")
}

// openRead opens a file for reading without blocking when a FIFO has
// replaced it since the listing; read1 then refuses it as not regular.
// Regular files ignore O_NONBLOCK.
func openRead(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
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

// withOverlay returns snap, a snapshot that Load returned, with the editor
// buffers of overlay in place of what it holds for their paths, without
// touching the disk: what Load(root, opts) with that overlay would return
// while the files on disk and the set of buffers stay as they were. Every
// open buffer must be in overlay, as it was in the Load, and opts.Ignore
// must be the globs the Load applied (withRootProfile). Live uses it on each
// keystroke; file events still call for a full Load. snap is left
// unchanged.
func withOverlay(snap *analysis.Snapshot, overlay map[string][]byte, opts Options) *analysis.Snapshot {
	w := &walker{opts: opts}
	w.compile()
	if docs, ok := w.replaced(snap.Docs, overlay); ok {
		out := *snap
		out.Docs = docs
		out.Now = time.Now()
		return &out
	}
	w.docs = make([]analysis.Document, 0, len(snap.Docs)+len(overlay))
	for _, d := range snap.Docs {
		if _, ok := overlay[d.Path]; !ok {
			w.docs = append(w.docs, d)
		}
	}
	kept := len(w.docs)
	for p, text := range overlay {
		if !w.ignored(p) {
			w.addDoc(Buffer(p, text, opts.MaxFileSize))
		}
	}
	if len(w.docs) > kept {
		// The buffers merged into the sorted rest: a keystroke in a large
		// workspace does not sort every path again.
		added := slices.Clone(w.docs[kept:])
		slices.SortStableFunc(added, byPath)
		merged := make([]analysis.Document, 0, len(w.docs))
		rest := w.docs[:kept]
		for _, d := range added {
			i, _ := slices.BinarySearchFunc(rest, d, byPath)
			merged = append(append(merged, rest[:i]...), d)
			rest = rest[i:]
		}
		w.docs = append(merged, rest...)
	}
	out := *snap
	out.Docs = w.docs
	out.Now = time.Now()
	return &out
}

// replaced is withOverlay's list of documents when every buffer stands for
// a document the snapshot already holds, as on a keystroke in an open file:
// one copy of the list with those entries swapped, where the general case
// builds the list without them and then merges them back (two lists of the
// whole workspace per keystroke, garbage the collector pays for). ok is
// false when a buffer is new, ignored, or no longer a kind the walk keeps.
func (w *walker) replaced(docs []analysis.Document, overlay map[string][]byte) (_ []analysis.Document, ok bool) {
	type swap struct {
		i int
		d analysis.Document
	}
	swaps := make([]swap, 0, len(overlay))
	for p, text := range overlay {
		i, found := slices.BinarySearchFunc(docs, p, func(d analysis.Document, p string) int { return strings.Compare(d.Path, p) })
		if !found || w.ignored(p) {
			return nil, false
		}
		d := Buffer(p, text, w.opts.MaxFileSize)
		if !kept(d) {
			return nil, false
		}
		swaps = append(swaps, swap{i, d})
	}
	out := slices.Clone(docs)
	for _, s := range swaps {
		out[s.i] = s.d
	}
	return out, true
}
