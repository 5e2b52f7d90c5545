package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addKeepEmpty adds the boolean spec fields generator.yaml declares under
// keepEmpty:, each of which, when true, keeps collections held by related
// resources empty (a VPC's default security group's rules). The related
// resources are another operation's answer, filtered on this resource's
// identifier, so the field costs one call per resync, made only while it
// is true.
func addKeepEmpty(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.KeepEmpty) {
			at := w.at.At("keepEmpty", name)
			f, err := st.keepEmpty(w, name, w.rc.KeepEmpty[name], at)
			if err != nil {
				st.errorf(at, "keepEmpty %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
		}
	}
	return nil
}

func (st *state) keepEmpty(w *work, name string, c *config.KeepEmpty, at config.Key) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	if len(w.r.Identifiers) != 1 {
		return nil, fmt.Errorf("%s has %d identifiers; the filter takes one", w.r.Kind, len(w.r.Identifiers))
	}
	list, err := st.namedPlainOperation("list", c.List)
	if err != nil {
		return nil, err
	}
	k := &model.KeepsEmpty{List: list, Filter: c.Filter, IDMember: w.r.Identifiers[0].Member}
	if k.Filters = st.tagFilters(list, "Filters", at.At("list")); k.Filters == nil {
		return nil, fmt.Errorf("%s cannot filter on %s's identifier", list.Name, w.r.Kind)
	}
	for _, n := range keys(c.Filters) {
		k.Fixed = append(k.Fixed, model.FixedFilter{Name: n, Value: c.Filters[n]})
	}
	elem, err := st.listedElements(list, c.ObservedAt, &k.ObservedAt)
	if err != nil {
		return nil, err
	}
	if len(c.Empty) == 0 {
		return nil, fmt.Errorf("empty names no collection to keep empty")
	}
	var why []string
	for _, member := range keys(c.Empty) {
		coll, err := st.emptiedCollection(elem, member, c.Empty[member])
		if err != nil {
			return nil, err
		}
		k.Collections = append(k.Collections, coll)
		why = append(why, member+", removed by "+coll.Delete.Name)
	}
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.Bool},
		Class: model.ClassSpec, Updatable: true,
		KeepsEmpty: k, Because: c.Because, ObservedPath: k.ObservedAt,
	}
	filters := []string{c.Filter}
	for _, x := range k.Fixed {
		filters = append(filters, x.Name+"="+x.Value)
	}
	f.Reason = fmt.Sprintf("true keeps empty what the %s that %s lists filtered on %s hold: %s; one call per resync while true, none while false or unset (no opinion)",
		strings.Join(k.ObservedAt, "."), list.Name, strings.Join(filters, ", "), strings.Join(why, ", "))
	return f, nil
}

// namedPlainOperation resolves an operation generator.yaml names for role.
func (st *state) namedPlainOperation(role, name string) (*model.Operation, error) {
	shape := st.ops[name]
	if shape == nil {
		return nil, fmt.Errorf("%s operation %q is not in the model%s", role, name, config.DidYouMean(name, keys(st.ops)))
	}
	return st.plainOperation(shape)
}

// listedElements follows the dotted path of lists in op's output to the
// structure listed there, appending the path's members to dst.
func (st *state) listedElements(op *model.Operation, path string, dst *[]string) (*model.Struct, error) {
	s := st.svc.Structs[op.Output]
	for _, p := range strings.Split(path, ".") {
		f := s.FieldByMember(p)
		if f == nil || f.Type.Kind != model.List || f.Type.Elem.Kind != model.Structure {
			return nil, fmt.Errorf("%s output has no list of structures %q at %q", op.Name, p, path)
		}
		*dst = append(*dst, p)
		s = st.svc.Structs[f.Type.Elem.Shape]
	}
	return s, nil
}

// emptiedCollection resolves one list member of the related resources and
// the delete that removes its entries: its input takes the entries as
// listed (a list of the same structure) and the related resource's one
// identifier (a string member ending in Id that both have).
func (st *state) emptiedCollection(elem *model.Struct, member, deleteOp string) (*model.EmptiedCollection, error) {
	f := elem.FieldByMember(member)
	if f == nil || f.Type.Kind != model.List || f.Type.Elem.Kind != model.Structure {
		return nil, fmt.Errorf("%s has no list of structures %s", elem.Shape, member)
	}
	del, err := st.namedPlainOperation("delete", deleteOp)
	if err != nil {
		return nil, err
	}
	c := &model.EmptiedCollection{Member: member, Delete: del}
	for _, in := range del.Input {
		switch {
		case in.Type.Kind == model.List && in.Type.Elem.Kind == model.Structure && in.Type.Elem.Shape == f.Type.Elem.Shape:
			c.ListMember = in.Name
		case in.Type.Kind == model.String && strings.HasSuffix(in.Name, "Id"):
			if id := elem.FieldByMember(in.Name); id != nil && id.Type.Kind == model.String {
				if c.IDMember != "" {
					return nil, fmt.Errorf("%s takes two of %s's identifiers, %s and %s", del.Name, elem.Shape, c.IDMember, in.Name)
				}
				c.IDMember = in.Name
			}
		}
	}
	if c.ListMember == "" {
		return nil, fmt.Errorf("%s takes no list of %s, as %s.%s lists", del.Name, f.Type.Elem.Shape, elem.Shape, member)
	}
	if c.IDMember == "" {
		return nil, fmt.Errorf("%s takes no string member ending in Id that %s has", del.Name, elem.Shape)
	}
	return c, nil
}
