package gguf

import (
	"encoding/binary"
	"reflect"
	"strings"
	"testing"
)

func llamaHeader() []byte {
	return Encode([]KV{
		{"general.architecture", "llama"},
		{"general.name", "My Tune"},
		{"llama.context_length", uint32(8192)},
		{"tokenizer.ggml.tokens", []string{"<s>", "</s>", "a"}},
		{"tokenizer.ggml.token_type", []uint32{1, 1, 2}},
		{"general.base_model.count", uint32(2)},
		{"general.base_model.1.name", "Mistral 7B v0.1"},
		{"general.base_model.1.organization", "Mistralai"},
		{"general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.1-8B"},
		{"general.license", "llama3.1"},
		{"general.license.link", "LICENSE"},
		{"general.file_type", uint32(15)},
		{"general.quantized", true},
		{"x.f", 1.5},
	})
}

func TestReadHeader(t *testing.T) {
	h, err := ReadHeader(llamaHeader())
	if err != nil {
		t.Fatal(err)
	}
	want := &Header{Version: 3, Keys: 14, Name: "My Tune", License: "llama3.1", LicenseLink: "LICENSE",
		BaseModels: []BaseModel{{RepoURL: "https://huggingface.co/meta-llama/Llama-3.1-8B"}, {Name: "Mistral 7B v0.1", Organization: "Mistralai"}},
		End:        len(llamaHeader())}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("got %+v\nwant %+v", h, want)
	}
	if got := h.BaseModelIDs(); !reflect.DeepEqual(got, []string{"meta-llama/Llama-3.1-8B", "Mistralai/Mistral 7B v0.1"}) {
		t.Errorf("BaseModelIDs = %q", got)
	}
}

func TestHostileHeaders(t *testing.T) {
	good := llamaHeader()
	le := binary.LittleEndian
	withCount := func(n uint64) []byte {
		b := append([]byte(nil), good[:24]...)
		return le.AppendUint64(b[:16], n)
	}
	hugeString := append(append([]byte(nil), good[:24]...), le.AppendUint64(nil, 4<<30)...)
	hugeArray := Encode([]KV{{"a", []uint32{}}})
	le.PutUint64(hugeArray[len(hugeArray)-8:], 1<<40)
	lyingStrings := Encode([]KV{{"a", []string{}}})
	le.PutUint64(lyingStrings[len(lyingStrings)-8:], 1<<20)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a GGUF file"},
		{"magic only", []byte("GGUF"), "truncated"},
		{"version 1", append([]byte("GGUF"), 1, 0, 0, 0), "unsupported GGUF version 1"},
		{"2^40 keys", withCount(1 << 40), "more than the file can hold"},
		{"4 GB string", hugeString, "claims 4294967296 bytes"},
		{"2^40 array", hugeArray, "claims 1099511627776 elements"},
		{"string array beyond data", lyingStrings, "truncated"},
		{"cut short", good[:len(good)-3], "truncated"},
		{"unknown type", append(Encode([]KV{{"a", uint8(1)}})[:len(Encode([]KV{{"a", uint8(1)}}))-5], 99, 0, 0, 0), "unknown value type 99"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadHeader(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func FuzzReadHeader(f *testing.F) {
	f.Add(llamaHeader())
	f.Add(Encode([]KV{{"general.license", "apache-2.0, mit"}}))
	f.Add(Encode([]KV{{"a", []string{"x"}}, {"general.base_model.0.name", "b"}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := ReadHeader(data)
		if err == nil && h.End > len(data) {
			t.Fatalf("End %d beyond %d bytes", h.End, len(data))
		}
	})
}
