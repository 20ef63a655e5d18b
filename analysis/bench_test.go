package analysis_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/google/licensecheck"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/testws"
	"github.com/fineprint-dev/fineprint/workspace"
)

// Benchmarks of the analysis engine. Each figure has a baseline measured by
// a sibling benchmark over the same input; `go run ./cmd/fineprint-bench`
// prints the ratios (docs/performance.md):
//
//	go test -run XXX -bench . -benchmem ./analysis/

var corpusOnce struct {
	sync.Once
	c   *testws.Corpus
	err error
}

// benchCorpus loads ../shared/corpus or skips the benchmark.
func benchCorpus(b *testing.B) *testws.Corpus {
	b.Helper()
	corpusOnce.Do(func() {
		wd, _ := os.Getwd()
		dir := testws.FindCorpus(wd)
		if dir == "" {
			return
		}
		corpusOnce.c, corpusOnce.err = testws.LoadCorpus(dir)
	})
	if corpusOnce.err != nil {
		b.Fatal(corpusOnce.err)
	}
	if corpusOnce.c == nil {
		b.Skip("no ../shared/corpus beside the module: corpus benchmarks skipped")
	}
	return corpusOnce.c
}

// corpusLicenses reads every text under corpus/licenses as a license.
func corpusLicenses(b *testing.B) ([]analysis.Document, int64) {
	c := benchCorpus(b)
	var docs []analysis.Document
	var total int64
	for _, rel := range c.Licenses {
		text, err := os.ReadFile(filepath.Join(c.Dir, "licenses", filepath.FromSlash(rel)))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, analysis.Document{Path: rel, Kind: analysis.KindLicense, Text: text, Size: int64(len(text))})
		total += int64(len(text))
	}
	return docs, total
}

// BenchmarkCorpusAnalyze is a full analysis of the corpus's licenses by a
// fresh Analyzer (no cached results). Compare BenchmarkCorpusLicensecheck.
func BenchmarkCorpusAnalyze(b *testing.B) {
	docs, total := corpusLicenses(b)
	analysis.New().Warmup()
	ctx := context.Background()
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		analysis.New().Analyze(ctx, &analysis.Snapshot{Docs: docs})
	}
}

// BenchmarkCorpusLicensecheck is the baseline: bare licensecheck.Scan over
// the same bytes, on as many goroutines as the analysis uses.
func BenchmarkCorpusLicensecheck(b *testing.B) {
	docs, total := corpusLicenses(b)
	licensecheck.Scan([]byte("warm up"))
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		var wg sync.WaitGroup
		next := make(chan int)
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					licensecheck.Scan(docs[i].Text)
				}
			}()
		}
		for i := range docs {
			next <- i
		}
		close(next)
		wg.Wait()
	}
}

// BenchmarkCorpusAnalyzeEach is one license at a time, as an edit analyses
// it: the per-file cost without parallelism.
func BenchmarkCorpusAnalyzeEach(b *testing.B) {
	docs, total := corpusLicenses(b)
	analysis.New().Warmup()
	ctx := context.Background()
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		for i := range docs {
			analysis.New().Analyze(ctx, &analysis.Snapshot{Docs: docs[i : i+1]})
		}
	}
}

// genWorkspace generates a workspace of n files once per benchmark.
func genWorkspace(b *testing.B, n int) *testws.Workspace {
	c := benchCorpus(b)
	ws, err := testws.Generate(b.TempDir(), c, n)
	if err != nil {
		b.Fatal(err)
	}
	return ws
}

// BenchmarkWorkspaceCold loads and analyses a generated 2,000-file
// workspace with a fresh Analyzer: the cold scan without the protocol.
func BenchmarkWorkspaceCold(b *testing.B) {
	ws := genWorkspace(b, 2000)
	analysis.New().Warmup()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		snap, _, err := workspace.Load(ws.Root, workspace.Options{})
		if err != nil {
			b.Fatal(err)
		}
		analysis.New().Analyze(ctx, snap)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(ws.Mix.Total()), "µs/file")
}

// analysedWorkspace is the generated 2,000-file workspace analysed once by
// a warm Analyzer, with the index of the license the benchmarks change.
func analysedWorkspace(b *testing.B) (*analysis.Analyzer, *analysis.Snapshot, int) {
	ws := genWorkspace(b, 2000)
	a := analysis.New()
	snap, _, err := workspace.Load(ws.Root, workspace.Options{})
	if err != nil {
		b.Fatal(err)
	}
	a.Analyze(context.Background(), snap)
	target := slices.IndexFunc(snap.Docs, func(d analysis.Document) bool { return d.Path == ws.Licenses[0] })
	if target < 0 {
		b.Fatalf("%s is not in the snapshot", ws.Licenses[0])
	}
	return a, snap, target
}

// BenchmarkWorkspaceIncremental changes one license of the workspace back
// and forth and re-analyses it; it reports the files re-analysed.
func BenchmarkWorkspaceIncremental(b *testing.B) {
	a, snap, target := analysedWorkspace(b)
	orig := snap.Docs[target].Text
	variants := [2][]byte{append(append([]byte(nil), orig...), "\nchanged\n"...), orig}
	reanalysed := 0
	for i := 0; b.Loop(); i++ {
		snap.Docs[target].Text = variants[i%2]
		reanalysed = a.Analyze(context.Background(), snap).Reanalysed
	}
	b.ReportMetric(float64(reanalysed), "reanalysed")
}

// BenchmarkWorkspaceKeystroke is one keystroke in a license of the
// workspace: the license's text is new every time, so it is analysed
// afresh, and everything the project derives from all files (notices,
// record, lineage) is derived again.
func BenchmarkWorkspaceKeystroke(b *testing.B) {
	a, snap, target := analysedWorkspace(b)
	orig := snap.Docs[target].Text
	for i := 0; b.Loop(); i++ {
		snap.Docs[target].Text = fmt.Appendf(slices.Clip(orig), "\nedit %d\n", i)
		a.Analyze(context.Background(), snap)
	}
}

// BenchmarkWorkspaceLoad is the walk and read of the 2,000-file workspace
// alone, which the server repeats on every analysis.
func BenchmarkWorkspaceLoad(b *testing.B) {
	ws := genWorkspace(b, 2000)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := workspace.Load(ws.Root, workspace.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeLargestLicenseEdited is the analysis an edit of the
// largest corpus license waits for: its text changes every time, so nothing
// is cached.
func BenchmarkAnalyzeLargestLicenseEdited(b *testing.B) {
	docs, _ := corpusLicenses(b)
	largest := docs[0]
	for _, d := range docs {
		if len(d.Text) > len(largest.Text) {
			largest = d
		}
	}
	an := analysis.New()
	an.Warmup()
	ctx := context.Background()
	mid := len(largest.Text) / 2
	b.SetBytes(int64(len(largest.Text)))
	for i := 0; b.Loop(); i++ {
		doc := largest
		doc.Text = slices.Concat(largest.Text[:mid], fmt.Appendf(nil, "\nedit %d\n", i), largest.Text[mid:])
		doc.Size = int64(len(doc.Text))
		an.Analyze(ctx, &analysis.Snapshot{Docs: []analysis.Document{doc}})
	}
}
