package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Add-remove sets: a list of strings that an operation of its own changes
// by the elements to add and to remove (an endpoint service's allowed
// principals), and another lists. The list is read only while the field
// is set or the resource is not owned yet (adoption sees all); an update
// sends the set difference against it in one call.

// addRemoveSets are the spec fields with AddRemoveSet.
func (m *managerWriter) addRemoveSets() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.AddRemoveSet != nil {
			out = append(out, f)
		}
	}
	return out
}

// listSetName is the method listing f's elements.
func listSetName(f *model.Field) string { return "list" + f.GoName }

// listSetFuncs are the methods listing each add-remove set's elements.
func (m *managerWriter) listSetFuncs() []jen.Code {
	var out []jen.Code
	for _, f := range m.addRemoveSets() {
		out = append(out, jen.Line(), m.listSetFunc(f))
	}
	return out
}

func (m *managerWriter) listSetFunc(f *model.Field) jen.Code {
	s := f.AddRemoveSet
	in := jen.Op("&").Qual(m.c.sdk, s.List.Name+"Input").Values(jen.Dict{
		jen.Id(member(s.List, s.IDMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("id")),
	})
	// Nested loops down the path of lists to the strings.
	st := m.svc.Structs[s.List.Output]
	x := jen.Id("out")
	var loops []func(jen.Code) jen.Code
	for i, p := range s.ObservedAt[:len(s.ObservedAt)-1] {
		mem := st.FieldByMember(p)
		v := jen.Id("x" + string(rune('0'+i)))
		src := x.Clone().Dot(mem.SDKName)
		loops = append(loops, func(inner jen.Code) jen.Code {
			return jen.For(jen.List(jen.Id("_"), v.Clone()).Op(":=").Range().Add(src)).Block(inner)
		})
		x, st = v, m.svc.Structs[mem.Type.Elem.Shape]
	}
	value := x.Clone().Dot(st.FieldByMember(s.ObservedAt[len(s.ObservedAt)-1]).SDKName)
	var body jen.Code = jen.If(value.Clone().Op("!=").Nil()).Block(
		jen.Id("values").Op("=").Append(jen.Id("values"), jen.Op("*").Add(value.Clone())),
	)
	for i := len(loops) - 1; i >= 0; i-- {
		body = loops[i](body)
	}
	return jen.Comment(listSetName(f)+" lists the "+f.JSONName+" of the resource id, by "+s.List.Name+", sorted.").Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id(listSetName(f)).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("id").String(),
	).Params(jen.Index().String(), jen.Error()).Block(
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.List.Name).Call(jen.Id("ctx"), in),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("values").Op(":=").Index().String().Values(),
		body,
		jen.Qual("slices", "Sort").Call(jen.Id("values")),
		jen.Return(jen.Id("values"), jen.Nil()),
	)
}

// setID is the resource's identifier the set's operations take.
func (m *managerWriter) setID(s *model.AddRemoveSet) jen.Code {
	_, x := m.source(&model.Member{Name: s.IDMember})
	return x
}

// observeAddRemoveSets reads each add-remove set into observed when its
// answer matters.
func (m *managerWriter) observeAddRemoveSets(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, f := range m.addRemoveSets() {
		id := m.setID(f.AddRemoveSet)
		cond := jen.Parens(jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil().
			Op("||").Op("!").Qual(managedPkg, "Owned").Call(jen.Id("cr")))
		body = append(body,
			jen.Comment(f.AddRemoveSet.List.Name+" lists the "+f.JSONName+"; one call, made only while the answer matters."),
			jen.If(cond.Op("&&").Add(id).Op("!=").Nil()).Block(
				jen.List(jen.Id("values"), jen.Err()).Op(":=").Id("m").Dot(listSetName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id)),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
				jen.Id("observed").Dot(f.GoName).Op("=").Id("values"),
			),
		)
	}
	return body
}

// updateAddRemoveSets lists each differing set again and sends, in one
// call, the elements the spec adds and those it lacks.
func (m *managerWriter) updateAddRemoveSets() []jen.Code {
	var body []jen.Code
	for _, f := range m.addRemoveSets() {
		s := f.AddRemoveSet
		id := m.setID(s)
		spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
		modify := jen.Op("&").Qual(m.c.sdk, s.Modify.Name+"Input").Values(jen.Dict{
			jen.Id(member(s.Modify, s.IDMember).GoName): id,
			jen.Id(s.Add):    jen.Id("add"),
			jen.Id(s.Remove): jen.Id("remove"),
		})
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(id).Op("!=").Nil()).Block(
			jen.List(jen.Id("have"), jen.Err()).Op(":=").Id("m").Dot(listSetName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Var().Id("add").Op(",").Id("remove").Index().String(),
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(spec.Clone())).Block(
				jen.If(jen.Op("!").Qual("slices", "Contains").Call(jen.Id("have"), jen.Id("v"))).Block(
					jen.Id("add").Op("=").Append(jen.Id("add"), jen.Id("v")),
				),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("have")).Block(
				jen.If(jen.Op("!").Qual("slices", "Contains").Call(spec.Clone(), jen.Id("v"))).Block(
					jen.Id("remove").Op("=").Append(jen.Id("remove"), jen.Id("v")),
				),
			),
			jen.If(jen.Len(jen.Id("add")).Op("+").Len(jen.Id("remove")).Op(">").Lit(0)).Block(
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.Modify.Name).Call(jen.Id("ctx"), modify),
					jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
		))
	}
	return body
}
