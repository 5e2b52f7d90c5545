package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/model"
)

// recordReferencedIdentifiers keeps in status a spec identifier given by
// a reference (a Grant's keyID from keyRef), as the read reports it: once
// the referenced object is deleted, the reference no longer resolves, and
// the delete still needs the value to find what to delete. Where the read
// does not report it, status keeps the value the reference resolved to.
func recordReferencedIdentifiers(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		r := w.r
		out := st.svc.Structs[r.Read.Output]
		for _, id := range r.Identifiers {
			var f *model.Field
			for _, g := range r.Spec {
				if g.Member == id.Field {
					f = g
				}
			}
			if id.Status || id.ARN || f == nil || f.Reference == nil || out == nil || statusField(r, id.Field) != nil {
				continue
			}
			mem := out.FieldByMember(id.Field)
			if mem == nil {
				keepFromSpec(w, id, f)
				continue
			}
			if mem.Type.Kind != model.String {
				continue
			}
			r.Status = append(r.Status, &model.Field{
				Member: f.Member, SDKName: f.SDKName, GoName: f.GoName, JSONName: f.JSONName,
				Type: mem.Type, Class: model.ClassStatus, ObservedPath: []string{id.Field}, Doc: f.Doc,
				Reason: fmt.Sprintf("in %s output; keeps the identifier spec.%s, given by a reference, for a delete after the referenced object is gone", r.Read.Name, f.JSONName),
			})
			id.Recorded = true
			w.decide("recorded identifier", id.Field, "spec.%s comes from a reference; status.%s keeps what %s reports, for a delete whose reference no longer resolves", f.JSONName, f.JSONName, r.Read.Name)
		}
	}
	return nil
}

// keepFromSpec records in status a referenced string identifier the read
// does not report (GetAlias returns no FunctionName): Observe copies the
// value the reference resolved to, so an Alias deleted with its Function
// in one kubectl delete can still be deleted.
func keepFromSpec(w *work, id *model.Identifier, f *model.Field) {
	if f.Type.Kind != model.String {
		return
	}
	r := w.r
	r.Status = append(r.Status, &model.Field{
		Member: f.Member, SDKName: f.SDKName, GoName: f.GoName, JSONName: f.JSONName,
		Type: f.Type, Class: model.ClassStatus, Doc: f.Doc,
		Reason: fmt.Sprintf("not in %s output; keeps the identifier spec.%s as its reference resolved, for a delete after the referenced object is gone", r.Read.Name, f.JSONName),
	})
	id.Recorded, id.KeptFromSpec = true, true
	w.decide("recorded identifier", id.Field, "spec.%s comes from a reference and %s does not report it; status.%s keeps the value the reference resolved to, for a delete whose reference no longer resolves", f.JSONName, r.Read.Name, f.JSONName)
}
