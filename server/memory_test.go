package server

import "testing"

// TestDeriveMemoryLimit pins the soft memory limit the server sets after a
// scan, from the live heap it measured: twice the live heap plus a margin
// for one analysis' garbage, never under the floor that keeps a small
// workspace's collections rare nor over the ceiling.
func TestDeriveMemoryLimit(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, MinMemoryLimit},                        // nothing live: the floor
		{5 * mb, MinMemoryLimit},                   // a small workspace stays small
		{8 * mb, MinMemoryLimit},                   // 2*8+48 = 64: the floor exactly
		{20 * mb, 88 * mb},                         // 2*20+48
		{60 * mb, 168 * mb},                        // a 20,000-file workspace
		{120 * mb, 288 * mb},                       // a 50,000-file one: above the fixed 150 MB that made a keystroke collect twice
		{1 << 30, MaxMemoryLimit},                  // 2 GiB + 48 MiB: the ceiling
		{1 << 40, MaxMemoryLimit},                  // absurd: the ceiling
		{1<<64 - 1, MaxMemoryLimit},                // no overflow
		{MaxMemoryLimit/2 - 24*mb, MaxMemoryLimit}, // exactly at the ceiling
	} {
		if got := DeriveMemoryLimit(c.live); got != c.want {
			t.Errorf("DeriveMemoryLimit(%d MB) = %d MB, want %d MB", c.live/mb, got/mb, c.want/mb)
		}
	}
}
