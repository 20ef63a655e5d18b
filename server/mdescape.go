package server

import "strings"

// Hovers are Markdown built from fineprint's own text and from text quoted
// out of the workspace (a license's attribution line, a policy URL, a
// model id): a repository is untrusted, and Markdown in a quote could make
// the editor load an image from anywhere as soon as the hover shows
// (docs/security.md). Messages, which are plain text, are escaped whole
// (escapeMarkdown); the finished hover then has its image and raw-HTML
// openers escaped outside code fences (defang), which catches quotes inside
// checklist answers too. fineprint's own Markdown uses neither.

// markdownEscaper backslash-escapes the characters that start Markdown
// markup inside a line.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `!`, `\!`, `~`, `\~`, `|`, `\|`, `#`, `\#`,
)

// escapeMarkdown makes plain text show as itself in Markdown.
func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }

var defanger = strings.NewReplacer(`![`, `!\[`, `<`, `\<`)

// defang escapes image and raw-HTML openers ("![", "<") in md, except in
// fenced code blocks, where Markdown shows text as it is.
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
			lines[i] = defanger.Replace(l)
		}
	}
	return strings.Join(lines, "")
}
