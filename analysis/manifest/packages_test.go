package manifest

import (
	"fmt"
	"slices"
	"testing"
)

func TestParsePackages(t *testing.T) {
	for _, tc := range []struct {
		file, text string
		want       []string // name@start
	}{
		{"requirements.txt", "# vision\ntorch>=2.1\nultralytics==8.3.0  # YOLO\n-r base.txt\n-e .\nPyMuPDF[extra] ; python_version>'3.8'\n--index-url https://x\n",
			[]string{"torch@9", "ultralytics@20", "PyMuPDF@64"}},
		{"requirements-dev.in", "  fitz\n", []string{"fitz@2"}},
		{"environment.yml", "name: cv\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - conda-forge::ultralytics=8.3.0=py_0\n  - pip:\n    - pymupdf4llm>=0.0.17\n",
			[]string{"python@53", "ultralytics@82", "pymupdf4llm@120"}},
		{"setup.cfg", "[metadata]\nname = app\n[options]\ninstall_requires =\n    insightface>=0.7\n    numpy\n",
			[]string{"insightface@55", "numpy@76"}},
		{"pyproject.toml", "[project]\nname = \"app\"\ndescription = \"uses ultralytics\"\ndependencies = [\n  \"ultralytics>=8\",\n  \"requests\",\n]\n[project.optional-dependencies]\npdf = [\"PyMuPDF\"]\n[tool.poetry.dependencies]\npython = \"^3.10\"\naudiocraft = {version = \"^1.3\"}\n",
			[]string{"ultralytics@76", "requests@96", "PyMuPDF@149", "audiocraft@203"}},
		{"setup.py", "from setuptools import setup\nsetup(name='app', description='a YOLO app', install_requires=['ultralytics', 'numpy>=1'])\n",
			[]string{"ultralytics@92", "numpy@107"}},
		{"package.json", `{"name": "web", "dependencies": {"mupdf": "^1.3.0", "react": "18"}, "devDependencies": {"vite": "5"}}`,
			[]string{"mupdf@34", "react@53", "vite@89"}},
		{"package.json", `{"dependencies": [`, nil},
	} {
		var got []string
		for _, d := range ParsePackages(tc.file, []byte(tc.text)) {
			if tc.text[d.Start:d.End] != d.Name {
				t.Errorf("%s: %q at %d-%d holds %q", tc.file, d.Name, d.Start, d.End, tc.text[d.Start:d.End])
			}
			got = append(got, fmt.Sprintf("%s@%d", d.Name, d.Start))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.file, got, tc.want)
		}
	}
}

func FuzzParsePackages(f *testing.F) {
	f.Add(uint8(0), []byte("ultralytics==8\n-r x\n"))
	f.Add(uint8(5), []byte(`{"dependencies": {"mupdf": "1"}}`))
	f.Add(uint8(3), []byte("[options]\ninstall_requires =\n  fitz\n"))
	names := []string{"requirements.txt", "pyproject.toml", "setup.py", "setup.cfg", "environment.yml", "package.json"}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		for _, d := range ParsePackages(names[int(which)%len(names)], data) {
			if d.Start < 0 || d.End > len(data) || string(data[d.Start:d.End]) != d.Name {
				t.Fatalf("%q at %d-%d", d.Name, d.Start, d.End)
			}
		}
	})
}
