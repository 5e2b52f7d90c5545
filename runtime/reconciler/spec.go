package reconciler

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	kruntime "k8s.io/apimachinery/pkg/runtime"

	"github.com/kubesmith/kubesmith/runtime/managed"
)

// The runtime changes specs generically, as unstructured data addressed by
// JSON paths, so that adoption, late initialization and references need
// no per-kind Go code.

// toMap returns v (an object or a spec struct) as unstructured data.
func toMap(v any) (map[string]any, error) {
	if v == nil {
		return nil, nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer {
		p := reflect.New(rv.Type())
		p.Elem().Set(rv)
		v = p.Interface()
	}
	return kruntime.DefaultUnstructuredConverter.ToUnstructured(v)
}

// setSpecValues sets spec paths on obj. Only the top-level spec fields
// the paths name change: the round trip through unstructured data loses
// what omitempty drops, and an empty list may mean something
// (egressRules: [] is no rule at all, unset is no opinion).
func setSpecValues(obj kruntime.Object, values map[string]any) error {
	u, err := kruntime.DefaultUnstructuredConverter.ToUnstructured(obj)
	if err != nil {
		return err
	}
	for path, v := range values {
		setPath(u, "spec."+path, v)
	}
	fresh := obj.DeepCopyObject()
	if err := kruntime.DefaultUnstructuredConverter.FromUnstructured(u, fresh); err != nil {
		return err
	}
	dst, src := specStruct(obj), specStruct(fresh)
	if !dst.IsValid() {
		return kruntime.DefaultUnstructuredConverter.FromUnstructured(u, obj)
	}
	for path := range values {
		top, _, _ := strings.Cut(path, ".")
		i := fieldByJSONName(dst.Type(), top)
		if i < 0 {
			dst.Set(src) // no field of that name: take the whole spec
			return nil
		}
		dst.Field(i).Set(src.Field(i))
	}
	return nil
}

// specStruct is the Spec struct of a kind's object, invalid when it has none.
func specStruct(obj kruntime.Object) reflect.Value {
	v := reflect.ValueOf(obj)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return reflect.Value{}
	}
	spec := v.Elem().FieldByName("Spec")
	if spec.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	return spec
}

// fieldByJSONName is the index of t's field with that JSON name, -1 when
// none has it.
func fieldByJSONName(t reflect.Type, name string) int {
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if tag == name {
			return i
		}
	}
	return -1
}

// getPath reads a dot path from unstructured data.
func getPath(m map[string]any, path string) (any, bool) {
	var cur any = m
	for _, part := range strings.Split(path, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = mm[part]; !ok {
			return nil, false
		}
	}
	return cur, cur != nil
}

// setPath writes a dot path, creating the maps on the way.
func setPath(m map[string]any, path string, v any) {
	parts := strings.Split(path, ".")
	for _, part := range parts[:len(parts)-1] {
		next, ok := m[part].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[part] = next
		}
		m = next
	}
	m[parts[len(parts)-1]] = v
}

// lateInitValues returns the paths that desired leaves empty and observed
// fills: the server's defaults, to copy into the spec once.
func lateInitValues(desired, observed map[string]any, paths []string) map[string]any {
	out := map[string]any{}
	for _, p := range paths {
		if _, set := getPath(desired, p); set {
			continue
		}
		if v, ok := getPath(observed, p); ok {
			out[p] = v
		}
	}
	return out
}

// adoptionValues returns the spec values an adoption writes. adopt makes
// the spec AWS's; adopt-or-create only fills what the spec leaves empty,
// so the spec then wins through an ordinary update.
func adoptionValues(mode string, desired, observed map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range observed {
		if v == nil {
			continue
		}
		if _, set := desired[k]; mode == adoptReadSpec || !set {
			if !reflect.DeepEqual(desired[k], v) {
				out[k] = v
			}
		}
	}
	return out
}

// parseAdoptionFields reads the adoption-fields annotation: a JSON object
// of spec fields (JSON names) naming the resource to adopt, for example
// {"tableName": "orders"}.
func parseAdoptionFields(raw string) (map[string]any, error) {
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var fields map[string]any
	if err := dec.Decode(&fields); err != nil {
		return nil, managed.Terminalf("%s is not a JSON object: %v", AnnotationAdoptionFields, err)
	}
	for k, v := range fields {
		fields[k] = unstructuredNumbers(v)
	}
	return fields, nil
}

// unstructuredNumbers turns JSON numbers into int64 or float64, the types
// unstructured data uses, so that they compare equal to spec values.
func unstructuredNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = unstructuredNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = unstructuredNumbers(e)
		}
	}
	return v
}

// missingFields returns the adoption fields that the spec does not hold
// with the same value, and an error naming fields the kind lacks.
func missingFields(spec map[string]any, fields map[string]any, known []string) (map[string]any, error) {
	out := map[string]any{}
	var unknown []string
	for k, v := range fields {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
			continue
		}
		if cur, _ := getPath(spec, k); !reflect.DeepEqual(cur, v) {
			out[k] = v
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return nil, managed.Terminalf("%s names %s, which the spec does not have (it has %s)", AnnotationAdoptionFields, strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return out, nil
}

// specFields lists the top-level JSON names of a spec type.
func specFields(obj kruntime.Object) []string {
	t := reflect.TypeOf(obj)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	f, ok := t.FieldByName("Spec")
	if !ok {
		return nil
	}
	st := f.Type
	var names []string
	for i := range st.NumField() {
		name, _, _ := strings.Cut(st.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func describeValues(values map[string]any) string {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return strings.Join(keys, ", ")
}
