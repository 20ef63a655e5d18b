// Command fineprint-bench measures fineprint's speed and prints, in one run,
// each figure beside a baseline measured in the same run, their ratio, the
// target and whether it was met. docs/performance.md explains the method.
//
//	go run ./cmd/fineprint-bench [flags]
//
// Figures:
//
//   - throughput: full analysis of every text in ../shared/corpus/licenses
//     against bare licensecheck.Scan over the same bytes;
//   - edit latency over the protocol: didChange to publishDiagnostics, with
//     debounceMs 0, for the largest corpus license and a 1 MB model card;
//   - cold workspace: initialized to the end of the scan's progress (every
//     diagnostic published before it) and the server's peak RSS, on
//     generated workspaces of 2,500 to 20,000 files, with time per file;
//   - incremental: one license file changed on disk after the cold scan:
//     files re-analysed and time to the new diagnostics;
//   - pathological inputs: a license written as one line and a minified
//     notebook against the same bytes laid out normally, and 10 MB of
//     repeated legal phrases against ten times 1 MB of them;
//   - start-up: `fineprint check` of a folder with one MIT LICENSE, as a
//     fresh process, against `cat` of the file;
//   - peers: wall time of the Debian tools licensecheck (Perl) and licensee
//     (Ruby) on the corpus's license tree, and how many of its model
//     licenses each names.
//
// The language server runs as a child process (this binary re-executed, or
// the binary given by -server) and is driven over pipes like an editor.
// Workspaces are generated in a temporary folder that is removed at the end.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/fineprint-dev/fineprint/internal/testws"
	"github.com/fineprint-dev/fineprint/server"
)

type config struct {
	corpus     string
	serverBin  string
	scales     []int
	edits      int
	minTime    time.Duration
	peers      bool
	profileDir string
	keep       bool
	markdown   bool
}

func main() {
	if os.Getenv(envServe) == "1" {
		os.Exit(childServe())
	}
	if dir := os.Getenv(envCheck); dir != "" {
		os.Exit(childCheck(dir))
	}
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	fs := flag.NewFlagSet("fineprint-bench", flag.ContinueOnError)
	var cfg config
	var scales string
	fs.StringVar(&cfg.corpus, "corpus", "", "corpus `folder` (default: ../shared/corpus beside the module)")
	fs.StringVar(&cfg.serverBin, "server", "", "run this fineprint `binary` (`BIN serve`) instead of the server built into the bench")
	fs.StringVar(&scales, "scales", "5000,20000,50000", "workspace `sizes` for the cold scan; the largest also gets the incremental run")
	fs.IntVar(&cfg.edits, "edits", 200, "didChange edits per latency figure")
	fs.DurationVar(&cfg.minTime, "mintime", 2*time.Second, "minimum measuring time per throughput figure")
	fs.BoolVar(&cfg.peers, "peers", true, "measure the peer tools when installed")
	fs.StringVar(&cfg.profileDir, "profile", "", "write CPU profiles (throughput, cold analysis, server) into `dir`")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the generated workspaces")
	fs.BoolVar(&cfg.markdown, "markdown", false, "print the table as Markdown")
	steps := fs.String("steps", "startup,throughput,edit,cold,notebooks,incremental,pathological,peers", "the `steps` to run, comma-separated")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	for _, s := range strings.Split(scales, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 100 {
			fmt.Fprintf(os.Stderr, "fineprint-bench: bad -scales value %q\n", s)
			return 2
		}
		cfg.scales = append(cfg.scales, n)
	}
	if cfg.corpus == "" {
		wd, _ := os.Getwd()
		cfg.corpus = testws.FindCorpus(wd)
	}
	if cfg.corpus == "" {
		fmt.Fprintln(os.Stderr, "fineprint-bench: no corpus: run inside the module with ../shared/corpus beside it, or pass -corpus")
		return 2
	}
	c, err := testws.LoadCorpus(cfg.corpus)
	if err != nil {
		fmt.Fprintf(os.Stderr, "fineprint-bench: %v\n", err)
		return 2
	}
	if cfg.profileDir != "" {
		if err := os.MkdirAll(cfg.profileDir, 0o755); err != nil {
			fmt.Fprintf(os.Stderr, "fineprint-bench: %v\n", err)
			return 2
		}
	}
	b := &bench{cfg: cfg, corpus: c}
	tmp, err := os.MkdirTemp("", "fineprint-bench-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "fineprint-bench: %v\n", err)
		return 2
	}
	b.tmp = tmp
	if !cfg.keep {
		defer os.RemoveAll(tmp)
	}
	b.header()
	run := map[string]bool{}
	for _, s := range strings.Split(*steps, ",") {
		run[strings.TrimSpace(s)] = true
	}
	for _, st := range []struct {
		flag, name string
		fn         func() error
	}{
		// Start-up first: a child's peak RSS counts the memory of the
		// bench it was forked from, which later steps grow.
		{"startup", "start-up", b.startup},
		{"throughput", "throughput", b.throughput},
		{"edit", "edit latency", b.editLatency},
		{"cold", "cold workspace", b.coldWorkspace},
		{"notebooks", "notebook-heavy tree", b.notebookTree},
		{"incremental", "incremental analysis", b.incrementalAnalysis},
		{"pathological", "pathological inputs", b.pathological},
		{"peers", "peers", b.peers},
	} {
		if run[st.flag] && (st.flag != "peers" || cfg.peers) {
			b.step(st.name, st.fn)
		}
	}
	b.note("load average at end: %s", loadavg())
	b.print(os.Stdout, cfg.markdown)
	if cfg.keep {
		fmt.Printf("\nworkspaces kept in %s\n", tmp)
	}
	if b.failed {
		return 1
	}
	return 0
}

type bench struct {
	cfg    config
	corpus *testws.Corpus
	tmp    string
	rows   []row
	notes  []string
	failed bool              // a step could not run
	bigWS  *testws.Workspace // the largest generated workspace
	cpu    time.Duration     // server CPU time of the last cold scan
}

// step runs one group of figures; an error is reported and the rest go on.
func (b *bench) step(name string, f func() error) {
	fmt.Fprintf(os.Stderr, "fineprint-bench: %s...\n", name)
	start := time.Now()
	if err := f(); err != nil {
		b.failed = true
		b.note("%s: could not measure: %v", name, err)
		fmt.Fprintf(os.Stderr, "fineprint-bench: %s: %v\n", name, err)
	}
	fmt.Fprintf(os.Stderr, "fineprint-bench: %s took %v\n", name, time.Since(start).Round(time.Millisecond))
}

func (b *bench) note(format string, args ...any) {
	b.notes = append(b.notes, fmt.Sprintf(format, args...))
}

func (b *bench) header() {
	host, _ := os.Hostname()
	b.note("date %s, host %s, %s/%s, %d CPUs (GOMAXPROCS %d), %s", time.Now().UTC().Format("2006-01-02 15:04 MST"),
		host, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
	b.note("load average at start: %s", loadavg())
}

// loadavg is the 1, 5 and 15 minute load averages: other work on the
// machine slows every wall-clock figure.
func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// serverCommand is how to start a server, and the environment it needs.
func (b *bench) serverCommand(profile string) (argv, env []string) {
	if b.cfg.serverBin != "" {
		return []string{b.cfg.serverBin, "serve", "--log-level", "error"}, nil
	}
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0]
	}
	env = []string{envServe + "=1"}
	if profile != "" && b.cfg.profileDir != "" {
		env = append(env, envProfile+"="+filepath.Join(b.cfg.profileDir, profile))
	}
	return []string{exe}, env
}

const (
	envServe   = "FINEPRINT_BENCH_SERVE"   // run as the language server on stdio
	envProfile = "FINEPRINT_BENCH_PROFILE" // the server child writes a CPU profile here
	envCheck   = "FINEPRINT_BENCH_CHECK"   // analyse this license tree once and exit
)

// childServe is the bench re-executed as a language server: the same
// server.Serve that `fineprint serve` runs, without the CLI around it.
func childServe() int {
	if p := os.Getenv(envProfile); p != "" {
		if stop := startProfile(p); stop != nil {
			defer stop()
		}
	}
	server.LimitMemory()
	return server.Serve(context.Background(), stdio{os.Stdin, os.Stdout}, server.Options{Version: "bench"})
}

type stdio struct {
	*os.File
	out *os.File
}

func (s stdio) Write(p []byte) (int, error) { return s.out.Write(p) }
func (s stdio) Close() error {
	s.out.Close()
	return s.File.Close()
}

// writeHeapProfile writes the live heap (after a collection) into path.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "fineprint-bench: profile: %v\n", err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "fineprint-bench: profile: %v\n", err)
	}
}

// startProfile starts a CPU profile into path and returns its stop.
func startProfile(path string) func() {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "fineprint-bench: profile: %v\n", err)
		return nil
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "fineprint-bench: profile: %v\n", err)
		f.Close()
		return nil
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
