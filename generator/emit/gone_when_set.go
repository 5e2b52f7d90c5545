package emit

import (
	"github.com/dave/jennifer/jen"
)

// goneWhenSet returns no resource when a status field the read fills says
// it is deleted although AWS still returns it (a secret's DeletedDate).
func (m *managerWriter) goneWhenSet(none jen.Code) []jen.Code {
	var code []jen.Code
	for _, member := range m.r.GoneWhenSet {
		f := statusField(m.r, member)
		code = append(code,
			jen.Comment("AWS still returns the resource with "+f.JSONName+" set, but it is gone."),
			jen.If(jen.Id("cr").Dot("Status").Dot(f.GoName).Op("!=").Nil()).Block(jen.Return(none, jen.Nil())),
		)
	}
	return code
}
