package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/names"
)

// addParameterMaps adds the spec fields generator.yaml declares under
// parameterMaps:, maps of settings that one operation sets in batches of
// name-value structures, another resets by name and a third lists (an
// RDS parameter group's parameterOverrides). The list costs one call per
// page and resync, made only while the field is set.
func addParameterMaps(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, name := range keys(w.rc.ParameterMaps) {
			f, err := st.parameterMap(w, name, w.rc.ParameterMaps[name])
			if err != nil {
				st.errorf(w.at.At("parameterMaps", name), "parameterMaps %s: %v", name, err)
				continue
			}
			w.r.Spec = append(w.r.Spec, f)
			if e := f.ParameterMap.Entries; e != nil {
				w.r.Spec = append(w.r.Spec, e)
			}
		}
	}
	return nil
}

func (st *state) parameterMap(w *work, name string, c *config.ParameterMap) (*model.Field, error) {
	if fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("%s already has a field %s", w.r.Kind, name)
	}
	p := &model.ParameterMap{Batch: c.Batch}
	var err error
	for _, op := range []struct {
		role, name string
		dst        **model.Operation
	}{{"modify", c.Modify, &p.Modify}, {"reset", c.Reset, &p.Reset}, {"list", c.List, &p.List}} {
		if *op.dst, err = st.namedPlainOperation(op.role, op.name); err != nil {
			return nil, err
		}
	}
	if p.IDMember, err = sharedIdentifier(w.r, p.Modify, p.Reset, p.List); err != nil {
		return nil, err
	}
	// The list of structures is the member of the modify's input that the
	// reset takes and the list returns, of one shape.
	out := st.svc.Structs[p.List.Output]
	for _, m := range p.Modify.Input {
		reset, listed := inputMember(p.Reset, m.Name), (*model.Field)(nil)
		if out != nil {
			listed = out.FieldByMember(m.Name)
		}
		if m.Type.Kind == model.List && m.Type.Elem.Kind == model.Structure && reset != nil && listed != nil && listed.Type.Kind == model.List &&
			reset.Type.Elem.Shape == m.Type.Elem.Shape && listed.Type.Elem.Shape == m.Type.Elem.Shape {
			p.ListMember, p.Elem = m.Name, m.Type.Elem.Shape
		}
	}
	if p.ListMember == "" {
		return nil, fmt.Errorf("%s takes no list of structures that %s takes and %s returns", p.Modify.Name, p.Reset.Name, p.List.Name)
	}
	elem := st.svc.Structs[p.Elem]
	if elem == nil {
		return nil, fmt.Errorf("the structure %s of %s is unknown", p.Elem, p.ListMember)
	}
	for _, f := range elem.Fields {
		switch {
		case f.Type.Kind == model.String && strings.HasSuffix(f.Member, "Name"):
			p.NameMember = f.Member
		case f.Type.Kind == model.String && strings.HasSuffix(f.Member, "Value"):
			p.ValueMember = f.Member
		}
	}
	if p.NameMember == "" || p.ValueMember == "" {
		return nil, fmt.Errorf("%s has no string members …Name and …Value for an entry", p.Elem)
	}
	for _, k := range keys(c.ElementInputs) {
		f := elem.FieldByMember(k)
		if f == nil || !slices.Contains([]model.Kind{model.String, model.Enum}, f.Type.Kind) {
			return nil, fmt.Errorf("elementInputs: %s has no string or enum member %s", p.Elem, k)
		}
		p.ElementInputs = append(p.ElementInputs, model.ConstArg{Member: k, Value: c.ElementInputs[k]})
	}
	if c.ElementChoice != nil {
		if p.Choice, err = elementChoice(elem, c.ElementChoice, p.ElementInputs); err != nil {
			return nil, err
		}
	}
	p.Paged = st.pagedByMarker(p.List)
	f := &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type:  &model.Type{Kind: model.Map, Elem: &model.Type{Kind: model.String}},
		Class: model.ClassSpec, Updatable: true,
		ParameterMap: p, Because: c.Because, ObservedPath: []string{p.ListMember},
	}
	if c.Emulator != nil {
		f.EmulatorGap = c.Emulator.Unsupported
	}
	if c.ListField != "" {
		if p.Entries, err = parameterList(w, c.ListField, name, p); err != nil {
			return nil, err
		}
	}
	f.Reason = fmt.Sprintf("each entry a %s (%s to %s) set by %s and reset by %s, %d per call; listed by %s, one call per page and resync while set",
		p.Elem, p.NameMember, p.ValueMember, p.Modify.Name, p.Reset.Name, p.Batch, p.List.Name)
	return f, nil
}

// parameterList is the spec field listing the map's element structures
// (the incumbent's deprecated parameters): their names and values stand
// for the map while the map is unset.
func parameterList(w *work, name, mapName string, p *model.ParameterMap) (*model.Field, error) {
	if name == mapName || fieldByMember(w.r, name) != nil {
		return nil, fmt.Errorf("listField: %s already has a field %s", w.r.Kind, name)
	}
	return &model.Field{
		Member: name, SDKName: sdkFieldName(name), GoName: names.Go(name), JSONName: names.JSON(name),
		Type: &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.Structure, Shape: p.Elem}},
		Doc: fmt.Sprintf("Deprecated: prefer %s. The %s and %s of each entry are set as %s would set them, while %s is unset; a spec sets at most one of the two.",
			names.JSON(mapName), p.NameMember, p.ValueMember, names.JSON(mapName), names.JSON(mapName)),
		// Compared as the map it stands for, by the parameter map's code.
		Class: model.ClassSpec, Updatable: true, CompareIgnore: true,
		Reason: fmt.Sprintf("a list of %s whose %s and %s stand for %s while it is unset; a spec sets at most one of the two",
			p.Elem, p.NameMember, p.ValueMember, names.JSON(mapName)),
	}, nil
}

// elementChoice checks that the chosen member is a string or enum with an
// elementInputs default, and the member it is chosen by a string.
func elementChoice(elem *model.Struct, c *config.ElementChoice, inputs []model.ConstArg) (*model.ElementChoice, error) {
	i := slices.IndexFunc(inputs, func(a model.ConstArg) bool { return a.Member == c.Member })
	if i < 0 {
		return nil, fmt.Errorf("elementChoice: %s needs a default under elementInputs", c.Member)
	}
	if f := elem.FieldByMember(c.From); f == nil || f.Type.Kind != model.String {
		return nil, fmt.Errorf("elementChoice: %s has no string member %s to choose by", elem.Shape, c.From)
	}
	ch := &model.ElementChoice{Member: c.Member, From: c.From, Default: inputs[i].Value}
	for _, k := range keys(c.Values) {
		ch.Values = append(ch.Values, model.ConstArg{Member: k, Value: c.Values[k]})
	}
	return ch, nil
}
