package gguf

import (
	"encoding/binary"
	"math"
)

// KV is one key-value pair for Encode. Value is a string, bool, uint8,
// int32, uint32, uint64, int64, float32, float64, []string or []uint32.
type KV struct {
	Key   string
	Value any
}

// Encode writes a GGUF version 3 header with no tensors. It exists so that
// tests and example workspaces can make small GGUF files; fineprint itself
// never writes model files.
func Encode(kvs []KV) []byte {
	var b []byte
	b = append(b, "GGUF"...)
	b = binary.LittleEndian.AppendUint32(b, 3)
	b = binary.LittleEndian.AppendUint64(b, 0)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(kvs)))
	for _, kv := range kvs {
		b = appendString(b, kv.Key)
		b = appendValue(b, kv.Value)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
	return append(b, s...)
}

func appendValue(b []byte, v any) []byte {
	le := binary.LittleEndian
	switch v := v.(type) {
	case string:
		b = le.AppendUint32(b, typeString)
		return appendString(b, v)
	case bool:
		b = le.AppendUint32(b, typeBool)
		if v {
			return append(b, 1)
		}
		return append(b, 0)
	case uint8:
		return append(le.AppendUint32(b, typeUint8), v)
	case int32:
		return le.AppendUint32(le.AppendUint32(b, typeInt32), uint32(v))
	case uint32:
		return le.AppendUint32(le.AppendUint32(b, typeUint32), v)
	case uint64:
		return le.AppendUint64(le.AppendUint32(b, typeUint64), v)
	case int64:
		return le.AppendUint64(le.AppendUint32(b, typeInt64), uint64(v))
	case float32:
		return le.AppendUint32(le.AppendUint32(b, typeFloat32), math.Float32bits(v))
	case float64:
		return le.AppendUint64(le.AppendUint32(b, typeFloat64), math.Float64bits(v))
	case []string:
		b = le.AppendUint32(le.AppendUint32(b, typeArray), typeString)
		b = le.AppendUint64(b, uint64(len(v)))
		for _, s := range v {
			b = appendString(b, s)
		}
		return b
	case []uint32:
		b = le.AppendUint32(le.AppendUint32(b, typeArray), typeUint32)
		b = le.AppendUint64(b, uint64(len(v)))
		for _, x := range v {
			b = le.AppendUint32(b, x)
		}
		return b
	}
	panic("gguf.Encode: unsupported value type")
}
