package record

import (
	"fmt"
	"strings"
)

// Diff limits: texts are compared line by line with a quadratic algorithm
// over the lines that differ after the common prefix and suffix are trimmed,
// so the middle is capped; the output is capped so that a hover stays short.
const (
	maxDiffCells = 4 << 20 // changed-region lines(old) * lines(new)
	maxDiffLines = 40      // lines of output before "… more"
	diffContext  = 2       // unchanged lines shown around each change
)

// Diff is a short line diff from old to new in the unified style: unchanged
// context lines start with two spaces, removed lines with "- ", added lines
// with "+ ", and skipped stretches are shown as "…". It is empty when the
// texts have the same lines (line endings are ignored).
func Diff(old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	if pre == len(a) && pre == len(b) {
		return ""
	}
	ops := make([]op, 0, len(a)+len(b))
	for _, l := range a[:pre] {
		ops = append(ops, op{' ', l})
	}
	ops = append(ops, middle(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, op{' ', l})
	}
	return render(ops)
}

type op struct {
	kind byte // ' ', '-', '+'
	line string
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// middle diffs the changed region by longest common subsequence, or, when
// that would cost too much, shows all of a removed and all of b added.
func middle(a, b []string) []op {
	var ops []op
	if len(a)*len(b) > maxDiffCells {
		for _, l := range a {
			ops = append(ops, op{'-', l})
		}
		for _, l := range b {
			ops = append(ops, op{'+', l})
		}
		return ops
	}
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[(i+1)*w+j] >= lcs[i*w+j+1]):
			ops = append(ops, op{'-', a[i]})
			i++
		default:
			ops = append(ops, op{'+', b[j]})
			j++
		}
	}
	return ops
}

// render prints changed lines with a little context, eliding the rest.
func render(ops []op) string {
	keep := make([]bool, len(ops))
	for i, o := range ops {
		if o.kind == ' ' {
			continue
		}
		for k := max(0, i-diffContext); k <= min(len(ops)-1, i+diffContext); k++ {
			keep[k] = true
		}
	}
	var b strings.Builder
	lines, changed, shownChanged := 0, 0, 0
	for _, o := range ops {
		if o.kind != ' ' {
			changed++
		}
	}
	skipped := false
	for i, o := range ops {
		if !keep[i] {
			skipped = true
			continue
		}
		if lines >= maxDiffLines {
			fmt.Fprintf(&b, "… %d more changed lines\n", changed-shownChanged)
			break
		}
		if skipped {
			b.WriteString("…\n")
			skipped = false
		}
		b.WriteByte(o.kind)
		b.WriteByte(' ')
		b.WriteString(o.line)
		b.WriteByte('\n')
		lines++
		if o.kind != ' ' {
			shownChanged++
		}
	}
	if skipped && lines < maxDiffLines {
		b.WriteString("…\n")
	}
	return b.String()
}
