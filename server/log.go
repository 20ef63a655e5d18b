package server

import (
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// withClientLog tees warnings and errors of base to the client's log
// (window/logMessage), so that a user sees them without a log file.
func withClientLog(base *zap.Logger, send func(protocol.MessageType, string)) *zap.Logger {
	return base.WithOptions(zap.WrapCore(func(c zapcore.Core) zapcore.Core {
		return zapcore.NewTee(c, &clientCore{LevelEnabler: zapcore.WarnLevel, send: send})
	}))
}

// clientCore is a zapcore.Core that sends each entry to the client.
type clientCore struct {
	zapcore.LevelEnabler
	fields []zapcore.Field
	send   func(protocol.MessageType, string)
}

func (c *clientCore) With(fields []zapcore.Field) zapcore.Core {
	return &clientCore{LevelEnabler: c.LevelEnabler, fields: append(append([]zapcore.Field(nil), c.fields...), fields...), send: c.send}
}

func (c *clientCore) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	if c.Enabled(e.Level) {
		return ce.AddCore(e, c)
	}
	return ce
}

var clientEncoder = zapcore.NewConsoleEncoder(zapcore.EncoderConfig{MessageKey: "msg", ConsoleSeparator: " "})

func (c *clientCore) Write(e zapcore.Entry, fields []zapcore.Field) error {
	buf, err := clientEncoder.Clone().EncodeEntry(e, append(append([]zapcore.Field(nil), c.fields...), fields...))
	if err != nil {
		return err
	}
	msg := "fineprint: " + string(buf.Bytes())
	buf.Free()
	typ := protocol.MessageTypeWarning
	if e.Level >= zapcore.ErrorLevel {
		typ = protocol.MessageTypeError
	}
	c.send(typ, trimNewline(msg))
	return nil
}

func (c *clientCore) Sync() error { return nil }

func trimNewline(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}
