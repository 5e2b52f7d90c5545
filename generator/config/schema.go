package config

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"reflect"
	"strings"
)

// fileSource is file.go itself: its doc comments describe the schema.
//
//go:embed file.go
var fileSource string

// SchemaFile is where the JSON Schema of generator.yaml is published,
// relative to the repository root; editors validate against it.
const SchemaFile = "models/generator.schema.json"

// Schema returns the JSON Schema of generator.yaml, made from the Go types
// in file.go: keys from the yaml tags, rules from the schema tags and
// descriptions from the doc comments.
func Schema() ([]byte, error) {
	docs, err := typeDocs()
	if err != nil {
		return nil, err
	}
	defs := map[string]any{}
	root := structSchema(reflect.TypeFor[File](), docs, defs)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/kubesmith/kubesmith/" + SchemaFile
	root["title"] = "kubesmith generator.yaml"
	root["$defs"] = defs
	data, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// docs are the doc comments of types ("File") and fields ("File.Include").
type docs map[string]string

func typeDocs() (docs, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "file.go", fileSource, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("parsing the config types: %w", err)
	}
	d := docs{}
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.TYPE {
			continue
		}
		for _, spec := range gen.Specs {
			ts := spec.(*ast.TypeSpec)
			d[ts.Name.Name] = oneParagraph(gen.Doc.Text())
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			for _, field := range st.Fields.List {
				for _, n := range field.Names {
					d[ts.Name.Name+"."+n.Name] = oneParagraph(field.Doc.Text())
				}
			}
		}
	}
	return d, nil
}

func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }

// structSchema describes a struct type as an object with exactly its keys.
func structSchema(t reflect.Type, d docs, defs map[string]any) map[string]any {
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		sf := t.Field(i)
		name := yamlName(sf)
		if name == "" {
			continue
		}
		p := valueSchema(sf.Type, schemaRules(sf), d, defs)
		if doc := d[t.Name()+"."+sf.Name]; doc != "" {
			p["description"] = doc
		}
		props[name] = p
		if !optional(sf) {
			required = append(required, name)
		}
	}
	s := map[string]any{
		"type":                 "object",
		"properties":           props,
		"additionalProperties": false,
	}
	if doc := d[t.Name()]; doc != "" {
		s["description"] = doc
	}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

// valueSchema describes a field's type with the rules of its schema tag.
func valueSchema(t reflect.Type, rules map[string]string, d docs, defs map[string]any) map[string]any {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := map[string]any{}
	switch t.Kind() {
	case reflect.String:
		s["type"] = "string"
		if p, ok := rules["pattern"]; ok {
			s["pattern"] = p
		}
		if n, ok := rules["minLength"]; ok {
			s["minLength"] = atoi(n)
		}
	case reflect.Bool:
		s["type"] = "boolean"
	case reflect.Int:
		s["type"] = "integer"
		if n, ok := rules["minimum"]; ok {
			s["minimum"] = atoi(n)
		}
	case reflect.Slice:
		s["type"] = "array"
		if n, ok := rules["minItems"]; ok {
			s["minItems"] = atoi(n)
		}
		items := maps.Clone(rules)
		delete(items, "minItems")
		s["items"] = valueSchema(t.Elem(), items, d, defs)
	case reflect.Map:
		s["type"] = "object"
		if p, ok := rules["keyPattern"]; ok {
			s["propertyNames"] = map[string]any{"pattern": p}
		}
		s["additionalProperties"] = valueSchema(t.Elem(), nil, d, defs)
	case reflect.Struct:
		if _, ok := defs[t.Name()]; !ok {
			defs[t.Name()] = nil // reserve the name, for recursive types
			defs[t.Name()] = structSchema(t, d, defs)
		}
		s["$ref"] = "#/$defs/" + t.Name()
	default:
		panic(fmt.Sprintf("config: no JSON Schema for %s", t))
	}
	return s
}
