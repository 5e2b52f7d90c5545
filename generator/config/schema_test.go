package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestSchemaPublished checks that models/generator.schema.json is what the
// Go types say; `kubesmith generate` rewrites it.
func TestSchemaPublished(t *testing.T) {
	want, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", filepath.FromSlash(SchemaFile))
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go run ./cmd/kubesmith generate` to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run `go run ./cmd/kubesmith generate` (or `make generate`)", SchemaFile)
	}
}

// TestSchemaDescribesEveryKey checks that every key has a description, so
// that an editor can show one.
func TestSchemaDescribesEveryKey(t *testing.T) {
	var s map[string]any
	data, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	objects := map[string]map[string]any{"File": s}
	for name, def := range s["$defs"].(map[string]any) {
		objects[name] = def.(map[string]any)
	}
	for name, obj := range objects {
		for key, p := range obj["properties"].(map[string]any) {
			if p.(map[string]any)["description"] == nil {
				t.Errorf("%s.%s has no description: give its Go field a doc comment", name, key)
			}
		}
	}
}

// TestSchemaAgreesWithParse validates configs against the schema, the way
// an editor would, and checks it agrees with Parse: the files Parse
// accepts pass, and mistakes of each kind fail both.
func TestSchemaAgreesWithParse(t *testing.T) {
	data, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../models/*/generator.yaml")
	more, _ := filepath.Glob("../infer/testdata/config/*.yaml")
	for _, p := range append(files, more...) {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(schema, text); err != nil {
			t.Errorf("%s: the schema rejects a file Parse accepts: %v", p, err)
		}
	}
	bad := []struct{ reason, yaml string }{
		{"an unknown key", "resources:\n  Table:\n    sortNames: [t]\n"},
		{"a wrong type", "resources:\n  Table:\n    fields:\n      X: {required: maybe}\n"},
		{"a missing required key", "resources:\n  Table:\n    pending: {values: [A]}\n"},
		{"a pattern mismatch", "resources:\n  Table:\n    kind: table\n"},
		{"a resource name pattern mismatch", "resources:\n  table: {}\n"},
		{"too few items", "resources:\n  Table:\n    pending: {field: S, values: []}\n"},
		{"below the minimum", "resources:\n  Table:\n    fields:\n      S: {column: {priority: -1}}\n"},
	}
	for _, c := range bad {
		if validateYAML(schema, []byte(c.yaml)) == nil {
			t.Errorf("%s: the schema accepts it", c.reason)
		}
		if _, err := Parse([]byte(c.yaml), "g.yaml"); err == nil {
			t.Errorf("%s: Parse accepts it", c.reason)
		}
	}
}

// validateYAML checks a YAML document against the subset of JSON Schema
// that Schema writes.
func validateYAML(schema map[string]any, text []byte) error {
	var doc any
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return err
	}
	if doc == nil {
		doc = map[string]any{}
	}
	return validate(schema, schema, doc, "")
}

func validate(root, s map[string]any, v any, at string) error {
	if ref, ok := s["$ref"].(string); ok {
		return validate(root, root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any), v, at)
	}
	switch s["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object", at)
		}
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				return fmt.Errorf("%s: missing %s", at, r)
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if names, ok := s["propertyNames"].(map[string]any); ok && !regexp.MustCompile(names["pattern"].(string)).MatchString(k) {
				return fmt.Errorf("%s: key %s does not match", at, k)
			}
			sub, ok := props[k].(map[string]any)
			if !ok {
				extra, isSchema := s["additionalProperties"].(map[string]any)
				if !isSchema {
					return fmt.Errorf("%s: unknown key %s", at, k)
				}
				sub = extra
			}
			if err := validate(root, sub, obj[k], at+"."+k); err != nil {
				return err
			}
		}
	case "array":
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array", at)
		}
		if n, ok := s["minItems"].(float64); ok && float64(len(list)) < n {
			return fmt.Errorf("%s: too few items", at)
		}
		for i, item := range list {
			if err := validate(root, s["items"].(map[string]any), item, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: want a string", at)
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			return fmt.Errorf("%s: does not match %s", at, p)
		}
		if n, ok := s["minLength"].(float64); ok && float64(len(str)) < n {
			return fmt.Errorf("%s: too short", at)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want a boolean", at)
		}
	case "integer":
		n, ok := v.(int)
		if !ok {
			return fmt.Errorf("%s: want an integer", at)
		}
		if m, ok := s["minimum"].(float64); ok && float64(n) < m {
			return fmt.Errorf("%s: below the minimum", at)
		}
	}
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
