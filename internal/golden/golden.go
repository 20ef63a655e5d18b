// Package golden keeps the expected outputs of fineprint's end-to-end tests
// in txtar archives beside their inputs, and compares and rewrites them. The
// command-line suite (testdata/cli, sections want.*), the language server's
// (testdata/lsp, sections golden/*) and the project analysis's
// (testdata/project, sections want and references) all use it:
//
//	a := golden.Read(t, "testdata/cli/clean.txtar")
//	input, _ := a.Section("args")
//	... run, collecting got["want.stdout"], got["want.exit"] ...
//	a.Check(t, got, golden.Options{Update: *update, Sections: []string{"want.stdout", "want.exit"},
//		Defaults: map[string]string{"want.exit": "0\n"}})
//
// A section holds its text exactly as the output is (a final newline
// included). With Update, Check writes the outputs into the archive instead
// of comparing: it replaces sections in place, appends new ones in the
// order of Options.Sections, and drops a section that was not produced or
// equals its default. A rewritten golden is reviewed like code, never
// accepted blindly.
//
// The package does not import "testing" (shipped code must not); T is the
// part of testing.TB it needs.
package golden

import (
	"fmt"
	"os"

	"golang.org/x/tools/txtar"
)

// T is the part of *testing.T that golden uses.
type T interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Archive is a txtar file of inputs and golden sections.
type Archive struct {
	Path string
	*txtar.Archive
}

// Read parses the archive at path.
func Read(t T, path string) *Archive {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatalf("%v", err)
	}
	return &Archive{Path: path, Archive: ar}
}

// Section returns the text of the named section and whether there is one.
func (a *Archive) Section(name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// Options says which sections are golden and how to treat them.
type Options struct {
	// Update rewrites the archive from got instead of comparing (the
	// suite's -update flag).
	Update bool
	// Sections are every golden section a run may produce, in the order
	// new ones are appended. A golden section not in got is dropped on
	// update; Check compares only the sections in got.
	Sections []string
	// Defaults are the texts of sections an archive may leave out
	// (want.exit "0\n"): an absent section compares as its default, and
	// one equal to its default is not written.
	Defaults map[string]string
	// Optional, when set, compares a section of got only when the archive
	// has it (or a default); otherwise an absent section is compared as
	// empty, and its absence fails the test.
	Optional bool
	// Hint ends a difference's message: how to accept the new output.
	Hint string
}

// Check compares got (section name to output) with the archive, or with
// o.Update rewrites the archive's golden sections from got.
func (a *Archive) Check(t T, got map[string]string, o Options) {
	t.Helper()
	if o.Update {
		if err := a.update(got, o); err != nil {
			t.Fatalf("%v", err)
		}
		return
	}
	for _, name := range o.Sections {
		text, ok := got[name]
		if !ok {
			continue
		}
		want, has := a.Section(name)
		if !has {
			def, hasDefault := o.Defaults[name]
			if o.Optional && !hasDefault {
				continue
			}
			want = def
		}
		if text != want {
			hint := ""
			if o.Hint != "" {
				hint = " (" + o.Hint + ")"
			}
			t.Errorf("%s differs%s:\n--- got\n%s--- want\n%s", name, hint, text, want)
		}
	}
}

func (a *Archive) update(got map[string]string, o Options) error {
	golden := map[string]bool{}
	for _, name := range o.Sections {
		golden[name] = true
	}
	keep := func(name string) bool {
		text, ok := got[name]
		def, hasDefault := o.Defaults[name]
		return ok && !(hasDefault && text == def)
	}
	written := map[string]bool{}
	var files []txtar.File
	for _, f := range a.Files {
		if golden[f.Name] {
			if !keep(f.Name) {
				continue
			}
			f.Data = []byte(got[f.Name])
			written[f.Name] = true
		}
		files = append(files, f)
	}
	for _, name := range o.Sections {
		if !written[name] && keep(name) {
			files = append(files, txtar.File{Name: name, Data: []byte(got[name])})
		}
	}
	for name := range got {
		if !golden[name] {
			return fmt.Errorf("golden: %s is not one of the golden sections %q", name, o.Sections)
		}
	}
	a.Files = files
	return os.WriteFile(a.Path, txtar.Format(a.Archive), 0o644)
}
