package infer

import (
	"fmt"
	"slices"

	"github.com/kubesmith/kubesmith/generator/model"
)

// applyIgnores checks that every key under fields: names a field, and
// drops the fields generator.yaml ignores. A nested field is dropped from
// its structure, wherever that structure is used. A field the create
// requires, or one that identifies the resource, cannot be ignored.
func applyIgnores(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, key := range keys(w.rc.Fields) {
			fc, at := w.rc.Fields[key], w.at.At("fields", key)
			if fc.From != nil {
				continue // added by add_read_only_fields
			}
			ref, err := st.lookupField(w, key)
			if err != nil {
				st.errorf(at, "%v", err)
				continue
			}
			if !fc.Ignore {
				continue
			}
			reason := "ignored in generator.yaml"
			if fc.Because != "" {
				reason += ": " + fc.Because
			}
			if ref.nested() {
				ref.in.Fields = slices.DeleteFunc(ref.in.Fields, func(f *model.Field) bool { return f == ref.field })
				ref.in.Skipped = append(ref.in.Skipped, model.Skipped{Member: ref.field.Member, Reason: reason})
				continue
			}
			f, r := ref.field, w.r
			switch {
			case f.Required && f.Class != model.ClassStatus:
				st.errorf(at.At("ignore"), "%s cannot ignore %s: %s requires it", r.Kind, key, r.Create.Name)
				continue
			case isIdentifierField(r, f.Member):
				st.errorf(at.At("ignore"), "%s cannot ignore %s: it identifies the resource", r.Kind, key)
				continue
			}
			r.Spec = slices.DeleteFunc(r.Spec, func(g *model.Field) bool { return g == f })
			r.Status = slices.DeleteFunc(r.Status, func(g *model.Field) bool { return g == f })
			r.Skipped = append(r.Skipped, model.Skipped{Member: f.Member, Reason: fmt.Sprintf("%s field %s", f.Class, reason)})
		}
	}
	return nil
}

func isIdentifierField(r *model.Resource, member string) bool {
	for _, id := range r.Identifiers {
		if id.Field == member {
			return true
		}
	}
	return false
}
