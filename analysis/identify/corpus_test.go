package identify

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/internal/corpus"
	"github.com/fineprint-dev/fineprint/internal/stdtext"
)

// corpusIDs is every file of ../shared/corpus/licenses with the ids
// Identify must return, in order. NOTICE files are identified as the license
// they name: dbrx/NOTICE names the Databricks Open Model License,
// yi-apache-2.0/NOTICE is an Apache-2.0 attribution template, and
// tongyi-qianwen/NOTICE gathers the licenses of third-party code (Apache-2.0,
// MIT, BSD-3-Clause), largest first. Both Apple files carry the Apple Sample
// Code License text (ScanCode files the Ferret copy under its own key).
// tencent-hunyuan-community/Notice gathers third-party licenses like the
// Qwen NOTICE. tencent-modified-mit/LICENSE_MODEL writes a research-only
// condition into the MIT text, so no licensecheck template matches it; it
// holds most of MIT's wording, so it is "mit" with added terms (altered.go),
// like the modified MIT texts that keep the template (MiniMax, Tencent
// LICENSE).
var corpusIDs = map[string][]string{
	"agpl-3.0/ultralytics-yolo26/LICENSE.txt":                   {"agpl-3.0"},
	"ai-pubs-openrail-m/LICENSE-MODEL.md":                       {"ai-pubs-openrail-m"},
	"apache-2.0/grok-1/LICENSE.txt":                             {"apache-2.0"},
	"apache-2.0/mistral-inference/LICENSE":                      {"apache-2.0"},
	"apple-ml-ferret/apple-ml-ferret-2023.LICENSE":              {"apple-ascl"},
	"apple-sample-code-openelm/LICENSE":                         {"apple-ascl"},
	"bigcode-openrail-m/bigcode-open-rail-m-v1.LICENSE":         {"bigcode-openrail-m"},
	"bigscience-bloom-rail-1.0/bigscience-rail-1.0.LICENSE":     {"bigscience-bloom-rail-1.0"},
	"bigscience-openrail-m/bigscience-open-rail-m.LICENSE":      {"bigscience-openrail-m"},
	"cc-by-nc-4.0/cc-by-nc-4.0.LICENSE":                         {"cc-by-nc-4.0"},
	"cc-by-nc-4.0/seamless_communication/LICENSE":               {"cc-by-nc-4.0"},
	"cc-by-sa-4.0/cc-by-sa-4.0.LICENSE":                         {"cc-by-sa-4.0"},
	"chai-discovery-community/LICENSE.md":                       {"chai-discovery-community"},
	"chatglm-6b/MODEL_LICENSE":                                  {"chatglm-6b"},
	"chatglm2-6b/MODEL_LICENSE":                                 {"chatglm2-6b"},
	"chatglm3-6b/MODEL_LICENSE":                                 {"chatglm3-6b"},
	"chatglm3-6b/variant-2023-10-27/MODEL_LICENSE":              {"chatglm3-6b"},
	"creativeml-openrail-m/LICENSE":                             {"creativeml-openrail-m"},
	"creativeml-openrail-m/stable-diffusion-2022-08-22.LICENSE": {"creativeml-openrail-m"},
	"dbrx/LICENSE":                                                        {"databricks-open-model"},
	"dbrx/NOTICE":                                                         {"databricks-open-model"},
	"deepfloyd-if/LICENSE-MODEL":                                          {"deepfloyd-if-license"},
	"deepseek/LICENSE-CODE":                                               {"mit"},
	"deepseek/LICENSE-MODEL":                                              {"deepseek"},
	"deepseek/variant-deepseek-v2/LICENSE-MODEL":                          {"deepseek"},
	"dinov3/LICENSE.txt":                                                  {"dinov3"},
	"fair-noncommercial-research/LICENSE.weigths.txt":                     {"fair-noncommercial-research-license", "fair-acceptable-use-policy"},
	"falcon-180b-tii-1.0/falcon170BTOU.md":                                {"falcon-180b-tii"},
	"gemma/GEMMA_TERMS_OF_USE.txt":                                        {"gemma"},
	"gemma/variant-2024-04-01/LICENSE.weights.txt":                        {"gemma"},
	"gpl-3.0/llama-1-code/LICENSE":                                        {"gpl-3.0"},
	"gpl-3.0/yolo_world-duplicated-text/LICENSE.txt":                      {"gpl-3.0"},
	"gpl-3.0/yolov9/LICENSE.txt":                                          {"gpl-3.0"},
	"internlm-apache-2.0-variant/LICENSE":                                 {"apache-2.0"},
	"llama-1/LICENSE_WEIGHTS":                                             {"llama1"},
	"llama-1/llama-license-2023.LICENSE":                                  {"llama1"},
	"llama-2/LICENSE":                                                     {"llama2"},
	"llama-2/USE_POLICY.md":                                               {"llama2-use-policy"},
	"llama-2/llama-2-license-2023.LICENSE":                                {"llama2"},
	"llama-2/variant-2023-07-18-initial/LICENSE":                          {"llama2"},
	"llama-2/variant-hf-meta-llama-Llama-2-7b-hf/LICENSE.txt":             {"llama2"},
	"llama-2/variant-llama-models/LICENSE":                                {"llama2"},
	"llama-2/variant-llama-models/USE_POLICY.md":                          {"llama2-use-policy"},
	"llama-3.1/LICENSE":                                                   {"llama3.1"},
	"llama-3.1/USE_POLICY.md":                                             {"llama3.1-use-policy"},
	"llama-3.1/llama-3.1-license-2024.LICENSE":                            {"llama3.1"},
	"llama-3.2/LICENSE":                                                   {"llama3.2"},
	"llama-3.2/USE_POLICY.md":                                             {"llama3.2-use-policy"},
	"llama-3.2/variant-hf-meta-llama-Llama-3.2-1B/LICENSE.txt":            {"llama3.2"},
	"llama-3.3/LICENSE":                                                   {"llama3.3"},
	"llama-3.3/USE_POLICY.md":                                             {"llama3.3-use-policy"},
	"llama-3/LICENSE":                                                     {"llama3", "llama3-use-policy"},
	"llama-3/USE_POLICY.md":                                               {"llama3-use-policy"},
	"llama-3/variant-llama-models/LICENSE":                                {"llama3", "llama3-use-policy"},
	"llama-3/variant-llama-models/USE_POLICY.md":                          {"llama3-use-policy"},
	"llama-4/LICENSE":                                                     {"llama4"},
	"llama-4/USE_POLICY.md":                                               {"llama4-use-policy"},
	"mit/deepseek-r1/LICENSE":                                             {"mit"},
	"mit/florence2/LICENSE.txt":                                           {"mit"},
	"mit/glm-ocr/LICENSE.txt":                                             {"mit"},
	"nvidia-open-model/LICENSE":                                           {"nvidia-open-model", "apache-2.0"},
	"open-weights-permissive-1.0.0/open-weights-permissive-1.0.0.LICENSE": {"open-weights-permissive-1.0.0"},
	"openmdw-1.1/LICENSE.txt":                                             {"openmdw-1.1"},
	"openrail++-m/LICENSE-SDXL1.0":                                        {"openrail++"},
	"opt-175b/LICENSE.md":                                                 {"opt-175b"},
	"qwen-research/LICENSE.txt":                                           {"qwen-research"},
	"responsible-ai-source-1.1/responsible-ai-source-1.1.LICENSE":         {"responsible-ai-source-1.1"},
	"roboflow-pml-1.0/LICENSE.txt":                                        {"roboflow-pml-1.0"},
	"sam-license/LICENSE.txt":                                             {"sam-license"},
	"seamless/ACCEPTABLE_USE_POLICY":                                      {"seamless-acceptable-use-policy"},
	"seamless/SEAMLESS_LICENSE":                                           {"seamless"},
	"soml-1.0/soml-1.0.LICENSE":                                           {"soml-1.0"},
	"stability-community/LICENSE.md":                                      {"stabilityai-community"},
	"stability-community/sd3.5-pointer/LICENSE":                           {"stabilityai-community"},
	"stability-noncommercial-community/LICENSE-SV3D":                      {"stabilityai-nc-community"},
	"stability-noncommercial-research-community/LICENSE-SDXL-Turbo":       {"stabilityai-nc-research-community"},
	"stability-noncommercial-research-community/variant-stablecascade/WEIGHTS_LICENSE": {"stabilityai-nc-research-community"},
	"stability-sdxl-0.9-research/LICENSE-SDXL0.9":                                      {"sdxl-0.9-research"},
	"stability-svd-noncommercial-community/LICENSE-SVD":                                {"stable-video-diffusion-nc-community"},
	"tongyi-qianwen-research/Tongyi Qianwen RESEARCH LICENSE AGREEMENT":                {"tongyi-qianwen-research"},
	"tongyi-qianwen/NOTICE":                                                                  {"apache-2.0", "mit", "bsd-3-clause"},
	"tongyi-qianwen/Tongyi Qianwen LICENSE AGREEMENT":                                        {"tongyi-qianwen"},
	"tongyi-qianwen/variant-2023-08-03-first-commit/LICENSE":                                 {"tongyi-qianwen"},
	"yi-1.0-noncommercial/MODEL_LICENSE_AGREEMENT.txt":                                       {"yi-1.0"},
	"yi-2.0/MODEL_LICENSE_AGREEMENT.txt":                                                     {"yi-2.0"},
	"yi-apache-2.0/MODEL_LICENSE_AGREEMENT.txt":                                              {"apache-2.0"},
	"yi-apache-2.0/NOTICE":                                                                   {"apache-2.0"},
	"yi-community-2.1/MODEL_LICENSE_AGREEMENT.txt":                                           {"yi-community-2.1"},
	"yolo-nas-deci/LICENSE.txt":                                                              {"yolo-nas-deci"},
	"360zhinao/360智脑开源模型许可证.txt":                                                             {"360zhinao"},
	"ai2-ai-model-license/tulu_license.txt":                                                  {"ai2-model-license"},
	"alexa-teacher-model/MODEL_LICENSE.md":                                                   {"alexa-teacher-model"},
	"bilibili-index/INDEX_MODEL_LICENSE":                                                     {"bilibili-index"},
	"cc-by-nc-4.0/audiocraft-weights/LICENSE_weights":                                        {"cc-by-nc-4.0"},
	"cc-by-nc-4.0/echovideo-pointer/MODEL_LICENSE":                                           {"cc-by-nc-4.0"},
	"chameleon-research/LICENSE":                                                             {"chameleon-research"},
	"chameleon-research/USE_POLICY.md":                                                       {"chameleon-use-policy"},
	"cogagent/MODEL_LICENSE":                                                                 {"cogagent"},
	"cogvlm/MODEL_LICENSE":                                                                   {"cogvlm"},
	"cogvlm/variant-2023-10-17-initial/MODEL_LICENSE":                                        {"cogvlm"},
	"coral-rail-m-modified/MODEL_LICENSE":                                                    {"ai-pubs-openrail-m"},
	"deepseek/variant-deepseek-v3/LICENSE-MODEL":                                             {"deepseek"},
	"dots-license-agreement/dots.llm1 LICENSE AGREEMENT":                                     {"dots-license"},
	"dots-license-agreement/variant-dots.ocr-2026/dots.ocr LICENSE AGREEMENT":                {"dots-license"},
	"dots-license-agreement/variant-dots.ocr/dots.ocr LICENSE AGREEMENT":                     {"dots-license"},
	"funasr-model/MODEL_LICENSE":                                                             {"funasr-model-1.1"},
	"glm-130b/MODEL_LICENSE":                                                                 {"glm-130b"},
	"lingowhale/MODEL_LICENSE.md":                                                            {"lingowhale"},
	"livekit-model/MODEL_LICENSE":                                                            {"livekit-model"},
	"llama-2/pointer-codellama/LICENSE":                                                      {"llama2"},
	"llama-2/pointer-codellama/USE_POLICY.md":                                                {"llama2-use-policy"},
	"llama-2/variant-purplellama-llama-guard/LICENSE":                                        {"llama2"},
	"llama-2/variant-purplellama-llama-guard/USE_POLICY.md":                                  {"llama2-use-policy"},
	"llama-4/variant-purplellama-llama-guard-4/LICENSE":                                      {"llama4"},
	"llama-4/variant-purplellama-llama-guard-4/USE_POLICY.md":                                {"llama4-use-policy"},
	"minimax-modified-mit/LICENSE":                                                           {"mit"},
	"minimax-modified-mit/variant-rewrapped/LICENSE":                                         {"mit"},
	"mulan-openi-model-1.0/LICENSE_MODEL":                                                    {"mulan-openi-model-1.0"},
	"nvidia-license-nc/LICENSE":                                                              {"nvidia-source-code-license-nc"},
	"nvidia-license-nc/variant-2025-03-01/LICENSE":                                           {"nvidia-source-code-license-nc"},
	"openrail++-m/variant-sd2/LICENSE-MODEL":                                                 {"openrail++"},
	"skywork-community/LICENSE":                                                              {"skywork-community"},
	"stability-noncommercial-research-community/variant-stable-audio-open-cog/LICENSE_MODEL": {"stabilityai-nc-research-community"},
	"tencent-hunyuan-community/LICENSE.txt":                                                  {"tencent-hunyuan-community"},
	"tencent-hunyuan-community/Notice":                                                       {"apache-2.0", "bsd-3-clause", "bsd-2-clause", "mit"},
	"tencent-hunyuan-community/variant-hunyuan-a13b/LICENSE":                                 {"tencent-hunyuan-community"},
	"tencent-hunyuan-community/variant-hunyuandit-2024-05-13/LICENSE.txt":                    {"tencent-hunyuan-community"},
	"tencent-hunyuan-community/variant-hunyuandit/LICENSE.txt":                               {"tencent-hunyuan-community"},
	"tencent-hunyuan-community/variant-hunyuanimage-3.0/LICENSE":                             {"tencent-hunyuan-community"},
	"tencent-modified-mit/LICENSE":                                                           {"mit"},
	"tencent-modified-mit/LICENSE_MODEL":                                                     {"mit"},
	"tencent-modified-mit/variant-depthcrafter/LICENSE":                                      {"mit"},
	"yayi2/COMMERCIAL_LICENSE":                                                               {"yayi2-commercial"},
	"yayi2/COMMUNITY_LICENSE":                                                                {"yayi2-community"},
}

// corpusDir is ../shared/corpus/licenses, or the test is skipped.
func corpusDir(tb testing.TB) string { return corpus.Dir(tb, "licenses") }

// corpusFiles lists the corpus's files relative to its root, sorted.
func corpusFiles(tb testing.TB, root string) []string {
	var files []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(files)
	return files
}

func TestIdentifyCorpus(t *testing.T) {
	root := corpusDir(t)
	k := kb.Default()
	files := corpusFiles(t, root)
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			want, ok := corpusIDs[rel]
			if !ok {
				t.Fatalf("corpus file %s has no expected id in corpusIDs", rel)
			}
			text, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil {
				t.Fatal(err)
			}
			got := Identify(k, text)
			if ids := matchIDs(got); strings.Join(ids, " ") != strings.Join(want, " ") {
				t.Fatalf("Identify = %v, want %v", ids, want)
			}
			for _, m := range got {
				if k.License(m.ID) == nil {
					t.Errorf("%s is not a knowledge-base id", m.ID)
				}
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End || m.TitleStart < 0 || m.TitleEnd > len(text) || m.TitleStart > m.TitleEnd {
					t.Errorf("%s: bad ranges %+v (text %d bytes)", m.ID, m, len(text))
				}
			}
		})
	}
	if len(files) != len(corpusIDs) {
		t.Errorf("corpus has %d files, table has %d", len(files), len(corpusIDs))
	}
}

// corpusModified are the corpus files whose standard license carries terms
// added on top (Match.Added); no other license file may have any. NOTICE
// files are left out: the analyzer reads them as notices, not licenses.
// The Coral license puts its own terms before a copy of the AI Pubs
// OpenRAIL-M license (rail.go).
var corpusModified = map[string]bool{
	"coral-rail-m-modified/MODEL_LICENSE":               true,
	"minimax-modified-mit/LICENSE":                      true,
	"minimax-modified-mit/variant-rewrapped/LICENSE":    true,
	"tencent-modified-mit/LICENSE":                      true,
	"tencent-modified-mit/LICENSE_MODEL":                true,
	"tencent-modified-mit/variant-depthcrafter/LICENSE": true,
}

func TestIdentifyCorpusModified(t *testing.T) {
	root := corpusDir(t)
	k := kb.Default()
	for _, rel := range corpusFiles(t, root) {
		if strings.HasPrefix(strings.ToLower(filepath.Base(rel)), "notice") {
			continue
		}
		text, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		var added []Span
		for _, m := range Identify(k, text) {
			added = append(added, m.Added...)
		}
		if (len(added) > 0) != corpusModified[rel] {
			t.Errorf("%s: added %v, want modified=%v", rel, added, corpusModified[rel])
		}
		for _, a := range added {
			if a.Start < 0 || a.End > len(text) || a.Start >= a.End {
				t.Errorf("%s: bad added range %v", rel, a)
			}
		}
	}
}

func matchIDs(ms []Match) []string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}

// TestPlainStandardTextsNotModified: a plain standard license, however it
// is dressed (a title, a copyright line, lines joined into paragraphs or
// Markdown marks, CRLF, an SPDX line, Apache-2.0's appendix filled in, a
// line saying what it covers), adds no terms. The texts are the corpus's
// standard licenses and licensecheck's templates written out.
func TestPlainStandardTextsNotModified(t *testing.T) {
	texts := map[string]string{}
	for _, id := range []string{"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC"} {
		texts["template "+id] = stdtext.Text(id)
	}
	if root := corpus.Find("."); root != "" {
		k := kb.Default()
		for rel, ids := range corpusIDs {
			if l := k.License(ids[0]); len(ids) == 1 && l != nil && l.Whole && !corpusModified[rel] && !strings.Contains(strings.ToLower(rel), "notice") {
				b, err := os.ReadFile(filepath.Join(root, "licenses", rel))
				if err != nil {
					t.Fatal(err)
				}
				texts[rel] = string(b)
			}
		}
	}
	dress := map[string]func(string) string{
		"as is":        func(s string) string { return s },
		"a title":      func(s string) string { return "# License\n\n" + s },
		"a copyright":  func(s string) string { return "Copyright (c) 2026 Zeta Labs. All rights reserved.\n\n" + s },
		"reflowed":     func(s string) string { return regexp.MustCompile(`([^\n])\n([^\n])`).ReplaceAllString(s, "$1 $2") },
		"Markdown":     func(s string) string { return "## " + strings.Replace(s, "\n\n", "\n\n**", 1) },
		"CRLF":         func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"an SPDX line": func(s string) string { return s + "\nSPDX-License-Identifier: MIT\n" },
		"appendix": func(s string) string {
			return strings.Replace(s, "[yyyy] [name of copyright owner]", "2026 Zeta Labs, Inc.", 1)
		},
		"what it covers": func(s string) string {
			return s + "\nThis license applies to the source code in this repository only.\n"
		},
	}
	k := kb.Default()
	for name, text := range texts {
		for how, f := range dress {
			for _, m := range Identify(k, []byte(f(text))) {
				if len(m.Added) > 0 {
					t.Errorf("%s, %s: %s with added terms %v", name, how, m.ID, m.Added)
				}
			}
		}
	}
}
