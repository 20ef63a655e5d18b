package analysis

import (
	"strings"
)

// Short forms of hovers, for clients that show plain text in a small
// place (Emacs's echo area, a terminal popup): a summary first, bounded to
// about ShortWords words. Markdown clients get the whole explanation.

// ShortWords bounds a short hover.
const ShortWords = 80

// ShortFinding is a finding's plain-text hover: its message, what its rule
// is about in one sentence, and where the rest is.
func (a *Analyzer) ShortFinding(f Finding) string {
	s := strings.TrimSpace(f.Message)
	if r := a.kb.Rule(f.Code); r != nil && r.Summary != "" {
		s += " (" + f.Code + ": " + strings.TrimSuffix(strings.TrimSpace(r.Summary), ".") + ".)"
	} else {
		s += " (" + f.Code + ")"
	}
	return Shorten(s+" More: fineprint explain "+f.Code, ShortWords)
}

// ShortChecklist is a license's plain-text hover: its name, then the first
// sentence of the answers that decide most (commercial use, use-case
// limits, scale thresholds, derivative obligations), bounded.
func ShortChecklist(title, id string, items []ChecklistItem) string {
	parts := []string{title + "."}
	for _, it := range items {
		switch it.Question {
		case QuestionCommercial, QuestionUseLimits, QuestionScale, QuestionDerivatives:
			parts = append(parts, it.Question+": "+firstSentence(plainMarkdown(it.Answer)))
		}
	}
	more := ""
	if id != "" {
		more = " Full checklist: fineprint explain " + id
	}
	return Shorten(strings.Join(parts, " "), ShortWords-len(strings.Fields(more))) + more
}

// Shorten cuts s after n words, marking the cut with "…".
func Shorten(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == ';') && s[i+1] == ' ' {
			return s[:i] + "."
		}
	}
	return s
}

var markdownMarks = strings.NewReplacer("`", "", "**", "")

func plainMarkdown(s string) string { return markdownMarks.Replace(s) }
