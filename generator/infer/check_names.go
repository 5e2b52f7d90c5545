package infer

import (
	"github.com/kubesmith/kubesmith/generator/model"
)

// checkNames checks that no two fields of a spec, a status or a structure
// share a Go or JSON name, as two members differing only in case, or a
// rename, could make them; and that no status field takes the name of a
// field every kind's status has.
func checkNames(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		st.checkUnique(w, "spec", w.r.Spec, nil)
		st.checkUnique(w, "status", w.r.Status, map[string]bool{"conditions": true, "ackResourceMetadata": true, "secretsVersion": true})
		for _, s := range usedStructs(st.svc, w.r) {
			st.checkUnique(w, s.Shape, s.Fields, nil)
		}
	}
	return nil
}

func (st *state) checkUnique(w *work, where string, fields []*model.Field, taken map[string]bool) {
	json, gonames := map[string]string{}, map[string]string{}
	for _, f := range fields {
		at := w.at
		if _, ok := w.rc.Fields[f.Member]; ok {
			at = w.at.At("fields", f.Member, "rename")
		}
		switch {
		case taken[f.JSONName]:
			st.problem(w, at, "%s field %s would be %s, which every kind's status has; rename it", where, f.Member, f.JSONName)
		case json[f.JSONName] != "":
			st.problem(w, at, "%s fields %s and %s would both be %s; rename one", where, json[f.JSONName], f.Member, f.JSONName)
		case gonames[f.GoName] != "":
			st.problem(w, at, "%s fields %s and %s would both be Go field %s; rename one", where, gonames[f.GoName], f.Member, f.GoName)
		}
		json[f.JSONName], gonames[f.GoName] = f.Member, f.Member
	}
}

// usedStructs lists the structures a resource's fields use, directly or
// through other structures, in the order first met.
func usedStructs(svc *model.Service, r *model.Resource) []*model.Struct {
	var out []*model.Struct
	seen := map[string]bool{}
	var visit func(t *model.Type)
	visit = func(t *model.Type) {
		switch t.Kind {
		case model.List, model.Map:
			visit(t.Elem)
		case model.Structure:
			if seen[t.Shape] {
				return
			}
			seen[t.Shape] = true
			s := svc.Structs[t.Shape]
			out = append(out, s)
			for _, f := range s.Fields {
				visit(f.Type)
			}
		}
	}
	for _, f := range append(append([]*model.Field{}, r.Spec...), r.Status...) {
		visit(f.Type)
	}
	return out
}
