package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// applyAssociations lets an asList field hold more elements than the
// create takes: the first goes to the create, and the others are added
// and removed one per call by the associate and disassociate operations
// generator.yaml names, as a VPC's CIDR blocks are. The read lists the
// associations (CidrBlockAssociationSet), each with the element and its
// identifier; one whose state says it is going (disassociating,
// disassociated, failed) no longer counts. The field becomes updatable
// and compares as a set.
func applyAssociations(st *state) error {
	st.eachField(func(w *work, ref fieldRef, fc *config.Field, at config.Key) {
		if fc.Associations == nil {
			return
		}
		f := ref.field
		if !f.Type.One || f.Type.Elem.Kind != model.String {
			st.errorf(at.At("associations"), "associations apply to an asList field of strings, and %s is none", f.Member)
			return
		}
		a, err := st.associations(w, f, fc.Associations)
		if err != nil {
			st.errorf(at.At("associations"), "%v", err)
			return
		}
		f.Associations = a
		f.Type.Unique = true
		f.Updatable, f.CreateOnly, f.Class = true, false, model.ClassSpec
		f.Validation.MaxItems = nil
		f.Reason += fmt.Sprintf("; elements beyond the first added by %s and removed by %s, read from %s as a set", a.Associate.Name, a.Disassociate.Name, a.ObservedAt)
	})
	return nil
}

func (st *state) associations(w *work, f *model.Field, c *config.Associations) (*model.Associations, error) {
	a := &model.Associations{ObservedAt: c.ObservedAt, ValueMember: f.Member, ElemValue: f.Member}
	for _, op := range []struct {
		name string
		dst  **model.Operation
	}{{c.Associate, &a.Associate}, {c.Disassociate, &a.Disassociate}} {
		shape := st.ops[op.name]
		if shape == nil {
			return nil, fmt.Errorf("operation %q is not in the model%s", op.name, config.DidYouMean(op.name, keys(st.ops)))
		}
		var err error
		if *op.dst, err = st.plainOperation(shape); err != nil {
			return nil, err
		}
	}
	if inputMember(a.Associate, a.ValueMember) == nil {
		return nil, fmt.Errorf("%s has no input member %s for the element", a.Associate.Name, a.ValueMember)
	}
	for _, m := range a.Disassociate.Input {
		if m.Required && m.Type.Kind == model.String {
			a.ElemID = m.Name
		}
	}
	out := st.svc.Structs[w.r.Read.Output]
	list := out.FieldByMember(c.ObservedAt)
	if list == nil || list.Type.Kind != model.List || list.Type.Elem.Kind != model.Structure {
		return nil, fmt.Errorf("%s output has no list of associations %q", w.r.Read.Name, c.ObservedAt)
	}
	elem := st.svc.Structs[list.Type.Elem.Shape]
	if a.ElemID == "" || elem.FieldByMember(a.ElemID) == nil || elem.FieldByMember(a.ElemValue) == nil {
		return nil, fmt.Errorf("%s lists %s, which needs members %s and %s (the identifier %s takes)", c.ObservedAt, elem.Shape, a.ElemValue, a.ElemID, a.Disassociate.Name)
	}
	for _, sf := range elem.Fields {
		if !strings.HasSuffix(sf.Member, "State") || sf.Type.Kind != model.Structure {
			continue
		}
		state := st.svc.Structs[sf.Type.Shape].FieldByMember("State")
		if state == nil || state.Type.Kind != model.Enum {
			continue
		}
		a.StatePath = []string{sf.Member, state.Member}
		for _, v := range state.Validation.Enum {
			if strings.Contains(v, "disassociat") || strings.Contains(v, "fail") {
				a.Gone = append(a.Gone, v)
			}
		}
	}
	return a, nil
}
