package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// unsuccessful turns a batch call's answer that lists an item it could
// not process (op.Unsuccessful) into err, carrying the item's code, so
// that a delete's NotFound check and the runtime's error classes see it
// as they would an error answer. Nothing when op has no such list.
func unsuccessful(op *model.Operation) []jen.Code {
	if op.Unsuccessful == "" {
		return nil
	}
	value := func(x jen.Code) jen.Code { return jen.Qual(convPkg, "Value").Call(x) }
	return []jen.Code{
		jen.Comment(op.Name + " answers success with the items it failed on listed."),
		jen.If(jen.Err().Op("==").Nil().Op("&&").Len(jen.Id("out").Dot(op.Unsuccessful)).Op(">").Lit(0)).Block(
			jen.Id("u").Op(":=").Id("out").Dot(op.Unsuccessful).Index(jen.Lit(0)),
			jen.Var().Id("code").Op(",").Id("message").String(),
			jen.If(jen.Id("u").Dot("Error").Op("!=").Nil()).Block(
				jen.List(jen.Id("code"), jen.Id("message")).Op("=").List(
					value(jen.Id("u").Dot("Error").Dot("Code")), value(jen.Id("u").Dot("Error").Dot("Message"))),
			),
			jen.Err().Op("=").Qual(managedPkg, "UnsuccessfulError").Call(
				jen.Lit(op.Name), value(jen.Id("u").Dot("ResourceId")), jen.Id("code"), jen.Id("message")),
		),
	}
}
