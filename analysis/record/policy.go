package record

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
)

// PoliciesDir is the folder, relative to the workspace root, that holds the
// recorded copies of referenced policies.
const PoliciesDir = ".fineprint/policies"

// PolicyPath is where the copy of the policy at rawURL lives: host and path,
// lower-cased, with every run of characters other than letters, digits, dots
// and underscores turned into one "-", and ".md" appended.
// "https://llama.meta.com/llama3_1/use-policy" becomes
// ".fineprint/policies/llama.meta.com-llama3_1-use-policy.md".
func PolicyPath(rawURL string) string {
	name := rawURL
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		name = u.Host + u.EscapedPath()
		if u.RawQuery != "" {
			name += "-" + u.RawQuery
		}
	}
	return PoliciesDir + "/" + slug(name) + ".md"
}

// UniquePolicyPath is the copy's name made unique to rawURL: PolicyPath's
// name (shortened) with the first 16 hex digits of the URL's SHA-256. The
// readable name loses case, punctuation and length, so two URLs can share it
// ("/aup/okpolicy" and "/aup-okpolicy"); CopyPath gives the second one this.
func UniquePolicyPath(rawURL string) string {
	sum := sha256.Sum256([]byte(rawURL))
	name := strings.TrimSuffix(strings.TrimPrefix(PolicyPath(rawURL), PoliciesDir+"/"), ".md")
	if len(name) > 100 {
		name = strings.TrimRight(name[:100], "-.")
	}
	return PoliciesDir + "/" + name + "-" + hex.EncodeToString(sum[:8]) + ".md"
}

// CopyPath is where the copy of the policy at rawURL lives in a workspace
// whose files read returns: PolicyPath(rawURL), unless the file there is
// the copy of another URL (its header names that URL), and then
// UniquePolicyPath(rawURL). One URL's text is never recorded as another's.
func CopyPath(rawURL string, read func(path string) ([]byte, bool)) string {
	p := PolicyPath(rawURL)
	if text, ok := read(p); ok {
		if c := ParseCopy(text); c.URL != "" && c.URL != rawURL {
			return UniquePolicyPath(rawURL)
		}
	}
	return p
}

// ArchivePath is where a superseded copy is kept when a re-fetch brings a
// different text: the copy's name with the date it was retrieved.
func ArchivePath(rawURL string, retrieved time.Time) string {
	return ArchiveOf(PolicyPath(rawURL), retrieved)
}

// ArchiveOf is ArchivePath for the copy at copyPath.
func ArchiveOf(copyPath string, retrieved time.Time) string {
	return strings.TrimSuffix(copyPath, ".md") + "." + retrieved.UTC().Format(DateLayout) + ".md"
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_'
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-.")
	if len(out) > 120 {
		out = strings.TrimRight(out[:120], "-.")
	}
	if out == "" {
		out = "policy"
	}
	return out
}

// Copy is a policy copy file split into its header and body.
type Copy struct {
	URL       string
	Retrieved time.Time // zero when the header names no valid time
	Body      []byte    // the policy text below the header
	BodyStart int       // byte offset of Body in the file
	URLStart  int       // byte range of the header's URL, for findings
	URLEnd    int
}

const (
	headerOpen  = "<!-- fineprint policy copy"
	headerClose = "-->"
	pasteLine   = "Paste the text of the policy below this comment, then run `fineprint record`."
)

// CopyHeader is the comment that opens every policy copy: the URL it was
// (or is to be) retrieved from and the date. With paste set it also tells the
// reader to paste the policy's text below it, for copies made offline.
func CopyHeader(rawURL string, retrieved time.Time, paste bool) string {
	var b strings.Builder
	b.WriteString(headerOpen + "\n")
	b.WriteString("url: " + rawURL + "\n")
	b.WriteString("retrieved: " + retrieved.UTC().Format(time.RFC3339) + "\n")
	if paste {
		b.WriteString(pasteLine + "\n")
	}
	b.WriteString(headerClose + "\n")
	return b.String()
}

// NewCopy is the content of a policy copy holding body.
func NewCopy(rawURL string, retrieved time.Time, body []byte) []byte {
	return append([]byte(CopyHeader(rawURL, retrieved, false)), body...)
}

// ParseCopy splits a policy copy into header and body. A file without
// fineprint's header is all body.
func ParseCopy(data []byte) Copy {
	c := Copy{Body: data}
	rest := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	skip := len(data) - len(rest)
	if !bytes.HasPrefix(rest, []byte(headerOpen)) {
		return c
	}
	end := bytes.Index(rest, []byte(headerClose))
	if end < 0 {
		return c
	}
	header := rest[:end]
	bodyStart := skip + end + len(headerClose)
	if bodyStart < len(data) && data[bodyStart] == '\r' {
		bodyStart++
	}
	if bodyStart < len(data) && data[bodyStart] == '\n' {
		bodyStart++
	}
	c.Body, c.BodyStart = data[bodyStart:], bodyStart
	off := skip
	for _, line := range strings.SplitAfter(string(header), "\n") {
		text := strings.TrimRight(line, "\r\n")
		if v, ok := strings.CutPrefix(text, "url: "); ok {
			c.URL = strings.TrimSpace(v)
			c.URLStart = off + len("url: ")
			c.URLEnd = c.URLStart + len(strings.TrimRight(v, " \t"))
		}
		if v, ok := strings.CutPrefix(text, "retrieved: "); ok {
			c.Retrieved, _ = time.Parse(time.RFC3339, strings.TrimSpace(v))
		}
		off += len(line)
	}
	return c
}

// Blank reports whether the copy holds no policy text yet (only whitespace
// below the header, as in a copy made offline before the user pastes).
func (c Copy) Blank() bool { return len(bytes.TrimSpace(c.Body)) == 0 }
