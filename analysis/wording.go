package analysis

// This file holds how the analysis words things: sentences, wrapped text,
// thresholds and counts in messages and checklists. Numbers and plurals
// themselves are written by internal/wording, the same for the whole
// module.

import (
	"strings"

	"github.com/fineprint-dev/fineprint/internal/wording"
)

// writeWrapped writes text as lines of at most width columns (longer words
// stay whole), indenting continuation lines.
func writeWrapped(b *strings.Builder, text, indent string, width int) {
	line := ""
	for _, w := range strings.Fields(text) {
		if line == "" {
			line = strings.Repeat(" ", len(text)-len(strings.TrimLeft(text, " "))) + w
			continue
		}
		if len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = indent + w
			continue
		}
		line += " " + w
	}
	if line != "" {
		b.WriteString(line + "\n")
	}
}

// FormatThreshold renders a clause/scale-threshold finding's data in words:
// "700 million monthly active users", "US$1 million annual revenue". It
// returns "" when the data has no numeric value.
func FormatThreshold(data map[string]any) string {
	v, ok := thresholdNumber(data["value"])
	if !ok {
		return ""
	}
	metric, _ := data["metric"].(string)
	words := strings.NewReplacer("-", " ", "_", " ").Replace(metric)
	if words == "" {
		words = "the threshold"
	}
	if strings.Contains(metric, "revenue") {
		cur, _ := data["currency"].(string)
		return currencyPrefix(cur) + wording.LongFloat(v) + " " + words
	}
	return wording.LongFloat(v) + " " + words
}

func currencyPrefix(code string) string {
	switch strings.ToUpper(code) {
	case "", "USD":
		return "US$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "CNY", "RMB":
		return "RMB "
	}
	return strings.ToUpper(code) + " "
}

// thresholdNumber reads a number from finding data: the integers that
// dataInt64 reads (ints from the clause matchers, integral float64 after a
// JSON round trip), and any other float.
func thresholdNumber(v any) (float64, bool) {
	if n, ok := dataInt64(v); ok {
		return float64(n), true
	}
	switch n := v.(type) {
	case float64:
		return n, true
	case float32:
		return float64(n), true
	}
	return 0, false
}

// endSentence trims s and makes sure it ends like a sentence.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, `."`) {
		return s
	}
	return s + "."
}

func countedNoun(n int, noun string) string {
	words := []string{"No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"}
	w := wording.Digits(int64(n))
	if n < len(words) {
		w = words[n]
	}
	return w + " " + wording.Noun(n, noun)
}
