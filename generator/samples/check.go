package samples

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Check checks that every kind of schemas (keyed by kind) has a sample,
// that every sample is of one of those kinds, and that the API server
// would take each sample as written. Each error names the file and line,
// the kind, the object and the field at fault.
func (f *File) Check(schemas map[string]*Schema) error {
	var errs []error
	kinds := slices.Sorted(maps.Keys(schemas))
	for _, kind := range kinds {
		if _, ok := f.Kinds[kind]; !ok {
			errs = append(errs, fmt.Errorf("%s: %s has no sample: add one under %s: with metadata.name and the spec a working %s needs "+
				"(every kind has one, applied by the end-to-end tests)", f.Path, kind, kind, kind))
		}
	}
	for _, name := range f.Names() {
		k := f.Kinds[name]
		s, ok := schemas[name]
		if !ok {
			errs = append(errs, fmt.Errorf("%s:%d: %s is no kind of this service%s; its kinds: %s", f.Path, k.Line, name, didYouMean(name, kinds), strings.Join(kinds, ", ")))
			continue
		}
		for _, o := range k.Objects {
			for _, p := range s.Check(s.Manifest(o)) {
				errs = append(errs, fmt.Errorf("%s:%d: %s %s: %s: %s", f.Path, lineOf(o.node, p.Field), name, orUnnamed(o.Name), p.Field, p.Msg))
			}
		}
	}
	return errors.Join(errs...)
}

// Manifest is the whole object a sample stands for: a deep copy of it,
// with the kind's apiVersion and kind, that checking may prune and default
// without changing the sample.
func (s *Schema) Manifest(o *Object) map[string]any {
	obj := deepCopy(o.Value).(map[string]any)
	obj["apiVersion"], obj["kind"] = s.APIVersion(), s.Kind
	return obj
}

func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = deepCopy(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = deepCopy(x)
		}
		return out
	case int:
		return int64(v) // as the API server decodes JSON numbers
	}
	return v
}

func orUnnamed(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return name
}
