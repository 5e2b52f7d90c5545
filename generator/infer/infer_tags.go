package infer

import (
	"fmt"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// inferTags finds where a resource's tags are, so the runtime can add its
// default tags: generator.yaml's tags, else a spec field Tags, TagList or
// Tagging.TagSet. Tags are a map of strings or a list of structures with
// Key and Value members (or TagKey and TagValue).
func inferTags(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		if tc := w.rc.Tags; tc != nil {
			if tc.Ignore {
				w.decide("tags", "none", "tags.ignore in generator.yaml")
				continue
			}
			tags, err := st.tagsAt(w.r, strings.Split(tc.Path, "."), false)
			if err != nil {
				st.errorf(w.at.At("tags", "path"), "%v", err)
				continue
			}
			tags.Reason = "tags.path in generator.yaml"
			w.r.Tags = tags
			w.decide("tags", tc.Path, "%s", tags.Reason)
			continue
		}
		for _, path := range [][]string{{"Tags"}, {"TagList"}, {"Tagging", "TagSet"}} {
			if tags, err := st.tagsAt(w.r, path, true); err == nil {
				tags.Reason = "the spec field " + strings.Join(tags.Path, ".")
				w.r.Tags = tags
				w.decide("tags", strings.Join(tags.Path, "."), "%s", tags.Reason)
				break
			}
		}
	}
	return nil
}

// tagsAt checks that the member path from a spec field leads to tags;
// fold matches the spec field's name in any case ("tags" in REST-JSON
// models), for inference.
func (st *state) tagsAt(r *model.Resource, path []string, fold bool) (*model.Tags, error) {
	var f *model.Field
	for _, g := range r.Spec {
		if g.Member == path[0] || fold && strings.EqualFold(g.Member, path[0]) {
			f = g
			path = append([]string{g.Member}, path[1:]...)
		}
	}
	if f == nil {
		return nil, fmt.Errorf("%s has no spec field %s", r.Kind, path[0])
	}
	if len(path) > 1 {
		if f.Type.Kind != model.Structure {
			return nil, fmt.Errorf("%s is not a structure", path[0])
		}
		var err error
		if f, err = st.walkPath(st.svc.Structs[f.Type.Shape], path[1:]); err != nil {
			return nil, err
		}
	}
	t := f.Type
	switch {
	case t.Kind == model.Map && t.Elem.Kind == model.String:
		return &model.Tags{Path: path, Map: true}, nil
	case t.Kind == model.List && t.Elem.Kind == model.Structure:
		s := st.svc.Structs[t.Elem.Shape]
		for _, kv := range [][2]string{{"Key", "Value"}, {"TagKey", "TagValue"}} {
			key, value := memberFold(s, kv[0]), memberFold(s, kv[1])
			if key != nil && value != nil {
				return &model.Tags{Path: path, KeyMember: key.Member, ValueMember: value.Member}, nil
			}
		}
	}
	return nil, fmt.Errorf("%s is not a map of strings or a list of Key and Value structures", strings.Join(path, "."))
}

// memberFold finds a structure's field by member name in any case.
func memberFold(s *model.Struct, name string) *model.Field {
	for _, f := range s.Fields {
		if strings.EqualFold(f.Member, name) {
			return f
		}
	}
	return nil
}
