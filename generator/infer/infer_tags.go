package infer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kubesmith/kubesmith/generator/smithy"

	"github.com/kubesmith/kubesmith/generator/model"
)

// inferTags finds where a resource's tags are, so the runtime can add its
// default tags: generator.yaml's tags, else a spec field Tags, TagList or
// Tagging.TagSet. Tags are a map of strings or a list of structures with
// Key and Value members (or TagKey and TagValue). Where the service has
// tag operations taking the resource's ARN, the tags become updatable
// through them (see tagAPI).
func inferTags(st *state) error {
	if err := findTags(st); err != nil {
		return err
	}
	for _, w := range st.work {
		if w.resolved() && w.r.Tags != nil {
			// Tags the read returns cost no call of their own: taken
			// before a list operation (IAM's ListRoleTags).
			st.tagAPIByIdentifier(w)
			st.tagAPI(w)
		}
	}
	return nil
}

func findTags(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		if tc := w.rc.Tags; tc != nil && (tc.Path != "" || tc.Ignore) {
			if tc.Ignore {
				w.decide("tags", "none", "tags.ignore in generator.yaml")
				continue
			}
			tags, err := st.tagsAt(w.r, strings.Split(tc.Path, "."), false)
			if err == nil {
				err = st.inSubResource(w, tags)
			}
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
			if tags, err := st.tagsAt(w.r, path, true); err == nil && st.inSubResource(w, tags) == nil {
				tags.Reason = "the spec field " + strings.Join(tags.Path, ".")
				w.r.Tags = tags
				w.decide("tags", strings.Join(tags.Path, "."), "%s", tags.Reason)
				break
			}
		}
	}
	return nil
}

// inSubResource ties tags inside a sub-resource's value (S3's
// Tagging.TagSet) to that sub-resource, whose put and get then carry them
// like a tag API: the default tags go with the user's, aws: tags never
// drift and every put keeps them, and removing the field from the spec
// leaves the default tags. The value must be the tags' structure alone,
// one member deep, or the tag comparison would miss the rest. Tags
// elsewhere are left as they are.
func (st *state) inSubResource(w *work, tags *model.Tags) error {
	top := fieldByMember(w.r, tags.Path[0])
	if top == nil || top.SubResource == nil {
		return nil
	}
	if len(tags.Path) != 2 {
		return fmt.Errorf("the sub-resource %s holds the tags %s; only tags one member below it (as Tagging.TagSet) are handled", top.Member, strings.Join(tags.Path, "."))
	}
	if s := st.svc.Structs[top.Type.Shape]; s == nil || len(s.Fields) != 1 {
		return fmt.Errorf("the sub-resource %s holds more than the tags %s, which the tag comparison would miss", top.Member, strings.Join(tags.Path, "."))
	}
	sub := top.SubResource
	tags.SubResource = sub
	top.Reason += "; holds the tags: the controller's default tags are put with them, aws: tags never drift and every put keeps them, " +
		"and removing the field leaves the default tags"
	w.decide("tag operations", sub.Put.Name+", "+opName(sub.Get), "the sub-resource %s holds the tags, so its put sets them all at once", top.Member)
	return nil
}

func opName(op *model.Operation) string {
	if op == nil {
		return "no read"
	}
	return op.Name
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
		if key, value := st.svc.Structs[t.Elem.Shape].TagMembers(); key != nil {
			return &model.Tags{Path: path, KeyMember: key.Member, ValueMember: value.Member}, nil
		}
	}
	return nil, fmt.Errorf("%s is not a map of strings or a list of Key and Value structures", strings.Join(path, "."))
}

// tagAPI finds the operations that change and read the tags of an
// existing resource: TagResource, UntagResource and ListTagsOfResource or
// ListTagsForResource, or the same named after the resource. Each must
// take the resource's ARN, which the runtime knows once the resource
// exists, or else its identifier (SQS's TagQueue takes the queue URL).
// The tags field then stops being create-only.
func (st *state) tagAPI(w *work) {
	r := w.r
	if len(r.Tags.Path) != 1 || r.Tags.SubResource != nil || r.Tags.API != nil {
		return
	}
	find := func(names ...string) *smithy.Shape {
		for _, n := range names {
			if op, ok := st.ops[strings.ReplaceAll(n, "<R>", r.Name)]; ok {
				return op
			}
		}
		return nil
	}
	tag := find("TagResource", "Tag<R>", "AddTagsToResource", "AddTagsTo<R>")
	untag := find("UntagResource", "Untag<R>", "RemoveTagsFromResource", "RemoveTagsFrom<R>")
	list := find("ListTagsOfResource", "ListTagsForResource", "ListTagsFor<R>", "List<R>Tags", "ListResourceTags")
	if tag == nil || untag == nil || list == nil {
		return
	}
	api := &model.TagAPI{}
	var err error
	for _, op := range []struct {
		s   *smithy.Shape
		dst **model.Operation
	}{{tag, &api.Tag}, {untag, &api.Untag}, {list, &api.List}} {
		if *op.dst, err = st.plainOperation(op.s); err != nil {
			return
		}
	}
	hasARN := r.ARNMember != "" || r.Attributes != nil && r.Attributes.ARN != ""
	api.TagARN, api.TagMember = tagTarget(r, api.Tag, hasARN), tagsMember(st, api.Tag.Input)
	api.UntagARN, api.KeysMember = tagTarget(r, api.Untag, hasARN), keysMember(api.Untag)
	api.ListARN = tagTarget(r, api.List, hasARN)
	if tc := w.rc.Tags; tc != nil && tc.ARNMember != "" {
		api.TagARN, api.UntagARN, api.ListARN = namedARNMember(api.Tag, tc.ARNMember), namedARNMember(api.Untag, tc.ARNMember), namedARNMember(api.List, tc.ARNMember)
		if slices.Contains([]string{api.TagARN, api.UntagARN, api.ListARN}, "") {
			st.errorf(w.at.At("tags", "arnMember"), "%s, %s and %s must each take the string member %s", api.Tag.Name, api.Untag.Name, api.List.Name, tc.ARNMember)
			return
		}
	} else if isIdentifier(r, api.TagARN) {
		api.Identifier = api.TagARN
		if api.UntagARN != api.Identifier || api.ListARN != api.Identifier {
			return
		}
	}
	if out := st.svc.Structs[api.List.Output]; out != nil {
		var fields []*model.Member
		for _, f := range out.Fields {
			fields = append(fields, &model.Member{Name: f.Member, Type: f.Type})
		}
		api.ListMember = tagsMember(st, fields)
		api.PageToken, api.NextPageToken = st.tagPages(api, out)
		api.Paginated = api.PageToken != ""
	}
	if slices.Contains([]string{api.TagARN, api.UntagARN, api.ListARN, api.TagMember, api.KeysMember, api.ListMember}, "") {
		return
	}
	r.Tags.API = api
	st.tagsFromRead(w, api)
	for _, f := range r.Spec {
		if f.Member == r.Tags.Path[0] {
			f.CreateOnly, f.Updatable, f.Class = false, true, model.ClassSpec
			f.Reason = fmt.Sprintf("tags; changed after create through %s and %s", api.Tag.Name, api.Untag.Name)
		}
	}
	takes := "the resource's ARN"
	if api.Identifier != "" {
		takes = "its identifier " + api.Identifier
	}
	w.decide("tag operations", api.Tag.Name+", "+api.Untag.Name+", "+api.List.Name, "operations that take %s", takes)
}

// tagTarget is the tag operation's input member naming the resource: the
// ARN where the read reports one, else a required identifier (SQS's
// TagQueue takes the QueueUrl).
func tagTarget(r *model.Resource, op *model.Operation, hasARN bool) string {
	if hasARN {
		if m := arnMember(op); m != "" {
			return m
		}
	}
	for _, m := range op.Input {
		if m.Required && m.Type.Kind == model.String && isIdentifier(r, m.Name) {
			return m.Name
		}
	}
	return ""
}

// arnMember is the required string input member that takes an ARN.
func arnMember(op *model.Operation) string {
	for _, m := range op.Input {
		if m.Required && m.Type.Kind == model.String && (strings.HasSuffix(m.Name, "Arn") || strings.HasSuffix(m.Name, "ARN")) {
			return m.Name
		}
	}
	return ""
}

// namedARNMember is the string input member generator.yaml's
// tags.arnMember names as taking the ARN, "" when op has none.
func namedARNMember(op *model.Operation, name string) string {
	for _, m := range op.Input {
		if m.Name == name && m.Type.Kind == model.String {
			return m.Name
		}
	}
	return ""
}

// tagsMember is the member holding tags: a map of strings, or a list of
// tag structures with no other members.
func tagsMember(st *state, members []*model.Member) string {
	for _, m := range members {
		t := m.Type
		switch {
		case t.Kind == model.Map && t.Elem.Kind == model.String:
			return m.Name
		case t.Kind == model.List && t.Elem.Kind == model.Structure:
			s := st.svc.Structs[t.Elem.Shape]
			if key, _ := s.TagMembers(); key != nil && len(s.Fields) == 2 {
				return m.Name
			}
		}
	}
	return ""
}

// keysMember is the required list of strings holding the keys to remove.
func keysMember(op *model.Operation) string {
	for _, m := range op.Input {
		if m.Required && m.Type.Kind == model.List && m.Type.Elem.Kind == model.String {
			return m.Name
		}
	}
	return ""
}
