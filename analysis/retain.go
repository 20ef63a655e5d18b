package analysis

import (
	"fmt"
	"unsafe"
)

// What a workspace keeps of its files (docs/architecture.md, "Memory"):
// license texts, cards, READMEs, NOTICEs and fineprint's own files are read
// by the project rules and kept whole; a source file, config, notebook or
// package manifest is read by its own reader only, and when that reader
// finds nothing in it (most of a large repository) nothing later needs its
// bytes. The walk asks Retains right after reading each file and keeps only
// the size of those that answer false (Document.Omitted).

// omittable reports the kinds whose text no rule reads beyond the file's own
// reader: the project rules read their references, never their bytes, and
// a file without references gets no project finding.
func omittable(k Kind) bool {
	switch k {
	case KindPython, KindShell, KindConfig, KindScript, KindNotebook, KindPackage:
		return true
	}
	return false
}

// Retains analyses d on its own and reports whether a later Analyze needs
// its text. It is false for a source file, config, notebook or package
// manifest in which the analysis finds no finding, reference or fact: the
// caller may then pass the document on with Text nil and Omitted set, and
// Analyze gives the same result as with the text. When it is true the
// file's result is cached as by Analyze, so the later analysis does not
// read it again. Retains is safe for concurrent use.
func (a *Analyzer) Retains(d *Document) bool {
	if !omittable(d.Kind) || d.Omitted || d.TooLarge > 0 {
		return true
	}
	fr, _ := a.analyzeFile(d)
	if !fr.empty() {
		return true
	}
	// Nothing to keep: the cache must not hold on to the text either.
	a.mu.Lock()
	if a.cache[d.Path] == fr {
		delete(a.cache, d.Path)
	}
	a.mu.Unlock()
	return false
}

// empty reports a result that adds nothing to an analysis.
func (fr *fileResult) empty() bool {
	f := &fr.facts
	return len(fr.findings) == 0 && len(fr.licenses) == 0 && len(fr.references) == 0 &&
		f.card == nil && f.heading == nil && len(f.refs) == 0 && len(f.datasets) == 0 && f.modelfile == nil && f.gguf == nil
}

// withoutUnread returns s without the documents over the size cap (editor
// buffers: Document.TooLarge), which the project rules must not read as
// empty files, and their findings. A file over the cap on disk is not in
// the snapshot at all; a buffer over it is absent the same way, but for its
// finding. s itself is left unchanged.
func (a *Analyzer) withoutUnread(s *Snapshot) (*Snapshot, []Finding) {
	n := 0
	for i := range s.Docs {
		if s.Docs[i].TooLarge > 0 {
			n++
		}
	}
	if n == 0 {
		return s, nil
	}
	c := *s
	c.Docs = make([]Document, 0, len(s.Docs)-n)
	var out []Finding
	for i := range s.Docs {
		if s.Docs[i].TooLarge > 0 {
			out = append(out, a.unread(&s.Docs[i]).findings...)
		} else {
			c.Docs = append(c.Docs, s.Docs[i])
		}
	}
	return &c, out
}

// unread is the result of a document whose text was not kept: nothing for
// an omitted file, manifest/unreadable for one over the size cap. Nothing
// is cached for it, and a result cached for its path before (an editor
// buffer since closed) is dropped with the text it refers to.
func (a *Analyzer) unread(d *Document) *fileResult {
	a.mu.Lock()
	if a.cache[d.Path] != nil {
		delete(a.cache, d.Path)
	}
	a.mu.Unlock()
	if d.TooLarge == 0 {
		return omittedResult
	}
	fr := &fileResult{}
	if d.TooLarge > 0 {
		f := a.unreadable(d.Path, Span{}, "this file, so nothing in it is checked",
			fmt.Errorf("it is %d bytes, over the limit of %d bytes on the files it reads (the maxFileSize setting)", d.Size, d.TooLarge))
		f.Data = map[string]any{"size": d.Size, "limit": d.TooLarge}
		fr.findings = []Finding{f}
	}
	return fr
}

// omittedResult is the result of every omitted document: nothing, shared
// (an omitted file is of a kind whose memoised facts, the record hash and
// the notice rules' answers, are never asked for).
var omittedResult = &fileResult{}

// RetainedBytes returns the bytes of text the documents of s hold: what
// a snapshot keeps alive between analyses. A text that several documents
// share (files with the same bytes, names of one file) counts once.
func RetainedBytes(docs []Document) int64 {
	var n int64
	seen := map[*byte]bool{}
	for _, d := range docs {
		if len(d.Text) == 0 || seen[&d.Text[0]] {
			continue
		}
		seen[&d.Text[0]] = true
		n += int64(len(d.Text))
	}
	return n
}

// textString returns a document's text as a string that shares its bytes.
// A Document's Text is never modified once analysed (Document), so a fix
// that writes a file's whole text elsewhere (the recorded copy of each
// unrecorded license, kept with the file's result) holds no second copy of
// every license of the workspace: 29 MB at 50,000 files.
func textString(text []byte) string {
	return unsafe.String(unsafe.SliceData(text), len(text))
}
