package identify

import (
	"regexp"
	"strings"
	"sync"

	"github.com/fineprint-dev/fineprint/analysis/kb"
)

// Pointers by name: a short license file that names a standard license
// rather than holding its text ("This model is released under the Apache
// 2.0 license, with the following additional restriction: ..."), matched
// by neither licensecheck nor a fingerprint. The name after "licensed
// under" is looked up among the knowledge base's standard licenses (those
// licensecheck knows), by id, alias or name with case, spaces, hyphens and
// the words "license" and "version" left out; the conditions the file sets
// beside the name are terms added to it (pointerTerms).

// underName is where a pointer names its license: the words after
// "licensed under (the|a)" (or a Markdown link's text there), after
// "License:" at a line's start, or after "采用" and the like in Chinese.
// An address alone names no license of the file's: a Creative Commons
// address is as often a dataset's, named in passing. A wrapped paragraph
// breaks its lines anywhere and Markdown sets names in emphasis, so the
// words and the name may run over a line break and the name may open
// with "**" or "[" ("are licensed\nunder the [Creative Commons ... 4.0\n
// International license](...)", "released under the **Apache License
// 2.0**").
var underName = regexp.MustCompile(`(?i)\b(?:licen[cs]ed|released|provided|distributed|published|made\s+available|available|offered)\s+under\s+(?:the\s+(?:terms\s+of\s+(?:the\s+)?)?|an?\s+)?[\[*_]{0,3}([A-Za-z0-9][A-Za-z0-9 .\-\t\r\n]{0,60})|(?m:^[ \t#*>-]*licen[cs]e[ \t]*[:：][ \t]*\[?([A-Za-z0-9][A-Za-z0-9 .\-]{0,60}))|(?:采用|遵循|遵守|使用|基于|依据|适用)[ \t]*(?:the[ \t]+)?([A-Za-z0-9][A-Za-z0-9 .\-]{0,60})`)

// titleName is a file's first line when it is a license's name alone
// ("Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)").
var titleName = regexp.MustCompile(`\A[ \t#*]*([A-Za-z0-9][A-Za-z0-9 .\-]{0,60}?)[ \t]*(?:\([^)\n]{0,30}\))?[ \t*]*\r?(?:\n|\z)`)

// maxNameWords is the most words of a license's name tried.
const maxNameWords = 6

// namedLicenses returns the standard licenses a short text names after
// "licensed under", each once, in text order, and where the text after
// its title line starts when that line is a license's name alone (0 when
// not): the name is no term.
func namedLicenses(k *kb.KB, text []byte) ([]*kb.License, int) {
	names := standardNames(k)
	var out []*kb.License
	after := 0
	if m := titleName.FindSubmatch(text); m != nil {
		if l := names[nameKey(string(m[1]))]; l != nil {
			out, after = append(out, l), len(m[0])
		}
	}
	for _, loc := range underName.FindAllSubmatchIndex(text, -1) {
		if otherPart(text, loc[0]) {
			continue // the license of another part of the work, not this file's
		}
		m := make([][]byte, len(loc)/2)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = text[loc[2*i]:loc[2*i+1]]
			}
		}
		name := m[1]
		for _, g := range m[2:] {
			if len(name) == 0 {
				name = g
			}
		}
		ws := strings.Fields(strings.ToLower(string(name)))
		for n := min(len(ws), maxNameWords); n > 0; n-- {
			if l := names[nameKey(strings.Join(ws[:n], " "))]; l != nil {
				if !containsLicense(out, l) {
					out = append(out, l)
				}
				break
			}
		}
	}
	return out, after
}

// partSubject is the subject of a sentence that puts a part of the work
// under a license: its first noun says which part. Source code, scripts
// or software are another part than the model a license of its own
// governs, whatever other nouns follow ("The source code accompanying the Weights is licensed under
// the Apache License, Version 2.0"); "separately licensed" says so
// whatever the part ("The source code of X is separately licensed under
// the MIT License", "This repository contains two separately licensed
// things").
var (
	partNoun       = regexp.MustCompile(`(?i)\b(?:(source code|code ?base|code|scripts?)|(models?|weights?|checkpoints?|parameters|artifacts?|materials?|files?|data ?sets?|data))\b`)
	separatelyRE   = regexp.MustCompile(`(?i)\bseparately\b`)
	partSentence   = regexp.MustCompile(`[.;:!?](?:\s|$)|\n[ \t]*\r?\n|\n[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]`)
	maxPartSubject = 160
)

// otherPart reports whether the sentence that names a license at off
// puts another part of the work under it (partNoun, separatelyRE): the
// words from the sentence's start to off, at most maxPartSubject bytes.
func otherPart(text []byte, off int) bool {
	s := text[max(0, off-maxPartSubject):off]
	if locs := partSentence.FindAllIndex(s, -1); len(locs) > 0 {
		s = s[locs[len(locs)-1][1]:]
	}
	if separatelyRE.Match(s) {
		return true
	}
	m := partNoun.FindSubmatchIndex(s)
	return m != nil && m[2] >= 0
}

func containsLicense(ls []*kb.License, l *kb.License) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

// nameKey is a license's name without case, spaces, hyphens, a trailing
// full stop and the words "license", "licence", "version", "the".
func nameKey(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == ',' }) {
		w = strings.TrimSuffix(w, ".")
		switch w {
		case "license", "licence", "version", "the", "v", "international", "public":
			continue
		case "creative", "commons":
			// "Creative Commons Attribution 4.0" is "Attribution 4.0
			// International", as its deed titles it
			continue
		}
		b.WriteString(w)
	}
	return b.String()
}

var standardNamesOf sync.Map // *kb.KB -> map[string]*kb.License

// standardNames indexes the standard licenses of k by the keys of their
// ids, aliases and names.
func standardNames(k *kb.KB) map[string]*kb.License {
	if m, ok := standardNamesOf.Load(k); ok {
		return m.(map[string]*kb.License)
	}
	m := map[string]*kb.License{}
	for i := range k.Licenses {
		l := &k.Licenses[i]
		if len(l.Licensecheck) == 0 || l.IsPolicy() {
			continue
		}
		for _, n := range append([]string{l.ID, l.Name}, l.Aliases...) {
			if key := nameKey(n); key != "" && m[key] == nil {
				m[key] = l
			}
		}
	}
	actual, _ := standardNamesOf.LoadOrStore(k, m)
	return actual.(map[string]*kb.License)
}
