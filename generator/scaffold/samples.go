package scaffold

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Samples writes the starting samples.yaml of a service: for each kind, a
// sample holding the spec's required fields, recursively, each with a
// placeholder of its type (an enum's first value, a minimum, a string of
// the allowed length). Generation checks the samples against the CRDs, so
// a placeholder a pattern refuses is reported there, with the field.
func Samples(svc *model.Service) ([]byte, error) {
	kinds := map[string]any{}
	for _, r := range svc.Resources {
		kinds[r.Kind] = map[string]any{
			"metadata": map[string]any{"name": "sample-" + strings.ToLower(r.Kind)},
			"spec":     requiredFields(svc, r.Spec, 0),
		}
	}
	var body bytes.Buffer
	enc := yaml.NewEncoder(&body)
	enc.SetIndent(2)
	if err := enc.Encode(kinds); err != nil {
		return nil, err
	}
	header := fmt.Sprintf("# Samples of the %s kinds, keyed by kind: metadata and spec as in a manifest\n"+
		"# (kubesmith adds apiVersion and kind), or a list of them. Generation checks each\n"+
		"# against its CRD and writes generated/%s/samples/<kind>.yaml; the end-to-end tests\n"+
		"# apply them all at once, so make each one work, naming the others by reference\n"+
		"# (vpcRef: {from: {name: sample-vpc}}). kubesmith new wrote the required fields with\n"+
		"# placeholders: replace them with working values. A kind the emulator cannot run\n"+
		"# says why in emulatorGap: (models/README.md, \"Samples\").\n", svc.Name, svc.Name)
	return append([]byte(header), body.Bytes()...), nil
}

// maxDepth stops placeholders of recursive structures.
const maxDepth = 8

// requiredFields are placeholders for the required fields of a spec or a
// structure.
func requiredFields(svc *model.Service, fields []*model.Field, depth int) map[string]any {
	out := map[string]any{}
	for _, f := range fields {
		if f.Required && depth < maxDepth {
			out[f.JSONName] = placeholder(svc, f, f.Type, depth)
		}
	}
	return out
}

// placeholder is a value of type t that the CRD's schema takes.
func placeholder(svc *model.Service, f *model.Field, t *model.Type, depth int) any {
	v := f.Validation
	switch {
	case f.Secret:
		return map[string]any{"name": "sample-secret", "key": f.JSONName}
	case len(v.Enum) > 0 && t.Kind != model.List && t.Kind != model.Map:
		return v.Enum[0]
	}
	switch t.Kind {
	case model.Bool:
		return false
	case model.Int, model.Float, model.IntEnum:
		if v.Minimum != nil && *v.Minimum > 1 {
			return int64(*v.Minimum)
		}
		return 1
	case model.Time:
		return "2024-01-01T00:00:00Z"
	case model.Bytes:
		return "ZXhhbXBsZQ==" // "example"
	case model.Structure:
		if s, ok := svc.Structs[t.Shape]; ok {
			return requiredFields(svc, s.Fields, depth+1)
		}
		return map[string]any{}
	case model.List:
		return []any{placeholder(svc, &model.Field{JSONName: f.JSONName}, t.Elem, depth+1)}
	case model.Map:
		return map[string]any{"key": placeholder(svc, &model.Field{JSONName: f.JSONName}, t.Elem, depth+1)}
	}
	return sized("example-"+strings.ToLower(f.JSONName), v)
}

// sized fits a placeholder string to the field's length limits.
func sized(s string, v model.Validation) string {
	if v.MaxLength != nil && int64(len(s)) > *v.MaxLength {
		s = s[:*v.MaxLength]
	}
	if v.MinLength != nil && int64(len(s)) < *v.MinLength {
		s += strings.Repeat("x", int(*v.MinLength)-len(s))
	}
	return s
}
