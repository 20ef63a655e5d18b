// Command fineprint reads the fine print of open-weight AI model licenses.
//
//	fineprint check [--format text|json|sarif] [--fail-on error|warning|information|hint|never] [--config FILE] [PATH...]
//	fineprint serve [--log-file FILE] [--log-level debug|info|warn|error]
//	fineprint explain [CODE|LICENSE-ID|MODEL-ID]
//	fineprint record [--fetch [--allow-host HOST]...] [PATH]
//	fineprint version
//
// Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error,
// with a one-line message on standard error that names the file and the
// problem.
//
// check reads each PATH (default: the current folder) into a snapshot
// (package workspace), analyses it (package analysis) and prints the result
// (package report): one finding a line, "path:line:col: severity code:
// message", then the checklist of each license found. serve runs the
// language server (package server) over standard input and output; logs go
// to standard error or --log-file, never to standard output. explain prints
// the long explanation of a finding code, a license or a well-known model.
// record writes fineprint.lock and the copies it keeps (internal/recorder);
// with --fetch it downloads the policies the licenses reference, the only
// network access fineprint makes.
//
// Each subcommand lives in a file of its name (check.go, serve.go,
// explain.go, record.go, version.go); this package stays thin and holds no
// rules. docs/architecture.md describes the layers beneath it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand. It returns the process exit status.
type command func(args []string, stdout, stderr io.Writer) int

var commands = map[string]command{
	"check":   runCheck,
	"serve":   runServe,
	"explain": runExplain,
	"record":  runRecord,
	"version": runVersion,
}

const usage = `usage:
  fineprint check [--format text|json|sarif] [--fail-on error|warning|information|hint|never] [--config FILE] [PATH...]
  fineprint serve [--log-file FILE] [--log-level debug|info|warn|error]
  fineprint explain [CODE|LICENSE-ID|MODEL-ID]
  fineprint record [--fetch [--allow-host HOST]...] [PATH]
  fineprint version
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "fineprint: unknown command %q\n%s", args[0], usage)
		return 2
	}
	return cmd(args[1:], stdout, stderr)
}

// interruptible is the context of a command's work: cancelled by Ctrl-C or
// SIGTERM, so that a walk or analysis stops at once (docs/security.md).
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// flagsDone handles the outcome of parsing a command's flags the one way
// every command does: -h or --help prints the usage (exit 0), any other
// error a one-line message (exit 2). done is false when err is nil and the
// command goes on.
func flagsDone(name, usage string, err error, stdout, stderr io.Writer) (code int, done bool) {
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0, true
	}
	fmt.Fprintf(stderr, "fineprint: %s: %v (see fineprint %s --help)\n", name, err, name)
	return 2, true
}
