package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
)

// TestRetainOmitsReferenceFreeTexts checks that a walk with
// Analyzer.Retains keeps the text of license files, cards and sources that
// name a model, and only the size of the sources that name none, and that
// the analysis of that snapshot is the analysis of the whole one. A rescan
// with the same Cache reads none of the omitted files again, and a file
// that starts naming a model is read and kept again.
func TestRetainOmitsReferenceFreeTexts(t *testing.T) {
	root := t.TempDir()
	write := writer(t, root)
	loads := "from transformers import AutoModel\nm = AutoModel.from_pretrained(\"meta-llama/Llama-3.1-8B\")\n"
	write("LICENSE", "MIT License\n\nCopyright (c) 2024 Acme\n")
	write("README.md", "# Demo\n\nUses Llama.\n")
	write("app.py", loads)
	plain := strings.Repeat("def f(x):\n    return x * 2\n\n", 2000) // 54 KB that name no model
	for i := range 5 {
		write(fmt.Sprintf("src/m%d.py", i), plain)
		write(fmt.Sprintf("src/m%d.ts", i), "export const x = 1;\n")
	}
	write("nb/plain.ipynb", `{"cells":[{"cell_type":"code","source":["print(1)\n"],"outputs":[]}],"nbformat":4}`)
	write("conf/train.yaml", "epochs: 3\nlr: 0.1\n")

	full, _, err := Load(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := analysis.New()
	c := &Cache{}
	var st Stats
	kept, _, err := Load(root, Options{Retain: a.Retains, Cache: c, Stats: &st})
	if err != nil {
		t.Fatal(err)
	}
	want := int64(len("MIT License\n\nCopyright (c) 2024 Acme\n") + len("# Demo\n\nUses Llama.\n") + len(loads))
	if got := analysis.RetainedBytes(kept.Docs); got != want {
		t.Errorf("retained %d bytes, want %d (the license, the README and app.py)", got, want)
	}
	if len(kept.Docs) != len(full.Docs) {
		t.Fatalf("%d documents with Retain, %d without: omitted files must stay in the snapshot", len(kept.Docs), len(full.Docs))
	}
	for _, d := range kept.Docs {
		if d.Omitted && (d.Text != nil || d.Size == 0) {
			t.Errorf("%s: omitted with %d bytes of text and size %d", d.Path, len(d.Text), d.Size)
		}
	}
	same := func(label string, snap *analysis.Snapshot) {
		t.Helper()
		snap.Now, full.Now = time.Time{}, time.Time{}
		got, exp := render(analysis.New().Analyze(context.Background(), full)), render(a.Analyze(context.Background(), snap))
		if got != exp {
			t.Errorf("%s: analysis differs from the whole snapshot's:\n%s\nwant\n%s", label, exp, got)
		}
	}
	same("first load", kept)

	// The rescan reads nothing: omitted files come back omitted from the cache.
	var again Stats
	rescan, _, err := Load(root, Options{Retain: a.Retains, Cache: c, Stats: &again})
	if err != nil {
		t.Fatal(err)
	}
	if again.BytesRead != 0 || analysis.RetainedBytes(rescan.Docs) != want {
		t.Errorf("rescan read %d bytes and retained %d, want 0 and %d", again.BytesRead, analysis.RetainedBytes(rescan.Docs), want)
	}
	same("rescan", rescan)

	// A source that starts naming a model is read and kept.
	write("src/m3.py", plain+loads)
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(root, "src", "m3.py"), later, later); err != nil {
		t.Fatal(err)
	}
	changed, _, err := Load(root, Options{Retain: a.Retains, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if got := analysis.RetainedBytes(changed.Docs); got != want+int64(len(plain+loads)) {
		t.Errorf("after the change retained %d bytes, want %d", got, want+int64(len(plain+loads)))
	}
	full, _, _ = Load(root, Options{})
	same("after the change", changed)
}

// writer returns a function writing a file of root, with its folders.
func writer(t *testing.T, root string) func(name, text string) {
	return func(name, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func render(res *analysis.Result) string {
	var b strings.Builder
	for _, f := range res.Findings() {
		fmt.Fprintf(&b, "%s %d-%d %s %s\n", f.Path, f.Span.Start, f.Span.End, f.Code, f.Message)
	}
	for _, r := range res.References {
		fmt.Fprintf(&b, "ref %s %d-%d %s %s\n", r.Path, r.Span.Start, r.Span.End, r.Model, r.License)
	}
	for _, m := range res.Models {
		fmt.Fprintf(&b, "model %s %s %d\n", m.ID, m.License, len(m.Locations))
	}
	return b.String()
}

// TestSameBytesOneText checks that files with the same bytes share one
// text in the snapshot (a LICENSE and a card copied into every model
// folder are held once), that the analysis is the same as of texts read
// one by one, and that a copy changed on disk gets a text of its own on
// the rescan while the others go on sharing.
func TestSameBytesOneText(t *testing.T) {
	root := t.TempDir()
	write := writer(t, root)
	license := "MIT License\n\nCopyright (c) 2024 Acme\n\nPermission is hereby granted, free of charge, to any person obtaining a copy.\n"
	card := "---\nlicense: mit\nbase_model: meta-llama/Llama-3.1-8B\n---\n# Model\n"
	for i := range 4 {
		write(fmt.Sprintf("models/m%d/LICENSE", i), license)
		write(fmt.Sprintf("models/m%d/README.md", i), card)
	}
	write("models/other/LICENSE", "Apache License\nVersion 2.0, January 2004\n")
	a := analysis.New()
	c := &Cache{}
	snap, _, err := Load(root, Options{Retain: a.Retains, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	want := int64(len(license) + len(card) + len("Apache License\nVersion 2.0, January 2004\n"))
	if got := analysis.RetainedBytes(snap.Docs); got != want {
		t.Errorf("retained %d bytes, want %d (one text of each content)", got, want)
	}
	// The same analysis as of a snapshot whose texts are read one by one.
	one := &analysis.Snapshot{Root: snap.Root}
	for _, d := range snap.Docs {
		text, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(d.Path)))
		if err != nil {
			t.Fatal(err)
		}
		one.Docs = append(one.Docs, Document(d.Path, text, int64(len(text))))
	}
	snap.Now, one.Now = time.Time{}, time.Time{}
	if got, exp := render(a.Analyze(context.Background(), snap)), render(analysis.New().Analyze(context.Background(), one)); got != exp {
		t.Errorf("analysis of shared texts:\n%s\nwant\n%s", got, exp)
	}

	write("models/m2/LICENSE", license+"\nChanged.\n")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(root, "models", "m2", "LICENSE"), later, later); err != nil {
		t.Fatal(err)
	}
	rescan, _, err := Load(root, Options{Retain: a.Retains, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if got := analysis.RetainedBytes(rescan.Docs); got != want+int64(len(license+"\nChanged.\n")) {
		t.Errorf("after the change retained %d bytes, want %d", got, want+int64(len(license+"\nChanged.\n")))
	}
	for _, d := range rescan.Docs {
		if d.Path == "models/m2/LICENSE" && string(d.Text) != license+"\nChanged.\n" {
			t.Errorf("%s holds %q after the change", d.Path, d.Text)
		}
	}
}
