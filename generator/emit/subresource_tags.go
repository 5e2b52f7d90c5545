package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Tags held in a sub-resource (S3's Tagging.TagSet, set by
// PutBucketTagging) behave as tags do elsewhere, through the sub-resource's
// own put and get: the controller's default tags go with the user's at
// create and whenever they drift, aws: tags AWS reports never count as
// drift, and since a put replaces the whole set and AWS refuses to drop
// its own tags, every put carries the aws: tags it read back. A spec
// without the field wants the default tags alone, as for a kind whose
// tags field is unset; only when nothing at all is left to put does the
// sub-resource's delete remove the set.

// tagsSub is the sub-resource holding the tags, or nil.
func (m *managerWriter) tagsSub() *subResource {
	if m.r.Tags == nil || m.r.Tags.SubResource == nil {
		return nil
	}
	for _, s := range m.subResources() {
		if s.SubResource == m.r.Tags.SubResource {
			return &s
		}
	}
	return nil
}

// isTagsSub reports whether f is the field of the sub-resource holding
// the tags, which is compared through its tags instead of field by field.
func (m *managerWriter) isTagsSub(f *model.Field) bool {
	s := m.tagsSub()
	return s != nil && s.f == f
}

// tagSetField is the member of the sub-resource's value that is the tags,
// on the API side (field) and on the SDK side (sdk, a member of the put's
// value).
func (m *managerWriter) tagSetField(s *subResource) (field, sdk *model.Field) {
	name := m.r.Tags.Path[1]
	field = m.svc.Structs[s.f.Type.Shape].FieldByMember(name)
	if put := member(s.Put, s.PutMember); put != nil {
		sdk = m.svc.Structs[put.Type.Shape].FieldByMember(name)
	}
	return field, sdk
}

// subTagsFuncs reads the tags of a spec, the desired one or the observed
// one, as a map: specTags(cr) and tagsIn(spec).
func (m *managerWriter) subTagsFuncs() jen.Code {
	s := m.tagsSub()
	set, _ := m.tagSetField(s)
	defer inShape(set.Type.Elem.Shape)
	key, value := m.svc.Structs[set.Type.Elem.Shape].TagMembers()
	spec := jen.Id("spec").Dot(s.f.GoName)
	read := jen.Qual(convPkg, "TagMap").Call(spec.Clone().Dot(set.GoName), jen.Func().Params(jen.Id("t").Qual(m.c.api, m.apiType(set.Type.Elem.Shape))).Params(jen.String(), jen.String()).Block(
		jen.Return(jen.Qual(convPkg, "Value").Call(jen.Id("t").Dot(key.GoName)), jen.Qual(convPkg, "Value").Call(jen.Id("t").Dot(value.GoName))),
	))
	return jen.Comment("specTags reads the spec's tags as a map.").Line().
		Func().Id("specTags").Params(jen.Id("cr").Op("*").Qual(m.c.api, m.r.Kind)).Map(jen.String()).String().Block(
		jen.Return(jen.Id("tagsIn").Call(jen.Op("&").Id("cr").Dot("Spec"))),
	).Line().Line().
		Comment("tagsIn reads the tags that a spec's "+s.f.JSONName+" holds as a map.").Line().
		Func().Id("tagsIn").Params(jen.Id("spec").Op("*").Qual(m.c.api, m.r.Kind+"Spec")).Map(jen.String()).String().Block(
		jen.If(spec.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Return(read),
	)
}

// observeSubTags adds the sub-resource to the diff when the tags it read
// differ from the desired ones, the default tags among them.
func (m *managerWriter) observeSubTags() []jen.Code {
	s := m.tagsSub()
	if s == nil || !s.compared() {
		return nil
	}
	return []jen.Code{
		jen.Comment(s.f.JSONName + " holds the tags: the default tags count, aws: tags never do."),
		jen.If(jen.Qual(managedPkg, "TagsDiffer").Call(desiredTags(), jen.Id("tagsIn").Call(jen.Op("&").Id("observed")))).Block(
			jen.Id("obs").Dot("Diff").Op("=").Append(jen.Id("obs").Dot("Diff"), jen.Lit(s.f.JSONName)),
		),
	}
}

// updateSubTags puts the tags again when they drifted, keeping the aws:
// tags the observation read.
func (m *managerWriter) updateSubTags(s subResource) jen.Code {
	return jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(s.f.JSONName))).Block(
		jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
		jen.If(jen.Err().Op(":=").Id("m").Dot("putTags").Call(jen.Id("ctx"), jen.Id("cr"), jen.Id("tagsIn").Call(jen.Op("&").Id("observed"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
	)
}

// putTagsFunc writes putTags, which sets the whole tag set through the
// sub-resource's put, or removes it through its delete when nothing is
// left to set.
func (m *managerWriter) putTagsFunc() jen.Code {
	s := m.tagsSub()
	_, set := m.tagSetField(s)
	put := member(s.Put, s.PutMember)
	ids, guards := m.identifiers(s.Put, jen.Return(jen.Nil()))
	ids[jen.Id(put.GoName)] = jen.Op("&").Add(m.c.types(put.Type.Shape)).Values(jen.Dict{
		jen.Id(set.SDKName): m.tagsToSDK(set.Type, jen.Id("tags")),
	})
	none := []jen.Code{jen.Return(jen.Nil())}
	if s.Delete != nil {
		none = append(m.deleteSubResource(*s), none...)
	}
	body := append(guards,
		jen.Id("tags").Op(":=").Qual(managedPkg, "TagsToPut").Call(desiredTags(), jen.Id("observed")),
		jen.If(jen.Len(jen.Id("tags")).Op("==").Lit(0)).Block(none...),
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.Put.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, s.Put.Name+"Input").Values(ids)),
		jen.Return(jen.Err()),
	)
	return jen.Comment("putTags sets the tags through "+s.Put.Name+": the spec's with the default tags, and the").Line().
		Comment("aws: tags AWS reported, which a put may not drop. With none to set, it removes them.").Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id("putTags").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("cr").Op("*").Qual(m.c.api, m.r.Kind), jen.Id("observed").Map(jen.String()).String(),
	).Error().Block(body...)
}
