package infer

import (
	"slices"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// takeOver lets a sub-resource with a get of its own replace the
// create-only spec field of its name: EC2's RunInstances takes
// DisableApiTermination, which ModifyInstanceAttribute changes later and
// DescribeInstanceAttribute reads. The create still sends the field (it
// matches the create input member by name), and the put changes it after.
// A put with observedAt, the path where the resource's own read returns
// the value, takes a field over the same way, required or not (IAM's
// CreateRole takes AssumeRolePolicyDocument, which UpdateAssumeRolePolicy
// changes and GetRole returns).
// It returns the field taken over, nil when there is none.
func (st *state) takeOver(w *work, name string, sc *config.SubResource) *model.Field {
	f := fieldByMember(w.r, name)
	if f == nil {
		return nil
	}
	readBack := (sc.Get != "" && sc.ObservedAt == "" && !f.Required) || (sc.Get == "" && sc.ObservedAt != "")
	if f.Class != model.ClassCreateOnly || !readBack ||
		isIdentifier(w.r, name) || isIdentifierField(w.r, name) {
		return nil
	}
	w.r.Spec = slices.DeleteFunc(w.r.Spec, func(s *model.Field) bool { return s == f })
	return f
}
