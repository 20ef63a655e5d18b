package kb

// ClausePattern finds one kind of clause in any license text, known or not.
//
// The clause detector (package analysis/clause) cuts a text into sentences
// and tries every pattern on each. A pattern matches a sentence when at
// least one of its Keywords (and one of Also, if any) occurs in it, one of
// its Match expressions matches and none of its Unless expressions does.
// Keywords and expressions see the sentence normalized: lower case,
// straight quotes, "-" for dashes, single spaces, no Markdown emphasis.
//
// Keywords are found for all patterns in one pass over the text, so they
// are nearly free, while a regular expression costs per sentence it runs
// on: list as keywords words that every wording of the pattern contains.
//
// Patterns are tried in file order; a sentence yields at most one hit per
// code, so a specific pattern must come before a general one of its code.
type ClausePattern struct {
	ID   string `yaml:"id"`   // unique, e.g. "mau-threshold"
	Code string `yaml:"code"` // finding code it produces, e.g. "clause/scale-threshold"
	// Keywords: the normalized sentence must contain at least one of them
	// (plain lower-case substrings) before Match is tried.
	Keywords []string `yaml:"keywords"`
	// Also, when set, is a second keyword list: the sentence must contain
	// one of these too (e.g. "output" and one of "to train", "may not").
	Also []string `yaml:"also"`
	// Match lists Go (RE2) regular expressions over the normalized
	// sentence, one per wording; the first that matches counts. Their named
	// groups feed Extract. An expression that starts with literal text is
	// much faster to search, so none should start with \b or a group.
	Match []string `yaml:"match"`
	// Unless lists regular expressions over the normalized sentence; any
	// of them matching vetoes the hit (e.g. the patent-litigation
	// termination every permissive license has). Start each with text.
	Unless []string `yaml:"unless"`
	// Data holds fixed facts added to every hit, e.g. a metric name.
	Data map[string]any `yaml:"data"`
	// Extract lists facts read out of the matched sentence.
	Extract []Extraction `yaml:"extract"`
	// Message is the finding message, one plain sentence naming the
	// consequence for the builder; {name} is replaced by Data[name]
	// (numbers are written "700 million" or "10,000", lists joined by
	// commas).
	Message string `yaml:"message"`
	// Fallback is the message used when a placeholder of Message has no
	// value, e.g. a notice clause that does not quote the notice.
	Fallback string `yaml:"fallback"`
	// Variants replace Message when their When expression matches the
	// normalized sentence: a threshold above which a credit must be shown
	// is not a threshold above which a separate license is needed.
	Variants []MessageVariant `yaml:"variants"`
	// Continued lists the sentences that carry on a hit of this pattern
	// rather than state a clause of their own: the duty that follows a
	// termination ("Upon termination, you must delete ..."), what a change
	// of the terms means for you ("Continued use ... constitutes
	// acceptance"). The next sentence of the hit's paragraph that one's
	// When expression matches joins the hit (its range grows over it, and
	// the sentence gives no other hit of the code), and so may the one
	// after it; the hit then takes that entry's Message, when it has one.
	Continued []MessageVariant `yaml:"continued"`
	// Applied: for a pattern that fires on definitions, the structures of
	// an operative sentence that applies the defined term, as regular
	// expressions over the normalized sentence in which "@term@" stands for
	// the term ("exceed\w* (?:the )?@term@"). A hit on a definition
	// ("\"Threshold\" means annual revenue of $10 million or more") moves
	// to the first such sentence after it ("conditioned upon You not
	// exceeding the Threshold"), where the consequence is read; without
	// one it stays on the definition.
	Applied []string `yaml:"applied"`
	// Each: every match of the pattern in a sentence is its own hit (two
	// thresholds in one sentence, "100 million monthly active users or RMB
	// 1 billion in revenue"), and hits of Each patterns do not stop other
	// Each patterns of the code on the same sentence; hits with equal data
	// are reported once.
	Each bool `yaml:"each"`
	// Definitions: the pattern also fires on a definition ("\"Output\"
	// means ..."), which patterns otherwise skip so that a finding sits on
	// the operative clause.
	Definitions bool `yaml:"definitions"`
	// Names: the sentence names a license whose terms other clauses state
	// in words ("licensed under CC BY-NC 4.0" above "You may not use the
	// Models for commercial purposes"). Its hit is dropped when a clause
	// of the text gives the same code, as a heading's is, and is the
	// finding when none does.
	Names bool `yaml:"names"`
	// Term: the pattern reads definitions, not clauses. Its Keywords,
	// Match and Unless run on what a definition says of its term
	// ("\"Permitted Purpose\" means non-commercial research"); when they
	// match, the restriction travels with the term, and each sentence that
	// applies the term in one of the Uses structures ("solely for the
	// Permitted Purpose") gets the hit. The definition itself never does.
	Term bool `yaml:"term"`
	// Uses: for a Term pattern, the structures of an operative sentence
	// that applies the term, as regular expressions over the normalized
	// sentence in which "@term@" stands for each use of the term.
	Uses []string `yaml:"uses"`
	// Document, when set, is an expression of the head of a document's
	// name ("acceptable use policy", "license", "《服务协议》"): the Match
	// expressions then find a relation that binds you ("subject to",
	// "comply with", "遵守"), and the pattern matches when a document
	// other than this text follows it in the same clause ("this
	// Agreement", "the License", "本协议" are this text: Self matches the
	// words before such a head). DocumentAfter lists relations that follow
	// their document instead ("..., which is incorporated by reference",
	// "受《X》约束"). The document's words are the group "doc".
	Document      string   `yaml:"document"`
	DocumentAfter []string `yaml:"document_after"`
	Self          string   `yaml:"self"`
}

// Extraction reads one data field out of a matched sentence.
type Extraction struct {
	Field string `yaml:"field"` // the Data key it sets
	// Kind says how the value is read:
	//   text     the original text of the first non-empty group, whitespace
	//            collapsed and Markdown emphasis removed
	//   amount   the number in that group as an int64: "700 million",
	//            "1,000,000", "$1M", "1 billion", "10k"
	//   currency the currency named in that group: the value of the longest
	//            key of Map found in it (e.g. "us $" -> "USD"); also any
	//            other single label read the same way (a metric from
	//            "年营业收入"), from the whole match when Groups is empty
	//   url      the first web address in the group (or the whole sentence
	//            when Groups is empty), with or without a scheme; a bare
	//            domain needs a path, "www." or three labels; trailing
	//            punctuation and Markdown escapes removed
	//   find     every value of Map whose key occurs in the sentence, sorted
	//            and without duplicates, as a list (e.g. regions)
	Kind string `yaml:"kind"`
	// Groups names the groups of the matching Match expression to read,
	// first non-empty wins.
	Groups []string `yaml:"groups"`
	// Map is the lookup table of the currency and find kinds; keys are
	// normalized (lower-case) text.
	Map map[string]string `yaml:"map"`
	// Optional: a missing value leaves the field unset instead of dropping
	// the hit.
	Optional bool `yaml:"optional"`
}

// MessageVariant is a message for the sentences When matches.
type MessageVariant struct {
	When    string `yaml:"when"`    // RE2 expression over the normalized sentence
	Message string `yaml:"message"` // as ClausePattern.Message
}
