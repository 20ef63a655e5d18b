// Package record reads and writes fineprint's record of what a project agreed
// to: the lock file fineprint.lock and the dated policy copies under
// .fineprint/policies/ (docs/record.md).
//
// fineprint.lock is JSON, sorted and indented so that it diffs well in review:
//
//	{
//	  "version": 1,
//	  "licenses": [
//	    {
//	      "path": "models/llama/LICENSE",
//	      "license": "llama3.1",
//	      "sha256": "6f1c…",
//	      "recorded": "2026-11-29"
//	    }
//	  ],
//	  "policies": [
//	    {
//	      "url": "https://llama.meta.com/llama3_1/use-policy",
//	      "path": ".fineprint/policies/llama.meta.com-llama3_1-use-policy.md",
//	      "sha256": "0b9e…",
//	      "retrieved": "2026-11-29T18:30:00Z"
//	    }
//	  ],
//	  "models": [
//	    {
//	      "id": "acme/base-7b",
//	      "license": "other",
//	      "license_name": "acme-open",
//	      "license_link": "https://acme.example/license",
//	      "gated": "manual",
//	      "revision": "8c1b…",
//	      "source": "https://huggingface.co/api/models/acme/base-7b",
//	      "retrieved": "2026-11-29T18:30:00Z"
//	    }
//	  ]
//	}
//
// "models" and "datasets" hold the ids that `fineprint record --fetch`
// resolved through the Hugging Face Hub because nothing local knew them;
// later offline runs resolve those ids from here. The lists are left out
// while empty, so a lock without them keeps its shape.
//
// A license's sha256 covers the whole file. A policy's sha256 covers the body
// of its copy, the text below the copy's header comment, so that the header's
// date does not count as a change.
//
// The package is pure: it turns bytes into values and back, and never touches
// the file system or the network.
package record

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/fineprint-dev/fineprint/internal/wording"
)

// Version is the lock format this package writes.
const Version = 1

// DateLayout is the layout of a license entry's Recorded date.
const DateLayout = "2006-01-02"

// Lock is the content of fineprint.lock.
type Lock struct {
	Version int `json:"version"`
	// Pending is set only while `fineprint record` renames the files it
	// staged (see Rename); a lock that holds it is an interrupted record.
	Pending  []Rename       `json:"pending,omitempty"`
	Licenses []LicenseEntry `json:"licenses"`
	Policies []PolicyEntry  `json:"policies"`
	Models   []HubEntry     `json:"models,omitempty"`
	Datasets []HubEntry     `json:"datasets,omitempty"`
}

// HubEntry records what the Hugging Face Hub answered `fineprint record
// --fetch` about a model or dataset id that nothing local resolved: the
// card's license (a Hub license id; "other" with license_name and
// license_link for the rest), gating, base models, the revision the answer
// describes, the API URL asked and when.
type HubEntry struct {
	ID          string   `json:"id"`
	License     string   `json:"license"` // "" when the card declares none
	LicenseName string   `json:"license_name,omitempty"`
	LicenseLink string   `json:"license_link,omitempty"`
	Gated       string   `json:"gated,omitempty"` // "auto" or "manual" when access must be requested
	BaseModel   []string `json:"base_model,omitempty"`
	Revision    string   `json:"revision,omitempty"` // the commit the answer describes
	Source      string   `json:"source"`             // the API URL asked
	Retrieved   string   `json:"retrieved"`          // RFC 3339, UTC
}

// Model returns the entry for a model id (compared ignoring case), or nil.
func (l *Lock) Model(id string) *HubEntry { return findHub(l.Models, id) }

// Dataset returns the entry for a dataset id (compared ignoring case), or nil.
func (l *Lock) Dataset(id string) *HubEntry { return findHub(l.Datasets, id) }

func findHub(es []HubEntry, id string) *HubEntry {
	for i := range es {
		if strings.EqualFold(es[i].ID, id) {
			return &es[i]
		}
	}
	return nil
}

// LicenseEntry records one license file as it was when recorded.
type LicenseEntry struct {
	Path     string `json:"path"`              // workspace-relative, "/"-separated
	License  string `json:"license,omitempty"` // license id; empty when unidentified
	SHA256   string `json:"sha256"`            // of the whole file, lower-case hex
	Recorded string `json:"recorded"`          // YYYY-MM-DD
}

// PolicyEntry records one referenced policy and its copy.
type PolicyEntry struct {
	URL       string `json:"url"`
	Path      string `json:"path"`      // the copy, under .fineprint/policies/
	SHA256    string `json:"sha256"`    // of the copy's body, lower-case hex
	Retrieved string `json:"retrieved"` // RFC 3339, UTC
}

// Rename is one file of a record being committed: written in full under
// the temporary name Staged, beside Path, and to be renamed to Path. Both
// are workspace-relative and "/"-separated.
//
// `fineprint record` commits a run in three steps: it replaces
// fineprint.lock with the old lock plus the list of its renames
// ("pending", the copies in order and the new lock last), renames the
// copies, and renames the new lock, which has no "pending", over the
// lock. A run killed after the first step leaves a lock that says so; the
// next run completes the renames (roll forward), and until then the lock
// reads as an interrupted record (ErrInterrupted).
type Rename struct {
	Staged string `json:"staged"`
	Path   string `json:"path"`
}

// ErrInterrupted is wrapped by the *Error of a lock that holds a pending
// list: a `fineprint record` was interrupted while renaming its files, so
// some copies may be newer than the lock. `fineprint record` completes it.
var ErrInterrupted = errors.New("a fineprint record was interrupted while renaming its files")

// Error is a problem in a lock file, at a byte offset.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

// interruptedError is the *Error of a lock with a pending list, and
// ErrInterrupted.
type interruptedError struct{ at *Error }

func (e *interruptedError) Error() string   { return e.at.Error() }
func (e *interruptedError) Unwrap() []error { return []error{e.at, ErrInterrupted} }

// Sum is the lower-case hex SHA-256 of data.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// License returns the entry for path, or nil.
func (l *Lock) License(path string) *LicenseEntry {
	for i := range l.Licenses {
		if l.Licenses[i].Path == path {
			return &l.Licenses[i]
		}
	}
	return nil
}

// Policy returns the entry for url, or nil.
func (l *Lock) Policy(url string) *PolicyEntry {
	for i := range l.Policies {
		if l.Policies[i].URL == url {
			return &l.Policies[i]
		}
	}
	return nil
}

// Sort orders entries by path (licenses), URL (policies) and id (models).
func (l *Lock) Sort() {
	sort.SliceStable(l.Licenses, func(i, j int) bool { return l.Licenses[i].Path < l.Licenses[j].Path })
	sort.SliceStable(l.Policies, func(i, j int) bool { return l.Policies[i].URL < l.Policies[j].URL })
	for _, es := range [][]HubEntry{l.Models, l.Datasets} {
		sort.SliceStable(es, func(i, j int) bool { return strings.ToLower(es[i].ID) < strings.ToLower(es[j].ID) })
	}
}

// Marshal writes the lock as sorted JSON with two-space indentation and a
// trailing newline. Empty lists are written as [] so that the shape of the
// file never changes.
func Marshal(l Lock) []byte {
	l.Version = Version
	l.Licenses = append([]LicenseEntry{}, l.Licenses...)
	l.Policies = append([]PolicyEntry{}, l.Policies...)
	l.Models = append([]HubEntry(nil), l.Models...)
	l.Datasets = append([]HubEntry(nil), l.Datasets...)
	l.Sort()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(l); err != nil {
		panic("record: encoding a lock cannot fail: " + err.Error())
	}
	return b.Bytes()
}

// Parse reads a lock file. Its error is an *Error with the byte offset of the
// problem. A lock that is whole but holds a pending list (an interrupted
// record) is returned with an error wrapping ErrInterrupted.
func Parse(data []byte) (Lock, error) {
	// A byte order mark (some Windows editors write one) is not JSON; the
	// offsets of errors still count it.
	if body, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf")); ok {
		l, err := Parse(body)
		var e *Error
		if errors.As(err, &e) {
			e.Offset += len(data) - len(body)
		}
		return l, err
	}
	var l Lock
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return Lock{}, jsonError(data, dec, err)
	}
	if dec.More() {
		return Lock{}, &Error{int(dec.InputOffset()), "unexpected text after the lock's closing brace"}
	}
	if err := l.check(data); err != nil {
		return Lock{}, err
	}
	if len(l.Pending) > 0 {
		return l, &interruptedError{&Error{offsetOf(data, `"pending"`, 0), fmt.Sprintf("%s (%s pending)", ErrInterrupted, wording.Count(len(l.Pending), "rename"))}}
	}
	return l, nil
}

func jsonError(data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return &Error{max(0, int(syn.Offset)-1), syn.Error()} // Offset counts the bad byte
	case errors.As(err, &typ):
		return &Error{int(typ.Offset), fmt.Sprintf("%s must be a %s, not a %s", typ.Field, typ.Type, typ.Value)}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{len(data), "the lock ends too early"}
	}
	msg := err.Error()
	if field, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return &Error{offsetOf(data, field, 0), "unknown field " + field}
	}
	return &Error{int(dec.InputOffset()), strings.TrimPrefix(msg, "json: ")}
}

// check validates what JSON decoding cannot: the version, hashes, dates and
// duplicate entries.
func (l *Lock) check(data []byte) error {
	if l.Version != Version {
		return &Error{offsetOf(data, `"version"`, 0), fmt.Sprintf("version %d is not supported (this fineprint writes version %d)", l.Version, Version)}
	}
	seen := map[string]bool{}
	for _, e := range l.Licenses {
		switch {
		case e.Path == "":
			return &Error{offsetOf(data, `"licenses"`, 0), "a license entry has no path"}
		case seen["l:"+e.Path]:
			return &Error{offsetOf(data, quote(e.Path), 1), fmt.Sprintf("license %s is recorded twice", e.Path)}
		case !validSum(e.SHA256):
			return &Error{offsetOf(data, quote(e.SHA256), 0), fmt.Sprintf("the sha256 of %s is not 64 hex digits", e.Path)}
		}
		if _, err := time.Parse(DateLayout, e.Recorded); err != nil {
			return &Error{offsetOf(data, quote(e.Recorded), 0), fmt.Sprintf("the recorded date of %s is not YYYY-MM-DD", e.Path)}
		}
		seen["l:"+e.Path] = true
	}
	for _, e := range l.Policies {
		switch {
		case e.URL == "":
			return &Error{offsetOf(data, `"policies"`, 0), "a policy entry has no url"}
		case seen["p:"+e.URL]:
			return &Error{offsetOf(data, quote(e.URL), 1), fmt.Sprintf("policy %s is recorded twice", e.URL)}
		case !strings.HasPrefix(e.Path, PoliciesDir+"/"):
			return &Error{offsetOf(data, quote(e.Path), 0), fmt.Sprintf("the copy of %s must be under %s/", e.URL, PoliciesDir)}
		case !validSum(e.SHA256):
			return &Error{offsetOf(data, quote(e.SHA256), 0), fmt.Sprintf("the sha256 of %s is not 64 hex digits", e.URL)}
		}
		if _, err := time.Parse(time.RFC3339, e.Retrieved); err != nil {
			return &Error{offsetOf(data, quote(e.Retrieved), 0), fmt.Sprintf("the retrieval time of %s is not an RFC 3339 time", e.URL)}
		}
		seen["p:"+e.URL] = true
	}
	for _, list := range []struct {
		key, kind string
		entries   []HubEntry
	}{{"models", "model", l.Models}, {"datasets", "dataset", l.Datasets}} {
		for _, e := range list.entries {
			key := list.key + ":" + strings.ToLower(e.ID)
			switch {
			case e.ID == "":
				return &Error{offsetOf(data, quote(list.key), 0), "a " + list.kind + " entry has no id"}
			case seen[key]:
				return &Error{offsetOf(data, quote(e.ID), 1), fmt.Sprintf("%s %s is recorded twice", list.kind, e.ID)}
			}
			if _, err := time.Parse(time.RFC3339, e.Retrieved); err != nil {
				return &Error{offsetOf(data, quote(e.Retrieved), 0), fmt.Sprintf("the retrieval time of %s is not RFC 3339", e.ID)}
			}
			seen[key] = true
		}
	}
	return nil
}

func validSum(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// offsetOf finds the nth (0-based) occurrence of s in data, or 0.
func offsetOf(data []byte, s string, nth int) int {
	off := 0
	for {
		i := bytes.Index(data[off:], []byte(s))
		if i < 0 {
			return 0
		}
		if nth == 0 {
			return off + i
		}
		nth--
		off += i + len(s)
	}
}
