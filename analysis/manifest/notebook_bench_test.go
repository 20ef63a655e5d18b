package manifest

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParseNotebook4MB is a notebook near the default size limit:
// 200 code cells loading a model, each with a 20 KB image output.
func BenchmarkParseNotebook4MB(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"cells": [`)
	img := strings.Repeat("iVBORw0KGgo", 20<<10/11)
	for i := range 200 {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"cell_type": "code", "metadata": {}, "outputs": [{"data": {"image/png": "%s"}, "output_type": "display_data"}], "source": ["import torch\n", "MODEL = \"org/model-%d\"\n", "m = AutoModel.from_pretrained(MODEL)\n", "print(m)"]}`, img, i)
	}
	sb.WriteString(`], "nbformat": 4, "nbformat_minor": 5}`)
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		refs, err := ParseNotebook(src)
		if err != nil || len(refs) != 200 {
			b.Fatalf("%d refs, %v", len(refs), err)
		}
	}
}
