package manifest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

// position is the line and UTF-16 column of byte offset off of text.
func position(text []byte, off int) string {
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	return fmt.Sprintf("%d:%d", bytes.Count(text[:off], []byte("\n")), len(utf16.Encode([]rune(string(text[start:off])))))
}

// notebookRefsAt renders what ParseNotebook finds in text, with editor positions.
func notebookRefsAt(text []byte) string {
	refs, err := ParseNotebook(text)
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	for _, r := range refs {
		fmt.Fprintf(&b, "%v %s %q %s-%s\n", r.Kind, r.ID, r.Text, position(text, r.Start), position(text, r.End))
	}
	return b.String()
}

// TestCompactNotebookSameRefs checks that a compacted notebook yields the
// same references at the same editor positions as the original, for the
// notebooks of the tests, the fuzz corpus and the benchmark, and that a
// notebook it cannot lay out (CRLF, a byte order mark, broken JSON) is left to the whole read.
func TestCompactNotebookSameRefs(t *testing.T) {
	inputs := map[string][]byte{"test": []byte(testNotebook)}
	files, _ := filepath.Glob("testdata/fuzz/FuzzParseNotebook/*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// go test fuzz v1 files: one []byte("...") line
		if i := bytes.Index(data, []byte("[]byte(")); i >= 0 {
			var s string
			if _, err := fmt.Sscanf(string(data[i+len("[]byte("):]), "%q", &s); err == nil {
				inputs[filepath.Base(f)] = []byte(s)
			}
		}
	}
	var big strings.Builder
	big.WriteString("{\n \"cells\": [\n")
	for i := range 20 {
		fmt.Fprintf(&big, "  {\n   \"cell_type\": \"code\",\n   \"outputs\": [{\"data\": {\"image/png\": \"%s\"}}],\n   \"source\": [\n    \"# 模型 🤗 %d\\n\",\n    \"m = AutoModel.from_pretrained(\\\"org/model-%d\\\")\"\n   ]\n  },\n", strings.Repeat("iVBORw0KGgo", 500), i, i)
	}
	big.WriteString("  {\"cell_type\": \"raw\", \"source\": \"from_pretrained(\\\"raw/cell\\\")\"}\n ],\n \"metadata\": {\"x\": [1, 2.5e3, true, null, -0.1]},\n \"nbformat\": 4\n}\n")
	inputs["big"] = []byte(big.String())
	// Minified: laid out on one line, which fits when each source comes
	// after the outputs before it.
	inputs["minified"] = []byte(strings.ReplaceAll(strings.ReplaceAll(testNotebook, "\n ", ""), "\n", ""))
	compacted := 0
	for name, src := range inputs {
		compact, ok, err := CompactNotebook(bytes.NewReader(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !ok {
			continue
		}
		compacted++
		if got, want := notebookRefsAt(compact), notebookRefsAt(src); got != want {
			t.Errorf("%s: compacted notebook yields\n%s\nthe original\n%s\ncompact text:\n%s", name, got, want, compact)
		}
	}
	if compacted < 2 {
		t.Errorf("only %d of %d notebooks compacted", compacted, len(inputs))
	}
	c, ok, _ := CompactNotebook(strings.NewReader(big.String()))
	if !ok || len(c) > big.Len()/10 {
		t.Errorf("the benchmark notebook of %d bytes compacts to %d (ok %v), want a tenth or less", big.Len(), len(c), ok)
	}
	for name, src := range map[string]string{
		"crlf":        strings.ReplaceAll(testNotebook, "\n", "\r\n"),
		"bom":         "\xef\xbb\xbf" + testNotebook,
		"truncated":   testNotebook[:len(testNotebook)/2],
		"bad literal": strings.Replace(testNotebook, `"nbformat": 4`, `"nbformat": tru`, 1),
		"bad escape":  strings.Replace(testNotebook, `\u00e9`, `\x00e9`, 1),
		"no cells":    `{"worksheets": []}`,
	} {
		if _, ok, err := CompactNotebook(strings.NewReader(src)); ok || err != nil {
			t.Errorf("%s: compacted (ok %v, err %v); want it left to the whole read", name, ok, err)
		}
	}
}

// hugeOutputs streams a notebook of about n bytes whose outputs are one
// image after another, with one code cell loading a model at the end,
// without ever holding it.
type hugeOutputs struct {
	head, tail []byte
	n, sent    int
}

func (h *hugeOutputs) Read(p []byte) (int, error) {
	switch {
	case len(h.head) > 0:
		k := copy(p, h.head)
		h.head = h.head[k:]
		return k, nil
	case h.sent < h.n:
		k := min(len(p), h.n-h.sent)
		for i := range p[:k] {
			p[i] = "iVBORw0KGgoAAAANSUhEUg"[(h.sent+i)%22]
		}
		h.sent += k
		return k, nil
	case len(h.tail) > 0:
		k := copy(p, h.tail)
		h.tail = h.tail[k:]
		return k, nil
	}
	return 0, io.EOF
}

// TestCompactNotebookHoldsNoOutputs reads a 64 MB notebook, almost all of
// it one image output, from a reader: the model it loads is found, and
// what the read allocates is a small fraction of the notebook (the whole
// read held it all, and the token decoder copied the image once more).
func TestCompactNotebookHoldsNoOutputs(t *testing.T) {
	const n = 64 << 20
	r := &hugeOutputs{
		head: []byte("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"outputs\": [{\"data\": {\"image/png\": \""),
		tail: []byte("\"}}],\n   \"source\": [\"m = AutoModel.from_pretrained(\\\"org/name\\\")\"]\n  }\n ],\n \"nbformat\": 4\n}\n"),
		n:    n,
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	compact, ok, err := CompactNotebook(r)
	runtime.ReadMemStats(&after)
	if err != nil || !ok {
		t.Fatalf("CompactNotebook: ok %v, %v", ok, err)
	}
	if held := after.TotalAlloc - before.TotalAlloc; held > 1<<20 {
		t.Errorf("reading a %d MB notebook allocated %d KB; want under 1 MB", n>>20, held>>10)
	}
	if got := notebookRefsAt(compact); got != "hub org/name \"org/name\" 5:47-5:55\n" {
		t.Errorf("refs of the compacted notebook: %q", got)
	}
}
