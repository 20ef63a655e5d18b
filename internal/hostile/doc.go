// Package hostile holds no code, only tests: it feeds fineprint's workspace
// reader and analysis workspaces built to hurt them (link loops, links out of
// the root, huge, binary and unreadable files, alias bombs, lying GGUF
// headers, very deep folders, files that vanish mid-scan) and checks that
// each one ends in a finding or a reported skip, within bounded memory, and
// that the scan finishes. See docs/security.md for the threat model.
package hostile
