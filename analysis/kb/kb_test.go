package kb

import "testing"

func TestEmbeddedKnowledgeBaseLoads(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	if Default().Rule("clause/scale-threshold") == nil {
		t.Fatal("rule clause/scale-threshold missing")
	}
}
