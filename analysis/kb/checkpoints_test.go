package kb

import "testing"

// TestCheckpoints: the table loads, each entry resolves through
// models.yaml or is at least a Hub id, and lookups are by exact base name.
func TestCheckpoints(t *testing.T) {
	if _, _, err := loadCheckpointTables(); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"sd_xl_base_1.0.safetensors":      "stabilityai/stable-diffusion-xl-base-1.0",
		"v2-1_512-ema-pruned.safetensors": "stabilityai/stable-diffusion-2-1-base",
		"svd_xt_1_1.safetensors":          "stabilityai/stable-video-diffusion-img2vid-xt-1-1",
		"model.safetensors":               "",
		"SD_XL_BASE_1.0.safetensors":      "",
	} {
		c, ok := CheckpointModel(file)
		if ok != (want != "") || c.Model != want {
			t.Errorf("CheckpointModel(%q) = %q, %v; want %q", file, c.Model, ok, want)
		}
	}
	for name, want := range map[string]string{
		"laion2b_s32b_b79k": "laion/CLIP-ViT-H-14-laion2B-s32B-b79K",
		"ViT-L/14":          "openai/clip-vit-large-patch14",
		"ViT-H-14":          "",
	} {
		c, ok := LibraryModelName(name)
		if ok != (want != "") || c.Model != want {
			t.Errorf("LibraryModelName(%q) = %q, %v; want %q", name, c.Model, ok, want)
		}
	}
}
