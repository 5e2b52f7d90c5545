// Package scaffold writes the first generator.yaml of a service: every
// resource inference finds, generated where it resolves without problems,
// and commented out with what stops it, and the model's candidates for
// each missing operation, where it does not.
package scaffold

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/infer"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// Result is a starting generator.yaml and what it generates.
type Result struct {
	YAML      []byte
	Generated []string // resource names, sorted
	Skipped   []string // resources left commented out, sorted
}

// entry is one resource's part of the file.
type entry struct {
	comment []string // lines above it
	body    []string // its YAML lines under resources:, "" when commented out
}

// Config writes the starting generator.yaml of service from its model,
// read from modelFile. A resource that resolves as inferred is generated
// as is; one whose only problem is its update operation is generated with
// the update turned off (every field create-only), which the file says;
// any other is left commented out with its problems or missing operations.
// The result is checked to resolve before it is returned.
func Config(service string, m *smithy.Model, modelFile string) (*Result, error) {
	res, err := infer.Run(service, m, config.Empty("generator.yaml"), infer.Options{All: true})
	if err != nil {
		return nil, fmt.Errorf("inferring %s with no generator.yaml: %w", service, err)
	}
	problems := map[string][]string{}
	for _, r := range res.Service.Resources {
		problems[r.Name] = r.Problems
	}
	out := &Result{}
	var active, inactive []entry
	for _, c := range res.Candidates {
		e, ok := plan(service, m, c, problems[c.Name])
		if ok {
			active = append(active, e)
			out.Generated = append(out.Generated, c.Name)
		} else {
			inactive = append(inactive, e)
			out.Skipped = append(out.Skipped, c.Name)
		}
	}
	out.YAML = render(service, modelFile, active, inactive)
	cfg, err := config.Parse(out.YAML, "generator.yaml")
	if err != nil {
		return nil, fmt.Errorf("the generator.yaml written for %s does not parse: %w", service, err)
	}
	if len(active) > 0 {
		if _, err := infer.Service(service, m, cfg); err != nil {
			return nil, fmt.Errorf("the generator.yaml written for %s does not resolve: %w", service, err)
		}
	}
	return out, nil
}

// plan decides one candidate's entry and whether it is generated.
func plan(service string, m *smithy.Model, c *infer.Candidate, problems []string) (entry, bool) {
	e := entry{comment: []string{fmt.Sprintf("%s, from %s: %s", c.Name, c.Source, operations(c))}}
	switch {
	case !c.Complete():
		e.comment = append(e.comment, "Not generated: "+c.Name+" has "+c.MissingText()+".")
		e.comment = append(e.comment, "To generate it, name the missing operations:")
		e.comment = append(e.comment, c.Name+":", "  operations:")
		for _, role := range c.Missing() {
			e.comment = append(e.comment, fmt.Sprintf("    %s: %s", role, or(first(c.Suggestions[role]), "<operation>")))
		}
		return e, false
	case len(problems) == 0:
		e.body = []string{c.Name + ": {}"}
		return e, true
	}
	e.comment = append(e.comment, "As inferred, generate would fail on:")
	for _, p := range problems {
		e.comment = append(e.comment, "  "+p)
	}
	if c.Update != "" {
		body := []string{
			c.Name + ":",
			"  operations:",
			"    update: none",
			"    because: " + quote(fmt.Sprintf("kubesmith new: as inferred, %s cannot be generated (%s); with no update every field is create-only, until an update is configured", c.Update, strings.Join(problems, "; "))),
		}
		if resolves(service, m, body) {
			e.comment = append(e.comment, "so the update is turned off: every field is create-only until one is configured.")
			e.body = body
			return e, true
		}
	}
	e.comment = append(e.comment, "Not generated: see `kubesmith explain "+service+" "+c.Name+"`, then configure it under resources:.")
	return e, false
}

// resolves reports whether a file with only this resource entry resolves.
func resolves(service string, m *smithy.Model, body []string) bool {
	cfg, err := config.Parse([]byte("resources:\n"+indent(body, "  ")), "generator.yaml")
	if err != nil {
		return false
	}
	_, err = infer.Service(service, m, cfg)
	return err == nil
}

// render lays out the file: the $schema line, what the file is, the
// generated resources, then the others commented out.
func render(service, modelFile string, active, inactive []entry) []byte {
	var b strings.Builder
	b.WriteString("# yaml-language-server: $schema=../" + strings.TrimPrefix(config.SchemaFile, "models/") + "\n")
	for _, l := range []string{
		"",
		fmt.Sprintf("Written by `kubesmith new %s` from %s.", service, modelFile),
		"Every resource inference found is listed below. Those that resolve are generated, each",
		"as an entry under resources: (add options there; models/README.md describes them all).",
		"The others are commented out with what stops them; for a missing operation, the model's",
		"candidates are named, " + infer.RankingRule + ".",
		fmt.Sprintf("`kubesmith list %s` and `kubesmith explain %s <Kind>` show what inference decided.", service, service),
	} {
		b.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	if len(active) == 0 {
		b.WriteString("#\n# No resource resolves as inferred: configure one below to generate anything.\nresources: {}\n")
	} else {
		b.WriteString("resources:\n")
	}
	for _, e := range active {
		b.WriteString(indent(commented(e.comment), "  "))
		b.WriteString(indent(e.body, "  "))
	}
	for _, e := range inactive {
		b.WriteString("\n" + indent(commented(e.comment), "  "))
	}
	return []byte(b.String())
}

func operations(c *infer.Candidate) string {
	var ops []string
	for _, role := range infer.Roles() {
		if op := c.Op(role); op != "" {
			ops = append(ops, role+"="+op)
		}
	}
	if len(ops) == 0 {
		return "no operations"
	}
	return strings.Join(ops, " ")
}

func commented(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight("# "+l, " ")
	}
	return out
}

func indent(lines []string, prefix string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(prefix + l + "\n")
	}
	return b.String()
}

// quote writes s as a YAML scalar: JSON strings are YAML.
func quote(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
