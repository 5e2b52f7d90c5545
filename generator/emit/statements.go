package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// A collection read from a policy document (model.SubResource.Statements)
// is a keyed collection whose entries the get returns as the statements
// of one JSON document (Lambda's GetPolicy). Observe reads the document
// and turns each statement back into the entry that added it
// (runtime/conv.Statements); Update is that of a collection read with the
// resource: removals, then each changed entry removed and added again,
// then the additions.

// getStatements reads the statements with the get. No policy (HTTP 404 or
// an absent code) is no statements.
func (m *managerWriter) getStatements(s subResource, obsZero jen.Code) []jen.Code {
	ids, guards := m.identifiers(s.Get, jen.Return(obsZero, jen.Nil()))
	field := jen.Id("observed").Dot(s.f.GoName)
	read := jen.If(
		jen.List(jen.Id("got"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.Get.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, s.Get.Name+"Input").Values(ids)),
		absent(s),
	).Block(jen.Add(field.Clone()).Op("=").Nil())
	api, _ := m.entryType(s.f)
	key := s.EntryKeys[0]
	_, elem := m.entryType(s.f)
	sid := jen.Func().Params(jen.Id("e").Op("*").Add(api)).Op("*").String().Block(
		jen.Return(jen.Id("e").Dot(elem.FieldByMember(key).GoName)),
	)
	parse := jen.Qual(convPkg, "Statements").Call(
		jen.Id("got").Dot(exported(s.Statements.Document)), jen.Id("cr").Dot("Spec").Dot(s.f.GoName), sid,
		jen.Func().Params(jen.Id("s").Qual(convPkg, "Statement"), jen.Id("d").Op("*").Add(api)).Add(api).Block(
			jen.Return(jen.Add(api).Values(m.statementEntry(s, elem))),
		),
	)
	return append(guards, m.failedRead(s, obsZero, read).Else().If(
		jen.List(field.Clone(), jen.Err()).Op("=").Add(parse),
		jen.Err().Op("!=").Nil(),
	).Block(
		jen.Return(obsZero, jen.Qual("fmt", "Errorf").Call(jen.Lit(s.Get.Name+" of "+s.f.JSONName+": %w"), jen.Err())),
	))
}

// statementEntry fills each member of an entry from the statement s: the
// key from its Sid, an unread member from the desired entry d.
func (m *managerWriter) statementEntry(s subResource, elem *model.Struct) jen.Dict {
	values := jen.Dict{}
	for _, f := range elem.Fields {
		var v jen.Code
		switch {
		case f.Member == s.EntryKeys[0]:
			v = jen.Id("s").Dot("Sid").Call()
		case slices.Contains(s.Statements.Unread, f.Member):
			v = jen.Id("d").Dot(f.GoName)
		case f.Type.Kind == model.Bool:
			v = jen.Id("s").Dot("Bool").Call(jen.Lit(f.Member))
		default:
			v = jen.Id("s").Dot("Value").Call(jen.Lit(f.Member), jen.Id("d").Dot(f.GoName))
		}
		values[jen.Id(f.GoName)] = v
	}
	return values
}
