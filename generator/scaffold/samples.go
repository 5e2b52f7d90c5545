package scaffold

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Samples writes the starting samples.yaml of a service: for each kind, a
// sample holding the spec's required fields, recursively, each with a
// placeholder its constraints take (an enum's first value, a number in its
// range, a string of the allowed length that matches its pattern, a list
// of the fewest items allowed). It also returns, for each field no
// placeholder fits, a line naming the field: its sample then holds a
// readable placeholder for the contributor to replace, which generation's
// sample check reports too.
func Samples(svc *model.Service) ([]byte, []string, error) {
	kinds := map[string]any{}
	var unfit []string
	for _, r := range svc.Resources {
		p := &placer{svc: svc, kind: r.Kind}
		kinds[r.Kind] = map[string]any{
			"metadata": map[string]any{"name": "sample-" + strings.ToLower(r.Kind)},
			"spec":     p.requiredFields(r.Spec, "spec", 0),
		}
		unfit = append(unfit, p.unfit...)
	}
	sort.Strings(unfit)
	var body bytes.Buffer
	enc := yaml.NewEncoder(&body)
	enc.SetIndent(2)
	if err := enc.Encode(kinds); err != nil {
		return nil, nil, err
	}
	header := fmt.Sprintf("# Samples of the %s kinds, keyed by kind: metadata and spec as in a manifest\n"+
		"# (kubesmith adds apiVersion and kind), or a list of them. Generation checks each\n"+
		"# against its CRD and writes generated/%s/samples/<kind>.yaml; the end-to-end tests\n"+
		"# apply them all at once, so make each one work, naming the others by reference\n"+
		"# (vpcRef: {from: {name: sample-vpc}}). kubesmith new wrote the required fields with\n"+
		"# placeholders: replace them with working values. A kind the emulator cannot run\n"+
		"# says why in emulatorGap: (models/README.md, \"Samples\").\n", svc.Name, svc.Name)
	return append([]byte(header), body.Bytes()...), unfit, nil
}

// maxDepth stops placeholders of recursive structures.
const maxDepth = 8

// placer writes the placeholders of one kind's sample and notes the
// fields none fits.
type placer struct {
	svc   *model.Service
	kind  string
	unfit []string
}

// requiredFields are placeholders for the required fields of a spec or a
// structure at path.
func (p *placer) requiredFields(fields []*model.Field, path string, depth int) map[string]any {
	out := map[string]any{}
	for _, f := range fields {
		if f.Required && depth < maxDepth {
			out[f.JSONName] = p.placeholder(f, f.Type, path+"."+f.JSONName, depth)
		}
	}
	return out
}

// placeholder is a value of type t at path that the CRD's schema takes.
func (p *placer) placeholder(f *model.Field, t *model.Type, path string, depth int) any {
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
	case model.Int, model.IntEnum:
		return int64(inRange(v, math.Ceil, math.Floor))
	case model.Float:
		return inRange(v, func(f float64) float64 { return f }, func(f float64) float64 { return f })
	case model.Time:
		return "2024-01-01T00:00:00Z"
	case model.Bytes:
		return "ZXhhbXBsZQ==" // "example"
	case model.Structure:
		if s, ok := p.svc.Structs[t.Shape]; ok {
			return p.requiredFields(s.Fields, path, depth+1)
		}
		return map[string]any{}
	case model.List:
		elem := p.placeholder(&model.Field{JSONName: f.JSONName}, t.Elem, path+"[0]", depth+1)
		items := []any{elem}
		for v.MinItems != nil && int64(len(items)) < *v.MinItems {
			items = append(items, elem)
		}
		return items
	case model.Map:
		return map[string]any{"key": p.placeholder(&model.Field{JSONName: f.JSONName}, t.Elem, path+".key", depth+1)}
	}
	readable := "example-" + strings.ToLower(f.JSONName)
	s, err := fitString(readable, v)
	if err != nil {
		p.unfit = append(p.unfit, fmt.Sprintf("%s %s: %v: replace the placeholder by hand", p.kind, path, err))
		return sized(readable, v)
	}
	return s
}

// inRange is 1, or the bound of the field's range nearest to it, rounded
// into the range.
func inRange(v model.Validation, up, down func(float64) float64) float64 {
	n := 1.0
	if v.Minimum != nil && n < *v.Minimum {
		n = up(*v.Minimum)
	}
	if v.Maximum != nil && n > *v.Maximum {
		n = down(*v.Maximum)
	}
	return n
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
