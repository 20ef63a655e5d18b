package rpc

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
)

// DefaultMaxMessageBytes caps one incoming LSP message. The protocol
// library would allocate a message's declared Content-Length before reading
// its body, so without a cap a single header could make the server reserve
// gigabytes.
const DefaultMaxMessageBytes = 64 << 20

// maxHeaderBytes caps one message's header block.
const maxHeaderBytes = 64 << 10

// errMessageTooLarge ends a session whose client sent an oversized message.
var errMessageTooLarge = errors.New("message too large")

// Stream is the session's jsonrpc2.Stream. Writing is the library's;
// reading is ours, for two reasons:
//
//   - a message may declare at most max bytes, and a header line may not run
//     on without end, so that one header cannot make the server allocate
//     gigabytes;
//   - a notification is decoded in one pass. Under full text sync every
//     keystroke sends the whole document as one JSON string; jsonrpc2's
//     decoder re-parses a message each time its read buffer doubles, which
//     for a 1 MB card cost 7 ms a keystroke, five times a single pass.
//
// Calls and responses (small, and the library needs its own types for them)
// go through jsonrpc2.DecodeMessage, as does anything our decoder refuses,
// so that malformed input gets the library's error and behaviour.
type Stream struct {
	in     *bufio.Reader
	max    int64
	out    jsonrpc2.Stream
	closer io.Closer
}

func NewStream(rwc io.ReadWriteCloser, max int64) *Stream {
	if max <= 0 {
		max = DefaultMaxMessageBytes
	}
	return &Stream{
		in:     bufio.NewReaderSize(rwc, 4096),
		max:    max,
		out:    jsonrpc2.NewStream(rwc),
		closer: rwc,
	}
}

func (s *Stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	return s.out.Write(ctx, msg)
}

func (s *Stream) Close() error { return s.closer.Close() }

func (s *Stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	length, total, err := s.readHeader()
	if err != nil {
		return nil, total, err
	}
	data := make([]byte, length)
	if _, err := io.ReadFull(s.in, data); err != nil {
		return nil, total, fmt.Errorf("read full of data: %w", err)
	}
	msg, err := decodeMessage(data)
	return msg, total + length, err
}

// readHeader reads one message's header block, up to its empty line, and
// returns its Content-Length. Header names are matched as jsonrpc2 matches
// them (exactly "Content-Length"); other headers are ignored.
func (s *Stream) readHeader() (length, total int64, err error) {
	for {
		line, err := s.in.ReadSlice('\n')
		total += int64(len(line))
		if errors.Is(err, bufio.ErrBufferFull) {
			return 0, total, fmt.Errorf("%w: a header line longer than %d bytes", errMessageTooLarge, s.in.Size())
		}
		if err != nil {
			return 0, total, fmt.Errorf("failed reading header line: %w", err)
		}
		if total > maxHeaderBytes {
			return 0, total, fmt.Errorf("%w: headers longer than 64 KB", errMessageTooLarge)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return 0, total, fmt.Errorf("invalid header line %q", line)
		}
		if string(name) != jsonrpc2.HdrContentLength {
			continue
		}
		n, err := strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64)
		switch {
		case err != nil:
			return 0, total, fmt.Errorf("failed parsing %s: %s: %w", jsonrpc2.HdrContentLength, value, err)
		case n <= 0:
			return 0, total, fmt.Errorf("invalid %s: %d", jsonrpc2.HdrContentLength, n)
		case n > s.max:
			return 0, total, fmt.Errorf("%w: Content-Length %d is over the %d-byte limit", errMessageTooLarge, n, s.max)
		}
		length = n
	}
	if length == 0 {
		return 0, total, fmt.Errorf("missing %s header", jsonrpc2.HdrContentLength)
	}
	return length, total, nil
}

// envelope is what routes a message: a notification has a method and no id.
type envelope struct {
	Version segjson.RawMessage `json:"jsonrpc"`
	ID      segjson.RawMessage `json:"id"`
	Method  string             `json:"method"`
	Params  segjson.RawMessage `json:"params"`
	Result  segjson.RawMessage `json:"result"`
	Error   segjson.RawMessage `json:"error"`
}

// plainNotification reports whether e is a notification that jsonrpc2 would
// accept as it is; anything else is left to jsonrpc2.DecodeMessage.
func (e *envelope) plainNotification() bool {
	return e.Method != "" &&
		(e.Version == nil || string(e.Version) == `"2.0"`) &&
		(e.ID == nil || string(e.ID) == "null") &&
		e.Result == nil && e.Error == nil
}

// notification is a jsonrpc2 notification whose params were decoded by
// decodeMessage. The embedded *jsonrpc2.Notification gives it the method and
// makes it a jsonrpc2.Request, which the connection hands to the handler
// like any other.
type notification struct {
	*jsonrpc2.Notification
	params json.RawMessage
}

func (n notification) Params() json.RawMessage { return n.params }

// decodeMessage decodes one message body. Params are kept as a slice of
// data, not copied.
func decodeMessage(data []byte) (jsonrpc2.Message, error) {
	var env envelope
	if _, err := segjson.Parse(data, &env, segjson.ZeroCopy); err != nil || !env.plainNotification() {
		return jsonrpc2.DecodeMessage(data)
	}
	n, err := jsonrpc2.NewNotification(env.Method, nil)
	if err != nil {
		return nil, err
	}
	var params json.RawMessage
	if env.Params != nil && string(env.Params) != "null" {
		params = json.RawMessage(env.Params)
	}
	return notification{Notification: n, params: params}, nil
}
