package emit

import "github.com/dave/jennifer/jen"

// observePendingValues takes, for each spec field AWS reports a pending
// value of, that value as observed: the desired value already pending
// is no difference, so the update is not sent again while AWS works.
func (m *managerWriter) observePendingValues() []jen.Code {
	p := m.r.PendingValues
	if p == nil {
		return nil
	}
	holder := m.svc.Structs[m.r.Read.Output].FieldByMember(p.Member)
	pending := m.svc.Structs[p.Shape]
	var sets []jen.Code
	for _, v := range p.Fields {
		mem := pending.FieldByMember(v.Member)
		value := m.c.fromSDK(v.Field.Type, mem.Type, jen.Id("pending").Dot(mem.SDKName), true)
		sets = append(sets, jen.If(jen.Id("v").Op(":=").Add(value), jen.Id("v").Op("!=").Nil()).Block(
			jen.Id("observed").Dot(v.Field.GoName).Op("=").Id("v"),
		))
	}
	return []jen.Code{
		jen.Comment("A value AWS has yet to apply counts as observed: asking for it again changes nothing."),
		jen.If(jen.Id("pending").Op(":=").Id("desc").Dot(holder.SDKName), jen.Id("pending").Op("!=").Nil()).Block(sets...),
	}
}
