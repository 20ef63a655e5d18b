//go:build !unix

package main

import (
	"os"
	"time"
)

// processCPU is unknown here; CPU figures then read 0.
func processCPU() time.Duration { return 0 }

// peakRSSOf is unknown here; memory figures then read 0.
func peakRSSOf(*os.ProcessState) int64 { return 0 }
