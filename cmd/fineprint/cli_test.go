package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/cli/*.txtar")

// TestCLI runs each testdata/cli/*.txtar archive. An archive holds a
// workspace's files and these sections:
//
//	args          the command line, split on white space ("check --fail-on warning .")
//	unreadable    files (one a line) made unreadable before the run
//	want.stdout   stdout of the command as given
//	want.text     stdout with "--format text" added after "check" (likewise
//	want.json     want.json and want.sarif); the SARIF golden lists only the
//	want.sarif    ids of its rules, whose texts belong to the knowledge base
//	want.exit     the exit status of every run (default 0)
//	want.stderr   the stderr of every run (default empty)
//
// The command runs in-process in a temporary folder holding the workspace;
// that folder's path is written $ROOT in the goldens, the time $TIME and
// today's date $DATE. With -update the want
// sections are rewritten from what the runs produced.
func TestCLI(t *testing.T) {
	archives, err := filepath.Glob(filepath.Join("..", "..", "testdata", "cli", "*.txtar"))
	if err != nil || len(archives) == 0 {
		t.Fatalf("no archives in testdata/cli: %v", err)
	}
	for _, name := range archives {
		name, _ = filepath.Abs(name) // the runs change folder
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) { runArchive(t, name) })
	}
}

func runArchive(t *testing.T, name string) {
	ar := golden.Read(t, name)
	sections := map[string]string{}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if f.Name == "args" || f.Name == "unreadable" || strings.HasPrefix(f.Name, "want.") {
			sections[f.Name] = string(f.Data)
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	makeUnreadable(t, dir, strings.Fields(sections["unreadable"]))
	t.Chdir(dir)
	args := strings.Fields(sections["args"])
	if len(args) == 0 {
		t.Fatal("archive has no args section")
	}

	got := map[string]string{}
	runs := 0
	for _, out := range []string{"stdout", "text", "json", "sarif", "cyclonedx"} {
		if _, ok := sections["want."+out]; !ok {
			continue
		}
		runs++
		cmd := args
		if out != "stdout" {
			cmd = append([]string{args[0], "--format", out}, args[1:]...)
		}
		var stdout, stderr bytes.Buffer
		code := run(cmd, &stdout, &stderr)
		got["want."+out] = normalize(t, dir, out, stdout.String())
		got["want.stderr"] = normalize(t, dir, "", stderr.String())
		got["want.exit"] = strconv.Itoa(code) + "\n"
		if !*update && (got["want.exit"] != orDefault(sections["want.exit"], "0\n") || got["want.stderr"] != sections["want.stderr"]) {
			t.Errorf("%s: exit %s stderr %q; want exit %s stderr %q", strings.Join(cmd, " "), strings.TrimSpace(got["want.exit"]), got["want.stderr"], strings.TrimSpace(orDefault(sections["want.exit"], "0\n")), sections["want.stderr"])
		}
	}
	if runs == 0 {
		t.Fatal("archive has no want.stdout, want.text, want.json, want.sarif or want.cyclonedx section")
	}
	ar.Check(t, got, golden.Options{
		Update:   *update,
		Sections: []string{"want.stdout", "want.text", "want.json", "want.sarif", "want.cyclonedx", "want.exit", "want.stderr"},
		Defaults: map[string]string{"want.exit": "0\n", "want.stderr": ""},
		Optional: true,
		Hint:     "go test ./cmd/fineprint -run TestCLI -update rewrites it",
	})
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// makeUnreadable takes away read permission; a test running as root reads
// through that, so the command's opener is also told to refuse the files.
func makeUnreadable(t *testing.T, dir string, files []string) {
	if len(files) == 0 {
		return
	}
	deny := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o644) })
		deny[p] = true
	}
	if os.Geteuid() != 0 {
		return
	}
	real := openFile
	openFile = func(name string) (*os.File, error) {
		abs, _ := filepath.Abs(name)
		if deny[abs] {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return real(name)
	}
	t.Cleanup(func() { openFile = real })
}

// timestamp matches the times fixes put in the headers of policy copies.
var timestamp = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`)

// normalize writes the temporary folder as $ROOT, the current time as $TIME
// and today as $DATE (the record's fixes are dated), and reduces a SARIF log's rules to their ids.
func normalize(t *testing.T, dir, format, s string) string {
	for _, d := range []string{dir, evalSymlinks(dir)} {
		s = strings.ReplaceAll(s, d, "$ROOT")
	}
	s = timestamp.ReplaceAllString(s, "$$TIME")
	for _, now := range []time.Time{time.Now(), time.Now().UTC()} {
		s = strings.ReplaceAll(s, now.Format(time.DateOnly), "$DATE")
	}
	if format == "cyclonedx" {
		// The tool's version depends on how the test binary was built.
		return strings.Replace(s, `"version": "`+versionString()+`"`, `"version": "$VERSION"`, 1)
	}
	if format != "sarif" || s == "" {
		return s
	}
	var log map[string]any
	if err := json.Unmarshal([]byte(s), &log); err != nil {
		t.Fatalf("SARIF output is not JSON: %v\n%s", err, s)
	}
	for _, run := range log["runs"].([]any) {
		driver := run.(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
		var ids []any
		for _, r := range driver["rules"].([]any) {
			ids = append(ids, r.(map[string]any)["id"])
		}
		driver["rules"] = ids
	}
	b, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

func evalSymlinks(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}
