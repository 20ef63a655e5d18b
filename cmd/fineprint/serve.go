package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/fineprint-dev/fineprint/internal/recorder"
	"github.com/fineprint-dev/fineprint/server"
)

const serveUsage = `usage: fineprint serve [--stdio] [--log-file FILE] [--log-level debug|info|warn|error]

Runs the language server over standard input and output. Logs go to standard
error, or to FILE; warnings and errors are also shown in the editor's log.
`

func runServe(args []string, stdout, stderr io.Writer) int {
	return serve(args, pollableStdin(), stdout, stderr)
}

// stdio is the server's stream: the protocol on stdin/stdout.
type stdio struct {
	io.Reader
	io.Writer
}

func (s stdio) Close() error {
	var errs []error
	for _, c := range []any{s.Reader, s.Writer} {
		if c, ok := c.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	return errors.Join(errs...)
}

func serve(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	logFile := fs.String("log-file", "", "write the log to `FILE` instead of standard error")
	logLevel := fs.String("log-level", "info", "least severe log `level`: debug, info, warn or error")
	// vscode-languageclient and others add --stdio for the stdio transport,
	// which is the only one fineprint speaks.
	fs.Bool("stdio", true, "serve over standard input and output (the default and only transport)")
	if code, done := flagsDone("serve", serveUsage, fs.Parse(args), stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "fineprint: serve: unexpected argument %q (see fineprint serve --help)\n", fs.Arg(0))
		return 2
	}
	logger, closeLog, err := newLogger(*logFile, *logLevel, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "fineprint: serve: %v\n", err)
		return 2
	}
	defer closeLog()
	opts := server.Options{
		Logger:    logger,
		Version:   versionString(),
		TestHooks: os.Getenv("FINEPRINT_TEST_HOOKS") == "1",
		Commands: map[string]server.Command{
			server.CommandRecord:       recordCommand(),
			server.CommandRecordPolicy: recordPolicyCommand(),
		},
	}
	server.LimitMemory()
	return server.Serve(context.Background(), stdio{stdin, stdout}, opts)
}

// newLogger logs to stderr or to file (appending), never to stdout: stdout
// carries the protocol.
func newLogger(file, level string, stderr io.Writer) (*zap.Logger, func(), error) {
	var lvl zapcore.Level
	if err := lvl.UnmarshalText([]byte(level)); err != nil || lvl > zapcore.ErrorLevel {
		return nil, nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", level)
	}
	out := zapcore.AddSync(stderr)
	closeLog := func() {}
	if file != "" {
		f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, nil, fmt.Errorf("--log-file: %w", err)
		}
		out, closeLog = zapcore.AddSync(f), func() { f.Close() }
	}
	enc := zap.NewProductionEncoderConfig()
	enc.EncodeTime = zapcore.ISO8601TimeEncoder
	core := zapcore.NewCore(zapcore.NewConsoleEncoder(enc), zapcore.Lock(out), lvl)
	logger := zap.New(core).Named("fineprint")
	return logger, func() { _ = logger.Sync(); closeLog() }, nil
}

// recordCommand is the server's fineprint.record: `fineprint record` on the
// workspace folder as saved on disk. Its answer is the report of
// recordCommandMessage, which speaks to an editor user, not a terminal.
func recordCommand() server.Command {
	return func(ctx context.Context, root string, args []any) (any, error) {
		if root == "" {
			return nil, errors.New("no workspace folder is open")
		}
		rep, err := recorder.RecordFolder(ctx, root, recorder.Options{Now: recordNow(), FetchOptions: recordFetchOptions})
		if err != nil {
			return nil, err
		}
		return recordCommandMessage(rep), nil
	}
}
