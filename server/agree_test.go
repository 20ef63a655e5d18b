package server_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/internal/testbin"
)

// TestCLIServerAndRecordAgree runs `fineprint check`, `fineprint serve` and
// `fineprint record` on one workspace whose .fineprint.yaml ignores a
// vendored folder holding a second license and a card with an unknown
// license id: all three must see the same licenses and the same findings
// (issue 12 item 3: the server used to read the ignored folder and report 2
// licenses where the CLI reported 1).
func TestCLIServerAndRecordAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	license, err := os.ReadFile(filepath.Join("..", "testdata", "example", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for name, text := range map[string]string{
		".fineprint.yaml":  "ignore:\n  - \"vendor/**\"\n",
		"LICENSE":          string(license),
		"vendor/LICENSE":   string(license),
		"vendor/README.md": "---\nlicense: nonsense-id\n---\n# Vendored model\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := testbin.Fineprint(t)

	// The CLI.
	out, err := exec.Command(bin, "check", "--format", "json", "--fail-on", "never", root).Output()
	if err != nil {
		t.Fatalf("fineprint check: %v", err)
	}
	var report struct {
		Licenses []struct {
			Path string `json:"path"`
		} `json:"licenses"`
		Findings []struct {
			Code string `json:"code"`
			Path string `json:"path"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("check --format json: %v\n%s", err, out)
	}
	var cliLicenses, cliFindings []string
	for _, l := range report.Licenses {
		cliLicenses = append(cliLicenses, l.Path)
	}
	for _, f := range report.Findings {
		cliFindings = append(cliFindings, f.Path+" "+f.Code)
	}
	sort.Strings(cliFindings)
	if strings.Join(cliLicenses, ",") != "LICENSE" {
		t.Fatalf("the CLI found licenses %v, want only LICENSE (vendor/ is ignored)", cliLicenses)
	}

	// The server: its scan ends with "N licenses, M findings", after every
	// diagnostic of the scan was published.
	p := startServe(t, bin, serveOptions{})
	p.initialize(t, root)
	p.notify("initialized", `{}`)
	end := p.waitFor(t, "the end of the scan", func(m message) bool {
		return m.Method == "$/progress" && strings.Contains(string(m.Params), `"kind":"end"`)
	})
	summary := regexp.MustCompile(`(\d+) licenses, (\d+) findings`).FindStringSubmatch(string(end.Params))
	if summary == nil {
		t.Fatalf("progress end %s lacks the summary", end.Params)
	}
	if want := fmt.Sprintf("%d licenses, %d findings", len(cliLicenses), len(cliFindings)); summary[0] != want {
		t.Errorf("the server's scan: %s; the CLI: %s", summary[0], want)
	}
	if got := p.publishedFindings(t, root); strings.Join(got, "\n") != strings.Join(cliFindings, "\n") {
		t.Errorf("the server published\n%s\nthe CLI found\n%s", strings.Join(got, "\n"), strings.Join(cliFindings, "\n"))
	}
	p.shutdownExit(t)

	// record.
	if out, err := exec.Command(bin, "record", root).CombinedOutput(); err != nil {
		t.Fatalf("fineprint record: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(root, "fineprint.lock"))
	if err != nil {
		t.Fatal(err)
	}
	var lock struct {
		Licenses []struct {
			Path string `json:"path"`
		} `json:"licenses"`
	}
	if err := json.Unmarshal(data, &lock); err != nil {
		t.Fatal(err)
	}
	var recorded []string
	for _, l := range lock.Licenses {
		recorded = append(recorded, l.Path)
	}
	if strings.Join(recorded, ",") != strings.Join(cliLicenses, ",") {
		t.Errorf("record wrote licenses %v; the CLI found %v", recorded, cliLicenses)
	}
}

// publishedFindings lists the last diagnostics published for every URI,
// as "path code" lines relative to root, sorted.
func (p *serveProc) publishedFindings(t *testing.T, root string) []string {
	t.Helper()
	prefix := fileURI(root) + "/"
	last := map[string][]string{}
	p.mu.Lock()
	for _, m := range p.msgs {
		if m.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var d struct {
			URI         string `json:"uri"`
			Diagnostics []struct {
				Code string `json:"code"`
			} `json:"diagnostics"`
		}
		if err := json.Unmarshal(m.Params, &d); err != nil {
			t.Errorf("publishDiagnostics: %v", err)
			continue
		}
		rel := strings.TrimPrefix(d.URI, prefix)
		last[rel] = nil
		for _, diag := range d.Diagnostics {
			last[rel] = append(last[rel], rel+" "+diag.Code)
		}
	}
	p.mu.Unlock()
	var out []string
	for _, lines := range last {
		out = append(out, lines...)
	}
	sort.Strings(out)
	return out
}
