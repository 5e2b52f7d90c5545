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
// changes and GetRole returns); so does a put alone whose field the read
// returns at the top of its description (KMS's UpdateKeyDescription and
// DescribeKey's Description), read back with the resource.
// It returns the field taken over, nil when there is none.
func (st *state) takeOver(w *work, name string, sc *config.SubResource) *model.Field {
	f := fieldByMember(w.r, name)
	if f == nil {
		return nil
	}
	readBack := (sc.Get != "" && sc.ObservedAt == "" && !f.Required) || (sc.Get == "" && sc.ObservedAt != "") ||
		(sc.Get == "" && sc.ObservedAt == "" && !f.Required && readBackAtTop(w.r, f, sc)) || recordsTakenOver(f, sc)
	if f.Class != model.ClassCreateOnly || !readBack ||
		isIdentifier(w.r, name) || isIdentifierField(w.r, name) {
		return nil
	}
	w.r.Spec = slices.DeleteFunc(w.r.Spec, func(s *model.Field) bool { return s == f })
	return f
}

// readBackAtTop reports whether a sub-resource with no get, list or key
// of its own is read back with the resource: its field is a top-level
// member of the read's description.
func readBackAtTop(r *model.Resource, f *model.Field, sc *config.SubResource) bool {
	return sc.List == "" && sc.Key == "" && len(f.ObservedPath) == 1 && f.ObservedPath[0] == f.Member && !f.ObservedOptional
}
