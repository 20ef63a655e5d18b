package manifest

import (
	"strings"
	"testing"
)

// A notebook as Jupyter writes it: keys sorted, a cell's outputs before its
// source, each source line its own JSON string.
const testNotebook = `{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "Load ` + "`" + `AutoModel.from_pretrained(\"in/markdown\")` + "`" + `\n"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [
    {"name": "stdout", "output_type": "stream", "text": ["from_pretrained(\"in/output\")\n"]}
   ],
   "source": [
    "!hf download black-forest-labs/FLUX.1-dev --local-dir flux\n",
    "MODEL_ID = \"meta-llama/Llama-3.1-8B-Instruct\"  # \"quoted\" \u00e9\n",
    "model = AutoModelForCausalLM.from_pretrained(MODEL_ID)\n",
    "tok = AutoTokenizer.from_pretrained(\"google\/gemma-2-9b\")"
   ]
  },
  {
   "cell_type": "code",
   "metadata": {},
   "outputs": [],
   "source": "%%bash\nhuggingface-cli download Qwen/Qwen2.5-7B-Instruct\n"
  }
 ],
 "metadata": {"kernelspec": {"name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
`

// TestParseNotebook reads the notebook as Jupyter writes it, and as a
// Windows editor saves it (a byte order mark, CRLF line ends): the same
// references, shifted by the mark.
func TestParseNotebook(t *testing.T) {
	for name, src := range map[string]string{
		"as written":   testNotebook,
		"bom and crlf": "\xef\xbb\xbf" + strings.ReplaceAll(testNotebook, "\n", "\r\n"),
	} {
		refs, err := ParseNotebook([]byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// gemma-2-9b is written with an escaped "/" in the file: no range to give.
		wantRefs(t, name, src, refs, []string{
			"download hub black-forest-labs/FLUX.1-dev [black-forest-labs/FLUX.1-dev]",
			"from_pretrained hub meta-llama/Llama-3.1-8B-Instruct [meta-llama/Llama-3.1-8B-Instruct]",
			"download hub Qwen/Qwen2.5-7B-Instruct [Qwen/Qwen2.5-7B-Instruct]",
		})
	}
}

func TestParseNotebookErrors(t *testing.T) {
	for _, c := range []struct{ name, src, err string }{
		{"not JSON", "from_pretrained('a/b')", "invalid character"},
		{"cells not a list", `{"cells": {"from_pretrained": 1}}`, `"cells" is not a list`},
		{"a cell not an object", `{"cells": ["from_pretrained"]}`, "a cell is not an object"},
		{"source a number", `{"cells": [{"cell_type": "code", "source": 1, "x": "from_pretrained"}]}`, "neither text nor a list"},
		{"truncated", `{"cells": [{"cell_type": "code", "source": ["from_pretrained('a/b')"`, "the file ends inside its JSON"},
		// Without a model name the notebook is not parsed, but one that is
		// plainly broken is still reported.
		{"not JSON, no model", "no model here", "the file is not JSON"},
		{"truncated, no model", `{"cells": [{"cell_type": "code", "source": ["x = 1"`, "the file ends inside its JSON"},
		{"empty", " \n", "the file is empty"},
	} {
		_, err := ParseNotebook([]byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.err)
		}
	}
	for _, src := range []string{`{"nbformat": 3, "worksheets": [{"cells": []}], "from_pretrained": 1}`, `{"cells": []}`} {
		if refs, err := ParseNotebook([]byte(src)); err != nil || len(refs) != 0 {
			t.Errorf("%q: %v, %v; want nothing", src, refs, err)
		}
	}
}

func FuzzParseNotebook(f *testing.F) {
	f.Add([]byte(testNotebook))
	f.Add([]byte(`{"cells":[{"cell_type":"code","source":"x = from_pretrained(\"a\u002fb\")\n!hf download c/d"}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		refs, _ := ParseNotebook(src)
		checkRefs(t, src, refs)
		for _, r := range refs {
			if string(src[r.Start:r.End]) != r.Text {
				t.Fatalf("ref %+v: range holds %q", r, src[r.Start:r.End])
			}
		}
	})
}
