package helm

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// jsonSchema is the subset of JSON Schema (draft 7, which Helm reads) that
// the values need.
type jsonSchema struct {
	Comment              string                 `json:"$comment,omitempty"`
	Schema               string                 `json:"$schema,omitempty"`
	Description          string                 `json:"description,omitempty"`
	Type                 any                    `json:"type,omitempty"` // a name, or a list of names
	Enum                 []string               `json:"enum,omitempty"`
	Const                any                    `json:"const,omitempty"` // nil means any value
	Properties           map[string]*jsonSchema `json:"properties,omitempty"`
	AdditionalProperties any                    `json:"additionalProperties,omitempty"` // false, or a *jsonSchema
	Items                *jsonSchema            `json:"items,omitempty"`
}

// valuesSchema writes values.schema.json from the Values type.
func valuesSchema() ([]byte, error) {
	root, err := schemaOf(reflect.TypeFor[Values]())
	if err != nil {
		return nil, err
	}
	root.Comment = generatedNotice
	root.Schema = "http://json-schema.org/draft-07/schema#"
	// Helm adds these keys to a chart's values when the chart is a dependency of
	// another chart; without them the strict root would reject every such use.
	root.Properties["global"] = &jsonSchema{Type: "object", Description: "Values a parent chart shares with all its dependencies; unused by this chart."}
	root.Properties["enabled"] = &jsonSchema{Type: "boolean", Description: "The switch a parent chart may use to turn this dependency on or off; unused by this chart."}
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// schemaOf maps a Go type of Values to its schema: a struct is an object with
// exactly its fields, a map an object of user-chosen keys, a slice an array.
func schemaOf(t reflect.Type) (*jsonSchema, error) {
	if t == reflect.TypeFor[Quantity]() {
		return &jsonSchema{Type: []string{"string", "number"}}, nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		// A pointer is a value that may be left empty (null).
		s, err := schemaOf(t.Elem())
		if err != nil {
			return nil, err
		}
		s.Type = []any{s.Type, "null"}
		return s, nil
	case reflect.String:
		return &jsonSchema{Type: "string"}, nil
	case reflect.Bool:
		return &jsonSchema{Type: "boolean"}, nil
	case reflect.Int:
		return &jsonSchema{Type: "integer"}, nil
	case reflect.Interface:
		return &jsonSchema{}, nil // anything
	case reflect.Slice:
		items, err := schemaOf(t.Elem())
		if err != nil {
			return nil, err
		}
		return &jsonSchema{Type: "array", Items: items}, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil, fmt.Errorf("values type %s: map keys must be strings", t)
		}
		s := &jsonSchema{Type: "object"}
		if t.Elem().Kind() != reflect.Interface {
			elem, err := schemaOf(t.Elem())
			if err != nil {
				return nil, err
			}
			s.AdditionalProperties = elem
		}
		return s, nil
	case reflect.Struct:
		s := &jsonSchema{Type: "object", Properties: map[string]*jsonSchema{}, AdditionalProperties: false}
		for _, f := range reflect.VisibleFields(t) {
			p, err := schemaOf(f.Type)
			if err != nil {
				return nil, err
			}
			p.Description = f.Tag.Get("help")
			if enum := f.Tag.Get("enum"); enum != "" {
				p.Enum = strings.Split(enum, ",")
			}
			if c := f.Tag.Get("const"); c != "" {
				if err := json.Unmarshal([]byte(c), &p.Const); err != nil {
					return nil, fmt.Errorf("values field %s: const %q is not JSON: %w", f.Name, c, err)
				}
			}
			s.Properties[jsonName(f)] = p
		}
		return s, nil
	}
	return nil, fmt.Errorf("values type %s has no JSON schema mapping", t)
}
