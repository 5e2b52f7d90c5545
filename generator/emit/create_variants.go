package emit

import "github.com/dave/jennifer/jen"

// Create variants: operations that make the resource instead of the
// create (RDS's restores from a snapshot), each while the spec sets its
// When field. The first set wins, in generator.yaml's order by name.

// createVariantCalls hands Create to the variant whose field is set.
func (m *managerWriter) createVariantCalls() []jen.Code {
	var body []jen.Code
	for _, v := range m.r.CreateVariants {
		body = append(body, jen.If(jen.Id("cr").Dot("Spec").Dot(v.When.GoName).Op("!=").Nil()).Block(
			jen.Return(jen.Id("m").Dot(createVariantName(v.Operation.Name)).Call(jen.Id("ctx"), jen.Id("cr"))),
		))
	}
	return body
}

// createVariantFuncs are the methods calling each variant.
func (m *managerWriter) createVariantFuncs() []jen.Code {
	var out []jen.Code
	for _, v := range m.r.CreateVariants {
		out = append(out, jen.Line(),
			jen.Comment(createVariantName(v.Operation.Name)+" makes the resource by "+v.Operation.Name+", as the spec's "+v.When.JSONName+" asks."),
			m.method(createVariantName(v.Operation.Name), nil, jen.Error(), m.createBody(v.Operation)...))
	}
	return out
}

func createVariantName(op string) string { return "createBy" + op }
