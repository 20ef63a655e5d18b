package analysis

import (
	"fmt"
	"maps"
	"slices"

	"gopkg.in/yaml.v3"
)

// Workspace-wide caps (docs/security.md): a repository is untrusted input,
// so the files and bytes one scan reads and the findings it reports are
// bounded. The profile's "limits:" section changes them, up to MaxLimitFactor
// times the defaults (the profile comes from the repository too).
const (
	DefaultMaxFiles    = 100_000
	DefaultMaxBytes    = 512 << 20
	DefaultMaxFindings = 20_000
	MaxLimitFactor     = 10
)

// Limits is the profile's "limits" section; zero fields take the defaults.
type Limits struct {
	Files    int   `yaml:"files" json:"files,omitempty"`
	Bytes    int64 `yaml:"bytes" json:"bytes,omitempty"`
	Findings int   `yaml:"findings" json:"findings,omitempty"`
}

// MaxFiles, MaxBytes and MaxFindings are the caps in effect.
func (l Limits) MaxFiles() int    { return capAt(l.Files, DefaultMaxFiles) }
func (l Limits) MaxBytes() int64  { return capAt(l.Bytes, DefaultMaxBytes) }
func (l Limits) MaxFindings() int { return capAt(l.Findings, DefaultMaxFindings) }
func (l Limits) over(o Limits) Limits {
	if o.Files != 0 {
		l.Files = o.Files
	}
	if o.Bytes != 0 {
		l.Bytes = o.Bytes
	}
	if o.Findings != 0 {
		l.Findings = o.Findings
	}
	return l
}

func capAt[N int | int64](v, def N) N {
	if v <= 0 {
		return def
	}
	return min(v, def*MaxLimitFactor)
}

func (pp *profileParser) limits(n *yaml.Node, l *Limits) {
	if n.Kind != yaml.MappingNode {
		pp.report(n, "limits: must be a mapping (files, bytes, findings); it is ignored.")
		return
	}
	set := func(k, v *yaml.Node, def int64) int64 {
		c := pp.count(k, v)
		if c == nil {
			return 0
		}
		switch {
		case *c == 0:
			pp.report(v, fmt.Sprintf("limits.%s must be between 1 and %d; the default (%d) applies.", k.Value, def*MaxLimitFactor, def))
		case *c > def*MaxLimitFactor:
			pp.report(v, fmt.Sprintf("limits.%s must be between 1 and %d; %d applies.", k.Value, def*MaxLimitFactor, def*MaxLimitFactor))
		}
		return *c
	}
	pp.mapping(n, "limits:", map[string]func(k, v *yaml.Node){
		"files": func(k, v *yaml.Node) { l.Files = int(min(set(k, v, DefaultMaxFiles), DefaultMaxFiles*MaxLimitFactor)) },
		"bytes": func(k, v *yaml.Node) { l.Bytes = set(k, v, DefaultMaxBytes) },
		"findings": func(k, v *yaml.Node) {
			l.Findings = int(min(set(k, v, DefaultMaxFindings), DefaultMaxFindings*MaxLimitFactor))
		},
	})
}

// capFindings keeps at most max of fs, the most severe first, and returns
// them (in their order) with the number left out.
func capFindings(fs []Finding, max int) ([]Finding, int) {
	out, _ := capFindingsAt(fs, max)
	return out, len(fs) - len(out)
}

// capLine is where capFindings cut, when cut: every finding more severe
// than sev was kept, and the first n of severity sev (in order).
type capLine struct {
	cut bool
	sev Severity
	n   int
}

// capFindingsAt is capFindings with the line it cut at, in one pass over fs and
// one over its severities (lower values are more severe).
func capFindingsAt(fs []Finding, max int) ([]Finding, capLine) {
	if len(fs) <= max {
		return fs, capLine{}
	}
	line := lineOf(severityCounts(fs), max)
	return keepAbove(make([]Finding, 0, max), fs, line.sev, line.n), line
}

// keepAbove appends to out the findings of fs more severe than sev and the
// first n of severity sev.
func keepAbove(out, fs []Finding, sev Severity, n int) []Finding {
	for _, f := range fs {
		switch {
		case f.Severity < sev:
			out = append(out, f)
		case f.Severity == sev && n > 0:
			n--
			out = append(out, f)
		}
	}
	return out
}

// severityCounts counts fs by severity.
func severityCounts(fs []Finding) map[Severity]int {
	counts := map[Severity]int{}
	for _, f := range fs {
		counts[f.Severity]++
	}
	return counts
}

// lineOf is where capFindingsAt cuts findings of these counts at max.
func lineOf(counts map[Severity]int, max int) capLine {
	left := max
	for _, sv := range slices.Sorted(maps.Keys(counts)) {
		if counts[sv] > left {
			return capLine{true, sv, left}
		}
		left -= counts[sv]
	}
	return capLine{}
}
