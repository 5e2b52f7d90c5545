// Package compat measures how much of the incumbent's CRDs (the reference
// data in ../shared/reference/ack-crds) our generated CRDs accept
// unchanged: the same spec paths with the same types.
package compat

import (
	"fmt"
	"os"
	"slices"
	"sort"

	"sigs.k8s.io/yaml"
)

// CRD is one kind's spec paths, each "spec.a.b[].c: type".
type CRD struct {
	Kind  string
	Paths []string
}

// ReadCRD reads a CRD file and lists every spec path of its only version,
// intermediate ones included, with its type.
func ReadCRD(path string) (CRD, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return CRD{}, err
	}
	var doc struct {
		Spec struct {
			Names    struct{ Kind string }
			Versions []struct {
				Schema struct {
					OpenAPIV3Schema map[string]any `json:"openAPIV3Schema"`
				}
			}
		}
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return CRD{}, fmt.Errorf("%s: %w", path, err)
	}
	if doc.Spec.Names.Kind == "" || len(doc.Spec.Versions) != 1 {
		return CRD{}, fmt.Errorf("%s: want a kind and exactly one version", path)
	}
	props, _ := doc.Spec.Versions[0].Schema.OpenAPIV3Schema["properties"].(map[string]any)
	spec, ok := props["spec"].(map[string]any)
	if !ok {
		return CRD{}, fmt.Errorf("%s: no spec in the schema", path)
	}
	var paths []string
	walk("spec", spec, &paths)
	sort.Strings(paths)
	return CRD{Kind: doc.Spec.Names.Kind, Paths: paths}, nil
}

// walk lists the paths below schema: "[]" stands for the elements of an
// array, "{}" for the values of a map.
func walk(path string, schema map[string]any, out *[]string) {
	typ, _ := schema["type"].(string)
	if path != "spec" {
		*out = append(*out, path+": "+typ)
	}
	props, _ := schema["properties"].(map[string]any)
	for name, sub := range props {
		if s, ok := sub.(map[string]any); ok {
			walk(path+"."+name, s, out)
		}
	}
	if items, ok := schema["items"].(map[string]any); ok {
		walk(path+"[]", items, out)
	}
	if values, ok := schema["additionalProperties"].(map[string]any); ok {
		walk(path+"{}", values, out)
	}
}

// Match returns the incumbent's paths that ours has too, and those it lacks.
func Match(incumbent, ours CRD) (matched, missing []string) {
	for _, p := range incumbent.Paths {
		if _, found := slices.BinarySearch(ours.Paths, p); found {
			matched = append(matched, p)
		} else {
			missing = append(missing, p)
		}
	}
	return matched, missing
}
