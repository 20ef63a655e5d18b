package workspace

import (
	"reflect"
	"testing"
)

// TestWithOverlayIsLoad checks that swapping buffers into a loaded snapshot
// gives what a new Load with those buffers gives, whatever the buffers now
// hold: a license, a card, text that is no longer a license, a new file,
// an ignored path, a path in a folder the walk skips.
func TestWithOverlayIsLoad(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"LICENSE":                    licenseText,
		"README.md":                  "---\nlicense: mit\n---\n# Model\n",
		"models/a/LICENSE":           licenseText,
		"models/a/model.safetensors": "weights",
		"vendor/LICENSE":             licenseText,
		"main.go":                    "package main\n",
	})
	opts := Options{Ignore: []string{"vendor/**"}}
	first := map[string][]byte{
		"LICENSE":              []byte("Acme Test License v2\n\nYou may use this model.\n"),
		"README.md":            []byte("# Just a readme\n"),
		"docs/notes.md":        []byte("# Notes\n"),
		"vendor/LICENSE":       []byte(licenseText),
		"node_modules/LICENSE": []byte(licenseText),
		"new/README.md":        []byte("---\nlicense: apache-2.0\n---\n"),
	}
	nexts := []map[string][]byte{
		{"LICENSE": []byte("package main\n"), "README.md": []byte("---\nlicense: gemma\n---\n")},
		{"LICENSE": []byte(""), "README.md": []byte("# Readme\n"), "docs/notes.md": []byte("LICENSE\n\nPermission is hereby granted\n")},
		{"new/README.md": []byte("# Card without metadata\n"), "node_modules/LICENSE": []byte("x")},
	}
	for i, next := range nexts {
		overlay := map[string][]byte{}
		for p, text := range first {
			overlay[p] = text
		}
		for p, text := range next {
			overlay[p] = text
		}
		o := opts
		o.Overlay = first
		snap, _, err := Load(root, o)
		if err != nil {
			t.Fatal(err)
		}
		o.Overlay = overlay
		want, _, err := Load(root, o)
		if err != nil {
			t.Fatal(err)
		}
		got := withOverlay(snap, overlay, o)
		if !reflect.DeepEqual(got.Docs, want.Docs) || !reflect.DeepEqual(got.Weights, want.Weights) || got.Root != want.Root {
			t.Errorf("case %d: withOverlay docs %v, Load docs %v", i, paths(got), paths(want))
		}
		if again, _, _ := Load(root, Options{Ignore: opts.Ignore, Overlay: first}); !reflect.DeepEqual(again.Docs, snap.Docs) {
			t.Errorf("case %d: withOverlay changed the snapshot it was given", i)
		}
	}
}

// TestWithOverlayKeystroke: a keystroke in open files the snapshot already
// holds swaps their entries in one copy of the list (walker.replaced), and
// gives what a new Load gives.
func TestWithOverlayKeystroke(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"LICENSE":          licenseText,
		"README.md":        "---\nlicense: mit\n---\n# Model\n",
		"models/a/LICENSE": licenseText,
		"main.go":          "package main\n",
	})
	open := map[string][]byte{"LICENSE": []byte(licenseText), "models/a/LICENSE": []byte(licenseText + "\nedited\n")}
	o := Options{Overlay: open}
	snap, _, err := Load(root, o)
	if err != nil {
		t.Fatal(err)
	}
	typed := map[string][]byte{"LICENSE": []byte(licenseText + "\nA keystroke.\n"), "models/a/LICENSE": open["models/a/LICENSE"]}
	o.Overlay = typed
	want, _, err := Load(root, o)
	if err != nil {
		t.Fatal(err)
	}
	w := &walker{opts: o}
	w.compile()
	if _, ok := w.replaced(snap.Docs, typed); !ok {
		t.Fatal("a keystroke in open files the snapshot holds did not swap them in place")
	}
	got := withOverlay(snap, typed, o)
	if !reflect.DeepEqual(got.Docs, want.Docs) {
		t.Errorf("withOverlay docs %v, Load docs %v", paths(got), paths(want))
	}
	if again, _, _ := Load(root, Options{Overlay: open}); !reflect.DeepEqual(again.Docs, snap.Docs) {
		t.Error("withOverlay changed the snapshot it was given")
	}
	// A buffer the snapshot does not hold goes the long way.
	typed["docs/NEW_LICENSE"] = []byte(licenseText)
	if _, ok := w.replaced(snap.Docs, typed); ok {
		t.Error("a buffer the snapshot does not hold was swapped in place")
	}
}
