package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
)

const licenseText = "Acme Test License\n\nYou may use this model.\n"

// write creates files under dir; a value starting with "->" makes a
// symbolic link to the rest of the value.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(content, "->"); ok {
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func paths(s *analysis.Snapshot) []string {
	var out []string
	for _, d := range s.Docs {
		out = append(out, d.Path+" "+d.Kind.String())
	}
	return out
}

func TestLoad(t *testing.T) {
	card := "---\nlicense: apache-2.0\n---\n# Model\n"
	tests := []struct {
		name      string
		files     map[string]string
		opts      Options
		wantDocs  []string
		wantSkips []Skip
	}{{
		name: "classification decides what is read",
		files: map[string]string{
			"LICENSE":                  licenseText,
			"README.md":                card,
			"docs/guide.md":            "# Guide\n\nNothing here.\n",
			"docs/README.md":           "# Docs\n",
			"falcon170BTOU.md":         "# Falcon Terms of Use\n\nText.\n",
			"main.go":                  "package main\n",
			"app.py":                   "from_pretrained('x/y')\n",
			"Modelfile":                "FROM llama3.1\n",
			"lora/adapter_config.json": "{}\n",
			".fineprint.yaml":          "use: {}\n",
			"data.csv":                 strings.Repeat("x", 100),
		},
		opts:     Options{MaxFileSize: 80},
		wantDocs: []string{".fineprint.yaml profile", "LICENSE license", "Modelfile modelfile", "README.md card", "app.py python", "docs/README.md markdown", "falcon170BTOU.md license", "lora/adapter_config.json adapter-config"},
	}, {
		name: "version control, dependency and virtualenv folders are not descended",
		files: map[string]string{
			"LICENSE":                   licenseText,
			".git/LICENSE":              licenseText,
			"node_modules/x/LICENSE":    licenseText,
			".venv/lib/LICENSE":         licenseText,
			"venv/lib/LICENSE":          licenseText,
			"lib/site-packages/LICENSE": licenseText,
			"src/__pycache__/LICENSE":   licenseText,
		},
		wantDocs: []string{"LICENSE license"},
	}, {
		name: "vendored code is not read unless the profile includes it",
		files: map[string]string{
			"LICENSE":                   licenseText,
			"vendor/x/LICENSE":          licenseText,
			"third_party/y/LICENSE":     licenseText,
			"lib/Third_Party/z/LICENSE": licenseText,
			"3rdparty/LICENSE":          licenseText,
			"vendor/acme/LICENSE":       licenseText,
		},
		opts:     Options{Include: []string{"vendor/acme/**"}},
		wantDocs: []string{"LICENSE license", "vendor/acme/LICENSE license"},
	}, {
		name: "ignore globs",
		files: map[string]string{
			"LICENSE":                    licenseText,
			"third_party/a/LICENSE":      licenseText,
			"vendor/NOTICE":              licenseText,
			"models/big/LICENSE":         licenseText,
			"models/small/LICENSE-MODEL": licenseText,
		},
		opts:     Options{Ignore: []string{"third_party/**", "vendor", "models/*/LICENSE"}},
		wantDocs: []string{"LICENSE license", "models/small/LICENSE-MODEL license"},
	}, {
		name: "binary and oversize files are skipped with a reason",
		files: map[string]string{
			"LICENSE":     "Acme\x00binary",
			"NOTICE":      strings.Repeat("n", 65),
			"LICENSE.txt": licenseText,
		},
		opts:     Options{MaxFileSize: 64},
		wantDocs: []string{"LICENSE.txt license"},
		wantSkips: []Skip{
			{Path: "LICENSE", Reason: "binary file"},
			{Path: "NOTICE", Reason: "larger than 64 bytes"},
		},
	}, {
		name: "a symbolic link loop ends the descent",
		files: map[string]string{
			"LICENSE":      licenseText,
			"a/NOTICE":     licenseText,
			"a/loop":       "->..",
			"a/again/back": "->../../a",
		},
		wantDocs: []string{"LICENSE license", "a/NOTICE license"},
		wantSkips: []Skip{
			{Path: "a/again/back", Reason: "symbolic link loop"},
			{Path: "a/loop", Reason: "symbolic link loop"},
		},
	}, {
		name: "links out of the workspace are not followed; links inside are",
		files: map[string]string{
			"LICENSE":       licenseText,
			"outside":       "->/etc",
			"COPYING":       "->/etc/hostname",
			"LICENSE-MODEL": "->LICENSE",
			"NOTICE":        "->missing",
		},
		wantDocs: []string{"LICENSE license", "LICENSE-MODEL license"},
		wantSkips: []Skip{
			{Path: "COPYING", Reason: "symbolic link leads outside the workspace"},
			{Path: "NOTICE", Reason: "broken symbolic link"},
			{Path: "outside", Reason: "symbolic link leads outside the workspace"},
		},
	}, {
		name:  "the overlay overrides disk and adds unsaved files",
		files: map[string]string{"LICENSE": "old text", "third_party/LICENSE": licenseText},
		opts: Options{
			Ignore: []string{"third_party/**"},
			Overlay: map[string][]byte{
				"LICENSE":            []byte(licenseText),
				"models/x/README.md": []byte(card),
				"third_party/NOTICE": []byte(licenseText),
				"notes.md":           []byte("# Notes\n"),
			},
		},
		wantDocs: []string{"LICENSE license", "models/x/README.md card"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tt.files)
			snap, skips, err := Load(dir, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := paths(snap); !reflect.DeepEqual(got, tt.wantDocs) {
				t.Errorf("docs:\n got %q\nwant %q", got, tt.wantDocs)
			}
			if !reflect.DeepEqual(skips, tt.wantSkips) {
				t.Errorf("skips:\n got %+v\nwant %+v", skips, tt.wantSkips)
			}
			if snap.Root != dir {
				t.Errorf("root = %q, want %q", snap.Root, dir)
			}
		})
	}
}

func TestLoadOverlayText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"LICENSE": "disk text"})
	snap, _, err := Load(dir, Options{Overlay: map[string][]byte{"LICENSE": []byte(licenseText)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Docs) != 1 || string(snap.Docs[0].Text) != licenseText {
		t.Fatalf("docs = %+v, want the overlay's text", snap.Docs)
	}
}

// denyOpen makes the named files unreadable. As root chmod 000 does not stop
// reads, so the test also substitutes the opener.
func denyOpen(t *testing.T, opts *Options, files ...string) {
	t.Helper()
	deny := map[string]bool{}
	for _, f := range files {
		if err := os.Chmod(f, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(f, 0o644) })
		deny[f] = true
	}
	if os.Geteuid() == 0 {
		opts.Open = func(name string) (*os.File, error) {
			if deny[name] {
				return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
			}
			return os.Open(name)
		}
	}
}

func TestLoadUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"LICENSE": licenseText, "NOTICE": licenseText})
	var opts Options
	denyOpen(t, &opts, filepath.Join(dir, "NOTICE"))
	snap, skips, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := paths(snap), []string{"LICENSE license"}; !reflect.DeepEqual(got, want) {
		t.Errorf("docs = %q, want %q", got, want)
	}
	want := []Skip{{Path: "NOTICE", Reason: "permission denied", IOError: true}}
	if !reflect.DeepEqual(skips, want) {
		t.Errorf("skips = %+v, want %+v", skips, want)
	}
}

func TestLoadRootErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"LICENSE": licenseText})
	for _, tt := range []struct{ root, want string }{
		{filepath.Join(dir, "missing"), "missing: no such file or directory"},
		{filepath.Join(dir, "LICENSE"), "LICENSE: not a directory"},
	} {
		_, _, err := Load(tt.root, Options{})
		if err == nil || !strings.HasSuffix(err.Error(), tt.want) {
			t.Errorf("Load(%s) error = %v, want one ending in %q", tt.root, err, tt.want)
		}
	}
}

func TestLoadRootThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"real/LICENSE": licenseText, "link": "->real"})
	snap, skips, err := Load(filepath.Join(dir, "link"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := paths(snap), []string{"LICENSE license"}; !reflect.DeepEqual(got, want) || skips != nil {
		t.Errorf("docs = %q skips = %+v, want %q and no skips", got, skips, want)
	}
}

func TestLoadFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"LICENSE":         licenseText,
		"NOTICE":          licenseText,
		"sub/LICENSE":     licenseText,
		"main.go":         "package main\n",
		"notes.md":        "# Notes\n",
		".fineprint.yaml": "use: {}\n",
	})
	snap, skips, err := LoadFiles(dir, []string{"sub/LICENSE", "main.go", "notes.md"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The README, NOTICE and license files of the folders above a named
	// file are read too, for the project rules (analysis/project_roots.go).
	if got, want := paths(snap), []string{".fineprint.yaml profile", "LICENSE license", "NOTICE license", "sub/LICENSE license"}; !reflect.DeepEqual(got, want) {
		t.Errorf("docs = %q, want %q", got, want)
	}
	wantSkips := []Skip{
		{Path: "main.go", Reason: "not a license, model card, manifest or fineprint file"},
		{Path: "notes.md", Reason: "not a license, model card, manifest or fineprint file"},
	}
	if !reflect.DeepEqual(skips, wantSkips) {
		t.Errorf("skips = %+v, want %+v", skips, wantSkips)
	}

	var opts Options
	denyOpen(t, &opts, filepath.Join(dir, "NOTICE"))
	_, skips, err = LoadFiles(dir, []string{"NOTICE"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if want := []Skip{{Path: "NOTICE", Reason: "permission denied", IOError: true}}; !reflect.DeepEqual(skips, want) {
		t.Errorf("unreadable: skips = %+v, want %+v", skips, want)
	}

	for _, tt := range []struct{ file, want string }{
		{"missing/LICENSE", "missing/LICENSE: no such file or directory"},
		{"sub", "sub: not a regular file"},
	} {
		_, _, err := LoadFiles(dir, []string{tt.file}, Options{})
		if err == nil || err.Error() != tt.want {
			t.Errorf("LoadFiles(%s) error = %v, want %q", tt.file, err, tt.want)
		}
	}
}

func TestLoadProgress(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"LICENSE": licenseText, "NOTICE": licenseText, "main.go": "package main\n"})
	var calls []int
	if _, _, err := Load(dir, Options{Progress: func(n int) { calls = append(calls, n) }}); err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2}; !reflect.DeepEqual(calls, want) {
		t.Errorf("progress calls = %v, want %v", calls, want)
	}
}
