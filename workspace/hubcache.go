package workspace

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
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
	c := OpenHubCache(dir)
	if c == nil {
		return nil
	}
	return c.Lookup
}

// HubCacheIndex looks models up in one cache folder, which it lists once,
// on the first look-up: a workspace naming 10,000 unknown ids costs one
// listing of the cache, not one per id (docs/security.md).
type HubCacheIndex struct {
	dir   string
	once  sync.Once
	repos map[string][]string // lower-cased folder name -> folder names, sorted
	// Listings counts the times the cache folder was listed.
	Listings int
}

// OpenHubCache returns the index of the cache folder dir, or nil when dir
// is empty or not a folder.
func OpenHubCache(dir string) *HubCacheIndex {
	if dir == "" {
		return nil
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	return &HubCacheIndex{dir: dir}
}

// Lookup is the function HubCache returns.
func (c *HubCacheIndex) Lookup(id string) ([]byte, []byte, bool) {
	repo := c.findRepoDir("models--" + strings.ReplaceAll(id, "/", "--"))
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

// findRepoDir finds the cache folder of a repository; Hub ids are case
// insensitive, the folder keeps the case it was downloaded with.
func (c *HubCacheIndex) findRepoDir(name string) string {
	c.once.Do(func() {
		c.Listings++
		c.repos = map[string][]string{}
		entries, _ := os.ReadDir(c.dir)
		for _, e := range entries {
			if lower := strings.ToLower(e.Name()); strings.HasPrefix(lower, "models--") {
				c.repos[lower] = append(c.repos[lower], e.Name())
			}
		}
	})
	names := c.repos[strings.ToLower(name)]
	if i := slices.Index(names, name); i > 0 {
		names = append([]string{name}, names...) // the exact name first
	}
	for _, real := range names {
		p := filepath.Join(c.dir, real)
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return p
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
