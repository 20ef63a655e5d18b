package server

import (
	"context"
	"sync"
	"time"
)

// scheduler decides when the worker analyses: at once, or after a debounce
// delay. A new request cancels the analysis under way, whose partial result
// is then thrown away.
type scheduler struct {
	mu        sync.Mutex
	kick      chan struct{}
	done      chan struct{}
	timer     *time.Timer
	cancelRun context.CancelFunc
	scan      bool // the next run reports progress
	disk      bool // the next run reads the disk: something other than a buffer changed
	stopped   bool
}

func (sc *scheduler) init() {
	sc.kick = make(chan struct{}, 1)
	sc.done = make(chan struct{})
}

// request asks for an analysis after delay (0: now) that reads the disk
// again.
func (sc *scheduler) request(delay time.Duration) { sc.schedule(delay, true) }

// requestEdit asks for an analysis after an open buffer changed, and
// nothing else: the files on disk are taken from the last run.
func (sc *scheduler) requestEdit(delay time.Duration) { sc.schedule(delay, false) }

func (sc *scheduler) schedule(delay time.Duration, disk bool) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return
	}
	sc.disk = sc.disk || disk
	if sc.timer != nil {
		sc.timer.Stop()
		sc.timer = nil
	}
	if sc.cancelRun != nil {
		sc.cancelRun()
	}
	if delay <= 0 {
		sc.kickLocked()
		return
	}
	sc.timer = time.AfterFunc(delay, func() {
		sc.mu.Lock()
		defer sc.mu.Unlock()
		if !sc.stopped {
			sc.kickLocked()
		}
	})
}

func (sc *scheduler) kickLocked() {
	select {
	case sc.kick <- struct{}{}:
	default:
	}
}

// requestScan asks for an analysis now, reported with work-done progress.
func (sc *scheduler) requestScan() {
	sc.mu.Lock()
	sc.scan = true
	sc.mu.Unlock()
	sc.request(0)
}

// takeDisk reports, once, whether a request since the last call asked for
// the disk to be read.
func (sc *scheduler) takeDisk() bool {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	disk := sc.disk
	sc.disk = false
	return disk
}

// next waits for a request and returns the context of the run.
func (sc *scheduler) next(parent context.Context) (ctx context.Context, cancel context.CancelFunc, scan, ok bool) {
	select {
	case <-sc.kick:
	case <-sc.done:
		return nil, nil, false, false
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return nil, nil, false, false
	}
	ctx, cancel = context.WithCancel(parent)
	sc.cancelRun = cancel
	scan, sc.scan = sc.scan, false
	return ctx, cancel, scan, true
}

func (sc *scheduler) stop() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopped {
		return
	}
	sc.stopped = true
	if sc.timer != nil {
		sc.timer.Stop()
	}
	if sc.cancelRun != nil {
		sc.cancelRun()
	}
	close(sc.done)
}
