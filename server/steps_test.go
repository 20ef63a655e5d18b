package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"golang.org/x/tools/txtar"

	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"github.com/fineprint-dev/fineprint/internal/fetch"
	"github.com/fineprint-dev/fineprint/internal/recorder"
)

// TestSteps runs every testdata/lsp/steps/*.txtar: a workspace and a
// sequence of steps, each a list of actions followed by what the editor
// shows. It is for behaviour that unfolds over time (record, edit, see the
// record go stale, apply the fix, see it clear), which the one-shot
// workspaces of TestWorkspaces cannot express. Sections:
//
//	PATH            a workspace file
//	policy          the text the fake network serves for every policy URL
//	0.want          the diagnostics after the first scan
//	N.do            the actions of step N (N = 1, 2, ...), one a line:
//	                  command NAME [ARG]    workspace/executeCommand, prints the answer
//	                  write PATH            writes N.write/PATH to disk, then didChangeWatchedFiles
//	                  remove PATH           removes PATH, then didChangeWatchedFiles
//	                  offline | online      makes the fake network fail or serve `policy`
//	                  serve                 serves N.policy from now on
//	                  actions PATH:L:C      lists the code actions there
//	                  apply PATH:L:C N      applies the N-th (1-based) of them as an editor would:
//	                                        its edit on disk (and didChangeWatchedFiles), or its command
//	                  change PATH:L:C       prints what the hover there says changed (dates, hashes, diff)
//	N.write/PATH    the text written by "write PATH" in step N
//	N.want          the output of the actions, then "--", then every
//	                diagnostic published once the step's analysis is done
//
// The queries (actions, apply, change) first wait for the analysis of what
// the step did before them.
//
// Commands fineprint.record and fineprint.recordPolicy run the real
// recorder, dated 2026-11-02 12:00 UTC; fixes carry today's date, printed
// as TODAY. -update rewrites the N.want sections.
func TestSteps(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "lsp", "steps", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no testdata/lsp/steps/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runSteps(t, file)
		})
	}
}

var stepsRecordTime = time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)

// fakeNetwork serves one policy text for every URL, or fails as if offline.
type fakeNetwork struct {
	mu      sync.Mutex
	body    string
	offline bool
}

func (n *fakeNetwork) RoundTrip(r *http.Request) (*http.Response, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.offline || n.body == "" {
		return nil, errors.New("network is unreachable")
	}
	return &http.Response{StatusCode: http.StatusOK, Status: "200 OK", Header: http.Header{}, Request: r,
		Body: io.NopCloser(strings.NewReader(n.body)), ContentLength: int64(len(n.body))}, nil
}

func (n *fakeNetwork) set(offline bool) {
	n.mu.Lock()
	n.offline = offline
	n.mu.Unlock()
}

type stepRunner struct {
	t        *testing.T
	c        *testClient
	root     string
	sections map[string][]byte
	syncURI  protocol.DocumentURI
	syncVer  int32
	net      *fakeNetwork
	out      strings.Builder
}

func runSteps(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r := &stepRunner{t: t, sections: map[string][]byte{}, root: t.TempDir(), net: &fakeNetwork{}}
	disk := map[string][]byte{}
	for _, f := range ar.Files {
		if isStepSection(f.Name) {
			r.sections[f.Name] = f.Data
		} else {
			disk[f.Name] = f.Data
		}
	}
	r.net.body = string(r.sections["policy"])
	writeFiles(t, r.root, disk)
	fo := fetch.Options{Client: &http.Client{Transport: r.net}}
	commands := map[string]Command{
		CommandRecord: func(ctx context.Context, root string, args []any) (any, error) {
			rep, err := recorder.RecordFolder(ctx, root, recorder.Options{Now: stepsRecordTime})
			return fmt.Sprintf("wrote %v", rep.Written), err
		},
		CommandRecordPolicy: func(ctx context.Context, root string, args []any) (any, error) {
			url, _ := argString(args)
			out, err := recorder.RecordPolicy(ctx, root, url, recorder.Options{Now: stepsRecordTime, FetchOptions: fo})
			return fmt.Sprintf("wrote %v, %d failed, created %q", out.Written, len(out.Failures), out.Created), err
		},
	}
	r.c = startClient(t, clientOptions{root: r.root, settings: map[string]any{"debounceMs": 0}, caps: fullCaps(),
		server: Options{Commands: commands}})
	r.c.initialized()
	r.c.waitScan(1)
	r.syncURI, r.syncVer = "untitled:fineprint-steps-sync", 1
	r.c.open(string(r.syncURI), r.syncVer, "sync\n")
	r.c.waitVersion(r.syncURI, r.syncVer)

	got := map[string]string{"0.want": r.diagnostics()}
	for step := 1; ; step++ {
		n := strconv.Itoa(step)
		do, ok := r.sections[n+".do"]
		if !ok {
			break
		}
		r.out.Reset()
		for _, action := range lines(do) {
			r.run(n, action)
		}
		r.sync()
		got[n+".want"] = r.out.String() + "--\n" + r.diagnostics()
	}
	if code := r.c.shutdown(); code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
	compareSteps(t, file, ar, got)
}

func isStepSection(name string) bool {
	if name == "policy" {
		return true
	}
	head, _, _ := strings.Cut(name, ".")
	_, err := strconv.Atoi(head)
	return err == nil
}

func argString(args []any) (string, bool) {
	if len(args) == 0 {
		return "", false
	}
	s, ok := args[0].(string)
	return s, ok
}

// sync waits until an analysis started after everything the step did has
// been published: the sync buffer's new version is analysed by such a run,
// and its URI sorts after every file: URI, so its publication comes last.
func (r *stepRunner) sync() {
	r.syncVer++
	r.c.change(string(r.syncURI), r.syncVer, "sync\n")
	r.c.waitVersion(r.syncURI, r.syncVer)
}

func (r *stepRunner) diagnostics() string {
	return r.normalize(r.c.diagnosticLines()) + "\n"
}

// normalize replaces today's date, which fixes are dated with.
func (r *stepRunner) normalize(s string) string {
	return strings.ReplaceAll(s, time.Now().UTC().Format("2006-01-02"), "TODAY")
}

func (r *stepRunner) printf(format string, args ...any) {
	r.out.WriteString(r.normalize(fmt.Sprintf(format, args...)))
}

func (r *stepRunner) run(step, action string) {
	t := r.t
	verb, rest, _ := strings.Cut(action, " ")
	switch verb {
	case "command":
		name, arg, _ := strings.Cut(rest, " ")
		var args []any
		if arg != "" {
			args = []any{arg}
		}
		r.command(name, args)
	case "write":
		data, ok := r.sections[step+".write/"+rest]
		if !ok {
			t.Fatalf("step %s: no section %s.write/%s", step, step, rest)
		}
		writeFiles(t, r.root, map[string][]byte{rest: data})
		r.watched(protocol.FileChangeTypeChanged, rest)
	case "remove":
		if err := os.Remove(filepath.Join(r.root, filepath.FromSlash(rest))); err != nil {
			t.Fatal(err)
		}
		r.watched(protocol.FileChangeTypeDeleted, rest)
	case "offline", "online":
		r.net.set(verb == "offline")
	case "serve":
		r.net.mu.Lock()
		r.net.body = string(r.sections[step+".policy"])
		r.net.mu.Unlock()
	case "actions":
		r.sync()
		for i, a := range r.actions(rest) {
			r.printf("action %d: %s\n", i+1, a.describe(r))
		}
	case "apply":
		r.sync()
		at, nth, _ := strings.Cut(rest, " ")
		i, err := strconv.Atoi(nth)
		actions := r.actions(at)
		if err != nil || i < 1 || i > len(actions) {
			t.Fatalf("step %s: %q: no such action among %d", step, action, len(actions))
		}
		r.apply(actions[i-1])
	case "change":
		r.sync()
		r.printf("change at %s:\n%s", rest, r.changeHover(rest))
	default:
		t.Fatalf("step %s: unknown action %q", step, action)
	}
}

func (r *stepRunner) command(name string, args []any) {
	raw, err := r.c.call(protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: name, Arguments: args})
	if err != nil {
		r.printf("command %s: error: %v\n", name, err)
		return
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	r.printf("command %s: %s\n", name, s)
}

func (r *stepRunner) watched(typ protocol.FileChangeType, paths ...string) {
	var evs []*protocol.FileEvent
	for _, p := range paths {
		evs = append(evs, &protocol.FileEvent{URI: r.c.uri(p), Type: typ})
	}
	if err := r.c.server.DidChangeWatchedFiles(r.c.ctx(), &protocol.DidChangeWatchedFilesParams{Changes: evs}); err != nil {
		r.t.Fatal(err)
	}
}

type stepAction struct {
	Title   string
	Command *protocol.Command
	Edit    struct {
		DocumentChanges []json.RawMessage
	}
}

type stepChange struct {
	Kind         string
	URI          protocol.DocumentURI
	TextDocument struct{ URI protocol.DocumentURI }
	Edits        []protocol.TextEdit
}

func (a stepAction) describe(r *stepRunner) string {
	s := a.Title
	if a.Command != nil {
		s += fmt.Sprintf(" (runs %s %v)", a.Command.Command, a.Command.Arguments)
	}
	for _, raw := range a.Edit.DocumentChanges {
		var ch stepChange
		if err := json.Unmarshal(raw, &ch); err != nil {
			r.t.Fatal(err)
		}
		if ch.Kind == "create" {
			s += "\n  create " + r.c.name(ch.URI)
			continue
		}
		for _, e := range ch.Edits {
			s += fmt.Sprintf("\n  edit %s:%s (%d bytes)", r.c.name(ch.TextDocument.URI), fmtRange(e.Range), len(e.NewText))
		}
	}
	return s
}

func (r *stepRunner) actions(at string) []stepAction {
	p, pos := parseAt(r.t, at)
	raw, err := r.c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: r.c.uri(p)},
		Range:        protocol.Range{Start: pos, End: pos},
	})
	if err != nil {
		r.t.Fatalf("codeAction %s: %v", at, err)
	}
	var out []stepAction
	if err := json.Unmarshal(raw, &out); err != nil {
		r.t.Fatalf("codeAction %s: %v in %s", at, err, raw)
	}
	return out
}

// apply does what an editor does with a code action: it applies the edit
// (here to the files on disk, which no buffer holds, and reports them as
// changed) and then runs the command.
func (r *stepRunner) apply(a stepAction) {
	r.printf("applied: %s\n", a.Title)
	var touched []string
	for _, raw := range a.Edit.DocumentChanges {
		var ch stepChange
		if err := json.Unmarshal(raw, &ch); err != nil {
			r.t.Fatal(err)
		}
		if ch.Kind == "create" {
			p := r.path(ch.URI)
			if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
				writeFiles(r.t, r.root, map[string][]byte{r.c.name(ch.URI): nil})
			}
			continue
		}
		r.editFile(r.path(ch.TextDocument.URI), ch.Edits)
		touched = append(touched, r.c.name(ch.TextDocument.URI))
	}
	if len(touched) > 0 {
		r.watched(protocol.FileChangeTypeChanged, touched...)
	}
	if a.Command != nil {
		r.command(a.Command.Command, a.Command.Arguments)
	}
}

func (r *stepRunner) path(u protocol.DocumentURI) string {
	name, ok := fileName(u)
	if !ok || !strings.HasPrefix(name, r.root+string(filepath.Separator)) {
		r.t.Fatalf("edit outside the workspace: %s", u)
	}
	return name
}

// editFile applies LSP text edits (UTF-16 positions on the file's text).
func (r *stepRunner) editFile(name string, edits []protocol.TextEdit) {
	text, err := os.ReadFile(name)
	if err != nil {
		r.t.Fatal(err)
	}
	x := textpos.NewIndex(text)
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{
			x.Offset(textpos.Position{Line: int(e.Range.Start.Line), Column: int(e.Range.Start.Character)}),
			x.Offset(textpos.Position{Line: int(e.Range.End.Line), Column: int(e.Range.End.Character)}),
			e.NewText,
		})
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
	out := append([]byte(nil), text...)
	for _, s := range spans {
		out = append(out[:s.start:s.start], append([]byte(s.text), out[s.end:]...)...)
	}
	if err := os.WriteFile(name, out, 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// changeHover is the part of the hover at "PATH:L:C" that says what
// changed: from the line that starts "Recorded" or "Changes since" to the
// end of the diff.
func (r *stepRunner) changeHover(at string) string {
	p, pos := parseAt(r.t, at)
	h, err := r.c.server.Hover(r.c.ctx(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: r.c.uri(p)}, Position: pos}})
	if err != nil {
		r.t.Fatalf("hover %s: %v", at, err)
	}
	if h == nil {
		return "  (no hover)\n"
	}
	var b strings.Builder
	in, fences := false, 0
	for _, l := range strings.Split(h.Contents.Value, "\n") {
		if !in && (strings.HasPrefix(l, "Recorded ") || strings.HasPrefix(l, "Changes since ")) {
			in = true
		}
		if !in {
			continue
		}
		b.WriteString("  " + l + "\n")
		if strings.HasPrefix(l, "```") {
			if fences++; fences == 2 {
				break
			}
		}
	}
	if b.Len() == 0 {
		return "  (the hover shows no change)\n"
	}
	return b.String()
}

func compareSteps(t *testing.T, file string, ar *txtar.Archive, got map[string]string) {
	t.Helper()
	if *update {
		for name, text := range got {
			found := false
			for i := range ar.Files {
				if ar.Files[i].Name == name {
					ar.Files[i].Data, found = []byte(text), true
				}
			}
			if !found {
				ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(text)})
			}
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, f := range ar.Files {
		if want, ok := got[f.Name]; ok && want != string(f.Data) {
			t.Errorf("%s differs (go test ./server -run TestSteps -update)\n--- got:\n%s--- want:\n%s", f.Name, want, f.Data)
		}
		delete(got, f.Name)
	}
	for _, name := range names {
		if _, missing := got[name]; missing {
			t.Errorf("no section %s; want:\n%s", name, got[name])
		}
	}
}
