package infer

import (
	"fmt"
	"slices"

	"github.com/kubesmith/kubesmith/generator/model"
)

// tagAPIByIdentifier finds tag operations that take the resource's
// identifier instead of its ARN, for a resource whose read returns its
// tags: Secrets Manager's TagResource and UntagResource take SecretId, and
// DescribeSecret returns Tags. Comparing then costs no call of its own,
// and the tags field stops being create-only.
func (st *state) tagAPIByIdentifier(w *work) {
	r := w.r
	if r.Tags.API != nil || r.Tags.ByID != nil || r.Tags.SubResource != nil || len(r.Tags.Path) != 1 {
		return
	}
	read := st.svc.Structs[r.Read.Output]
	if read == nil {
		return
	}
	var readTags *model.Field
	if readTags = read.FieldByMember(r.Tags.Path[0]); readTags == nil {
		return
	}
	find := func(names ...string) *model.Operation {
		for _, n := range names {
			if s, ok := st.ops[n]; ok {
				if op, err := st.plainOperation(s); err == nil {
					return op
				}
			}
		}
		return nil
	}
	tag := find("TagResource", "Tag"+r.Name)
	untag := find("UntagResource", "Untag"+r.Name)
	if tag == nil || untag == nil || !st.takesIdentifier(r, tag) || !st.takesIdentifier(r, untag) {
		return
	}
	api := &model.TagAPI{Tag: tag, Untag: untag, FromRead: true, ListMember: readTags.Member,
		TagMember: tagsMember(st, tag.Input), KeysMember: keysMember(untag)}
	if api.TagMember == "" || api.KeysMember == "" || tagsMember(st, []*model.Member{{Name: readTags.Member, Type: readTags.Type}}) == "" {
		return
	}
	r.Tags.API = api
	for _, f := range r.Spec {
		if f.Member == r.Tags.Path[0] {
			f.CreateOnly, f.Updatable, f.Class = false, true, model.ClassSpec
			f.Reason = fmt.Sprintf("tags; returned by %s and changed after create through %s and %s", r.Read.Name, tag.Name, untag.Name)
		}
	}
	w.decide("tag operations", tag.Name+", "+untag.Name, "operations that take the resource's identifier; %s returns the tags", r.Read.Name)
}

// takesIdentifier reports whether every required input member of op but
// the tags and keys is one of the resource's identifiers held by a field.
func (st *state) takesIdentifier(r *model.Resource, op *model.Operation) bool {
	found := false
	for _, m := range op.Input {
		if !m.Required || m.Type.Kind != model.String {
			continue
		}
		if !slices.ContainsFunc(r.Identifiers, func(id *model.Identifier) bool { return id.Member == m.Name && id.Field != "" }) {
			return false
		}
		found = true
	}
	return found
}
