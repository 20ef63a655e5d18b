package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// startup measures what a pre-commit hook pays on every commit: `fineprint
// check` of a folder holding one MIT LICENSE, as a fresh process, against
// `cat` of the same file in the same run (the cost of starting any
// process and reading the file).
func (b *bench) startup() error {
	lic, err := os.ReadFile(filepath.Join(b.corpus.Dir, "licenses", "mit", "deepseek-r1", "LICENSE"))
	if err != nil {
		return err
	}
	root, err := b.writeCase("one-mit", "LICENSE", lic)
	if err != nil {
		return err
	}
	bin := filepath.Join(b.tmp, "fineprint")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/fineprint-dev/fineprint/cmd/fineprint").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v: %s", err, out)
	}
	var fpWall, catWall []time.Duration
	var fpRSS, catRSS int64
	for range 15 {
		d, rss, err := timeProcess(bin, "check", root)
		if err != nil {
			return err
		}
		fpWall, fpRSS = append(fpWall, d), max(fpRSS, rss)
		d, rss, err = timeProcess("cat", filepath.Join(root, "LICENSE"))
		if err != nil {
			return err
		}
		catWall, catRSS = append(catWall, d), max(catRSS, rss)
	}
	fw, cw := percentile(fpWall, 50), percentile(catWall, 50)
	b.add(row{figure: "start-up: fineprint check of a folder with one MIT LICENSE, wall (median of 15)", fineprint: ms(fw),
		base: "cat " + ms(cw), ratio: ratio(fw.Seconds(), cw.Seconds()), target: "<= 150 ms", met: verdict(fw <= 150*time.Millisecond)})
	b.add(row{figure: "start-up: the same, peak RSS", fineprint: mb(fpRSS), base: "cat " + mb(catRSS),
		ratio: ratio(float64(fpRSS), float64(catRSS)), target: "<= 40 MB", met: verdict(fpRSS <= 40<<20)})
	return nil
}

// timeProcess runs a command to its end and returns its wall time and peak
// resident set.
func timeProcess(name string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(name, args...)
	start := time.Now()
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			return 0, 0, err
		}
	}
	return time.Since(start), peakRSSOf(cmd.ProcessState), nil
}
