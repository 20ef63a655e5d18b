package server

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// MemoryLimit is the soft limit of the Go heap (runtime/debug.SetMemoryLimit)
// that `fineprint serve` starts with, until its first scan has shown how
// much the workspace needs: then the limit is derived from the live heap
// (DeriveMemoryLimit). An editor keeps the server for hours, and Go's
// default pacing lets the heap grow to twice what is live (five times under
// GCPercent): with the limit, the collector runs earlier instead. It is
// soft: a workspace that needs more gets more, at the price of more
// frequent collections.
const MemoryLimit = 150 << 20

// The derived limit is the live heap plus memoryFactor times its scannable
// part plus memoryMargin, between MinMemoryLimit and MaxMemoryLimit: room
// for garbage above what the workspace keeps, in proportion to what a
// collection must scan. A collection costs the scannable heap (the
// objects that hold pointers: each file's results, findings, views), not
// the texts, which hold none; and the garbage of an analysis (a keystroke's
// copies of the findings and documents) grows with the number of files
// too. So a keystroke in a large workspace pays about the same share of a
// collection however many megabytes of text the workspace keeps, while a
// small workspace stays small. (Twice the live heap, as before, gave a
// workspace whose identical texts are held once a third less room for the
// same scanning: more collections per keystroke.)
const (
	MinMemoryLimit = 64 << 20
	MaxMemoryLimit = 2 << 30
	memoryFactor   = 4
	memoryMargin   = 48 << 20
)

// DeriveMemoryLimit is the soft memory limit for a live heap of live
// bytes of which scan are scannable (as measured right after a
// collection: /gc/heap/live:bytes, /gc/scan/heap:bytes).
func DeriveMemoryLimit(live, scan uint64) int64 {
	scan = min(scan, live)
	if live > MaxMemoryLimit {
		return MaxMemoryLimit
	}
	return min(max(int64(live)+int64(scan)*memoryFactor+memoryMargin, MinMemoryLimit), MaxMemoryLimit)
}

// GCPercent is the collector's pacing (runtime/debug.SetGCPercent) under
// the limit. Every keystroke allocates a few copies of the document while the
// live heap of a small workspace is a few megabytes, so the default of 100
// collects every few keystrokes, and on a 2-core machine a collection takes
// a core from the analysis the user waits for. The memory limit, not the
// pacing, is what bounds the heap. Measured on the 68.6 KB license: server
// CPU per keystroke 4.4 ms at 100, 3.3 ms at 400; a 2,500-file cold scan
// peaks at 159 MB instead of 138 MB.
const GCPercent = 400

// adaptiveLimit is set when LimitMemory set the limit (the user did not,
// with GOMEMLIMIT): the server then derives it after each scan.
var adaptiveLimit atomic.Bool

// LimitMemory sets MemoryLimit and GCPercent for the process, each unless
// the user chose it (GOMEMLIMIT, GOGC), and lets the server derive the limit
// from the live heap after each workspace scan. The processes that run
// Serve call it; Serve does not, since these are process-wide settings.
func LimitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
		adaptiveLimit.Store(true)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}

// retuneMemory sets the soft limit from the live heap after a scan, when
// LimitMemory allowed it, and returns the limit (0 when it left it alone).
// The collection it runs first is what a scan's garbage would soon cost
// anyway, and it measures what the workspace keeps.
func retuneMemory() int64 {
	if !adaptiveLimit.Load() {
		return 0
	}
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/heap:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	scan := s[0].Value.Uint64() // unknown: all of it
	if s[1].Value.Kind() == metrics.KindUint64 {
		scan = s[1].Value.Uint64()
	}
	limit := DeriveMemoryLimit(s[0].Value.Uint64(), scan)
	debug.SetMemoryLimit(limit)
	return limit
}
