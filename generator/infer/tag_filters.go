package infer

import (
	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// tagFilters checks findCreated's tagFilters member: a list of structures
// with a string Name and a list of strings Values, as EC2's Filters.
func (st *state) tagFilters(list *model.Operation, name string, at config.Key) *model.TagFilters {
	in := st.namedInput(list, name, at)
	if in == nil {
		return nil
	}
	if tf := st.nameValues(in); tf != nil {
		return tf
	}
	st.errorf(at, "%s.%s is a %s, not a list of filters with a string Name and a list of strings Values", list.Name, name, model.TypeString(in.Type))
	return nil
}

// nameValues is in as filters when it is a list of structures with a
// string Name and a list of strings Values; nil otherwise.
func (st *state) nameValues(in *model.Member) *model.TagFilters {
	if in.Type.Kind != model.List || in.Type.Elem.Kind != model.Structure {
		return nil
	}
	s := st.svc.Structs[in.Type.Elem.Shape]
	n, v := s.FieldByMember("Name"), s.FieldByMember("Values")
	if n != nil && v != nil && n.Type.Kind == model.String && v.Type.Kind == model.List && v.Type.Elem.Kind == model.String {
		return &model.TagFilters{Member: in.Name, Shape: s.Shape, Name: n.Member, Values: v.Member}
	}
	return nil
}
