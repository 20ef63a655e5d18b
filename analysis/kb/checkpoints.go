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
	Model  string `yaml:"model"`  // Hub id of the repository
	Source string `yaml:"source"` // where the file is published
}

var (
	checkpointsOnce sync.Once
	checkpointsBy   map[string]Checkpoint
	checkpointsErr  error
)

func loadCheckpoints() (map[string]Checkpoint, error) {
	data, err := files.ReadFile("checkpoints.yaml")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Checkpoints []Checkpoint `yaml:"checkpoints"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("checkpoints.yaml: %w", err)
	}
	by := make(map[string]Checkpoint, len(doc.Checkpoints))
	for _, c := range doc.Checkpoints {
		if c.File == "" || c.Source == "" || strings.Count(c.Model, "/") != 1 || strings.Contains(c.File, "/") {
			return nil, fmt.Errorf("checkpoints.yaml: %q: file, model (org/name) or source missing", c.File)
		}
		if _, dup := by[c.File]; dup {
			return nil, fmt.Errorf("checkpoints.yaml: %q listed twice", c.File)
		}
		by[c.File] = c
	}
	return by, nil
}

// CheckpointModel returns the Hub repository that publishes a well-known
// checkpoint file, by its base name ("sd_xl_base_1.0.safetensors" ->
// stabilityai/stable-diffusion-xl-base-1.0).
func CheckpointModel(file string) (Checkpoint, bool) {
	checkpointsOnce.Do(func() { checkpointsBy, checkpointsErr = loadCheckpoints() })
	if checkpointsErr != nil {
		panic("fineprint knowledge base: " + checkpointsErr.Error())
	}
	c, ok := checkpointsBy[file]
	return c, ok
}
