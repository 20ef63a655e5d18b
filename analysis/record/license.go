package record

// LicensesDir is the folder, relative to the workspace root, that holds a
// copy of every license file as it was recorded. The lock's hash says that
// a license changed; the copy says what changed (the diff in the hover of
// record/stale) without depending on version control.
const LicensesDir = ".fineprint/licenses"

// LicenseCopyPath is where the recorded copy of the license file at the
// workspace-relative path p lives: the same path under LicensesDir, so
// "models/llama/LICENSE" is kept at ".fineprint/licenses/models/llama/LICENSE".
func LicenseCopyPath(p string) string { return LicensesDir + "/" + p }
