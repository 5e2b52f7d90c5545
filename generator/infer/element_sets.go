package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// elementSet checks a sub-resource declared with elements: its value is
// a list of structures, which the put adds and the delete removes by the
// same member, and the resource's read (or a get) returns, so that the
// set is compared without a call of its own. It returns what the field's
// reason adds.
func (st *state) elementSet(sr *model.SubResource, value *model.Field, name string, at config.Key) (string, bool) {
	if value.Type.Kind != model.List || value.Type.Elem.Kind != model.Structure {
		st.errorf(at.At("elements"), "sub-resource %s: elements needs a list of structures, and %s.%s is %s", name, sr.Put.Name, sr.PutMember, model.TypeString(value.Type))
		return "", false
	}
	if sr.Delete == nil {
		st.errorf(at.At("elements"), "sub-resource %s: elements needs a delete operation that removes elements", name)
		return "", false
	}
	if del := inputMember(sr.Delete, sr.PutMember); del == nil || !compatibleKinds(value.Type, del.Type) {
		st.errorf(at.At("elements"), "sub-resource %s: %s has no member %s of the type %s takes", name, sr.Delete.Name, sr.PutMember, sr.Put.Name)
		return "", false
	}
	if !sr.ReadWithResource && sr.Get == nil {
		st.errorf(at.At("elements"), "sub-resource %s: elements needs the elements read back, by observedAt or a get", name)
		return "", false
	}
	sr.Elements = true
	return fmt.Sprintf("; a set of elements compared one per entry of their lists, whatever AWS's grouping: one %s call removes those the spec lacks, then one %s call adds those AWS lacks; unset is no opinion, set (even empty) is exactly those elements", sr.Delete.Name, sr.Put.Name), true
}
