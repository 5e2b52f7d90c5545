package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// inferTagSpecifications finds tags in EC2's shape: the create takes them
// in a list of tag specifications, each naming a resource type
// (TagSpecifications: [{ResourceType: vpc, Tags: [...]}]), the read
// returns them with the resource (Vpc.Tags), and operations taking a
// list of resource identifiers change them (CreateTags and DeleteTags,
// with Resources: [vpc-…]). The spec then has the incumbent's
// tags: [{key, value}] in place of the tag specifications, changed after
// create through those operations.
func inferTagSpecifications(st *state) error {
	for _, w := range st.work {
		if !w.resolved() || (w.r.Tags != nil && w.r.Tags.API != nil) || (w.rc.Tags != nil && w.rc.Tags.Ignore) {
			continue
		}
		st.tagSpecifications(w)
	}
	return nil
}

func (st *state) tagSpecifications(w *work) {
	r := w.r
	spec := st.tagSpecMember(r)
	if spec == nil {
		return
	}
	by := &model.TagsByID{SpecMember: spec.Member}
	specStruct := st.svc.Structs[spec.Type.Elem.Shape]
	for _, f := range specStruct.Fields {
		switch {
		case f.Type.Kind == model.Enum:
			by.TypeMember = f.Member
			by.ResourceType = resourceType(r.Name, f.Validation.Enum)
			if tc := w.rc.Tags; tc != nil && tc.ResourceType != "" {
				if !slices.Contains(f.Validation.Enum, tc.ResourceType) {
					st.errorf(w.at.At("tags", "resourceType"), "%s.%s has no value %q%s", specStruct.Shape, f.Member, tc.ResourceType, config.DidYouMean(tc.ResourceType, f.Validation.Enum))
					return
				}
				by.ResourceType = tc.ResourceType
			}
		case st.isTagList(f.Type):
			by.SpecTagsMember = f.Member
		}
	}
	out := st.svc.Structs[r.Read.Output]
	var read *model.Field
	for _, f := range r.Status {
		if out.FieldByMember(f.Member) != nil && st.isTagList(f.Type) {
			read = f
		}
	}
	tag, untag := st.ops["CreateTags"], st.ops["DeleteTags"]
	if by.ResourceType == "" || read == nil || tag == nil || untag == nil || len(r.Identifiers) != 1 {
		return
	}
	var err error
	if by.Tag, err = st.plainOperation(tag); err != nil {
		return
	}
	if by.Untag, err = st.plainOperation(untag); err != nil {
		return
	}
	by.ResourcesMember, by.TagsMember = keysMember(by.Tag), tagsMember(st, by.Tag.Input)
	if by.ResourcesMember == "" || by.TagsMember == "" || keysMember(by.Untag) != by.ResourcesMember || !slices.ContainsFunc(by.Untag.Input, func(m *model.Member) bool { return m.Name == by.TagsMember }) {
		return
	}
	by.Identifier = r.Identifiers[0].Member
	key, value := st.svc.Structs[read.Type.Elem.Shape].TagMembers()
	r.Spec = slices.DeleteFunc(r.Spec, func(f *model.Field) bool { return f == spec })
	r.Status = slices.DeleteFunc(r.Status, func(f *model.Field) bool { return f == read })
	read.Class, read.Updatable, read.CreateOnly, read.ObservedPath = model.ClassSpec, true, false, []string{read.Member}
	read.Reason = fmt.Sprintf("tags; given at create in %s (%s %s), changed through %s and %s", spec.Member, by.TypeMember, by.ResourceType, tag.ID.Name(), untag.ID.Name())
	r.Spec = append(r.Spec, read)
	r.Tags = &model.Tags{Path: []string{read.Member}, KeyMember: key.Member, ValueMember: value.Member, Reason: "the read's " + read.Member, ByID: by}
	w.decide("tags", read.Member, "%s", read.Reason)
}

// tagSpecMember is the create input's list of tag specifications: spec
// fields that are lists of structures of an enum and a list of tags.
func (st *state) tagSpecMember(r *model.Resource) *model.Field {
	for _, f := range r.Spec {
		if f.Type.Kind != model.List || f.Type.Elem.Kind != model.Structure {
			continue
		}
		s := st.svc.Structs[f.Type.Elem.Shape]
		if s == nil || len(s.Fields) != 2 {
			continue
		}
		enum, tags := 0, 0
		for _, sf := range s.Fields {
			if sf.Type.Kind == model.Enum {
				enum++
			}
			if st.isTagList(sf.Type) {
				tags++
			}
		}
		if enum == 1 && tags == 1 {
			return f
		}
	}
	return nil
}

// isTagList reports whether t is a list of key-value tag structures.
func (st *state) isTagList(t *model.Type) bool {
	if t.Kind != model.List || t.Elem.Kind != model.Structure {
		return false
	}
	key, _ := st.svc.Structs[t.Elem.Shape].TagMembers()
	return key != nil
}

// resourceType is the enum value naming the resource: its name in lower
// case, or in lower case with hyphens between words (DhcpOptions is
// dhcp-options); "" when the enum has neither.
func resourceType(name string, enum []string) string {
	var kebab strings.Builder
	for i, c := range name {
		if i > 0 && c >= 'A' && c <= 'Z' {
			kebab.WriteByte('-')
		}
		kebab.WriteRune(c)
	}
	for _, want := range []string{strings.ToLower(name), strings.ToLower(kebab.String())} {
		if slices.Contains(enum, want) {
			return want
		}
	}
	return ""
}
