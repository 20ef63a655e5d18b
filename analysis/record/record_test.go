package record

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

var sumA = strings.Repeat("a", 64)

func TestMarshalIsSortedAndStable(t *testing.T) {
	l := Lock{
		Licenses: []LicenseEntry{
			{Path: "models/b/LICENSE", License: "gemma", SHA256: sumA, Recorded: "2026-11-29"},
			{Path: "LICENSE", License: "apache-2.0", SHA256: sumA, Recorded: "2026-11-28"},
		},
		Policies: []PolicyEntry{{URL: "https://ai.google.dev/gemma/prohibited_use_policy", Path: ".fineprint/policies/ai.google.dev-gemma-prohibited_use_policy.md", SHA256: sumA, Retrieved: "2026-11-29T10:00:00Z"}},
	}
	want := `{
  "version": 1,
  "licenses": [
    {
      "path": "LICENSE",
      "license": "apache-2.0",
      "sha256": "` + sumA + `",
      "recorded": "2026-11-28"
    },
    {
      "path": "models/b/LICENSE",
      "license": "gemma",
      "sha256": "` + sumA + `",
      "recorded": "2026-11-29"
    }
  ],
  "policies": [
    {
      "url": "https://ai.google.dev/gemma/prohibited_use_policy",
      "path": ".fineprint/policies/ai.google.dev-gemma-prohibited_use_policy.md",
      "sha256": "` + sumA + `",
      "retrieved": "2026-11-29T10:00:00Z"
    }
  ]
}
`
	got := string(Marshal(l))
	if got != want {
		t.Fatalf("Marshal:\n%s\nwant:\n%s", got, want)
	}
	back, err := Parse([]byte(got))
	if err != nil {
		t.Fatal(err)
	}
	if again := string(Marshal(back)); again != want {
		t.Errorf("round trip changed the lock:\n%s", again)
	}
	if empty := string(Marshal(Lock{})); empty != "{\n  \"version\": 1,\n  \"licenses\": [],\n  \"policies\": []\n}\n" {
		t.Errorf("empty lock = %q", empty)
	}
}

func TestParseErrors(t *testing.T) {
	entry := func(path, sum, date string) string {
		return `{"path":"` + path + `","sha256":"` + sum + `","recorded":"` + date + `"}`
	}
	tests := []struct {
		name, data string
		offset     int
		msg        string
	}{
		{"empty", ``, 0, "the lock ends too early"},
		{"truncated", `{"version":1,`, 13, "the lock ends too early"},
		{"syntax", `{"version":1,,}`, 13, "invalid character ',' looking for beginning of object key string"},
		{"type", `{"version":"1"}`, 14, "version must be a int, not a string"},
		{"unknown field", `{"version":1,"extra":2}`, 13, `unknown field "extra"`},
		{"version", `{"version":2}`, 1, "version 2 is not supported (this fineprint writes version 1)"},
		{"bad sum", `{"version":1,"licenses":[` + entry("LICENSE", "abc", "2026-11-29") + `]}`, 52, "the sha256 of LICENSE is not 64 hex digits"},
		{"bad date", `{"version":1,"licenses":[` + entry("LICENSE", sumA, "29.11.2026") + `]}`, 130, "the recorded date of LICENSE is not YYYY-MM-DD"},
		{"duplicate", `{"version":1,"licenses":[` + entry("LICENSE", sumA, "2026-11-29") + "," + entry("LICENSE", sumA, "2026-11-29") + `]}`, 152, "license LICENSE is recorded twice"},
		{"trailing", `{"version":1} {}`, 14, "unexpected text after the lock's closing brace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse error = %v, want *Error", err)
			}
			if e.Offset != tt.offset || e.Msg != tt.msg {
				t.Errorf("Parse = {%d %q}, want {%d %q}", e.Offset, e.Msg, tt.offset, tt.msg)
			}
		})
	}
}

// A lock holding a pending list is an interrupted record: Parse gives the
// old entries and an error at "pending" that is ErrInterrupted; Marshal
// writes the list right after the version, and leaves it out when empty.
func TestParseInterrupted(t *testing.T) {
	l := Lock{Licenses: []LicenseEntry{{Path: "LICENSE", SHA256: sumA, Recorded: "2026-11-29"}},
		Pending: []Rename{{Staged: ".fineprint/licenses/.LICENSE.tmp-1", Path: ".fineprint/licenses/LICENSE"}, {Staged: ".fineprint.lock.tmp-2", Path: "fineprint.lock"}}}
	data := Marshal(l)
	if !bytes.HasPrefix(data, []byte("{\n  \"version\": 1,\n  \"pending\": [\n")) {
		t.Errorf("Marshal:\n%s", data)
	}
	got, err := Parse(data)
	var e *Error
	if !errors.Is(err, ErrInterrupted) || !errors.As(err, &e) {
		t.Fatalf("Parse error = %v, want an *Error wrapping ErrInterrupted", err)
	}
	if e.Offset != 20 || e.Msg != "a fineprint record was interrupted while renaming its files (2 renames pending)" {
		t.Errorf("Parse = {%d %q}", e.Offset, e.Msg)
	}
	if !bytes.Equal(Marshal(got), data) {
		t.Errorf("Parse = %+v, want %+v", got, l)
	}
	l.Pending = nil
	if bytes.Contains(Marshal(l), []byte("pending")) {
		t.Errorf("a lock without a pending list writes one:\n%s", Marshal(l))
	}
}

func TestPolicyPath(t *testing.T) {
	for url, want := range map[string]string{
		"https://llama.meta.com/llama3_1/use-policy":        ".fineprint/policies/llama.meta.com-llama3_1-use-policy.md",
		"https://ai.google.dev/gemma/prohibited_use_policy": ".fineprint/policies/ai.google.dev-gemma-prohibited_use_policy.md",
		"https://Example.COM/Terms/?v=2":                    ".fineprint/policies/example.com-terms-v-2.md",
		"not a url":                                         ".fineprint/policies/not-a-url.md",
		"https://":                                          ".fineprint/policies/https.md",
	} {
		if got := PolicyPath(url); got != want {
			t.Errorf("PolicyPath(%q) = %q, want %q", url, got, want)
		}
	}
	if got := ArchivePath("https://llama.meta.com/llama3_1/use-policy", time.Date(2026, 5, 1, 23, 0, 0, 0, time.UTC)); got != ".fineprint/policies/llama.meta.com-llama3_1-use-policy.2026-05-01.md" {
		t.Errorf("ArchivePath = %q", got)
	}
}

func TestCopyRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 29, 18, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		data string
		body string
		url  string
	}{
		{"fetched", string(NewCopy("https://x.test/p", at, []byte("# Policy\nNo spam.\n"))), "# Policy\nNo spam.\n", "https://x.test/p"},
		{"placeholder", CopyHeader("https://x.test/p", at, true), "", "https://x.test/p"},
		{"crlf", "<!-- fineprint policy copy\r\nurl: https://x.test/p\r\nretrieved: 2026-11-29T18:30:00Z\r\n-->\r\nText\r\n", "Text\r\n", "https://x.test/p"},
		{"no header", "Just text\n", "Just text\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseCopy([]byte(tt.data))
			if string(c.Body) != tt.body || c.URL != tt.url {
				t.Errorf("ParseCopy = body %q url %q, want %q %q", c.Body, c.URL, tt.body, tt.url)
			}
			if tt.url != "" {
				if !c.Retrieved.Equal(at) {
					t.Errorf("Retrieved = %v", c.Retrieved)
				}
				if got := tt.data[c.URLStart:c.URLEnd]; got != tt.url {
					t.Errorf("URL range holds %q", got)
				}
			}
			if c.Blank() != (strings.TrimSpace(tt.body) == "") {
				t.Errorf("Blank = %v", c.Blank())
			}
		})
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"same", "a\nb\n", "a\r\nb\r\n", ""},
		{"changed line", "1\n2\n3\n4\n5\n6\n7\n", "1\n2\n3\nfour\n5\n6\n7\n", "…\n  2\n  3\n- 4\n+ four\n  5\n  6\n…\n"},
		{"added at end", "a\nb\n", "a\nb\nc\n", "  a\n  b\n+ c\n"},
		{"removed at start", "x\na\nb\n", "a\nb\n", "- x\n  a\n  b\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Diff([]byte(tt.old), []byte(tt.new)); got != tt.want {
				t.Errorf("Diff =\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestDiffIsBounded(t *testing.T) {
	var old, new strings.Builder
	for i := 0; i < 5000; i++ {
		old.WriteString("old line\n")
		new.WriteString("new line\n")
	}
	got := Diff([]byte(old.String()), []byte(new.String()))
	if n := strings.Count(got, "\n"); n != maxDiffLines+1 {
		t.Errorf("diff has %d lines, want %d", n, maxDiffLines+1)
	}
	if !strings.HasSuffix(got, "… 9960 more changed lines\n") {
		t.Errorf("diff ends %q", got[len(got)-40:])
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"version":1,"licenses":[],"policies":[]}`))
	f.Add([]byte(`{"version":1,"licenses":[{"path":"L","sha256":"` + sumA + `","recorded":"2026-01-01"}]}`))
	f.Add([]byte(`{"version":1,"pending":[{"staged":".fineprint.lock.tmp-1","path":"fineprint.lock"}],"licenses":[],"policies":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Offset < 0 || e.Offset > len(data) {
				t.Fatalf("Parse(%q) error %v", data, err)
			}
			if errors.Is(err, ErrInterrupted) {
				if _, err := Parse(Marshal(l)); !errors.Is(err, ErrInterrupted) {
					t.Fatalf("an interrupted lock written again reads %v", err)
				}
			}
			return
		}
		if _, err := Parse(Marshal(l)); err != nil {
			t.Fatalf("Marshal output does not parse: %v", err)
		}
	})
}

func FuzzParseCopy(f *testing.F) {
	f.Add([]byte(CopyHeader("https://x.test/p", time.Unix(0, 0), true)))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := ParseCopy(data)
		if c.BodyStart+len(c.Body) != len(data) || c.URLStart > c.URLEnd || c.URLEnd > len(data) {
			t.Fatalf("ParseCopy(%q) = %+v", data, c)
		}
	})
}
