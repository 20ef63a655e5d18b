package clause

import "testing"

// TestTitledImperativeBans: a use policy's bulleted item titled by the
// field it bans, then an imperative ("- Weapons and Drugs: Do not
// create ...", "- Law Enforcement: Avoid using our services for ..."),
// bans that field whatever the verb; the finding leaves the title out.
// A notice to the reader, a ban on breaking the law or others' rights in
// general (R8b), and one on names give none.
func TestTitledImperativeBans(t *testing.T) {
	runPhraseCases(t, []phraseCase{{
		name: "an imperative under a title, any verb",
		text: "### 3.1 Illegal or Harmful Content\n\n" +
			"- Weapons and Drugs: Do not create, distribute, or promote illegal substances, weapons, or harmful materials.\n" +
			"- Disinformation: Do not generate or spread false information intended to mislead.\n",
		want: []phrase{
			{use, "Do not create, distribute, or promote illegal substances, weapons, or harmful materials.", nil},
			{use, "Do not generate or spread false information intended to mislead.", nil},
		},
	}, {
		name: "avoid as the imperative, bold titles",
		text: "- **Law Enforcement**: Avoid using our services for official law enforcement, predictive policing, or surveillance unless explicitly permitted.\n" +
			"- **Sexual Exploitation:** Avoid generating sexually explicit content or content that sexualizes minors.\n",
		want: []phrase{
			{use, "Avoid using our services for official law enforcement, predictive policing, or surveillance unless explicitly permitted.", nil},
			{use, "Avoid generating sexually explicit content or content that sexualizes minors.", nil},
		},
	}, {
		name: "an age limit written 18+",
		text: "- Age Restrictions: Users must be 18+ or have parental consent.",
		want: []phrase{{use, "Users must be 18+ or have parental consent.", nil}},
	}, {
		name: "no hit: the law and others' rights in general, a note, names",
		text: "- **Respect Rights**: Do not infringe on the intellectual property, data privacy, or other rights of individuals or organizations.\n" +
			"- Legal: Do not violate any applicable laws.\n" +
			"Note: Do not hesitate to contact us with questions.\n" +
			"- Branding: Do not use the Licensor's name or logo to endorse your product.\n",
	}, {
		name: "no hit: an imperative without a title is not read by this pattern",
		text: "Do not create multiple accounts.",
	}})
}
