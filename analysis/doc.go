// Package analysis is fineprint's engine: it reads the license texts, model
// cards, model manifests and record of a project and says what the licenses
// of the models it builds on let it do, as findings with exact byte ranges.
//
// The package is pure Go and deterministic. It imports no language-server,
// logging or network package (a test in internal/layers keeps it so), reads
// nothing but the Snapshot it is given (and, through Snapshot.ModelCache,
// the local Hugging Face cache), and never downloads. The command line
// (cmd/fineprint), the language server (server) and the tests all drive it
// the same way.
//
// # Use
//
// Build a Snapshot (package workspace reads one from a folder, with editor
// buffers laid over the disk) and analyse it:
//
//	a := analysis.New()
//	snap, _, err := workspace.Load(root, workspace.Options{})
//	res := a.Analyze(ctx, snap)
//	for _, f := range res.Findings() {
//		fmt.Println(f.Path, f.Span, f.Severity, f.Code, f.Message)
//	}
//
// An Analyzer caches what each file yields by its bytes, so analysing the
// next snapshot (one keystroke later) re-reads only the files that changed;
// it is safe for concurrent use. Analyze stops early, with a partial result,
// when its context is cancelled.
//
// # What a result holds
//
// Result.Findings are the findings after the project's profile has decided
// their severities, sorted by path, position and code (Result.FindingsIn
// are one file's: a keystroke's result replaces the findings of the files
// it changed and shares the others with the last result). A Finding has a
// stable Code (every code is listed, with its default severity and its
// explanation, in analysis/kb/rules.yaml, from which docs/rules.md is
// generated), a Severity, a Path relative to the root with "/" separators, a
// Span of byte offsets, a one-sentence Message, the License it is about,
// machine-readable Data (read it through Finding.Facts), Related places and
// Fixes (edits that create or change files in the workspace).
//
// Result.Licenses are the licenses identified, each with its span and title
// line; Checklist answers the guide's pre-build checklist for one of them.
// Result.References are the places that name a license or a model, for
// hovers. Positions are bytes here; the adapters convert them (package
// analysis/textpos) to the UTF-16 columns that LSP, SARIF and the command
// line print.
//
// # How it works
//
// Analyze runs in four steps:
//
//  1. Each Document on its own (in parallel, cached by content): a license
//     text is identified (analysis/identify) and its clauses found
//     (analysis/clause); a card (analysis/modelcard) or a manifest
//     (analysis/manifest, analysis/gguf) says which license it declares and
//     which models it names. Files: analyzer.go, license_*.go, project.go.
//  2. The project as a whole: model references are resolved to licenses
//     (the workspace, the Hugging Face cache, the lock, the knowledge base),
//     then lineage, naming, notices, attributions, license copies, scale
//     thresholds and regions are checked. Files: project_*.go.
//  3. The record: the workspace is compared with fineprint.lock (package
//     analysis/record reads it). File: project_record.go.
//  4. Decisions: suppression comments (fineprint-ignore, suppress.go)
//     silence findings, and the profile (profile.go; .fineprint.yaml over
//     the editor settings) sets each finding's severity as rules.yaml's
//     decide: entry for its code says, then its rules: and ignore: sections
//     apply (profile_decide.go); bound.go keeps at most MaxFindingsPerCode
//     findings of a code in a file.
//
// How findings and checklists are worded (sentences, thresholds) is in
// wording.go and checklist.go; numbers and plurals come from
// internal/wording.
//
// What fineprint knows (licenses, clause patterns, model ids, rule codes and
// how each behaves) is data in package analysis/kb, not code: adding a
// license, a model id or a rule code that behaves like an existing one is a
// change to a YAML file plus a test. docs/architecture.md walks through the
// layers, the data flow and how to extend each part.
package analysis
