package analysis

import (
	"path"
	"strings"
)

// A project is the nearest folder at or above a file that holds a root
// marker (a model card, LICENSE, NOTICE, pyproject.toml, package.json,
// go.mod, setup.py, a .git folder, .fineprint.yaml), bounded by the
// workspace root. Notice, attribution and license-copy rules, and their
// fixes, work per project: a monorepo's models/lumen/ with its own README,
// NOTICE and LICENSE is checked against those, not the root's.

// rootMarkerNames are the file (or folder) names that make a folder a
// project, apart from model cards, which are known by their content.
var rootMarkerNames = map[string]bool{
	"pyproject.toml": true, "package.json": true, "go.mod": true, "setup.py": true, ".git": true,
	ProfileFile: true,
}

// IsRootMarker reports whether a file or folder name (its base name) makes
// its folder a project root; model cards, known by their content, also do.
func IsRootMarker(name string) bool {
	lower := strings.ToLower(path.Base(name))
	if rootMarkerNames[lower] {
		return true
	}
	for _, prefix := range []string{"license", "licence", "notice", "copying"} {
		if strings.HasPrefix(lower, prefix) && !codeOrDataExt[path.Ext(lower)] {
			return true
		}
	}
	return false
}

// projectRoots are the folders of a snapshot that hold a root marker.
func projectRoots(s *Snapshot) map[string]bool {
	roots := map[string]bool{"": true}
	for _, m := range s.Markers {
		roots[dirOf(m)] = true
	}
	for i := range s.Docs {
		d := &s.Docs[i]
		if d.Kind == KindCard || d.Kind != KindPolicyCopy && IsRootMarker(d.Path) {
			roots[dirOf(d.Path)] = true
		}
	}
	return roots
}

// projectOf is the project folder of a workspace path ("" for the root).
func (pc *project) projectOf(p string) string {
	if pc.roots == nil {
		pc.roots = projectRoots(pc.s)
	}
	for d := dirOf(p); ; d = dirOf(d) {
		if d == "" || pc.roots[d] {
			return d
		}
	}
}

// projectFile returns the first document directly in the project folder
// dir whose name is prefix or starts with prefix and a dot
// (case-insensitive), e.g. "notice" or "readme".
func (pc *project) projectFile(dir, prefix string) *Document {
	for _, i := range pc.layout.docsIn[dir] {
		d := pc.docs[i]
		lower := strings.ToLower(path.Base(d.Path))
		if lower == prefix || strings.HasPrefix(lower, prefix+".") {
			return d
		}
	}
	return nil
}

// nearestFile is the file projectFile finds in project dir, else in the
// projects around it: a monorepo's one NOTICE serves the model folders
// inside it that keep none of their own.
func (pc *project) nearestFile(dir, prefix string) *Document {
	for {
		if d := pc.projectFile(dir, prefix); d != nil || dir == "" {
			return d
		}
		dir = pc.projectOf(dir)
	}
}

// inProject joins a file name to a project folder.
func inProject(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// licenseProject is the project a license text at p belongs to: its
// folder's project, unless that folder holds nothing but license texts (a
// model's license kept in third_party/sd35/), which is the license of
// something the project around it uses.
func (pc *project) licenseProject(p string) string {
	proj := pc.projectOf(p)
	if proj == "" || proj != dirOf(p) {
		return proj
	}
	for _, i := range pc.layout.docsIn[proj] {
		if pc.docs[i].Kind != KindLicense {
			return proj
		}
	}
	for _, w := range pc.s.Weights {
		if dirOf(w) == proj {
			return proj
		}
	}
	for _, m := range pc.s.Markers {
		if dirOf(m) == proj {
			return proj
		}
	}
	return pc.projectOf(proj)
}
