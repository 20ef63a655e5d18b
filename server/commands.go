package server

import (
	"context"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/fineprint-dev/fineprint/server/internal/rpc"
)

// The commands a client may run; cmd/fineprint passes their implementations
// in Options.Commands (the record feature lives in analysis/record). A
// command that is not passed is neither advertised nor accepted.
const (
	CommandRecord       = "fineprint.record"
	CommandRecordPolicy = "fineprint.recordPolicy"
)

// ExecuteCommand runs one of the commands given in Options.Commands.
func (s *Server) ExecuteCommand(ctx context.Context, p *protocol.ExecuteCommandParams) (any, error) {
	cmd := s.opts.Commands[p.Command]
	if cmd == nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "unknown command %q", p.Command)
	}
	s.mu.Lock()
	root := s.root
	s.mu.Unlock()
	// A command works on the disk, not on the session, so later messages
	// need not wait for it; commands still run one at a time.
	rpc.ReleaseQueue(ctx)
	s.commandMu.Lock()
	result, err := cmd(ctx, root, p.Arguments)
	s.commandMu.Unlock()
	s.sched.request(0) // the command may have written fineprint.lock or a policy copy
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "%s: %v", p.Command, err)
	}
	return result, nil
}
