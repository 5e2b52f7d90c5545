package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Associations: a list field whose first element the create takes and
// whose others operations of their own add and remove one per call (a
// VPC's CIDR blocks). The read lists the associations, so comparing
// costs no call; one going or gone does not count.

// associated are the spec fields with associations.
func (m *managerWriter) associated() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.Associations != nil {
			out = append(out, f)
		}
	}
	return out
}

// observeAssociations adds the associated elements the read lists to the
// observed field, after the one the create took.
func (m *managerWriter) observeAssociations(f *model.Field) []jen.Code {
	a := f.Associations
	if a == nil {
		return nil
	}
	list := m.svc.Structs[m.r.Read.Output].FieldByMember(a.ObservedAt)
	elem := m.svc.Structs[list.Type.Elem.Shape]
	value := elem.FieldByMember(a.ElemValue)
	field := jen.Id("observed").Dot(f.GoName)
	v := jen.Qual(convPkg, "Value").Call(jen.Id("a").Dot(value.SDKName))
	if value.Type.SDKValue {
		v = jen.Id("a").Dot(value.SDKName)
	}
	loop := []jen.Code{}
	if gone := m.goneCheck(a, elem, jen.Id("a"), false); gone != nil {
		loop = append(loop, jen.If(gone).Block(jen.Continue()))
	}
	loop = append(loop, jen.If(jen.Id("v").Op(":=").Add(v), jen.Id("v").Op("!=").Lit("").Op("&&").Op("!").Qual("slices", "Contains").Call(field.Clone(), jen.Id("v"))).Block(
		field.Clone().Op("=").Append(field.Clone(), jen.Id("v")),
	))
	return []jen.Code{
		jen.Comment(a.ObservedAt + " lists the " + f.JSONName + " associated after create."),
		jen.For(jen.List(jen.Id("_"), jen.Id("a")).Op(":=").Range().Id("desc").Dot(list.SDKName)).Block(loop...),
	}
}

// goneCheck is the condition that the association x is going or gone,
// nil when its state cannot tell. x is an SDK value, or with status the
// custom resource's status type.
func (m *managerWriter) goneCheck(a *model.Associations, elem *model.Struct, x *jen.Statement, status bool) jen.Code {
	if len(a.StatePath) != 2 || len(a.Gone) == 0 {
		return nil
	}
	outer := elem.FieldByMember(a.StatePath[0])
	inner := m.svc.Structs[outer.Type.Shape].FieldByMember(a.StatePath[1])
	name := func(f *model.Field) string {
		if status {
			return f.GoName
		}
		return f.SDKName
	}
	holder := x.Clone().Dot(name(outer))
	state := jen.String().Call(holder.Clone().Dot(name(inner)))
	if status {
		state = jen.Qual(convPkg, "Value").Call(holder.Clone().Dot(name(inner)))
	}
	return jen.Add(holder).Op("!=").Nil().Op("&&").Qual("slices", "Contains").Call(stringSlice(a.Gone), state)
}

// associate adds the element v.
func (m *managerWriter) associate(a *model.Associations) jen.Code {
	ids, guards := m.identifiers(a.Associate, jen.Return(jen.Nil()))
	mem := member(a.Associate, a.ValueMember)
	v := jen.Qual(convPkg, "Of").Call(jen.Id("v"))
	if mem.Type.SDKValue {
		v = jen.Id("v")
	}
	ids[jen.Id(mem.GoName)] = v
	return jen.Block(append(guards,
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(a.Associate.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, a.Associate.Name+"Input").Values(ids)),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	)...)
}

// updateAssociations adds the elements the spec has and AWS lacks, then
// removes, by the identifiers the status lists, those AWS has and the spec
// does not.
func (m *managerWriter) updateAssociations() []jen.Code {
	var body []jen.Code
	for _, f := range m.associated() {
		a := f.Associations
		spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
		status := statusField(m.r, a.ObservedAt)
		elem := m.svc.Structs[status.Type.Elem.Shape]
		value, id := elem.FieldByMember(a.ElemValue), elem.FieldByMember(a.ElemID)
		remove := jen.Op("!").Qual("slices", "Contains").Call(spec.Clone(), jen.Qual(convPkg, "Value").Call(jen.Id("a").Dot(value.GoName)))
		if gone := m.goneCheck(a, elem, jen.Id("a"), true); gone != nil {
			remove = remove.Op("&&").Op("!").Parens(gone)
		}
		disassociate := jen.Op("&").Qual(m.c.sdk, a.Disassociate.Name+"Input").Values(jen.Dict{
			jen.Id(member(a.Disassociate, a.ElemID).GoName): jen.Id("a").Dot(id.GoName),
		})
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(
			jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(spec.Clone())).Block(
				jen.If(jen.Op("!").Qual("slices", "Contains").Call(jen.Id("observed").Dot(f.GoName), jen.Id("v"))).Block(m.associate(a)),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("a")).Op(":=").Range().Id("cr").Dot("Status").Dot(status.GoName)).Block(
				jen.If(remove).Block(
					jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(a.Disassociate.Name).Call(jen.Id("ctx"), disassociate),
						jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				),
			),
		))
	}
	return body
}
