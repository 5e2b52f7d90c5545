package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Element sets: a sub-resource whose put adds and whose delete removes
// elements of a list (a security group's rules). compare.Elements diffs
// the spec and AWS's answer in normal form, so AWS's grouping of the
// elements is no difference, and the update sends only the difference.

// elementSetDiffers compares an element set in diffSpec, when the spec
// sets it: unset is no opinion.
func elementSetDiffers(f *model.Field) jen.Code {
	des, obs := jen.Id("desired").Dot(f.GoName), jen.Id("observed").Dot(f.GoName)
	return jen.If(des.Clone().Op("!=").Nil()).Block(
		jen.If(
			jen.List(jen.Id("add"), jen.Id("remove")).Op(":=").Qual(comparePkg, "Elements").Call(des, obs),
			jen.Len(jen.Id("add")).Op("+").Len(jen.Id("remove")).Op(">").Lit(0),
		).Block(jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Lit(f.JSONName))),
	)
}

// updateElementSet removes, in one delete call, the elements AWS has and
// the spec lacks, then adds, in one put call, those the spec has and AWS
// lacks. Removing first lets a changed element (a rule's description)
// be put again, which AWS refuses while the old one is there.
func (m *managerWriter) updateElementSet(s subResource) jen.Code {
	call := func(op *model.Operation, elems string) jen.Code {
		idOp := *op
		idOp.Input = slices.DeleteFunc(slices.Clone(op.Input), func(in *model.Member) bool { return in.Name == s.PutMember })
		ids, guards := m.identifiers(&idOp, jen.Return(jen.Nil()))
		mem := member(op, s.PutMember)
		ids[jen.Id(mem.GoName)] = m.c.toSDK(s.f.Type, mem.Type, jen.Id(elems), true)
		return jen.If(jen.Len(jen.Id(elems)).Op(">").Lit(0)).Block(append(guards, m.putCall(op, ids, false)...)...)
	}
	return jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(s.f.JSONName)).Op("&&").Id("cr").Dot("Spec").Dot(s.f.GoName).Op("!=").Nil()).Block(
		jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
		jen.List(jen.Id("add"), jen.Id("remove")).Op(":=").Qual(comparePkg, "Elements").Call(jen.Id("cr").Dot("Spec").Dot(s.f.GoName), jen.Id("observed").Dot(s.f.GoName)),
		call(s.Delete, "remove"),
		call(s.Put, "add"),
	)
}
