package analysis_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/testws"
)

// fuzzPaths gives each kind a file name that ClassifyPath maps back to it, so
// that project rules looking files up by name see the fuzzed file.
var fuzzPaths = map[analysis.Kind]string{
	analysis.KindOther:         "notes.bin",
	analysis.KindLicense:       "LICENSE",
	analysis.KindCard:          "README.md",
	analysis.KindModelfile:     "Modelfile",
	analysis.KindAdapterConfig: "adapter_config.json",
	analysis.KindGGUF:          "model.gguf",
	analysis.KindPython:        "app.py",
	analysis.KindProfile:       analysis.ProfileFile,
	analysis.KindLock:          analysis.LockFile,
	analysis.KindPolicyCopy:    analysis.PoliciesDir + "/llama.example.md",
	analysis.KindMarkdown:      "NOTES.md",
	analysis.KindShell:         "scripts/fetch.sh",
	analysis.KindNotebook:      "notebooks/demo.ipynb",
	analysis.KindConfig:        "configs/train.yaml",
	analysis.KindScript:        "web/app.js",
	analysis.KindPackage:       "requirements.txt",
}

// multiFile in the kind byte makes the fuzzer read data as a txtar archive
// whose files form the workspace, so cross-file rules (lineage, notices,
// the record) see adversarial input on every side.
const multiFile = 0x80

// fuzzSnapshot builds the workspace a fuzz input stands for.
func fuzzSnapshot(kind uint8, data []byte) *analysis.Snapshot {
	s := &analysis.Snapshot{Root: "/fuzz", Now: time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)}
	add := func(p string, k analysis.Kind, text []byte) {
		s.Docs = append(s.Docs, analysis.Document{Path: p, Kind: k, Text: text, Size: int64(len(text))})
	}
	if kind&multiFile == 0 {
		k := analysis.Kind(int(kind) % len(fuzzPaths))
		add(fuzzPaths[k], k, data)
		return s
	}
	seen := map[string]bool{}
	for _, f := range txtar.Parse(data).Files {
		p := strings.Trim(filepath.ToSlash(filepath.Clean(f.Name)), "/")
		if p == "" || p == "." || p == ".." || strings.HasPrefix(p, "../") || seen[p] {
			continue // the walker never yields such paths
		}
		seen[p] = true
		add(p, analysis.ClassifyContent(analysis.ClassifyPath(p), f.Data), f.Data)
	}
	sort.Slice(s.Docs, func(i, j int) bool { return s.Docs[i].Path < s.Docs[j].Path })
	return s
}

// FuzzAnalyze runs every rule over workspaces built from arbitrary bytes: one
// file of each kind, or a txtar archive of several. The analysis must not
// panic, every range must lie inside the file it names, and a warm analyzer
// (with its per-file cache) must agree with a fresh one.
func FuzzAnalyze(f *testing.F) {
	for k := range fuzzPaths {
		f.Add(uint8(k), []byte("---\nlicense: llama3.1\nbase_model: meta-llama/Llama-3.1-8B\n---\n# Model\n"))
	}
	f.Add(uint8(analysis.KindLicense), []byte("LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\n\nIf you have more than 700 million monthly active users, ask us.\n"))
	f.Add(uint8(analysis.KindProfile), []byte("use:\n  commercial: true\nrules:\n  clause/attribution: off\nignore: ['**']\n"))
	f.Add(uint8(analysis.KindLock), []byte(`{"version":1,"licenses":[{"path":"LICENSE","sha256":"00","recorded":"2026-01-01"}],"policies":[]}`))
	f.Add(uint8(analysis.KindGGUF), []byte("GGUF\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00"))
	f.Add(uint8(multiFile), []byte("-- README.md --\n---\nlicense: other\nlicense_name: acme\nbase_model: a/b\n---\n-- LICENSE --\nACME MODEL LICENSE\nYou must include a NOTICE.\n-- sub/Modelfile --\nFROM a/b\nLICENSE \"\"\"x\"\"\"\n-- fineprint.lock --\n{\"version\":1}\n-- .fineprint.yaml --\nuse: {commercial: yes}\n"))
	fuzzCorpusSeeds(f)
	// licensecheck's one-time set-up (0.7 s, several times that with the
	// fuzzer's coverage instrumentation on a busy machine) is paid here,
	// not by the first input that needs it: the fuzzer takes an input that
	// runs for more than 10 s for a hang.
	analysis.New().Warmup()
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		s := fuzzSnapshot(kind, data)
		warm := analysis.New()
		warm.Analyze(context.Background(), fuzzSnapshot(kind^1, data)) // fill the cache with other results
		got := warm.Analyze(context.Background(), s)
		checkRanges(t, s, got)
		fresh := analysis.New().Analyze(context.Background(), s)
		if a, b := fmt.Sprint(got.Findings()), fmt.Sprint(fresh.Findings()); a != b {
			t.Fatalf("cached analysis differs from a fresh one:\n%s\n%s", a, b)
		}
	})
}

// checkRanges fails the test when a finding, fix, license or reference
// points outside the text of the file it names.
func checkRanges(t *testing.T, s *analysis.Snapshot, r *analysis.Result) {
	t.Helper()
	size := map[string]int{}
	for _, d := range s.Docs {
		size[d.Path] = len(d.Text)
	}
	check := func(what, p string, sp analysis.Span) {
		n, ok := size[p]
		if !ok {
			return // findings about missing files point at paths not in the snapshot
		}
		if sp.Start < 0 || sp.Start > sp.End || sp.End > n {
			t.Fatalf("%s in %s: span %v outside %d bytes", what, p, sp, n)
		}
	}
	for _, fd := range r.Findings() {
		check("finding "+fd.Code, fd.Path, fd.Span)
		for _, rel := range fd.Related {
			check("related of "+fd.Code, rel.Path, rel.Span)
		}
		for _, fx := range fd.Fixes {
			for _, e := range fx.Edits {
				if e.Create {
					continue
				}
				check("fix of "+fd.Code, e.Path, e.Span)
			}
		}
	}
	for _, l := range r.Licenses {
		check("license "+l.ID, l.Path, l.Span)
		check("license title "+l.ID, l.Path, l.Title)
	}
	for _, ref := range r.References {
		check("reference", ref.Path, ref.Span)
	}
}

// fuzzCorpusSeeds adds every corpus file as the kind its path and content
// give it. Without the corpus the hand-written seeds above still run.
func fuzzCorpusSeeds(f *testing.F) {
	wd, _ := os.Getwd()
	dir := testws.FindCorpus(wd)
	if dir == "" {
		return
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		text, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		k := analysis.ClassifyContent(analysis.ClassifyPath(filepath.Base(p)), text)
		f.Add(uint8(k), text)
		return nil
	})
}
