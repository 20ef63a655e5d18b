package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fineprint.recordPolicy takes the policy's URL; offline it creates the
// copy for the user to paste into and says so.
func TestRecordPolicyCommand(t *testing.T) {
	noNetwork(t)
	fixedRecordTime(t, time.Date(2026, 11, 3, 12, 0, 0, 0, time.UTC))
	old := recordFetchOptions
	recordFetchOptions.Client = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, errors.New("network is unreachable")
	})}
	t.Cleanup(func() { recordFetchOptions = old })
	dir := t.TempDir()
	const url = "https://example.com/use-policy"
	license := "Example Model Community License Agreement\n\n1. Use Policy. Your use of the Example Model must comply with the Acceptable Use Policy at " + url + ", which is hereby incorporated by reference into this Agreement.\n"
	if err := os.WriteFile(filepath.Join(dir, "LICENSE"), []byte(license), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := recordPolicyCommand()
	for _, tc := range []struct {
		name    string
		root    string
		args    []any
		wantErr string
	}{
		{"no folder", "", []any{url}, "no workspace folder is open"},
		{"not a URL", dir, []any{42.0}, "the argument must be a policy URL, not 42"},
		{"a URL no license names", dir, []any{"https://example.com/other"}, "no license in the workspace refers to https://example.com/other"},
	} {
		if _, err := cmd(context.Background(), tc.root, tc.args); err == nil || err.Error() != tc.wantErr {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.wantErr)
		}
	}
	got, err := cmd(context.Background(), dir, []any{url})
	want := "could not download: fetch " + url + ": network is unreachable\n" +
		"created .fineprint/policies/example.com-use-policy.md: paste the policy's text below its header, then run fineprint.record\n"
	if err != nil || got != want {
		t.Errorf("offline = %q, %v\nwant %q", got, err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "fineprint.lock")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an offline recordPolicy wrote fineprint.lock (%v): it records nothing", err)
	}
}

// fineprint.record answers with the report an editor shows: no
// "fineprint: record:" lines meant for a terminal's standard error, and the
// policies still to record named with the editor's commands (issue 16).
func TestRecordCommandMessage(t *testing.T) {
	noNetwork(t)
	fixedRecordTime(t, time.Date(2026, 11, 3, 12, 0, 0, 0, time.UTC))
	license, err := os.ReadFile(filepath.Join("..", "..", "testdata", "example", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "LICENSE"), license, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := recordCommand()(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "wrote .fineprint/licenses/LICENSE\n" +
		"wrote fineprint.lock\n" +
		"fineprint.lock recorded: 1 license file, 0 policies\n" +
		"not recorded: https://acme.example/aup: run fineprint.recordPolicy to download it, or paste its text into .fineprint/policies/acme.example-aup.md and run fineprint.record\n"
	if got != want {
		t.Errorf("fineprint.record answered\n%s\nwant\n%s", got, want)
	}
}
