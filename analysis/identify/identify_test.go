package identify

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// want is one expected match: the id, the byte range it covers and the
// title line's range.
type want struct {
	id                   string
	start, end           int
	titleStart, titleEnd int
}

func TestIdentifyTrickyInputs(t *testing.T) {
	llama31 := "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT"
	policy := "**Llama 3.1** **Acceptable Use Policy**"
	body := "Our own words standing in for the agreement's body, which mention the Llama 3.1 Acceptable Use Policy in passing.\n"
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"empty", "", nil},
		{"blank", " \r\n\t\n", nil},
		{"readme saying MIT licensed", "# Acme tools\n\nThis project is MIT licensed. See the docs for details.\n", nil},
		{"custom license", "ACME MODEL LICENSE\n\nYou may use the Acme model for anything except making toast.\n", nil},
		{"crlf", llama31 + "\r\nLlama 3.1 Version Release Date: July 23, 2024\r\n", []want{{"llama3.1", 0, 86, 0, 37}}},
		{"bom", "\xef\xbb\xbf" + llama31 + "\n", []want{{"llama3.1", 3, 41, 3, 40}}},
		{"indented title with trailing spaces", "   " + llama31 + "   \n" + body, []want{{"llama3.1", 0, 158, 3, 40}}},
		{"markdown heading", "# **Gemma Terms of Use**\n\nLast modified: March 24, 2025\n\nModel Derivatives are ours.\n", []want{{"gemma", 0, 85, 4, 22}}},
		{"underscore emphasis", "__Gemma Terms of Use__\nModel Derivatives\n", []want{{"gemma", 0, 41, 2, 20}}},
		{"emoji before title", "\U0001F999 Llama 3.3 Community License Agreement\n", []want{{"llama3.3", 0, 43, 0, 42}}},
		{"cjk bracket around title", "【Qwen LICENSE AGREEMENT】\n", []want{{"qwen", 0, 29, 0, 28}}},
		// Zhipu's licenses open with an English title over Chinese text.
		{"english title over chinese text", "The GLM-Edge License\n\n1. 定义\n", []want{{"glm-edge", 0, 32, 0, 20}}},
		// Chinese versions of known families: the title opens with a CJK
		// character (or a CJK bracket), 3 bytes each.
		{"chinese title of a known family", "通义千问许可协议\n一、定义\n", []want{{"tongyi-qianwen", 0, 38, 0, 24}}},
		{"chinese title in book-title brackets", "《腾讯混元社区许可协议》\n", []want{{"tencent-hunyuan-community", 0, 37, 0, 36}}},
		{"chinese title with latin words", "# 雅意 YAYI 2 模型社区许可协议\n", []want{{"yayi2-community", 0, 41, 2, 40}}},
		{"hard-wrapped version line", "Yi Series Models License\nAgreement\n   Version:\n 2.0\n", []want{{"yi-2.0", 0, 52, 0, 24}}},
		{"title mid-line in a pointer file", "These weights are licensed subject to the Stability AI Community License Agreement.\n", []want{{"stabilityai-community", 0, 84, 0, 83}}},
		{"policy appended after a license", llama31 + "\n" + body + "\n" + policy + "\nProhibited Uses\n",
			[]want{{"llama3.1", 0, 153, 0, 37}, {"llama3.1-use-policy", 153, 209, 155, 190}}},
		{"license pasted twice", llama31 + "\n" + body + llama31 + "\n" + body, []want{{"llama3.1", 0, 304, 0, 37}}},
		{"two families: the second title opens a line", "DEEPSEEK LICENSE AGREEMENT\nVersion 1.0\n\nTongyi Qianwen LICENSE AGREEMENT\n",
			[]want{{"deepseek", 0, 40, 0, 26}, {"tongyi-qianwen", 40, 73, 40, 72}}},
		{"project NOTICE with two required notice lines",
			"Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.\n" +
				"Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms\n",
			[]want{{"llama3.1", 0, 116, 0, 115}, {"gemma", 116, 213, 116, 212}}},
		{"a license named inside another is not a second license", "DEEPSEEK LICENSE AGREEMENT\nThis is unlike the Tongyi Qianwen LICENSE AGREEMENT.\n",
			[]want{{"deepseek", 0, 80, 0, 26}}},
	}
	k := kb.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMatches(t, Identify(k, []byte(tt.text)), tt.want)
		})
	}
}

func checkMatches(t *testing.T, got []Match, want []want) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("Identify = %+v, want %d matches %+v", got, len(want), want)
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.id || g.Start != w.start || g.End != w.end || g.TitleStart != w.titleStart || g.TitleEnd != w.titleEnd {
			t.Errorf("match %d = {%s %d-%d title %d-%d}, want {%s %d-%d title %d-%d}", i,
				g.ID, g.Start, g.End, g.TitleStart, g.TitleEnd, w.id, w.start, w.end, w.titleStart, w.titleEnd)
		}
	}
}

// The corpus supplies standard texts (they are not copied into the
// project); these tests change them the way real copies differ.
func TestIdentifyEditedCorpusTexts(t *testing.T) {
	root := corpusDir(t)
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	apache := read("apache-2.0/grok-1/LICENSE.txt")
	mit := read("mit/deepseek-r1/LICENSE")
	disclaimer := "\n\nTHE MODEL IS PROVIDED AS IS; THE AUTHORS ACCEPT NO LIABILITY OF ANY KIND.\n"
	llama := "\nLLAMA 3.1 COMMUNITY LICENSE AGREEMENT\nLlama 3.1 Version Release Date: July 23, 2024\n"
	k := kb.Default()

	t.Run("apache with an appended disclaimer", func(t *testing.T) {
		got := Identify(k, []byte(apache+disclaimer))
		if ids := matchIDs(got); strings.Join(ids, " ") != "apache-2.0" {
			t.Fatalf("Identify = %v, want [apache-2.0]", ids)
		}
	})
	t.Run("apache with an appended disclaimer is not modified", func(t *testing.T) {
		if got := Identify(k, []byte(apache+disclaimer)); len(got) != 1 || got[0].Added != nil {
			t.Fatalf("Identify = %+v, want apache-2.0 with nothing added", got)
		}
	})
	t.Run("mit with terms added after it", func(t *testing.T) {
		added := "Additional terms: if your product has more than 5 million monthly active users, you must display \"Built with Zeta\" in its interface."
		text := mit + "\n" + added + "\n"
		got := Identify(k, []byte(text))
		if ids := matchIDs(got); strings.Join(ids, " ") != "mit" {
			t.Fatalf("Identify = %v, want [mit]", ids)
		}
		start := len(mit) + 1
		if want := []Span{{start, start + len(added)}}; !reflect.DeepEqual(got[0].Added, want) {
			t.Errorf("Added = %v, want %v", got[0].Added, want)
		}
	})
	t.Run("apache with terms added before it", func(t *testing.T) {
		added := "The weights below are licensed to you for non-commercial research only; you may not offer them as a hosted service without our written consent."
		text := "Copyright 2026 Zeta Labs\n\n" + added + "\n\n" + apache
		got := Identify(k, []byte(text))
		if ids := matchIDs(got); strings.Join(ids, " ") != "apache-2.0" {
			t.Fatalf("Identify = %v, want [apache-2.0]", ids)
		}
		start := len("Copyright 2026 Zeta Labs\n\n")
		if want := []Span{{start, start + len(added)}}; !reflect.DeepEqual(got[0].Added, want) {
			t.Errorf("Added = %v, want %v", got[0].Added, want)
		}
	})
	t.Run("a short note is not added terms", func(t *testing.T) {
		if got := Identify(k, []byte(mit+"\nSee NOTICE for the model card.\n")); len(got) != 1 || got[0].Added != nil {
			t.Fatalf("Identify = %+v, want mit with nothing added", got)
		}
	})
	t.Run("apache with CRLF line ends", func(t *testing.T) {
		got := Identify(k, []byte(strings.ReplaceAll(apache, "\n", "\r\n")))
		if ids := matchIDs(got); strings.Join(ids, " ") != "apache-2.0" {
			t.Fatalf("Identify = %v, want [apache-2.0]", ids)
		}
	})
	t.Run("mit code license followed by a model license", func(t *testing.T) {
		text := mit + llama
		got := Identify(k, []byte(text))
		title := len(mit) + 1
		checkMatches(t, got, []want{
			{"llama3.1", title, len(text), title, title + 37},
			{"mit", got[len(got)-1].Start, got[len(got)-1].End, got[len(got)-1].TitleStart, got[len(got)-1].TitleEnd},
		})
		if got[1].End > title {
			t.Errorf("mit match ends at %d, inside the Llama license at %d", got[1].End, title)
		}
	})
}
