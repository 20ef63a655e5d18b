// Command genstubs regenerates server/stubs_gen.go from protocol.Server.
//
//	cd server && go run ./internal/genstubs
package main

import (
	"fmt"
	"os"

	"github.com/fineprint-dev/fineprint/server/internal/stubgen"
)

func main() {
	src, err := stubgen.Generate()
	if err == nil {
		err = os.WriteFile("stubs_gen.go", src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genstubs:", err)
		os.Exit(1)
	}
}
