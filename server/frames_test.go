package server

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

func frame(body string) string {
	return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

type nopCloser struct{ io.Reader }

func (nopCloser) Write(p []byte) (int, error) { return len(p), nil }
func (nopCloser) Close() error                { return nil }

func TestFrameGuardPassesMessagesThrough(t *testing.T) {
	in := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) +
		"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		frame("")
	got, err := io.ReadAll(guardFrames(nopCloser{strings.NewReader(in)}, 1<<10))
	if err != nil || string(got) != in {
		t.Fatalf("got %q, %v; want the input unchanged", got, err)
	}
}

func TestFrameGuardStopsOversizedMessages(t *testing.T) {
	for name, in := range map[string]string{
		"declared length over the cap": frame(`{}`) + "Content-Length: 2147483647\r\n\r\n{",
		"header line without end":      "Content-Length: 2\r\n" + strings.Repeat("x", 10000),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := io.ReadAll(guardFrames(nopCloser{strings.NewReader(in)}, 1<<10))
			if !errors.Is(err, errMessageTooLarge) {
				t.Fatalf("err = %v, want errMessageTooLarge", err)
			}
			if strings.Contains(string(got), "2147483647") {
				t.Errorf("the oversized header was passed on: %q", got)
			}
		})
	}
}

func TestFrameGuardPassesTruncatedInputOn(t *testing.T) {
	for _, in := range []string{"Content-Length: 10\r\n\r\n{\"a\"", "Content-Len"} {
		got, err := io.ReadAll(guardFrames(nopCloser{strings.NewReader(in)}, 1<<10))
		if err != nil || string(got) != in {
			t.Errorf("input %q: got %q, %v; want it unchanged, for the library to report", in, got, err)
		}
	}
}
