package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkChangeToDiagnostics measures one edit of an open license buffer
// until its diagnostics arrive (debounce 0), in a workspace of 200 license
// files and cards: the latency a user feels while typing.
func BenchmarkChangeToDiagnostics(b *testing.B) {
	root := b.TempDir()
	text := benchLicense()
	for i := 0; i < 100; i++ {
		dir := filepath.Join(root, fmt.Sprintf("models/m%03d", i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "LICENSE"), []byte(text), 0o644)
		os.WriteFile(filepath.Join(dir, "README.md"), []byte("---\nlicense: llama3.1\n---\n# Llama-m\n"), 0o644)
	}
	c := startClient(b, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0}})
	c.initialized()
	c.waitScan(1)
	c.open("models/m000/LICENSE", 1, text)
	c.waitVersion(c.uri("models/m000/LICENSE"), 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := int32(i + 2)
		c.change("models/m000/LICENSE", v, text+strings.Repeat(" ", i%7))
		c.waitVersion(c.uri("models/m000/LICENSE"), v)
	}
	b.StopTimer()
	c.shutdown()
}

// benchLicense is a real license from ../shared/corpus when present, else
// a fixture of similar shape.
func benchLicense() string {
	if data, err := os.ReadFile(filepath.Join("..", "..", "shared", "corpus", "licenses", "llama-3.1", "LICENSE")); err == nil {
		return string(data)
	}
	return "Llama 3.1 Community License Agreement\n\n" + strings.Repeat("If the monthly active users exceed 700 million monthly active users, you must request a license.\n\n", 40)
}
