package workspace

import "github.com/fineprint-dev/fineprint/analysis"

// Document is the analysis document of a file's text: its kind from its
// name, then from its content. The walk, overlays and the server's
// documents outside any workspace all build documents here.
func Document(rel string, text []byte, size int64) analysis.Document {
	kind := analysis.ClassifyContent(analysis.ClassifyPath(rel), text)
	return analysis.Document{Path: rel, Kind: kind, Text: text, Size: size}
}

// Buffer is the analysis document of an editor buffer, under the same size
// cap as the files a walk reads (limit bytes, DefaultMaxFileSize when 0): a
// larger buffer is not read, and its document says so (TooLarge), so that
// the analysis reports it (manifest/unreadable) instead of checking it. Its
// kind comes from its name and its opening lines, as for any file.
func Buffer(rel string, text []byte, limit int64) analysis.Document {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	k := analysis.ClassifyPath(rel)
	if int64(len(text)) <= limit || k == analysis.KindGGUF {
		return Document(rel, text, int64(len(text)))
	}
	return analysis.Document{Path: rel, Kind: analysis.ClassifyContent(k, text), Size: int64(len(text)), TooLarge: limit}
}
