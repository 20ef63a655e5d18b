package analysis

// This file holds the project view (issue 4): what cards and manifests
// declare, which models the project depends on, lineage, notices.

// modelFacts is what one card or manifest declares.
type modelFacts struct{}

// analyzeModelFile reads a model card or manifest on its own.
func (a *Analyzer) analyzeModelFile(d *Document, fr *fileResult) {}

// projectFindings are the findings that need the whole workspace: lineage,
// notices, missing license copies.
func (a *Analyzer) projectFindings(s *Snapshot, files map[string]*fileResult, res *Result, p *Profile) []Finding {
	return nil
}
