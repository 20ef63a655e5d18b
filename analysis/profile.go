package analysis

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fineprint-dev/fineprint/analysis/glob"
	"github.com/fineprint-dev/fineprint/analysis/kb"
	"github.com/fineprint-dev/fineprint/analysis/textpos"
	"gopkg.in/yaml.v3"
)

// Profile is how a project intends to use models (.fineprint.yaml at the
// workspace root, or the editor's "fineprint" settings). A nil pointer field
// means "not said", and fineprint then assumes nothing.
type Profile struct {
	Use    Use               `yaml:"use" json:"use"`
	Rules  map[string]string `yaml:"rules" json:"rules"` // code -> off|hint|information|warning|error
	Ignore []string          `yaml:"ignore" json:"ignore"`
	Limits Limits            `yaml:"limits" json:"limits"` // workspace-wide caps (limits.go)
	// Include holds globs of folders skipped by default (vendor/,
	// third_party/, ...) that are read all the same ("vendor/acme/**").
	Include []string `yaml:"include" json:"include"`
}

// Use is the profile's "use" section.
type Use struct {
	Commercial          *bool    `yaml:"commercial" json:"commercial"`
	MonthlyActiveUsers  *int64   `yaml:"monthly_active_users" json:"monthly_active_users"`
	AnnualRevenueUSD    *int64   `yaml:"annual_revenue_usd" json:"annual_revenue_usd"`
	Regions             []string `yaml:"regions" json:"regions"`
	RedistributesModels *bool    `yaml:"redistributes_models" json:"redistributes_models"`
	// NetworkService: people use the project over a network (a hosted
	// app or API), which is what the AGPL-3.0's section 13 turns on.
	NetworkService *bool `yaml:"network_service" json:"network_service"`
}

// over returns p with every part that o says replaced by o's: o is the
// .fineprint.yaml, p the editor settings. Rules merge code by code; the
// ignore list is o's when o has one.
func (p Profile) over(o Profile) Profile {
	out := p
	u, ou := &out.Use, o.Use
	if ou.Commercial != nil {
		u.Commercial = ou.Commercial
	}
	if ou.MonthlyActiveUsers != nil {
		u.MonthlyActiveUsers = ou.MonthlyActiveUsers
	}
	if ou.AnnualRevenueUSD != nil {
		u.AnnualRevenueUSD = ou.AnnualRevenueUSD
	}
	if ou.Regions != nil {
		u.Regions = ou.Regions
	}
	if ou.RedistributesModels != nil {
		u.RedistributesModels = ou.RedistributesModels
	}
	if ou.NetworkService != nil {
		u.NetworkService = ou.NetworkService
	}
	if len(o.Rules) > 0 {
		out.Rules = make(map[string]string, len(p.Rules)+len(o.Rules))
		for k, v := range p.Rules {
			out.Rules[k] = v
		}
		for k, v := range o.Rules {
			out.Rules[k] = v
		}
	}
	if o.Ignore != nil {
		out.Ignore = o.Ignore
	}
	out.Limits = p.Limits.over(o.Limits)
	if o.Include != nil {
		out.Include = o.Include
	}
	return out
}

// ParseProfile reads a .fineprint.yaml. Every problem (broken YAML, an
// unknown key, a value of the wrong type, an unknown severity or rule code)
// becomes a profile/invalid finding on the exact bytes at fault, and the part
// at fault is left at its default while the rest of the profile applies.
func ParseProfile(path string, data []byte) (Profile, []Finding) {
	pp := &profileParser{path: path, data: data, idx: textpos.NewIndex(data), kb: kb.Default()}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		pp.syntaxError(err)
		return Profile{}, pp.findings
	}
	if len(doc.Content) == 0 {
		return Profile{}, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
			return Profile{}, nil
		}
		pp.report(top, "The profile must be a mapping with the keys use, rules, ignore, include and limits; it is ignored.")
		return Profile{}, pp.findings
	}
	var p Profile
	pp.mapping(top, "the profile", map[string]func(k, v *yaml.Node){
		"use":     func(_, v *yaml.Node) { pp.use(v, &p.Use) },
		"rules":   func(_, v *yaml.Node) { p.Rules = pp.rules(v) },
		"ignore":  func(_, v *yaml.Node) { p.Ignore = pp.globs(v, "ignore") },
		"include": func(_, v *yaml.Node) { p.Include = pp.globs(v, "include") },
		"limits":  func(_, v *yaml.Node) { pp.limits(v, &p.Limits) },
	})
	return p, pp.findings
}

type profileParser struct {
	path     string
	data     []byte
	idx      *textpos.Index
	kb       *kb.KB
	findings []Finding
}

func (pp *profileParser) report(n *yaml.Node, msg string) {
	pp.reportSpan(pp.span(n), msg)
}

func (pp *profileParser) reportSpan(sp Span, msg string) {
	sev := SeverityError
	if r := pp.kb.Rule("profile/invalid"); r != nil {
		sev, _ = ParseSeverity(r.Severity)
	}
	pp.findings = append(pp.findings, Finding{Code: "profile/invalid", Severity: sev, Path: pp.path, Span: sp, Message: msg})
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError reports a YAML error on the line it names.
func (pp *profileParser) syntaxError(err error) {
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	start := pp.idx.LineStart(line - 1)
	end := pp.idx.Offset(textpos.Position{Line: line - 1, Column: 1 << 30})
	pp.reportSpan(Span{start, end}, fmt.Sprintf("The profile is not valid YAML (%s); the defaults apply.", msg))
}

// mapping calls the handler for each key of n and reports unknown and
// repeated keys.
func (pp *profileParser) mapping(n *yaml.Node, where string, handlers map[string]func(k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		switch {
		case !ok:
			pp.report(k, fmt.Sprintf("Unknown key %q in %s is ignored%s.", k.Value, where, suggestKey(k.Value, profileKeys(handlers))))
		case seen[k.Value]:
			pp.report(k, fmt.Sprintf("Key %q appears twice in %s; the first one applies.", k.Value, where))
		default:
			seen[k.Value] = true
			h(k, v)
		}
	}
}

func profileKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (pp *profileParser) use(n *yaml.Node, u *Use) {
	if n.Kind != yaml.MappingNode {
		pp.report(n, "use: must be a mapping (commercial, monthly_active_users, annual_revenue_usd, regions, redistributes_models, network_service); it is ignored.")
		return
	}
	pp.mapping(n, "use:", map[string]func(k, v *yaml.Node){
		"commercial":           func(k, v *yaml.Node) { u.Commercial = pp.boolean(k, v) },
		"redistributes_models": func(k, v *yaml.Node) { u.RedistributesModels = pp.boolean(k, v) },
		"network_service":      func(k, v *yaml.Node) { u.NetworkService = pp.boolean(k, v) },
		"monthly_active_users": func(k, v *yaml.Node) { u.MonthlyActiveUsers = pp.count(k, v) },
		"annual_revenue_usd":   func(k, v *yaml.Node) { u.AnnualRevenueUSD = pp.count(k, v) },
		"regions":              func(k, v *yaml.Node) { u.Regions = pp.strings(k, v, "a region code such as EU or US") },
	})
}

func (pp *profileParser) boolean(k, v *yaml.Node) *bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || v.Decode(&b) != nil {
		pp.report(v, fmt.Sprintf("%s must be true or false; it is left unset.", k.Value))
		return nil
	}
	return &b
}

func (pp *profileParser) count(k, v *yaml.Node) *int64 {
	var n int64
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&n) != nil || n < 0 {
		pp.report(v, fmt.Sprintf("%s must be a whole number such as 2000000; it is left unset.", k.Value))
		return nil
	}
	return &n
}

func (pp *profileParser) strings(k, v *yaml.Node, what string) []string {
	if v.Kind != yaml.SequenceNode {
		pp.report(v, fmt.Sprintf("%s must be a list, such as [EU, US]; it is left unset.", k.Value))
		return nil
	}
	out := []string{}
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || item.Tag != "!!str" || item.Value == "" {
			pp.report(item, fmt.Sprintf("Each entry of %s must be %s; this one is ignored.", k.Value, what))
			continue
		}
		out = append(out, item.Value)
	}
	return out
}

func (pp *profileParser) rules(n *yaml.Node) map[string]string {
	if n.Kind != yaml.MappingNode {
		pp.report(n, "rules: must map rule codes to off, hint, information, warning or error; it is ignored.")
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if pp.kb.Rule(k.Value) == nil {
			pp.report(k, fmt.Sprintf("Unknown rule code %q is ignored%s.", k.Value, suggestKey(k.Value, pp.codes())))
			continue
		}
		if _, dup := out[k.Value]; dup {
			pp.report(k, fmt.Sprintf("Rule %s appears twice in rules:; the first one applies.", k.Value))
			continue
		}
		sev, err := ParseSeverity(v.Value)
		if v.Kind != yaml.ScalarNode || err != nil {
			pp.report(v, fmt.Sprintf("The severity of %s must be off, hint, information, warning or error; its default applies.", k.Value))
			continue
		}
		out[k.Value] = sev.String()
	}
	return out
}

func (pp *profileParser) codes() []string {
	out := make([]string, len(pp.kb.Rules))
	for i, r := range pp.kb.Rules {
		out[i] = r.Code
	}
	return out
}

func (pp *profileParser) globs(n *yaml.Node, key string) []string {
	if n.Kind != yaml.SequenceNode {
		pp.report(n, key+" must be a list of path globs, such as [\"third_party/**\"]; it is left unset.")
		return nil
	}
	out := []string{}
	for _, item := range n.Content {
		switch {
		case item.Kind != yaml.ScalarNode || item.Tag != "!!str" || item.Value == "":
			pp.report(item, "Each entry of "+key+" must be a path glob such as third_party/**; this one is ignored.")
		case !glob.Valid(item.Value):
			pp.report(item, fmt.Sprintf("%q is not a valid glob; it is ignored.", item.Value))
		default:
			out = append(out, item.Value)
		}
	}
	return out
}

// suggest is ` (did you mean "x"?)` for the known word nearest to w, when
// one is close.
func suggestKey(w string, known []string) string {
	best, ok := Nearest(w, known, 2)
	if !ok {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// span is the byte range of a node in the source. yaml.v3 gives 1-based
// lines and rune columns for the start only; the end is found by reading
// the source.
func (pp *profileParser) span(n *yaml.Node) Span {
	start := pp.offset(n.Line, n.Column)
	switch n.Kind {
	case yaml.ScalarNode:
		return Span{start, pp.scalarEnd(n, start)}
	case yaml.AliasNode:
		return Span{start, min(len(pp.data), start+1+len(n.Value))}
	case yaml.SequenceNode, yaml.MappingNode:
		if n.Style&yaml.FlowStyle != 0 {
			return Span{start, pp.flowEnd(start)}
		}
		if len(n.Content) == 0 {
			return Span{start, start}
		}
		return Span{start, pp.span(n.Content[len(n.Content)-1]).End}
	}
	return Span{start, start}
}

func (pp *profileParser) offset(line, col int) int {
	off := pp.idx.LineStart(line - 1)
	for c := 1; c < col && off < len(pp.data) && pp.data[off] != '\n' && pp.data[off] != '\r'; c++ {
		_, size := utf8.DecodeRune(pp.data[off:])
		off += size
	}
	return off
}

func (pp *profileParser) lineEnd(off int) int {
	for off < len(pp.data) && pp.data[off] != '\n' && pp.data[off] != '\r' {
		off++
	}
	return off
}

func (pp *profileParser) scalarEnd(n *yaml.Node, start int) int {
	d := pp.data
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := start + 1; i < len(d); i++ {
			if d[i] == '\\' {
				i++
			} else if d[i] == '"' {
				return i + 1
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := start + 1; i < len(d); i++ {
			if d[i] == '\'' {
				if i+1 < len(d) && d[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return pp.lineEnd(start)
	default:
		// A plain scalar ends before a comment, or before ": " or ","
		// in a flow collection; its value has no trailing spaces.
		end := pp.lineEnd(start)
		if i := strings.Index(string(d[start:end]), " #"); i >= 0 {
			end = start + i
		}
		if n.Value != "" && strings.HasPrefix(string(d[start:end]), n.Value) {
			return start + len(n.Value)
		}
		for end > start && (d[end-1] == ' ' || d[end-1] == '\t') {
			end--
		}
		return end
	}
	return len(d)
}

// flowEnd finds the bracket closing the flow collection opening at start.
func (pp *profileParser) flowEnd(start int) int {
	depth := 0
	var quote byte
	for i := start; i < len(pp.data); i++ {
		c := pp.data[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(pp.data)
}
