package emit

import "github.com/dave/jennifer/jen"

// observeFailed reports a state AWS does not leave by itself (pending's
// failed values) in the observation; the runtime makes it Terminal, and
// a delete still deletes.
func (m *managerWriter) observeFailed(state jen.Code) []jen.Code {
	p := m.r.Pending
	if p == nil || len(p.Failed) == 0 {
		return nil
	}
	return []jen.Code{
		jen.Comment("AWS does not leave these states by itself."),
		jen.If(jen.Id("v").Op(":=").Add(state),
			jen.Qual("slices", "Contains").Call(stringSlice(p.Failed), jen.Id("v"))).Block(
			jen.Id("obs").Dot("Failed").Op("=").Id("v"),
		),
	}
}
