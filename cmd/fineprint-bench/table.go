package main

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
	"time"
)

// row is one line of the result table. base and ratio are "" when the figure
// has no baseline; target is "" for figures that are shown for information.
type row struct {
	figure, fineprint, base, ratio, target string
	met                                    *bool
}

func (b *bench) add(r row) { b.rows = append(b.rows, r) }

func verdict(ok bool) *bool { return &ok }

// print writes the table, aligned for a terminal or as Markdown (for
// docs/performance.md).
func (b *bench) print(w io.Writer, markdown bool) {
	format, head := "%s\t%s\t%s\t%s\t%s\t%s\n", "figure\tfineprint\tbaseline\tratio\ttarget\tresult\n"
	if markdown {
		format = "| %s | %s | %s | %s | %s | %s |\n"
		head = "| figure | fineprint | baseline | ratio | target | result |\n| --- | --- | --- | --- | --- | --- |\n"
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprint(tw, head)
	for _, r := range b.rows {
		res := "-"
		if r.met != nil {
			res = map[bool]string{true: "PASS", false: "MISS"}[*r.met]
		}
		fmt.Fprintf(tw, format, r.figure, dash(r.fineprint), dash(r.base), dash(r.ratio), dash(r.target), res)
	}
	tw.Flush()
	if len(b.notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range b.notes {
			fmt.Fprintln(w, "- "+n)
		}
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	default:
		return fmt.Sprintf("%.2f ms", float64(d)/1e6)
	}
}

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }

func ratio(a, b float64) string {
	if b == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f", a/b)
}

// percentile returns the p-th percentile (0..100) of ds, nearest rank.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := int(p/100*float64(len(s))+0.999999) - 1
	return s[min(max(rank, 0), len(s)-1)]
}

// medianPair runs f and g in turn, at least 3 times each and until minTime
// has passed, and returns the median duration of one run of each.
// Alternating them exposes both to the same background load.
// It also returns the medians of the process's CPU time (user + system)
// per run, which other processes on the machine disturb much less.
func medianPair(minTime time.Duration, f, g func()) (df, dg, cf, cg time.Duration) {
	var fs, gs, fc, gc []time.Duration
	start := time.Now()
	for len(fs) < 3 || time.Since(start) < minTime {
		t, c := time.Now(), processCPU()
		f()
		fs, fc = append(fs, time.Since(t)), append(fc, processCPU()-c)
		t, c = time.Now(), processCPU()
		g()
		gs, gc = append(gs, time.Since(t)), append(gc, processCPU()-c)
	}
	return percentile(fs, 50), percentile(gs, 50), percentile(fc, 50), percentile(gc, 50)
}
