package server

import "strings"

// Hovers are Markdown built from fineprint's own text and from text quoted
// out of the workspace (a license's attribution line, a policy URL, a
// model id): a repository is untrusted, and Markdown in a quote could make
// the editor load an image from anywhere as soon as the hover shows
// (docs/security.md). Messages, which are plain text, are escaped whole
// (escapeMarkdown); the finished hover then has its image and raw-HTML
// openers escaped outside code (defang), which catches quotes inside
// checklist answers too. fineprint's own Markdown uses neither.

// markdownEscaper backslash-escapes the characters that start Markdown
// markup inside a line.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `!`, `\!`, `~`, `\~`, `|`, `\|`, `#`, `\#`,
)

// escapeMarkdown makes plain text show as itself in Markdown.
func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }

// defang escapes image and raw-HTML openers ("![", "<") in md, except in
// fenced code blocks and inline code spans, where Markdown shows text as it
// is, and where they are escaped already.
func defang(md string) string {
	if !strings.Contains(md, "![") && !strings.Contains(md, "<") {
		return md
	}
	lines := strings.SplitAfter(md, "\n")
	fence := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) && strings.Trim(t, "`") == "" {
				fence = ""
			}
		case strings.HasPrefix(t, "```"):
			fence = t[:len(t)-len(strings.TrimLeft(t, "`"))]
		default:
			lines[i] = defangLine(l)
		}
	}
	return strings.Join(lines, "")
}

// defangLine escapes "![" and "<" outside the code spans of one line.
func defangLine(l string) string {
	var b strings.Builder
	escaped := false // the previous byte is an unescaped backslash
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == '`' && !escaped:
			n := 1
			for i+n < len(l) && l[i+n] == '`' {
				n++
			}
			run := l[i : i+n]
			if end := closingRun(l[i+n:], n); end >= 0 {
				b.WriteString(l[i : i+n+end+n]) // the span, as it is
				i += n + end + n - 1
			} else {
				b.WriteString(run)
				i += n - 1
			}
			escaped = false
			continue
		case !escaped && (c == '<' || c == '!' && i+1 < len(l) && l[i+1] == '['):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		escaped = c == '\\' && !escaped
	}
	return b.String()
}

// closingRun returns the offset in s of a run of exactly n backticks, or -1.
func closingRun(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}
