package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"github.com/fineprint-dev/fineprint/internal/testws"
	"github.com/fineprint-dev/fineprint/internal/wording"
	"github.com/fineprint-dev/fineprint/workspace"
)

const scanTimeout = 10 * time.Minute

// editLatency measures didChange -> publishDiagnostics for the largest
// corpus license and for a 1 MB model card, each alone in a workspace.
func (b *bench) editLatency() error {
	largest, text, err := b.largestLicense()
	if err != nil {
		return err
	}
	card, err := testws.BigCard(b.corpus, 1<<20)
	if err != nil {
		return err
	}
	cases := []struct {
		name, file, lang string
		text             []byte
		p50, p99         time.Duration // targets; 0 = none
	}{
		{"edit latency: largest license (" + largest + ", " + kb(len(text)) + ")", "LICENSE", "plaintext", text, 3 * time.Millisecond, 10 * time.Millisecond},
		{"edit latency: model card (" + kb(len(card)) + ")", "README.md", "markdown", card, 0, 50 * time.Millisecond},
	}
	for i, c := range cases {
		root := filepath.Join(b.tmp, fmt.Sprintf("edit-%d", i))
		if err := os.MkdirAll(root, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(root, c.file), c.text, 0o644); err != nil {
			return err
		}
		ds, cpu, err := b.edits(root, c.file, c.lang, c.text, b.cfg.edits, fmt.Sprintf("server-edit-%d.pprof", i))
		if err != nil {
			return err
		}
		p50, p99 := percentile(ds, 50), percentile(ds, 99)
		b.add(row{figure: c.name + ", server CPU per edit", fineprint: ms(cpu)})
		if c.p50 > 0 {
			b.add(row{figure: c.name + ", p50", fineprint: ms(p50), target: "<= " + ms(c.p50), met: verdict(p50 <= c.p50)})
		} else {
			b.add(row{figure: c.name + ", p50", fineprint: ms(p50)})
		}
		b.add(row{figure: c.name + ", p99", fineprint: ms(p99), target: "<= " + ms(c.p99), met: verdict(p99 <= c.p99)})
	}
	return nil
}

// edits starts a server on root, waits for its first scan, opens file and
// sends n changes one after another (ranged when the server syncs
// incrementally, else full texts), each waiting for the
// diagnostics of its own version.
func (b *bench) edits(root, file, lang string, text []byte, n int, profile string) ([]time.Duration, time.Duration, error) {
	argv, env := b.serverCommand(profile)
	c, err := startServer(argv, env, root)
	if err != nil {
		return nil, 0, err
	}
	defer c.close()
	if err := c.initialized(); err != nil {
		return nil, 0, err
	}
	if err := c.waitFor(scanTimeout, "the first scan", func() bool { return c.progEnds >= 1 }); err != nil {
		return nil, 0, err
	}
	ds, err := editLoop(c, root, file, lang, text, n)
	return ds, c.cpuPerEdit, err
}

func editLoop(c *lspClient, root, file, lang string, text []byte, n int) ([]time.Duration, error) {
	u := protocol.DocumentURI(uri.File(filepath.Join(root, filepath.FromSlash(file))))
	if err := c.open(u, lang, 1, string(text)); err != nil {
		return nil, err
	}
	if err := c.waitFor(time.Minute, "diagnostics of the opened file", func() bool { return c.published[u].version == 1 }); err != nil {
		return nil, err
	}
	// Each edit inserts a line in the middle of the text, as typing does.
	mid := len(text) / 2
	for mid < len(text) && text[mid] != '\n' {
		mid++
	}
	var ds []time.Duration
	cpu0 := c.cpuTime()
	defer func() {
		if len(ds) > 0 {
			c.cpuPerEdit = (c.cpuTime() - cpu0) / time.Duration(len(ds))
		}
	}()
	// With incremental sync, each edit replaces the line the previous one
	// inserted (the text sent is that line); otherwise the whole text goes.
	at := textpos.NewIndex(text).Position(mid)
	prev := protocol.Range{Start: protocol.Position{Line: uint32(at.Line), Character: uint32(at.Column)}}
	prev.End = prev.Start
	for i := range n {
		v := int32(i + 2)
		line := fmt.Sprintf("\nedit %d", i)
		var start time.Time
		var err error
		if c.incremental {
			start = time.Now()
			err = c.changeRange(u, v, prev, line)
			prev.End = protocol.Position{Line: prev.Start.Line + 1, Character: uint32(len(line) - 1)}
		} else {
			var frame []byte
			frame, err = changeFrame(u, v, slices.Concat(text[:mid], []byte(line), text[mid:]))
			if err == nil {
				start = time.Now()
				err = c.sendFrame(frame)
			}
		}
		if err != nil {
			return nil, err
		}
		if err := c.waitFor(time.Minute, fmt.Sprintf("diagnostics of version %d", v), func() bool { return c.published[u].version == v }); err != nil {
			return nil, err
		}
		ds = append(ds, time.Since(start))
	}
	return ds, nil
}

// coldWorkspace runs the cold scan at every scale, then, on the largest
// workspace, the incremental change and edits in the big workspace.
func (b *bench) coldWorkspace() error {
	sizes := append([]int(nil), b.cfg.scales...)
	sort.Ints(sizes)
	// The CPU of a session on a one-file folder is the fixed start-up that
	// per-file figures leave out: spread over more files it makes any
	// per-file time fall, and would hide a super-linear cost. The file is
	// a license no fingerprint knows, so that the session also builds
	// licensecheck's full scanner, as every generated workspace does.
	empty, err := b.writeCase("ws-start-up", "LICENSE", []byte("Acme Internal License\n\nYou may not share this file.\n"))
	if err != nil {
		return err
	}
	if _, _, err := b.coldSession(&testws.Workspace{Root: empty}, false, ""); err != nil {
		return err
	}
	startCPU := b.cpu
	var perFile, cpuPerFile []float64
	for i, n := range sizes {
		last := i == len(sizes)-1
		root := filepath.Join(b.tmp, fmt.Sprintf("ws-%d", n))
		if err := os.MkdirAll(root, 0o755); err != nil {
			return err
		}
		ws, err := testws.Generate(root, b.corpus, n)
		if err != nil {
			return err
		}
		if last {
			b.bigWS = ws
		}
		profile := ""
		if last {
			profile = "server-cold.pprof"
		}
		d, rss, err := b.coldSession(ws, last, profile)
		if err != nil {
			return err
		}
		pf := d.Seconds() / float64(n)
		perFile = append(perFile, pf)
		cpuPerFile = append(cpuPerFile, max(0, (b.cpu-startCPU).Seconds())/float64(n))
		m := ws.Mix
		fig := fmt.Sprintf("cold workspace: %d files (%d licenses, %d cards, %d Modelfiles, %d GGUF, %d source; %.0f MB)",
			n, m.Licenses, m.Cards, m.Modelfiles, m.GGUF, m.Source, float64(ws.Bytes)/(1<<20))
		pfs := fmt.Sprintf("%.3f ms/file, CPU %s", pf*1e3, ms(b.cpu))
		if n == 20000 || n == 50000 {
			if n == 20000 {
				b.add(row{figure: fig + ", time", fineprint: ms(d) + ", " + pfs, target: "<= 3 s", met: verdict(d <= 3*time.Second)})
			} else {
				b.add(row{figure: fig + ", time", fineprint: ms(d) + ", " + pfs})
			}
			b.add(row{figure: fig + ", peak RSS", fineprint: mb(rss), target: "<= 200 MB", met: verdict(rss <= 200<<20)})
		} else {
			b.add(row{figure: fig + ", time", fineprint: ms(d) + ", " + pfs})
			b.add(row{figure: fig + ", peak RSS", fineprint: mb(rss)})
		}
	}
	if len(perFile) > 1 {
		last := len(perFile) - 1
		r := perFile[last] / perFile[0]
		b.add(row{figure: fmt.Sprintf("scaling: time per file at %d vs %d files", sizes[last], sizes[0]),
			fineprint: fmt.Sprintf("%.3f ms/file", perFile[last]*1e3), base: fmt.Sprintf("%.3f ms/file", perFile[0]*1e3),
			ratio: fmt.Sprintf("%.2f", r)})
		rc := cpuPerFile[last] / cpuPerFile[0]
		b.add(row{figure: fmt.Sprintf("scaling: server CPU per file less start-up (%s) at %d vs %d files", ms(startCPU), sizes[last], sizes[0]),
			fineprint: fmt.Sprintf("%.3f ms/file", cpuPerFile[last]*1e3), base: fmt.Sprintf("%.3f ms/file", cpuPerFile[0]*1e3),
			ratio: fmt.Sprintf("%.2f", rc), target: "linear: ratio <= 1.25", met: verdict(rc <= 1.25)})
	}
	return nil
}

// coldSession starts a server on ws and times initialized -> progress end.
// With more set, it goes on to the incremental change and edits; a
// 20,000-file workspace that is not the largest gets the edits alone.
func (b *bench) coldSession(ws *testws.Workspace, more bool, profile string) (time.Duration, int64, error) {
	argv, env := b.serverCommand(profile)
	c, err := startServer(argv, env, ws.Root)
	if err != nil {
		return 0, 0, err
	}
	defer c.close()
	start := time.Now()
	if err := c.initialized(); err != nil {
		return 0, 0, err
	}
	if err := c.waitFor(scanTimeout, "the end of the cold scan", func() bool { return c.progEnds >= 1 }); err != nil {
		return 0, 0, err
	}
	d := time.Since(start)
	rss, cpu := c.peakRSS(), c.cpuTime()
	b.cpu = cpu
	c.mu.Lock()
	published := len(c.published)
	c.mu.Unlock()
	b.note("cold scan of %d files: %d URIs got diagnostics before the progress end", ws.Mix.Total(), published)
	switch {
	case more:
		if err := b.incrementalSession(c, ws); err != nil {
			return 0, 0, err
		}
	case ws.Mix.Total() == 20000:
		// The 20,000-file keystroke has its own target: type into the
		// same kind of license as in the largest workspace.
		rel := b.changeTarget(c, ws)
		text, err := os.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(rel)))
		if err != nil {
			return 0, 0, err
		}
		if err := b.keystrokeSession(c, ws, rel, text); err != nil {
			return 0, 0, err
		}
	}
	return d, rss, nil
}

// incrementalSession changes one license file on disk, tells the server
// through didChangeWatchedFiles and waits for the new diagnostics of that
// file. (The server re-publishes only URIs whose diagnostics changed, so
// there is no round of every URI to wait for.) Then it edits a license in
// the big workspace, to show what one keystroke costs there.
func (b *bench) incrementalSession(c *lspClient, ws *testws.Workspace) error {
	rel := b.changeTarget(c, ws)
	u := protocol.DocumentURI(uri.File(filepath.Join(ws.Root, filepath.FromSlash(rel))))
	abs := filepath.Join(ws.Root, filepath.FromSlash(rel))
	text, err := appendLine(abs, "Changed for the benchmark.")
	if err != nil {
		return err
	}
	c.mu.Lock()
	before, publishes := c.published[u].count, c.publishes
	c.mu.Unlock()
	start := time.Now()
	err = c.server.DidChangeWatchedFiles(context.Background(), &protocol.DidChangeWatchedFilesParams{
		Changes: []*protocol.FileEvent{{URI: u, Type: protocol.FileChangeTypeChanged}}})
	if err != nil {
		return err
	}
	if err := c.waitFor(time.Minute, "diagnostics of the changed file", func() bool { return c.published[u].count > before }); err != nil {
		return err
	}
	own := time.Since(start)
	c.mu.Lock()
	sent := c.publishes - publishes
	c.mu.Unlock()
	b.add(row{figure: fmt.Sprintf("incremental over LSP: %s changed on disk, its diagnostics", rel), fineprint: ms(own)})
	b.note("incremental over LSP: %d publications had arrived with the changed file's", sent)
	if err := os.WriteFile(abs, text, 0o644); err != nil {
		return err
	}
	return b.keystrokeSession(c, ws, rel, text)
}

// keystrokeSession types 100 edits into the license rel (its text) of a
// workspace the server has scanned, the figure of a keystroke at that
// workspace size.
func (b *bench) keystrokeSession(c *lspClient, ws *testws.Workspace, rel string, text []byte) error {
	ds, err := editLoop(c, ws.Root, rel, "plaintext", text, 100)
	if err != nil {
		return err
	}
	n := ws.Mix.Total()
	fig := fmt.Sprintf("edit latency: license in the %d-file workspace (100 edits, CPU %s per edit)", n, ms(c.cpuPerEdit))
	p50, p99 := percentile(ds, 50), percentile(ds, 99)
	switch {
	case n >= 50000:
		b.add(row{figure: fig + ", p50", fineprint: ms(p50), target: "<= 10 ms", met: verdict(p50 <= 10*time.Millisecond)})
		b.add(row{figure: fig + ", p99", fineprint: ms(p99), target: "<= 30 ms", met: verdict(p99 <= 30*time.Millisecond)})
	case n >= 20000:
		b.add(row{figure: fig + ", p50", fineprint: ms(p50), target: "<= 5 ms", met: verdict(p50 <= 5*time.Millisecond)})
		b.add(row{figure: fig + ", p99", fineprint: ms(p99)})
	default:
		b.add(row{figure: fig + ", p50", fineprint: ms(p50)})
		b.add(row{figure: fig + ", p99", fineprint: ms(p99)})
	}
	return nil
}

// changeTarget picks a license file of ws that had diagnostics, preferring
// a Llama license, the commonest in practice.
func (b *bench) changeTarget(c *lspClient, ws *testws.Workspace) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	pick := ws.Licenses[len(ws.Licenses)/2]
	for _, rel := range ws.Licenses {
		u := protocol.DocumentURI(uri.File(filepath.Join(ws.Root, filepath.FromSlash(rel))))
		if c.published[u].diags == 0 {
			continue
		}
		text, _ := os.ReadFile(filepath.Join(ws.Root, filepath.FromSlash(rel)))
		if strings.Contains(strings.ToLower(string(text[:min(200, len(text))])), "llama 3.1") {
			return rel
		}
		pick = rel
	}
	return pick
}

// incrementalAnalysis repeats the incremental change on the analysis
// library directly, which reports how many files it re-analysed.
func (b *bench) incrementalAnalysis() error {
	ws := b.bigWS
	if ws == nil {
		return fmt.Errorf("no generated workspace (the cold scan did not run)")
	}
	ctx := context.Background()
	a := analysis.New()
	a.Warmup()
	var stop func()
	if b.cfg.profileDir != "" {
		stop = startProfile(filepath.Join(b.cfg.profileDir, "cold-inproc.pprof"))
	}
	cache := &workspace.Cache{}
	start := time.Now()
	snap, _, err := workspace.Load(ws.Root, workspace.Options{Cache: cache})
	if err != nil {
		return err
	}
	load := time.Since(start)
	res := a.Analyze(ctx, snap)
	cold := time.Since(start)
	if stop != nil {
		stop()
		writeHeapProfile(filepath.Join(b.cfg.profileDir, "cold-inproc-heap.pprof"))
	}
	b.add(row{figure: fmt.Sprintf("cold analysis in-process: %d files read, %d analysed", len(snap.Docs), res.Reanalysed),
		fineprint: fmt.Sprintf("%s (load %s)", ms(cold), ms(load))})

	rel := ws.Licenses[0]
	abs := filepath.Join(ws.Root, filepath.FromSlash(rel))
	text, err := appendLine(abs, "Changed again.")
	if err != nil {
		return err
	}
	defer os.WriteFile(abs, text, 0o644)
	start = time.Now()
	if _, _, err := workspace.Load(ws.Root, workspace.Options{}); err != nil {
		return err
	}
	uncached := time.Since(start)
	start = time.Now()
	snap, _, err = workspace.Load(ws.Root, workspace.Options{Cache: cache})
	if err != nil {
		return err
	}
	load = time.Since(start)
	res = a.Analyze(ctx, snap)
	d := time.Since(start)
	b.add(row{figure: "rescan: workspace.Load with a Cache (stat only) vs without (read every file)", fineprint: ms(load), base: ms(uncached),
		ratio: ratio(load.Seconds(), uncached.Seconds())})
	b.add(row{figure: "incremental: files re-analysed after one license changed", fineprint: wording.Count(res.Reanalysed, "file"),
		target: "1 (only the changed file)", met: verdict(res.Reanalysed == 1)})
	b.add(row{figure: "incremental: load + analyse after the change", fineprint: fmt.Sprintf("%s (load %s)", ms(d), ms(load)), base: "cold " + ms(cold),
		ratio: ratio(d.Seconds(), cold.Seconds())})
	return nil
}

func kb(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1024)
}

func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// appendLine changes a workspace file on disk the way the benchmark's edits
// do, adding a blank line and line at its end, and returns the text it had.
func appendLine(abs, line string) ([]byte, error) {
	text, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	return text, os.WriteFile(abs, append(text[:len(text):len(text)], "\n"+line+"\n"...), 0o644)
}

// notebookTree runs a cold scan of a notebook-heavy tree generated to the
// shape of a real one (1,211 notebooks, 207 MB, mostly image outputs).
func (b *bench) notebookTree() error {
	root := filepath.Join(b.tmp, "ws-notebooks")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return err
	}
	ws, err := testws.Notebooks(root, 1211, 207<<20)
	if err != nil {
		return err
	}
	d, rss, err := b.coldSession(ws, false, "server-notebooks.pprof")
	if err != nil {
		return err
	}
	fig := fmt.Sprintf("cold notebook-heavy tree: %d notebooks, %.0f MB", ws.Mix.Source, float64(ws.Bytes)/(1<<20))
	b.add(row{figure: fig + ", time", fineprint: ms(d) + ", CPU " + ms(b.cpu)})
	b.add(row{figure: fig + ", peak RSS", fineprint: mb(rss), target: "<= 200 MB", met: verdict(rss <= 200<<20)})
	return nil
}
