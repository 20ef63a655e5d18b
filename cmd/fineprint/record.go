package main

import (
	"fmt"
	"io"
)

func runRecord(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "fineprint record: not yet available")
	return 2
}
