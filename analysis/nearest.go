package analysis

import "strings"

// Nearest returns the word of known closest to word by edit distance,
// ignoring case, when that distance is at most maxDist (any distance when
// maxDist is negative). Ties go to the earlier word. It is how fineprint
// suggests "did you mean" for a mistyped code, license id or profile key.
func Nearest(word string, known []string, maxDist int) (string, bool) {
	word = strings.ToLower(word)
	best, bestDist := "", -1
	for _, k := range known {
		d := EditDistance(word, strings.ToLower(k))
		if bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	if bestDist < 0 || (maxDist >= 0 && bestDist > maxDist) {
		return "", false
	}
	return best, true
}

// EditDistance is the Levenshtein distance between a and b, counted in
// bytes (the words compared are ASCII ids and keys).
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
