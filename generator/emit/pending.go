package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// pendingState is the value of the status field that says whether AWS is
// still working on the resource or has it gone: the field itself, or,
// along p.Path, a member inside it (a VPC peering's Status.Code). A
// nested value is read into state by pre, "" where a structure is unset.
func (m *managerWriter) pendingState(p *model.Pending) (pre []jen.Code, value jen.Code) {
	f := statusField(m.r, p.Field)
	x := jen.Id("cr").Dot("Status").Dot(f.GoName)
	if len(p.Path) == 0 {
		return nil, jen.Qual(convPkg, "Value").Call(x)
	}
	// Walk the structures, each step guarded against an unset one.
	s := m.svc.Structs[f.Type.Shape]
	var leaf jen.Code
	var steps []string
	for i, member := range p.Path {
		sf := s.FieldByMember(member)
		steps = append(steps, sf.GoName)
		if i < len(p.Path)-1 {
			s = m.svc.Structs[sf.Type.Shape]
		}
	}
	at := func(i int) *jen.Statement { return jen.Id("s" + string(rune('0'+i))) }
	leaf = jen.Id("state").Op("=").Qual(convPkg, "Value").Call(at(len(steps) - 1).Dot(steps[len(steps)-1]))
	for i := len(steps) - 1; i >= 0; i-- {
		from := jen.Add(x)
		if i > 0 {
			from = at(i - 1).Dot(steps[i-1])
		}
		leaf = jen.If(at(i).Op(":=").Add(from), at(i).Op("!=").Nil()).Block(leaf)
	}
	return []jen.Code{jen.Var().Id("state").String(), leaf}, jen.Id("state")
}
