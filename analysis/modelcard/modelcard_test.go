package modelcard

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/corpus"
)

// at returns the span of the n-th (0-based) occurrence of sub in text.
func at(t *testing.T, text, sub string, n int) Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q not found %d times in %q", sub, n+1, text)
		}
		if i == n {
			return Span{off + j, off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

func span(v Value) Span { return Span{v.Start, v.End} }

func TestParseValues(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		license     []string // expected texts, each located at its first occurrence after "license"
		base        []string
		licenseName string
	}{
		{"plain", "---\nlicense: apache-2.0\n---\n# x\n", []string{"apache-2.0"}, nil, ""},
		{"crlf and bom", "\xef\xbb\xbf---\r\nlicense: mit\r\nbase_model: org/a\r\n---\r\n", []string{"mit"}, []string{"org/a"}, ""},
		{"quoted", "---\nlicense: \"llama3.1\"\nlicense_name: 'my-lic'\n---\n", []string{"llama3.1"}, nil, "my-lic"},
		{"list license and merge", "---\nlicense:\n  - mit\n  - apache-2.0\nbase_model:\n- org/a\n- org/b # second\n---\n", []string{"mit", "apache-2.0"}, []string{"org/a", "org/b"}, ""},
		{"cjk before", "---\nlanguage: [中文, 日本語]\nmodel_name: 模型\nlicense: gemma\n---\n", []string{"gemma"}, nil, ""},
		{"tab indent", "---\nlicense: other\nlicense_name: qwen\ntags:\n\t- a\n\t- b\n---\n", []string{"other"}, nil, "qwen"},
		{"norway", "---\nlanguage:\n- no\n- en\nlicense: no\n---\n", []string{"no"}, nil, ""},
		{"leading blank lines", "\n\n---\nlicense: mit\n---\n", []string{"mit"}, nil, ""},
		{"comment after", "---\nlicense: mit   # the code\n---\n", []string{"mit"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(c.License) != len(tt.license) {
				t.Fatalf("license = %+v, want %v", c.License, tt.license)
			}
			from := strings.Index(tt.text, "license:")
			for i, want := range tt.license {
				got := c.License[i]
				j := strings.Index(tt.text[from:], want) + from
				if got.Text != want || span(got) != (Span{j, j + len(want)}) {
					t.Errorf("license[%d] = %q %v, want %q %v", i, got.Text, span(got), want, Span{j, j + len(want)})
				}
				from = j + len(want)
			}
			if len(c.BaseModel) != len(tt.base) {
				t.Fatalf("base_model = %+v, want %v", c.BaseModel, tt.base)
			}
			for i, want := range tt.base {
				if got := c.BaseModel[i]; got.Text != want || span(got) != at(t, tt.text, want, 0) {
					t.Errorf("base_model[%d] = %q %v, want %v", i, got.Text, span(got), at(t, tt.text, want, 0))
				}
			}
			if tt.licenseName != "" {
				if c.LicenseName == nil || c.LicenseName.Text != tt.licenseName || span(*c.LicenseName) != at(t, tt.text, tt.licenseName, 0) {
					t.Errorf("license_name = %+v, want %q at %v", c.LicenseName, tt.licenseName, at(t, tt.text, tt.licenseName, 0))
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		wantLine string // the error's span covers exactly this line
		msg      string
	}{
		{"bad mapping", "---\nlicense: mit\nbase_model: a: b\n---\n", "base_model: a: b", "mapping values are not allowed in this context"},
		{"unclosed flow", "---\r\nlicense: mit\r\ntags: [a, b\r\n---\r\n", "tags: [a, b", "did not find expected ',' or ']'"},
		{"bad indent", "---\nlicense: mit\nb:\n  - x\n - y\n---\n", " - y", "did not find expected key"},
		{"scanner", "---\nlicense: mit\nb: \"x\n---\n", "b: \"x", "found unexpected end of stream"},
		{"not a mapping", "---\n- a\n- b\n---\n", "---", "the front matter is not a mapping of keys to values"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.text))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a SyntaxError", err)
			}
			if !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("msg = %q, want %q", se.Msg, tt.msg)
			}
			if tt.wantLine != "" {
				if got := tt.text[se.Span.Start:se.Span.End]; got != tt.wantLine {
					t.Errorf("span covers %q, want %q", got, tt.wantLine)
				}
			}
		})
	}
}

func TestNoFrontMatter(t *testing.T) {
	for _, text := range []string{"", "# Title\n", "--- \nlicense: mit\n", "text\n---\nlicense: mit\n---\n"} {
		if _, err := Parse([]byte(text)); !errors.Is(err, ErrNoFrontMatter) {
			t.Errorf("Parse(%q) err = %v, want ErrNoFrontMatter", text, err)
		}
	}
}

func TestAliasBombIsCheap(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\na00: &a00 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 30; i++ {
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("license: *a29\n---\n")
	c, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.License) != 0 {
		t.Errorf("license from an alias of aliases = %v, want none", c.License)
	}
}

func itoa(i int) string { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }

func TestHeading(t *testing.T) {
	text := "---\nlicense: mit\n---\n```\n# not this\n```\nintro\n#  My Model  \n"
	h, sp, ok := Heading([]byte(text))
	if !ok || h != "My Model" || text[sp.Start:sp.End] != "My Model" {
		t.Errorf("Heading = %q %v %v", h, sp, ok)
	}
}

// corpusDir is ../shared/corpus, or the test is skipped.
func corpusDir(t testing.TB) string { return corpus.Dir(t) }

func TestCorpusCardsParse(t *testing.T) {
	dir := filepath.Join(corpusDir(t), "model-cards")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) == 0 {
		t.Skip("no model cards in corpus")
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Parse(text)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		for _, v := range append(append([]Value{}, c.License...), c.BaseModel...) {
			if got := string(text[v.Start:v.End]); got != v.Text {
				t.Errorf("%s: value %q has range text %q", filepath.Base(f), v.Text, got)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("---\nlicense: mit\nbase_model: [a/b, c/d]\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\nlicense: \"x\"\r\n---\r\n"))
	f.Add([]byte("---\na: &a [*a]\n---\n"))
	if dir := seedDir(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		c, _ := Parse(text)
		if c == nil {
			return
		}
		vals := append(append([]Value{}, c.License...), c.BaseModel...)
		for _, v := range vals {
			if v.Start < 0 || v.End < v.Start || v.End > len(text) {
				t.Fatalf("value %q range %d-%d outside text of %d bytes", v.Text, v.Start, v.End, len(text))
			}
		}
		Heading(text)
	})
}

func seedDir() string {
	dir, _ := os.Getwd()
	for i := 0; i < 6; i++ {
		c := filepath.Join(dir, "..", "shared", "corpus", "model-cards")
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if _, err := os.Stat(c); err == nil {
				return c
			}
			return ""
		}
		dir = filepath.Dir(dir)
	}
	return ""
}
