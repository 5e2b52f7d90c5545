package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// scanRead reads the resource through a list that cannot filter by its
// identifiers: page by page, through managed.Pages, until the element
// whose identifiers equal the object's, which desc then points at (nil
// when no page has it). A not-found error means no resource.
func (m *managerWriter) scanRead(obsZero jen.Code) []jen.Code {
	op := m.r.Read
	ids, guards := m.identifiers(op, jen.Return(obsZero, jen.Nil()))
	elem := m.svc.Structs[op.Output]
	match := jen.Null()
	for i, id := range op.Scan.Members {
		_, want := m.source(&model.Member{Name: id})
		eq := jen.Qual(convPkg, "Value").Call(jen.Id("e").Dot(elem.FieldByMember(id).SDKName)).Op("==").Qual(convPkg, "Value").Call(want)
		if i > 0 {
			match = match.Op("&&")
		}
		match = match.Add(eq)
	}
	each := jen.For(jen.Id("i").Op(":=").Range().Add(m.listed(op))).Block(
		jen.If(jen.Id("e").Op(":=").Op("&").Add(m.listed(op)).Index(jen.Id("i")), match).Block(
			jen.Id("desc").Op("=").Id("e"),
			jen.Return(jen.Nil(), jen.Nil()),
		),
	)
	page := listPage(op, op.Scan.InputToken, op.Scan.OutputToken, each)
	_, elemType := m.outputType(op)
	body := append(guards,
		jen.Comment(op.Name+" cannot filter by the identifiers: read page by page until the one."),
		jen.Id("in").Op(":=").Op("&").Qual(m.c.sdk, op.Name+"Input").Values(ids),
		jen.Var().Id("desc").Op("*").Add(elemType),
		jen.Err().Op(":=").Qual(managedPkg, "Pages").Call(jen.Id("ctx"), jen.Lit(op.Name),
			jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").Op("*").String()).Params(jen.Op("*").String(), jen.Error()).Block(page...)),
	)
	if len(m.r.NotFoundCodes) > 0 {
		codes := []jen.Code{jen.Err()}
		for _, c := range m.r.NotFoundCodes {
			codes = append(codes, jen.Lit(c))
		}
		body = append(body, jen.If(jen.Qual(managedPkg, "HasErrorCode").Call(codes...)).Block(jen.Return(obsZero, jen.Nil())))
	}
	return append(body,
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
		jen.If(jen.Id("desc").Op("==").Nil()).Block(jen.Return(obsZero, jen.Nil())),
	)
}
