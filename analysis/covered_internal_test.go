package analysis

import "testing"

// TestCoveredByStandard pins when clause detection may be skipped: only
// when standard licenses, unmodified and no policy, cover every byte.
func TestCoveredByStandard(t *testing.T) {
	mit := LicenseInfo{ID: "MIT", Kind: "permissive", Span: Span{0, 60}}
	apache := LicenseInfo{ID: "Apache-2.0", Kind: "permissive", Span: Span{50, 100}}
	for _, c := range []struct {
		name string
		ls   []LicenseInfo
		n    int
		want bool
	}{
		{"whole text", []LicenseInfo{mit}, 60, true},
		{"two overlapping", []LicenseInfo{apache, mit}, 100, true},
		{"title before the span", []LicenseInfo{{Kind: "permissive", Span: Span{13, 60}}}, 60, false},
		{"text after the span", []LicenseInfo{mit}, 61, false},
		{"modified", []LicenseInfo{{Kind: "permissive", Modified: true, Span: Span{0, 60}}}, 60, false},
		{"custom", []LicenseInfo{{Kind: "custom", Span: Span{0, 60}}}, 60, false},
		{"no license", nil, 60, false},
	} {
		if got := coveredByStandard(c.ls, c.n); got != c.want {
			t.Errorf("%s: coveredByStandard = %v, want %v", c.name, got, c.want)
		}
	}
}
