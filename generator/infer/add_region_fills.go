package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addRegionFills resolves generator.yaml's fromRegion: a string or enum
// member of the create input, reached from a top-level spec field through
// structures, that takes the target region when the spec leaves it unset.
func addRegionFills(st *state) error {
	st.eachField(func(w *work, ref fieldRef, fc *config.Field, at config.Key) {
		if fc.FromRegion == nil {
			return
		}
		at = at.At("fromRegion")
		path, err := st.regionPath(w.r, ref.path)
		if err != nil {
			st.errorf(at, "%v", err)
			return
		}
		fill := &model.RegionFill{Path: path, Except: fc.FromRegion.Except}
		w.r.RegionFills = append(w.r.RegionFills, fill)
		json := make([]string, len(path))
		for i, f := range path {
			json[i] = f.JSONName
		}
		why := fmt.Sprintf("fromRegion in generator.yaml: %s sends the target region when spec.%s is unset", w.r.Create.Name, strings.Join(json, "."))
		if len(fill.Except) > 0 {
			why += ", except in " + strings.Join(fill.Except, ", ")
		}
		w.decide("from region", strings.Join(ref.path, "."), "%s", why)
	})
	return nil
}

// regionPath checks that a fromRegion key leads from a spec field the
// create takes, through structures only, to a string or enum, and returns
// the fields on the way.
func (st *state) regionPath(r *model.Resource, keys []string) ([]*model.Field, error) {
	top := fieldByMember(r, keys[0])
	switch {
	case top.Class == model.ClassStatus:
		return nil, fmt.Errorf("%s is a status field; fromRegion fills a member of the %s input", top.Member, r.Create.Name)
	case !slices.ContainsFunc(r.Create.Input, func(m *model.Member) bool { return m.Name == top.Member }):
		return nil, fmt.Errorf("%s is not a member of the %s input, which fromRegion fills", top.Member, r.Create.Name)
	}
	path := []*model.Field{top}
	for _, k := range keys[1:] {
		cur := path[len(path)-1]
		if cur.Type.Kind != model.Structure {
			return nil, fmt.Errorf("%s is a list or map, so fromRegion cannot tell which element to fill", cur.Member)
		}
		path = append(path, st.svc.Structs[cur.Type.Shape].FieldByMember(k))
	}
	leaf := path[len(path)-1]
	switch {
	case leaf.Type.Kind != model.String && leaf.Type.Kind != model.Enum:
		return nil, fmt.Errorf("%s is not a string, so it cannot hold a region", leaf.Member)
	case leaf.Secret:
		return nil, fmt.Errorf("%s is read from a Secret, so the spec never holds its value to compare with the region", leaf.Member)
	}
	return path, nil
}
