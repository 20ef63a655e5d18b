// Package atomicfile writes files inside a workspace so that a reader sees
// either the old content or the new, never half of either: the bytes go to a
// temporary file in the same folder, are synced to disk, and the temporary
// file is renamed over the target.
//
// It refuses to write anywhere but inside the workspace root: absolute
// paths, paths with "..", and paths whose folders (or the file itself) are
// symbolic links leading out of the root are errors, as docs/security.md
// promises.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ErrOutside is returned for a path that would leave the workspace root.
var ErrOutside = errors.New("path leads outside the workspace")

// Write writes data to rel, a "/"-separated path relative to root, creating
// missing folders. A file that exists keeps its permissions; a new one gets
// perm.
func Write(root, rel string, data []byte, perm fs.FileMode) error {
	st, err := Stage(root, rel, data, perm, false)
	if err != nil {
		return err
	}
	return st.Commit()
}

// Staged is a file written under a temporary name beside its target, not
// yet renamed over it: a writer that must change several files together
// stages them all, then commits them, so that a failure while writing
// changes none.
type Staged struct {
	Tmp, Target string
}

// TempPattern is the name of a staged file: "."+base+TempPattern, where
// "*" is random. A run that was killed leaves such files behind; CleanTemps
// removes them.
const TempPattern = ".tmp-*"

// Stage writes data to a temporary file in the folder of rel (see Write),
// synced to disk. With noLinks set, no folder on the way and not the file
// itself may be a symbolic link at all, even one that stays inside root:
// fineprint's own files are written only as regular files in real folders.
func Stage(root, rel string, data []byte, perm fs.FileMode, noLinks bool) (*Staged, error) {
	resolve := Resolve
	if noLinks {
		resolve = resolveNoLinks
	}
	target, err := resolve(root, rel)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// MkdirAll may have followed a link made meanwhile; check again.
	if _, err := resolve(root, rel); err != nil {
		return nil, err
	}
	if info, err := os.Lstat(target); err == nil {
		if !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: not a regular file", rel)
		}
		perm = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+TempPattern)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Staged, error) {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return nil, err
	}
	return &Staged{Tmp: tmp.Name(), Target: target}, nil
}

// Commit renames the staged file over its target.
func (s *Staged) Commit() error {
	if err := s.Rename(); err != nil {
		os.Remove(s.Tmp)
		return err
	}
	return nil
}

// Rename renames the staged file over its target, durably, and keeps the
// staged file when that fails: a writer that journals its renames (see
// FinishRename) leaves it for the next run to complete.
func (s *Staged) Rename() error {
	if err := os.Rename(s.Tmp, s.Target); err != nil {
		return err
	}
	syncDir(filepath.Dir(s.Target))
	return nil
}

// FinishRename completes a rename that a journal names and a killed writer
// did not do: staged is the staged file of rel, both relative to root.
// Both are checked as untrusted (the journal is in the repository): rel as
// Stage checks it with noLinks, staged must be a regular file in rel's
// folder named as Stage names them ("."+base+TempPattern). A staged file
// that is gone was renamed already: done is false and err nil.
func FinishRename(root, staged, rel string) (done bool, err error) {
	target, err := resolveNoLinks(root, rel)
	if err != nil {
		return false, err
	}
	dir, name := path.Split(staged)
	if path.Clean(dir) != path.Dir(path.Clean(rel)) || !strings.HasPrefix(name, "."+path.Base(rel)+".tmp-") || !isTemp(name) {
		return false, fmt.Errorf("%s: not a staged file of %s", staged, rel)
	}
	tmp := filepath.Join(filepath.Dir(target), name)
	info, err := os.Lstat(tmp)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !info.Mode().IsRegular() {
		return false, fmt.Errorf("%s: not a regular file", staged)
	}
	if info, err := os.Lstat(target); err == nil && !info.Mode().IsRegular() {
		return false, fmt.Errorf("%s: not a regular file", rel)
	}
	return true, (&Staged{Tmp: tmp, Target: target}).Rename()
}

// Discard removes the staged file.
func (s *Staged) Discard() { os.Remove(s.Tmp) }

// CleanTemps removes the staged files that a killed writer left in the
// folders of root named by dirs (searched below, never through a link)
// and returns their paths relative to root. Only regular files whose names
// match "."+name+TempPattern are removed.
func CleanTemps(root string, dirs ...string) []string {
	var removed []string
	for _, d := range dirs {
		base, err := resolveNoLinks(root, d)
		if err != nil {
			continue
		}
		info, err := os.Lstat(base)
		if err != nil || !info.IsDir() {
			continue
		}
		filepath.WalkDir(base, func(p string, e fs.DirEntry, err error) error {
			if err != nil || !e.Type().IsRegular() || !isTemp(e.Name()) {
				return nil
			}
			if os.Remove(p) == nil {
				if rel, err := filepath.Rel(base, p); err == nil {
					removed = append(removed, path.Join(d, filepath.ToSlash(rel)))
				}
			}
			return nil
		})
	}
	return removed
}

// CleanTempsOf removes the staged files of rel (a file directly in root)
// that a killed writer left, and returns their names.
func CleanTempsOf(root, rel string) []string {
	entries, _ := os.ReadDir(root)
	var removed []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), "."+rel+".tmp-") && os.Remove(filepath.Join(root, e.Name())) == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

func isTemp(name string) bool {
	i := strings.LastIndex(name, ".tmp-")
	return strings.HasPrefix(name, ".") && i > 1 && i+len(".tmp-") < len(name)
}

// syncDir makes the rename durable where the platform allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// resolveNoLinks is Resolve refusing every symbolic link on the way.
func resolveNoLinks(root, rel string) (string, error) {
	target, err := Resolve(root, rel)
	if err != nil {
		return "", err
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	cur := realRoot
	for _, seg := range strings.Split(path.Clean(rel), "/") {
		cur = filepath.Join(cur, seg)
		info, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return "", fmt.Errorf("%s: %w (%s is a symbolic link; fineprint writes its own files only in real folders)", rel, ErrLink, filepath.ToSlash(strings.TrimPrefix(cur, realRoot+string(filepath.Separator))))
		}
	}
	return target, nil
}

// ErrLink is returned by a write that refuses to pass through a symbolic
// link.
var ErrLink = errors.New("refused to write through a link")

// Resolve returns the absolute path for rel inside root, or an error
// wrapping ErrOutside when rel is absolute, climbs with "..", or passes
// through a symbolic link that leads out of root. The file itself may be
// missing, but must not be a symbolic link.
func Resolve(root, rel string) (string, error) {
	if rel == "" || strings.HasPrefix(rel, "/") || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" || strings.Contains(rel, "\\") {
		return "", fmt.Errorf("%s: %w (want a relative path)", rel, ErrOutside)
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == ".." {
			return "", fmt.Errorf("%s: %w (\"..\")", rel, ErrOutside)
		}
	}
	clean := path.Clean(rel)
	if clean == "." {
		return "", fmt.Errorf("%s: %w (names the root itself)", rel, ErrOutside)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	realRoot, err = filepath.Abs(realRoot)
	if err != nil {
		return "", err
	}
	target := filepath.Join(realRoot, filepath.FromSlash(clean))
	// Walk down the existing part of the path, resolving links as we go.
	cur := realRoot
	segs := strings.Split(clean, "/")
	for i, seg := range segs {
		next := filepath.Join(cur, seg)
		info, err := os.Lstat(next)
		if errors.Is(err, fs.ErrNotExist) {
			return target, nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			if i == len(segs)-1 {
				return "", fmt.Errorf("%s: %w (the file is a symbolic link)", rel, ErrOutside)
			}
			real, err := filepath.EvalSymlinks(next)
			if err != nil {
				return "", err
			}
			if !within(realRoot, real) {
				return "", fmt.Errorf("%s: %w (symbolic link %s)", rel, ErrOutside, path.Join(segs[:i+1]...))
			}
			next = real
		}
		cur = next
	}
	return filepath.Join(cur), nil
}

func within(root, p string) bool {
	return p == root || strings.HasPrefix(p, root+string(filepath.Separator))
}
