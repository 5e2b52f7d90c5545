package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// subValue is a sub-resource's value field and the put member holding
// it: one member of the put input, or with wholeInput the put input
// itself, whose members are then the value's ("" for the member). The
// field is nil after an error.
func (st *state) subValue(w *work, sr *model.SubResource, sc *config.SubResource, name string, put, putIn *smithy.Shape, at config.Key) (*model.Field, string) {
	if sc.WholeInput {
		if sc.Member != "" {
			st.errorf(at.At("member"), "sub-resource %s: wholeInput makes the whole put input the value, so it takes no member", name)
			return nil, ""
		}
		s, err := st.typer.structure(putIn)
		if err != nil {
			st.errorf(at, "sub-resource %s: %s: %v", name, put.ID.Name(), err)
			return nil, ""
		}
		sr.WholeInput = true
		return &model.Field{Type: &model.Type{Kind: model.Structure, Shape: s.Shape, GoName: s.GoName}}, ""
	}
	member := st.valueMember(w, putIn, namedMember(putIn, sc.Member, name), at)
	if member == nil {
		return nil, ""
	}
	sr.PutMember = member.Name
	value, err := st.typer.field(putIn, member)
	if err != nil {
		st.errorf(at, "sub-resource %s: %s.%s: %v", name, put.ID.Name(), member.Name, err)
		return nil, ""
	}
	return st.unwrapValue(sr, value), member.Name
}

// wholeInputReason says how a whole-input sub-resource is sent.
func wholeInputReason(sr *model.SubResource) string {
	if !sr.WholeInput {
		return ""
	}
	if sr.Recorded {
		return fmt.Sprintf("; its members go to %s's members of the same names, the resource's identifiers filling those they name", sr.Put.Name)
	}
	return fmt.Sprintf("; its members are %s's own, the resource's identifiers filling those they name", sr.Put.Name)
}
