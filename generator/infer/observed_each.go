package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/model"
)

// checkFieldPath verifies a field's observedAt. Besides a path through
// structures, it may end in a member of a list's structures, as RDS's
// DescribeDBSubnetGroups reports SubnetIds as Subnets[].SubnetIdentifier:
// the field, a list of strings, is then that member of every element
// (model.Field.ObservedEach), and compared instead of recorded.
func (st *state) checkFieldPath(out *model.Struct, path []string, f *model.Field) error {
	err := st.checkPath(out, path)
	if err == nil || len(path) < 2 {
		return err
	}
	list, listErr := st.walkPath(out, path[:len(path)-1])
	if listErr != nil || list.Type.Kind != model.List || list.Type.Elem.Kind != model.Structure {
		return err
	}
	elem := st.svc.Structs[list.Type.Elem.Shape]
	last := path[len(path)-1]
	mem := elem.FieldByMember(last)
	if mem == nil {
		return fmt.Errorf("%s, the element of %s, has no member %q", elem.Shape, list.Member, last)
	}
	if f.Type.Kind != model.List || f.Type.Elem.Kind != model.String || mem.Type.Kind != model.String {
		return fmt.Errorf("%s is a list: observedAt can take a member of its elements only when that member is a string and the field a list of strings", list.Member)
	}
	f.ObservedEach = true
	return nil
}
