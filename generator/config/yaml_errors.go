package config

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	yamlLine     = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownField = regexp.MustCompile(`^field (\S+) not found in type config\.(\w+)$`)
	wrongType    = regexp.MustCompile("^cannot unmarshal !!(\\w+) (?:`(.*)` )?into (\\S+)$")
)

// yamlError rewrites yaml.v3's errors in the user's terms, each as
// "file:line: message": "field x not found in type config.Resource"
// becomes an unknown key in a resource, with a suggestion.
func (f *File) yamlError(err error) string {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return f.lineMessage(err.Error())
	}
	msgs := make([]string, len(te.Errors))
	for i, e := range te.Errors {
		msgs[i] = f.lineMessage(e)
	}
	return strings.Join(msgs, "\n")
}

func (f *File) lineMessage(msg string) string {
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return fmt.Sprintf("%s: %s", f.path, strings.TrimPrefix(msg, "yaml: "))
	}
	return fmt.Sprintf("%s:%s: %s", f.path, m[1], rewrite(m[2]))
}

func rewrite(msg string) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		t, ok := schemaTypes()[m[2]]
		if !ok {
			return msg
		}
		keys := yamlKeys(t)
		return fmt.Sprintf("unknown key %q in %s%s; valid keys: %s", m[1], describeType(m[2]), DidYouMean(m[1], keys), strings.Join(keys, ", "))
	}
	if m := wrongType.FindStringSubmatch(msg); m != nil {
		got := "a " + m[1]
		if m[2] != "" {
			got = fmt.Sprintf("%q", m[2])
		}
		return fmt.Sprintf("want %s, got %s", goTypeWords(m[3]), got)
	}
	return msg
}

// describeType names a config type the way the file's reader thinks of it.
func describeType(name string) string {
	switch name {
	case "File":
		return "the top level"
	case "SubResource":
		return "a sub-resource"
	}
	return "a " + strings.ToLower(name[:1]) + name[1:] + " entry"
}

func goTypeWords(t string) string {
	t = strings.TrimPrefix(t, "*")
	switch {
	case t == "bool":
		return "true or false"
	case t == "int":
		return "an integer"
	case t == "string":
		return "a string"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["), strings.HasPrefix(t, "config."):
		return "a mapping"
	}
	return t
}

// schemaTypes maps the names of the config's struct types, as yaml.v3
// errors give them, to the types, found by walking from File.
func schemaTypes() map[string]reflect.Type {
	types := map[string]reflect.Type{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || types[t.Name()] != nil {
			return
		}
		types[t.Name()] = t
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				walk(t.Field(i).Type)
			}
		}
	}
	walk(reflect.TypeFor[File]())
	return types
}

// yamlKeys lists the keys a struct type accepts, in declaration order.
func yamlKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		if name := yamlName(t.Field(i)); name != "" {
			keys = append(keys, name)
		}
	}
	return keys
}

// yamlName is a field's key, "" for a field the file cannot set.
func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}

// optional reports whether a key may be left out.
func optional(f reflect.StructField) bool {
	return strings.Contains(f.Tag.Get("yaml"), ",omitempty")
}
