package infer

import (
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// inferAbsentCodes sets, for each sub-resource, the error codes of its get
// and delete that mean the sub-resource is unset: those that say "not
// found" by name or HTTP status (ECR's LifecyclePolicyNotFoundException,
// which JSON protocols send with status 400), less the codes that mean the
// resource itself is gone. A get answering one reads as unset, and a
// delete answering one is done.
func inferAbsentCodes(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, f := range w.r.Spec {
			sr := f.SubResource
			if sr == nil {
				continue
			}
			sr.AbsentCodes = st.absentCodes(w.r, sr.Get, sr.Delete)
			if len(sr.AbsentCodes) > 0 {
				f.Reason += "; " + strings.Join(sr.AbsentCodes, ", ") + " mean it is unset"
			}
		}
	}
	return nil
}

// absentCodes lists the not-found errors of ops that are not the
// resource's own.
func (st *state) absentCodes(r *model.Resource, ops ...*model.Operation) []string {
	var codes []string
	for _, op := range ops {
		if op == nil {
			continue
		}
		for _, id := range st.ops[op.Name].Errors {
			e, ok := st.m.Shape(id)
			if !ok || !notFound(e) {
				continue
			}
			if code := errorCode(e); !slices.Contains(r.NotFoundCodes, code) && !slices.Contains(codes, code) {
				codes = append(codes, code)
			}
		}
	}
	return codes
}
