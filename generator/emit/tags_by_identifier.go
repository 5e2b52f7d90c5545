package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Tag operations by identifier (Secrets Manager): the read returns the
// tags with the resource, so comparing costs no call, and the tag and
// untag operations take the resource's identifiers instead of its ARN.

// observeTagsRead adds the tags field to the diff when the tags the read
// returned differ from the desired ones (aws: tags aside).
func (m *managerWriter) observeTagsRead() []jen.Code {
	api, f := m.tagAPI(), m.tagsField()
	read := m.svc.Structs[m.r.Read.Output].FieldByMember(api.ListMember)
	return []jen.Code{
		jen.Comment("The read returns the tags; aws: tags never count."),
		jen.If(jen.Qual(managedPkg, "TagsDiffer").Call(desiredTags(), m.tagsFromSDK(read.Type, jen.Id("desc").Dot(read.SDKName)))).Block(
			jen.Id("obs").Dot("Diff").Op("=").Append(jen.Id("obs").Dot("Diff"), jen.Lit(f.JSONName)),
		),
	}
}

// updateTagsByIdentifier untags, then tags, what differs from the tags
// the observation read.
func (m *managerWriter) updateTagsByIdentifier() []jen.Code {
	api, f := m.tagAPI(), m.tagsField()
	call := func(op *model.Operation, member string, value jen.Code) jen.Code {
		ids, guards := jen.Dict{jen.Id(member): value}, []jen.Code{}
		for _, mem := range op.Input {
			if f, x := m.source(mem); f != nil && m.isIdentifier(mem.Name) && compatible(f.Type, mem.Type) {
				ids[jen.Id(mem.GoName)] = m.c.toSDK(f.Type, mem.Type, x, true)
				if f.Class == model.ClassStatus {
					guards = append(guards, jen.If(jen.Add(x).Op("==").Nil()).Block(jen.Return(jen.Nil())))
				}
			}
		}
		return jen.Block(append(guards,
			jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(ids)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		)...)
	}
	tagMem, keysMem := member(api.Tag, api.TagMember), member(api.Untag, api.KeysMember)
	return []jen.Code{
		jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(
			jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			jen.List(jen.Id("set"), jen.Id("remove")).Op(":=").Qual(managedPkg, "TagChanges").Call(desiredTags(),
				jen.Id("specTags").Call(jen.Op("&").Qual(m.c.api, m.r.Kind).Values(jen.Dict{jen.Id("Spec"): jen.Id("observed")}))),
			jen.If(jen.Len(jen.Id("remove")).Op(">").Lit(0)).Add(call(api.Untag, keysMem.GoName, jen.Id("remove"))),
			jen.If(jen.Len(jen.Id("set")).Op(">").Lit(0)).Add(call(api.Tag, tagMem.GoName, m.tagsToSDK(tagMem.Type, jen.Id("set")))),
		),
	}
}
