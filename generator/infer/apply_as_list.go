package infer

import (
	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// applyAsList turns a top-level spec field of one value into a list of at
// most one element where generator.yaml says asList: the incumbent's VPC
// has cidrBlocks where CreateVpc takes one CidrBlock. The list allows one
// element, and needs one when the field is required.
func applyAsList(st *state) error {
	st.eachField(func(w *work, ref fieldRef, fc *config.Field, at config.Key) {
		if !fc.AsList {
			return
		}
		f := ref.field
		switch {
		case ref.nested() || f.Class == model.ClassStatus:
			st.errorf(at.At("asList"), "asList applies to top-level spec fields only, and %s is not one", f.Member)
			return
		case f.Type.Kind == model.List || f.Type.Kind == model.Map || f.Type.Kind == model.Structure:
			st.errorf(at.At("asList"), "asList applies to a single value, and %s is a %s", f.Member, model.TypeString(f.Type))
			return
		}
		one, most := int64(1), int64(1)
		v := model.Validation{MaxItems: &most}
		if f.Required {
			v.MinItems = &one
		}
		f.Type = &model.Type{Kind: model.List, Elem: f.Type, One: true}
		f.Validation = v
		f.Reason += "; given as a list whose first element is the value (asList in generator.yaml)"
	})
	return nil
}
