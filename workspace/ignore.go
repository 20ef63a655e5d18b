package workspace

import (
	"os"
	"path/filepath"

	"github.com/fineprint-dev/fineprint/analysis"
)

// withRootProfile returns opts with what the root's profile says about the
// walk. The profile (.fineprint.yaml, from an open buffer of it first, else
// from the disk) wins where it speaks, as it wins over the editor's
// settings in the analysis (analysis.Profile): its ignore list replaces
// opts.Ignore, and its limits apply where opts sets none. With
// opts.ExternalProfile the caller's profile replaces the root's (`check
// --config`), so the root's is not read. Every caller (the CLI, the server,
// record) loads through here, so that they see the same files.
func withRootProfile(root, real string, opts Options) Options {
	if opts.ExternalProfile {
		return opts
	}
	data, ok := opts.Overlay[analysis.ProfileFile]
	if !ok {
		data = readProfile(root, real, opts.MaxFileSize)
	}
	if data == nil {
		return opts
	}
	p, _ := analysis.ParseProfile(analysis.ProfileFile, data)
	if p.Ignore != nil {
		opts.Ignore = p.Ignore
	}
	if opts.MaxFiles <= 0 && p.Limits.Files > 0 {
		opts.MaxFiles = p.Limits.MaxFiles()
	}
	if opts.MaxBytes <= 0 && p.Limits.Bytes > 0 {
		opts.MaxBytes = p.Limits.MaxBytes()
	}
	return opts
}

// readProfile reads root's .fineprint.yaml as the walk would read it: a
// regular file inside the workspace, at most limit bytes; nil otherwise.
func readProfile(root, real string, limit int64) []byte {
	abs := filepath.Join(root, analysis.ProfileFile)
	resolved, err := filepath.EvalSymlinks(abs)
	if err != nil || !within(real, resolved) {
		return nil
	}
	info, err := os.Stat(resolved)
	if err != nil || !info.Mode().IsRegular() || limit > 0 && info.Size() > limit {
		return nil
	}
	data, err := os.ReadFile(resolved)
	if err != nil || isBinary(data) {
		return nil
	}
	return data
}
