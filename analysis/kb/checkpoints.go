package kb

import (
	"fmt"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Checkpoint is a well-known checkpoint file name and the Hub repository
// that publishes it. Entries live in checkpoints.yaml.
type Checkpoint struct {
	File   string `yaml:"file"`   // base name, matched exactly
	Name   string `yaml:"name"`   // or a library's name for the model (names:)
	Model  string `yaml:"model"`  // Hub id of the repository
	Source string `yaml:"source"` // where the file is published
}

var (
	checkpointsOnce sync.Once
	checkpointsBy   map[string]Checkpoint
	namesBy         map[string]Checkpoint
	checkpointsErr  error
)

func loadCheckpoints() (map[string]Checkpoint, error) {
	files, _, err := loadCheckpointTables()
	return files, err
}

func loadCheckpointTables() (byFile, byName map[string]Checkpoint, err error) {
	data, err := files.ReadFile("checkpoints.yaml")
	if err != nil {
		return nil, nil, err
	}
	var doc struct {
		Checkpoints []Checkpoint `yaml:"checkpoints"`
		Names       []Checkpoint `yaml:"names"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, fmt.Errorf("checkpoints.yaml: %w", err)
	}
	by := make(map[string]Checkpoint, len(doc.Checkpoints))
	for _, c := range doc.Checkpoints {
		if c.File == "" || c.Source == "" || strings.Count(c.Model, "/") != 1 || strings.Contains(c.File, "/") {
			return nil, nil, fmt.Errorf("checkpoints.yaml: %q: file, model (org/name) or source missing", c.File)
		}
		if _, dup := by[c.File]; dup {
			return nil, nil, fmt.Errorf("checkpoints.yaml: %q listed twice", c.File)
		}
		by[c.File] = c
	}
	names := make(map[string]Checkpoint, len(doc.Names))
	for _, c := range doc.Names {
		if c.Name == "" || c.Source == "" || strings.Count(c.Model, "/") != 1 {
			return nil, nil, fmt.Errorf("checkpoints.yaml: name %q: name, model (org/name) or source missing", c.Name)
		}
		if _, dup := names[c.Name]; dup {
			return nil, nil, fmt.Errorf("checkpoints.yaml: name %q listed twice", c.Name)
		}
		names[c.Name] = c
	}
	return by, names, nil
}

// CheckpointModel returns the Hub repository that publishes a well-known
// checkpoint file, by its base name ("sd_xl_base_1.0.safetensors" ->
// stabilityai/stable-diffusion-xl-base-1.0).
func CheckpointModel(file string) (Checkpoint, bool) {
	loadCheckpointsOnce()
	c, ok := checkpointsBy[file]
	return c, ok
}

// LibraryModelName returns the Hub repository a library's name for a
// model stands for (open_clip's "laion2b_s32b_b79k", OpenAI CLIP's
// "ViT-L/14").
func LibraryModelName(name string) (Checkpoint, bool) {
	loadCheckpointsOnce()
	c, ok := namesBy[name]
	return c, ok
}

func loadCheckpointsOnce() {
	checkpointsOnce.Do(func() { checkpointsBy, namesBy, checkpointsErr = loadCheckpointTables() })
	if checkpointsErr != nil {
		panic("fineprint knowledge base: " + checkpointsErr.Error())
	}
}
