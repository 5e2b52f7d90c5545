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
// It returns the field taken over, nil when there is none.
func (st *state) takeOver(w *work, name string, sc *config.SubResource) *model.Field {
	f := fieldByMember(w.r, name)
	if f == nil || f.Class != model.ClassCreateOnly || (sc.Get == "" && !st.readReturns(w, name)) || sc.ObservedAt != "" || f.Required ||
		isIdentifier(w.r, name) || isIdentifierField(w.r, name) {
		return nil
	}
	w.r.Spec = slices.DeleteFunc(w.r.Spec, func(s *model.Field) bool { return s == f })
	return f
}

// readReturns reports whether the resource's read output holds the
// member at its top level: a create-only field that a put changes is then
// read back with the resource, no get needed (IAM's
// UpdateOpenIDConnectProviderThumbprint sets the ThumbprintList that
// GetOpenIDConnectProvider returns).
func (st *state) readReturns(w *work, name string) bool {
	return st.svc.Structs[w.r.Read.Output].FieldByMember(name) != nil
}

// readTakenOver is where the read returns a field taken over without a
// get; nil for any other.
func (st *state) readTakenOver(w *work, taken *model.Field, name string, sc *config.SubResource) *readBack {
	if taken == nil || sc.Get != "" {
		return nil
	}
	return &readBack{path: []string{name}, observed: st.svc.Structs[w.r.Read.Output].FieldByMember(name)}
}
