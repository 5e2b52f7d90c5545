package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// updateElementCalls adds the elements of each model.ElementCalls field
// that the spec has and the read of this pass lacks, then removes those
// it has and the spec lacks, one call per element: the read already
// returned the list, so nothing is read again.
func (m *managerWriter) updateElementCalls() []jen.Code {
	var body []jen.Code
	for _, f := range m.r.Spec {
		e := f.ElementCalls
		if e == nil {
			continue
		}
		spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
		have := jen.Id("observed").Dot(f.GoName)
		_, guards := m.identifiers(e.Add, jen.Return(jen.Nil()))
		inner := append(guards,
			jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			m.elementLoop(e.Add, e.Member, spec.Clone(), have.Clone()),
			m.elementLoop(e.Remove, e.Member, have.Clone(), spec.Clone()),
		)
		body = append(body,
			jen.Comment(e.Add.Name+" and "+e.Remove.Name+" change "+f.JSONName+" one element per call."),
			jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(inner...))
	}
	return body
}

// elementLoop calls op, one call per element of from that to lacks.
func (m *managerWriter) elementLoop(op *model.Operation, elem string, from, to *jen.Statement) jen.Code {
	ids, _ := m.identifiers(op, jen.Return(jen.Nil()))
	mem := member(op, elem)
	ids[jen.Id(mem.GoName)] = m.stringArg(mem, jen.Id("v"))
	return jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(from)).Block(
		jen.If(jen.Qual("slices", "Contains").Call(to, jen.Id("v"))).Block(jen.Continue()),
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(
			jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(ids)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	)
}
