package helm

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

// schemaErrors checks value against the subset of JSON Schema that
// values.schema.json uses (type, enum, const, properties, additionalProperties,
// items) and returns one message per violation, with its path. It reads the
// schema as decoded JSON, so it checks the file, not the Go type.
func schemaErrors(schema map[string]any, value any, at string) []string {
	if !typeMatches(schema["type"], value) {
		return []string{fmt.Sprintf("%s: %v is not of type %v", at, value, schema["type"])}
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, value) {
		return []string{fmt.Sprintf("%s: %v is not one of %v", at, value, enum)}
	}
	if c, ok := schema["const"]; ok && value != c {
		return []string{fmt.Sprintf("%s: %v is not the only accepted value %v", at, value, c)}
	}
	var errs []string
	switch v := value.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		for _, key := range slices.Sorted(maps.Keys(v)) {
			sub, ok := props[key].(map[string]any)
			if !ok {
				switch extra := schema["additionalProperties"].(type) {
				case bool:
					if !extra {
						errs = append(errs, fmt.Sprintf("%s: unknown key %q", at, key))
						continue
					}
				case map[string]any:
					sub = extra
				}
			}
			errs = append(errs, schemaErrors(sub, v[key], at+"."+key)...)
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, item := range v {
				errs = append(errs, schemaErrors(items, item, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	return errs
}

// typeMatches tells whether value, decoded from JSON or YAML, has one of the
// schema's types; no type means any.
func typeMatches(schemaType any, value any) bool {
	var types []any
	switch st := schemaType.(type) {
	case nil:
		return true
	case string:
		types = []any{st}
	case []any:
		types = st
	}
	for _, t := range types {
		switch v := value.(type) {
		case string:
			if t == "string" {
				return true
			}
		case bool:
			if t == "boolean" {
				return true
			}
		case float64:
			if t == "number" || (t == "integer" && v == math.Trunc(v)) {
				return true
			}
		case map[string]any:
			if t == "object" {
				return true
			}
		case []any:
			if t == "array" {
				return true
			}
		case nil:
			if t == "null" {
				return true
			}
		}
	}
	return false
}
