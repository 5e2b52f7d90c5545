package emit

import "github.com/dave/jennifer/jen"

// deleteFlags adds to the delete input each boolean member set from an
// annotation on the object.
func (m *managerWriter) deleteFlags(in jen.Dict) {
	for _, f := range m.r.DeleteFlags {
		var v jen.Code = jen.Qual(managedPkg, "AnnotationTrue").Call(jen.Id("cr"), jen.Lit(f.Annotation))
		if !f.SDKValue {
			v = jen.Qual("github.com/aws/aws-sdk-go-v2/aws", "Bool").Call(v)
		}
		in[jen.Id(f.GoName)] = v
	}
}
