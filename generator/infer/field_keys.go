package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// fieldRef is what a key under fields: names: a top-level field, or a
// member of a structure below one.
type fieldRef struct {
	field *model.Field
	// in is the structure holding a nested field; nil for a top-level one.
	in *model.Struct
	// path is the key split at dots.
	path []string
}

func (ref fieldRef) nested() bool { return ref.in != nil }

// lookupField resolves a key under fields: against a resource.
func (st *state) lookupField(w *work, key string) (fieldRef, error) {
	path := strings.Split(key, ".")
	ref := fieldRef{path: path, field: fieldByMember(w.r, path[0])}
	if ref.field == nil {
		var known []string
		for _, f := range append(append([]*model.Field{}, w.r.Spec...), w.r.Status...) {
			known = append(known, f.Member)
		}
		return ref, fmt.Errorf("%s has no field %q in spec or status%s", w.r.Kind, path[0], config.DidYouMean(path[0], known))
	}
	for _, p := range path[1:] {
		t := ref.field.Type
		for t.Kind == model.List || t.Kind == model.Map {
			t = t.Elem
		}
		if t.Kind != model.Structure {
			return ref, fmt.Errorf("%s is not a structure, so %q cannot go on", ref.field.Member, key)
		}
		in := st.svc.Structs[t.Shape]
		f := in.FieldByMember(p)
		if f == nil {
			var known []string
			for _, f := range in.Fields {
				known = append(known, f.Member)
			}
			return ref, fmt.Errorf("%s has no member %q%s", in.Shape, p, config.DidYouMean(p, known))
		}
		ref.field, ref.in = f, in
	}
	return ref, nil
}

// eachField calls fn for every fields: entry of every resolved resource,
// in key order, with the entry's position. Entries that do not resolve
// were reported by apply_ignores and are passed over.
func (st *state) eachField(fn func(w *work, ref fieldRef, fc *config.Field, at config.Key)) {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, key := range keys(w.rc.Fields) {
			ref, err := st.lookupField(w, key)
			if err != nil {
				continue
			}
			fn(w, ref, w.rc.Fields[key], w.at.At("fields", key))
		}
	}
}
