package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/workspace"
)

// cyclonedxSchema compiles the CycloneDX 1.6 JSON schema shipped in the
// cyclonedx-go module (schema/ of the module fineprint builds with, in the
// module cache: no network).
func cyclonedxSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/CycloneDX/cyclonedx-go").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Fatalf("cannot find the cyclonedx-go module: %v", err)
	}
	c := jsonschema.NewCompiler()
	for file, id := range map[string]string{
		"bom-1.6.schema.json":   "http://cyclonedx.org/schema/bom-1.6.schema.json",
		"spdx.schema.json":      "http://cyclonedx.org/schema/spdx.schema.json",
		"jsf-0.82.schemax.json": "http://cyclonedx.org/schema/jsf-0.82.schema.json",
	} {
		f, err := os.Open(filepath.Join(dir, "schema", file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile("http://cyclonedx.org/schema/bom-1.6.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const aiWorkspace = `-- LICENSE --
MIT License

Copyright (c) 2026 Acme

Permission is hereby granted, free of charge, to any person obtaining a copy of this software.
-- app.py --
from transformers import AutoModel
from datasets import load_dataset
m = AutoModel.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
q = AutoModel.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
u = AutoModel.from_pretrained("acme/unknown-7b")
r = AutoModel.from_pretrained("unsloth/Llama-3.2-1B-Instruct-bnb-4bit")
d = load_dataset("tatsu-lab/alpaca")
o = load_dataset("OpenAssistant/oasst1")
x = load_dataset("acme/private-chats")
-- Modelfile --
FROM llama3.2:3b
-- requirements.txt --
ultralytics>=8
PyMuPDF
`

// The AI bill of materials of a workspace with models (a custom license,
// a permissive one, an Ollama name, an unknown id), datasets and AGPL
// packages is valid CycloneDX 1.6, and holds each with its license and
// evidence.
func TestCycloneDXValidates(t *testing.T) {
	schema := cyclonedxSchema(t)
	root := t.TempDir()
	for _, f := range strings.Split(aiWorkspace, "-- ")[1:] {
		name, body, _ := strings.Cut(f, " --\n")
		if err := os.WriteFile(filepath.Join(root, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	snap, _, err := workspace.Load(root, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := analysis.New().Analyze(context.Background(), snap)
	var b bytes.Buffer
	if err := CycloneDX(&b, res, snap, Options{Version: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("not valid CycloneDX 1.6: %v\n%s", err, b.String())
	}
	// The schema does reject what is not CycloneDX.
	broken := strings.Replace(b.String(), `"machine-learning-model"`, `"machine-learning"`, 1)
	if inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(broken)); schema.Validate(inst) == nil {
		t.Fatal("the schema accepts a component type that does not exist")
	}
	var doc struct {
		SpecVersion string `json:"specVersion"`
		Components  []struct {
			Type     string `json:"type"`
			Group    string `json:"group"`
			Name     string `json:"name"`
			Licenses []struct {
				License struct{ ID, Name string } `json:"license"`
			} `json:"licenses"`
			Evidence struct {
				Occurrences []struct {
					Location string `json:"location"`
					Line     int    `json:"line"`
				} `json:"occurrences"`
			} `json:"evidence"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range doc.Components {
		lic := ""
		for _, l := range c.Licenses {
			lic = l.License.ID + l.License.Name
		}
		s := c.Type + " " + strings.TrimPrefix(c.Group+"/"+c.Name, "/") + " [" + lic + "]"
		for _, o := range c.Evidence.Occurrences {
			s += " " + o.Location + ":" + itoa(o.Line)
		}
		got = append(got, s)
	}
	want := []string{
		"machine-learning-model acme/unknown-7b [] app.py:5",
		"machine-learning-model llama3.2:3b [Llama 3.2 Community License Agreement] Modelfile:1",
		"machine-learning-model meta-llama/Llama-3.1-8B-Instruct [Llama 3.1 Community License Agreement] app.py:3",
		"machine-learning-model Qwen/Qwen2.5-7B-Instruct [Apache-2.0] app.py:4",
		"machine-learning-model unsloth/Llama-3.2-1B-Instruct-bnb-4bit [Llama 3.2 Community License Agreement] app.py:6",
		"data acme/private-chats [] app.py:9",
		"data OpenAssistant/oasst1 [Apache-2.0] app.py:8",
		"data tatsu-lab/alpaca [CC-BY-NC-4.0] app.py:7",
		"library ultralytics [AGPL-3.0-only] requirements.txt:1",
		"library PyMuPDF [AGPL-3.0-only] requirements.txt:2",
	}
	if doc.SpecVersion != "1.6" || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("components:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A re-upload names its original as pedigree, and facts are properties.
	for _, want := range []string{
		`"pedigree": {
        "ancestors": [
          {
            "type": "machine-learning-model",
            "name": "meta-llama/Llama-3.2-1B-Instruct",
            "purl": "pkg:huggingface/meta-llama/Llama-3.2-1B-Instruct"`,
		`"name": "fineprint:resolved-by",
          "value": "name-rule"`,
		`"value": "warning dataset/license app.py: The dataset tatsu-lab/alpaca is under the Creative Commons Attribution Non Commercial 4.0`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the document lacks %s", want)
		}
	}
	// The same workspace gives the same bytes.
	var again bytes.Buffer
	if err := CycloneDX(&again, res, snap, Options{Version: "1.2.3"}); err != nil || again.String() != b.String() {
		t.Errorf("a second rendering differs")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// Every license fineprint knows becomes a license CycloneDX accepts: an
// SPDX id in the schema's list, or a name.
func TestCycloneDXLicensesValidate(t *testing.T) {
	schema := cyclonedxSchema(t)
	k := analysis.New().KB()
	res := &analysis.Result{}
	snap := &analysis.Snapshot{Root: "/w", Docs: []analysis.Document{{Path: "app.py", Text: []byte("x\n")}}}
	for _, l := range k.Licenses {
		res.Models = append(res.Models, analysis.ModelUse{ID: "acme/" + l.ID, License: l.ID, Kind: l.Kind, ResolvedBy: "kb",
			Locations: []analysis.Location{{Path: "app.py"}}})
	}
	var b bytes.Buffer
	if err := CycloneDX(&b, res, snap, Options{}); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("%d licenses: %v", len(k.Licenses), err)
	}
}
