package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionLine(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "7904e3e9da3f3a1a4e1b67b3b36947fc728b0689"},
		{Key: "vcs.time", Value: "2026-12-04T20:12:00Z"},
		{Key: "vcs.modified", Value: "false"},
	}
	modified := append(append([]debug.BuildSetting{}, vcs[:3]...), debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	tests := []struct {
		name                   string
		stampVersion, stampSHA string
		stampDate              string
		info                   *debug.BuildInfo
		want                   string
	}{
		{
			name:         "release build: the stamp wins",
			stampVersion: "v0.2.0", stampSHA: "1111111111111111111111111111111111111111", stampDate: "2026-12-05T10:00:00Z",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs},
			want: "fineprint v0.2.0 (commit 111111111111, 2026-12-05T10:00:00Z; go1.26.8 linux/arm64)",
		},
		{
			name: "go install module@version: module version, no VCS",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}},
			want: "fineprint v0.2.0 (go1.26.8 linux/arm64)",
		},
		{
			name: "go build in a clone: revision and time from the build info",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs},
			want: "fineprint (devel) (commit 7904e3e9da3f, 2026-12-04T20:12:00Z; go1.26.8 linux/arm64)",
		},
		{
			name: "uncommitted changes are marked",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261204201200-7904e3e9da3f+dirty"}, Settings: modified},
			want: "fineprint v0.0.0-20261204201200-7904e3e9da3f+dirty (commit 7904e3e9da3f+modified, 2026-12-04T20:12:00Z; go1.26.8 linux/arm64)",
		},
		{
			name: "no build info at all",
			want: "fineprint (devel) (go1.26.8 linux/arm64)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func(v, c, d string) { version, commit, date = v, c, d }(version, commit, date)
			version, commit, date = tt.stampVersion, tt.stampSHA, tt.stampDate
			if got := describe(tt.info).String("go1.26.8", "linux/arm64"); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestVersionCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"version"}, &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "fineprint ") || errOut.Len() != 0 {
		t.Errorf("version: status %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"version", "extra"}, &out, &errOut); code != 2 || out.Len() != 0 || errOut.String() != "fineprint: version takes no arguments\n" {
		t.Errorf("version extra: status %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}
