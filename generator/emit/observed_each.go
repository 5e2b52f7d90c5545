package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// assignEach sets observed.<field> to the string member path[1] of every
// element of the list path[0] below x (model.Field.ObservedEach).
func (m *managerWriter) assignEach(f *model.Field, in *model.Struct, x *jen.Statement, path []string) jen.Code {
	list := in.FieldByMember(path[0])
	mem := m.svc.Structs[list.Type.Elem.Shape].FieldByMember(path[1])
	var value jen.Code = jen.Id("e").Dot(mem.SDKName)
	if !mem.Type.SDKValue {
		value = jen.Qual(convPkg, "Value").Call(value)
	}
	each := jen.Func().Params(jen.Id("e").Add(m.c.types(list.Type.Elem.Shape))).String().Block(jen.Return(value))
	return jen.Id("observed").Dot(f.GoName).Op("=").Qual(convPkg, "Slice").Call(x.Clone().Dot(list.SDKName), each)
}
