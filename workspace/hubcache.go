package workspace

import (
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// hubCacheFileCap bounds what is read from one cached card or license.
const hubCacheFileCap = 1 << 20

// HubCacheDir is the local Hugging Face cache folder the hub library uses:
// $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub. getenv
// is os.Getenv outside tests.
func HubCacheDir(getenv func(string) string) string {
	if d := getenv("HF_HUB_CACHE"); d != "" {
		return d
	}
	if d := getenv("HF_HOME"); d != "" {
		return filepath.Join(d, "hub")
	}
	home := getenv("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".cache", "huggingface", "hub")
}

// HubCache returns the look-up analysis.Snapshot.ModelCache expects: for a
// Hub id ORG/NAME it reads models--ORG--NAME/snapshots/REV/README.md and the
// snapshot's license file from the cache folder dir. REV is the revision
// refs/main points to, else the most recently modified snapshot. It only
// reads files that exist; it never downloads. A nil function is returned
// when dir is empty or missing.
func HubCache(dir string) func(id string) (card, license []byte, ok bool) {
	if dir == "" {
		return nil
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	return func(id string) ([]byte, []byte, bool) {
		repo := findRepoDir(dir, "models--"+strings.ReplaceAll(id, "/", "--"))
		if repo == "" {
			return nil, nil, false
		}
		snap := snapshotDir(repo)
		if snap == "" {
			return nil, nil, false
		}
		card := readCapped(filepath.Join(snap, "README.md"))
		var license []byte
		for _, name := range licenseNames(snap) {
			if license = readCapped(filepath.Join(snap, name)); license != nil {
				break
			}
		}
		return card, license, card != nil || license != nil
	}
}

// findRepoDir finds the cache folder of a repository; Hub ids are case
// insensitive, the folder keeps the case it was downloaded with.
func findRepoDir(dir, name string) string {
	exact := filepath.Join(dir, name)
	if info, err := os.Stat(exact); err == nil && info.IsDir() {
		return exact
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if e.IsDir() && strings.EqualFold(e.Name(), name) {
			return filepath.Join(dir, e.Name())
		}
	}
	return ""
}

func snapshotDir(repo string) string {
	if ref, err := os.ReadFile(filepath.Join(repo, "refs", "main")); err == nil {
		rev := strings.TrimSpace(string(ref))
		if rev != "" && !strings.ContainsAny(rev, `/\`) && rev != "." && rev != ".." {
			p := filepath.Join(repo, "snapshots", rev)
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				return p
			}
		}
	}
	entries, err := os.ReadDir(filepath.Join(repo, "snapshots"))
	if err != nil {
		return ""
	}
	best, bestTime := "", int64(-1)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !e.IsDir() {
			continue
		}
		if t := info.ModTime().UnixNano(); t > bestTime || t == bestTime && e.Name() > best {
			best, bestTime = e.Name(), t
		}
	}
	if best == "" {
		return ""
	}
	return filepath.Join(repo, "snapshots", best)
}

// licenseNames lists the snapshot's license files, LICENSE first.
func licenseNames(snap string) []string {
	entries, err := os.ReadDir(snap)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		lower := strings.ToLower(e.Name())
		if strings.HasPrefix(lower, "license") || strings.HasPrefix(lower, "licence") || strings.Contains(lower, "license") && !strings.HasSuffix(lower, ".json") {
			names = append(names, e.Name())
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) < len(names[j]) })
	return names
}

func readCapped(p string) []byte {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil
	}
	b, err := io.ReadAll(io.LimitReader(f, hubCacheFileCap))
	if err != nil {
		return nil
	}
	return b
}
