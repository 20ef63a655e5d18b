package identify

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/stdtext"
)

// Terms layered on a standard license, in any language and on either side
// of it, are the added text (Match.Added, one span per block); a file that
// only says which of its parts is under which license, or adds prose that
// binds nobody, is the plain license. The standard texts are written out
// from licensecheck's templates; the added paragraphs are made up.
func TestAddedAroundStandardText(t *testing.T) {
	mit, apache, bsd := stdtext.Text("MIT"), stdtext.Text("Apache-2.0"), stdtext.Text("BSD-3-Clause")
	gpl2, gpl3, lgpl21 := stdtext.Text("GPL-2.0"), stdtext.Text("GPL-3.0"), stdtext.Text("LGPL-2.1")
	ccnc := stdtext.Text("CC-BY-NC-4.0")
	const (
		ccPreamble  = "Attribution-NonCommercial 4.0 International\n\nCreative Commons Corporation is not a law firm and gives no legal advice; licensors should read a license before they apply it, and should mark the material it does not cover.\n\nUsing Creative Commons Public Licenses\n\nConsiderations for the public: a licensor may make special requests, which you should respect where reasonable.\n\n"
		ccAfterword = "\n\nCreative Commons is not a party to its public licenses, and its marks may not be used without its written consent. Creative Commons may be contacted at creativecommons.org."
		prevail     = "The Preamble of the GPLv2 does not apply to the Zeta model. The following conditions prevail over the conditions of the GPLv2:\n\n1. You may not use the Program for military purposes.\n2. You must credit Zeta Labs in any publication that uses the Program."
		after       = "You may not use the Program or its outputs to train a competing model, and you must pass this restriction on to every recipient."
		linking     = "As a special exception, the copyright holders of this library give you permission to link this library with independent modules to produce an executable, regardless of the license terms of these independent modules."
		zhTerms     = "附加条款\n\n1. 本模型仅可用于非商业目的的学术研究，未经许可，您不得将本模型或其衍生品用于任何商业用途。\n2. 您不得使用本模型从事任何违反法律法规的活动。"
		enTerms     = "Additional Terms for the Model Weights\n\nYou may not use the model weights or any derivative of them for military purposes, for the surveillance of individuals, or to generate disinformation, and you must pass these restrictions on to every recipient."
		mdTerms     = "## Model License\n\nThe model weights are provided for non-commercial use only. You may not use them to provide a paid service without written permission from Zeta Labs."
		bsdNC       = "Additionally, the model weights distributed with this software may be used for non-commercial purposes only; any commercial use requires a separate written license from Zeta Labs."
		narrow      = "The code is under the MIT License below. The model weights are under the following terms: you may use them only for research purposes, and you may not redistribute them to third parties."
		twoPart     = "This repository holds code and model weights. The code is licensed under the MIT License below; the model weights are licensed under CC BY-NC 4.0, in the file WEIGHTS_LICENSE."
		cite        = "If you find our work useful in your research, please consider citing our paper, which describes the training data, the architecture and the evaluation of the model in detail."
		short       = "The model weights may not be used for commercial purposes."
		zhShort     = "注意：本模型权重仅限非商业用途。"
		scope       = "This license applies to the source code in this repository only; the model weights are distributed separately under their own license."
		list        = "MODEL USE RESTRICTIONS\n\nYou agree not to use the model weights:\n(a) for military purposes;\n(b) to generate disinformation;\n(c) to harm minors."
		between     = "ADDITIONAL TERMS. The Model may not be used for any military purpose, and You must not use it to provide surveillance services."
		long        = "Zeta Model License\n\n1. Grant. Permission is granted to use the model weights to any person obtaining a copy of them, subject to the following conditions.\n\n2. Restrictions. You may not use the model weights for military purposes.\n\n3. DISCLAIMER. THE MODEL IS PROVIDED AS IS.\n\n4. Attribution. You must credit Zeta Labs in any publication that uses the model."
	)
	tests := []struct {
		name, text, id string
		added          []string // the added blocks, in text order
	}{
		{"Chinese terms after Apache-2.0", apache + "\n" + zhTerms + "\n", "apache-2.0", []string{zhTerms}},
		{"a model section after Apache-2.0", apache + "\n" + enTerms + "\n", "apache-2.0", []string{enTerms}},
		{"a Markdown model license after MIT", "Copyright (c) 2026 Zeta Labs\n\n" + mit + "\n" + mdTerms + "\n", "mit", []string{mdTerms}},
		{"a non-commercial clause after BSD-3-Clause", bsd + "\n" + bsdNC + "\n", "bsd-3-clause", []string{bsdNC}},
		{"a preamble that narrows the grant", narrow + "\n\n" + mit, "mit", []string{narrow}},
		{"terms before and after: two blocks", narrow + "\n\n" + mit + "\n" + mdTerms + "\n", "mit", []string{narrow, mdTerms}},
		{"two licenses for two parts", twoPart + "\n\n" + mit, "mit", nil},
		{"a request to cite", mit + "\n" + cite + "\n", "mit", nil},
		{"one short condition", mit + "\n" + short + "\n", "mit", []string{short}},
		{"one short condition in Chinese", apache + "\n" + zhShort + "\n", "apache-2.0", []string{zhShort}},
		{"what the license covers", mit + "\n" + scope + "\n", "mit", nil},
		{"a license of its own after MIT: one block", mit + "\n" + long + "\n", "mit", []string{long}},
		{"a list of uses after MIT", mit + "\n---\n\n" + list + "\n", "mit", []string{list}},
		{"a link to the original above MIT", "[This copy of the text is kept here for reference. For the original license, see https://example.org/zeta-model-terms-and-conditions-of-use.html]\n\n" + mit, "mit", nil},
		{"a license of its own, then a component's license", long + "\n\nTHIRD-PARTY SOFTWARE NOTICES AND INFORMATION\n\nThis project incorporates material from the project listed below.\n\n" + bsd, "bsd-3-clause", nil},
		{"terms before a standard license, third-party rights named", long + "\n\nYou must not infringe any third-party rights.\n\n" + bsd, "bsd-3-clause", []string{long + "\n\nYou must not infringe any third-party rights."}},
		{"terms between Apache-2.0's end of terms and its appendix", strings.Replace(apache, "END OF TERMS AND CONDITIONS", "END OF TERMS AND CONDITIONS\n\n"+between+"\n", 1), "apache-2.0", []string{between}},
		// A GNU license's whole text is a base for added terms too: before
		// it ("The Preamble of the GPLv2 does not apply ...") or after it;
		// the FSF's own linking exception is none.
		{"conditions put before GPL-2.0", prevail + "\n\n" + gpl2, "gpl-2.0", []string{prevail}},
		{"conditions put before LGPL-2.1", prevail + "\n\n" + lgpl21, "lgpl-2.1", []string{prevail}},
		{"a condition after GPL-3.0", gpl3 + "\n\n" + after + "\n", "gpl-3.0", []string{after}},
		{"GPL-3.0 as it is", gpl3, "gpl-3.0", nil},
		{"GPL-2.0 with the FSF's linking exception", gpl2 + "\n\n" + linking + "\n", "gpl-2.0", nil},
		// A Creative Commons legal code too, whose template leaves out the
		// notices of Creative Commons around it: those add no terms.
		{"a ban after CC BY-NC 4.0's legal code", ccPreamble + ccnc + ccAfterword + "\n\n" + after + "\n", "cc-by-nc-4.0", []string{after}},
		{"CC BY-NC 4.0 with its notices", ccPreamble + ccnc + ccAfterword + "\n", "cc-by-nc-4.0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantAdded(t, tt.text, tt.id, tt.added) })
	}
}

// wantAdded checks that text is one license, id, with the added blocks
// want.
func wantAdded(t *testing.T, text, id string, want []string) {
	t.Helper()
	ms := Identify(kb.Default(), []byte(text))
	if len(ms) != 1 || ms[0].ID != id {
		t.Fatalf("Identify = %v, want one %s", matchIDs(ms), id)
	}
	if got := addedTexts(text, ms[0].Added); strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("added %q, want %q", got, want)
	}
}

// addedTexts are the texts of spans, in text order.
func addedTexts(text string, spans []Span) []string {
	var out []string
	for _, s := range sortedSpans(spans) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func sortedSpans(spans []Span) []Span {
	out := append([]Span(nil), spans...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Start < out[i].Start {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// A standard text with words changed in it (a limit put into MIT's grant,
// rights taken out of its list) matches no licensecheck template, adds too
// few words for a section of its own, and is still that license modified:
// the changed sentence is the added text. A text that only calls the
// Software by another name throughout changes no term.
func TestChangedWordsInStandardText(t *testing.T) {
	mit := stdtext.Text("MIT")
	grant := mit[strings.Index(mit, "Permission") : strings.Index(mit, "do so,")+len("do so,")] // the template parts it from "subject to the following conditions:"
	tests := []struct {
		name, from, to string
		changed        bool
	}{
		{"a limit put into the grant", "without restriction", "for non-commercial purposes only", true},
		{"rights taken out of the grant", "merge, publish, distribute, sublicense and/or sell modified copies", "and merge copies", true},
		{"the Software renamed", "Materials", "Model", false},
	}
	k := kb.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := replaceWords(mit, tt.from, tt.to)
			var added []string
			for _, m := range Identify(k, []byte(text)) {
				if m.ID != "mit" {
					t.Errorf("identified as %s", m.ID)
				}
				added = append(added, addedTexts(text, m.Added)...)
			}
			want := []string(nil)
			if tt.changed {
				want = []string{replaceWords(grant, tt.from, tt.to)}
			}
			if strings.Join(added, "\x00") != strings.Join(want, "\x00") {
				t.Errorf("added %q, want %q", added, want)
			}
		})
	}
}

// replaceWords replaces the words of from in text, however the lines
// break them, with to.
func replaceWords(text, from, to string) string {
	words := strings.Fields(from)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `\s+`)).ReplaceAllLiteralString(text, to)
}

// A short file that names a Creative Commons license and sets conditions
// of its own: the pointer is the license, its conditions are added terms
// (one block per run of sentences that bind). A bare pointer, or one that
// asks for a citation, adds none.
func TestPointerWithTerms(t *testing.T) {
	tests := []struct {
		name, text, id string
		added          []string
	}{
		{"CC BY-SA by name, a condition after it",
			"This model is licensed under CC BY-SA 4.0.\n\nIn addition, you may not use this model for medical diagnosis or to train other models.\n",
			"cc-by-sa-4.0", []string{"In addition, you may not use this model for medical diagnosis or to train other models."}},
		{"CC BY-NC-SA by its URL",
			"License: https://creativecommons.org/licenses/by-nc-sa/4.0/\n\nYou may not use the model in any product offered to children.\n",
			"cc-by-nc-sa-4.0", []string{"You may not use the model in any product offered to children."}},
		{"the long name, the condition in the same paragraph",
			"The weights are released under the Creative Commons Attribution-NonCommercial 4.0 International License. Additionally, you shall not use them for the surveillance of people.\n",
			"cc-by-nc-4.0", []string{"Additionally, you shall not use them for the surveillance of people."}},
		{"a bare pointer", "The model weights of Zeta are licensed under CC BY-NC 4.0.\n", "cc-by-nc-4.0", nil},
		{"Apache-2.0 by name, with a restriction",
			"This model is released under the Apache 2.0 license with the following additional restriction: the model may not be used for military purposes.\n",
			"apache-2.0", []string{"the model may not be used for military purposes."}},
		{"MIT by name, with an exception",
			"The weights are provided under the MIT License, except that you may not use them for commercial purposes without our written permission.\n",
			"mit", []string{"The weights are provided under the MIT License, except that you may not use them for commercial purposes without our written permission."}},
		{"a pointer, the terms of a part under a rule",
			"The checkpoints are licensed under CC BY-NC-SA 4.0.\n\n------\nPART 1: DATASET TERMS\n------\n\nThe checkpoints were trained on the Zeta dataset, made available under these terms:\n1. Users shall use the dataset only for non-commercial research.\n2. The providers give no warranties about the dataset.\n3. Users shall not redistribute the dataset.\n",
			"cc-by-nc-sa-4.0", []string{"1. Users shall use the dataset only for non-commercial research.\n2. The providers give no warranties about the dataset.\n3. Users shall not redistribute the dataset."}},
		{"a pointer made subject to exceptions, the exceptions under a rule",
			"The checkpoints distributed herewith are licensed under CC BY-NC-SA 4.0 subject to the LICENSE EXCEPTIONS.\n\n------\nLICENSE EXCEPTIONS\n------\n\n1. Users shall use the checkpoints only for non-commercial research.\n2. Users shall not redistribute the checkpoints.\n",
			"cc-by-nc-sa-4.0", []string{"The checkpoints distributed herewith are licensed under CC BY-NC-SA 4.0 subject to the LICENSE EXCEPTIONS.", "1. Users shall use the checkpoints only for non-commercial research.\n2. Users shall not redistribute the checkpoints."}},
		{"a pointer and a citation",
			"The model weights are licensed under CC BY 4.0.\n\nIf you use them in your research, please cite our paper on efficient speech synthesis.\n",
			"cc-by-4.0", nil},
		// the other ways a file names its license: "under a ...", a
		// "License:" line, a title line that is the name, a Markdown
		// link, Chinese
		{"named after 'under a'",
			"The Zeta model is licensed under a Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International License.\n\nYou may not use the model for military purposes.\n",
			"cc-by-nc-sa-4.0", []string{"You may not use the model for military purposes."}},
		{"named on a License line",
			"License: CC-BY-NC-4.0\n\nYou must not use the model to generate disinformation.\n",
			"cc-by-nc-4.0", []string{"You must not use the model to generate disinformation."}},
		{"named by the title line",
			"Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)\n\nYou must not use the model to generate disinformation.\n",
			"cc-by-nc-4.0", []string{"You must not use the model to generate disinformation."}},
		{"named by a Markdown link",
			"# Model License\n\nThis model is licensed under [CC BY-NC-SA 4.0](https://example.org/cc-by-nc-sa).\n\n## Restrictions\n\n- You may not use the model for military purposes.\n",
			"cc-by-nc-sa-4.0", []string{"## Restrictions\n\n- You may not use the model for military purposes."}},
		// wrapped prose breaks lines between the words and inside the
		// name; Markdown sets the name in emphasis
		{"the name over a line break, in a link",
			"# Weights license\n\nThe Zeta weights are licensed\nunder the [Creative Commons Attribution-NonCommercial 4.0\nInternational license](https://example.org/by-nc).\n\nThe code is separately licensed under the MIT License.\n\nYou must not use the weights to identify people.\n",
			"cc-by-nc-4.0", []string{"You must not use the weights to identify people."}},
		{"the name in emphasis",
			"The Zeta weights are released under the **Apache License 2.0**.\n\n## Responsible use\n\nGenerated speech must not be used to impersonate anyone.\n",
			"apache-2.0", []string{"## Responsible use\n\nGenerated speech must not be used to impersonate anyone."}},
		{"licensed under, over a line break",
			"The checkpoints are licensed\nunder the BSD 3-Clause License.\n\nYou shall not use them for military purposes.\n",
			"bsd-3-clause", []string{"You shall not use them for military purposes."}},
		{"named in Chinese",
			"本模型采用 CC BY-NC 4.0 许可协议。\n\n您不得将本模型用于军事用途。\n",
			"cc-by-nc-4.0", []string{"您不得将本模型用于军事用途。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantAdded(t, tt.text, tt.id, tt.added) })
	}
	// A bare pointer by name leaves the license where it is; a file that
	// names two licenses holds two parts.
	for _, text := range []string{
		"This project is licensed under the MIT License.\n",
		"The code is released under the MIT License and the documentation under the Apache License 2.0; you may not remove this notice.\n",
	} {
		if ms := Identify(kb.Default(), []byte(text)); len(ms) != 0 {
			t.Errorf("%q: Identify = %v, want nothing", text, matchIDs(ms))
		}
	}
}

// A Responsible AI license with terms of its own: a numbered section
// under a heading the family's licenses do not have, restricted uses past
// the license's number of them, prose that binds after the list or before
// the title. The RAIL-shaped text is made up (the BigScience Open RAIL-M
// title, the family's section headings, thirteen invented restrictions).
func TestAddedToRAIL(t *testing.T) {
	var items []string
	for i := range 13 {
		items = append(items, fmt.Sprintf("(%c) To do restricted thing number %d with it", 'a'+i, i+1))
	}
	list := strings.Join(items, ";\n") + ".\n"
	head := "BigScience Open RAIL-M License\n\n"
	sections := "1. Definitions. \"Model\" means the weights.\n\n" +
		"2. Grant of Copyright License. You may use the Model.\n\n" +
		"5. Use-based restrictions. You cannot use the Model for the uses in Attachment A.\n\n" +
		"7. Updates and Runtime Restrictions. The Licensor may restrict use of the Model.\n\n" +
		"8. Trademarks and related. No trademark rights are granted.\n\n"
	tail := "END OF TERMS AND CONDITIONS\n\nAttachment A\n\nUse Restrictions\n\nYou agree not to use the Model or Derivatives of the Model:\n\n"
	const (
		section  = "7A. Commercial Scale. If your products built on the Model have more than 10 million monthly active users, you must obtain a separate license from the Licensor."
		law      = "9. Governing Law. This License is governed by the laws of Ruritania, and you must bring any dispute before its courts."
		extra    = "(n) To do an added restricted thing with it."
		appended = "Additional restrictions: you shall not use the Model to operate gambling services, and you shall not deploy it in any product offered to children."
		preamble = "The Zeta model is made available under the license below, with one condition of our own: you must notify Zeta Labs before any commercial deployment of the Model."
		// sections added one after another: one block, as a reader marks it
		two = "7A. Attribution. You must credit Zeta Labs in any product built on the Model.\n7B. Share-a-Like. You must apply this License to any Derivatives of the Model."
	)
	sectionsWith := strings.Replace(sections, "8. Trademarks", section+"\n\n8. Trademarks", 1)
	tests := []struct {
		name, text string
		added      []string
	}{
		{"as published", head + sections + tail + list, nil},
		{"a section inserted", head + sectionsWith + tail + list, []string{section}},
		{"a section appended", head + sections + law + "\n\n" + tail + list, []string{law}},
		{"two sections inserted together", head + strings.Replace(sections, "8. Trademarks", two+"\n\n8. Trademarks", 1) + tail + list, []string{two}},
		{"a restricted use added", head + sections + tail + strings.TrimSuffix(list, ".\n") + ";\n" + extra + "\n", []string{extra}},
		{"terms after the list", head + sections + tail + list + "\n" + appended + "\n", []string{appended}},
		{"a preamble", preamble + "\n\n" + head + sections + tail + list, []string{preamble}},
		{"the list run into one paragraph", head + sections + tail + strings.ReplaceAll(list, ";\n", "; "), nil},
		// Bytes that lower-casing makes longer (Latin-1 bytes, "İ") before
		// the section: offsets found in the lower-case text are offsets in
		// the text (with bytes.ToLower they ran past its end: a panic).
		{"Latin-1 bytes and İ before a section inserted", head + strings.Replace(sectionsWith, "the weights.", "the weights \xa9\xa9\xa9 of \xc4\xb0stanbul"+strings.Repeat(" \xa9", 1000)+".", 1) + tail + list, []string{section}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantAdded(t, tt.text, "bigscience-openrail-m", tt.added) })
	}
}

// A short standard license rewritten into a model license: conditions
// numbered and added after MIT's notice condition, more words of the
// file's own than of MIT's (and a sentence written into that condition,
// a block of its own); a non-commercial limit put into BSD's first
// words beside a sentence appended; MIT's grant rewritten to list what it
// covers beside an added condition. Each changed or added block is found.
func TestAlteredShortLicense(t *testing.T) {
	mit, bsd := stdtext.Text("MIT"), stdtext.Text("BSD-3-Clause")
	const (
		sections = "2. If your products built on the Materials have more than 50 million monthly active users, you must obtain a separate license from Zeta Labs before any further use, which Zeta Labs may grant or refuse at its sole discretion.\n\n3. You must display \"Built with Zeta\" prominently on the user interface of every product or service that uses the Materials or any derivative of them, and in its documentation.\n\n4. The requirements of sections 2 and 3 do not apply to internal evaluation of the Materials that makes neither them nor their outputs available to any third party."
		nc       = "Redistribution and use for non-commercial purposes of this software"
		appended = "Any commercial use of this software requires a separate written license from Zeta Labs, which you may request by email."
		grant    = "to deal in the Materials, which include the model weights, parameters, configuration files, inference code and training code released with them,"
		cond     = "The Materials may not be used to develop weapons of any kind."
	)
	withSections := strings.Replace(mit, "portions of the Materials", "portions of the Materials\n\n"+sections+"\n", 1)
	withNC := strings.Replace(bsd, "Redistribution and use of this software", nc, 1) + "\n" + appended + "\n"
	ncSentence := nc // the template's blank line ends the paragraph there
	rewritten := replaceWords(mit, "to deal in the Materials", grant)
	rewritten = strings.Replace(rewritten, "portions of the Materials", "portions of the Materials.\n\n"+cond+"\n", 1)
	grantSentence := rewritten[strings.Index(rewritten, "Permission") : strings.Index(rewritten, "do so,")+len("do so,")]
	comply := "Your use of the Materials must comply with all applicable laws and regulations."
	withSentence := strings.Replace(mit, "portions of the Materials", "portions of the Materials\n"+comply+"\n\n"+sections+"\n", 1)
	tests := []struct {
		name, text, id string
		added          []string
	}{
		{"MIT with three sections added", withSections, "mit", []string{sections}},
		{"a sentence added to MIT's condition, sections after it: two blocks", withSentence, "mit", []string{comply, sections}},
		{"BSD limited in its first words, a sentence appended", withNC, "bsd-3-clause", []string{ncSentence, appended}},
		{"MIT's grant rewritten, a condition added", rewritten, "mit", []string{grantSentence, cond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantAdded(t, tt.text, tt.id, tt.added) })
	}
}

// An Apache-2.0 text rewritten the way model licenses rewrite it (each
// paragraph on one line, definitions widened, an item put at the head of
// the redistribution list so that the others are numbered anew, a section
// added), under a line that links to the original and a note on the
// license it is based on: the definitions rewritten one after another are
// one change, the renumbered items none, the words of the link's address
// no term, and the note no change.
func TestAlteredApacheRewritten(t *testing.T) {
	a := stdtext.Text("Apache-2.0")
	a = a[strings.Index(a, "TERMS AND CONDITIONS"):strings.Index(a, "END OF TERMS AND CONDITIONS")]
	a = strings.Replace(a, "software source code, documentation source,", "software source code, training datasets used for training or fine tuning a machine learning model, documentation source,", 1)
	a = strings.Replace(a, "compiled object code, generated documentation,", "compiled object code, a trained and/or fine-tuned machine learning model or artificial intelligence model, generated documentation,", 1)
	item := "1. You must include use-based restrictions as enforceable provisions in any agreement governing the use of the Work; and"
	a = strings.Replace(a, "(a) You must give", item+"\n\n2. You must give", 1)
	a = strings.Replace(a, "(b) You must cause", "3. You must cause", 1)
	a = strings.Replace(a, "3. You must retain", "4. You must retain", 1)
	section := "6. Acceptable Use. You must not use the Work for any purpose that violates the Zeta Acceptable Use Policy, and you must make sure your users comply with it."
	a = strings.Replace(a, "6. Trademarks.", section+"\n\n7. Trademarks.", 1)
	a = regexp.MustCompile(`([^\n])\n([^\n])`).ReplaceAllString(a, "$1 $2")
	note := "Introductory note\n\nThis license is, in part, based on the Apache License Version 2.0 (available at https://www.apache.org/licenses/), with a series of modifications. The contribution of the Apache License 2.0 to the framing of this document is acknowledged.\n\n"
	text := "[For the original license, see https://example.org/zeta-terms-and-conditions.html]\n\n" + note + a
	defs := text[strings.Index(text, "\"Source\" form") : strings.Index(text, "other media types.")+len("other media types.")]
	wantAdded(t, text, "apache-2.0", []string{defs, item, section})
}

// An abridged Apache-2.0 (sections dropped, paragraphs of its own between
// and after the rest) is still Apache-2.0 with terms added, its own
// paragraphs among the added blocks, not a license fineprint does not
// know.
func TestAlteredAbridgedApache(t *testing.T) {
	cut := func(a, from, to string) string {
		i, j := strings.Index(a, from), len(a)
		if to != "" {
			j = strings.Index(a, to)
		}
		return a[:i] + a[j:]
	}
	a := stdtext.Text("Apache-2.0")
	a = a[strings.Index(a, "TERMS AND CONDITIONS"):strings.Index(a, "END OF TERMS AND CONDITIONS")]
	a = regexp.MustCompile(`([^\n])\n([^\n])`).ReplaceAllString(a, "$1 $2")
	for _, part := range [][2]string{
		{"\"Source\" form shall mean", "\"Work\" shall mean"}, {"\"Contribution\" shall mean", "2. Grant of Copyright"},
		{"3. Grant of Patent License", "4. Redistribution"}, {"5. Submission of Contributions", "6. Trademarks"},
		{"7. Disclaimer of Warranty", "8. Limitation"}, {"9. Accepting Warranty", ""},
	} {
		a = cut(a, part[0], part[1])
	}
	conduct := "Model Conduct. You will not present any output of the Works as the work of a human author where a law or a platform's rules require a disclosure, you will label synthetic media made with the Works where your jurisdiction requires it, and you will keep records of the versions of the Works you deploy for as long as you offer a product built on them."
	feedback := "Feedback. You agree that Zeta may use your feedback without restriction or compensation to You."
	a = strings.Replace(a, "4. Redistribution", conduct+"\n\nUpdates. Zeta may publish new versions of the Works from time to time; each version comes with its own terms, and using a new version means accepting the terms that come with it, while the versions you already hold stay under the terms you accepted for them.\n\n4. Redistribution", 1)
	a = strings.Replace(a, "6. Trademarks", "Support. Zeta offers no support for the Works under this Agreement; any support, maintenance or hosting it provides is governed by a separate written agreement, and the answers of its staff on public forums neither change these terms nor create any duty of Zeta towards you or your customers.\n\n6. Trademarks", 1)
	a = strings.Replace(a, "8. Limitation of Liability", "Governing Law. This Agreement is governed by the laws of the State of Delaware, and the courts of Santa Clara County have exclusive jurisdiction over any dispute arising from it.\n\nOutputs. Zeta claims no ownership of any outputs generated using the Works, and you are responsible for the outputs you generate and for their use.\n\n8. Limitation of Liability", 1)
	text := "Zeta Open Model Agreement\n\nZeta Works released under this License are intended to be used permissively. Subject to the terms of this License, Zeta confirms that the Works are commercially usable and that you are free to create and distribute Derivative Works.\n\n" +
		a + "\n\n" + feedback + "\n\nTrade Compliance. You agree to comply with all applicable export and sanctions laws.\n"
	ms := Identify(kb.Default(), []byte(text))
	if len(ms) != 1 || ms[0].ID != "apache-2.0" || ms[0].Source != "altered" {
		t.Fatalf("matches %+v, want apache-2.0 altered", ms)
	}
	for _, own := range []string{conduct, feedback} {
		at := strings.Index(text, own)
		in := false
		for _, s := range ms[0].Added {
			in = in || s.Start <= at && at+len(own) <= s.End
		}
		if !in {
			t.Errorf("%q in no added block of %v", own, addedTexts(text, ms[0].Added))
		}
	}
}

// A sentence put at the end of a standard section ("... portions of the
// Software. You must not ...") is a change of its own, the sentence alone,
// whether licensecheck still matches the license around it (Apache-2.0,
// which it matches in pieces) or not (MIT), and whether or not a section
// of the file's own follows right after it. A sentence put in that binds
// nobody changes no term.
func TestSentencePutIntoStandardSection(t *testing.T) {
	const mit = "MIT License\n\nCopyright (c) 2026 Zeta Labs\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n"
	apache := stdtext.Text("Apache-2.0")
	const (
		mitSentence    = "You must not use the Software to provide a paid service without written permission from Zeta Labs."
		apacheSentence = "You will indemnify and hold harmless the Licensor from any claim by a third party arising out of your use of the Work." // the template's words alone
		idle           = "This section was reviewed in 2026 by the Zeta Labs editorial team for plain wording."
		section        = "Additional Terms\n\nYou may not use the model weights for military purposes, and you must pass these restrictions on to every recipient."
		opensAsNext    = "The Software may not be used for military purposes or to harm minors."
	)
	atMIT := strings.Index(mit, "portions of the Software.") + len("portions of the Software.")
	atApache := strings.Index(apache, "\n\nEND OF TERMS") // the end of section 9
	tests := []struct {
		name, text, id string
		added          []string
	}{
		{"MIT, a sentence after the notice condition", mit[:atMIT] + " " + mitSentence + mit[atMIT:], "mit", []string{mitSentence}},
		{"MIT, the sentence, then a section", mit[:atMIT] + " " + mitSentence + "\n\n" + section + mit[atMIT:], "mit", []string{mitSentence, section}},
		// the sentence put in opens as the disclaimer after it does, which
		// takes up the text again: the disclaimer is no part of the change
		{"MIT, a sentence that opens as the next one", mit[:atMIT] + " " + opensAsNext + mit[atMIT:], "mit", []string{opensAsNext}},
		{"MIT, the grant changed in two places: one change", strings.Replace(strings.Replace(mit, "to deal in the Software without restriction,", "to deal in the Software for non-commercial research only. This covers,", 1), "furnished to do so,", "furnished to do so, provided they are not a competitor of Zeta Labs and", 1), "mit",
			[]string{"Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software for non-commercial research only. This covers, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, provided they are not a competitor of Zeta Labs and subject to the following conditions:"}},
		{"Apache-2.0, a sentence at the end of section 9", apache[:atApache] + " " + apacheSentence + apache[atApache:], "apache-2.0", []string{apacheSentence}},
		{"Apache-2.0, the sentence, then a section", apache[:atApache] + " " + apacheSentence + "\n\n" + section + apache[atApache:], "apache-2.0", []string{apacheSentence, section}},
		{"Apache-2.0, a sentence that binds nobody", apache[:atApache] + " " + idle + apache[atApache:], "apache-2.0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantAdded(t, tt.text, tt.id, tt.added) })
	}
}

// A license rewritten from a Creative Commons legal code (a title of its
// own, the preamble left out, a section put in, the sections that survive
// termination numbered anew; in CC BY-NC 4.0, "NonCommercial" spelt
// "Non-Commercial" and defined in words of its own) matches no licensecheck
// template and is that Creative Commons license modified, the fullest
// template it holds: CC BY 4.0's is a larger share of such a CC BY-NC 4.0,
// whose own template it holds more of. Numbers changed with the sections
// (and a "shall" put into the survival sentence) add no words of the
// file's own; the definition written anew is a change, as it sets what
// the grant's "for Non-Commercial purposes only" allows.
func TestRewrittenFromStandardText(t *testing.T) {
	const (
		title   = "Zeta Public License for Model Weights\n\n"
		section = "Section 5A – Indemnity.\n\nYou agree to indemnify, defend, and hold harmless Zeta Labs from any claim arising out of your use of the Licensed Material."
	)
	rewrite := func(id string) string {
		cc := stdtext.Text(id)
		body := cc[strings.Index(cc, "Section 1 – Definitions."):]
		at := strings.Index(body, "Section 6 – Term")
		body = body[:at] + section + "\n\n" + body[at:]
		body = strings.Replace(body, "Sections 1, 5, 6, 7, and 8 survive", "Sections 1, 4, 5, 6, and 7 shall survive", 1)
		if i := strings.Index(body, "NonCommercial means"); i >= 0 {
			j := strings.Index(body, "the exchange.") + len("the exchange.")
			body = body[:i] + "NonCommercial means not intended for any financial or monetary compensation or benefit." + body[j:]
		}
		return title + strings.ReplaceAll(body, "NonCommercial", "Non-Commercial")
	}
	const definition = "Non-Commercial means not intended for any financial or monetary compensation or benefit."
	for _, tt := range []struct {
		template, id string
		added        []string
	}{
		{"CC-BY-NC-4.0", "cc-by-nc-4.0", []string{definition, section}},
		{"CC-BY-4.0", "cc-by-4.0", []string{section}},
		{"CC-BY-SA-4.0", "cc-by-sa-4.0", []string{section}},
	} {
		t.Run(tt.id, func(t *testing.T) { wantAdded(t, rewrite(tt.template), tt.id, tt.added) })
	}
	// The same for Apache-2.0: a section put in, the sections after it
	// numbered anew.
	apache := stdtext.Text("Apache-2.0")
	const restrictions = "5. Use Restrictions. You may not use the Work or any Derivative Works to provide services to the military, and You must pass this restriction on to every recipient."
	at := strings.Index(apache, "5. Submission of Contributions")
	text := apache[:at] + restrictions + "\n\n" + apache[at:]
	for n, heading := range []string{"Submission of Contributions", "Trademarks", "Disclaimer of Warranty", "Limitation of Liability", "Accepting Warranty"} {
		text = strings.Replace(text, fmt.Sprintf("%d. %s", n+5, heading), fmt.Sprintf("%d. %s", n+6, heading), 1)
	}
	t.Run("apache-2.0", func(t *testing.T) { wantAdded(t, text, "apache-2.0", []string{restrictions}) })
}

// A list item put into a standard list is the file's own, its number
// included ("4. Products derived from this software may not be called ..."
// after BSD-3-Clause's three conditions), though numbers are no words of
// its own. Creative Commons licenses before 4.0 are not compared word by
// word: they were ported to each jurisdiction, and a port departs from the
// unported text in every sentence.
func TestItemsAndPortsOfStandardText(t *testing.T) {
	const (
		bsd        = "Copyright (c) 2026 Zeta Labs\nAll rights reserved.\n\nRedistribution and use in source and binary forms, with or without\nmodification, are permitted provided that the following conditions are met:\n\n1. Redistributions of source code must retain the above copyright notice, this\n   list of conditions and the following disclaimer.\n\n2. Redistributions in binary form must reproduce the above copyright notice,\n   this list of conditions and the following disclaimer in the documentation\n   and/or other materials provided with the distribution.\n\n3. Neither the name of the copyright holder nor the names of its\n   contributors may be used to endorse or promote products derived from\n   this software without specific prior written permission.\n\n"
		item       = "4. Products derived from this software may not be called \"Zeta\",\n   nor may \"Zeta\" appear in their name, without prior written\n   permission of Zeta Labs."
		disclaimer = "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\"\nAND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE\nIMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE\nDISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE\nFOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL\nDAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR\nSERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER\nCAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,\nOR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE\nOF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.\n"
	)
	t.Run("an item put into BSD-3-Clause's list", func(t *testing.T) {
		wantAdded(t, bsd+item+"\n\n"+disclaimer, "bsd-3-clause", []string{item})
	})
	t.Run("CC BY-NC 3.0 with a section put in", func(t *testing.T) {
		cc := stdtext.Text("CC-BY-NC-3.0")
		at := strings.Index(cc, "6. Limitation on Liability")
		if at < 0 {
			t.Fatal("no section 6 in the template's text")
		}
		// a port has a title of its own, spells "Licence" as British
		// English does, and puts in sections of its own law; this copy
		// leaves out the address
		text := cc[:at] + "5A. Indemnity. You agree to indemnify and hold harmless Zeta Labs from any claim arising out of your use of the Work.\n\n" + cc[at:]
		text = strings.NewReplacer("License", "Licence", "3.0 Unported", "3.0 Australia", "https://creativecommons.org/licenses/by-nc/3.0 /legalcode", "").Replace(text)
		for _, m := range Identify(kb.Default(), []byte(text)) {
			if len(m.Added) > 0 {
				t.Errorf("%s (%s) with added %q", m.ID, m.Source, addedTexts(text, m.Added))
			}
		}
	})
}

// Standard texts as projects ship them stay unmodified: a license that
// licensecheck knows under its own name, though no entry names it (0BSD
// shares ISC's words, BSD-4-Clause BSD-3-Clause's), a copy with a word
// left out of its disclaimer, a note on a third party's component, and
// a line saying whose code a package holds.
func TestStandardTextsStayUnmodified(t *testing.T) {
	mit, isc := stdtext.Text("MIT"), stdtext.Text("ISC")
	zeroBSD, bsd4 := stdtext.Text("0BSD"), stdtext.Text("BSD-4-Clause")
	if zeroBSD == "" || bsd4 == "" {
		t.Fatal("licensecheck lacks a template the test writes out")
	}
	// BSD-2-Clause as projects ship it (the template's fullest wording is
	// a variant's), its paragraphs on one line each
	const bsd2 = "Copyright (c) 2026 Zeta Labs\nAll rights reserved.\n\nRedistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:\n\nRedistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.\n\nRedistributions in binary form must reproduce the above copyright notice, this list of conditions and the following disclaimer in the documentation and/or other materials provided with the distribution.\n\nTHIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.\n"
	tests := []struct {
		name, text string
		id         string // the license found, "" for none
	}{
		{"0BSD", "Copyright (c) 2026 Zeta Labs\n\n" + zeroBSD, ""},
		{"BSD-4-Clause", bsd4, ""},
		{"a word left out of BSD-2-Clause's disclaimer", strings.Replace(bsd2, "THIS SOFTWARE IS PROVIDED", "THIS IS PROVIDED", 1), "bsd-2-clause"},
		{"MIT and a third-party dependency's license", mit + "\n-- NOTE: Third party dependency used by this software --\nThis software depends on the zeta-fmt library (MIT License),\nand users must comply with its license: https://example.org/zeta-fmt/LICENSE\n", "mit"},
		{"ISC and whose code the package holds", "This package contains code originally written by Zeta Labs.\nUsed with permission.\n\n" + isc, "isc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Identify(kb.Default(), []byte(tt.text))
			for _, m := range ms {
				if len(m.Added) > 0 {
					t.Errorf("%s (%s) with added %q", m.ID, m.Source, addedTexts(tt.text, m.Added))
				}
			}
			if tt.id != "" && (len(ms) == 0 || ms[0].ID != tt.id) {
				t.Errorf("Identify = %v, want %s first", matchIDs(ms), tt.id)
			}
		})
	}
}

// A GNU notice ("This program is free software ...") is no base for added
// terms: the file that holds it says more of its own.
func TestGNUNoticeAddsNothing(t *testing.T) {
	const notice = "Zeta Tools\n\nThis program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n\nThis program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details.\n\nThe tools read and write model checkpoints; the documentation says which formats they support and how to run them on a cluster.\n"
	for _, m := range Identify(kb.Default(), []byte(notice)) {
		if len(m.Added) > 0 {
			t.Errorf("%s (%s) with added %q", m.ID, m.Source, addedTexts(notice, m.Added))
		}
	}
}

// A sentence beside a standard license or a pointer to one adds a term
// only when it binds: a duty, a ban, a limit of the grant, a permission
// beyond it. One that asks, points, cites or describes, that says again a
// duty of the Creative Commons license it stands beside, or that names
// another part's license, adds none. Each case is the base text, then the
// sentences put after it; want is the byte range of the added block in
// the whole text, or none.
func TestAddedSentenceBindsOrNot(t *testing.T) {
	mit, apache := stdtext.Text("MIT"), stdtext.Text("Apache-2.0")
	const (
		ccNC   = "The model weights are licensed under CC BY-NC 4.0.\n\n"
		zhCCNC = "本模型权重采用 CC BY-NC 4.0 许可协议。\n\n"
	)
	tests := []struct {
		name, base, after, id string
		added                 string // the added block, "" for none
	}{
		// asks, points, cites
		{"a note and a request to cite after a CC pointer", ccNC,
			"Please note that the model is provided for research purposes only. If you use it in your work, please cite our paper.\n", "cc-by-nc-4.0", ""},
		{"a request to write for a commercial license (zh)", zhCCNC,
			"如需商业使用，请联系 business@example.com 获取商业许可。\n", "cc-by-nc-4.0", ""},
		{"where the full text is, with its conditions", mit + "\n",
			"For the full text of the license and its conditions, see https://example.org/zeta/license.html and the model card.\n", "mit", ""},
		{"where the full text is (zh)", apache + "\n",
			"本许可证的全文及使用条件详见 https://example.org/zeta/license.html ，商业授权事宜请联系我们。\n", "apache-2.0", ""},
		// says the Creative Commons license again
		{"a restated CC deed", ccNC,
			"Under the following terms: Attribution - You must give appropriate credit, provide a link to the license, and indicate if changes were made. NonCommercial - You may not use the material for commercial purposes.\n", "cc-by-nc-4.0", ""},
		{"a restated CC deed (zh)", zhCCNC,
			"署名 — 您必须给出适当的署名，提供指向本许可协议的链接，同时标明是否作了修改。非商业性使用 — 您不得将本作品用于商业目的。\n", "cc-by-nc-4.0", ""},
		// describes
		{"a copyright line and a project preamble", "Copyright 2026 Zeta Labs.\n\nZeta is a speech model for call centres, built for commercial and research settings; this repository holds its code, its weights and the conditions of its training data.\n\n" + apache, "", "apache-2.0", ""},
		{"a copyright line and a project preamble (zh)", "版权所有 © 2026 Zeta 实验室。\n\nZeta 是一个面向商业与学术场景的语音模型，本仓库包含其代码、权重及许可信息。\n\n" + apache, "", "apache-2.0", ""},
		// another part's license
		{"code under Apache-2.0, weights under another license", "The code in this repository is licensed under the Apache License 2.0 below; use of the model weights must comply with the Zeta Model License Agreement.\n\n" + apache, "", "apache-2.0", ""},
		{"code under Apache-2.0, weights under another license (zh)", "本项目代码采用 Apache 2.0 许可证，模型权重的使用须遵循《Zeta 模型许可协议》。\n\n" + apache, "", "apache-2.0", ""},

		// says which file governs what, "the only", another's terms
		// quoted, the deed's grant, other terms that may apply, the
		// notice every standard license keeps
		{"which file governs the weights", "The model weights are licensed under CC BY 4.0.\n\n",
			"Note: the source code is licensed separately under AGPL-3.0 (see LICENSE). This file governs the model weights only.\n", "cc-by-4.0", ""},
		{"'the only' and a dataset's terms quoted", ccNC,
			"Why non-commercial: one training source carries a non-commercial restriction:\n\n    \"Any redistribution, use, or modification is done solely for non-commercial purposes.\"\n\nIt was the only source of real camera noise, which is what made the model work at all.\n", "cc-by-nc-4.0", ""},
		{"the deed's grant and other terms that may apply", "The weights are licensed under CC BY-SA 4.0.\n\n",
			"- You may share and adapt the material, including for commercial use.\n- You must provide appropriate attribution.\n- Additional source-specific attribution or terms may still apply.\n", "cc-by-sa-4.0", ""},
		{"the license's notice kept", mit + "\n",
			"You may not remove or alter this license notice in any copies of the Software.\n", "mit", ""},
		{"the license's notice kept (zh)", apache + "\n",
			"您不得删除或修改本软件副本中的版权声明。\n", "apache-2.0", ""},

		// binds: a duty above a threshold, a limit, a permission, a ban,
		// terms that derivatives inherit
		{"an attribution duty above a number of users", mit + "\n",
			"If your product has more than 1 million monthly active users, you must display \"Built with Zeta\" in its user interface.", "mit",
			"If your product has more than 1 million monthly active users, you must display \"Built with Zeta\" in its user interface."},
		{"an attribution duty above a number of users (zh)", apache + "\n",
			"若您的产品月活跃用户超过一百万，您须在产品界面显著位置标注“基于 Zeta 构建”。", "apache-2.0",
			"若您的产品月活跃用户超过一百万，您须在产品界面显著位置标注“基于 Zeta 构建”。"},
		{"weights kept to non-commercial research", mit + "\n",
			"The model weights may be used for non-commercial research only.", "mit", "The model weights may be used for non-commercial research only."},
		{"weights kept to non-commercial research (zh)", mit + "\n",
			"本模型权重仅可用于非商业研究。", "mit", "本模型权重仅可用于非商业研究。"},
		{"a permission added to CC BY-NC", ccNC,
			"In addition, you may also use the outputs of the model for commercial purposes.", "cc-by-nc-4.0", "In addition, you may also use the outputs of the model for commercial purposes."},
		{"a permission added to CC BY-NC (zh)", zhCCNC,
			"此外，我们额外授权您将本模型的输出用于商业目的。", "cc-by-nc-4.0", "此外，我们额外授权您将本模型的输出用于商业目的。"},
		{"a CC element narrowed to research", ccNC,
			"NonCommercial - you may use the model for academic research only.", "cc-by-nc-4.0", "NonCommercial - you may use the model for academic research only."},
		{"a ban on military use added to Apache-2.0", apache + "\n",
			"Please note: you may not use the model for military purposes.", "apache-2.0", "Please note: you may not use the model for military purposes."},
		{"a ban on military use added to Apache-2.0 (zh)", apache + "\n",
			"请注意：您不得将本模型用于任何军事用途。", "apache-2.0", "请注意：您不得将本模型用于任何军事用途。"},
		{"derivatives inherit the terms, after CC BY-NC's own", ccNC,
			"* Attribution. Credit this project and state that the weights are under CC BY-NC 4.0.\n* Non-commercial only. You may not use the weights primarily for commercial advantage or monetary compensation.\n* Derivative weights inherit these terms.\n", "cc-by-nc-4.0",
			"* Derivative weights inherit these terms."},
		{"a ban on commercial use beside CC BY", "The weights are licensed under CC BY 4.0.\n\n",
			"You may not use the weights for commercial purposes.", "cc-by-4.0", "You may not use the weights for commercial purposes."},
		{"a credit to display beside the notice", mit + "\n",
			"You must keep this notice and display \"Built with Zeta\" in your product.", "mit", "You must keep this notice and display \"Built with Zeta\" in your product."},
		{"derivatives inherit the terms", mit + "\n",
			"Derivative weights trained from the model inherit these terms.", "mit", "Derivative weights trained from the model inherit these terms."},
		{"derivatives inherit the terms (zh)", mit + "\n",
			"基于本模型训练得到的衍生权重继承本许可的全部条款。", "mit", "基于本模型训练得到的衍生权重继承本许可的全部条款。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.base + tt.after
			ms := Identify(kb.Default(), []byte(text))
			var got []Span
			for _, m := range ms {
				if m.ID == tt.id {
					got = m.Added
				} else if len(m.Added) > 0 {
					t.Errorf("%s: added %v", m.ID, addedTexts(text, m.Added))
				}
			}
			var want []Span
			if tt.added != "" {
				at := strings.LastIndex(text, tt.added)
				want = []Span{{at, at + len(tt.added)}}
				if len(ms) == 0 || ms[0].ID != tt.id {
					t.Fatalf("Identify = %v, want %s first", matchIDs(ms), tt.id)
				}
			}
			if fmt.Sprint(sortedSpans(got)) != fmt.Sprint(want) {
				t.Errorf("added %v %q, want %v", got, addedTexts(text, got), want)
			}
		})
	}
}

// A file that names its license in a heading and again in a credit line
// to copy is found twice, by licensecheck (the name) and by a fingerprint
// (the credit line): one license, listed once, over both.
func TestOnceEach(t *testing.T) {
	ms := onceEach([]Match{
		{ID: "cc-by-nc-4.0", Source: "fingerprint", Start: 941, End: 3752, TitleStart: 941, TitleEnd: 1020, Confidence: 1},
		{ID: "cc-by-nc-4.0", Source: "licensecheck", Start: 402, End: 525, TitleStart: 402, TitleEnd: 449, Confidence: 0.5, Added: []Span{{600, 700}}},
		{ID: "acceptable-use", Policy: true, Start: 3000, End: 3752},
	})
	want := []Match{
		{ID: "cc-by-nc-4.0", Source: "fingerprint", Start: 402, End: 3752, TitleStart: 402, TitleEnd: 449, Confidence: 1, Added: []Span{{600, 700}}},
		{ID: "acceptable-use", Policy: true, Start: 3000, End: 3752},
	}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("onceEach = %+v, want %+v", ms, want)
	}
}
