// Package testws generates synthetic workspaces for fineprint's benchmarks.
//
// A generated workspace looks like a project that vendors many models: one
// folder per model under models/, holding a license text drawn from the
// corpus (../shared/corpus/licenses), a model card drawn from the corpus's
// model cards, and for some models an Ollama Modelfile or a small GGUF file;
// everything else is source code under src/ (Python files, some of which load
// Hub models, plus Go, TypeScript and C files that fineprint never opens).
//
// The mix of the full 20,000-file workspace is fixed (1,000 licenses, 1,000
// cards, 200 Modelfiles, 50 GGUF files, the rest source code); smaller
// workspaces keep the same proportions. Generation is deterministic: the same
// size gives the same bytes.
package testws

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fineprint-dev/fineprint/internal/corpus"
)

// Mix is how many files of each kind a workspace holds.
type Mix struct {
	Licenses, Cards, Modelfiles, GGUF, Source int
}

// Total is the number of files.
func (m Mix) Total() int { return m.Licenses + m.Cards + m.Modelfiles + m.GGUF + m.Source }

// MixFor scales the 20,000-file mix to n files.
func MixFor(n int) Mix {
	scale := func(k int) int { return max(1, k*n/20000) }
	m := Mix{Licenses: scale(1000), Cards: scale(1000), Modelfiles: scale(200), GGUF: scale(50)}
	m.Source = max(0, n-m.Licenses-m.Cards-m.Modelfiles-m.GGUF)
	return m
}

// Corpus is the part of ../shared/corpus a workspace is drawn from.
type Corpus struct {
	Dir      string   // the corpus folder
	Licenses []string // license files, relative to Dir/licenses, sorted
	Cards    []string // model cards with front matter, absolute, sorted
}

// FindCorpus walks up from dir to the folder holding go.mod and returns
// ../shared/corpus beside it, or "" when there is none.
func FindCorpus(dir string) string { return corpus.Find(dir) }

// LoadCorpus lists the corpus's license files and model cards.
func LoadCorpus(dir string) (*Corpus, error) {
	c := &Corpus{Dir: dir}
	lic := filepath.Join(dir, "licenses")
	err := filepath.WalkDir(lic, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(lic, p)
		c.Licenses = append(c.Licenses, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, err
	}
	cards, _ := filepath.Glob(filepath.Join(dir, "model-cards", "*.md"))
	c.Cards = cards
	sort.Strings(c.Licenses)
	sort.Strings(c.Cards)
	if len(c.Licenses) == 0 || len(c.Cards) == 0 {
		return nil, fmt.Errorf("%s: no license texts or model cards", dir)
	}
	return c, nil
}

// Workspace describes a generated workspace.
type Workspace struct {
	Root     string
	Mix      Mix
	Licenses []string // workspace-relative paths of the license files
	Bytes    int64    // total bytes written
}

// Generate writes a workspace of n files into root (which must exist).
func Generate(root string, c *Corpus, n int) (*Workspace, error) {
	g := &gen{ws: &Workspace{Root: root, Mix: MixFor(n)}, c: c, texts: map[string][]byte{}}
	if err := g.run(); err != nil {
		return nil, err
	}
	return g.ws, nil
}

type gen struct {
	ws    *Workspace
	c     *Corpus
	texts map[string][]byte // corpus file -> bytes, read once
	err   error
}

func (g *gen) read(p string) []byte {
	if b, ok := g.texts[p]; ok {
		return b
	}
	b, err := os.ReadFile(p)
	if err != nil && g.err == nil {
		g.err = err
	}
	g.texts[p] = b
	return b
}

func (g *gen) write(rel string, data []byte) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.ws.Root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		g.err = err
		return
	}
	g.ws.Bytes += int64(len(data))
}

func (g *gen) run() error {
	m := g.ws.Mix
	models := max(m.Licenses, m.Cards, m.Modelfiles, m.GGUF)
	for i := range models {
		dir := fmt.Sprintf("models/m%04d/", i)
		if i < m.Licenses {
			src := g.c.Licenses[i%len(g.c.Licenses)]
			rel := dir + licenseName(src)
			g.write(rel, g.read(filepath.Join(g.c.Dir, "licenses", filepath.FromSlash(src))))
			g.ws.Licenses = append(g.ws.Licenses, rel)
		}
		if i < m.Cards {
			g.write(dir+"README.md", g.read(g.c.Cards[i%len(g.c.Cards)]))
		}
		if i < m.Modelfiles {
			g.write(dir+"Modelfile", modelfile(i))
		}
		if i < m.GGUF {
			g.write(dir+"model.gguf", ggufFile(i))
		}
	}
	for i := range m.Source {
		rel, text := sourceFile(i)
		g.write(rel, text)
	}
	return g.err
}

// licenseName keeps a corpus file's name when it already reads as a license
// file name, so that the workspace has the same variety of names.
func licenseName(src string) string {
	base := filepath.Base(src)
	up := strings.ToUpper(base)
	for _, k := range []string{"LICENSE", "LICENCE", "USE_POLICY", "NOTICE", "TERMS_OF_USE", "COPYING"} {
		if strings.Contains(up, k) {
			return base
		}
	}
	return "LICENSE"
}

var ollamaModels = []string{"llama3.1:8b", "llama3.2:3b", "gemma2:9b", "qwen2.5:7b", "mistral:7b", "deepseek-r1:8b", "phi3:mini"}

func modelfile(i int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# generated Modelfile %d\nFROM %s\n", i, ollamaModels[i%len(ollamaModels)])
	b.WriteString("PARAMETER temperature 0.7\nPARAMETER num_ctx 4096\n")
	fmt.Fprintf(&b, "SYSTEM \"\"\"You are assistant number %d. Answer briefly.\"\"\"\n", i)
	return b.Bytes()
}

var ggufLicenses = []string{"llama3.1", "apache-2.0", "gemma", "mit", "llama3.2", "other"}

// ggufFile is a small but valid GGUF v3 file: a header with the general.*
// licensing keys and a few kilobytes standing in for tensors.
func ggufFile(i int) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	str := func(s string) {
		binary.Write(&b, le, uint64(len(s)))
		b.WriteString(s)
	}
	kv := [][2]string{
		{"general.architecture", "llama"},
		{"general.name", fmt.Sprintf("Bench Model %d", i)},
		{"general.license", ggufLicenses[i%len(ggufLicenses)]},
		{"general.base_model.0.name", "Llama 3.1 8B Instruct"},
		{"general.base_model.0.organization", "Meta Llama"},
		{"general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct"},
	}
	b.WriteString("GGUF")
	binary.Write(&b, le, uint32(3))
	binary.Write(&b, le, uint64(0)) // tensors
	binary.Write(&b, le, uint64(len(kv)))
	for _, p := range kv {
		str(p[0])
		binary.Write(&b, le, uint32(8)) // string
		str(p[1])
	}
	b.Write(make([]byte, 4096))
	return b.Bytes()
}

var hubModels = []string{"meta-llama/Llama-3.1-8B-Instruct", "google/gemma-2-9b-it", "Qwen/Qwen2.5-7B-Instruct",
	"mistralai/Mistral-7B-v0.1", "bigscience/bloomz-560m", "openai-community/gpt2"}

// sourceFile is the i-th source file: a quarter Python (one in ten of them
// loads a Hub model), the rest Go, TypeScript and C.
func sourceFile(i int) (string, []byte) {
	dir := fmt.Sprintf("src/pkg%03d/", i/100)
	var b bytes.Buffer
	switch i % 20 {
	case 0, 1, 2, 3, 4:
		fmt.Fprintf(&b, "\"\"\"Module %d of the benchmark project.\"\"\"\nimport os\nimport json\n\n", i)
		if i%10 == 0 {
			m := hubModels[(i/10)%len(hubModels)]
			fmt.Fprintf(&b, "from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained(%q)\n\n", m)
		}
		for f := range 30 {
			fmt.Fprintf(&b, "def handler_%d_%d(event, context):\n    data = json.loads(event[\"body\"])\n    return {\"status\": %d, \"len\": len(data)}\n\n", i, f, 200+f)
		}
		return fmt.Sprintf("%sm%05d.py", dir, i), b.Bytes()
	case 5, 6, 7, 8, 9, 10, 11, 12:
		fmt.Fprintf(&b, "package pkg%03d\n\nimport \"fmt\"\n\n", i/100)
		for f := range 30 {
			fmt.Fprintf(&b, "func F%d_%d(x int) string {\n\tif x > %d {\n\t\treturn fmt.Sprint(x * 2)\n\t}\n\treturn \"\"\n}\n\n", i, f, f)
		}
		return fmt.Sprintf("%sf%05d.go", dir, i), b.Bytes()
	case 13, 14, 15, 16:
		for f := range 30 {
			fmt.Fprintf(&b, "export function h%d_%d(x: number): number {\n  return x * %d + 1;\n}\n\n", i, f, f)
		}
		return fmt.Sprintf("%sm%05d.ts", dir, i), b.Bytes()
	default:
		b.WriteString("#include <stdio.h>\n\n")
		for f := range 30 {
			fmt.Fprintf(&b, "int f%d_%d(int x) {\n    return x * %d + 1;\n}\n\n", i, f, f)
		}
		return fmt.Sprintf("%sc%05d.c", dir, i), b.Bytes()
	}
}

// BigCard returns a model card of about size bytes: a corpus card's front
// matter and prose, its body repeated until the size is reached.
func BigCard(c *Corpus, size int) ([]byte, error) {
	var best []byte
	for _, p := range c.Cards {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(b, []byte("---")) && len(b) > len(best) {
			best = b
		}
	}
	if best == nil {
		return nil, fmt.Errorf("no model card with front matter in %s", c.Dir)
	}
	end := bytes.Index(best[3:], []byte("\n---"))
	if end < 0 {
		return nil, fmt.Errorf("card without closing front matter")
	}
	head, body := best[:end+3+4], best[end+3+4:]
	out := append([]byte(nil), head...)
	for n := 0; len(out) < size; n++ {
		out = append(out, fmt.Sprintf("\n\n## Part %d\n", n)...)
		out = append(out, body...)
	}
	if i := bytes.LastIndexByte(out[:size], '\n'); i > 0 {
		return out[:i+1], nil // whole lines: no split UTF-8
	}
	return out[:size], nil
}

// Notebooks writes a notebook-heavy tree into root (which must exist): n
// Jupyter notebooks of about total bytes together, indented as Jupyter
// writes them, in folders of twenty. Like a real tree of tutorials, most of
// each notebook is outputs (images as base64), sizes vary from a twelfth
// to three times the mean, and two in three load a Hub model by name.
func Notebooks(root string, n int, total int64) (*Workspace, error) {
	g := &gen{ws: &Workspace{Root: root}, texts: map[string][]byte{}}
	// Sizes grow geometrically within each group of ten (weights 1, 1.5,
	// 2.25 ...), scaled so that they add up to total.
	weights := make([]float64, n)
	sum := 0.0
	for i := range n {
		w := 1.0
		for range i % 10 {
			w *= 1.5
		}
		weights[i] = w
		sum += w
	}
	for i := range n {
		size := int(float64(total) * weights[i] / sum)
		g.write(fmt.Sprintf("notebooks/t%03d/nb%04d.ipynb", i/20, i), notebook(i, size))
	}
	g.ws.Mix.Source = n
	return g.ws, g.err
}

// notebook is the i-th generated notebook, of about size bytes.
func notebook(i, size int) []byte {
	var b bytes.Buffer
	b.WriteString("{\n \"cells\": [\n")
	cells := 12
	per := max(0, size/(cells-cells/4)-400) // the code cells carry the outputs
	img := strings.Repeat("iVBORw0KGgoAAAANSUhEUgAAA", per/25+1)[:per]
	for c := range cells {
		if c > 0 {
			b.WriteString(",\n")
		}
		if c%4 == 0 {
			fmt.Fprintf(&b, "  {\n   \"cell_type\": \"markdown\",\n   \"metadata\": {},\n   \"source\": [\n    \"## Step %d\\n\",\n    \"Fine-tune and evaluate.\"\n   ]\n  }", c)
			continue
		}
		src := fmt.Sprintf("    \"import torch\\n\",\n    \"x = torch.randn(%d, %d)\\n\",\n    \"print(x.shape)\"\n", c, i)
		if c == 1 && i%3 != 2 {
			m := hubModels[i%len(hubModels)]
			src = fmt.Sprintf("    \"from transformers import AutoModelForCausalLM\\n\",\n    \"model = AutoModelForCausalLM.from_pretrained(\\\"%s\\\")\"\n", m)
		}
		fmt.Fprintf(&b, "  {\n   \"cell_type\": \"code\",\n   \"execution_count\": %d,\n   \"metadata\": {},\n   \"outputs\": [\n    {\n     \"data\": {\n      \"image/png\": \"%s\",\n      \"text/plain\": [\n       \"<Figure size 640x480 with 1 Axes>\"\n      ]\n     },\n     \"metadata\": {},\n     \"output_type\": \"display_data\"\n    }\n   ],\n   \"source\": [\n%s   ]\n  }", c, img, src)
	}
	b.WriteString("\n ],\n \"metadata\": {\n  \"kernelspec\": {\"display_name\": \"Python 3\", \"language\": \"python\", \"name\": \"python3\"}\n },\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n")
	return b.Bytes()
}
