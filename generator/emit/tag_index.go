package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// tagIndexLookup narrows a Finder's list to the resources the tag index
// says carry the tag naming the object: listing by tag filters alone
// makes the service read every resource's tags (EC2, and moto at 1,000
// security groups, a call of 20 s). None found is none made. Without a
// tag naming the object the list goes by the tag filters alone.
func (m *managerWriter) tagIndexLookup(idx *model.TagIndex) jen.Code {
	return jen.If(jen.List(jen.Id("key"), jen.Id("value"), jen.Id("ok")).Op(":=").Qual(managedPkg, "NameTag").Call(jen.Id("ctx")), jen.Id("ok")).Block(
		jen.List(jen.Id("ids"), jen.Err()).Op(":=").Id("m").Dot("taggedIDs").Call(jen.Id("ctx"), jen.Id("key"), jen.Id("value")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(0), jen.Err())),
		jen.If(jen.Len(jen.Id("ids")).Op("==").Lit(0)).Block(jen.Return(jen.Lit(0), jen.Nil())),
		jen.Id("in").Dot(exported(idx.IDs)).Op("=").Id("ids"),
	)
}

// taggedIDsFunc emits taggedIDs, which pages through the tag index for
// the identifiers of the kind's resources carrying one tag.
func (m *managerWriter) taggedIDsFunc(idx *model.TagIndex) jen.Code {
	filter := m.c.types(idx.Filters.Shape)
	s := m.svc.Structs[idx.Filters.Shape]
	name, values := s.FieldByMember(idx.Filters.Name), s.FieldByMember(idx.Filters.Values)
	one := func(n string, v jen.Code) jen.Code {
		return jen.Values(jen.Dict{
			jen.Id(name.SDKName):   jen.Qual(convPkg, "Of").Call(jen.Lit(n)),
			jen.Id(values.SDKName): jen.Index().String().Values(v),
		})
	}
	in := jen.Id("in").Op(":=").Op("&").Qual(m.c.sdk, idx.List.Name+"Input").Values(jen.Dict{
		jen.Id(exported(idx.Filters.Member)): jen.Index().Add(filter).Values(
			one(idx.TypeFilter, jen.Lit(idx.ResourceType)),
			one(idx.KeyFilter, jen.Id("key")),
			one(idx.ValueFilter, jen.Id("value")),
		),
	})
	id := m.svc.Structs[idx.List.Output].FieldByMember(idx.ResourceID)
	got := jen.Id("e").Dot(id.SDKName)
	if !id.Type.SDKValue {
		got = jen.Qual(convPkg, "Value").Call(got)
	}
	each := jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(m.listed(idx.List))).Block(
		jen.Id("ids").Op("=").Append(jen.Id("ids"), got),
	)
	doc := fmt.Sprintf("taggedIDs lists through %s the identifiers of the %s resources carrying the tag key=value.", idx.List.Name, idx.ResourceType)
	out := jen.Null()
	for _, line := range wrapText(doc, 76) {
		out.Comment(line).Line()
	}
	return out.Func().Params(jen.Id("m").Op("*").Id("manager")).Id("taggedIDs").
		Params(jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("key"), jen.Id("value")).String()).
		Params(jen.Index().String(), jen.Error()).Block(
		in,
		jen.Var().Id("ids").Index().String(),
		jen.Err().Op(":=").Qual(managedPkg, "Pages").Call(jen.Id("ctx"), jen.Lit(idx.List.Name),
			jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").Op("*").String()).Params(jen.Op("*").String(), jen.Error()).Block(
				listPage(idx.List, idx.InputToken, idx.OutputToken, each)...)),
		jen.Return(jen.Id("ids"), jen.Err()),
	)
}
