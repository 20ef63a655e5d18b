package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
)

// genericFolders are the corpus's folders of general-purpose licenses (and
// Apple's sample-code license); every other folder holds a model license.
var genericFolders = map[string]bool{
	"apache-2.0": true, "mit": true, "gpl-3.0": true, "agpl-3.0": true, "cc-by-sa-4.0": true, "cc-by-nc-4.0": true,
	"internlm-apache-2.0-variant": true, "yi-apache-2.0": true, "apple-sample-code-openelm": true, "apple-ml-ferret": true,
}

// genericName matches the names tools give general-purpose licenses: a
// model license reported as one of these is not named.
var genericName = regexp.MustCompile(`(?i)\b(apache|mit|expat|[al]?gpl|gnu|bsd|cc-by|creative commons|mpl|isc|unlicense|public.domain|wtfpl|zlib)\b`)

// named reports whether a tool's answer names a license specifically.
func named(name string) bool {
	n := strings.TrimSpace(strings.ToLower(name))
	if n == "" || n == "unknown" || n == "other" || n == "noassertion" || n == "no-license" || n == "none" || strings.HasPrefix(n, "*no copyright*") {
		return false
	}
	return !genericName.MatchString(name)
}

// modelFolders lists the corpus's model-license folders, sorted.
func (b *bench) modelFolders() []string {
	seen := map[string]bool{}
	for _, rel := range b.corpus.Licenses {
		f := strings.SplitN(rel, "/", 2)[0]
		if !genericFolders[f] {
			seen[f] = true
		}
	}
	var out []string
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// childCheck is the bench re-executed to analyse a license tree once, as a
// fresh process, so that its wall time compares with the peers' runs.
func childCheck(dir string) int {
	var rels []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			rels = append(rels, filepath.ToSlash(rel))
		}
		return nil
	})
	docs, _, err := licenseTree(dir, rels)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	res := analysis.New().Analyze(context.Background(), &analysis.Snapshot{Docs: docs})
	out := map[string][]string{}
	for _, l := range res.Licenses {
		out[l.Path] = append(out[l.Path], l.ID)
	}
	json.NewEncoder(os.Stdout).Encode(out)
	return 0
}

type peerResult struct {
	wall  time.Duration
	names map[string][]string // corpus-relative file -> names given
}

func (p peerResult) namedFolders(folders []string) (n int, missed []string) {
	for _, f := range folders {
		ok := false
		for file, names := range p.names {
			if strings.HasPrefix(file, f+"/") {
				for _, name := range names {
					ok = ok || named(name)
				}
			}
		}
		if ok {
			n++
		} else {
			missed = append(missed, f)
		}
	}
	return n, missed
}

func (b *bench) peers() error {
	tree := filepath.Join(b.corpus.Dir, "licenses")
	folders := b.modelFolders()
	fp, err := b.runFineprint(tree)
	if err != nil {
		return err
	}
	fpNamed, fpMissed := fp.namedFolders(folders)
	b.add(row{figure: fmt.Sprintf("peers: model licenses named (of %d corpus folders)", len(folders)),
		fineprint: fmt.Sprintf("%d", fpNamed), target: fmt.Sprintf("all %d", len(folders)), met: verdict(fpNamed == len(folders))})
	if len(fpMissed) > 0 {
		b.note("fineprint named no model license in: %s", strings.Join(fpMissed, ", "))
	}
	peers := []struct {
		name, pkg, bin string
		run            func(bin, tree string) (peerResult, error)
	}{
		{"licensecheck (Perl)", "licensecheck", "licensecheck", runLicensecheck},
		{"licensee (Ruby)", "ruby-licensee", "licensee", b.runLicensee},
	}
	for _, p := range peers {
		bin, err := exec.LookPath(p.bin)
		if err != nil {
			b.add(row{figure: "peers: " + p.name, fineprint: ms(fp.wall), base: "not installed (apt-get install " + p.pkg + ")"})
			continue
		}
		res, err := p.run(bin, tree)
		if err != nil {
			b.note("peer %s failed: %v", p.name, err)
			continue
		}
		n, _ := res.namedFolders(folders)
		r := fp.wall.Seconds() / res.wall.Seconds()
		b.add(row{figure: fmt.Sprintf("peers: wall time on the license tree vs %s", p.name), fineprint: ms(fp.wall), base: ms(res.wall),
			ratio: fmt.Sprintf("%.2f", r), target: "ratio < 1", met: verdict(r < 1)})
		b.add(row{figure: fmt.Sprintf("peers: model licenses named vs %s", p.name), fineprint: fmt.Sprintf("%d", fpNamed), base: fmt.Sprintf("%d", n),
			target: "fineprint names all", met: verdict(fpNamed == len(folders))})
	}
	return nil
}

// runFineprint analyses the tree in a fresh process (this binary), so that
// start-up and licensecheck's initialisation count, as they do for peers.
func (b *bench) runFineprint(tree string) (peerResult, error) {
	exe, err := os.Executable()
	if err != nil {
		return peerResult{}, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), envCheck+"="+tree)
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	wall := time.Since(start)
	if err != nil {
		return peerResult{}, fmt.Errorf("fineprint check child: %w", err)
	}
	res := peerResult{wall: wall, names: map[string][]string{}}
	if err := json.Unmarshal(out, &res.names); err != nil {
		return peerResult{}, err
	}
	return res, nil
}

// runLicensecheck runs Debian's licensecheck over the whole tree in one
// process, reading whole files (--lines 0), with machine-readable output:
// "path<TAB>license".
func runLicensecheck(bin, tree string) (peerResult, error) {
	cmd := exec.Command(bin, "--recursive", "--machine", "--lines", "0", ".")
	cmd.Dir = tree
	start := time.Now()
	out, err := cmd.Output()
	wall := time.Since(start)
	if err != nil {
		return peerResult{}, err
	}
	res := peerResult{wall: wall, names: map[string][]string{}}
	for _, line := range strings.Split(string(out), "\n") {
		file, name, ok := strings.Cut(line, "\t")
		if ok {
			file = path.Clean(strings.TrimPrefix(file, "./"))
			res.names[file] = append(res.names[file], name)
		}
	}
	return res, nil
}

// runLicensee runs `licensee detect --json FILE` once per file: licensee
// detects one project license per folder, so a per-file answer needs one
// run per file.
func (b *bench) runLicensee(bin, tree string) (peerResult, error) {
	res := peerResult{names: map[string][]string{}}
	start := time.Now()
	for _, rel := range b.corpus.Licenses {
		cmd := exec.Command(bin, "detect", "--json", filepath.Join(tree, filepath.FromSlash(rel)))
		out, _ := cmd.Output() // exits non-zero when it finds no license
		var v struct {
			Licenses []struct {
				Key    string `json:"key"`
				SPDXID string `json:"spdx_id"`
				Name   string `json:"name"`
			} `json:"licenses"`
		}
		if json.Unmarshal(out, &v) != nil {
			continue
		}
		for _, l := range v.Licenses {
			name := l.SPDXID
			if name == "" || name == "NOASSERTION" {
				name = l.Key
			}
			res.names[rel] = append(res.names[rel], name)
		}
	}
	res.wall = time.Since(start)
	return res, nil
}
