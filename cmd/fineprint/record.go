package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/fetch"
	"github.com/fineprint-dev/fineprint/internal/recorder"
	"github.com/fineprint-dev/fineprint/internal/wording"
	"github.com/fineprint-dev/fineprint/report"
)

const recordUsage = `usage: fineprint record [--fetch [--allow-host HOST]...] [PATH]

Records the license files and referenced policies of the workspace at PATH
(default ".") in PATH/fineprint.lock: each license file's SHA-256 and the
date it was recorded, each policy's copy under .fineprint/policies/, its
SHA-256 and retrieval time. Files that did not change keep their dates.

--fetch downloads every referenced policy over HTTP(S) into its copy (10 s
timeout, 2 MB cap, 3 redirects), and asks the Hugging Face Hub (HF_ENDPOINT,
https only, same limits) about every model and dataset id that nothing local
resolves, keeping the answers (license, gating, revision, date) in the lock
for later offline runs; each id it cannot resolve gets a line on stderr.
Without it nothing goes over the network, and policies without a copy are
listed on stderr. A policy whose fetched
text differs from the recorded one is kept for review: fineprint check shows
policy/changed with a diff, and a plain fineprint record accepts it.

A fetch never connects to a loopback, private, link-local or unspecified
address (checked after the name is resolved, redirects included), because
the URLs come from license texts. --allow-host HOST (repeatable) allows one
host by the name written in the URL, such as an intranet policy server; so
does the environment variable FINEPRINT_ALLOW_HOSTS (comma-separated), which
the language server's fineprint.recordPolicy honours too. At most 100
policies are fetched per run.

Exit status: 0 recorded, 2 usage or I/O error (a failed download included).
`

// recordNow is the time recorded; tests replace it.
var recordNow = time.Now

// recordFetchOptions are the download limits; tests substitute the client.
var recordFetchOptions = fetch.Options{UserAgent: "fineprint-record"}

func runRecord(args []string, stdout, stderr io.Writer) int {
	fetchToo, allow, root, err := parseRecordFlags(args)
	if code, done := flagsDone("record", recordUsage, err, stdout, stderr); done {
		return code
	}
	if err := recordRootAllowing(root, fetchToo, allow, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "fineprint: record: %s\n", report.Escape(err.Error()))
		return 2
	}
	return 0
}

func parseRecordFlags(args []string) (fetchToo bool, allow []string, root string, err error) {
	fl := flag.NewFlagSet("record", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.BoolVar(&fetchToo, "fetch", false, "")
	fl.Func("allow-host", "", func(h string) error {
		if h == "" || strings.ContainsAny(h, "/ ") {
			return fmt.Errorf("--allow-host wants a host name such as policies.intranet, not %q", h)
		}
		allow = append(allow, h)
		return nil
	})
	var paths []string
	for {
		if err := fl.Parse(args); err != nil {
			return false, nil, "", err
		}
		if fl.NArg() == 0 {
			break
		}
		paths = append(paths, fl.Arg(0))
		args = fl.Args()[1:]
	}
	switch len(paths) {
	case 0:
		return fetchToo, allow, ".", nil
	case 1:
		return fetchToo, allow, paths[0], nil
	}
	return false, nil, "", fmt.Errorf("one PATH at most, got %d", len(paths))
}

// killAtRename is a test hook: with FINEPRINT_TEST_KILL_AT_RENAME=K set,
// `fineprint record` kills itself (SIGKILL on Unix) just before the K-th
// rename of its commit (0 installs the journal), so that a test can
// interrupt a real run at every step (internal/hostile
// TestRecordKilledAtEveryRename).
func killAtRename() func(int) {
	k, err := strconv.Atoi(os.Getenv("FINEPRINT_TEST_KILL_AT_RENAME"))
	if err != nil {
		return nil
	}
	return func(step int) {
		if step == k {
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				p.Kill()
			}
			time.Sleep(time.Hour) // the kill arrives first (a self-signal is delivered before the call returns)
		}
	}
}

// fetchOptions are recordFetchOptions with the hosts allowed by
// FINEPRINT_ALLOW_HOSTS and by allow.
func fetchOptions(allow []string) fetch.Options {
	o := recordFetchOptions
	o.AllowHosts = slices.Clone(o.AllowHosts)
	for _, h := range strings.Split(os.Getenv("FINEPRINT_ALLOW_HOSTS"), ",") {
		if h = strings.TrimSpace(h); h != "" {
			o.AllowHosts = append(o.AllowHosts, h)
		}
	}
	o.AllowHosts = append(o.AllowHosts, allow...)
	return o
}

// recordRoot records the workspace at root. A failed download is reported
// after the rest has been recorded.
func recordRoot(root string, fetchToo bool, stdout, stderr io.Writer) error {
	return recordRootAllowing(root, fetchToo, nil, stdout, stderr)
}

// recordRootAllowing is recordRoot with hosts that fetching may reach on
// internal addresses.
func recordRootAllowing(root string, fetchToo bool, allow []string, stdout, stderr io.Writer) error {
	ctx, stop := interruptible()
	defer stop()
	rep, err := recorder.RecordFolder(ctx, root,
		recorder.Options{Fetch: fetchToo, Now: recordNow(), FetchOptions: fetchOptions(allow), HubEndpoint: os.Getenv("HF_ENDPOINT"), BeforeRename: killAtRename()})
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) && pe.Path == root {
			return fmt.Errorf("%s: %s", root, reason(err))
		}
		return err
	}
	printRecordReport(rep, fetchToo, stdout, stderr)
	if len(rep.Failures) > 0 {
		return fmt.Errorf("%s of %s could not be downloaded", wording.Digits(int64(len(rep.Failures))), wording.Count(len(rep.Failures)+len(rep.Fetched), "policy"))
	}
	return nil
}

func printRecordReport(rep recorder.Report, fetchToo bool, stdout, stderr io.Writer) {
	if rep.Interrupted {
		fmt.Fprint(stdout, interruptedLines(rep))
		return
	}
	for _, p := range rep.Written {
		fmt.Fprintf(stdout, "wrote %s\n", report.Escape(p))
	}
	state := "recorded"
	if len(rep.Written) == 0 {
		state = "up to date"
	}
	fmt.Fprintf(stdout, "%s %s: %s, %s\n", analysis.LockFile, state, wording.Count(len(rep.Lock.Licenses), "license file"), wording.Count(len(rep.Lock.Policies), "policy"))
	for _, u := range rep.Changed {
		fmt.Fprintf(stdout, "changed: %s: the new text is in %s; review it with fineprint check, then run fineprint record to accept it\n", report.Escape(u), report.Escape(copyOf(rep, u)))
	}
	for _, id := range rep.Resolved {
		fmt.Fprintf(stdout, "resolved: %s, from the Hugging Face Hub\n", report.Escape(id))
	}
	for _, err := range rep.Failures {
		fmt.Fprintf(stderr, "fineprint: record: %s\n", report.Escape(err.Error()))
	}
	for _, err := range rep.Unresolved {
		fmt.Fprintf(stderr, "fineprint: record: %s; it stays unknown\n", report.Escape(err.Error()))
	}
	for _, u := range rep.Missing {
		if !fetchToo {
			fmt.Fprintf(stderr, "fineprint: record: policy %s not recorded: run fineprint record --fetch, or paste its text into %s and run fineprint record\n", report.Escape(u), report.Escape(copyOf(rep, u)))
		}
	}
}

// interruptedLines say that a run completed a record that was interrupted
// while renaming its files, and did nothing else.
func interruptedLines(rep recorder.Report) string {
	var b strings.Builder
	for _, p := range rep.Completed {
		fmt.Fprintf(&b, "wrote %s\n", report.Escape(p))
	}
	fmt.Fprintf(&b, "%s completed: an earlier record was interrupted while renaming its files (%s put in place now); nothing else was recorded\n", analysis.LockFile, wording.Count(len(rep.Completed), "file"))
	return b.String()
}

// copyOf is the path of the copy of the policy at u.
func copyOf(rep recorder.Report, u string) string {
	if p, ok := rep.Copies[u]; ok {
		return p
	}
	return record.PolicyPath(u)
}
