package clause

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/corpus"
	"github.com/google/licensecheck"
)

// corpusDir is ../shared/corpus, or the test is skipped.
func corpusDir(tb testing.TB) string { return corpus.Dir(tb) }

// corpusLicenses reads every file under the corpus's licenses folder, keyed
// by its path relative to that folder.
func corpusLicenses(tb testing.TB) map[string][]byte {
	root := filepath.Join(corpusDir(tb), "licenses")
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// BenchmarkDetectCorpus runs Detect over every license text of the corpus;
// one op is the whole corpus, MB/s its throughput. cpu-ns/op is the process
// CPU time per op, steadier than wall time on a busy machine.
func BenchmarkDetectCorpus(b *testing.B) {
	k := kb.Default()
	Detect(k, nil)
	benchCorpus(b, func(t []byte) { Detect(k, t) })
}

// BenchmarkLicensecheckCorpus is the baseline: licensecheck.Scan over the
// same texts.
func BenchmarkLicensecheckCorpus(b *testing.B) {
	licensecheck.Scan([]byte("MIT License"))
	benchCorpus(b, func(t []byte) { licensecheck.Scan(t) })
}

func benchCorpus(b *testing.B, run func([]byte)) {
	files := corpusLicenses(b)
	total := 0
	for _, t := range files {
		total += len(t)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range files {
			run(t)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
