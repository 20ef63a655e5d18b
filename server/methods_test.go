package server

import (
	"context"
	"encoding/json"
	"testing"

	"go.lsp.dev/protocol"
)

// TestCapabilitiesComeFromTheTable: the initialize result announces what
// the method table serves, incremental text sync (issue 17), and
// executeCommand only when the session was given commands.
func TestCapabilitiesComeFromTheTable(t *testing.T) {
	for _, tc := range []struct {
		name     string
		commands map[string]Command
		want     string
	}{
		{"without commands", nil, `{"codeActionProvider":{"codeActionKinds":["quickfix"]},"codeLensProvider":{},"documentLinkProvider":{},"hoverProvider":true,"textDocumentSync":{"openClose":true,"change":2,"save":{}}}`},
		{"with commands", map[string]Command{CommandRecord: func(context.Context, string, []any) (any, error) { return nil, nil }},
			`{"codeActionProvider":{"codeActionKinds":["quickfix"]},"codeLensProvider":{},"documentLinkProvider":{},"executeCommandProvider":{"commands":["fineprint.record"]},"hoverProvider":true,"textDocumentSync":{"openClose":true,"change":2,"save":{}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(Options{Commands: tc.commands})
			got, err := json.Marshal(s.rpc.Table.Capabilities())
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("capabilities\n%s\nwant\n%s", got, tc.want)
			}
			// The capabilities decode as the protocol library's.
			var caps protocol.ServerCapabilities
			if err := json.Unmarshal(got, &caps); err != nil {
				t.Fatal(err)
			}
		})
	}
}
