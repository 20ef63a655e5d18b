package clause

import "testing"

// TestReferenceAddresses: an address is a document pulled in by reference
// when it stands by the words that name one and the sentence relates that
// document to you (it applies, it is the revised version, it is the
// license a pointer refers to); not when it is the license's own text or
// another copy of it, a standard license's fixed address, the model's
// page, or an offer of a license to request. Every case lists all hits.
func TestReferenceAddresses(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "an address by the document it names",
		text: "For the Zeta-7B version, the Llama 2 license conditions (https://zeta.example/llama-license) also apply to the model weights.\n" +
			"Zeta may modify this Agreement from time to time by posting a revised version at https://zeta.example/license.\n" +
			"For the full license text and latest version, please refer to https://zeta.example/license.\n" +
			"Please refer to license: https://github.com/zeta/zeta-7b/blob/main/LICENSE\n\n" +
			"本模型权重的使用须遵守[《甲模型社区许可协议》](https://zeta.example/community-license.pdf)。",
		want: []phrase{
			{policy, "For the Zeta-7B version, the Llama 2 license conditions (https://zeta.example/llama-license) also apply to the model weights.", map[string]any{"url": "https://zeta.example/llama-license"}},
			{"clause/terms-may-change", "Zeta may modify this Agreement from time to time by posting a revised version at https://zeta.example/license.", nil},
			{policy, "Zeta may modify this Agreement from time to time by posting a revised version at https://zeta.example/license.", map[string]any{"url": "https://zeta.example/license"}},
			{policy, "For the full license text and latest version, please refer to https://zeta.example/license.", map[string]any{"url": "https://zeta.example/license"}},
			{policy, "Please refer to license: https://github.com/zeta/zeta-7b/blob/main/LICENSE", map[string]any{"url": "https://github.com/zeta/zeta-7b/blob/main/LICENSE"}},
			{policy, "本模型权重的使用须遵守[《甲模型社区许可协议》](https://zeta.example/community-license.pdf)。", map[string]any{"url": "https://zeta.example/community-license.pdf"}},
		},
	}, {
		name: "an address on a line of its own after its document, an address made available under a license",
		text: "By downloading this software, you agree to be bound by the terms of the Zeta Body License\n\n" +
			"        https://zeta.example/bodylicense\n\n" +
			"The Zeta dataset available here: https://zeta.example/dataset made available under the following (non-commercial research) license:\n",
		want: []phrase{
			{policy, "https://zeta.example/bodylicense", map[string]any{"url": "https://zeta.example/bodylicense"}},
			{policy, "The Zeta dataset available here: https://zeta.example/dataset made available under the following (non-commercial research) license:", map[string]any{"url": "https://zeta.example/dataset"}},
		},
	}, {
		name: "no hit: addresses in a front matter of metadata",
		text: "---\nkey: zeta-license\nhomepage_url: https://github.com/zeta/zeta/blob/main/LICENSE\ntext_urls:\n    - https://raw.githubusercontent.com/zeta/zeta/main/LICENSE\n---\n\nZeta grants you a license to use the Weights.\n",
	}, {
		name: "no hit: the license's own text or a copy of it, a standard license's address",
		text: "This work is licensed under CC BY-NC 4.0. To view a copy of this license, visit http://creativecommons.org/licenses/by-nc/4.0/\n" +
			"Full license: https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode\n" +
			"The full text of the license: https://zeta.example/LICENSE\n" +
			"See the complete [LICENSE](https://github.com/zeta/zeta-7b/blob/main/LICENSE) file for the full text of both licenses.\n" +
			"A copy of this License is available at https://zeta.example/license.\n" +
			"You can find the full license text at https://zeta.example/license.\n" +
			"本许可证全文见 https://zeta.example/license 。\n" +
			"许可证文本请参阅 https://creativecommons.org/licenses/by/4.0/legalcode 。",
		want: []phrase{{"license/non-commercial", "This work is licensed under CC BY-NC 4.0.", nil}},
	}, {
		name: "no hit: the model's page, an offer of a license, metadata, this text by name",
		text: "Please read this Zeta License carefully before using the model weights, which are made available at the following link <https://github.com/zeta/zeta-7b>.\n" +
			"Zeta will give notice of material changes to this License via the GitHub page for the model at <https://github.com/zeta/zeta-7b>.\n" +
			"You must request a license from Zeta at (https://zeta.example/enterprise).\n" +
			"FROM https://github.com/zeta/zeta-7b/blob/main/LICENSE.weights\n" +
			"The Data is not licensed under this License Agreement.\n" +
			"\"Agreement\" or \"Zeta Terms of Use\" means these terms and conditions that govern the use of the Zeta Services and any terms and conditions incorporated by reference.",
		want: []phrase{{"clause/terms-may-change", "Zeta will give notice of material changes to this License via the GitHub page for the model at <https://github.com/zeta/zeta-7b>.", nil}},
	}})
}
