package server

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// DefaultMaxMessageBytes caps one incoming LSP message. The protocol
// library allocates a message's declared Content-Length before reading its
// body, so without a cap a single header could make the server reserve
// gigabytes.
const DefaultMaxMessageBytes = 64 << 20

// frameGuard passes the client's byte stream through unchanged while reading
// each message's headers first, and ends the stream with an error when a
// message declares more than max bytes or a header line runs on without end.
type frameGuard struct {
	r         *bufio.Reader
	max       int64
	header    []byte // header bytes read but not yet handed on
	remaining int64  // body bytes of the current message not yet handed on
}

// errMessageTooLarge ends a session whose client sent an oversized message.
var errMessageTooLarge = errors.New("message too large")

func (g *frameGuard) Read(p []byte) (int, error) {
	if len(g.header) == 0 && g.remaining == 0 {
		if err := g.readHeader(); err != nil {
			return 0, err
		}
	}
	if len(g.header) > 0 {
		n := copy(p, g.header)
		g.header = g.header[n:]
		return n, nil
	}
	n, err := g.r.Read(p[:min(int64(len(p)), g.remaining)])
	g.remaining -= int64(n)
	return n, err
}

// readHeader reads one message's header block (up to the empty line) and
// checks its Content-Length. A message without one is passed on as it is:
// the protocol library reports it.
func (g *frameGuard) readHeader() error {
	var block []byte
	for {
		line, err := g.r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return fmt.Errorf("%w: a header line longer than %d bytes", errMessageTooLarge, g.r.Size())
		}
		block = append(block, line...)
		if err != nil {
			if len(block) > 0 && errors.Is(err, io.EOF) {
				g.header = block // a truncated header: the library reports it
				return nil
			}
			return err
		}
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			break
		}
		if len(block) > 64<<10 {
			return fmt.Errorf("%w: headers longer than 64 KB", errMessageTooLarge)
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if ok && bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) {
			n, err := strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64)
			if err == nil && n > g.max {
				return fmt.Errorf("%w: Content-Length %d is over the %d-byte limit", errMessageTooLarge, n, g.max)
			}
			if err == nil && n > 0 {
				g.remaining = n
			}
		}
	}
	g.header = block
	return nil
}

// guardFrames wraps rwc's reading side in a frameGuard.
func guardFrames(rwc io.ReadWriteCloser, max int64) io.ReadWriteCloser {
	if max <= 0 {
		max = DefaultMaxMessageBytes
	}
	return struct {
		io.Reader
		io.Writer
		io.Closer
	}{&frameGuard{r: bufio.NewReaderSize(rwc, 4096), max: max}, rwc, rwc}
}
