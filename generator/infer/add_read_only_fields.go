package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addReadOnlyFields adds the status fields generator.yaml takes from other
// operations' outputs (fields: X: from:), such as an S3 bucket's location
// from GetBucketLocation. The operation must be callable with what the
// resource's fields hold.
func addReadOnlyFields(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.Fields) {
			if fc := w.rc.Fields[name]; fc.From != nil {
				st.addReadOnlyField(w, name, fc, w.at.At("fields", name, "from"))
			}
		}
	}
	return nil
}

func (st *state) addReadOnlyField(w *work, name string, fc *config.Field, at config.Key) {
	r := w.r
	if f := fieldByMember(r, name); f != nil {
		st.errorf(at, "%s already has a %s field %s; from adds a new one, so give it another name", r.Kind, f.Class, name)
		return
	}
	op := st.ops[fc.From.Operation]
	if op == nil {
		st.errorf(at.At("operation"), "operation %q is not in the model%s", fc.From.Operation, config.DidYouMean(fc.From.Operation, keys(st.ops)))
		return
	}
	o := &model.Operation{Name: op.ID.Name()}
	if err := st.inputs(op, o); err != nil {
		st.errorf(at.At("operation"), "%v", err)
		return
	}
	outShape, ok := st.m.Shape(op.Output)
	if !ok {
		st.errorf(at.At("operation"), "%s has no output", o.Name)
		return
	}
	out, err := st.typer.structure(outShape)
	if err != nil {
		st.errorf(at.At("operation"), "%v", err)
		return
	}
	out.TopLevel, out.SDKType, o.Output = true, o.Name+"Output", out.Shape
	path := strings.Split(fc.From.Path, ".")
	target, err := st.walkPath(out, path)
	if err != nil {
		st.errorf(at.At("path"), "%v", err)
		return
	}
	for _, mem := range o.Input {
		if mem.Required && fieldByMember(r, mem.Name) == nil && !isIdentifier(r, mem.Name) {
			st.errorf(at.At("operation"), "%s requires %s, which no spec or status field of %s holds", o.Name, mem.Name, r.Kind)
			return
		}
	}
	f := *target
	f.Member, f.GoName, f.JSONName = name, names.Go(name), names.JSON(name)
	f.Class, f.Required, f.Validation = model.ClassStatus, false, model.Validation{}
	f.From = &model.Source{Operation: o, Path: path}
	f.Reason = fmt.Sprintf("in %s output at %s, by from: in generator.yaml", o.Name, fc.From.Path)
	r.Status = append(r.Status, &f)
}
