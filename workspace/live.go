package workspace

import (
	"slices"

	"github.com/fineprint-dev/fineprint/analysis"
)

// Live is one workspace loaded again and again, as the language server
// does after every change: it keeps what earlier loads read (a Cache), and
// the last snapshot with the buffers it was loaded with, which an edit to a
// buffer reuses instead of walking the folder again. It is not safe for
// concurrent use.
type Live struct {
	root    string
	cache   Cache
	snap    *analysis.Snapshot // nil: the next Load walks the folder
	buffers map[string]bool    // the paths of the buffers in snap
	opts    Options            // the options snap was loaded with, Overlay aside
	walk    walkFiles          // what the root profile made of them (withRootProfile)
}

// walkFiles are the options that the root profile can change and that
// decide which files a walk reads.
type walkFiles struct {
	ignore   []string
	maxFiles int
	maxBytes int64
}

func (a walkFiles) equal(b walkFiles) bool {
	return slices.Equal(a.ignore, b.ignore) && a.maxFiles == b.maxFiles && a.maxBytes == b.maxBytes
}

func walkFilesOf(o Options) walkFiles {
	if o.MaxFiles <= 0 {
		o.MaxFiles = analysis.DefaultMaxFiles
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = analysis.DefaultMaxBytes
	}
	return walkFiles{o.Ignore, o.MaxFiles, o.MaxBytes}
}

// NewLive returns the live workspace at root.
func NewLive(root string) *Live { return &Live{root: root} }

// Root is the folder of the workspace.
func (l *Live) Root() string { return l.root }

// Load returns the workspace with the buffers of opts.Overlay. When
// nothing but buffers changed since the last Load (diskChanged is false),
// the same buffers are open, and the options and ignore globs are the same,
// the buffers are swapped into the last snapshot without touching the disk:
// the result is what a walk would give. Otherwise it walks the folder,
// with opts.Cache set to the Live's own. Skips are reported by walks only.
func (l *Live) Load(opts Options, diskChanged bool) (*analysis.Snapshot, []Skip, error) {
	opts.Cache = &l.cache
	if !diskChanged && l.snap != nil && l.sameBuffers(opts.Overlay) && sameOptions(l.opts, opts) {
		walk := l.walk
		if _, ok := opts.Overlay[analysis.ProfileFile]; ok {
			walk = walkFilesOf(withRootProfile(l.root, "", opts)) // the buffer's profile is read; the disk is not
		}
		if walk.equal(l.walk) {
			o := opts
			o.Ignore = walk.ignore
			l.snap = withOverlay(l.snap, opts.Overlay, o)
			return l.snap, nil, nil
		}
	}
	l.snap = nil
	w, err := newWalker(l.root, opts)
	if err != nil {
		return nil, nil, err
	}
	snap, skips, err := w.load()
	if err != nil {
		return nil, nil, err
	}
	l.snap, l.opts, l.walk = snap, opts, walkFilesOf(w.opts)
	l.opts.Overlay = nil
	l.buffers = make(map[string]bool, len(opts.Overlay))
	for p := range opts.Overlay {
		l.buffers[p] = true
	}
	return snap, skips, nil
}

func (l *Live) sameBuffers(overlay map[string][]byte) bool {
	if len(overlay) != len(l.buffers) {
		return false
	}
	for p := range overlay {
		if !l.buffers[p] {
			return false
		}
	}
	return true
}

// sameOptions compares what decides which files a walk reads.
func sameOptions(a, b Options) bool {
	return slices.Equal(a.Ignore, b.Ignore) && a.ExternalProfile == b.ExternalProfile &&
		a.MaxFileSize == b.MaxFileSize && a.MaxHeaderSize == b.MaxHeaderSize &&
		a.MaxFiles == b.MaxFiles && a.MaxBytes == b.MaxBytes
}
