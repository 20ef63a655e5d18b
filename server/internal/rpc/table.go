package rpc

import (
	"bytes"
	"context"
	"encoding/json"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
)

// Handler serves one method. params are the message's raw params (nil when
// it has none); the result is the reply's, and is dropped for a
// notification. An error that is a *jsonrpc2.Error is sent as it is; any
// other error is sent with code 0, as jsonrpc2 does.
type Handler func(ctx context.Context, params json.RawMessage) (any, error)

// Method is one entry of a Table.
type Method struct {
	Handle Handler
	// Enabled, when set, says whether this session serves the method
	// (test hooks, commands the session was given); a disabled method is
	// unknown to the client.
	Enabled func() bool
	// Capability names the server capability that announces the method
	// ("hoverProvider"), and Options is its value in the initialize
	// result. Several methods may share one capability; one entry names it.
	Capability string
	Options    any
}

// Table maps method names to their handlers: it is the whole list of
// what a session serves. Everything else is answered with -32601 (a
// request) or ignored (a notification).
type Table map[string]Method

// lookup returns the handler of an enabled method.
func (t Table) lookup(method string) (Handler, bool) {
	m, ok := t[method]
	if !ok || m.Handle == nil || m.Enabled != nil && !m.Enabled() {
		return nil, false
	}
	return m.Handle, true
}

// Capabilities collects the capabilities that the enabled methods announce,
// as the initialize result's "capabilities" object.
func (t Table) Capabilities() map[string]any {
	caps := map[string]any{}
	for name, m := range t {
		if m.Capability == "" {
			continue
		}
		if _, ok := t.lookup(name); ok {
			caps[m.Capability] = m.Options
		}
	}
	return caps
}

// Request adapts a typed request handler: the params are decoded into a P
// (null or absent params are P's zero value), and a decoding error is
// answered with -32602.
func Request[P, R any](f func(context.Context, *P) (R, error)) Handler {
	return func(ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if err := decode(raw, &p); err != nil {
			return nil, invalidParams(methodOf(ctx), err)
		}
		return f(ctx, &p)
	}
}

// Notification adapts a typed notification handler; params that do not
// decode drop the notification, as there is nobody to tell.
func Notification[P any](f func(context.Context, *P) error) Handler {
	return func(ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if err := decode(raw, &p); err != nil {
			return nil, invalidParams(methodOf(ctx), err)
		}
		return nil, f(ctx, &p)
	}
}

// NoParams adapts a handler that takes no params (shutdown, exit); any
// params sent are ignored.
func NoParams(f func(context.Context) error) Handler {
	return func(ctx context.Context, _ json.RawMessage) (any, error) {
		return nil, f(ctx)
	}
}

func decode(raw json.RawMessage, p any) error {
	if t := bytes.TrimSpace(raw); len(t) == 0 || string(t) == "null" {
		return nil
	}
	return segjson.Unmarshal(raw, p)
}

func invalidParams(method string, err error) error {
	return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: invalid params: %v", method, err)
}

type methodKey struct{}

func methodOf(ctx context.Context) string {
	m, _ := ctx.Value(methodKey{}).(string)
	return m
}
