// Package atomicfile writes files inside a workspace so that a reader sees
// either the old content or the new, never half of either: the bytes go to a
// temporary file in the same folder, are synced to disk, and the temporary
// file is renamed over the target.
//
// It refuses to write anywhere but inside the workspace root: absolute
// paths, paths with "..", and paths whose folders (or the file itself) are
// symbolic links leading out of the root are errors, as DESIGN section 7
// requires.
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
	target, err := Resolve(root, rel)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// MkdirAll may have followed a link made meanwhile; check again.
	if _, err := Resolve(root, rel); err != nil {
		return err
	}
	if info, err := os.Stat(target); err == nil {
		perm = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the platform allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

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
