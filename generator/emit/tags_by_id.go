package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Tags by identifier (EC2): the create takes the tags, the controller's
// defaults among them, in a tag specification naming the resource type;
// the read returns them with the resource, so comparing costs no call;
// and CreateTags and DeleteTags change them, each taking a list of one
// identifier.

// tagsByID is the kind's tag operations by identifier, or nil.
func (m *managerWriter) tagsByID() *model.TagsByID {
	if m.tagsField() == nil {
		return nil
	}
	return m.r.Tags.ByID
}

// tagsOwned reports whether operations of their own change the tags, so
// that the update proper leaves them out.
func (m *managerWriter) tagsOwned() bool { return m.tagAPI() != nil || m.tagsByID() != nil }

// tagSpecifications is the create input's list of one tag specification
// for the resource type, holding the desired tags.
func (m *managerWriter) tagSpecifications(mem *model.Member) jen.Code {
	by := m.tagsByID()
	spec := m.svc.Structs[mem.Type.Elem.Shape]
	typ, tags := spec.FieldByMember(by.TypeMember), spec.FieldByMember(by.SpecTagsMember)
	return jen.Index().Add(m.c.types(mem.Type.Elem.Shape)).Values(jen.Values(jen.Dict{
		jen.Id(typ.SDKName):  m.c.types(typ.Type.Shape).Call(jen.Lit(by.ResourceType)),
		jen.Id(tags.SDKName): m.tagsToSDK(tags.Type, desiredTags()),
	}))
}

// observeTagsByID adds the tags field to the diff when the tags the read
// returned differ from the desired ones (aws: tags aside).
func (m *managerWriter) observeTagsByID() []jen.Code {
	if m.tagsByID() == nil {
		return nil
	}
	f := m.tagsField()
	read := m.svc.Structs[m.r.Read.Output].FieldByMember(f.Member)
	return []jen.Code{
		jen.Comment("The read returns the tags; aws: tags never count."),
		jen.If(jen.Qual(managedPkg, "TagsDiffer").Call(desiredTags(), m.tagsFromSDK(read.Type, jen.Id("desc").Dot(read.SDKName)))).Block(
			jen.Id("obs").Dot("Diff").Op("=").Append(jen.Id("obs").Dot("Diff"), jen.Lit(f.JSONName)),
		),
	}
}

// updateTagsByID untags, then tags, what differs from the tags observed.
func (m *managerWriter) updateTagsByID() []jen.Code {
	by := m.tagsByID()
	if by == nil {
		return nil
	}
	f := m.tagsField()
	idField, id := m.source(&model.Member{Name: by.Identifier})
	if idField == nil {
		return nil
	}
	ids := jen.Index().String().Values(jen.Qual(convPkg, "Value").Call(id))
	tagMem, untagMem := member(by.Tag, by.TagsMember), member(by.Untag, by.TagsMember)
	key, _ := m.svc.Structs[untagMem.Type.Elem.Shape].TagMembers()
	keyValue := jen.Qual(convPkg, "Of").Call(jen.Id("k"))
	if key.Type.SDKValue {
		keyValue = jen.Id("k")
	}
	untagElem := m.c.types(untagMem.Type.Elem.Shape)
	return []jen.Code{
		jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(id).Op("!=").Nil()).Block(
			jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			jen.List(jen.Id("set"), jen.Id("remove")).Op(":=").Qual(managedPkg, "TagChanges").Call(desiredTags(),
				jen.Id("specTags").Call(jen.Op("&").Qual(m.c.api, m.r.Kind).Values(jen.Dict{jen.Id("Spec"): jen.Id("observed")}))),
			jen.If(jen.Len(jen.Id("remove")).Op(">").Lit(0)).Block(
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(by.Untag.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, by.Untag.Name+"Input").Values(jen.Dict{
					jen.Id(member(by.Untag, by.ResourcesMember).GoName): ids.Clone(),
					jen.Id(untagMem.GoName): jen.Qual(convPkg, "Slice").Call(jen.Id("remove"), jen.Func().Params(jen.Id("k").String()).Add(untagElem.Clone()).Block(
						jen.Return(untagElem.Clone().Values(jen.Dict{jen.Id(key.SDKName): keyValue})),
					)),
				})), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
			jen.If(jen.Len(jen.Id("set")).Op(">").Lit(0)).Block(
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(by.Tag.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, by.Tag.Name+"Input").Values(jen.Dict{
					jen.Id(member(by.Tag, by.ResourcesMember).GoName): ids.Clone(),
					jen.Id(tagMem.GoName):                             m.tagsToSDK(tagMem.Type, jen.Id("set")),
				})), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
		),
	}
}
