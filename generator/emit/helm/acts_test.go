package helm

import (
	"bytes"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// TestEveryValueActs changes each key of values.yaml, one at a time, and
// renders the chart: the output must change, or, for a key the schema pins
// to one value, Helm must refuse the file. A key the templates ignore fails.
func TestEveryValueActs(t *testing.T) {
	helm := helmBinary(t)
	chartDir := t.TempDir()
	files, err := Chart(testInput())
	if err != nil {
		t.Fatal(err)
	}
	writeChart(t, chartDir, files)
	schema := loadSchema(t)
	defaults := yamlToJSONValue(t, mustValuesYAML(t))
	// Keys that act only together with another; the base render has it too.
	needs := map[string]func(v map[string]any){
		".aws.credentials.secretKey": func(v map[string]any) { at(v, ".aws.credentials")["secretName"] = "creds" },
		".aws.credentials.profile":   func(v map[string]any) { at(v, ".aws.credentials")["secretName"] = "creds" },
		".metrics.service.type":      func(v map[string]any) { at(v, ".metrics.service")["create"] = true },
		".leaderElection.namespace":  func(v map[string]any) { at(v, ".leaderElection")["enabled"] = true },
	}
	dir := t.TempDir()
	render := func(values map[string]any) ([]byte, error) {
		data, err := yaml.Marshal(values)
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, "values.yaml")
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return exec.Command(helm, "template", "rel", chartDir, "--namespace", "ctl", "-f", f).CombinedOutput()
	}
	for _, leaf := range leaves(schema, defaults, "") {
		base := deepCopy(t, defaults)
		if need, ok := needs[leaf.path]; ok {
			need(base)
		}
		before, err := render(base)
		if err != nil {
			t.Fatalf("%s: the base values do not render: %v\n%s", leaf.path, err, before)
		}
		changed := deepCopy(t, base)
		parent, key := splitLast(leaf.path)
		at(changed, parent)[key] = otherValue(leaf.schema, leaf.value)
		after, err := render(changed)
		_, pinned := leaf.schema["const"]
		switch {
		case pinned && err == nil:
			t.Errorf("%s: the schema pins it, yet Helm renders %v", leaf.path, at(changed, parent)[key])
		case !pinned && err != nil:
			t.Errorf("%s = %v does not render: %v\n%s", leaf.path, at(changed, parent)[key], err, after)
		case !pinned && bytes.Equal(before, after):
			t.Errorf("%s: changing it from %v to %v changes nothing the chart renders", leaf.path, leaf.value, at(changed, parent)[key])
		}
	}
}

type valueLeaf struct {
	path   string
	schema map[string]any
	value  any
}

// leaves lists the keys of values whose schema has no fixed properties:
// scalars, lists and user-keyed maps.
func leaves(schema, values map[string]any, at string) []valueLeaf {
	props, _ := schema["properties"].(map[string]any)
	var out []valueLeaf
	for _, key := range slices.Sorted(maps.Keys(values)) {
		sub, _ := props[key].(map[string]any)
		if _, fixed := sub["properties"]; fixed {
			out = append(out, leaves(sub, values[key].(map[string]any), at+"."+key)...)
			continue
		}
		out = append(out, valueLeaf{path: at + "." + key, schema: sub, value: values[key]})
	}
	return out
}

// otherValue is a valid value of the schema unlike v.
func otherValue(schema map[string]any, v any) any {
	if enum, ok := schema["enum"].([]any); ok {
		for _, e := range enum {
			if e != v {
				return e
			}
		}
	}
	switch v := v.(type) {
	case bool:
		return !v
	case float64:
		return v + 1
	case string:
		return "changed"
	case []any:
		if len(v) > 1 {
			return v[:len(v)-1]
		}
		if items, _ := schema["items"].(map[string]any); items["type"] == "object" {
			return []any{map[string]any{"name": "changed"}}
		}
		return []any{"changed"}
	case nil:
		// Left empty: a value of the schema's other type.
		if types, _ := schema["type"].([]any); slices.Contains(types, "boolean") {
			return true
		}
	case map[string]any:
		elem, _ := schema["additionalProperties"].(map[string]any)
		if elem["type"] == "integer" {
			return map[string]any{"Table": float64(5)}
		}
		return map[string]any{"changed": "1"}
	}
	return nil
}

// at returns the map at a dotted path of values.
func at(values map[string]any, path string) map[string]any {
	m := values
	for _, key := range splitPath(path) {
		m = m[key].(map[string]any)
	}
	return m
}

func splitLast(path string) (parent, key string) {
	i := strings.LastIndexByte(path, '.')
	return path[:i], path[i+1:]
}

func splitPath(path string) []string {
	return slices.DeleteFunc(strings.Split(path, "."), func(s string) bool { return s == "" })
}
