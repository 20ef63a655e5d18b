package analysis

import "strings"

// ownURL reports whether url is where one of the licenses identified in the
// file is itself published. A license that names its own address (Gemma's
// required notice names ai.google.dev/gemma/terms) pulls in no other
// document by it, so that URL is no policy by reference.
//
// So is the address of a standard license's text (lexicon
// license-address) in a file identified as that license, plain or with
// terms of its own: its text or a pointer naming it ("To view a copy of
// this license, visit http://creativecommons.org/licenses/by-nc/4.0/",
// "Full text: .../legalcode" under added terms) names the license that
// governs the file, not another document (GUIDE.md's convention, settled
// by session 11's adjudicators).
func (a *Analyzer) ownURL(ls []LicenseInfo, url string) bool {
	key := urlKey(url)
	for _, li := range ls {
		l := a.kb.License(li.ID)
		if l == nil {
			continue
		}
		if len(l.Licensecheck) > 0 && a.licenseAddress(key) {
			return true
		}
		for _, u := range l.URLs {
			if urlKey(u) == key {
				return true
			}
		}
	}
	return false
}

// urlKey is a URL without scheme, "www.", case and trailing slash, for
// comparing addresses written in different ways.
func urlKey(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimRight(u, "/")
}

// licenseAddress reports whether the URL key lies under the address of a
// standard license's text (lexicon license-address).
func (a *Analyzer) licenseAddress(key string) bool {
	for _, p := range a.kb.Lexicons["license-address"] {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}
