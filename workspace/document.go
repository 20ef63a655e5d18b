package workspace

import "github.com/fineprint-dev/fineprint/analysis"

// Document is the analysis document of a file's text: its kind from its
// name, then from its content. The walk, overlays and the server's
// documents outside any workspace all build documents here.
func Document(rel string, text []byte, size int64) analysis.Document {
	kind := analysis.ClassifyContent(analysis.ClassifyPath(rel), text)
	return analysis.Document{Path: rel, Kind: kind, Text: text, Size: size}
}
