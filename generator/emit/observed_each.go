package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// observeEach sets observed.<f> from the list of structures its
// ObservedPath ends at: the strings the elements hold at ObservedEach's
// member, less the skipped elements; a string field takes the one the spec
// names, else the first. Structures on the way are checked for nil.
func (m *managerWriter) observeEach(f *model.Field, out *model.Struct) jen.Code {
	e := f.ObservedEach
	elem := m.svc.Structs[e.Elem]
	x := jen.Id("desc")
	var guards []jen.Code
	s := out
	for _, p := range f.ObservedPath {
		mem := s.FieldByMember(p)
		x = x.Clone().Dot(mem.SDKName)
		if mem.Type.Kind == model.Structure {
			guards = append(guards, x.Clone().Op("!=").Nil())
			s = m.svc.Structs[mem.Type.Shape]
		}
	}
	value := elem.FieldByMember(e.Member)
	el := jen.Id("e").Dot(value.SDKName)
	add := jen.Id("values").Op("=").Append(jen.Id("values"), elementString(value, el))
	keep := []jen.Code{}
	if value.Type.Kind != model.Enum {
		keep = append(keep, el.Clone().Op("!=").Nil())
	}
	if e.Skip != nil {
		sm := elem.FieldByMember(e.Skip.Member)
		var skipped []jen.Code
		for _, v := range e.Skip.Values {
			skipped = append(skipped, jen.Lit(v))
		}
		keep = append(keep, jen.Op("!").Qual("slices", "Contains").Call(
			jen.Index().String().Values(skipped...), elementString(sm, jen.Id("e").Dot(sm.SDKName))))
	}
	var body jen.Code = add
	if len(keep) > 0 {
		body = jen.If(all(keep)).Block(add)
	}
	var loop jen.Code = jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(x)).Block(body)
	if len(guards) > 0 {
		loop = jen.If(all(guards)).Block(loop)
	}
	var set jen.Code = jen.Id("observed").Dot(f.GoName).Op("=").Id("values")
	if f.Type.Kind != model.List {
		set = jen.Id("observed").Dot(f.GoName).Op("=").Qual(convPkg, "OneOf").Call(jen.Id("values"), jen.Id("cr").Dot("Spec").Dot(f.GoName))
	}
	return jen.Comment(fmt.Sprintf("%s is read at %s.", f.JSONName, f.ObservedAtText())).Line().Block(
		jen.Var().Id("values").Index().String(),
		loop,
		set,
	)
}

// elementString is the string an element's string or enum member x holds.
func elementString(f *model.Field, x *jen.Statement) jen.Code {
	if f.Type.Kind == model.Enum {
		return jen.String().Call(x)
	}
	return jen.Qual(convPkg, "Value").Call(x)
}

// all joins conditions with &&.
func all(conds []jen.Code) *jen.Statement {
	out := jen.Add(conds[0])
	for _, c := range conds[1:] {
		out = out.Op("&&").Add(c)
	}
	return out
}
