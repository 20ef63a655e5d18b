//go:build linux

package hostile

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/internal/recorder"
	"github.com/fineprint-dev/fineprint/workspace"
)

// TestFailedWriteKeepsOldLock records a workspace, grows it, and records
// it again with the file-size limit (RLIMIT_FSIZE) set below the new
// lock's size, so that writing the new fineprint.lock fails halfway: a full
// disk, made deterministic. The old lock must survive byte for byte, and no
// temporary file may be left behind. Go ignores SIGXFSZ, so the write
// returns EFBIG instead of killing the test.
func TestFailedWriteKeepsOldLock(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "LICENSE"), plainLicense)
	if err := recordAt(dir); err != nil {
		t.Fatal(err)
	}
	lockPath := filepath.Join(dir, analysis.LockFile)
	old, err := os.ReadFile(lockPath)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("LICENSE-%02d", i)), fmt.Sprintf("Acme Test License %d\n\nYou may use this model.\n", i))
	}

	// The record under the limit runs in a child process: the limit would
	// also stop the test binary's own log writes.
	cmd := exec.Command(os.Args[0], "-test.run=^TestFailedWriteKeepsOldLockChild$")
	cmd.Env = append(os.Environ(), "FINEPRINT_HOSTILE_DIR="+dir, fmt.Sprintf("FINEPRINT_HOSTILE_FSIZE=%d", len(old)+64))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "record failed:") {
		t.Fatalf("record succeeded although the new lock could not be written:\n%s", out)
	}
	t.Logf("%s", out)
	now, readErr := os.ReadFile(lockPath)
	if readErr != nil || string(now) != string(old) {
		t.Errorf("the old lock did not survive the failed write:\n%s", now)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestFailedWriteKeepsOldLockChild is the child process of
// TestFailedWriteKeepsOldLock; it does nothing in a normal run.
func TestFailedWriteKeepsOldLockChild(t *testing.T) {
	dir := os.Getenv("FINEPRINT_HOSTILE_DIR")
	if dir == "" {
		t.Skip("child process of TestFailedWriteKeepsOldLock")
	}
	size, err := strconv.ParseUint(os.Getenv("FINEPRINT_HOSTILE_FSIZE"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	var limit syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Fatal(err)
	}
	limit.Cur = size
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Fatal(err)
	}
	if err := recordAt(dir); err != nil {
		fmt.Println("record failed:", err)
	}
}

// recordAt runs `fineprint record` (without --fetch) on dir.
func recordAt(dir string) error {
	snap, _, err := workspace.Load(dir, workspace.Options{})
	if err != nil {
		return err
	}
	res := analysis.New().Analyze(context.Background(), snap)
	_, err = recorder.Record(context.Background(), dir, snap, res, recorder.Options{Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)})
	return err
}
