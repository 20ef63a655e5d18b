// Package gguf reads the metadata header of a GGUF model file (the format of
// llama.cpp and Ollama) without touching its tensors.
//
// A GGUF file starts with the magic "GGUF", a version (2 or 3), the tensor
// count, the number of key-value pairs, and then the pairs themselves:
// little-endian, typed (integers, floats, booleans, strings and arrays of
// any of them). ReadHeader walks every pair, because keys come in no
// particular order, but copies out only the few that matter for licensing:
// general.license, general.license.name, general.license.link,
// general.name and general.base_model.*. Everything else is skipped by
// arithmetic, never allocated.
//
// The input is a prefix of the file (fineprint reads at most the first
// 16 MB). A header that claims more than the prefix holds, or more keys,
// longer strings or longer arrays than the limits below, is an error, never
// a panic or a large allocation: a file announcing 2^40 keys or a 4 GB
// string costs nothing to reject.
package gguf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Limits on what a header may claim.
const (
	MaxKeys       = 1 << 20
	MaxKeyLength  = 1 << 16
	MaxStringSize = 16 << 20
	MaxArrayLen   = 1 << 26
	MaxArrayDepth = 4
)

// BaseModel is one general.base_model.N entry.
type BaseModel struct {
	Name, Organization, RepoURL string
}

// Header is the licensing-relevant part of a GGUF header.
type Header struct {
	Version     uint32
	Keys        int    // number of key-value pairs
	Name        string // general.name
	License     string // general.license (in practice a Hub id such as "llama3.1")
	LicenseName string // general.license.name
	LicenseLink string // general.license.link
	BaseModels  []BaseModel
	// End is the byte offset where the key-value pairs end.
	End int
}

// Value types of the format.
const (
	typeUint8 uint32 = iota
	typeInt8
	typeUint16
	typeInt16
	typeUint32
	typeInt32
	typeFloat32
	typeBool
	typeString
	typeArray
	typeUint64
	typeInt64
	typeFloat64
)

var fixedSize = map[uint32]uint64{
	typeUint8: 1, typeInt8: 1, typeBool: 1, typeUint16: 2, typeInt16: 2,
	typeUint32: 4, typeInt32: 4, typeFloat32: 4, typeUint64: 8, typeInt64: 8, typeFloat64: 8,
}

// ErrNotGGUF is returned when the data does not start with the GGUF magic.
var ErrNotGGUF = errors.New("not a GGUF file (the magic bytes are missing)")

// IsGGUF reports whether data starts with the GGUF magic.
func IsGGUF(data []byte) bool { return len(data) >= 4 && string(data[:4]) == "GGUF" }

type reader struct {
	data []byte
	off  int
}

// ErrTruncated is wrapped by the error of a header that goes on past the
// data given: a reader that read only a prefix may read more.
var ErrTruncated = errors.New("the header is truncated")

var errTruncated = ErrTruncated

func (r *reader) need(n uint64) error {
	if n > uint64(len(r.data)-r.off) {
		return errTruncated
	}
	return nil
}

// take returns the next n bytes and moves past them.
func (r *reader) take(n int) ([]byte, error) {
	if err := r.need(uint64(n)); err != nil {
		return nil, err
	}
	b := r.data[r.off : r.off+n]
	r.off += n
	return b, nil
}

func (r *reader) u32() (uint32, error) {
	b, err := r.take(4)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(b), nil
}

func (r *reader) u64() (uint64, error) {
	b, err := r.take(8)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(b), nil
}

// str returns a string's bytes without copying them.
func (r *reader) str(limit uint64) ([]byte, error) {
	n, err := r.u64()
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("a string claims %d bytes (limit %d)", n, limit)
	}
	if err := r.need(n); err != nil {
		return nil, err
	}
	b := r.data[r.off : r.off+int(n)]
	r.off += int(n)
	return b, nil
}

// ReadHeader reads the key-value header from data, a prefix of a GGUF file.
func ReadHeader(data []byte) (*Header, error) {
	if !IsGGUF(data) {
		return nil, ErrNotGGUF
	}
	r := &reader{data: data, off: 4}
	h := &Header{}
	var err error
	if h.Version, err = r.u32(); err != nil {
		return nil, wrap(r, err)
	}
	if h.Version != 2 && h.Version != 3 {
		return nil, fmt.Errorf("unsupported GGUF version %d (want 2 or 3)", h.Version)
	}
	if _, err = r.u64(); err != nil { // tensor count
		return nil, wrap(r, err)
	}
	count, err := r.u64()
	if err != nil {
		return nil, wrap(r, err)
	}
	if count > MaxKeys || count > uint64(len(data)) {
		return nil, fmt.Errorf("the header claims %d key-value pairs, more than the file can hold", count)
	}
	h.Keys = int(count)
	bases := map[int]*BaseModel{}
	for i := uint64(0); i < count; i++ {
		key, err := r.str(MaxKeyLength)
		if err != nil {
			return nil, wrap(r, err)
		}
		typ, err := r.u32()
		if err != nil {
			return nil, wrap(r, err)
		}
		if typ == typeString {
			v, err := r.str(MaxStringSize)
			if err != nil {
				return nil, wrap(r, err)
			}
			h.keep(string(key), string(v), bases)
			continue
		}
		if err := r.skip(typ, 0); err != nil {
			return nil, wrap(r, err)
		}
	}
	h.End = r.off
	idx := make([]int, 0, len(bases))
	for i := range bases {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	for _, i := range idx {
		h.BaseModels = append(h.BaseModels, *bases[i])
	}
	return h, nil
}

func wrap(r *reader, err error) error {
	if errors.Is(err, errTruncated) {
		return fmt.Errorf("%w at byte %d", ErrTruncated, r.off)
	}
	return err
}

// keep copies out the string keys that matter.
func (h *Header) keep(key, val string, bases map[int]*BaseModel) {
	switch key {
	case "general.name":
		h.Name = val
	case "general.license":
		h.License = val
	case "general.license.name":
		h.LicenseName = val
	case "general.license.link":
		h.LicenseLink = val
	default:
		rest, ok := strings.CutPrefix(key, "general.base_model.")
		if !ok {
			return
		}
		idx, field, ok := strings.Cut(rest, ".")
		n, err := strconv.Atoi(idx)
		if !ok || err != nil || n < 0 || n >= 1024 {
			return
		}
		b := bases[n]
		if b == nil {
			b = &BaseModel{}
			bases[n] = b
		}
		switch field {
		case "name":
			b.Name = val
		case "organization":
			b.Organization = val
		case "repo_url":
			b.RepoURL = val
		}
	}
}

// skip moves past one value of type typ.
func (r *reader) skip(typ uint32, depth int) error {
	if n, ok := fixedSize[typ]; ok {
		if err := r.need(n); err != nil {
			return err
		}
		r.off += int(n)
		return nil
	}
	switch typ {
	case typeString:
		_, err := r.str(MaxStringSize)
		return err
	case typeArray:
		if depth >= MaxArrayDepth {
			return fmt.Errorf("arrays nested more than %d deep", MaxArrayDepth)
		}
		elem, err := r.u32()
		if err != nil {
			return err
		}
		n, err := r.u64()
		if err != nil {
			return err
		}
		if n > MaxArrayLen {
			return fmt.Errorf("an array claims %d elements (limit %d)", n, MaxArrayLen)
		}
		if size, ok := fixedSize[elem]; ok {
			if n > math.MaxUint64/size {
				return errTruncated
			}
			if err := r.need(n * size); err != nil {
				return err
			}
			r.off += int(n * size)
			return nil
		}
		if elem != typeString && elem != typeArray {
			return fmt.Errorf("unknown array element type %d", elem)
		}
		// Every string or array element takes at least 8 bytes, so a count
		// beyond what is left is a lie that need not be walked.
		if err := r.need(n * 8); err != nil {
			return err
		}
		for i := uint64(0); i < n; i++ {
			if err := r.skip(elem, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown value type %d", typ)
}

// Licenses returns the license declared in the header split on commas
// (llama.cpp joins a card's list of licenses with ","), trimmed.
func (h *Header) Licenses() []string {
	var out []string
	for _, p := range strings.Split(h.License, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// BaseModelIDs returns Hub ids of the base models, from repo_url when it is
// a huggingface.co URL, else organization/name.
func (h *Header) BaseModelIDs() []string {
	var out []string
	for _, b := range h.BaseModels {
		if id, ok := hubIDFromURL(b.RepoURL); ok {
			out = append(out, id)
		} else if b.Organization != "" && b.Name != "" {
			out = append(out, b.Organization+"/"+b.Name)
		} else if b.Name != "" {
			out = append(out, b.Name)
		}
	}
	return out
}

func hubIDFromURL(u string) (string, bool) {
	for _, p := range []string{"https://huggingface.co/", "http://huggingface.co/", "https://hf.co/"} {
		if rest, ok := strings.CutPrefix(u, p); ok {
			parts := strings.Split(strings.Trim(rest, "/"), "/")
			if len(parts) >= 2 && parts[0] != "" && parts[1] != "" {
				return parts[0] + "/" + parts[1], true
			}
		}
	}
	return "", false
}
