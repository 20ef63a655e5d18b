//go:build !unix

package workspace

import "io/fs"

// idOf reports no identity: folders are then told apart by their paths with
// links resolved, and files read through several names are read each time.
func idOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }
