// Package kb is fineprint's knowledge base: what it knows about licenses,
// clauses, rules and models, kept as YAML data embedded in the binary.
//
// Adding a license family, a clause pattern, a well-known model id or a rule
// code is a change to the YAML files beside this one plus a test, never code
// (docs/architecture.md, "How to add a rule code"):
//
//	rules.yaml     every finding code: default severity, title, the
//	               plain-language explanation shown on hover, and how the
//	               code behaves: how the profile decides its severity
//	               (decide:), which checklist question it answers and in
//	               what words (checklist:), the command of its online fix
//	               (command:)
//	licenses.yaml  license families and versions: ids, kinds, aliases,
//	               fingerprints used to identify texts, notice and
//	               attribution lines, naming rules, referenced policies
//	clauses.yaml   clause patterns that find restrictive terms in any text
//	models.yaml    well-known model ids (Hub and Ollama) and their licenses
//	reuploads.yaml naming rules of re-uploads and quantizations
//	checkpoints.yaml well-known checkpoint file names and their Hub repos
//	datasets.yaml  well-known dataset ids and the terms their data comes with
//	packages.yaml  packages whose license reaches model use (AGPL, weights)
//	lexicons.yaml  classes of words clause patterns name as {{class}}:
//	               purposes, commercial acts and objects, EN and ZH
//
// The data is parsed and checked once, on first use; a malformed file is a
// build-time bug and makes Default panic, which the package's tests catch.
package kb

import (
	"embed"
	"fmt"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed *.yaml
var files embed.FS

// KB is the whole knowledge base.
type KB struct {
	Rules    []Rule
	Licenses []License
	Clauses  []ClausePattern
	Models   []Model
	Families []Family // license families, for explanations and checklists
	// Reuploads are the naming rules for re-uploads and quantizations.
	Reuploads Reuploads
	Datasets  []Dataset
	Packages  []Package
	// Lexicons are the classes of words clause patterns name as {{name}}.
	Lexicons Lexicons

	ruleByCode     map[string]*Rule
	checklistCodes map[string][]ChecklistCode // by question
	licenseBy      map[string]*License        // id and every alias, lower-case
	models         modelMemo
}

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErr  error
)

// Default returns the embedded knowledge base.
func Default() *KB {
	defaultOnce.Do(func() { defaultKB, defaultErr = load() })
	if defaultErr != nil {
		panic("fineprint knowledge base: " + defaultErr.Error())
	}
	return defaultKB
}

// Check loads the embedded knowledge base and returns the first problem
// found, for tests.
func Check() error {
	_, err := load()
	return err
}

func load() (*KB, error) {
	k := &KB{}
	for _, f := range []struct {
		name string
		into any
	}{
		{"rules.yaml", &k.Rules},
		{"licenses.yaml", &k.Licenses},
		{"clauses.yaml", &k.Clauses},
		{"models.yaml", &k.Models},
		{"families.yaml", &k.Families},
		{"reuploads.yaml", &k.Reuploads},
		{"datasets.yaml", &k.Datasets},
		{"packages.yaml", &k.Packages},
		{"lexicons.yaml", &k.Lexicons},
	} {
		data, err := files.ReadFile(f.name)
		if err != nil {
			return nil, err
		}
		if err := yaml.Unmarshal(data, f.into); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
	}
	if err := k.Lexicons.expandClauses(k.Clauses); err != nil {
		return nil, err
	}
	if err := k.index(); err != nil {
		return nil, err
	}
	if err := k.checkFamilies(); err != nil {
		return nil, err
	}
	if err := k.Reuploads.compile(); err != nil {
		return nil, err
	}
	return k, nil
}
