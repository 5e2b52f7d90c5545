package infer

import (
	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// applySingle turns a top-level spec field that is a list of strings into
// one string, sent as a list of one, where generator.yaml says single: the
// incumbent's FlowLog has resourceID where CreateFlowLogs takes
// ResourceIds.
func applySingle(st *state) error {
	st.eachField(func(w *work, ref fieldRef, fc *config.Field, at config.Key) {
		if !fc.Single {
			return
		}
		f := ref.field
		if ref.nested() || f.Class == model.ClassStatus || f.Type.Kind != model.List || f.Type.Elem.Kind != model.String {
			st.errorf(at.At("single"), "single applies to top-level spec fields that are lists of strings, and %s is not one", f.Member)
			return
		}
		f.Type = &model.Type{Kind: model.String, Single: true}
		f.Validation = model.Validation{}
		f.Reason += "; given as one string, sent as a list of one (single in generator.yaml)"
	})
	return nil
}
