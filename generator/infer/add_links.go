package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addLinks adds the spec fields generator.yaml declares under links:,
// each a list of other resources' identifiers that this one is associated
// with one per call (a subnet's route tables, by AssociateRouteTable and
// DisassociateRouteTable). No read of the resource lists them: another
// resource's list operation does, filtered on this one's identifier, so
// they cost one call per resync, made only while the field is set.
func addLinks(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.Links) {
			at := w.at.At("links", name)
			f, err := st.link(w, name, w.rc.Links[name], at)
			if err != nil {
				st.errorf(at, "link %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
		}
	}
	return nil
}

func (st *state) link(w *work, name string, c *config.Link, at config.Key) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	l := &model.Links{ValueMember: name, Filter: c.Filter}
	for _, op := range []struct {
		role, name string
		dst        **model.Operation
	}{{"associate", c.Associate, &l.Associate}, {"disassociate", c.Disassociate, &l.Disassociate}, {"list", c.List, &l.List}} {
		shape := st.ops[op.name]
		if shape == nil {
			return nil, fmt.Errorf("%s operation %q is not in the model%s", op.role, op.name, config.DidYouMean(op.name, keys(st.ops)))
		}
		var err error
		if *op.dst, err = st.plainOperation(shape); err != nil {
			return nil, err
		}
	}
	value := inputMember(l.Associate, name)
	if value == nil || value.Type.Kind != model.String {
		return nil, fmt.Errorf("%s has no string input member %s for the element", l.Associate.Name, name)
	}
	for _, id := range w.r.Identifiers {
		if inputMember(l.Associate, id.Member) != nil {
			l.IDMember = id.Member
		}
	}
	if l.IDMember == "" {
		return nil, fmt.Errorf("%s takes none of %s's identifiers", l.Associate.Name, w.r.Kind)
	}
	for _, m := range l.Disassociate.Input {
		if m.Required && m.Type.Kind == model.String {
			l.DisassociateMember = m.Name
		}
	}
	if l.DisassociateMember == "" {
		return nil, fmt.Errorf("%s requires no string member for the association's identifier", l.Disassociate.Name)
	}
	if l.Filters = st.tagFilters(l.List, "Filters", at.At("list")); l.Filters == nil {
		return nil, fmt.Errorf("%s cannot filter on %s's identifier", l.List.Name, w.r.Kind)
	}
	elem, err := st.linkElement(l, c.ObservedAt)
	if err != nil {
		return nil, err
	}
	for _, f := range elem.Fields {
		if f.Type.Kind == model.String && strings.HasSuffix(f.Member, "AssociationId") {
			l.AssociationID = f.Member
		}
	}
	for _, m := range []string{name, l.IDMember, l.AssociationID} {
		if v := elem.FieldByMember(m); m == "" || v == nil || v.Type.Kind != model.String {
			return nil, fmt.Errorf("%s lists %s, which has no string members %s, %s and …AssociationId", c.ObservedAt, elem.Shape, name, l.IDMember)
		}
	}
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.String}, Unique: true},
		Class: model.ClassSpec, Updatable: true,
		Links: l, Because: c.Because, ObservedPath: l.ObservedAt,
	}
	f.Reason = fmt.Sprintf("associated by %s and disassociated by %s; listed by %s filtered on %s, one call per resync while set, and disassociated before the delete", l.Associate.Name, l.Disassociate.Name, l.List.Name, c.Filter)
	return f, nil
}

// linkElement follows the dotted path of lists in the list operation's
// output to the association structure.
func (st *state) linkElement(l *model.Links, path string) (*model.Struct, error) {
	s := st.svc.Structs[l.List.Output]
	for _, p := range strings.Split(path, ".") {
		f := s.FieldByMember(p)
		if f == nil || f.Type.Kind != model.List || f.Type.Elem.Kind != model.Structure {
			return nil, fmt.Errorf("%s output has no list of structures %q at %s", l.List.Name, p, path)
		}
		l.ObservedAt = append(l.ObservedAt, p)
		s = st.svc.Structs[f.Type.Elem.Shape]
	}
	return s, nil
}
