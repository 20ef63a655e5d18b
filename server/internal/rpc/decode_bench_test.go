package rpc

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"go.lsp.dev/jsonrpc2"

	"github.com/fineprint-dev/fineprint/internal/testws"
)

// BenchmarkDecodeChange1MB decodes a full-text didChange of a 1 MB model
// card, as an editor encodes it (no HTML escaping), from the frame body to
// the document's bytes: "fineprint" is decodeMessage and DecodeDidChange,
// "library" the path they replaced (jsonrpc2.DecodeMessage, then
// encoding/json). Compare their ns/op for the ratio.
//
//	go test -run XXX -bench DecodeChange ./server/internal/rpc/
func BenchmarkDecodeChange1MB(b *testing.B) {
	wd, _ := os.Getwd()
	dir := testws.FindCorpus(wd)
	if dir == "" {
		b.Skip("no ../shared/corpus beside the module: corpus benchmarks skipped")
	}
	corpus, err := testws.LoadCorpus(dir)
	if err != nil {
		b.Fatal(err)
	}
	card, err := testws.BigCard(corpus, 1<<20)
	if err != nil {
		b.Fatal(err)
	}
	msg := map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
		"textDocument":   map[string]any{"uri": "file:///w/README.md", "version": 2},
		"contentChanges": []any{map[string]any{"text": string(card)}},
	}}
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(msg); err != nil {
		b.Fatal(err)
	}
	data := body.Bytes()
	b.Run("fineprint", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			m, err := decodeMessage(data)
			if err != nil {
				b.Fatal(err)
			}
			p, err := DecodeDidChange(m.(jsonrpc2.Request).Params())
			if err != nil || len(p.ContentChanges[0].Text) != len(card) {
				b.Fatalf("decoded %v", err)
			}
		}
	})
	b.Run("library", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			m, err := jsonrpc2.DecodeMessage(data)
			if err != nil {
				b.Fatal(err)
			}
			var p struct {
				ContentChanges []struct {
					Text string `json:"text"`
				} `json:"contentChanges"`
			}
			if err := json.Unmarshal(m.(jsonrpc2.Request).Params(), &p); err != nil || len(p.ContentChanges[0].Text) != len(card) {
				b.Fatalf("decoded %v", err)
			}
		}
	})
}
