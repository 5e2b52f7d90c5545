package infer

import (
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// tagIndexMembers are the members of a tag index's listed elements: the
// resource's identifier and type, the tag's key and value.
var tagIndexMembers = []string{"ResourceId", "ResourceType", "Key", "Value"}

// addTagIndex lets a Finder that filters by the default tags ask the
// service's tag index first (EC2's DescribeTags): which resources of the
// kind's type carry the tag naming the object. It then lists only those,
// by identifier, instead of having the service read the tags of every
// resource of the kind. It needs the index, the kind's resource type
// from its tag specification, and a list input member taking the
// kind's identifiers.
func (st *state) addTagIndex(w *work, f *model.Finder) {
	if f.TagFilters == nil || len(f.Sets) != 1 {
		return
	}
	if w.r.Tags == nil || w.r.Tags.ByID == nil || w.r.Tags.ByID.ResourceType == "" {
		w.decide("tag index", "none", "%s has no tag specification naming its resource type", w.r.Kind)
		return
	}
	ids := inputMember(f.List, f.Sets[0].Element+"s")
	if ids == nil || ids.Type.Kind != model.List || ids.Type.Elem.Kind != model.String {
		w.decide("tag index", "none", "%s takes no list of %s", f.List.Name, f.Sets[0].Element)
		return
	}
	idx, why := st.tagIndex()
	if idx == nil {
		w.decide("tag index", "none", "%s", why)
		return
	}
	idx.ResourceType, idx.IDs = w.r.Tags.ByID.ResourceType, ids.Name
	f.TagIndex = idx
	w.decide("tag index", idx.List.Name, "the service's one operation taking name-and-values filters and listing ResourceId, ResourceType, Key and Value; "+
		"a lost create is looked up there by the tag naming the object (%s=%s), then %s by %s", idx.TypeFilter, idx.ResourceType, f.List.Name, idx.IDs)
}

// tagIndex finds the service's tag index: the one operation whose input
// has name-and-values filters and whose output lists structures with a
// resource identifier, resource type, key and value. Its filter names are
// those members in lower case with hyphens between words, as EC2 names
// DescribeTags' filters (resource-type, key, value). why says why there
// is none.
func (st *state) tagIndex() (idx *model.TagIndex, why string) {
	var found []*model.TagIndex
	var names []string
	for _, name := range keys(st.ops) {
		if i := st.asTagIndex(st.ops[name]); i != nil {
			found, names = append(found, i), append(names, name)
		}
	}
	switch len(found) {
	case 0:
		return nil, "the service has no operation listing tags with the resources carrying them"
	case 1:
		return found[0], ""
	}
	return nil, "more than one operation lists tags with their resources: " + strings.Join(names, ", ")
}

// asTagIndex is op as a tag index; nil when it is none.
func (st *state) asTagIndex(op *smithy.Shape) *model.TagIndex {
	out, ok := st.m.Shape(op.Output)
	if !ok || !st.listsTags(out) {
		return nil
	}
	list, err := st.listing(op, nil)
	if err != nil || list.Output == "" {
		return nil
	}
	elem := st.svc.Structs[list.Output]
	for _, m := range tagIndexMembers {
		if f := elem.FieldByMember(m); f == nil || (f.Type.Kind != model.String && f.Type.Kind != model.Enum) {
			return nil
		}
	}
	for _, in := range list.Input {
		if tf := st.nameValues(in); tf != nil {
			idx := &model.TagIndex{List: list, Filters: tf, ResourceID: "ResourceId",
				TypeFilter: hyphenated("ResourceType"), KeyFilter: hyphenated("Key"), ValueFilter: hyphenated("Value")}
			idx.InputToken, idx.OutputToken = st.pageTokens(op, list)
			return idx
		}
	}
	return nil
}

// listsTags reports whether out has a list of structures with every tag
// index member, checked on the raw shapes before anything is typed.
func (st *state) listsTags(out *smithy.Shape) bool {
	for _, mem := range out.Members {
		list := st.m.Target(mem)
		if list.Type != smithy.TypeList && list.Type != smithy.TypeSet {
			continue
		}
		e := st.m.Target(list.Member)
		if e.Type == smithy.TypeStructure && !slices.ContainsFunc(tagIndexMembers, func(n string) bool { return e.MemberByName(n) == nil }) {
			return true
		}
	}
	return false
}

// hyphenated is name in lower case with hyphens between words:
// ResourceType is resource-type.
func hyphenated(name string) string {
	var b strings.Builder
	for i, c := range name {
		if i > 0 && c >= 'A' && c <= 'Z' {
			b.WriteByte('-')
		}
		b.WriteRune(c)
	}
	return strings.ToLower(b.String())
}
