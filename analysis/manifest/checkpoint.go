package manifest

import (
	"bytes"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// checkpointExts are the extensions of checkpoint files.
var checkpointExts = []string{".safetensors", ".ckpt", ".pth", ".pt", ".bin"}

// checkpointRef makes the reference a string naming a well-known
// checkpoint file stands for ("checkpoints/sd_xl_base_1.0.safetensors"
// -> stabilityai/stable-diffusion-xl-base-1.0, kb checkpoints.yaml); text
// starts at offset start. The range is the file's base name.
func checkpointRef(text string, start int) (Ref, bool) {
	if len(text) > 512 {
		return Ref{}, false
	}
	if c, ok := kb.LibraryModelName(text); ok {
		return Ref{Kind: HubID, ID: c.Model, Text: text, Start: start, End: start + len(text), Via: "name"}, true
	}
	ext := false
	for _, e := range checkpointExts {
		ext = ext || strings.HasSuffix(text, e)
	}
	if !ext {
		return Ref{}, false
	}
	base := text[strings.LastIndexAny(text, `/\`)+1:]
	c, ok := kb.CheckpointModel(base)
	if !ok {
		return Ref{}, false
	}
	at := start + len(text) - len(base)
	return Ref{Kind: HubID, ID: c.Model, Text: base, Start: at, End: at + len(base), Via: "checkpoint"}, true
}

// literalCheckpoints returns the references of the string literals that
// name well-known checkpoint files, skipping those already reported and
// those on the line of a reference to the same model
// (hf_hub_download("stabilityai/sv3d", "sv3d_u.safetensors") names it once).
func literalCheckpoints(src []byte, lits []pyLiteral, seen map[int]bool, have []Ref, room int) []Ref {
	var refs []Ref
	byID := map[string][]int{}
	for _, r := range have {
		if len(byID[r.ID]) < 8 {
			byID[r.ID] = append(byID[r.ID], r.Start)
		}
	}
	for _, l := range lits {
		if len(refs) >= room {
			break
		}
		if seen[l.start] || l.end <= l.start || l.formatted && bytes.IndexByte(src[l.start:l.end], '{') >= 0 {
			continue // f"{version}.safetensors" names no one file; f"sv3d_u.safetensors" does
		}
		r, ok := checkpointRef(string(src[l.start:l.end]), l.start)
		if !ok || sameLine(src, byID[r.ID], l.start) {
			continue
		}
		seen[l.start] = true
		refs = append(refs, r)
	}
	return refs
}

// sameLine reports whether one of starts is on the line of offset at,
// within 512 bytes of it.
func sameLine(src []byte, starts []int, at int) bool {
	for _, s := range starts {
		from, to := min(s, at), max(s, at)
		if to-from < 512 && !bytes.ContainsAny(src[from:to], "\n\r") {
			return true
		}
	}
	return false
}
