package analysis

import "strings"

// ownURL reports whether url is where one of the licenses identified in the
// file is itself published. A license that names its own address (Gemma's
// required notice names ai.google.dev/gemma/terms) pulls in no other
// document by it, so that URL is no policy by reference.
func (a *Analyzer) ownURL(ls []LicenseInfo, url string) bool {
	key := urlKey(url)
	for _, li := range ls {
		l := a.kb.License(li.ID)
		if l == nil {
			continue
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
