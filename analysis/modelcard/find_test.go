package modelcard

import (
	"math/rand"
	"regexp"
	"testing"
)

// hubBlockRE is huggingface_hub's REGEX_YAML_BLOCK, the definition Find
// implements by hand.
var hubBlockRE = regexp.MustCompile(`^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(?:\r\n|\n|$))`)

// findByRegexp is Find as it was written with the regexp.
func findByRegexp(text []byte) (open, block Span, ok bool) {
	base := 0
	if len(text) >= 3 && string(text[:3]) == bom {
		base = 3
	}
	m := hubBlockRE.FindSubmatchIndex(text[base:])
	if m == nil {
		return Span{}, Span{}, false
	}
	openEnd := base + m[3]
	openStart := openEnd
	for openStart > base && (text[openStart-1] == '\n' || text[openStart-1] == '\r') {
		openStart--
	}
	openStart -= 3
	return Span{openStart, openStart + 3}, Span{base + m[4], base + m[5]}, true
}

func TestFindMatchesHubRegexp(t *testing.T) {
	cases := []string{
		"", "---", "---\n", "---\n---", "---\n---\n", "---\r\n---\r\n", "---\r---\n", "---\r\n---\n",
		"---\r---\r", "---\r\n---", "---\n---x\n", "---\n--- \t\nbody", "---\n----\n---\n",
		" \n\t---\nlicense: mit\n---\n# T\n", "\xef\xbb\xbf---\nlicense: mit\n---\n", "----\n---\n",
		"---\nlicense: mit\r\n---\r\nrest", "---\nkey: a---b\n---", "x---\n---\n", "---\n\n---\n",
		"---\nlicense: mit\n--- \r\n", "---\nlicense: mit\n---\r", "---\nlicense: mit\n---\rmore\n---\n",
		"---\n\xff\xfe\n---\n", "---\r\n\r\n---\r\n", "\f---\n---\n", "\v---\n---\n",
	}
	rng := rand.New(rand.NewSource(7))
	pieces := []string{"-", "---", "\r", "\n", "\r\n", " ", "\t", "a", "é", "\xff", "\xef\xbb\xbf"}
	for range 20000 {
		var s []byte
		for range rng.Intn(12) {
			s = append(s, pieces[rng.Intn(len(pieces))]...)
		}
		cases = append(cases, string(s))
	}
	for _, c := range cases {
		o1, b1, ok1 := Find([]byte(c))
		o2, b2, ok2 := findByRegexp([]byte(c))
		if o1 != o2 || b1 != b2 || ok1 != ok2 {
			t.Fatalf("Find(%q) = %v %v %v; the Hub's regexp gives %v %v %v", c, o1, b1, ok1, o2, b2, ok2)
		}
	}
}
