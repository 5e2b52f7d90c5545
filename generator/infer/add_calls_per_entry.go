package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addCallsPerEntry adds the spec fields generator.yaml declares under
// attachedSets: and stringMaps:, collections whose entries operations of
// their own change one per call and that an operation taking this
// resource's identifier lists: an IAM role's managed policies (a set of
// ARNs, attached and detached) and inline policies (a map of documents,
// put and deleted by name, each read by a get). The list costs one call
// per resync (and a map one get per entry), made only while the field is
// set; the delete empties both first, since AWS refuses it otherwise.
func addCallsPerEntry(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.AttachedSets) {
			f, err := st.attachedSet(w, name, w.rc.AttachedSets[name])
			if err != nil {
				st.errorf(w.at.At("attachedSets", name), "attachedSets %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
		}
		for _, name := range keys(w.rc.StringMaps) {
			f, err := st.stringMap(w, name, w.rc.StringMaps[name])
			if err != nil {
				st.errorf(w.at.At("stringMaps", name), "stringMaps %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
		}
	}
	return nil
}

func (st *state) attachedSet(w *work, name string, c *config.AttachedSet) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	s := &model.AttachedSet{ValueMember: name}
	var err error
	for _, op := range []struct {
		role, name string
		dst        **model.Operation
	}{{"attach", c.Attach, &s.Attach}, {"detach", c.Detach, &s.Detach}, {"list", c.List, &s.List}} {
		if *op.dst, err = st.namedPlainOperation(op.role, op.name); err != nil {
			return nil, err
		}
	}
	if s.IDMember, err = sharedIdentifier(w.r, s.Attach, s.Detach, s.List); err != nil {
		return nil, err
	}
	for _, op := range []*model.Operation{s.Attach, s.Detach} {
		if m := inputMember(op, name); m == nil || m.Type.Kind != model.String {
			return nil, fmt.Errorf("%s has no string input member %s for the element", op.Name, name)
		}
	}
	if s.ObservedAt, err = st.stringsPath(s.List, c.ObservedAt); err != nil {
		return nil, err
	}
	s.Paged = st.pagedByMarker(s.List)
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.String}, Unique: true},
		Class: model.ClassSpec, Updatable: true,
		AttachedSet: s, Because: c.Because, ObservedPath: s.ObservedAt,
	}
	f.Reason = fmt.Sprintf("attached by %s and detached by %s, one call each; listed by %s, one call per resync while set, and all detached before the delete", s.Attach.Name, s.Detach.Name, s.List.Name)
	return f, nil
}

func (st *state) stringMap(w *work, name string, c *config.StringMap) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	s := &model.StringMap{}
	var err error
	for _, op := range []struct {
		role, name string
		dst        **model.Operation
	}{{"put", c.Put, &s.Put}, {"delete", c.Delete, &s.Delete}, {"list", c.List, &s.List}, {"get", c.Get, &s.Get}} {
		if *op.dst, err = st.namedPlainOperation(op.role, op.name); err != nil {
			return nil, err
		}
	}
	if s.IDMember, err = sharedIdentifier(w.r, s.Put, s.Delete, s.List, s.Get); err != nil {
		return nil, err
	}
	// The key is the string the put, the delete and the get take besides
	// the identifier; the value the put's other required string, which
	// the get returns.
	for _, m := range s.Delete.Input {
		if m.Required && m.Type.Kind == model.String && m.Name != s.IDMember && inputMember(s.Put, m.Name) != nil && inputMember(s.Get, m.Name) != nil {
			s.KeyMember = m.Name
		}
	}
	if s.KeyMember == "" {
		return nil, fmt.Errorf("%s, %s and %s share no required string member naming an entry besides %s", s.Put.Name, s.Delete.Name, s.Get.Name, s.IDMember)
	}
	got := st.svc.Structs[s.Get.Output]
	for _, m := range s.Put.Input {
		if m.Required && m.Type.Kind == model.String && m.Name != s.IDMember && m.Name != s.KeyMember && got != nil && got.FieldByMember(m.Name) != nil {
			s.ValueMember = m.Name
		}
	}
	if s.ValueMember == "" {
		return nil, fmt.Errorf("%s requires no string member for the value that %s returns", s.Put.Name, s.Get.Name)
	}
	if out := st.svc.Structs[s.List.Output]; out != nil {
		for _, f := range out.Fields {
			if f.Type.Kind == model.List && f.Type.Elem.Kind == model.String {
				s.Keys = f.Member
			}
		}
	}
	if s.Keys == "" {
		return nil, fmt.Errorf("%s returns no list of strings for the keys", s.List.Name)
	}
	s.Paged = st.pagedByMarker(s.List)
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.Map, Elem: &model.Type{Kind: model.String}},
		Class: model.ClassSpec, Updatable: true,
		StringMap: s, Because: c.Because, ObservedPath: []string{s.Keys},
	}
	f.Reason = fmt.Sprintf("each entry (%s to %s) put by %s and removed by %s, one call each; keys listed by %s and each read by %s, one call per resync and entry while set, and all removed before the delete", s.KeyMember, s.ValueMember, s.Put.Name, s.Delete.Name, s.List.Name, s.Get.Name)
	return f, nil
}

// sharedIdentifier is the resource's identifier that every op takes.
func sharedIdentifier(r *model.Resource, ops ...*model.Operation) (string, error) {
	for _, id := range r.Identifiers {
		all := true
		for _, op := range ops {
			all = all && inputMember(op, id.Member) != nil
		}
		if all {
			return id.Member, nil
		}
	}
	names := ""
	for i, op := range ops {
		if i > 0 {
			names += ", "
		}
		names += op.Name
	}
	return "", fmt.Errorf("%s take none of %s's identifiers together", names, r.Kind)
}

// pagedByMarker reports whether op pages through Marker in its input and
// output, as IAM's lists do.
func (st *state) pagedByMarker(op *model.Operation) bool {
	out := st.svc.Structs[op.Output]
	return inputMember(op, "Marker") != nil && out != nil && out.FieldByMember("Marker") != nil
}
