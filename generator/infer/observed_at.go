package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// observedAt checks a spec field's observedAt in the read output out: a
// dotted path of members through structures, where one member may be a
// list of structures, written List[] (List[Member!=a|b] leaves out the
// elements whose string Member holds a or b), followed by the string
// member of its elements that holds the value. Through a list, the field
// must be a string or a list of strings.
func (st *state) observedAt(out *model.Struct, f *model.Field, raw string) ([]string, *model.ObservedEach, error) {
	parts := strings.Split(raw, ".")
	list := -1
	for i, p := range parts {
		if !strings.ContainsAny(p, "[]") {
			continue
		}
		if list >= 0 {
			return nil, nil, fmt.Errorf("%q goes through two lists (%s and %s); one is supported", raw, parts[list], p)
		}
		list = i
	}
	if list < 0 {
		if _, err := st.walkPath(out, parts); err != nil {
			if l := st.listOnPath(out, parts); l != "" {
				err = fmt.Errorf("%v; %s is a list: write %s[] to read a member of each element", err, l, l)
			}
			return nil, nil, err
		}
		return parts, nil, nil
	}
	name, skip, err := parseElementFilter(parts[list])
	if err != nil {
		return nil, nil, fmt.Errorf("%q: %v", raw, err)
	}
	path := append(append([]string{}, parts[:list]...), name)
	lf, err := st.walkPath(out, path)
	if err != nil {
		return nil, nil, err
	}
	if lf.Type.Kind != model.List || lf.Type.Elem.Kind != model.Structure {
		return nil, nil, fmt.Errorf("%q: %s is not a list of structures, so [] cannot follow it", raw, name)
	}
	elem := st.svc.Structs[lf.Type.Elem.Shape]
	if len(parts) != list+2 {
		return nil, nil, fmt.Errorf("%q: one member of %s's elements must follow %s[]", raw, lf.Type.Elem.Shape, name)
	}
	each := &model.ObservedEach{Elem: elem.Shape, Member: parts[list+1], Skip: skip}
	if err := stringMember(elem, each.Member); err != nil {
		return nil, nil, fmt.Errorf("%q: %v", raw, err)
	}
	if skip != nil {
		if err := stringMember(elem, skip.Member); err != nil {
			return nil, nil, fmt.Errorf("%q: the filter's %v", raw, err)
		}
	}
	if !stringType(f.Type) && !(f.Type.Kind == model.List && stringType(f.Type.Elem)) {
		return nil, nil, fmt.Errorf("%q reads strings from a list, so %s must be a string or a list of strings, not %s", raw, f.Member, model.TypeString(f.Type))
	}
	return path, each, nil
}

// parseElementFilter splits a path member written List[] or
// List[Member!=a|b].
func parseElementFilter(p string) (string, *model.ElementMatch, error) {
	open := strings.Index(p, "[")
	if open <= 0 || !strings.HasSuffix(p, "]") || strings.Count(p, "[") != 1 || strings.Count(p, "]") != 1 {
		return "", nil, fmt.Errorf("%s: a list member is written Name[] or Name[Member!=value|value]", p)
	}
	name, filter := p[:open], p[open+1:len(p)-1]
	if filter == "" {
		return name, nil, nil
	}
	member, values, ok := strings.Cut(filter, "!=")
	if !ok || member == "" || values == "" {
		return "", nil, fmt.Errorf("%s: the filter %q must read Member!=value (several values separated by |)", p, filter)
	}
	return name, &model.ElementMatch{Member: member, Values: strings.Split(values, "|")}, nil
}

// stringMember checks that s has a string or enum member name.
func stringMember(s *model.Struct, name string) error {
	f := s.FieldByMember(name)
	if f == nil {
		var known []string
		for _, f := range s.Fields {
			known = append(known, f.Member)
		}
		return fmt.Errorf("%s has no member %q%s", s.Shape, name, config.DidYouMean(name, known))
	}
	if !stringType(f.Type) {
		return fmt.Errorf("member %s.%s is %s, not a string", s.Shape, name, model.TypeString(f.Type))
	}
	return nil
}

func stringType(t *model.Type) bool { return stringKind(t.Kind) }

// listOnPath names the first member of path that is a list of
// structures, where a path without [] stops; "" when none is.
func (st *state) listOnPath(s *model.Struct, path []string) string {
	for _, p := range path {
		f := s.FieldByMember(p)
		switch {
		case f == nil:
			return ""
		case f.Type.Kind == model.List && f.Type.Elem.Kind == model.Structure:
			return p
		case f.Type.Kind != model.Structure:
			return ""
		}
		s = st.svc.Structs[f.Type.Shape]
	}
	return ""
}
