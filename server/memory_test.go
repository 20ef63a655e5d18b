package server

import "testing"

// TestDeriveMemoryLimit pins the soft memory limit the server sets after a
// scan, from the live heap it measured and its scannable part: the live
// heap plus four times the scannable part plus a margin for one analysis'
// garbage, never under the floor that keeps a small workspace's
// collections rare nor over the ceiling.
func TestDeriveMemoryLimit(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, scan uint64
		want       int64
	}{
		{0, 0, MinMemoryLimit},                      // nothing live: the floor
		{5 * mb, 2 * mb, MinMemoryLimit},            // a small workspace stays small
		{8 * mb, 2 * mb, MinMemoryLimit},            // 8+4*2+48 = 64: the floor exactly
		{20 * mb, 5 * mb, 88 * mb},                  // 20+4*5+48
		{87 * mb, 43 * mb, 307 * mb},                // a 50,000-file workspace, its texts held once
		{151 * mb, 43 * mb, 371 * mb},               // the same with every copy of its texts: they cost no scanning
		{87 * mb, 100 * mb, 483 * mb},               // scannable above live (a sample between two reads): live
		{1 << 30, 1 << 28, MaxMemoryLimit},          // 1 GiB + 1 GiB + 48 MiB: the ceiling
		{1 << 40, 1 << 30, MaxMemoryLimit},          // absurd: the ceiling
		{1<<64 - 1, 1<<64 - 1, MaxMemoryLimit},      // no overflow
		{MaxMemoryLimit - 48*mb, 0, MaxMemoryLimit}, // exactly at the ceiling
	} {
		if got := DeriveMemoryLimit(c.live, c.scan); got != c.want {
			t.Errorf("DeriveMemoryLimit(%d MB, %d MB) = %d MB, want %d MB", c.live/mb, c.scan/mb, got/mb, c.want/mb)
		}
	}
}
