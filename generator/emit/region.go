package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// regionFills set the create input members that take the target region
// when the spec leaves them unset. They change the input only: the spec,
// and so the last applied record of it, keeps what the user wrote.
func (m *managerWriter) regionFills() []jen.Code {
	var out []jen.Code
	for _, fill := range m.r.RegionFills {
		out = append(out, m.regionFill(fill)...)
	}
	return out
}

func (m *managerWriter) regionFill(fill *model.RegionFill) []jen.Code {
	leaf := fill.Path[len(fill.Path)-1]
	json := make([]string, len(fill.Path))
	for i, f := range fill.Path {
		json[i] = f.JSONName
	}
	field := strings.Join(json, ".")

	// The spec's value, read through the structures on the way.
	spec := jen.Id("cr").Dot("Spec")
	var guard *jen.Statement
	for _, f := range fill.Path[:len(fill.Path)-1] {
		spec = spec.Clone().Dot(f.GoName)
		guard = and(guard, spec.Clone().Op("!=").Nil())
	}
	spec = spec.Clone().Dot(leaf.GoName)
	never := "."
	if len(fill.Except) > 0 {
		never = "; never in " + strings.Join(fill.Except, ", ") + "."
	}
	code := []jen.Code{
		jen.Comment("The target region goes in " + field),
		jen.Comment("unless the spec names one" + never),
	}
	if guard != nil {
		// Named after the field, prefixed so that no member name can make
		// it a keyword (type) or another variable (in).
		v := jen.Id("spec" + leaf.GoName)
		code = append(code,
			jen.Var().Add(v.Clone()).Op("*").String(),
			jen.If(guard).Block(v.Clone().Op("=").Add(spec)),
		)
		spec = v
	}

	// The SDK input's side: the member, and the structures that hold it.
	sdk := jen.Id("in")
	var present *jen.Statement
	var build []jen.Code
	for i, f := range fill.Path[:len(fill.Path)-1] {
		sdk = sdk.Clone().Dot(m.sdkMember(f, i == 0))
		present = and(present, sdk.Clone().Op("!=").Nil())
		build = append(build, jen.If(sdk.Clone().Op("==").Nil()).Block(
			sdk.Clone().Op("=").Op("&").Add(m.c.types(f.Type.Shape)).Values(),
		))
	}
	sdk = sdk.Clone().Dot(m.sdkMember(leaf, len(fill.Path) == 1))
	set := append(build, sdk.Clone().Op("=").Add(m.c.toSDK(leaf.Type, leaf.Type, jen.Id("v"), true)))
	clear := sdk.Clone().Op("=").Add(zeroSDK(leaf.Type))

	except := []jen.Code{jen.Lit(field), spec, jen.Id("m").Dot("region")}
	for _, r := range fill.Except {
		except = append(except, jen.Lit(r))
	}
	stmt := jen.If(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual(managedPkg, "FromRegion").Call(except...),
		jen.Err().Op("!=").Nil(),
	).Block(jen.Return(jen.Err())).Else().If(jen.Id("v").Op("!=").Nil()).Block(set...)
	if present != nil {
		stmt = stmt.Else().If(present).Block(clear)
	} else {
		stmt = stmt.Else().Block(clear)
	}
	return append(code, stmt)
}

// sdkMember is the SDK's Go name of a field: the create input member's
// for a top-level one.
func (m *managerWriter) sdkMember(f *model.Field, top bool) string {
	if top {
		for _, mem := range m.r.Create.Input {
			if mem.Name == f.Member {
				return mem.GoName
			}
		}
	}
	return f.SDKName
}

// zeroSDK is the SDK's unset value of a string or enum member.
func zeroSDK(t *model.Type) jen.Code {
	if t.Kind == model.Enum || t.SDKValue {
		return jen.Lit("")
	}
	return jen.Nil()
}

// and joins conditions with &&; a nil a is no condition yet.
func and(a, b *jen.Statement) *jen.Statement {
	if a == nil {
		return b
	}
	return a.Clone().Op("&&").Add(b)
}
