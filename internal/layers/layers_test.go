package layers

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/fineprint-dev/fineprint"

type pkg struct {
	ImportPath   string
	Deps         []string // of the non-test files, transitively
	Imports      []string
	TestImports  []string
	XTestImports []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	readSources(t)
	cmd := exec.Command("go", "list", "-json=ImportPath,Deps,Imports,TestImports,XTestImports", module+"/...")
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages; want the whole module", len(pkgs))
	}
	return pkgs
}

// readSources reads every Go file of the module in this process: go test
// caches a result until a file the test opened changes, and it cannot see
// what the go list child reads.
func readSources(t *testing.T) {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	root := strings.TrimSpace(string(out))
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".go") || d.Name() == "go.mod") {
			_, err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// forbiddenInAnalysis reports why dep may not be a dependency of analysis,
// or "" when it may.
func forbiddenInAnalysis(dep string) string {
	switch {
	case dep == "go.lsp.dev" || strings.HasPrefix(dep, "go.lsp.dev/"):
		return "the protocol belongs to server/"
	case dep == "go.uber.org/zap" || strings.HasPrefix(dep, "go.uber.org/zap/"):
		return "logging belongs to server/ and cmd/"
	case dep == "net" || dep == "net/http" || strings.HasPrefix(dep, "net/http/"):
		return "the analysis never touches the network"
	}
	return ""
}

func isCommand(path string) bool { return strings.HasPrefix(path, module+"/cmd/") }

func TestLayers(t *testing.T) {
	for _, p := range listPackages(t) {
		if p.ImportPath == module+"/analysis" || strings.HasPrefix(p.ImportPath, module+"/analysis/") {
			for _, d := range p.Deps {
				if why := forbiddenInAnalysis(d); why != "" {
					t.Errorf("%s depends on %s: %s (see docs/architecture.md)", p.ImportPath, d, why)
				}
			}
		}
		for _, imports := range [][]string{p.Imports, p.TestImports, p.XTestImports} {
			for _, d := range imports {
				if isCommand(d) {
					t.Errorf("%s imports the command %s: share code through a package under internal/ instead", p.ImportPath, d)
				}
			}
		}
		for _, d := range p.Deps {
			if d == "testing" {
				t.Errorf("shipped code of %s depends on \"testing\": keep test helpers in _test.go files or take a testing.TB-like interface", p.ImportPath)
			}
		}
	}
}

// TestNoDesignSectionReferences: comments point at docs/ and code, not at
// numbered sections of a design file that is not in the repository.
func TestNoDesignSectionReferences(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	root := strings.TrimSpace(string(out))
	design := "DES" + "IGN" // spelled so that this file does not match
	checked := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		switch filepath.Ext(p) {
		case ".go", ".ts", ".lua", ".el", ".toml":
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checked++
		for i, line := range strings.Split(string(data), "\n") {
			if strings.Contains(line, design+" section") || strings.Contains(line, design+" §") || strings.Contains(line, "("+design) {
				rel, _ := filepath.Rel(root, p)
				t.Errorf("%s:%d cites the design file, which is not in the repository: point at docs/architecture.md or the code instead", rel, i+1)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked %d files; want the whole module", checked)
	}
}

func TestForbiddenInAnalysis(t *testing.T) {
	for dep, bad := range map[string]bool{
		"go.lsp.dev/protocol": true, "go.lsp.dev/jsonrpc2": true, "go.uber.org/zap": true, "go.uber.org/zap/zapcore": true,
		"net": true, "net/http": true, "net/http/httptest": true,
		"net/url": false, "go.uber.org/multierr": false, "gopkg.in/yaml.v3": false, "network": false,
	} {
		if got := forbiddenInAnalysis(dep) != ""; got != bad {
			t.Errorf("forbiddenInAnalysis(%q) = %v, want %v", dep, got, bad)
		}
	}
}
