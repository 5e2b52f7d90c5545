package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addCreateVariants adds the operations generator.yaml's createVariants
// names as other ways to make the resource (RDS's restores from a
// snapshot, read replicas): each is called instead of the create while
// the spec sets its When member, and its input members the create lacks
// become create-only spec fields. Its output must describe the resource
// as the create's does.
func addCreateVariants(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.CreateVariants) {
			v, err := st.createVariant(w, name, w.rc.CreateVariants[name])
			if err != nil {
				st.errorf(w.at.At("createVariants", name), "createVariants %s: %v", name, err)
				continue
			}
			w.r.CreateVariants = append(w.r.CreateVariants, v)
			w.decide("create variant", name, "called instead of %s while the spec sets %s", w.r.Create.Name, v.When.JSONName)
		}
	}
	return nil
}

func (st *state) createVariant(w *work, name string, c *config.CreateVariant) (*model.CreateVariant, error) {
	r := w.r
	shape := st.ops[name]
	if shape == nil {
		return nil, fmt.Errorf("operation %q is not in the model%s", name, config.DidYouMean(name, keys(st.ops)))
	}
	op, err := st.plainOperation(shape)
	if err != nil {
		return nil, err
	}
	if inputMember(op, c.When) == nil || inputMember(r.Create, c.When) != nil {
		return nil, fmt.Errorf("when: %s must be a member of %s's input that %s lacks", c.When, name, r.Create.Name)
	}
	// The output describes the resource in the member of the create's
	// description shape (RestoreDBInstanceFromDBSnapshot's DBInstance).
	if out := st.svc.Structs[op.Output]; out != nil {
		for _, f := range out.Fields {
			if f.Type.Kind == model.Structure && f.Type.Shape == r.Create.Output {
				op.OutputPath, op.Output = []string{f.Member}, f.Type.Shape
			}
		}
	}
	if len(op.OutputPath) == 0 || len(r.Create.OutputPath) == 0 {
		return nil, fmt.Errorf("%s's output does not describe the resource as %s's does (%s)", name, r.Create.Name, r.Create.Output)
	}
	in, _ := st.m.Shape(shape.Input)
	v := &model.CreateVariant{Operation: op}
	for _, mem := range op.Input {
		if f := fieldByMember(r, mem.Name); f != nil {
			if mem.Name == c.When {
				v.When = f
			}
			continue
		}
		if in == nil || in.MemberByName(mem.Name) == nil {
			continue
		}
		f, err := st.typer.field(in, in.MemberByName(mem.Name))
		if err != nil {
			continue // a member the CRD cannot hold is not sent
		}
		f.Class, f.CreateOnly = model.ClassCreateOnly, true
		if f.Secret {
			f.Class = model.ClassSecret
		}
		f.Reason = fmt.Sprintf("in %s input, which makes the resource instead of %s while the spec sets %s", name, r.Create.Name, c.When)
		r.Spec = append(r.Spec, f)
		if mem.Name == c.When {
			v.When = f
		}
	}
	if v.When == nil {
		return nil, fmt.Errorf("when: %s is no field %s can hold", c.When, r.Kind)
	}
	return v, nil
}
