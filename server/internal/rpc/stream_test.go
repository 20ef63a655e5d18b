package rpc

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
)

func frame(body string) string {
	return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

type nopCloser struct{ io.Reader }

func (nopCloser) Write(p []byte) (int, error) { return len(p), nil }
func (nopCloser) Close() error                { return nil }

// readAll reads messages from in until the stream fails, returning them and
// the error that ended it.
func readAll(in string, max int64) ([]jsonrpc2.Message, error) {
	s := NewStream(nopCloser{strings.NewReader(in)}, max)
	var msgs []jsonrpc2.Message
	for {
		msg, _, err := s.Read(context.Background())
		if err != nil {
			return msgs, err
		}
		msgs = append(msgs, msg)
	}
}

// describe renders a message as the connection sees it: its kind, method,
// id and params.
func describe(msg jsonrpc2.Message) string {
	switch m := msg.(type) {
	case *jsonrpc2.Call:
		return "call " + m.Method() + " id=" + idString(m.ID()) + " params=" + string(m.Params())
	case *jsonrpc2.Response:
		return "response id=" + idString(m.ID()) + " result=" + string(m.Result())
	case jsonrpc2.Request:
		return "notification " + m.Method() + " params=" + string(m.Params())
	}
	return "?"
}

func TestFrameStreamReadsMessages(t *testing.T) {
	in := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) +
		"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"contentChanges":[{"text":"a\nb 中文 😀"}]}}`) +
		frame(`{"jsonrpc":"2.0","id":"x","result":null}`) +
		frame(`{"jsonrpc":"2.0","method":"exit"}`)
	msgs, err := readAll(in, 1<<10)
	if !errors.Is(err, io.EOF) {
		t.Errorf("stream ended with %v, want EOF", err)
	}
	var got []string
	for _, m := range msgs {
		got = append(got, describe(m))
	}
	want := []string{
		`call initialize id=1 params={}`,
		`notification initialized params={}`,
		`notification textDocument/didChange params={"contentChanges":[{"text":"a\nb 中文 😀"}]}`,
		`response id="x" result=`,
		`notification exit params=`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFrameStreamStopsOversizedMessages(t *testing.T) {
	for name, in := range map[string]string{
		"declared length over the cap": frame(`{"jsonrpc":"2.0","method":"exit"}`) + "Content-Length: 2147483647\r\n\r\n{",
		"header line without end":      "Content-Length: 2\r\n" + strings.Repeat("x", 10000),
		"header block without end":     strings.Repeat("X-Padding: 1\r\n", 10000),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := readAll(in, 1<<10); !errors.Is(err, errMessageTooLarge) {
				t.Fatalf("err = %v, want errMessageTooLarge", err)
			}
		})
	}
}

func TestFrameStreamReportsBadFrames(t *testing.T) {
	for in, want := range map[string]string{
		"Content-Length: 10\r\n\r\n{\"a\"": "read full of data: unexpected EOF",
		"Content-Len":                      "failed reading header line: EOF",
		"no colon\r\n\r\n{}":               `invalid header line "no colon"`,
		"Content-Type: x\r\n\r\n{}":        "missing Content-Length header",
		"content-length: 2\r\n\r\n{}":      "missing Content-Length header",
		"Content-Length: -1\r\n\r\n{}":     "invalid Content-Length: -1",
		"Content-Length: two\r\n\r\n{}":    `failed parsing Content-Length:  two: strconv.ParseInt: parsing "two": invalid syntax`,
	} {
		_, err := readAll(in, 1<<10)
		if err == nil || !strings.Contains(err.Error(), want) || errors.Is(err, errMessageTooLarge) {
			t.Errorf("input %q: err = %v, want one containing %q", in, err, want)
		}
	}
}

// decodeBodies are message bodies on which decodeMessage must agree with
// jsonrpc2.DecodeMessage.
var decodeBodies = []string{
	`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a","version":2},"contentChanges":[{"text":"x\ny"}]}}`,
	`{"jsonrpc":"2.0","method":"initialized","params":null}`,
	`{"jsonrpc":"2.0","method":"exit"}`,
	`{"jsonrpc":"2.0","id":null,"method":"n","params":[1, 2]}`,
	` { "params" : { "a" : "\u00e9" } , "method" : "m" } `,
	`{"jsonrpc":"2.0","id":7,"method":"shutdown"}`,
	`{"jsonrpc":"2.0","id":"s","method":"m","params":{}}`,
	`{"jsonrpc":"2.0","id":7,"result":{"a":1}}`,
	`{"jsonrpc":"2.0","id":7,"error":{"code":-32601,"message":"no"}}`,
	`{"jsonrpc":"2.0","method":""}`,
	`{"method":"m","params":{"a":"b"}} trailing`,
	`{"method":1}`,
	`{"method":"m","params":{"a":}}`,
	`{}`,
	`null`,
}

func TestDecodeMessageAgreesWithJSONRPC2(t *testing.T) {
	for _, body := range decodeBodies {
		checkDecodeAgrees(t, []byte(body))
	}
}

func FuzzDecodeMessage(f *testing.F) {
	for _, body := range decodeBodies {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkDecodeAgrees(t, body)
	})
}

func checkDecodeAgrees(t *testing.T, body []byte) {
	t.Helper()
	want, wantErr := jsonrpc2.DecodeMessage(append([]byte(nil), body...))
	got, err := decodeMessage(append([]byte(nil), body...))
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("body %q: decodeMessage error %v, jsonrpc2 error %v", body, err, wantErr)
	}
	if err == nil && describe(got) != describe(want) {
		t.Fatalf("body %q:\ndecodeMessage: %s\njsonrpc2:      %s", body, describe(got), describe(want))
	}
}

func idString(id jsonrpc2.ID) string {
	b, _ := id.MarshalJSON()
	return string(b)
}

// captured is a stream whose output is kept.
type captured struct {
	io.Reader
	out strings.Builder
}

func (c *captured) Write(p []byte) (int, error) { return c.out.Write(p) }
func (c *captured) Close() error                { return nil }

// TestStreamAnswersInvalidRequests: messages framed correctly that
// jsonrpc2 cannot take are answered (requests) or dropped (the rest), and
// the stream reads on (issue 16 row 12).
func TestStreamAnswersInvalidRequests(t *testing.T) {
	invalid := []struct{ body, reply string }{
		{`{"jsonrpc":"2.0","id":1e30,"method":"textDocument/hover","params":{}}`, `{"jsonrpc":"2.0","id":1e30,"error":{"code":-32600,`},
		{`{"jsonrpc":"2.0","id":9223372036854775808,"method":"shutdown"}`, `{"jsonrpc":"2.0","id":9223372036854775808,"error":{"code":-32600,`},
		{`{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}`, `{"jsonrpc":"2.0","id":1.5,"error":{"code":-32600,`},
		{`{"jsonrpc":"2.0","id":{"x":1},"method":"initialize","params":{}}`, `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,`},
		{`{"jsonrpc":"2.0","id":true,"method":"initialize","params":{}}`, `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,`},
		{`{"jsonrpc":"1.0","id":7,"method":"initialize","params":{}}`, `{"jsonrpc":"2.0","id":7,"error":{"code":-32600,`},
		{`{"jsonrpc":"2.0","id":8,"method":42}`, `{"jsonrpc":"2.0","id":8,"error":{"code":-32600,`},
		{`[{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}]`, `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,`},
		{`not json!!`, `{"jsonrpc":"2.0","id":null,"error":{"code":-32700,`},
		{`{"jsonrpc":"1.0","method":"initialized","params":{}}`, ``}, // a notification: dropped
		{`{"jsonrpc":"2.0","id":{"x":1},"result":null}`, ``},         // a response: dropped
	}
	var in strings.Builder
	for _, c := range invalid {
		in.WriteString(frame(c.body))
	}
	in.WriteString(frame(`{"jsonrpc":"2.0","id":9,"method":"shutdown"}`))
	rw := &captured{Reader: strings.NewReader(in.String())}
	s := NewStream(rw, 1<<10)
	msg, _, err := s.Read(context.Background())
	if err != nil {
		t.Fatalf("Read: %v; output so far:\n%s", err, rw.out.String())
	}
	if got := describe(msg); got != "call shutdown id=9 params=" {
		t.Errorf("Read returned %s, want the valid call after the invalid messages", got)
	}
	if n := s.Invalid.Load(); n != int64(len(invalid)) {
		t.Errorf("Invalid = %d, want %d", n, len(invalid))
	}
	out := rw.out.String()
	for _, c := range invalid {
		if c.reply == "" {
			continue
		}
		i := strings.Index(out, c.reply)
		if i < 0 {
			t.Errorf("body %s: no reply starting %s in\n%s", c.body, c.reply, rw.out.String())
			continue
		}
		out = out[i+len(c.reply):] // replies come in order
	}
	if strings.Count(rw.out.String(), "Content-Length: ") != 9 {
		t.Errorf("want 9 framed replies, got:\n%s", rw.out.String())
	}
}

// TestInputEndSeenWithoutTakingMessages: the end of the input is seen
// while the session takes no message (the dispatcher's back-pressure),
// and the messages before it are still read, in order, before io.EOF.
// Without the read-ahead, EOF waits behind messages nobody takes.
func TestInputEndSeenWithoutTakingMessages(t *testing.T) {
	r, w := io.Pipe()
	s := NewStream(struct {
		io.Reader
		io.WriteCloser
	}{r, nopCloser{}}, 0)
	go func() {
		for i := 0; i < 100; i++ {
			io.WriteString(w, frame(`{"jsonrpc":"2.0","id":`+strconv.Itoa(i)+`,"method":"m","params":{}}`))
		}
		w.Close()
	}()
	if _, _, err := s.Read(context.Background()); err != nil { // the first message starts the reading
		t.Fatal(err)
	}
	<-s.InputEnded() // a hang here fails the test by its timeout
	for i := 1; ; i++ {
		msg, _, err := s.Read(context.Background())
		if err != nil {
			if !errors.Is(err, io.EOF) || i != 100 {
				t.Fatalf("message %d: %v, want io.EOF after 100", i, err)
			}
			return
		}
		if got := idString(msg.(*jsonrpc2.Call).ID()); got != strconv.Itoa(i) {
			t.Fatalf("message %d has id %s", i, got)
		}
	}
}
