package main

import (
	"context"
	"io"
	"os"
	"runtime/pprof"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/report"
	"github.com/fineprint-dev/fineprint/workspace"
)

func main() {
	snap, _, _ := workspace.Load(os.Args[1], workspace.Options{})
	a := analysis.New()
	f, _ := os.Create("/tmp/tmpprof/cpu")
	pprof.StartCPUProfile(f)
	res := a.Analyze(context.Background(), snap)
	report.Text(io.Discard, res, snap, report.Options{Analyzer: a})
	pprof.StopCPUProfile()
}
