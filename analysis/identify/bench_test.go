package identify

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/licensecheck"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// corpusTexts reads every corpus license file once, before timing.
func corpusTexts(b *testing.B) [][]byte {
	root := corpusDir(b)
	var texts [][]byte
	for _, rel := range corpusFiles(b, root) {
		text, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, text)
	}
	return texts
}

// BenchmarkIdentifyCorpus identifies every corpus license file once per
// iteration. Compare with BenchmarkLicensecheckScanCorpus, the baseline of
// scanning the same bytes with licensecheck alone.
func BenchmarkIdentifyCorpus(b *testing.B) {
	texts := corpusTexts(b)
	k := kb.Default()
	Warmup()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Identify(k, t)
		}
	}
}

func BenchmarkLicensecheckScanCorpus(b *testing.B) {
	texts := corpusTexts(b)
	Warmup()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			licensecheck.Scan(t)
		}
	}
}
