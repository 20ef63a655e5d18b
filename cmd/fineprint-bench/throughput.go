package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/google/licensecheck"

	"github.com/fineprint-dev/fineprint/analysis"
)

// corpusDocs reads every text under the corpus's licenses folder as a
// license document, whatever its name says: they all are license texts.
func (b *bench) corpusDocs() ([]analysis.Document, int64, error) {
	return licenseTree(filepath.Join(b.corpus.Dir, "licenses"), b.corpus.Licenses)
}

func licenseTree(dir string, rels []string) ([]analysis.Document, int64, error) {
	var docs []analysis.Document
	var total int64
	for _, rel := range rels {
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, 0, err
		}
		docs = append(docs, analysis.Document{Path: rel, Kind: analysis.KindLicense, Text: text, Size: int64(len(text))})
		total += int64(len(text))
	}
	return docs, total, nil
}

// throughput compares a full analysis of the corpus (a fresh Analyzer each
// time, so nothing is cached) with licensecheck.Scan over the same bytes.
// Both use as many workers as GOMAXPROCS, and both are warmed up first.
func (b *bench) throughput() error {
	docs, total, err := b.corpusDocs()
	if err != nil {
		return err
	}
	analysis.New().Warmup()
	licensecheck.Scan([]byte("warm up"))
	ctx := context.Background()
	analyze := func() { analysis.New().Analyze(ctx, &analysis.Snapshot{Docs: docs}) }
	scan := func() {
		parallel(len(docs), func(i int) { licensecheck.Scan(docs[i].Text) })
	}
	analyze()
	scan()
	fp, base, fpCPU, baseCPU := medianPair(b.cfg.minTime, analyze, scan)
	if b.cfg.profileDir != "" {
		// A separate loop, so that profiling does not slow the figures.
		if stop := startProfile(filepath.Join(b.cfg.profileDir, "throughput.pprof")); stop != nil {
			for start := time.Now(); time.Since(start) < 3*time.Second; {
				analyze()
			}
			stop()
		}
	}
	r, rc := fp.Seconds()/base.Seconds(), fpCPU.Seconds()/baseCPU.Seconds()
	rate := func(d float64) string { return fmt.Sprintf("%s (%.1f MB/s)", ms(secs(d)), float64(total)/(1<<20)/d) }
	fig := fmt.Sprintf("throughput: %d corpus licenses, %.1f MB", len(docs), float64(total)/(1<<20))
	b.add(row{figure: fig + ", wall", fineprint: rate(fp.Seconds()), base: "licensecheck.Scan " + rate(base.Seconds()),
		ratio: fmt.Sprintf("%.2f", r), target: "ratio <= 2.0", met: verdict(r <= 2.0)})
	b.add(row{figure: fig + ", CPU", fineprint: ms(fpCPU), base: "licensecheck.Scan " + ms(baseCPU),
		ratio: fmt.Sprintf("%.2f", rc), target: "ratio <= 2.0", met: verdict(rc <= 2.0)})
	return nil
}

// parallel runs f(0..n-1) on GOMAXPROCS goroutines.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
