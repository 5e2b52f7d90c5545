package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addAddRemoveSets adds the spec fields generator.yaml declares under
// addRemoveSets:, each a set of strings that an operation of its own
// changes by the elements to add and to remove, and another lists (an
// endpoint service's allowed principals). The list costs one call per
// resync, made only while the field is set.
func addAddRemoveSets(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.AddRemoveSets) {
			at := w.at.At("addRemoveSets", name)
			f, err := st.addRemoveSet(w, name, w.rc.AddRemoveSets[name])
			if err != nil {
				st.errorf(at, "addRemoveSets %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
		}
	}
	return nil
}

func (st *state) addRemoveSet(w *work, name string, c *config.AddRemoveSet) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	modify, err := st.namedPlainOperation("modify", c.Modify)
	if err != nil {
		return nil, err
	}
	list, err := st.namedPlainOperation("list", c.List)
	if err != nil {
		return nil, err
	}
	s := &model.AddRemoveSet{Modify: modify, List: list}
	for _, id := range w.r.Identifiers {
		if inputMember(modify, id.Member) != nil && inputMember(list, id.Member) != nil {
			s.IDMember = id.Member
		}
	}
	if s.IDMember == "" {
		return nil, fmt.Errorf("%s and %s take none of %s's identifiers together", modify.Name, list.Name, w.r.Kind)
	}
	strs := &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.String}}
	for _, m := range []struct {
		member string
		dst    *string
	}{{"Add" + name, &s.Add}, {"Remove" + name, &s.Remove}} {
		in := inputMember(modify, m.member)
		if in == nil || !sameType(in.Type, strs) {
			return nil, fmt.Errorf("%s has no list of strings %s", modify.Name, m.member)
		}
		*m.dst = in.GoName
	}
	if s.ObservedAt, err = st.stringsPath(list, c.ObservedAt); err != nil {
		return nil, err
	}
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.String}, Unique: true},
		Class: model.ClassSpec, Updatable: true,
		AddRemoveSet: s, Because: c.Because, ObservedPath: s.ObservedAt,
	}
	f.Reason = fmt.Sprintf("changed by %s's %s and %s, the elements added and removed; listed by %s, one call per resync while set", modify.Name, s.Add, s.Remove, list.Name)
	return f, nil
}

// stringsPath checks the dotted path in op's output: lists of structures,
// then a string member of the last.
func (st *state) stringsPath(op *model.Operation, path string) ([]string, error) {
	parts := strings.Split(path, ".")
	s := st.svc.Structs[op.Output]
	for i, p := range parts {
		f := s.FieldByMember(p)
		last := i == len(parts)-1
		switch {
		case last && f != nil && f.Type.Kind == model.String && i > 0:
			return parts, nil
		case !last && f != nil && f.Type.Kind == model.List && f.Type.Elem.Kind == model.Structure:
			s = st.svc.Structs[f.Type.Elem.Shape]
		default:
			return nil, fmt.Errorf("%s output has no lists of structures down to a string at %q (%s)", op.Name, path, p)
		}
	}
	return nil, fmt.Errorf("%s output has no lists of structures down to a string at %q", op.Name, path)
}
