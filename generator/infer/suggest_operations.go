package infer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// maxSuggestions bounds the candidates named for one missing operation.
const maxSuggestions = 5

// RankingRule says how suggestOperations orders the candidates, for
// messages that show them.
const RankingRule = "ranked: the identifier as only required input, then Verb<R> names, then shortest"

// rolePrefixes are the name prefixes of an operation that can fill role.
func rolePrefixes(role string) []string {
	switch role {
	case roleCreate:
		return []string{"Create", "Put", "Register", "Run", "Start", "Allocate", "Import"}
	case roleRead:
		return []string{"Describe", "Get", "Head", "List"}
	case roleDelete:
		return []string{"Delete", "Remove", "Deregister", "Terminate", "Release"}
	case roleUpdate:
		return []string{"Update", "Modify", "Put", "Set"}
	}
	return []string{"List", "Describe"}
}

// suggestOperations ranks the model's operations that could fill role for
// c, at most maxSuggestions of them. An operation qualifies by a name that
// starts with the role's verb and names the resource, or by taking the
// resource's identifier; it ranks higher the more of these hold:
// the identifier as its only required input (what a read or delete of one
// resource takes), the verb, the resource's name, the verb immediately
// followed by the name (HeadBucket); ties go to the shorter, then the
// alphabetically first name.
func (st *state) suggestOperations(c *Candidate, role string) []string {
	ids := c.Identifiers
	if len(ids) == 0 {
		ids = requiredInputs(st.m, st.ops[c.Delete])
	}
	if len(ids) == 0 {
		ids = requiredInputs(st.m, st.ops[c.Read])
	}
	type scored struct {
		name  string
		score int
	}
	var found []scored
	for name, op := range st.ops {
		if name == c.Create || name == c.Read || name == c.Update || name == c.Delete {
			continue // a list stays a candidate: a read may filter one
		}
		verb := hasAnyPrefix(name, rolePrefixes(role))
		if verb == "" {
			continue
		}
		score := 4
		if strings.Contains(name[len(verb):], c.Name) {
			score += 2
		}
		if name == verb+c.Name {
			score += 1
		}
		if required := requiredInputs(st.m, op); len(required) > 0 && subset(required, ids) {
			score += 8
		}
		if score < 6 {
			continue // neither names the resource nor takes its identifier
		}
		found = append(found, scored{name, score})
	}
	slices.SortFunc(found, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.name), len(b.name)); c != 0 {
			return c
		}
		return cmp.Compare(a.name, b.name)
	})
	var out []string
	for _, f := range found[:min(len(found), maxSuggestions)] {
		out = append(out, f.name)
	}
	return out
}

// suggest fills c.Suggestions for the roles c lacks.
func (st *state) suggest(c *Candidate) {
	c.Suggestions = map[string][]string{}
	for _, role := range c.Missing() {
		c.Suggestions[role] = st.suggestOperations(c, role)
	}
}

// MissingText says which operations c lacks and, for each, the model's
// candidates, for error messages and comments.
func (c *Candidate) MissingText() string {
	var parts []string
	for _, role := range c.Missing() {
		part := "no " + role + " operation"
		if s := c.Suggestions[role]; len(s) > 0 {
			part += fmt.Sprintf(" (candidates in the model: %s; %s)", strings.Join(s, ", "), RankingRule)
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

func hasAnyPrefix(name string, prefixes []string) string {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" && isUpper(rest[0]) {
			return p
		}
	}
	return ""
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
