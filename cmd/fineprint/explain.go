package main

import (
	"fmt"
	"io"
)

func runExplain(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "fineprint explain: not yet available")
	return 2
}
