package analysis

import (
	"strings"
	"testing"
)

func TestProfileLimits(t *testing.T) {
	p, fs := ParseProfile(ProfileFile, []byte("limits:\n  files: 500\n  bytes: 99999999999999\n  findings: 0\n  other: 1\n"))
	if p.Limits.MaxFiles() != 500 || p.Limits.MaxBytes() != DefaultMaxBytes*MaxLimitFactor || p.Limits.MaxFindings() != DefaultMaxFindings {
		t.Errorf("limits %+v: %d %d %d", p.Limits, p.Limits.MaxFiles(), p.Limits.MaxBytes(), p.Limits.MaxFindings())
	}
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, f.Message)
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"limits.bytes must be between 1 and 5368709120; 5368709120 applies.", "limits.findings must be between 1 and 200000; the default (20000) applies.", `Unknown key "other" in limits:`} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
	if (Limits{}).MaxFiles() != DefaultMaxFiles {
		t.Error("zero limits are not the defaults")
	}
}

func TestCapFindingsKeepsTheMostSevere(t *testing.T) {
	fs := []Finding{{Path: "a", Severity: SeverityHint}, {Path: "b", Severity: SeverityError}, {Path: "c", Severity: SeverityWarning}, {Path: "d", Severity: SeverityError}}
	out, dropped := capFindings(fs, 2)
	if dropped != 2 || len(out) != 2 || out[0].Path != "b" || out[1].Path != "d" {
		t.Errorf("capFindings = %+v, %d", out, dropped)
	}
}
