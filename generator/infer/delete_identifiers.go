package infer

import "github.com/kubesmith/kubesmith/generator/smithy"

// deleteIdentifiers are the delete input members that name the resource:
// the required ones, else, where the delete requires none because it takes
// one of several names (EC2's ReleaseAddress takes AllocationId or
// PublicIp), the string members the create's output returns too, in the
// delete input's order.
func deleteIdentifiers(m *smithy.Model, create, del *smithy.Shape) []string {
	if ids := identifierInputs(m, del); len(ids) > 0 || create == nil || del == nil {
		return ids
	}
	in, ok := m.Shape(del.Input)
	if !ok {
		return nil
	}
	out, ok := m.Shape(create.Output)
	if !ok {
		return nil
	}
	var ids []string
	for _, mem := range in.Members {
		if m.Target(mem).Type == smithy.TypeString && out.MemberByName(mem.Name) != nil {
			ids = append(ids, mem.Name)
		}
	}
	return ids
}
