package identify

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/google/licensecheck"

	"github.com/fineprint-dev/fineprint/internal/wording"
)

// Standard licenses are found by google/licensecheck, whose built-in
// scanner compiles all of its 300-odd license templates on first use: about
// 0.7 s of CPU and 100 MB, paid by every `fineprint check` that meets a
// license, most often an MIT or Apache text. So a text is first scanned
// with the templates of the few families its words point at (a keyword
// each, below), compiled per family on first need in a few milliseconds;
// only when those do not cover the text almost entirely does the full
// scanner run. Each family carries all of licensecheck's variants of its
// licenses (MIT-0, MIT-CMU, X11 beside MIT; BSD-3-Clause-Clear beside
// BSD-3-Clause ...), so that a variant is not mistaken for its parent; the
// corpus test checks that both paths name the same licenses at the same
// places (TestStandardScanAgreesWithLicensecheck).

// standardFamily is a set of licensecheck ids and the words that must occur
// in a text for them to match it.
type standardFamily struct {
	keyword  string   // lower-case words every license of the family contains
	prefixes []string // licensecheck ids, or id prefixes ending in "-"
}

var standardFamilies = []standardFamily{
	{"permission is hereby granted", []string{"MIT", "MIT-", "X11"}},
	{"permission to use, copy, modify", []string{"ISC", "0BSD"}},
	{"redistribution and use in source and binary forms", []string{"BSD-"}},
	{"apache license", []string{"Apache-"}},
	{"gnu general public license", []string{"GPL-", "LGPL-", "AGPL-"}},
	{"gnu lesser general public license", []string{"GPL-", "LGPL-", "AGPL-"}},
	{"gnu affero general public license", []string{"GPL-", "LGPL-", "AGPL-"}},
	{"mozilla public license", []string{"MPL-"}},
	{"creative commons", []string{"CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0", "CC0-1.0"}},
	{"free and unencumbered software", []string{"Unlicense"}},
	{"boost software license", []string{"BSL-1.0"}},
}

// fastCoverage is the least share of a text, in percent, that the family
// templates must cover for their answer to stand. A standard license as
// shipped is its template plus a title and a copyright line (98-100%); a
// text with terms added on top, or a license outside the families, falls
// below and goes to the full scanner.
const fastCoverage = 90

var (
	familyMu       sync.Mutex
	familyScanners = map[string]*licensecheck.Scanner{} // by the keywords that chose them
)

// scanLicensecheck returns licensecheck's coverage of text, from the family
// templates when they cover it, else from the full built-in scanner.
func scanLicensecheck(text []byte) licensecheck.Coverage {
	if s := familyScanner(text); s != nil {
		if c := s.Scan(text); c.Percent >= fastCoverage {
			return c
		}
	}
	return licensecheck.Scan(text)
}

// foldWords returns bytes.Join(bytes.Fields(bytes.ToLower(text)), " "):
// text lower-cased, each run of blanks one space, none at either end. One
// pass and one allocation: the three calls cost more than the search of
// the family keywords in their result.
func foldWords(text []byte) []byte {
	return wording.FoldWords(make([]byte, 0, len(text)), text, nil)
}

// familyScanner returns a scanner of the families whose keywords text
// contains, or nil when it contains none.
func familyScanner(text []byte) *licensecheck.Scanner {
	lower := foldWords(text)
	var keys, prefixes []string
	for _, f := range standardFamilies {
		if bytes.Contains(lower, []byte(f.keyword)) {
			keys = append(keys, f.keyword)
			prefixes = append(prefixes, f.prefixes...)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	key := strings.Join(keys, "|")
	familyMu.Lock()
	defer familyMu.Unlock()
	if s, ok := familyScanners[key]; ok {
		return s
	}
	var licenses []licensecheck.License
	for _, l := range licensecheck.BuiltinLicenses() {
		if l.LRE != "" && slices.ContainsFunc(prefixes, func(p string) bool {
			return l.ID == p || strings.HasSuffix(p, "-") && strings.HasPrefix(l.ID, p)
		}) {
			licenses = append(licenses, l)
		}
	}
	s, err := licensecheck.NewScanner(licenses)
	if err != nil {
		s = nil // the full scanner answers instead
	}
	familyScanners[key] = s
	return s
}
