package helm

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"

	"sigs.k8s.io/yaml"
)

// commentWidth is where help comments wrap in values.yaml.
const commentWidth = 100

// valuesYAML writes v as values.yaml: keys in struct order, each under its help
// text as a comment, a blank line between top-level keys.
func valuesYAML(v Values) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(yamlHeader + "\n")
	if err := writeStruct(&b, reflect.ValueOf(v), 0); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeStruct(b *bytes.Buffer, v reflect.Value, indent int) error {
	pad := strings.Repeat(" ", indent)
	for i, f := range reflect.VisibleFields(v.Type()) {
		if indent == 0 && i > 0 {
			b.WriteString("\n")
		}
		for _, line := range wrap(f.Tag.Get("help"), commentWidth-indent-2) {
			fmt.Fprintf(b, "%s# %s\n", pad, line)
		}
		key := jsonName(f)
		field := v.FieldByIndex(f.Index)
		if field.Kind() == reflect.Struct {
			fmt.Fprintf(b, "%s%s:\n", pad, key)
			if err := writeStruct(b, field, indent+2); err != nil {
				return err
			}
			continue
		}
		// Leaves go through the YAML library, which knows when a string needs quotes.
		out, err := yaml.Marshal(field.Interface())
		if err != nil {
			return fmt.Errorf("values key %s: %w", key, err)
		}
		if isBlock(field) {
			fmt.Fprintf(b, "%s%s:\n", pad, key)
			for _, line := range strings.SplitAfter(strings.TrimSuffix(string(out), "\n"), "\n") {
				b.WriteString(pad + "  " + line)
			}
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(b, "%s%s: %s", pad, key, out)
	}
	return nil
}

// isBlock tells whether a leaf is written on the lines below its key: a
// non-empty map or list. Scalars and empty collections ({} or []) stay inline.
func isBlock(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		return v.Len() > 0
	}
	return false
}

// jsonName is the key of a field: its json tag without options.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// wrap breaks text into lines of at most width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
