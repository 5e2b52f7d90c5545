package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// addListOfFields adds the spec fields generator.yaml declares with
// listOf: lists of a shape of the model that the create input lacks, so
// the create never sends them and the update's element actions
// (updatedAs, required) make them after the resource exists. The read
// output member of the field's name, or observedAt, reports them.
func (st *state) addListOfFields(w *work) {
	r := w.r
	for _, name := range keys(w.rc.Fields) {
		fc := w.rc.Fields[name]
		if fc.ListOf == "" {
			continue
		}
		at := w.at.At("fields", name)
		if inputMember(r.Create, name) != nil {
			st.errorf(at.At("listOf"), "%s is in %s input already; listOf adds a field the create lacks", name, r.Create.Name)
			continue
		}
		if fc.UpdatedAs == "" || r.Update == nil {
			st.errorf(at.At("listOf"), "a listOf field is changed only by the update's element actions: give updatedAs")
			continue
		}
		shape := st.shapeNamed(fc.ListOf)
		if shape == nil || shape.Type != smithy.TypeStructure {
			st.errorf(at.At("listOf"), "no structure %s in the %s model", fc.ListOf, st.name)
			continue
		}
		elem, err := st.typer.shapeType(shape)
		if err != nil {
			st.errorf(at.At("listOf"), "%s: %v", fc.ListOf, err)
			continue
		}
		f := &model.Field{
			Member: name, GoName: names.Go(name), JSONName: names.JSON(name),
			Type:  &model.Type{Kind: model.List, Elem: elem},
			Class: model.ClassSpec,
		}
		out := st.svc.Structs[r.Read.Output]
		observed := name
		if fc.ObservedAt != "" {
			observed = fc.ObservedAt
		}
		path := strings.Split(observed, ".")
		if err := st.checkPath(out, path); err != nil {
			st.errorf(at.At("observedAt"), "%v", err)
			continue
		}
		f.ObservedPath = path
		u, err := st.elementUpdates(r.Update, f, fc.UpdatedAs)
		if err != nil {
			st.errorf(at.At("updatedAs"), "%v", err)
			continue
		}
		f.Updatable, f.UpdatedBy = true, u
		f.Reason = fmt.Sprintf("a list of %s (listOf in generator.yaml), absent from %s input; made after create and changed by %s.%s, one %s action per element, found by %s; read at %s",
			fc.ListOf, r.Create.Name, r.Update.Name, u.Member, strings.Join(actionNames(u), "/"), u.Key, observed)
		r.Spec = append(r.Spec, f)
	}
}

// shapeNamed finds a shape of the model by its name without namespace.
func (st *state) shapeNamed(name string) *smithy.Shape {
	for id, s := range st.m.Shapes {
		if id.Name() == name && id.Namespace() != "smithy.api" {
			return s
		}
	}
	return nil
}
