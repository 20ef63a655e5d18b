package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
)

func TestParseCheckFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    checkFlags
		wantErr string
	}{
		{args: nil, want: checkFlags{format: "text", failOn: analysis.SeverityError, paths: []string{"."}}},
		{args: []string{"a", "--format", "json", "b", "--fail-on=never"}, want: checkFlags{format: "json", failOn: analysis.SeverityOff, paths: []string{"a", "b"}}},
		{args: []string{"--fail-on", "information", "--config", "p.yaml"}, want: checkFlags{format: "text", failOn: analysis.SeverityInformation, config: "p.yaml", paths: []string{"."}}},
		{args: []string{"--format", "xml"}, wantErr: "--format xml: want text, json, sarif or cyclonedx"},
		{args: []string{"--fail-on", "hint"}, want: checkFlags{format: "text", failOn: analysis.SeverityHint, paths: []string{"."}}},
		{args: []string{"--fail-on", "notice"}, wantErr: "--fail-on notice: want error, warning, information, hint or never"},
		{args: []string{"--format"}, wantErr: "flag needs an argument: -format"},
	}
	for _, tt := range tests {
		got, err := parseCheckFlags(tt.args)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("parseCheckFlags(%q) error = %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseCheckFlags(%q) = %+v, %v; want %+v", tt.args, got, err, tt.want)
		}
	}
}

func TestResolveTargets(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	for _, f := range []string{filepath.Join(dir, "a", "LICENSE"), filepath.Join(dir, "b", "NOTICE"), filepath.Join(outside, "LICENSE")} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		os.WriteFile(f, []byte("x"), 0o644)
	}
	t.Chdir(dir)
	got, err := resolveTargets([]string{"a", "a/LICENSE", "a/", "b/NOTICE", filepath.Join(outside, "LICENSE")})
	if err != nil {
		t.Fatal(err)
	}
	want := []target{
		{root: filepath.Join(dir, "a")},
		{root: dir, files: []string{"a/LICENSE", "b/NOTICE"}},
		{root: outside, files: []string{"LICENSE"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("targets = %+v, want %+v", got, want)
	}
	if _, err := resolveTargets([]string{"nope"}); err == nil || err.Error() != "nope: no such file or directory" {
		t.Errorf("missing path: error %v", err)
	}
}

func TestPaths(t *testing.T) {
	for _, tt := range []struct{ a, b, common string }{
		{"/w/x/a", "/w/x/b", "/w/x"},
		{"/w/x", "/w/x/b", "/w/x"},
		{"/w/x/b", "/w/x", "/w/x"},
		{"/w/xa", "/w/xb", "/w"},
		{"/a", "/b", "/"},
	} {
		if got := commonDir(tt.a, tt.b); got != tt.common {
			t.Errorf("commonDir(%s, %s) = %s, want %s", tt.a, tt.b, got, tt.common)
		}
	}
	for _, tt := range []struct{ cwd, root, want string }{
		{"/w", "/w", ""},
		{"/w", "/w/testdata/example", "testdata/example/"},
		{"/w/sub", "/w/other", "../other/"},
		{"", "/w", "/w/"},
	} {
		if got := displayPrefix(tt.cwd, tt.root); got != tt.want {
			t.Errorf("displayPrefix(%s, %s) = %q, want %q", tt.cwd, tt.root, got, tt.want)
		}
	}
}

func TestUnknownNameSuggestsTheSameShape(t *testing.T) {
	k := analysis.New().KB()
	const unknown = "is not a finding code, a license id or a model fineprint knows"
	for typed, want := range map[string]string{
		"scale-threshold":       "; did you mean clause/scale-threshold?",
		"clause/atribution":     "; did you mean clause/attribution?",
		"Gema":                  "; did you mean gemma?",
		"apache2.0":             "; did you mean apache-2.0?",
		"foo":                   " (fineprint explain with no argument lists them)",
		"sirius-labs/orbit-7b":  ": its license cannot be resolved offline; read its model card on the Hub",
		"made-up-model:7b-q4_0": ": its license cannot be resolved offline; read its model card on the Hub",
	} {
		if got, want := unknownName(typed, k), fmt.Sprintf("%q %s%s", typed, unknown, want); got != want {
			t.Errorf("unknownName(%q) = %q, want %q", typed, got, want)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, tt := range []struct {
		args     []string
		exit     int
		contains string
	}{
		{[]string{"check", "--help"}, 0, "usage: fineprint check"},
		{[]string{"explain", "--help"}, 0, "usage: fineprint explain"},
		{[]string{"version"}, 0, "fineprint "},
		{[]string{"--help"}, 0, "fineprint check"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != tt.exit || !strings.Contains(stdout.String(), tt.contains) || stderr.Len() != 0 {
			t.Errorf("run(%q) = %d, stdout %q, stderr %q; want %d and stdout containing %q", tt.args, code, stdout.String(), stderr.String(), tt.exit, tt.contains)
		}
	}
	for _, args := range [][]string{nil, {"frobnicate"}, {"explain", "a", "b"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 || stdout.Len() != 0 || stderr.Len() == 0 {
			t.Errorf("run(%q) = %d, stdout %q, stderr %q; want 2 and a message on stderr", args, code, stdout.String(), stderr.String())
		}
	}
}

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	quiet := newProgress(&buf) // a buffer is not a terminal
	quiet.update(1)
	quiet.done()
	if buf.Len() != 0 {
		t.Errorf("progress on a non-terminal wrote %q", buf.String())
	}
	// A scan that started long ago shows the count, then clears the line.
	long := &progress{w: &buf, start: time.Now().Add(-time.Hour)}
	long.update(41)
	long.done()
	if want := "\rfineprint: scanned 41 files…\r\033[K"; buf.String() != want {
		t.Errorf("progress wrote %q, want %q", buf.String(), want)
	}
	// A scan that just started shows nothing.
	buf.Reset()
	short := &progress{w: &buf, start: time.Now().Add(time.Hour)}
	short.update(1)
	short.done()
	if buf.Len() != 0 {
		t.Errorf("a short scan wrote %q", buf.String())
	}
}

// TestExplainWithoutArgumentListsEverything: `fineprint explain` alone
// lists every code and every license id it can explain.
func TestExplainWithoutArgumentListsEverything(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runExplain(nil, &out, &errOut); code != 0 || errOut.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	k := analysis.New().KB()
	for _, r := range k.Rules {
		if !strings.Contains(out.String(), "\n  "+r.Code+" ") {
			t.Errorf("the list lacks code %s", r.Code)
		}
	}
	for _, l := range k.Licenses {
		if !strings.Contains(out.String(), "\n  "+l.ID+" ") {
			t.Errorf("the list lacks license %s", l.ID)
		}
	}
}
