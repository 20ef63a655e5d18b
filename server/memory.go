package server

import (
	"os"
	"runtime/debug"
)

// MemoryLimit is the soft limit of the Go heap that `fineprint serve` sets
// (runtime/debug.SetMemoryLimit). An editor keeps the server for hours, and
// Go's default pacing lets the heap grow to twice what is live: with the
// limit, the collector runs earlier instead, and a 20,000-file workspace
// stays under 200 MB resident. It is soft: a workspace that needs more
// gets more, at the price of more frequent collections.
const MemoryLimit = 150 << 20

// LimitMemory sets MemoryLimit for the process, unless the user chose a
// limit with GOMEMLIMIT. The processes that run Serve call it; Serve does
// not, since it is a process-wide setting.
func LimitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}
