package infer

import (
	"fmt"
	"slices"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// elementUpdates resolves generator.yaml's updatedAs for the list field f:
// member of the update input is a list of structures whose members
// Create, Update and Delete each hold one action on one element. The key
// that finds an element is the one member of the list's elements that
// every action has (IndexName).
func (st *state) elementUpdates(update *model.Operation, f *model.Field, member string) (*model.ElementUpdates, error) {
	if f.Type.Kind != model.List || f.Type.Elem.Kind != model.Structure {
		return nil, fmt.Errorf("updatedAs applies to lists of structures, and %s is not one", f.Member)
	}
	mem := inputMember(update, member)
	if mem == nil {
		var known []string
		for _, m := range update.Input {
			known = append(known, m.Name)
		}
		return nil, fmt.Errorf("%s input has no member %q%s", update.Name, member, config.DidYouMean(member, known))
	}
	if mem.Type.Kind != model.List || mem.Type.Elem.Kind != model.Structure {
		return nil, fmt.Errorf("%s.%s is not a list of structures", update.Name, member)
	}
	u := &model.ElementUpdates{Member: member, Elem: mem.Type.Elem.Shape}
	elem := st.svc.Structs[u.Elem]
	action := func(name string) *model.ElementAction {
		a := elem.FieldByMember(name)
		if a == nil || a.Type.Kind != model.Structure {
			return nil
		}
		return &model.ElementAction{Member: name, Shape: a.Type.Shape}
	}
	u.Create, u.Update, u.Delete = action("Create"), action("Update"), action("Delete")
	if u.Create == nil && u.Update == nil && u.Delete == nil {
		return nil, fmt.Errorf("%s has no Create, Update or Delete member", u.Elem)
	}
	var shared []string
	for _, ef := range st.svc.Structs[f.Type.Elem.Shape].Fields {
		if !slices.ContainsFunc(actions(u), func(a *model.ElementAction) bool { return st.svc.Structs[a.Shape].FieldByMember(ef.Member) == nil }) {
			shared = append(shared, ef.Member)
		}
	}
	if len(shared) != 1 {
		return nil, fmt.Errorf("cannot tell which member of %s names an element: want exactly one that every action of %s has, found %d %v", f.Type.Elem.Shape, u.Elem, len(shared), shared)
	}
	u.Key = shared[0]
	return u, nil
}

// actions lists the actions an element update offers.
func actions(u *model.ElementUpdates) []*model.ElementAction {
	var out []*model.ElementAction
	for _, a := range []*model.ElementAction{u.Create, u.Update, u.Delete} {
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}

// actionNames names the actions an element update offers.
func actionNames(u *model.ElementUpdates) []string {
	var out []string
	for _, a := range actions(u) {
		out = append(out, a.Member)
	}
	return out
}
