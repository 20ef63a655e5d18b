package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type recorder struct {
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	panic(fmt.Sprintf(format, args...))
}

const archive = `input comment
-- args --
check .
-- want.stdout --
clean
-- want.exit --
1
`

func write(t *testing.T, text string) string {
	p := filepath.Join(t.TempDir(), "a.txtar")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var cli = Options{
	Sections: []string{"want.stdout", "want.json", "want.exit", "want.stderr"},
	Defaults: map[string]string{"want.exit": "0\n", "want.stderr": ""},
	Optional: true,
}

func TestCheck(t *testing.T) {
	a := Read(t, write(t, archive))
	if s, ok := a.Section("args"); !ok || s != "check .\n" {
		t.Fatalf("Section(args) = %q, %v", s, ok)
	}
	var r recorder
	a.Check(&r, map[string]string{"want.stdout": "clean\n", "want.exit": "1\n", "want.stderr": "", "want.json": "{}\n"}, cli)
	if len(r.errors) != 0 {
		t.Errorf("equal outputs: %q", r.errors)
	}
	r = recorder{}
	a.Check(&r, map[string]string{"want.stdout": "dirty\n", "want.exit": "0\n", "want.stderr": "oops\n"}, cli)
	if len(r.errors) != 3 || !strings.Contains(r.errors[0], "want.stdout differs") {
		t.Errorf("three differences, got %q", r.errors)
	}
	// Without Optional a section the archive lacks is compared as empty.
	r = recorder{}
	a.Check(&r, map[string]string{"golden/hover": "x\n"}, Options{Sections: []string{"golden/hover"}})
	if len(r.errors) != 1 {
		t.Errorf("a missing section: %q", r.errors)
	}
}

func TestUpdate(t *testing.T) {
	p := write(t, archive)
	a := Read(t, p)
	o := cli
	o.Update = true
	a.Check(t, map[string]string{"want.stdout": "dirty\n", "want.exit": "0\n", "want.stderr": "oops\n", "want.json": "{}\n"}, o)
	data, _ := os.ReadFile(p)
	want := `input comment
-- args --
check .
-- want.stdout --
dirty
-- want.json --
{}
-- want.stderr --
oops
`
	if string(data) != want {
		t.Errorf("rewritten archive:\n%s\nwant:\n%s", data, want)
	}
	// A rewrite of what the archive says changes nothing.
	Read(t, p).Check(t, map[string]string{"want.stdout": "dirty\n", "want.json": "{}\n", "want.exit": "0\n", "want.stderr": "oops\n"}, o)
	if again, _ := os.ReadFile(p); string(again) != want {
		t.Errorf("second rewrite changed the archive:\n%s", again)
	}
}
