package analysis

import (
	"fmt"
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
	if len(fs) <= max {
		return fs, 0
	}
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return int(fs[a].Severity) - int(fs[b].Severity) })
	keep := idx[:max]
	slices.Sort(keep)
	out := make([]Finding, len(keep))
	for i, k := range keep {
		out[i] = fs[k]
	}
	return out, len(fs) - max
}
