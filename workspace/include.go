package workspace

import (
	"os"
	"path/filepath"

	"github.com/fineprint-dev/fineprint/analysis"
)

// rootIncludes are the include: globs of the workspace's .fineprint.yaml
// (an open buffer of it first, else the file), so that every caller (the
// server's scans, check, record) reads the vendored folders the project
// names; nil when it names none.
func rootIncludes(root string, overlay map[string][]byte) []string {
	data, ok := overlay[analysis.ProfileFile]
	if !ok {
		info, err := os.Stat(filepath.Join(root, analysis.ProfileFile))
		if err != nil || !info.Mode().IsRegular() || info.Size() > 1<<20 {
			return nil
		}
		if data, err = os.ReadFile(filepath.Join(root, analysis.ProfileFile)); err != nil {
			return nil
		}
	}
	p, _ := analysis.ParseProfile(analysis.ProfileFile, data)
	return p.Include
}
