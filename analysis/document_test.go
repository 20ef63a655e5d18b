package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/corpus"
)

func TestClassifyContentLicenseTitles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Kind
	}{
		{"terms of use under a language heading", "## english\nFALCON 180B TII LICENSE VERSION 1.0\nSeptember 2023\n", KindLicense},
		{"community license agreement", "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\nLlama 3.1 Version Release Date: July 23, 2024\n", KindLicense},
		{"markdown bold policy title", "**Llama 3.1** **Acceptable Use Policy**\n\nMeta is committed to safe use.\n", KindLicense},
		{"markdown heading", "# Gemma Terms of Use\n\nLast modified: March 24, 2025\n", KindLicense},
		{"html heading", "<h2 align=\"center\"> OPT-175B LICENSE AGREEMENT </h2>\n", KindLicense},
		{"title with version and parenthesis", "Platform Model License 1.0 (PML-1.0)\nCopyright (c) 2026 Example\n", KindLicense},
		{"bom, crlf and emoji", "\xef\xbb\xbf\U0001F999 Llama 3.3 Community License Agreement\r\n\r\nText.\r\n", KindLicense},
		{"bare multi-word title", "Terms of Use\n\nBy using this model you agree.\n", KindLicense},
		{"readme saying MIT licensed", "# Acme\n\nMIT licensed\n\nA tool that does things.\n", KindMarkdown},
		{"readme released under a license", "# Acme\n\nReleased under the MIT License\n", KindMarkdown},
		{"readme with a license section heading", "# Acme\n\n## License\n\nMIT\n", KindMarkdown},
		{"sentence mentioning a license", "This model is distributed under the Llama 3.1 Community License.\n", KindMarkdown},
		{"title after the third line", "# Acme\n\nOne.\n\nTwo.\n\nAcme Model License\n", KindMarkdown},
		{"yaml naming a license", "key: acme-license\nshort_name: Acme Model License\n", KindMarkdown},
		{"empty", "", KindMarkdown},
		{"chinese license title", "示例智能开源模型许可证\n一、定义\n", KindLicense},
		{"chinese agreement title", "# 示例模型社区许可协议\n", KindLicense},
		{"chinese sentence naming a license", "请参阅示例模型许可协议\n", KindMarkdown},
		{"card front matter wins", "---\nlicense: mit\n---\n# Acme Model License\n", KindCard},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ClassifyContent(KindMarkdown, []byte(tt.text)); got != tt.want {
				t.Errorf("ClassifyContent = %v, want %v", got, tt.want)
			}
		})
	}
}

// Every real license file is read as a license, whatever its name.
func TestClassifyCorpusLicenses(t *testing.T) {
	root := licenseCorpus(t)
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		text, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if got := ClassifyContent(ClassifyPath(filepath.ToSlash(rel)), text); got != KindLicense {
			t.Errorf("%s: kind %v, want license", rel, got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// licenseCorpus is ../shared/corpus/licenses, or the test is skipped.
func licenseCorpus(t *testing.T) string { return corpus.Dir(t, "licenses") }

// TestClassifyPath pins the file names of each kind (docs/architecture.md, plus
// the shell scripts, Dockerfiles and Makefiles that download models).
func TestClassifyPath(t *testing.T) {
	for p, want := range map[string]Kind{
		"LICENSE":                            KindLicense,
		"models/LICENSE-MODEL":               KindLicense,
		"示例模型商用许可协议.md":                      KindLicense,
		"docs/示例开源模型许可证.txt":                 KindLicense,
		"license_test.go":                    KindOther,
		"README.md":                          KindMarkdown,
		"Modelfile":                          KindModelfile,
		"ollama/llama.modelfile":             KindModelfile,
		"lora/adapter_config.json":           KindAdapterConfig,
		"weights/model.gguf":                 KindGGUF,
		"app/load.py":                        KindPython,
		"scripts/fetch.sh":                   KindShell,
		"tools/get.bash":                     KindShell,
		"Dockerfile":                         KindShell,
		"docker/Dockerfile.gpu":              KindShell,
		"serve.dockerfile":                   KindShell,
		"Containerfile":                      KindShell,
		"Makefile":                           KindShell,
		"GNUmakefile":                        KindShell,
		"rules.mk":                           KindShell,
		"notebooks/demo.ipynb":               KindNotebook,
		".github/workflows/ci.yml":           KindShell,
		"svc/.github/workflows/release.yaml": KindShell,
		".gitlab-ci.yml":                     KindShell,
		"config/ci.yml":                      KindConfig,
		"license.ipynb":                      KindNotebook,
		"docker-compose.yaml":                KindConfig,
		"src/app.ts":                         KindScript,
		"examples/merge.json":                KindConfig,
		"deploy/.env":                        KindConfig,
		"env.example":                        KindConfig,
		"env.example.watsonx":                KindConfig,
		"main.go":                            KindOther,
		ProfileFile:                          KindProfile,
		LockFile:                             KindLock,
		PoliciesDir + "/aup.md":              KindPolicyCopy,
	} {
		if got := ClassifyPath(p); got != want {
			t.Errorf("ClassifyPath(%q) = %v, want %v", p, got, want)
		}
	}
}

// hasCardFrontMatterStrings is HasCardFrontMatter as it was written over
// strings (a copy and a split of 64 KB of every Markdown file); the byte
// version must agree with it.
func hasCardFrontMatterStrings(text []byte) bool {
	s := strings.TrimPrefix(string(text[:min(len(text), 64<<10)]), bom)
	s = strings.TrimLeft(s, " \t\r\n")
	if !strings.HasPrefix(s, "---") {
		return false
	}
	for _, line := range strings.Split(s, "\n")[1:] {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "---") {
			return false
		}
		for _, key := range cardKeys {
			if strings.HasPrefix(line, key) {
				rest := line[len(key):]
				if strings.HasSuffix(key, "_") || strings.HasPrefix(strings.TrimLeft(rest, " "), ":") {
					return true
				}
			}
		}
	}
	return false
}

func TestHasCardFrontMatterAgreesWithStrings(t *testing.T) {
	parts := []string{"---", "\n", "\r\n", "license: mit", "license_name :x", "extra_gated_prompt", "licensex: 1", " ", "# Title", bom, "base_model:", "---x", "text"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := []byte(b.String())
		if got, want := HasCardFrontMatter(text), hasCardFrontMatterStrings(text); got != want {
			t.Fatalf("HasCardFrontMatter(%q) = %v, the string version %v", text, got, want)
		}
	}
}
