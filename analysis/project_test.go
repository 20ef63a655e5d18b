package analysis_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/gguf"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"github.com/fineprint-dev/fineprint/internal/corpus"
	"github.com/fineprint-dev/fineprint/internal/golden"
	"github.com/fineprint-dev/fineprint/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/project/*.txtar")

// TestProjectWorkspaces runs the analysis over each workspace in
// testdata/project and compares its findings and model references with the
// archive's "want" and "references" sections.
//
// Archive comment directives (one a line):
//
//	gguf PATH KEY=VALUE...   add a GGUF file written by gguf.Encode
//	hfcache                  files under hfcache/ form a Hugging Face cache
//	                         folder, found through HF_HUB_CACHE
//	root NAME                the workspace root's folder name
//
// Files named *.safetensors, *.bin or *.pt become weight files.
func TestProjectWorkspaces(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "project", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no workspaces in testdata/project")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar := golden.Read(t, file)
			snap := loadArchive(t, ar.Archive)
			res := analysis.New().Analyze(context.Background(), snap)
			got := map[string]string{"want": renderFindings(snap, res), "references": renderReferences(snap, res)}
			ar.Check(t, got, golden.Options{
				Update:   *update,
				Sections: []string{"want", "references"},
				Optional: true,
				Hint:     "go test ./analysis -run TestProjectWorkspaces -update rewrites it",
			})
		})
	}
}

func loadArchive(t *testing.T, ar *txtar.Archive) *analysis.Snapshot {
	snap := &analysis.Snapshot{Root: "/work/project"}
	var cacheFiles []txtar.File
	useCache := false
	files := append([]txtar.File(nil), ar.Files...) // plus generated ones, never written back
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "gguf":
			var kvs []gguf.KV
			for _, kv := range fields[2:] {
				k, v, _ := strings.Cut(kv, "=")
				kvs = append(kvs, gguf.KV{Key: k, Value: v})
			}
			data := gguf.Encode(kvs)
			if len(fields) > 1 && strings.HasSuffix(fields[1], "truncated.gguf") {
				data = data[:len(data)-5]
			}
			files = append(files, txtar.File{Name: fields[1], Data: data})
		case "hfcache":
			useCache = true
		case "root":
			snap.Root = "/work/" + fields[1]
		case "corpus":
			// corpus PATH FROM [OLD=>NEW]: a real text read at test time,
			// never stored in the project.
			text, err := os.ReadFile(filepath.Join(corpusDir(t), filepath.FromSlash(fields[2])))
			if err != nil {
				t.Fatal(err)
			}
			if rest := strings.Join(fields[3:], " "); rest != "" {
				old, repl, _ := strings.Cut(rest, "=>")
				text = []byte(strings.Replace(string(text), old, repl, 1))
			}
			files = append(files, txtar.File{Name: fields[1], Data: text})
		}
	}
	for _, f := range files {
		switch {
		case f.Name == "want" || f.Name == "references":
			continue
		case strings.HasPrefix(f.Name, "hfcache/"):
			cacheFiles = append(cacheFiles, f)
			continue
		}
		kind := analysis.ClassifyContent(analysis.ClassifyPath(f.Name), f.Data)
		switch {
		case kind == analysis.KindOther && analysis.IsWeightsFile(f.Name):
			snap.Weights = append(snap.Weights, f.Name)
		case kind == analysis.KindOther, kind == analysis.KindMarkdown && !isReadme(f.Name):
		default:
			snap.Docs = append(snap.Docs, analysis.Document{Path: f.Name, Kind: kind, Text: f.Data, Size: int64(len(f.Data))})
		}
	}
	sort.Slice(snap.Docs, func(i, j int) bool { return snap.Docs[i].Path < snap.Docs[j].Path })
	if useCache {
		dir := t.TempDir()
		for _, f := range cacheFiles {
			p := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(f.Name, "hfcache/")))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Setenv("HF_HUB_CACHE", dir)
		snap.ModelCache = workspace.HubCache(workspace.HubCacheDir(os.Getenv))
	}
	return snap
}

// isReadme mirrors the workspace loader, which keeps README files that are
// neither cards nor licenses.
func isReadme(p string) bool {
	return strings.HasPrefix(strings.ToLower(filepath.Base(p)), "readme")
}

// corpusDir is ../shared/corpus, or the test is skipped.
func corpusDir(t testing.TB) string { return corpus.Dir(t) }

type positioner struct {
	snap    *analysis.Snapshot
	indexes map[string]*textpos.Index
}

func (p *positioner) rng(path string, s analysis.Span) string {
	if p.indexes == nil {
		p.indexes = map[string]*textpos.Index{}
	}
	x := p.indexes[path]
	if x == nil {
		var text []byte
		for _, d := range p.snap.Docs {
			if d.Path == path {
				text = d.Text
			}
		}
		x = textpos.NewIndex(text)
		p.indexes[path] = x
	}
	a, b := x.Position(s.Start), x.Position(s.End)
	return fmt.Sprintf("%d:%d-%d:%d", a.Line+1, a.Column+1, b.Line+1, b.Column+1)
}

func renderFindings(snap *analysis.Snapshot, res *analysis.Result) string {
	p := &positioner{snap: snap}
	var b strings.Builder
	for _, f := range res.Findings() {
		if !ownCode(f.Code) && f.Data["source"] == nil { // sourced: made by the project view
			continue // other rules have their own tests
		}
		fmt.Fprintf(&b, "%s:%s %s %s: %s\n", f.Path, p.rng(f.Path, f.Span), f.Severity, f.Code, f.Message)
		for _, r := range f.Related {
			fmt.Fprintf(&b, "\trelated %s:%s %s\n", r.Path, p.rng(r.Path, r.Span), r.Message)
		}
		for _, fix := range f.Fixes {
			fmt.Fprintf(&b, "\tfix %s\n", fix.Title)
			for _, e := range fix.Edits {
				text := e.NewText
				if len(text) > 80 {
					text = text[:80] + "..."
				}
				create := ""
				if e.Create {
					create = " (create)"
				}
				fmt.Fprintf(&b, "\t\tedit %s:%s%s %q\n", e.Path, p.rng(e.Path, e.Span), create, text)
			}
		}
	}
	return b.String()
}

func ownCode(code string) bool {
	return strings.HasPrefix(code, "card/") || strings.HasPrefix(code, "manifest/") || strings.HasPrefix(code, "notice/") ||
		strings.HasPrefix(code, "dataset/") || strings.HasPrefix(code, "package/")
}

func renderReferences(snap *analysis.Snapshot, res *analysis.Result) string {
	p := &positioner{snap: snap}
	var lines []string
	for _, r := range res.References {
		if r.Model == "" && r.Dataset == "" && !strings.HasSuffix(strings.ToLower(r.Path), ".md") {
			continue // license titles belong to the license engineers' tests
		}
		lic := r.License
		if lic == "" {
			lic = "?"
		}
		name := r.Model
		if r.Dataset != "" {
			name = "dataset " + r.Dataset
		}
		lines = append(lines, fmt.Sprintf("%s:%s %s -> %s", r.Path, p.rng(r.Path, r.Span), name, lic))
	}
	sort.Strings(lines)
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}
