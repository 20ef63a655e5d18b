package server

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
)

// The record's own files are watched: a fineprint.lock or a policy copy
// written outside the editor (by `fineprint record` in a terminal) changes
// the diagnostics of the license that the record covers.
func TestRecordFilesRepublish(t *testing.T) {
	root := t.TempDir()
	const url = "https://example.com/use-policy"
	license := "Example Model License Agreement\n\nYour use must comply with the Acceptable Use Policy at " + url + ", which is incorporated by reference.\n"
	writeFiles(t, root, map[string][]byte{"LICENSE": []byte(license)})
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	u := c.uri("LICENSE")
	messages := func() string {
		var b strings.Builder
		for _, d := range c.diags[u].Diagnostics {
			if code := d.Code.(string); strings.HasPrefix(code, "record/") || strings.HasPrefix(code, "policy/") {
				b.WriteString(code + ": " + d.Message + "\n")
			}
		}
		return b.String()
	}
	c.mu.Lock()
	before := messages()
	c.mu.Unlock()
	if !strings.Contains(before, "record/unrecorded") || !strings.Contains(before, "no dated copy") {
		t.Fatalf("before: %s", before)
	}
	steps := []struct {
		name  string
		path  string
		text  string
		event protocol.FileChangeType
		want  string // the record/ and policy/ diagnostics of LICENSE afterwards
	}{
		{"a lock written in a terminal", "fineprint.lock",
			string(record.Marshal(record.Lock{Licenses: []record.LicenseEntry{{Path: "LICENSE", SHA256: record.Sum([]byte(license)), Recorded: "2026-11-02"}}})),
			protocol.FileChangeTypeCreated,
			"policy/not-recorded: The policy at " + url + " is part of this license but no dated copy of it is recorded, so a later change to it would go unnoticed.\n"},
		{"a policy copy pasted into", record.PolicyPath(url),
			string(record.NewCopy(url, stepsRecordTime, []byte("# Acceptable Use Policy\n\nNo spam.\n"))),
			protocol.FileChangeTypeCreated,
			"policy/not-recorded: The copy of the policy at " + url + " in " + record.PolicyPath(url) + " is not in fineprint.lock yet; run fineprint record to record it.\n"},
		{"a lock that no longer covers the license", "fineprint.lock",
			string(record.Marshal(record.Lock{})),
			protocol.FileChangeTypeChanged,
			"record/unrecorded: LICENSE is not recorded in fineprint.lock yet, so a later change to it would go unnoticed.\n" +
				"policy/not-recorded: The copy of the policy at " + url + " in " + record.PolicyPath(url) + " is not in fineprint.lock yet; run fineprint record to record it.\n"},
	}
	for _, st := range steps {
		writeFiles(t, root, map[string][]byte{st.path: []byte(st.text)})
		err := c.server.DidChangeWatchedFiles(c.ctx(), &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{URI: c.uri(st.path), Type: st.event}}})
		if err != nil {
			t.Fatal(err)
		}
		c.waitFor(st.name+" re-published", func() bool { return messages() == st.want })
	}
}

// The change a record finding knows (date, hashes, diff) shows in its
// hover both as a finding's explanation and in the list under a license
// title.
func TestHoverShowsRecordedChange(t *testing.T) {
	stale := analysis.Finding{Code: "record/stale", Message: "LICENSE has changed.", Span: analysis.Span{Start: 0, End: 5},
		Data: map[string]any{"recorded": "2026-11-02", "old_sha256": "aa", "new_sha256": "bb", "diff": "- old\n+ new\n", "recorded_copy": ".fineprint/licenses/LICENSE"}}
	noDiff := analysis.Finding{Code: "policy/changed", Message: "Changed.", Span: analysis.Span{Start: 0, End: 5},
		Data: map[string]any{"recorded": "2026-11-03T12:00:00Z", "old_sha256": "cc", "new_sha256": "dd", "diff": ""}}
	change := "Recorded 2026-11-02: sha256 `aa`  \nNow: sha256 `bb`\n\nChanges since `.fineprint/licenses/LICENSE`:\n\n```diff\n- old\n+ new\n```\n"
	for _, tc := range []struct {
		name, got, want string
	}{
		{"explanation", withDiff(stale, "**LICENSE has changed.**\n\nThe rule."), "**LICENSE has changed.**\n\n" + change + "\nThe rule."},
		{"no data", withDiff(analysis.Finding{Message: "m"}, "**m**\n\nx"), "**m**\n\nx"},
		{"hashes without a diff", diffBlock(noDiff), "Recorded 2026-11-03T12:00:00Z: sha256 `cc`  \nNow: sha256 `dd`\n"},
		{"a diff holding a fence", diffBlock(analysis.Finding{Data: map[string]any{"diff": "+ ```sh\n"}}), "Changes since the recorded text:\n\n````diff\n+ ```sh\n````\n"},
		{"finding list", findingList([]analysis.Finding{stale}, 1), "\n#### Findings here\n\n- `record/stale`: LICENSE has changed.\n\n" + change + "\n"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s:\n%q\nwant\n%q", tc.name, tc.got, tc.want)
		}
	}
}

// TestLongCommandDoesNotHoldOtherMessages: while a command runs (a policy
// download may take 10 seconds), hovers and edits are still served; the
// command's answer comes when it is done. Without queue's early release the
// hover below would wait for the command, which waits for the hover.
func TestLongCommandDoesNotHoldOtherMessages(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string][]byte{"LICENSE": []byte("MIT License\n\nCopyright (c) 2026 Acme\n")})
	started, finish := make(chan struct{}), make(chan struct{})
	slow := func(ctx context.Context, root string, args []any) (any, error) {
		close(started)
		<-finish
		return "done", nil
	}
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0},
		server: Options{Commands: map[string]Command{CommandRecordPolicy: slow}}})
	c.initialized()
	c.waitScan(1)
	answered := make(chan string, 1)
	go func() {
		raw, err := c.call(protocol.MethodWorkspaceExecuteCommand, protocol.ExecuteCommandParams{Command: CommandRecordPolicy})
		answered <- fmt.Sprintf("%s %v", raw, err)
	}()
	<-started
	c.open("LICENSE", 1, "MIT License\n\nCopyright (c) 2026 Acme Robotics\n")
	c.waitVersion(c.uri("LICENSE"), 1)
	if _, err := c.call(protocol.MethodTextDocumentHover, protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("LICENSE")}, Position: protocol.Position{Line: 0, Character: 2}}}); err != nil {
		t.Fatalf("hover while the command runs: %v", err)
	}
	select {
	case got := <-answered:
		t.Fatalf("the command was answered (%s) before it finished", got)
	default:
	}
	close(finish)
	if got := <-answered; got != `"done" <nil>` {
		t.Errorf("command answer = %s, want \"done\" <nil>", got)
	}
}
