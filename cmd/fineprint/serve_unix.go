//go:build unix

package main

import (
	"io"
	"os"
	"syscall"
)

// pollableStdin returns standard input as a file that Close interrupts:
// os.Stdin blocks in read(2), so the server could not stop reading after
// exit.
func pollableStdin() io.Reader {
	if err := syscall.SetNonblock(int(os.Stdin.Fd()), true); err != nil {
		return os.Stdin
	}
	return os.NewFile(os.Stdin.Fd(), "/dev/stdin")
}
