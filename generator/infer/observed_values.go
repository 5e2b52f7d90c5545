package infer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// observedDescription resolves a sub-resource's observed: option, for a
// get that describes the value in other terms than the put takes it
// (DescribeTimeToLive's TimeToLiveStatus ENABLED for UpdateTimeToLive's
// Enabled: true). It returns the path to the description in the get
// output and the value mappings, checked against both shapes.
func (st *state) observedDescription(get *model.Operation, oc *config.Observed, value *model.Field) ([]string, *model.Observed, error) {
	path := []string{}
	if oc.At != "" {
		path = strings.Split(oc.At, ".")
	}
	s := st.svc.Structs[get.Output]
	var at *model.Field
	for i, p := range path {
		if s == nil {
			return nil, nil, fmt.Errorf("observed.at: %s is no structure", strings.Join(path[:i], "."))
		}
		if at = s.FieldByMember(p); at == nil {
			return nil, nil, fmt.Errorf("observed.at: %s has no member %s%s", s.Shape, p, config.DidYouMean(p, structMembers(s)))
		}
		s = nil
		if at.Type.Kind == model.Structure {
			s = st.svc.Structs[at.Type.Shape]
		}
	}
	obs := &model.Observed{}
	if value.Type.Kind != model.Structure {
		if at == nil || s != nil || len(oc.Members) > 0 || len(oc.Values) == 0 {
			return nil, nil, fmt.Errorf("observed: %s is a scalar: observed.at must lead to a scalar, mapped by values:", value.JSONName)
		}
		if err := checkValues(oc.Values, at, value.Type); err != nil {
			return nil, nil, fmt.Errorf("observed.values: %v", err)
		}
		obs.Values = oc.Values
		return path, obs, nil
	}
	if s == nil || len(oc.Values) > 0 {
		return nil, nil, fmt.Errorf("observed: %s is a structure: observed.at must lead to a structure, its members mapped by members:", value.JSONName)
	}
	spec := st.svc.Structs[value.Type.Shape]
	obs.Members = map[string]model.ObservedMember{}
	for _, name := range keys(oc.Members) {
		om := oc.Members[name]
		f := spec.FieldByMember(name)
		if f == nil {
			return nil, nil, fmt.Errorf("observed.members: %s has no member %s%s", spec.Shape, name, config.DidYouMean(name, structMembers(spec)))
		}
		from := s.FieldByMember(om.From)
		if from == nil {
			return nil, nil, fmt.Errorf("observed.members.%s.from: %s has no member %s%s", name, s.Shape, om.From, config.DidYouMean(om.From, structMembers(s)))
		}
		if len(om.Values) == 0 && compatibleKinds(from.Type, f.Type) {
			obs.Members[name] = model.ObservedMember{From: om.From}
			continue // the same value under another name
		}
		if err := checkValues(om.Values, from, f.Type); err != nil {
			return nil, nil, fmt.Errorf("observed.members.%s.values: %v", name, err)
		}
		obs.Members[name] = model.ObservedMember{From: om.From, Values: om.Values}
	}
	return path, obs, nil
}

// checkValues checks that a mapping reads a string or enum member and
// gives values of the spec type.
func checkValues(values map[string]string, from *model.Field, to *model.Type) error {
	if from.Type.Kind != model.String && from.Type.Kind != model.Enum {
		return fmt.Errorf("%s is %s; only string and enum members are mapped", from.Member, model.TypeString(from.Type))
	}
	if len(values) == 0 {
		return fmt.Errorf("no values to map %s by", from.Member)
	}
	for k, v := range values {
		var err error
		switch to.Kind {
		case model.Bool:
			_, err = strconv.ParseBool(v)
		case model.Int:
			_, err = strconv.ParseInt(v, 10, 64)
		case model.String, model.Enum:
		default:
			err = fmt.Errorf("the spec's %s takes no mapped values", model.TypeString(to))
		}
		if err != nil {
			return fmt.Errorf("%s: %q: %v", k, v, err)
		}
	}
	return nil
}
