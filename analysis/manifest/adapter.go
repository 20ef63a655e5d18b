package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ParseAdapterConfig reads a PEFT adapter_config.json and returns its
// base_model_name_or_path as a reference (nil when the key is absent or not
// a string). An error means the file is not a JSON object.
func ParseAdapterConfig(text []byte) (*Ref, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonError(text, dec, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("adapter_config.json is not a JSON object")
	}
	var found *Ref
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonError(text, dec, err)
		}
		key, _ := tok.(string)
		valueStart := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, jsonError(text, dec, err)
		}
		if key != "base_model_name_or_path" || found != nil {
			continue
		}
		var s string
		if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			continue
		}
		// raw is the value with surrounding whitespace trimmed; find it
		// after the key's colon.
		i := valueStart + bytes.IndexByte(text[valueStart:], '"')
		start, end := i+1, i+len(bytes.TrimSpace(raw))-1
		kind, id := ClassifyName(s)
		if kind == OllamaName {
			kind = UnknownKind // PEFT names Hub ids or paths, never Ollama names
		}
		if IsHubID(s) {
			kind, id = HubID, s
		}
		found = &Ref{Kind: kind, ID: id, Text: s, Start: start, End: end, Via: "base_model_name_or_path"}
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(text, dec, err)
	}
	return found, nil
}

func jsonError(text []byte, dec *json.Decoder, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("adapter_config.json is not valid JSON at byte %d: %v", se.Offset, err)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("adapter_config.json ends early at byte %d", len(text))
	}
	return fmt.Errorf("adapter_config.json is not valid JSON: %v", err)
}
