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
	"sync"
	"sync/atomic"

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

// Stream is the session's jsonrpc2.Stream. Reading is ours, for three
// reasons:
//
//   - a message may declare at most max bytes, and a header line may not run
//     on without end, so that one header cannot make the server allocate
//     gigabytes;
//   - a notification is decoded in one pass. Under full text sync every
//     keystroke sends the whole document as one JSON string; jsonrpc2's
//     decoder re-parses a message each time its read buffer doubles, which
//     for a 1 MB card cost 7 ms a keystroke, five times a single pass;
//   - a message that is framed correctly but cannot be served is answered
//     (or dropped) and the session goes on (see Read).
//
// Calls and responses (small, and the library needs its own types for them)
// go through jsonrpc2.DecodeMessage, as does anything our decoder refuses.
//
// Writing is ours too, so that a client that stops reading cannot hold the
// session: frames are written one at a time by one goroutine, and a writer
// waits for its frame only until the stream is closed. A write blocked in
// the operating system (a full pipe nobody reads) then stays behind, and
// the process can still exit.
//
// The input is read ahead by one goroutine (readAhead), at most
// MaxReadAhead bytes beyond the messages taken, so that the end of the
// input is seen even while the session takes no message (the dispatcher's
// back-pressure): InputEnded is then closed, and the dispatcher takes the
// rest, so that the session reaches the end of its input and ends.
type Stream struct {
	in     *bufio.Reader
	ahead  *readAhead
	max    int64
	rwc    io.ReadWriteCloser
	writes chan writeRequest
	closed chan struct{}
	start  sync.Once
	close  sync.Once
	// Invalid counts the messages that were framed correctly but could
	// not be served (see Read).
	Invalid atomic.Int64
}

type writeRequest struct {
	header, body []byte // written apart, so that a large body is not copied
	done         chan writeResult
}

type writeResult struct {
	n   int64
	err error
}

// errClosed answers writes after Close.
var errClosed = errors.New("the stream is closed")

func NewStream(rwc io.ReadWriteCloser, max int64) *Stream {
	if max <= 0 {
		max = DefaultMaxMessageBytes
	}
	s := &Stream{
		max:    max,
		rwc:    rwc,
		writes: make(chan writeRequest),
		closed: make(chan struct{}),
	}
	s.ahead = &readAhead{src: rwc, chunks: make(chan []byte, ReadAheadChunks), ended: make(chan struct{}), closed: s.closed}
	s.in = bufio.NewReaderSize(s.ahead, 4096)
	return s
}

// InputEnded is closed once the whole input has been read (into the
// read-ahead buffer; the messages in it may still be to take).
func (s *Stream) InputEnded() <-chan struct{} { return s.ahead.ended }

// MaxReadAhead bounds the input read and not yet taken as messages: at
// most ReadAheadChunks reads of up to readChunk bytes each wait to be
// taken, plus the one being handed out and the one being read.
const (
	MaxReadAhead    = 4 << 20
	readChunk       = 32 << 10
	ReadAheadChunks = MaxReadAhead / readChunk
)

var chunkPool = sync.Pool{New: func() any { b := make([]byte, readChunk); return &b }}

// readAhead reads src on its own goroutine (started by the first Read)
// into at most cap(chunks) chunks, and hands them to Read in order.
type readAhead struct {
	src    io.Reader
	start  sync.Once
	chunks chan []byte   // closed after err is set
	err    error         // what ended src
	ended  chan struct{} // closed when src has ended
	closed <-chan struct{}
	cur    []byte  // what Read has not handed out of the current chunk
	held   *[]byte // the current chunk, back to the pool when used up
}

func (r *readAhead) pump() {
	defer close(r.chunks)
	for {
		b := chunkPool.Get().(*[]byte)
		*b = (*b)[:cap(*b)]
		n, err := r.src.Read(*b)
		if n > 0 {
			select {
			case r.chunks <- (*b)[:n]:
			case <-r.closed:
				r.err = errClosed
				close(r.ended)
				return
			}
		} else {
			chunkPool.Put(b)
		}
		if err != nil {
			r.err = err
			close(r.ended)
			return
		}
	}
}

func (r *readAhead) Read(p []byte) (int, error) {
	r.start.Do(func() { go r.pump() })
	if len(r.cur) == 0 {
		if r.held != nil {
			chunkPool.Put(r.held)
			r.held = nil
		}
		select {
		case c, ok := <-r.chunks:
			if !ok {
				return 0, r.err
			}
			r.cur, r.held = c, &c
		case <-r.closed:
			return 0, errClosed
		}
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// Write writes msg as one frame. It blocks while the client does not read
// (back-pressure) and returns at once when the stream is closed.
func (s *Stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	data, err := segjson.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("marshaling message: %w", err)
	}
	return s.writeFrame(data)
}

// writeFrame writes one frame of body through the writer goroutine.
func (s *Stream) writeFrame(body []byte) (int64, error) {
	s.start.Do(func() { go s.writer() })
	header := fmt.Appendf(nil, "%s: %d%s", jsonrpc2.HdrContentLength, len(body), jsonrpc2.HdrContentSeparator)
	req := writeRequest{header: header, body: body, done: make(chan writeResult, 1)}
	select {
	case s.writes <- req:
	case <-s.closed:
		return 0, errClosed
	}
	select {
	case r := <-req.done:
		return r.n, r.err
	case <-s.closed:
		return 0, errClosed
	}
}

// writer writes the frames one at a time until the stream is closed.
func (s *Stream) writer() {
	for {
		select {
		case req := <-s.writes:
			n, err := s.rwc.Write(req.header)
			if err == nil {
				var m int
				m, err = s.rwc.Write(req.body)
				n += m
			}
			if err != nil {
				err = fmt.Errorf("write data to conn: %w", err)
			}
			req.done <- writeResult{int64(n), err}
		case <-s.closed:
			return
		}
	}
}

// Close closes the stream: writes under way and to come return at once.
func (s *Stream) Close() error {
	var err error
	s.close.Do(func() {
		close(s.closed)
		err = s.rwc.Close()
	})
	return err
}

// Closed is closed when the stream is.
func (s *Stream) Closed() <-chan struct{} { return s.closed }

// Read returns the next message. A message that is framed correctly but
// cannot be served (invalid JSON, a batch, an id that is neither an integer
// nor a string, a "jsonrpc" other than "2.0", a method that is not a
// string) does not end the session: a request is answered with -32700 or
// -32600 (see invalidReply), anything else is dropped, and Read goes on to
// the next message.
func (s *Stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	var read int64
	for {
		if err := ctx.Err(); err != nil {
			return nil, read, err
		}
		length, total, err := s.readHeader()
		read += total
		if err != nil {
			return nil, read, err
		}
		data := make([]byte, length)
		if _, err := io.ReadFull(s.in, data); err != nil {
			return nil, read, fmt.Errorf("read full of data: %w", err)
		}
		read += length
		msg, err := decodeMessage(data)
		if err == nil {
			return msg, read, nil
		}
		reply := invalidReply(data)
		s.Invalid.Add(1)
		if reply == nil {
			continue // a notification or a response: nobody to tell
		}
		if _, err := s.writeFrame(reply); err != nil {
			return nil, read, err
		}
	}
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

// invalidReply is the answer to a message that decodeMessage refuses,
// nil when it gets none. Following JSON-RPC 2.0: a body that is not JSON
// is a parse error (-32700); a request that is not a valid one is an
// invalid request (-32600). The reply carries the request's id when it is
// a number or a string (1.5 or 1e30 included, so that the client can match
// it), else null. A message without a method (a response) or without an id
// (a notification) gets no answer.
func invalidReply(data []byte) []byte {
	type replyError struct {
		Code    jsonrpc2.Code `json:"code"`
		Message string        `json:"message"`
	}
	reply := func(id json.RawMessage, code jsonrpc2.Code, msg string) []byte {
		if id == nil {
			id = json.RawMessage("null")
		}
		out, _ := json.Marshal(struct {
			Version string          `json:"jsonrpc"`
			ID      json.RawMessage `json:"id"`
			Error   replyError      `json:"error"`
		}{"2.0", id, replyError{code, msg}})
		return out
	}
	if !json.Valid(data) {
		return reply(nil, jsonrpc2.ParseError, "parse error: the message is not JSON")
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(data, &obj) != nil || obj == nil {
		return reply(nil, jsonrpc2.InvalidRequest, "invalid request: a message must be one JSON object (batches are not supported)")
	}
	_, hasMethod := obj["method"]
	id := bytes.TrimSpace(obj["id"])
	if !hasMethod || len(id) == 0 || string(id) == "null" {
		return nil
	}
	if c := id[0]; c != '"' && c != '-' && (c < '0' || c > '9') {
		id = nil // an object, an array, true or false
	}
	return reply(id, jsonrpc2.InvalidRequest, "invalid request: the id must be an integer or a string, \"jsonrpc\" must be \"2.0\" and the method a string")
}
