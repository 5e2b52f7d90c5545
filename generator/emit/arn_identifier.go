package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// A kind whose operations take its ARN (an IAM policy's PolicyArn) keeps
// it where every kind keeps its ARN, status.ackResourceMetadata.arn: the
// create records it there from its answer, and the read, update and
// delete take it from there.

// arnSource is the ARN, when mem is an identifier held by it.
func (m *managerWriter) arnSource(mem *model.Member) (*model.Field, jen.Code) {
	for _, id := range m.r.Identifiers {
		if id.Member == mem.Name && id.ARN {
			f := &model.Field{Member: id.Field, Type: &model.Type{Kind: model.String}, Class: model.ClassStatus}
			return f, jen.Qual(managedPkg, "ARN").Call(jen.Id("cr"))
		}
	}
	return nil, nil
}

// recordARN records the ARN from the create's answer desc, when an
// identifier is the ARN and the answer holds it.
func (m *managerWriter) recordARN(desc jen.Code) []jen.Code {
	r := m.r
	if r.ARNMember == "" || r.Create.Output == "" {
		return nil
	}
	arn := m.svc.Structs[r.Create.Output].FieldByMember(r.ARNMember)
	if arn == nil || arn.Type.Kind != model.String {
		return nil
	}
	for _, id := range r.Identifiers {
		if id.ARN {
			return []jen.Code{
				jen.Comment("The read that follows finds the resource by its ARN."),
				jen.If(jen.Add(desc).Op("!=").Nil()).Block(
					jen.Qual(managedPkg, "SetARN").Call(jen.Id("cr"), jen.Add(desc).Dot(arn.SDKName)),
				),
			}
		}
	}
	return nil
}
