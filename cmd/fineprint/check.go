package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"github.com/fineprint-dev/fineprint/internal/wording"
	"github.com/fineprint-dev/fineprint/report"
	"github.com/fineprint-dev/fineprint/workspace"
)

const checkUsage = `usage: fineprint check [--format text|json|sarif|cyclonedx] [--fail-on error|warning|information|hint|never] [--config FILE] [PATH...]

Checks the license files, model cards and model manifests under each PATH
(default "."). A folder is checked as a workspace whose root is that folder.
A file is checked as part of its project, the nearest folder with a
.fineprint.yaml, fineprint.lock or .git from the file's folder up to the
current folder: the whole project is read, and only the named files' findings
are reported. A file outside any project is checked alone, relative to the
current folder when it lies inside it, else to its own folder.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.
`

// openFile opens the files a check reads; tests substitute it to make a
// file unreadable when they run as root.
var openFile = os.Open

// usageError is a bad command line: exit 2 with its message.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

type checkFlags struct {
	format string
	failOn analysis.Severity // SeverityOff for "never"
	config string
	paths  []string
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	cf, err := parseCheckFlags(args)
	if code, done := flagsDone("check", checkUsage, err, stdout, stderr); done {
		return code
	}
	return check(cf, stdout, stderr)
}

// parseCheckFlags reads flags and paths in any order ("check . --format json").
func parseCheckFlags(args []string) (checkFlags, error) {
	cf := checkFlags{}
	var format, failOn string
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.StringVar(&format, "format", "text", "")
	fl.StringVar(&failOn, "fail-on", "error", "")
	fl.StringVar(&cf.config, "config", "", "")
	for {
		if err := fl.Parse(args); err != nil {
			return cf, err
		}
		args = fl.Args()
		if len(args) == 0 {
			break
		}
		cf.paths = append(cf.paths, args[0])
		args = args[1:]
	}
	switch format {
	case "text", "json", "sarif", "cyclonedx":
		cf.format = format
	default:
		return cf, usageError{fmt.Sprintf("--format %s: want text, json, sarif or cyclonedx", format)}
	}
	switch failOn {
	case "never":
		cf.failOn = analysis.SeverityOff
	case "error", "warning", "information", "hint":
		cf.failOn, _ = analysis.ParseSeverity(failOn)
	default:
		return cf, usageError{fmt.Sprintf("--fail-on %s: want error, warning, information, hint or never", failOn)}
	}
	if len(cf.paths) == 0 {
		cf.paths = []string{"."}
	}
	return cf, nil
}

// target is one workspace to check: a folder, some files of a folder, or
// some files of a project.
type target struct {
	root  string   // absolute
	files []string // root-relative; nil means the whole folder
	// only, when set, is the root-relative files whose findings are
	// reported; the whole folder is read for their context.
	only []string
}

// checked is one target's outcome.
type checked struct {
	snap  *analysis.Snapshot
	res   *analysis.Result
	skips []workspace.Skip
	files int // the files checked, of snap.Docs
}

func check(cf checkFlags, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "fineprint: check: %s\n", report.Escape(err.Error()))
		return 2
	}
	targets, err := resolveTargets(cf.paths)
	if err != nil {
		return fail(err)
	}
	var config *analysis.Profile
	if cf.config != "" {
		p, err := readConfig(cf.config)
		if err != nil {
			return fail(err)
		}
		config = &p
	}
	// No warm-up: licensecheck's full set-up (0.7 s, 100 MB) is paid only
	// when a license text is not one of the common standard licenses
	// (analysis/identify/standard.go), so a check of a project with an MIT
	// LICENSE starts and ends in a few milliseconds.
	a := analysis.New()
	prog := newProgress(stderr)
	ctx, stop := interruptible()
	defer stop()
	var all []checked
	dropped := 0
	for _, t := range targets {
		c, err := checkTarget(ctx, a, t, config, prog)
		if err != nil {
			prog.done()
			return fail(err)
		}
		all = append(all, c)
		dropped += c.res.Dropped
	}
	prog.done()
	snap, res, skips := merge(all)
	cwd, _ := os.Getwd()
	opts := report.Options{Analyzer: a, PathPrefix: displayPrefix(cwd, snap.Root), Version: versionString()}
	for _, c := range all {
		opts.Checked += c.files
	}
	if opts.Checked == 0 {
		opts.Checked = -1 // none, rather than every document
	}
	ioErrors, skipped := splitSkips(skips)
	opts.Skips = skipped
	if err := render(cf.format, stdout, res, snap, opts); err != nil {
		return fail(err)
	}
	for _, s := range ioErrors {
		fmt.Fprintf(stderr, "fineprint: check: %s: %s\n", report.Escape(opts.PathPrefix+s.Path), report.Escape(s.Reason))
	}
	if dropped > 0 {
		fmt.Fprintf(stderr, "fineprint: check: %s past the workspace limit (limits.findings in %s) %s left out, the least severe first\n",
			wording.Count(dropped, "finding"), analysis.ProfileFile, wording.Pick(dropped, "was", "were"))
	}
	switch {
	case len(ioErrors) > 0:
		return 2
	case failing(res.Findings(), cf.failOn):
		return 1
	}
	return 0
}

// splitSkips separates files that could not be read, which make the exit
// status 2, from files left out on purpose, which the text output lists.
func splitSkips(skips []workspace.Skip) (ioErrors, skipped []workspace.Skip) {
	for _, s := range skips {
		if s.IOError {
			ioErrors = append(ioErrors, s)
		} else {
			skipped = append(skipped, s)
		}
	}
	return ioErrors, skipped
}

func render(format string, w io.Writer, res *analysis.Result, snap *analysis.Snapshot, opts report.Options) error {
	switch format {
	case "json":
		return report.JSON(w, res, snap, opts)
	case "sarif":
		return report.SARIF(w, res, snap, opts)
	case "cyclonedx":
		return report.CycloneDX(w, res, snap, opts)
	}
	return report.Text(w, res, snap, opts)
}

func failing(fs []analysis.Finding, failOn analysis.Severity) bool {
	for _, f := range fs {
		if f.Severity.AtLeast(failOn) {
			return true
		}
	}
	return false
}

// resolveTargets turns PATH arguments into workspaces: a folder is its own
// root; files are grouped under their project's root when they are in one
// (see projectRoot), else under the current folder when they lie inside it,
// else under their own folder.
func resolveTargets(paths []string) ([]target, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	var targets []target
	byRoot := map[string]int{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", p, reason(err))
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if info.IsDir() {
			if _, dup := byRoot["dir:"+abs]; !dup {
				byRoot["dir:"+abs] = len(targets)
				targets = append(targets, target{root: abs})
			}
			continue
		}
		stop := filepath.Dir(abs)
		if inside(cwd, abs) {
			stop = cwd
		}
		if root, ok := projectRoot(filepath.Dir(abs), stop); ok {
			key := "project:" + root
			i, ok := byRoot[key]
			if !ok {
				i = len(targets)
				byRoot[key] = i
				targets = append(targets, target{root: root, only: []string{}})
			}
			rel, _ := filepath.Rel(root, abs)
			targets[i].only = append(targets[i].only, filepath.ToSlash(rel))
			continue
		}
		root := cwd
		if !inside(cwd, abs) {
			root = filepath.Dir(abs)
		}
		rel, _ := filepath.Rel(root, abs)
		i, ok := byRoot[root]
		if !ok {
			i = len(targets)
			byRoot[root] = i
			targets = append(targets, target{root: root, files: []string{}})
		}
		targets[i].files = append(targets[i].files, filepath.ToSlash(rel))
	}
	return targets, nil
}

// projectMarkers name the files whose folder is a project's root.
var projectMarkers = []string{analysis.ProfileFile, "fineprint.lock", ".git"}

// projectRoot is the nearest folder from dir up to stop (inclusive) that
// holds one of the projectMarkers: a file checked on its own (by a pre-commit
// hook, say) is read with its project, so that its NOTICE, README and profile
// count. The search ends at stop, the current folder, so that a home folder
// kept in git does not turn a check of one file into a scan of the home.
func projectRoot(dir, stop string) (string, bool) {
	for {
		for _, m := range projectMarkers {
			if _, err := os.Lstat(filepath.Join(dir, m)); err == nil {
				return dir, true
			}
		}
		parent := filepath.Dir(dir)
		if dir == stop || parent == dir {
			return "", false
		}
		dir = parent
	}
}

func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func checkTarget(ctx context.Context, a *analysis.Analyzer, t target, config *analysis.Profile, prog *progress) (checked, error) {
	// The walk applies the workspace profile's ignore globs and limits
	// itself; a --config profile replaces the workspace's, globs and limits
	// included.
	opts := workspace.Options{Open: openFile, Progress: prog.update, Context: ctx, Retain: a.Retains}
	if config != nil {
		opts.ExternalProfile, opts.Ignore = true, config.Ignore
		opts.MaxFiles, opts.MaxBytes = config.Limits.MaxFiles(), config.Limits.MaxBytes()
		opts.Include = config.Include
	}
	var (
		snap  *analysis.Snapshot
		skips []workspace.Skip
		err   error
	)
	if t.files == nil {
		snap, skips, err = workspace.Load(t.root, opts)
	} else {
		snap, skips, err = workspace.LoadFiles(t.root, t.files, opts)
	}
	if err != nil {
		return checked{}, err
	}
	if config != nil {
		// --config replaces the workspace's own profile.
		snap.Docs = withoutProfile(snap.Docs)
		snap.Settings = config
	}
	res := a.Analyze(ctx, snap)
	if err := ctx.Err(); err != nil {
		return checked{}, err
	}
	named := t.only
	if named == nil {
		// Files read on their own (LoadFiles): the snapshot also holds their
		// projects' README, NOTICE and license files, for the project rules.
		named = t.files
	}
	if named == nil {
		return checked{snap: snap, res: res, skips: skips, files: len(snap.Docs)}, nil
	}
	res, skips = onlyFiles(res, skips, named)
	n := 0
	for _, d := range snap.Docs {
		if slices.Contains(named, d.Path) {
			n++
		}
	}
	return checked{snap: snap, res: res, skips: skips, files: n}, nil
}

// onlyFiles keeps what concerns the named files: their findings, licenses,
// references and skips. The snapshot keeps every file, for the places that
// findings point to in other files.
func onlyFiles(res *analysis.Result, skips []workspace.Skip, files []string) (*analysis.Result, []workspace.Skip) {
	named := map[string]bool{}
	for _, f := range files {
		named[f] = true
	}
	out := *res
	out.Licenses, out.References = nil, nil
	var fs []analysis.Finding
	for _, f := range res.Findings() {
		if named[f.Path] {
			fs = append(fs, f)
		}
	}
	out.SetFindings(fs)
	for _, l := range res.Licenses {
		if named[l.Path] {
			out.Licenses = append(out.Licenses, l)
		}
	}
	for _, r := range res.References {
		if named[r.Path] {
			out.References = append(out.References, r)
		}
	}
	out.Models = nil
	for _, m := range res.Models {
		m.Locations = slices.DeleteFunc(slices.Clone(m.Locations), func(l analysis.Location) bool { return !named[l.Path] })
		if len(m.Locations) > 0 {
			out.Models = append(out.Models, m)
		}
	}
	var kept []workspace.Skip
	for _, s := range skips {
		if named[s.Path] {
			kept = append(kept, s)
		}
	}
	return &out, kept
}

func withoutProfile(docs []analysis.Document) []analysis.Document {
	out := docs[:0:0]
	for _, d := range docs {
		if d.Kind != analysis.KindProfile {
			out = append(out, d)
		}
	}
	return out
}

// readConfig reads the profile named by --config; any problem with it is a
// usage error, since the user asked for that file.
func readConfig(name string) (analysis.Profile, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return analysis.Profile{}, fmt.Errorf("%s: %s", name, reason(err))
	}
	p, problems := analysis.ParseProfile(name, data)
	if len(problems) > 0 {
		pos := textpos.NewIndex(data).Position(problems[0].Span.Start)
		return analysis.Profile{}, fmt.Errorf("%s:%d:%d: %s", name, pos.Line+1, pos.Column+1, problems[0].Message)
	}
	return p, nil
}

// merge joins the results of several workspaces into one, rooted at their
// common folder, with paths made relative to it.
func merge(all []checked) (*analysis.Snapshot, *analysis.Result, []workspace.Skip) {
	if len(all) == 1 {
		return all[0].snap, all[0].res, all[0].skips
	}
	root := all[0].snap.Root
	for _, c := range all[1:] {
		root = commonDir(root, c.snap.Root)
	}
	snap := &analysis.Snapshot{Root: root}
	res := &analysis.Result{}
	var fs []analysis.Finding
	var skips []workspace.Skip
	for _, c := range all {
		rel, _ := filepath.Rel(root, c.snap.Root)
		prefix := func(p string) string { return path.Join(filepath.ToSlash(rel), p) }
		for _, d := range c.snap.Docs {
			d.Path = prefix(d.Path)
			snap.Docs = append(snap.Docs, d)
		}
		for _, l := range c.res.Licenses {
			l.Path = prefix(l.Path)
			res.Licenses = append(res.Licenses, l)
		}
		for _, r := range c.res.References {
			r.Path = prefix(r.Path)
			res.References = append(res.References, r)
		}
		for _, f := range c.res.Findings() {
			fs = append(fs, prefixFinding(f, prefix))
		}
		for _, s := range c.skips {
			s.Path = prefix(s.Path)
			skips = append(skips, s)
		}
	}
	sort.SliceStable(snap.Docs, func(i, j int) bool { return snap.Docs[i].Path < snap.Docs[j].Path })
	sort.SliceStable(res.Licenses, func(i, j int) bool { return res.Licenses[i].Path < res.Licenses[j].Path })
	analysis.SortFindings(fs)
	res.SetFindings(fs)
	return snap, res, skips
}

func prefixFinding(f analysis.Finding, prefix func(string) string) analysis.Finding {
	f.Path = prefix(f.Path)
	f.Related = append([]analysis.Related(nil), f.Related...)
	for i := range f.Related {
		f.Related[i].Path = prefix(f.Related[i].Path)
	}
	fixes := make([]analysis.Fix, len(f.Fixes))
	for i, fix := range f.Fixes {
		fix.Edits = append([]analysis.Edit(nil), fix.Edits...)
		for j := range fix.Edits {
			fix.Edits[j].Path = prefix(fix.Edits[j].Path)
		}
		fixes[i] = fix
	}
	f.Fixes = fixes
	return f
}

func commonDir(a, b string) string {
	for !inside(a, b) {
		parent := filepath.Dir(a)
		if parent == a {
			return a
		}
		a = parent
	}
	return a
}

// displayPrefix is how text output names the root: relative to the current
// folder when it can be, so that a terminal can open "dir/LICENSE:3:1".
func displayPrefix(cwd, root string) string {
	rel, err := filepath.Rel(cwd, root)
	switch {
	case cwd == "" || err != nil:
		return filepath.ToSlash(root) + "/"
	case rel == ".":
		return ""
	}
	return filepath.ToSlash(rel) + "/"
}

// reason is err without the path, which the message names already.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// progress shows "scanned N files" on a terminal when a scan takes long.
type progress struct {
	w     io.Writer // nil when stderr is not a terminal
	start time.Time
	last  time.Time
	shown bool
}

const (
	progressAfter = time.Second
	progressEvery = 100 * time.Millisecond
)

func newProgress(stderr io.Writer) *progress {
	p := &progress{start: time.Now()}
	if isTerminal(stderr) {
		p.w = stderr
	}
	return p
}

func (p *progress) update(n int) {
	if p.w == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < progressAfter || now.Sub(p.last) < progressEvery {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\rfineprint: scanned %s…", wording.Count(n, "file"))
}

// done clears the progress line, if one was shown.
func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
