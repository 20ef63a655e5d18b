package kb

import "testing"

// Every dataset and package entry names a license the knowledge base
// knows and says where its facts come from.
func TestDatasetsAndPackages(t *testing.T) {
	k := Default()
	for _, d := range k.Datasets {
		if k.License(d.License) == nil {
			t.Errorf("datasets.yaml %s: license %q is not in licenses.yaml", d.ID, d.License)
		}
		if d.Source == "" {
			t.Errorf("datasets.yaml %s: no source", d.ID)
		}
	}
	for _, p := range k.Packages {
		if k.License(p.License) == nil || p.Weights != "" && k.License(p.Weights) == nil {
			t.Errorf("packages.yaml %s: license %q or weights %q is not in licenses.yaml", p.Name, p.License, p.Weights)
		}
		if p.Source == "" || p.Says == "" || p.Ecosystem != "pypi" && p.Ecosystem != "npm" {
			t.Errorf("packages.yaml %s: source, says and ecosystem (pypi or npm) are required", p.Name)
		}
	}
	for id, want := range map[string]string{
		"tatsu-lab/alpaca": "tatsu-lab/alpaca", "TATSU-LAB/Alpaca": "tatsu-lab/alpaca",
		"someone/ShareGPT_V3_unfiltered": "*/ShareGPT*", "laion/laion2B-en": "laion/laion2B-en",
		"laion/relaion2B-en-research": "laion/*", "acme/private": "",
	} {
		got := ""
		if d := k.Dataset(id); d != nil {
			got = d.ID
		}
		if got != want {
			t.Errorf("Dataset(%q) = %q, want %q", id, got, want)
		}
	}
	for _, c := range []struct{ eco, name, want string }{
		{"pypi", "Ultralytics", "ultralytics"}, {"pypi", "pymupdf", "PyMuPDF"}, {"pypi", "fitz", "PyMuPDF"},
		{"pypi", "seamless-communication", "seamless_communication"}, {"npm", "mupdf", "mupdf"}, {"npm", "ultralytics", ""},
	} {
		got := ""
		if p := k.Package(c.eco, c.name); p != nil {
			got = p.Name
		}
		if got != c.want {
			t.Errorf("Package(%s, %s) = %q, want %q", c.eco, c.name, got, c.want)
		}
	}
}
