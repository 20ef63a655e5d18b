package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// What `go version -m` prints for a release binary, shortened.
// (debug.ParseBuildInfo skips the "go" line: GoVersion is set below.)
const buildInfoText = "path\tgithub.com/fineprint-dev/fineprint/cmd/fineprint\n" +
	"mod\tgithub.com/fineprint-dev/fineprint\t(devel)\t\n" +
	"dep\tgithub.com/google/licensecheck\tv0.3.1\th1:QoxgoDkaeC4nFrtGN1jV7IPmDCHFNIVh54e5hSt6sPs=\n" +
	"dep\tgo.uber.org/zap\tv1.28.0\n" +
	"=>\texample.com/fork/zap\tv1.28.1\th1:abc=\n" +
	"build\tGOOS=darwin\n" +
	"build\tGOARCH=arm64\n" +
	"build\tvcs.revision=7904e3e9da3f3a1a4e1b67b3b36947fc728b0689\n" +
	"build\tvcs.time=2026-12-04T20:12:00Z\n"

func TestFromBuildInfo(t *testing.T) {
	info, err := debug.ParseBuildInfo(buildInfoText)
	if err != nil {
		t.Fatal(err)
	}
	info.GoVersion = "go1.26.8"
	got, err := json.Marshal(fromBuildInfo(info, "v0.2.0"))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,` +
		`"metadata":{"timestamp":"2026-12-04T20:12:00Z","tools":{"components":[{"type":"application","name":"fineprint packaging/sbom"}]},` +
		`"component":{"type":"application","bom-ref":"pkg:golang/github.com/fineprint-dev/fineprint@v0.2.0?type=module","name":"github.com/fineprint-dev/fineprint","version":"v0.2.0","purl":"pkg:golang/github.com/fineprint-dev/fineprint@v0.2.0?type=module",` +
		`"properties":[{"name":"go:GOOS","value":"darwin"},{"name":"go:GOARCH","value":"arm64"},{"name":"go:vcs.revision","value":"7904e3e9da3f3a1a4e1b67b3b36947fc728b0689"},{"name":"go:vcs.time","value":"2026-12-04T20:12:00Z"}]}},` +
		`"components":[` +
		`{"type":"library","bom-ref":"pkg:golang/std@go1.26.8?type=module","name":"std","version":"go1.26.8","purl":"pkg:golang/std@go1.26.8?type=module"},` +
		`{"type":"library","bom-ref":"pkg:golang/github.com/google/licensecheck@v0.3.1?type=module","name":"github.com/google/licensecheck","version":"v0.3.1","purl":"pkg:golang/github.com/google/licensecheck@v0.3.1?type=module","properties":[{"name":"go:sum","value":"h1:QoxgoDkaeC4nFrtGN1jV7IPmDCHFNIVh54e5hSt6sPs="}]},` +
		`{"type":"library","bom-ref":"pkg:golang/example.com/fork/zap@v1.28.1?type=module","name":"example.com/fork/zap","version":"v1.28.1","purl":"pkg:golang/example.com/fork/zap@v1.28.1?type=module","properties":[{"name":"go:sum","value":"h1:abc="}]}],` +
		`"dependencies":[{"ref":"pkg:golang/github.com/fineprint-dev/fineprint@v0.2.0?type=module","dependsOn":["pkg:golang/std@go1.26.8?type=module","pkg:golang/github.com/google/licensecheck@v0.3.1?type=module","pkg:golang/example.com/fork/zap@v1.28.1?type=module"]}]}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestBinary reads a real cross-compiled binary (a Windows one, from Linux),
// as the release script does.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "sbom.exe")
	cmd := exec.Command("go", "build", "-o", exe, ".")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=arm64", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-version", "v1.0.0", exe}, &stdout, &stderr); code != 0 {
		t.Fatalf("status %d: %s", code, stderr.String())
	}
	var b bom
	if err := json.Unmarshal(stdout.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	m := b.Metadata.Component
	if m.Name != "github.com/fineprint-dev/fineprint" || m.Version != "v1.0.0" || !strings.Contains(stdout.String(), `"value": "windows"`) {
		t.Errorf("main component %+v; want the module at v1.0.0 built for windows", m)
	}
	if len(b.Components) != 1 || b.Components[0].Name != "std" {
		t.Errorf("components %+v; want only std (the sbom command uses no other module)", b.Components)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run([]string{filepath.Join(dir, "missing")}, &stdout, &stderr); code != 1 || stdout.Len() != 0 || !strings.HasPrefix(stderr.String(), "sbom: ") {
		t.Errorf("missing binary: status %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}
