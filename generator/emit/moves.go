package emit

import (
	"maps"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Moves: a spec list of structures the read returns with the resource,
// each naming another resource that always belongs to exactly one of
// this kind (a subnet to one network ACL). Comparing costs no call. One
// call moves an element here, replacing the association a filtered read
// finds; a dropped element, and every element before the delete, goes
// back to its home, which another filtered read finds.

// moved are the spec fields with moves.
func (m *managerWriter) moved() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.Move != nil {
			out = append(out, f)
		}
	}
	return out
}

func findMovedName(f *model.Field) string { return "find" + f.GoName }
func homeMovedName(f *model.Field) string { return "home" + f.GoName }

// moveKey is the key name and key function of a moved list's elements.
func (g *Gen) moveKey(f *model.Field) (string, jen.Code) {
	api, elem := g.entryType(f)
	key := elem.FieldByMember(f.Move.Member)
	return key.JSONName, jen.Func().Params(jen.Id("e").Op("*").Add(api)).String().Block(
		jen.Return(jen.Qual(convPkg, "Value").Call(jen.Id("e").Dot(key.GoName))),
	)
}

// readFiltered calls the read with filters, a map from filter name to a
// string expression, sorted by name.
func (m *managerWriter) readFiltered(mv *model.Move, filters map[string]jen.Code) jen.Code {
	tf := mv.Filters
	fs := m.svc.Structs[tf.Shape]
	var list []jen.Code
	for _, name := range slices.Sorted(maps.Keys(filters)) {
		list = append(list, m.c.types(tf.Shape).Values(jen.Dict{
			jen.Id(fs.FieldByMember(tf.Name).SDKName):   jen.Qual(convPkg, "Of").Call(jen.Lit(name)),
			jen.Id(fs.FieldByMember(tf.Values).SDKName): jen.Index().String().Values(filters[name]),
		}))
	}
	return jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(m.r.Read.Name).Call(jen.Id("ctx"),
		jen.Op("&").Qual(m.c.sdk, m.r.Read.Name+"Input").Values(jen.Dict{
			jen.Id(exported(tf.Member)): jen.Index().Add(m.c.types(tf.Shape)).Values(list...),
		}))
}

// moveFuncs are, per moved field, the method finding the association
// that holds an element now and the one moving associations home.
func (m *managerWriter) moveFuncs() []jen.Code {
	var out []jen.Code
	for _, f := range m.moved() {
		out = append(out, jen.Line(), m.findMovedFunc(f), jen.Line(), m.homeMovedFunc(f))
	}
	return out
}

func (m *managerWriter) findMovedFunc(f *model.Field) jen.Code {
	mv := f.Move
	elem := m.svc.Structs[f.Type.Elem.Shape]
	list := m.svc.Structs[m.r.Read.Output].FieldByMember(f.Member)
	key, assoc := elem.FieldByMember(mv.Member), elem.FieldByMember(mv.AssociationMember)
	return jen.Comment(findMovedName(f)+" finds the association holding the one named v now, by "+m.r.Read.Name+" filtered on "+mv.Find+".").Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id(findMovedName(f)).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("v").String(),
	).Params(jen.Op("*").String(), jen.Error()).Block(
		m.readFiltered(mv, map[string]jen.Code{mv.Find: jen.Id("v")}),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(unwrap(m.r.Read))).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("a")).Op(":=").Range().Id("x").Dot(list.SDKName)).Block(
				jen.If(jen.Qual(convPkg, "Value").Call(jen.Id("a").Dot(key.SDKName)).Op("==").Id("v")).Block(
					jen.Return(jen.Id("a").Dot(assoc.SDKName), jen.Nil()),
				),
			),
		),
		jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(m.r.Read.Name+" filtered on "+mv.Find+" %s finds no association"), jen.Id("v"))),
	)
}

func (m *managerWriter) homeMovedFunc(f *model.Field) jen.Code {
	mv := f.Move
	filters := map[string]jen.Code{}
	for name, v := range mv.Home {
		filters[name] = jen.Lit(v)
	}
	for name, member := range mv.HomeFrom {
		_, x := m.source(&model.Member{Name: member})
		filters[name] = jen.Qual(convPkg, "Value").Call(x)
	}
	names := strings.Join(slices.Sorted(maps.Keys(filters)), ", ")
	id := m.svc.Structs[m.r.Read.Output].FieldByMember(mv.ReplaceID)
	return jen.Comment(homeMovedName(f)+" moves the associations assocs back home, to what "+m.r.Read.Name+" filtered on "+names+" finds.").Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id(homeMovedName(f)).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("cr").Op("*").Qual(m.c.api, m.r.Kind), jen.Id("assocs").Index().Op("*").String(),
	).Error().Block(
		jen.If(jen.Len(jen.Id("assocs")).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		m.readFiltered(mv, filters),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Id("found").Op(":=").Add(unwrap(m.r.Read)),
		jen.If(jen.Len(jen.Id("found")).Op("==").Lit(0)).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(m.r.Read.Name+" filtered on "+names+" finds no home for the "+f.JSONName))),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("a")).Op(":=").Range().Id("assocs")).Block(
			m.replaceCall(mv, jen.Id("a"), jen.Id("found").Index(jen.Lit(0)).Dot(id.SDKName)),
		),
		jen.Return(jen.Nil()),
	)
}

// replaceCall moves the association assoc to the resource named id.
func (m *managerWriter) replaceCall(mv *model.Move, assoc, id jen.Code) jen.Code {
	in := jen.Op("&").Qual(m.c.sdk, mv.Replace.Name+"Input").Values(jen.Dict{
		jen.Id(member(mv.Replace, mv.ReplaceAssociation).GoName): assoc,
		jen.Id(member(mv.Replace, mv.ReplaceID).GoName):          id,
	})
	return jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(mv.Replace.Name).Call(jen.Id("ctx"), in),
		jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
}

// updateMoves sends home the elements the spec lacks, then moves here
// those AWS lacks.
func (m *managerWriter) updateMoves() []jen.Code {
	var body []jen.Code
	for _, f := range m.moved() {
		mv := f.Move
		_, id := m.source(&model.Member{Name: mv.ReplaceID})
		api, elem := m.entryType(f)
		key, assoc := elem.FieldByMember(mv.Member), elem.FieldByMember(mv.AssociationMember)
		_, keyFunc := m.moveKey(f)
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(id).Op("!=").Nil()).Block(
			jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			jen.List(jen.Id("add"), jen.Id("_"), jen.Id("remove")).Op(":=").Qual(comparePkg, "KeyedPlan").Call(
				jen.Id("cr").Dot("Spec").Dot(f.GoName), jen.Id("observed").Dot(f.GoName), keyFunc,
				jen.Func().Params(jen.List(jen.Id("_"), jen.Id("_")).Op("*").Add(api)).Bool().Block(jen.Return(jen.False())),
			),
			jen.If(jen.Err().Op(":=").Id("m").Dot(homeMovedName(f)).Call(jen.Id("ctx"), jen.Id("cr"),
				jen.Qual(convPkg, "Slice").Call(jen.Id("remove"), jen.Func().Params(jen.Id("e").Add(api)).Op("*").String().Block(
					jen.Return(jen.Id("e").Dot(assoc.GoName)),
				))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("add")).Block(
				jen.List(jen.Id("assoc"), jen.Err()).Op(":=").Id("m").Dot(findMovedName(f)).Call(jen.Id("ctx"), jen.Qual(convPkg, "Value").Call(jen.Id("e").Dot(key.GoName))),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				m.replaceCall(mv, jen.Id("assoc"), id),
			),
		))
	}
	return body
}

// moveAllHome sends every element the read lists home before the delete,
// while the spec sets the field: AWS refuses to delete what is in use.
func (m *managerWriter) moveAllHome() []jen.Code {
	var body []jen.Code
	for _, f := range m.moved() {
		mv := f.Move
		_, id := m.source(&model.Member{Name: mv.ReplaceID})
		ids, _ := m.identifiers(m.r.Read, jen.Return(jen.Nil()))
		list := m.svc.Structs[m.r.Read.Output].FieldByMember(f.Member)
		elem := m.svc.Structs[f.Type.Elem.Shape]
		assoc := elem.FieldByMember(mv.AssociationMember)
		notFound := []jen.Code{jen.Err()}
		for _, c := range m.r.NotFoundCodes {
			notFound = append(notFound, jen.Lit(c))
		}
		body = append(body,
			jen.Comment("AWS refuses to delete what the "+f.JSONName+" still use: they go home first."),
			jen.If(jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil().Op("&&").Add(id).Op("!=").Nil()).Block(
				jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(m.r.Read.Name).Call(jen.Id("ctx"),
					jen.Op("&").Qual(m.c.sdk, m.r.Read.Name+"Input").Values(ids)),
				jen.If(jen.Err().Op("!=").Nil().Op("&&").Op("!").Qual(managedPkg, "HasErrorCode").Call(notFound...)).Block(jen.Return(jen.Err())),
				jen.If(jen.Err().Op("==").Nil()).Block(
					jen.Var().Id("assocs").Index().Op("*").String(),
					jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(unwrap(m.r.Read))).Block(
						jen.For(jen.List(jen.Id("_"), jen.Id("a")).Op(":=").Range().Id("x").Dot(list.SDKName)).Block(
							jen.Id("assocs").Op("=").Append(jen.Id("assocs"), jen.Id("a").Dot(assoc.SDKName)),
						),
					),
					jen.If(jen.Err().Op(":=").Id("m").Dot(homeMovedName(f)).Call(jen.Id("ctx"), jen.Id("cr"), jen.Id("assocs")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				),
			),
		)
	}
	return body
}
