package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// listed is the list of resources a listing operation's output holds:
// the list its output path leads to, or, where that lists groups
// (DescribeInstances' Reservations), the groups' lists joined.
func (m *managerWriter) listed(op *model.Operation) *jen.Statement {
	if op.Grouped == "" {
		return unwrap(op)
	}
	types := m.c.sdk + "/types"
	return jen.Qual(convPkg, "Flatten").Call(unwrap(op),
		jen.Func().Params(jen.Id("g").Qual(types, exported(op.GroupShape))).Index().Qual(types, exported(op.Output)).Block(
			jen.Return(jen.Id("g").Dot(op.Grouped)),
		))
}

// described is the resource description in a create's or read's output:
// the member its output path leads to, or the first element of that list
// (RunInstances' Instances), nil when the list is empty.
func (m *managerWriter) described(op *model.Operation) (pre []jen.Code, desc jen.Code) {
	if !op.First {
		return nil, unwrap(op)
	}
	list := unwrap(op)
	return []jen.Code{
		jen.Var().Id("desc").Op("*").Qual(m.c.sdk+"/types", exported(op.Output)),
		jen.If(jen.Len(list).Op(">").Lit(0)).Block(jen.Id("desc").Op("=").Op("&").Add(list.Clone()).Index(jen.Lit(0))),
	}, jen.Id("desc")
}
