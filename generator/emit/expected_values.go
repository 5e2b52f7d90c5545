package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// observeExpected makes the observation Failed where the spec states a
// value (model.Resource.Expected) that AWS reports otherwise: Lambda's
// CodeSha256 against spec.code.sha256. The runtime reports it Terminal
// once nothing is left to send, so a spec change still goes out first.
func (m *managerWriter) observeExpected() []jen.Code {
	var body []jen.Code
	for _, e := range m.r.Expected {
		top, status := specFieldOf(m.r, e.Field), statusField(m.r, e.Status)
		if top == nil || status == nil {
			continue
		}
		member := m.svc.Structs[top.Type.Shape].FieldByMember(e.Member)
		want := jen.Id("cr").Dot("Spec").Dot(top.GoName).Dot(member.GoName)
		got := jen.Qual(convPkg, "Value").Call(jen.Id("cr").Dot("Status").Dot(status.GoName))
		body = append(body,
			jen.Comment("spec."+top.JSONName+"."+member.JSONName+" states the "+status.JSONName+" AWS should report."),
			jen.If(
				jen.Id("cr").Dot("Spec").Dot(top.GoName).Op("!=").Nil().Op("&&").Add(want.Clone()).Op("!=").Nil().Op("&&").Op("*").Add(want.Clone()).Op("!=").Add(got.Clone()),
			).Block(
				jen.Id("obs").Dot("Failed").Op("=").Qual("fmt", "Sprintf").Call(
					jen.Lit(status.JSONName+" %q, where spec."+top.JSONName+"."+member.JSONName+" expects %q"), got, jen.Op("*").Add(want),
				),
			),
		)
	}
	return body
}

// specFieldOf is the top-level spec field of a Smithy member name.
func specFieldOf(r *model.Resource, member string) *model.Field {
	for _, f := range r.Spec {
		if f.Member == member {
			return f
		}
	}
	return nil
}
