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
	if err := linkIdentifier(l, w.r, c.IDMember); err != nil {
		return nil, err
	}
	if err := linkDisassociate(l, c.DisassociateID); err != nil {
		return nil, err
	}
	if l.Filters = st.tagFilters(l.List, "Filters", at.At("list")); l.Filters == nil {
		return nil, fmt.Errorf("%s cannot filter on %s's identifier", l.List.Name, w.r.Kind)
	}
	elem, err := st.linkElement(l, c.ObservedAt)
	if err != nil {
		return nil, err
	}
	want := []string{name, l.IDMember}
	if l.DisassociateID == "" {
		for _, f := range elem.Fields {
			if f.Type.Kind == model.String && strings.HasSuffix(f.Member, "AssociationId") {
				l.AssociationID = f.Member
			}
		}
		want = append(want, l.AssociationID)
	}
	for _, m := range want {
		if v := elem.FieldByMember(m); m == "" || v == nil || v.Type.Kind != model.String {
			if l.DisassociateID != "" {
				return nil, fmt.Errorf("%s lists %s, which has no string members %s and %s", c.ObservedAt, elem.Shape, name, l.IDMember)
			}
			return nil, fmt.Errorf("%s lists %s, which has no string members %s, %s and …AssociationId", c.ObservedAt, elem.Shape, name, l.IDMember)
		}
	}
	if c.Emulator != nil {
		l.EmulatorGap = c.Emulator.Unsupported
	}
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.String}, Unique: true},
		Class: model.ClassSpec, Updatable: true,
		Links: l, Because: c.Because, ObservedPath: l.ObservedAt,
	}
	disassociate := l.Disassociate.Name
	if l.DisassociateID != "" {
		disassociate = fmt.Sprintf("%s with %s %q", disassociate, l.IDMember, l.DisassociateID)
	}
	associate := l.Associate.Name
	if l.IDMember != l.Identifier {
		associate = fmt.Sprintf("%s (%s taking the %s)", associate, l.IDMember, l.Identifier)
	}
	f.Reason = fmt.Sprintf("associated by %s and disassociated by %s; listed by %s filtered on %s, one call per resync while set, and disassociated before the delete", associate, disassociate, l.List.Name, c.Filter)
	if l.EmulatorGap != "" {
		f.Reason += "; the test emulator does not implement it: " + l.EmulatorGap
	}
	return f, nil
}

// linkIdentifier picks the associate's member taking the resource's
// identifier: the one named idMember, given the resource's one
// identifier, else the one named like an identifier.
func linkIdentifier(l *model.Links, r *model.Resource, idMember string) error {
	if idMember != "" {
		if m := inputMember(l.Associate, idMember); m == nil || m.Type.Kind != model.String {
			return fmt.Errorf("idMember: %s has no string input member %s", l.Associate.Name, idMember)
		}
		if len(r.Identifiers) != 1 {
			return fmt.Errorf("idMember: %s has %d identifiers, so %s cannot say which it takes", r.Kind, len(r.Identifiers), idMember)
		}
		l.IDMember, l.Identifier = idMember, r.Identifiers[0].Member
		return nil
	}
	for _, id := range r.Identifiers {
		if inputMember(l.Associate, id.Member) != nil {
			l.IDMember, l.Identifier = id.Member, id.Member
		}
	}
	if l.IDMember == "" {
		return fmt.Errorf("%s takes none of %s's identifiers (name the member that does with idMember)", l.Associate.Name, r.Kind)
	}
	return nil
}

// linkDisassociate picks the disassociate's member taking the
// association's identifier, or, with a fixed identifier value, checks
// that the disassociate takes the element and the identifier.
func linkDisassociate(l *model.Links, fixedID string) error {
	if fixedID != "" {
		for _, name := range []string{l.ValueMember, l.IDMember} {
			if m := inputMember(l.Disassociate, name); m == nil || m.Type.Kind != model.String {
				return fmt.Errorf("disassociateID: %s has no string input member %s", l.Disassociate.Name, name)
			}
		}
		l.DisassociateID = fixedID
		return nil
	}
	for _, m := range l.Disassociate.Input {
		if m.Required && m.Type.Kind == model.String {
			l.DisassociateMember = m.Name
		}
	}
	if l.DisassociateMember == "" {
		return fmt.Errorf("%s requires no string member for the association's identifier", l.Disassociate.Name)
	}
	return nil
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
