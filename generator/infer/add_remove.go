package infer

import "github.com/kubesmith/kubesmith/generator/model"

// addRemove finds how update changes the list field f when its input
// lacks f but has Add<f> and Remove<f> of f's type, as ModifyVpcEndpoint
// has AddRouteTableIds and RemoveRouteTableIds: the elements to add and
// those to remove. Only a field the read returns qualifies, since the
// difference is taken against AWS's list. nil otherwise.
func addRemove(update *model.Operation, f *model.Field) *model.AddRemove {
	if f.Type.Kind != model.List || f.ObservedPath == nil || inputMember(update, f.Member) != nil {
		return nil
	}
	add, remove := inputMember(update, "Add"+f.Member), inputMember(update, "Remove"+f.Member)
	if add == nil || remove == nil || !sameType(add.Type, f.Type) || !sameType(remove.Type, f.Type) {
		return nil
	}
	return &model.AddRemove{Add: add.GoName, Remove: remove.GoName}
}

// sameType reports whether two list types hold the same kind of element.
func sameType(a, b *model.Type) bool {
	return a.Kind == b.Kind && a.Elem != nil && b.Elem != nil && a.Elem.Kind == b.Elem.Kind && a.Elem.Shape == b.Elem.Shape
}
