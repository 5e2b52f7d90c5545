package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// observeGone returns "not found" for a resource the read still returns in
// a state that means deleted (a NAT gateway lingers as deleted), so that a
// delete completes and nothing is compared with a tombstone.
func (m *managerWriter) observeGone(notFound jen.Code) []jen.Code {
	g := m.r.Gone
	if g == nil {
		return nil
	}
	f := m.svc.Structs[m.r.Read.Output].FieldByMember(g.Field)
	value := m.c.fromSDK(&model.Type{Kind: model.String}, f.Type, jen.Id("desc").Dot(f.SDKName), true)
	values := make([]jen.Code, len(g.Values))
	for i, v := range g.Values {
		values[i] = jen.Lit(v)
	}
	return []jen.Code{
		jen.Comment("The read still returns a deleted resource for a while: it is gone."),
		jen.If(jen.Qual("slices", "Contains").Call(jen.Index().String().Values(values...),
			jen.Qual(convPkg, "Value").Call(value))).Block(jen.Return(notFound, jen.Nil())),
	}
}
