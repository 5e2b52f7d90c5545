package conv

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Some APIs add a resource's permissions one statement per call (Lambda's
// AddPermission) and return them only as a JSON policy document
// (GetPolicy). A Statement is one statement of that document, read back
// into the terms of the call that added it.

// Statement is a policy statement flattened to its values by name, lower
// case: each top-level element holding a value (Sid, Effect, Action,
// Principal, Resource), and each condition key by its name after the
// prefix (AWS:SourceArn as sourcearn), under whichever operator.
type Statement struct {
	sid    *string
	values map[string]string
}

// Statements parses a policy document into its statements, with the
// desired entry of the same Sid as each's spelling guide (see Value), and
// builds an entry of each with entry. A nil or empty document holds none;
// a statement without a Sid cannot be named, so it is left out.
func Statements[T any](doc *string, desired []T, sid func(*T) *string, entry func(s Statement, d *T) T) ([]T, error) {
	if doc == nil || strings.TrimSpace(*doc) == "" {
		return nil, nil
	}
	var policy struct {
		Statement json.RawMessage
	}
	if err := json.Unmarshal([]byte(*doc), &policy); err != nil {
		return nil, fmt.Errorf("the policy document is no JSON object: %w", err)
	}
	var raw []map[string]any
	if err := json.Unmarshal(policy.Statement, &raw); err != nil {
		// A policy of one statement may give it alone, not in a list.
		var one map[string]any
		if err := json.Unmarshal(policy.Statement, &one); err != nil {
			return nil, fmt.Errorf("the policy document's Statement is neither a statement nor a list of them: %w", err)
		}
		raw = []map[string]any{one}
	}
	byKey := map[string]*T{}
	for i := range desired {
		if k := sid(&desired[i]); k != nil {
			byKey[*k] = &desired[i]
		}
	}
	var out []T
	for _, r := range raw {
		s := flatten(r)
		if s.sid == nil {
			continue
		}
		d := byKey[*s.sid]
		if d == nil {
			d = new(T)
		}
		out = append(out, entry(s, d))
	}
	return out, nil
}

// flatten reads a statement's values by name.
func flatten(r map[string]any) Statement {
	s := Statement{values: map[string]string{}}
	for k, v := range r {
		switch strings.ToLower(k) {
		case "condition":
			continue
		case "principal", "notprincipal":
			if p, ok := principal(v); ok {
				s.values[strings.ToLower(k)] = p
			}
		default:
			if text, ok := scalar(v); ok {
				s.values[strings.ToLower(k)] = text
			}
		}
	}
	if sid, ok := s.values["sid"]; ok && sid != "" {
		s.sid = &sid
	}
	conditions, _ := r["Condition"].(map[string]any)
	for _, op := range sortedKeys(conditions) {
		keys, _ := conditions[op].(map[string]any)
		for _, k := range sortedKeys(keys) {
			name := strings.ToLower(k[strings.LastIndex(k, ":")+1:])
			if _, taken := s.values[name]; taken {
				continue
			}
			if text, ok := scalar(keys[k]); ok {
				s.values[name] = text
			}
		}
	}
	return s
}

// scalar is a value as text: a string, a boolean or a number, or a list of
// them joined by commas (one statement may list several actions).
func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool, float64:
		return fmt.Sprint(x), true
	case []any:
		var parts []string
		for _, e := range x {
			text, ok := scalar(e)
			if !ok {
				return "", false
			}
			parts = append(parts, text)
		}
		return strings.Join(parts, ","), len(parts) > 0
	}
	return "", false
}

// principal is a statement's principal as one value: "*", or the value of
// its one kind ({"Service": "s3.amazonaws.com"} is s3.amazonaws.com); the
// values of several kinds are joined by commas, in the kinds' order.
func principal(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return scalar(v)
	}
	var parts []string
	for _, kind := range sortedKeys(m) {
		text, ok := scalar(m[kind])
		if !ok {
			return "", false
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, ","), len(parts) > 0
}

func sortedKeys(m map[string]any) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// accountRoot is the principal AWS writes for an account ID given alone.
var accountRoot = regexp.MustCompile(`^arn:aws[a-z-]*:iam::(\d{12}):root$`)

// Sid is the statement's Sid.
func (s Statement) Sid() *string { return s.sid }

// Value is the statement's value for the member name, compared without
// case; nil when it holds none. Where it is desired spelled another way
// that names the same thing (an account ID as the principal, which AWS
// writes as arn:aws:iam::<ID>:root), it is the desired spelling, so that
// the spelling is no drift.
func (s Statement) Value(name string, desired *string) *string {
	name = strings.ToLower(name)
	v, ok := s.values[name]
	if !ok {
		return nil
	}
	if desired != nil && (name == "principal" || name == "notprincipal") {
		if m := accountRoot.FindStringSubmatch(v); m != nil && m[1] == *desired {
			return desired
		}
	}
	return &v
}

// Bool is Value for a boolean member; nil when the value is no boolean.
func (s Statement) Bool(name string) *bool {
	v := s.Value(name, nil)
	if v == nil {
		return nil
	}
	switch strings.ToLower(*v) {
	case "true":
		return Of(true)
	case "false":
		return Of(false)
	}
	return nil
}
