package server

import (
	"context"
	"encoding/json"
	"testing"

	"go.lsp.dev/protocol"
)

// TestCapabilitiesComeFromTheTable: the initialize result announces
// incremental text sync (issue 17) and executeCommand only when the session
// was given commands; the whole result is pinned by
// testdata/lsp/initialize.golden.json (cmd/fineprint).
func TestCapabilitiesComeFromTheTable(t *testing.T) {
	record := map[string]Command{CommandRecord: func(context.Context, string, []any) (any, error) { return nil, nil }}
	for _, commands := range []map[string]Command{nil, record} {
		s := newServer(Options{Commands: commands})
		got, err := json.Marshal(s.rpc.Table.Capabilities())
		if err != nil {
			t.Fatal(err)
		}
		var caps struct {
			TextDocumentSync       json.RawMessage `json:"textDocumentSync"`
			ExecuteCommandProvider *struct {
				Commands []string `json:"commands"`
			} `json:"executeCommandProvider"`
		}
		if err := json.Unmarshal(got, &caps); err != nil {
			t.Fatal(err)
		}
		if want := `{"openClose":true,"change":2,"save":{}}`; string(caps.TextDocumentSync) != want {
			t.Errorf("textDocumentSync %s, want %s", caps.TextDocumentSync, want)
		}
		if (caps.ExecuteCommandProvider != nil) != (commands != nil) {
			t.Errorf("with commands %v: executeCommandProvider %+v", commands != nil, caps.ExecuteCommandProvider)
		}
		if caps.ExecuteCommandProvider != nil && (len(caps.ExecuteCommandProvider.Commands) != 1 || caps.ExecuteCommandProvider.Commands[0] != CommandRecord) {
			t.Errorf("commands %v, want [%s]", caps.ExecuteCommandProvider.Commands, CommandRecord)
		}
		// The capabilities decode as the protocol library's.
		var lib protocol.ServerCapabilities
		if err := json.Unmarshal(got, &lib); err != nil {
			t.Fatal(err)
		}
	}
}
