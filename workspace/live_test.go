package workspace

import (
	"reflect"
	"slices"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis"
)

// TestLoadAppliesTheRootProfile: every Load reads the root's
// .fineprint.yaml for its ignore globs and limits (a buffer of it first),
// which replace the caller's; --config (ExternalProfile) keeps the caller's.
func TestLoadAppliesTheRootProfile(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		".fineprint.yaml": "ignore:\n  - \"deps/**\"\n",
		"LICENSE":         licenseText,
		"deps/LICENSE":    licenseText,
		"third/LICENSE":   licenseText,
	})
	for _, tc := range []struct {
		name string
		opts Options
		want []string
	}{
		{"the profile on disk", Options{}, []string{".fineprint.yaml", "LICENSE", "third/LICENSE"}},
		{"the profile wins over the caller's", Options{Ignore: []string{"third/**"}}, []string{".fineprint.yaml", "LICENSE", "third/LICENSE"}},
		{"--config replaces the profile", Options{ExternalProfile: true, Ignore: []string{"third/**"}}, []string{".fineprint.yaml", "LICENSE", "deps/LICENSE"}},
		{"a buffer of the profile wins over the disk", Options{Overlay: map[string][]byte{".fineprint.yaml": []byte("ignore: [\"third/**\"]\n")}},
			[]string{".fineprint.yaml", "LICENSE", "deps/LICENSE"}},
		{"the profile's limits apply", Options{Overlay: map[string][]byte{".fineprint.yaml": []byte("limits:\n  files: 2\n")}},
			[]string{".fineprint.yaml", "LICENSE"}},
		{"--config's limits replace the profile's", Options{ExternalProfile: true, MaxFiles: 1, Overlay: map[string][]byte{".fineprint.yaml": []byte("limits:\n  files: 100\n")}},
			[]string{".fineprint.yaml"}},
		{"a profile without ignore keeps the caller's", Options{Ignore: []string{"third/**"}, Overlay: map[string][]byte{".fineprint.yaml": []byte("use:\n  commercial: true\n")}},
			[]string{".fineprint.yaml", "LICENSE", "deps/LICENSE"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			snap, _, err := Load(root, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(snap); !slices.Equal(got, tc.want) {
				t.Errorf("Load: %v, want %v", got, tc.want)
			}
		})
	}
}

// TestLiveReusesItsSnapshot: an edit to a buffer reuses the last snapshot
// (no walk) and gives what a walk gives; a changed profile buffer, other
// buffers, other options or a change on disk walk again.
func TestLiveReusesItsSnapshot(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		".fineprint.yaml": "use:\n  commercial: true\n",
		"LICENSE":         licenseText,
		"deps/LICENSE":    licenseText,
		"models/LICENSE":  licenseText, // read from the disk by every walk
	})
	walked := 0
	live := NewLive(root)
	load := func(overlay map[string][]byte, disk bool) *analysis.Snapshot {
		t.Helper()
		walked = 0
		opts := Options{Overlay: overlay, Progress: func(int) { walked++ }}
		snap, _, err := live.Load(opts, disk)
		if err != nil {
			t.Fatal(err)
		}
		opts.Progress = nil
		want, _, err := Load(root, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(paths(snap), paths(want)) {
			t.Fatalf("Live.Load: %v, Load: %v", paths(snap), paths(want))
		}
		return snap
	}
	profile := func(text string) map[string][]byte {
		return map[string][]byte{"LICENSE": []byte(licenseText + "\n"), ".fineprint.yaml": []byte(text)}
	}
	steps := []struct {
		name    string
		overlay map[string][]byte
		disk    bool
		walks   bool
	}{
		{"first load", map[string][]byte{"LICENSE": []byte(licenseText)}, false, true},
		{"a keystroke", map[string][]byte{"LICENSE": []byte(licenseText + "\n")}, false, false},
		{"a file event", map[string][]byte{"LICENSE": []byte(licenseText + "\n")}, true, true},
		{"the profile opened", profile("use:\n  commercial: true\n"), false, true},
		{"a keystroke in the profile", profile("use:\n  commercial: false\n"), false, false},
		{"the profile now ignores deps/", profile("ignore: [\"deps/**\"]\n"), false, true},
		{"a keystroke in the license", map[string][]byte{"LICENSE": []byte(licenseText), ".fineprint.yaml": []byte("ignore: [\"deps/**\"]\n")}, false, false},
		{"buffers of new files", map[string][]byte{"LICENSE": []byte(licenseText), "a/LICENSE": []byte(licenseText), "models/z/LICENSE": []byte(licenseText)}, false, true},
		{"a keystroke in a new file", map[string][]byte{"LICENSE": []byte(licenseText), "a/LICENSE": []byte(licenseText + "\n"), "models/z/LICENSE": []byte(licenseText)}, false, false},
	}
	for _, st := range steps {
		load(st.overlay, st.disk)
		if (walked > 0) != st.walks {
			t.Errorf("%s: walked %d files, want a walk: %v", st.name, walked, st.walks)
		}
	}
	if got := names(load(profile("ignore: [\"deps/**\"]\n"), false)); slices.Contains(got, "deps/LICENSE") {
		t.Errorf("deps/LICENSE read though the profile buffer ignores it: %v", got)
	}
}

func names(s *analysis.Snapshot) []string {
	var out []string
	for _, d := range s.Docs {
		out = append(out, d.Path)
	}
	return out
}
