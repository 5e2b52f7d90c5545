package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// observeFailed sets the observation's Failed while the status field
// holds a value saying AWS gave up on the resource (p.Failed).
func observeFailed(p *model.Pending, state jen.Code) []jen.Code {
	if p == nil || len(p.Failed) == 0 {
		return nil
	}
	return []jen.Code{
		jen.Comment("AWS gave up on the resource in these states: the runtime reports it."),
		jen.If(jen.Id("v").Op(":=").Add(state), jen.Qual("slices", "Contains").Call(stringSlice(p.Failed), jen.Id("v"))).Block(
			jen.Id("obs").Dot("Failed").Op("=").Id("v"),
		),
	}
}
