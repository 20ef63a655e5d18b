// Package testbin builds the fineprint binary for tests that run it as a
// child process (protocol abuse over stdin and stdout, a record killed
// with SIGKILL), where an in-process call cannot show what a user sees.
package testbin

import (
	"os/exec"
	"path/filepath"
)

// TB is the part of testing.TB that Fineprint needs; the package does not
// import testing, like every package outside tests.
type TB interface {
	Helper()
	TempDir() string
	Fatalf(format string, args ...any)
}

// Fineprint builds cmd/fineprint into a temporary folder of tb and returns
// the binary's path; it fails tb when the build fails.
func Fineprint(tb TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "fineprint")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/fineprint-dev/fineprint/cmd/fineprint")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
