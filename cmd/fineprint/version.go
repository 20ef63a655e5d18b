package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// Set at link time by release builds (packaging/release.sh):
//
//	-ldflags "-X main.version=v1.2.3 -X main.commit=<sha> -X main.date=<RFC 3339>"
//
// Unset, they come from the build info that the go command records: the
// module version (a tag or pseudo-version with `go install module@version`,
// "(devel)" in a clone) and the VCS revision, time and modified flag.
var (
	version = ""
	commit  = ""
	date    = ""
)

func versionString() string {
	info, _ := debug.ReadBuildInfo()
	return describe(info).version
}

// build is what `fineprint version` reports.
type build struct {
	version  string // v1.2.3, a pseudo-version, or "(devel)"
	commit   string // VCS revision, "" when unknown
	date     string // commit time, "" when unknown
	modified bool   // built from a work tree with uncommitted changes
}

// describe merges the link-time stamp with the build info (info may be nil).
func describe(info *debug.BuildInfo) build {
	b := build{version: version, commit: commit, date: date}
	if info != nil {
		if b.version == "" && info.Main.Version != "" {
			b.version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.commit == "" {
					b.commit = s.Value
				}
			case "vcs.time":
				if b.date == "" {
					b.date = s.Value
				}
			case "vcs.modified":
				b.modified = s.Value == "true"
			}
		}
	}
	if b.version == "" {
		b.version = "(devel)"
	}
	return b
}

// String is the line `fineprint version` prints, for example
//
//	fineprint v1.2.3 (commit 0123456789ab, 2026-12-04T20:12:00Z; go1.26.8 linux/amd64)
//	fineprint (devel) (commit 0123456789ab+modified, 2026-12-04T20:12:00Z; go1.26.8 linux/amd64)
func (b build) String(goVersion, platform string) string {
	var details []string
	if b.commit != "" {
		c := b.commit
		if len(c) > 12 {
			c = c[:12]
		}
		if b.modified {
			c += "+modified"
		}
		details = append(details, "commit "+c)
	}
	if b.date != "" {
		details = append(details, b.date)
	}
	runtimeInfo := goVersion + " " + platform
	if len(details) == 0 {
		return fmt.Sprintf("fineprint %s (%s)", b.version, runtimeInfo)
	}
	return fmt.Sprintf("fineprint %s (%s; %s)", b.version, strings.Join(details, ", "), runtimeInfo)
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "fineprint: version takes no arguments\n")
		return 2
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, describe(info).String(runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH))
	return 0
}
