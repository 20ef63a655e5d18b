package analysis

// This file compares the workspace with fineprint.lock (DESIGN section 6).

// recordFindings reports licenses and policies not recorded, or changed
// since they were recorded.
func (a *Analyzer) recordFindings(s *Snapshot, files map[string]*fileResult, res *Result) []Finding {
	return nil
}
