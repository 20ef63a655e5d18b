package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/recorder"
	"github.com/fineprint-dev/fineprint/server"
)

// recordPolicyCommand is the server's fineprint.recordPolicy: its one
// argument is the URL of a policy that a license in the workspace refers to
// (the code action of policy/not-recorded passes it); with none it fetches
// every referenced policy. It is the only network access of the server.
// Offline, it creates the policy's copy with a header for the user to paste
// the text into, and says so.
func recordPolicyCommand() server.Command {
	return func(ctx context.Context, root string, args []any) (any, error) {
		if root == "" {
			return nil, errors.New("no workspace folder is open")
		}
		url := ""
		if len(args) > 0 {
			s, ok := args[0].(string)
			if !ok {
				return nil, fmt.Errorf("the argument must be a policy URL, not %v", args[0])
			}
			url = s
		}
		out, err := recorder.RecordPolicy(ctx, root, url, recorder.Options{Now: recordNow(), FetchOptions: fetchOptions(nil)})
		if err != nil {
			return nil, err
		}
		return policyCommandMessage(out), nil
	}
}

// policyCommandMessage is the command's answer: one line per thing done,
// then the download errors.
func policyCommandMessage(out recorder.PolicyOutcome) string {
	if out.Interrupted {
		return interruptedLines(out.Report)
	}
	var b strings.Builder
	for _, p := range out.Written {
		if p != out.Created {
			fmt.Fprintf(&b, "wrote %s\n", p)
		}
	}
	for _, u := range out.Changed {
		fmt.Fprintf(&b, "changed: %s: review the new text, then run fineprint.record to accept it\n", u)
	}
	for _, err := range out.Failures {
		fmt.Fprintf(&b, "could not download: %v\n", err)
	}
	if out.Created != "" {
		fmt.Fprintf(&b, "created %s: paste the policy's text below its header, then run fineprint.record\n", out.Created)
	}
	if b.Len() == 0 {
		b.WriteString("fineprint.lock up to date\n")
	}
	return b.String()
}

// recordCommandMessage is fineprint.record's answer: what `fineprint record`
// prints on standard output, then one line per policy still to record, in
// the same plain form (no "fineprint: record:" prefix, which belongs to a
// terminal's standard error) and naming the editor's commands.
func recordCommandMessage(rep recorder.Report) string {
	var b strings.Builder
	printRecordReport(rep, false, &b, io.Discard)
	for _, u := range rep.Missing {
		fmt.Fprintf(&b, "not recorded: %s: run fineprint.recordPolicy to download it, or paste its text into %s and run fineprint.record\n", u, record.PolicyPath(u))
	}
	return b.String()
}
