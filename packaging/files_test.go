// Package packaging holds no code: its test checks that the files through
// which fineprint ships (action.yml, .pre-commit-hooks.yaml, the Mason package,
// the release workflow) agree with each other and with packaging/release.sh.
// .ci/ship.sh runs them for real.
package packaging

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func readYAML(t *testing.T, name string, v any) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(data)
}

// releasePlatforms is the default platform list of release.sh.
func releasePlatforms(t *testing.T) []string {
	data, err := os.ReadFile("release.sh")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^platforms="([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal(`release.sh has no platforms="..." line`)
	}
	return strings.Fields(string(m[1]))
}

func TestActionInputsReachTheScripts(t *testing.T) {
	var action struct {
		Inputs  map[string]struct{ Default string } `yaml:"inputs"`
		Outputs map[string]struct{ Value string }   `yaml:"outputs"`
		Runs    struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID   string            `yaml:"id"`
				Run  string            `yaml:"run"`
				Uses string            `yaml:"uses"`
				Env  map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	readYAML(t, "action.yml", &action)
	if action.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", action.Runs.Using)
	}
	used := map[string]bool{}
	ids := map[string]bool{}
	scriptRef := regexp.MustCompile(`^bash "\$GITHUB_ACTION_PATH/(packaging/action/[a-z-]+\.sh)"$`)
	for _, s := range action.Runs.Steps {
		ids[s.ID] = true
		for name, value := range s.Env {
			for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(value, -1) {
				used[m[1]] = true
			}
			if !strings.HasPrefix(name, "FINEPRINT") {
				t.Errorf("step %s: env %s: want FINEPRINT* names, which the scripts document", s.ID, name)
			}
		}
		if s.Run == "" {
			continue
		}
		m := scriptRef.FindStringSubmatch(strings.TrimSpace(s.Run))
		if m == nil {
			t.Errorf("step %s runs %q; want one script of packaging/action, so that .ci/ship.sh tests what runs", s.ID, s.Run)
			continue
		}
		script, err := os.ReadFile(filepath.Join("..", m[1]))
		if err != nil {
			t.Errorf("step %s: %v", s.ID, err)
			continue
		}
		for name := range s.Env {
			if !strings.Contains(string(script), name) {
				t.Errorf("step %s sets %s, which %s never reads", s.ID, name, m[1])
			}
		}
	}
	var inputs []string
	for name := range action.Inputs {
		inputs = append(inputs, name)
		if !used[name] {
			t.Errorf("input %s reaches no step", name)
		}
	}
	sort.Strings(inputs)
	if want := "build-from-source config fail-on paths sarif-file version"; strings.Join(inputs, " ") != want {
		t.Errorf("inputs %v; want %s (documented in docs/ci.md)", inputs, want)
	}
	for name, o := range action.Outputs {
		m := regexp.MustCompile(`steps\.([a-z-]+)\.outputs`).FindStringSubmatch(o.Value)
		if m == nil || !ids[m[1]] {
			t.Errorf("output %s = %q names no step", name, o.Value)
		}
	}
}

func TestPreCommitHook(t *testing.T) {
	var hooks []map[string]any
	readYAML(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	want := map[string]any{"id": "fineprint", "entry": "fineprint check", "language": "golang", "require_serial": true}
	for k, v := range want {
		if h[k] != v {
			t.Errorf("%s = %v, want %v", k, h[k], v)
		}
	}
	// language golang runs `go install ./...` in the repository: the entry's
	// program is the binary of cmd/fineprint.
	if _, err := os.Stat(filepath.Join("..", "cmd", "fineprint", "main.go")); err != nil {
		t.Error(err)
	}
}

func TestMasonAssetsAreReleaseFiles(t *testing.T) {
	var pkg struct {
		Name   string `yaml:"name"`
		Source struct {
			ID    string `yaml:"id"`
			Asset []struct {
				Target, File, Bin string
			} `yaml:"asset"`
		} `yaml:"source"`
		Bin map[string]string `yaml:"bin"`
	}
	readYAML(t, "packaging/mason/package.yaml", &pkg)
	if !regexp.MustCompile(`^pkg:github/fineprint-dev/fineprint@v\d+\.\d+\.\d+$`).MatchString(pkg.Source.ID) {
		t.Errorf("source.id %q; want pkg:github/fineprint-dev/fineprint@vX.Y.Z", pkg.Source.ID)
	}
	mason := map[string]string{"linux/amd64": "linux_x64", "linux/arm64": "linux_arm64", "darwin/amd64": "darwin_x64",
		"darwin/arm64": "darwin_arm64", "windows/amd64": "win_x64", "windows/arm64": "win_arm64"}
	want := map[string]string{}
	for _, p := range releasePlatforms(t) {
		goos, goarch, _ := strings.Cut(p, "/")
		file := "fineprint_" + goos + "_" + goarch + ".tar.gz"
		if goos == "windows" {
			file = "fineprint_" + goos + "_" + goarch + ".zip"
		}
		want[mason[p]] = file
	}
	got := map[string]string{}
	for _, a := range pkg.Source.Asset {
		got[a.Target] = a.File
		wantBin := "fineprint"
		if strings.HasPrefix(a.Target, "win_") {
			wantBin = "fineprint.exe"
		}
		if a.Bin != wantBin {
			t.Errorf("%s: bin %q, want %q", a.Target, a.Bin, wantBin)
		}
	}
	if len(got) != len(want) {
		t.Errorf("targets %v; want %v", got, want)
	}
	for target, file := range want {
		if got[target] != file {
			t.Errorf("%s: file %q, want %q (release.sh's name)", target, got[target], file)
		}
	}
	if pkg.Bin["fineprint"] != "{{source.asset.bin}}" {
		t.Errorf("bin %v; want fineprint: {{source.asset.bin}}", pkg.Bin)
	}
}

func TestReleaseWorkflow(t *testing.T) {
	var wf struct {
		On struct {
			Push struct{ Tags []string } `yaml:"push"`
		} `yaml:"on"`
		Jobs map[string]struct {
			Steps []struct{ Run string } `yaml:"steps"`
		} `yaml:"jobs"`
	}
	text := readYAML(t, ".github/workflows/release.yml", &wf)
	if len(wf.On.Push.Tags) != 1 || wf.On.Push.Tags[0] != "v[0-9]*" {
		t.Errorf("on.push.tags %v; want [v[0-9]*]", wf.On.Push.Tags)
	}
	for _, s := range []string{"packaging/release.sh --out dist", "./package-platforms.sh ../../dist", "dist/checksums.txt"} {
		if !strings.Contains(text, s) {
			t.Errorf("release.yml lacks %q", s)
		}
	}
}
