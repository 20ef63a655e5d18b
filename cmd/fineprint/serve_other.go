//go:build !unix

package main

import (
	"io"
	"os"
)

func pollableStdin() io.Reader { return os.Stdin }
