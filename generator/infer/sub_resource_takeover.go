package infer

import (
	"slices"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// takeOver lets a sub-resource replace the create-only spec field of its
// name: EC2's RunInstances takes DisableApiTermination, which
// ModifyInstanceAttribute changes later and DescribeInstanceAttribute
// reads. The create still sends the field (it matches the create input
// member by name), and the put changes it after. Without a get, the
// resource's own read must return the value under the same name (ECR's
// DescribeRepositories returns imageTagMutability, which
// PutImageTagMutability changes): the read back is then that member.
// It returns the field taken over, nil when there is none, and the read
// back where the resource's read is the one.
func (st *state) takeOver(w *work, name string, sc *config.SubResource) (*model.Field, *readBack) {
	f := fieldByMember(w.r, name)
	if f == nil || f.Class != model.ClassCreateOnly || sc.ObservedAt != "" || f.Required ||
		isIdentifier(w.r, name) || isIdentifierField(w.r, name) {
		return nil, nil
	}
	var read *readBack
	if sc.Get == "" {
		observed := st.svc.Structs[w.r.Read.Output].FieldByMember(name)
		if observed == nil || sc.List != "" || sc.Key != "" {
			return nil, nil
		}
		read = &readBack{path: []string{name}, observed: observed}
	}
	w.r.Spec = slices.DeleteFunc(w.r.Spec, func(s *model.Field) bool { return s == f })
	return f, read
}
