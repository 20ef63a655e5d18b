package clause

import "testing"

// TestLicenseTextURL: the text of a license given by its address ("Full
// text: URL", "Legal code: URL", "Full legal text of the license is
// available at: URL", "Licensed under the X license (URL)") is a document
// the file takes in (the analysis drops it for a file that is that
// standard license and nothing more). A document you have not agreed to,
// one named as what governs something else, and a duty denied bind you to
// nothing.
func TestLicenseTextURL(t *testing.T) {
	u := "https://creativecommons.org/licenses/by-nc/4.0/legalcode"
	runPhraseCases(t, []phraseCase{{
		name: "a labelled line",
		text: "    Full text: " + u + "\n\nAdditional terms apply.",
		want: []phrase{{policy, "Full text: " + u, map[string]any{"url": u}}},
	}, {
		name: "legal code after the license's name",
		text: "**Licence:** Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0). Legal code: " + u,
		want: []phrase{{policy, "Legal code: " + u, map[string]any{"url": u}}},
	}, {
		name: "a bulleted line with the address in angle brackets",
		text: "- Full legal code: <" + u + ">\n",
		want: []phrase{{policy, "Full legal code: <" + u + ">", map[string]any{"url": u}}},
	}, {
		name: "the text available at, the address on the next line",
		text: "Full legal text of the license is available at:\n" + u + "\n",
		want: []phrase{{policy, "Full legal text of the license is available at:\n" + u, map[string]any{"url": u}}},
	}, {
		name: "licensed under a license, its address in brackets",
		text: "Licensed under the CC BY-NC 4.0 license (" + u + ").",
		want: []phrase{
			{policy, "Licensed under the CC BY-NC 4.0 license (" + u + ").", map[string]any{"url": u}},
			{nc, "Licensed under the CC BY-NC 4.0 license (" + u + ").", nil},
		},
	}, {
		name: "no hit: terms not agreed to, terms of something else, a duty denied",
		text: "If you have not agreed to [Zeta Weights Terms of Use](https://example.com/terms) and do not agree to these Terms, do not use Output.\n\n" +
			"\"Weights\" means the parameters made available for use in accordance with [Zeta Weights Terms of Use](https://example.com/terms) (not these Terms).\n\n" +
			"You do not have to comply with the license for elements of the material in the public domain.\n\n" +
			"[RibData](https://example.com/ribdata) is licensed under the [Apache License 2.0](https://www.apache.org/licenses/LICENSE-2.0).",
	}})
}
