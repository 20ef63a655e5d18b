package analysis

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestZZDebug(t *testing.T) {
	s, _ := generated(t, 20000)
	a := New()
	a.Analyze(context.Background(), s)
	p := "models/m0067/LICENSE"
	i, _ := slices.BinarySearchFunc(s.Docs, p, func(d Document, p string) int { return strings.Compare(d.Path, p) })
	orig := append(slices.Clone(s.Docs[i].Text), "\nChanged for the benchmark.\n"...)
	s = withDoc(s, p, orig)
	a.Analyze(context.Background(), s)
	mid := len(orig) / 2
	for orig[mid] != '\n' {
		mid++
	}
	f, _ := os.Create("/tmp/zz.prof")
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	for k := range 30 {
		s = withDoc(s, p, slices.Concat(orig[:mid], []byte(fmt.Sprintf("\nedit %d", k)), orig[mid:]))
		n := a.stats.edits.Load()
		start := time.Now()
		res := a.Analyze(context.Background(), s)
		t.Logf("fast=%v why=%v %v findings=%d dropped=%d base=%d dirty=%d", a.stats.edits.Load() > n, a.stats.why.Load(), time.Since(start), len(res.Findings), res.Dropped, res.Base, len(res.Dirty))
	}
}
