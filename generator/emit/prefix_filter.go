package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// named narrows what a read listed by a name prefix (DescribeLogGroups'
// logGroupNamePrefix) to the element whose identifier is the resource's
// exactly: a group "app" must not take "app-2" for itself. Any other
// filter's answer is returned as it is.
func (m *managerWriter) named(op *model.Operation, list jen.Code) jen.Code {
	if op.Filter == nil || !op.Filter.Prefix {
		return list
	}
	f, want := m.source(&model.Member{Name: op.Filter.Identifier})
	elem := m.svc.Structs[op.Output].FieldByMember(op.Filter.Identifier)
	if f == nil || elem == nil {
		panic("the prefix filter " + op.Filter.Member + " of " + op.Name + " has no identifier " + op.Filter.Identifier + " in the spec and the listed elements")
	}
	return jen.Qual("slices", "DeleteFunc").Call(list, jen.Func().Params(jen.Id("d").Qual(m.c.sdk+"/types", exported(op.Output))).Bool().Block(
		jen.Return(jen.Qual(convPkg, "Value").Call(jen.Id("d").Dot(elem.SDKName)).Op("!=").Qual(convPkg, "Value").Call(want)),
	))
}
