package server

import (
	"fmt"
	"strings"
	"testing"
)

// TestBufferOverTheSizeCap checks that an open buffer is under the same
// size cap as the files a scan reads (the maxFileSize setting): a buffer
// over it gets one manifest/unreadable finding that says so and is not
// analysed, and an edit that brings it under the cap clears the finding and
// analyses it. A buffer outside the workspace is capped the same way.
func TestBufferOverTheSizeCap(t *testing.T) {
	root := t.TempDir()
	small := "Acme Model License\n\nYou may use the Model for non-commercial purposes only.\n"
	writeFiles(t, root, map[string][]byte{"LICENSE": []byte(small)})
	c := startClient(t, clientOptions{root: root, caps: fullCaps(), settings: map[string]any{"debounceMs": 0, "maxFileSize": 1000}})
	c.initialized()
	c.waitScan(1)
	big := small + strings.Repeat("The Model may not be used for military purposes.\n", 40) // 2,036 bytes
	for _, name := range []string{"LICENSE", "untitled:Untitled-1"} {
		u := c.uri(name)
		c.open(name, 1, big)
		c.waitVersion(u, 1)
		var got []string
		for _, d := range c.published(u).Diagnostics {
			got = append(got, fmt.Sprintf("%s %s %v: %s", fmtRange(d.Range), severityName(d.Severity), d.Code, d.Message))
		}
		want := "1:1-1:1 warning manifest/unreadable: fineprint cannot read this file, so nothing in it is checked: it is 2036 bytes, over the limit of 1000 bytes on the files it reads (the maxFileSize setting)."
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: diagnostics of the large buffer:\n%s\nwant only\n%s", name, strings.Join(got, "\n"), want)
		}
		c.change(name, 2, small)
		c.waitVersion(u, 2)
		got = got[:0]
		for _, d := range c.published(u).Diagnostics {
			got = append(got, fmt.Sprint(d.Code))
		}
		if strings.Contains(strings.Join(got, " "), "manifest/unreadable") || !strings.Contains(strings.Join(got, " "), "license/non-commercial") {
			t.Errorf("%s: after the edit under the cap, diagnostics %v; want the license read (license/non-commercial) and no manifest/unreadable", name, got)
		}
	}
}
