// Package layers holds no code, only a test of the module's import rules,
// the layering that docs/architecture.md describes:
//
//   - analysis, and every package under it, is pure: it imports no
//     go.lsp.dev package, no go.uber.org/zap and neither net nor net/http
//     (net/url is a parser and allowed), directly or through another
//     package;
//   - no package, tests included, imports a command (a package under cmd/);
//   - shipped code (non-test files) does not import "testing", directly or
//     through another package;
//   - comments cite docs/ and the code, not numbered sections of a design
//     file that is not in the repository.
//
// The test asks `go list` for the facts, so it sees exactly what the build
// sees.
package layers
