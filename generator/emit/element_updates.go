package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// elementUpdates are the spec fields an update changes through
// per-element actions (model.ElementUpdates).
func (m *managerWriter) elementUpdates() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.UpdatedBy != nil {
			out = append(out, f)
		}
	}
	return out
}

func updatesFuncName(f *model.Field) string { return f.JSONName + "Updates" }

// updatesFunc emits the function that lists the actions taking AWS's
// elements of f to the spec's, matched by key: a Create for each missing
// one, a Delete for each extra one, an Update for each whose updatable
// members differ. It also returns the paths of differences no action can
// make, which the runtime refuses like a change to a create-only field.
func (m *managerWriter) updatesFunc(f *model.Field) jen.Code {
	u := f.UpdatedBy
	elem := m.svc.Structs[f.Type.Elem.Shape]
	key := elem.FieldByMember(u.Key)
	apiElem := jen.Qual(m.c.api, m.apiType(elem.Shape))
	sdkElem := m.c.types(u.Elem)
	keyOf := func(x *jen.Statement) jen.Code {
		return jen.Qual("fmt", "Sprint").Call(jen.Qual(convPkg, "Value").Call(x.Dot(key.GoName)))
	}
	observedI := func() *jen.Statement { return jen.Id("observed").Index(jen.Id("i")) }
	action := func(a *model.ElementAction, value jen.Code) []jen.Code {
		return []jen.Code{
			jen.Id("a").Op(":=").Id(m.c.toSDKFunc(elem.Shape, a.Shape)).Call(value),
			jen.Id("out").Op("=").Append(jen.Id("out"), sdkElem.Clone().Values(jen.Dict{jen.Id(exported(a.Member)): jen.Op("&").Id("a")})),
		}
	}
	body := []jen.Code{
		jen.Var().Id("out").Index().Add(sdkElem.Clone()),
		jen.Var().Id("refused").Index().String(),
		jen.Id("have").Op(":=").Map(jen.String()).Op("*").Add(apiElem.Clone()).Values(),
		jen.For(jen.Id("i").Op(":=").Range().Id("observed")).Block(
			jen.Id("have").Index(keyOf(observedI())).Op("=").Op("&").Add(observedI()),
		),
		jen.Id("want").Op(":=").Map(jen.String()).Bool().Values(),
	}
	var perElem []jen.Code
	perElem = append(perElem,
		jen.Id("d").Op(":=").Op("&").Id("desired").Index(jen.Id("i")),
		jen.Id("k").Op(":=").Add(keyOf(jen.Id("d"))),
		jen.Id("want").Index(jen.Id("k")).Op("=").True(),
		jen.List(jen.Id("o"), jen.Id("ok")).Op(":=").Id("have").Index(jen.Id("k")),
	)
	if u.Create != nil {
		perElem = append(perElem, jen.If(jen.Op("!").Id("ok")).Block(append(action(u.Create, jen.Op("*").Id("d")), jen.Continue())...))
	} else {
		perElem = append(perElem, jen.If(jen.Op("!").Id("ok")).Block(
			jen.Id("refused").Op("=").Append(jen.Id("refused"), jen.Lit(f.JSONName+"[").Op("+").Id("k").Op("+").Lit("]")),
			jen.Continue(),
		))
	}
	// Differences in members the Update action carries are sent; any
	// other difference no action can make.
	var updatable []jen.Code
	if u.Update != nil {
		for _, af := range m.svc.Structs[u.Update.Shape].Fields {
			if ef := elem.FieldByMember(af.Member); ef != nil && af.Member != u.Key {
				updatable = append(updatable, jen.Lit("."+ef.JSONName))
			}
		}
	}
	perElem = append(perElem,
		jen.Id("changed").Op(":=").Qual(managedPkg, "Observation").Values(jen.Dict{
			jen.Id("Diff"): jen.Id(m.d.structFunc(elem.Shape)).Call(jen.Lit(""), jen.Id("d"), jen.Id("o")),
		}),
	)
	if len(updatable) > 0 {
		cond := jen.Id("changed").Dot("Changed").Call(updatable[0])
		for _, p := range updatable[1:] {
			cond = cond.Op("||").Id("changed").Dot("Changed").Call(p)
		}
		perElem = append(perElem, jen.If(cond).Block(action(u.Update, jen.Op("*").Id("d"))...))
	}
	perElem = append(perElem, jen.If(jen.Id("changed").Dot("ChangedOtherThan").Call(updatable...)).Block(
		jen.Id("refused").Op("=").Append(jen.Id("refused"), jen.Lit(f.JSONName+"[").Op("+").Id("k").Op("+").Lit("]")),
	))
	body = append(body, jen.For(jen.Id("i").Op(":=").Range().Id("desired")).Block(perElem...))
	if u.Delete != nil {
		body = append(body, jen.For(jen.Id("i").Op(":=").Range().Id("observed")).Block(
			jen.If(jen.Op("!").Id("want").Index(keyOf(observedI()))).Block(action(u.Delete, observedI())...),
		))
	}
	body = append(body, jen.Return(jen.Id("out"), jen.Id("refused")))
	return jen.Func().Id(updatesFuncName(f)).Params(
		jen.List(jen.Id("desired"), jen.Id("observed")).Index().Add(apiElem),
	).Params(jen.Index().Add(sdkElem), jen.Index().String()).Block(body...)
}

// specField compares one spec field in diffSpec. A field with element
// updates differs when there is an action to send; a field AWS reports
// only when it is not the default is compared only when reported, the
// runtime's record of what was last applied covering the rest.
func (d *differ) specField(f *model.Field) jen.Code {
	des, obs := jen.Id("desired").Dot(f.GoName), jen.Id("observed").Dot(f.GoName)
	switch {
	case f.SubResource != nil && f.SubResource.Elements:
		return elementSetDiffers(f)
	case f.UpdatedBy != nil:
		return jen.If(des.Clone().Op("!=").Nil()).Block(
			jen.If(
				jen.List(jen.Id("updates"), jen.Id("_")).Op(":=").Id(updatesFuncName(f)).Call(des, obs),
				jen.Len(jen.Id("updates")).Op(">").Lit(0),
			).Block(jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Lit(f.JSONName))),
		)
	case f.SubResource != nil && f.SubResource.Sent != nil:
		return d.sentMembers(f)
	case f.ObservedOptional:
		return jen.If(obs.Clone().Op("!=").Nil()).Block(d.field(f, jen.Lit(f.JSONName)))
	}
	return d.field(f, jen.Lit(f.JSONName))
}

// updateElements sets the update input's action list of each field with
// element updates that differs.
func (m *managerWriter) updateElements() []jen.Code {
	fields := m.elementUpdates()
	if len(fields) == 0 {
		return nil
	}
	out := []jen.Code{
		jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
	}
	for _, f := range fields {
		out = append(out, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(
			jen.List(jen.Id("in").Dot(exported(f.UpdatedBy.Member)), jen.Id("_")).Op("=").Id(updatesFuncName(f)).Call(
				jen.Id("cr").Dot("Spec").Dot(f.GoName), jen.Id("observed").Dot(f.GoName)),
		))
	}
	return out
}

// updateAddRemove sends, for each list field an update changes by the
// elements to add and remove (model.AddRemove), the difference between
// the spec's list and AWS's, when the list changed.
func (m *managerWriter) updateAddRemove() []jen.Code {
	var out []jen.Code
	for _, f := range m.r.Spec {
		ar := f.AddRemove
		if ar == nil {
			continue
		}
		out = append(out, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(
			jen.List(jen.Id("current"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			jen.List(jen.Id("in").Dot(ar.Add), jen.Id("in").Dot(ar.Remove)).Op("=").Qual(comparePkg, "SetChanges").Call(
				jen.Id("cr").Dot("Spec").Dot(f.GoName), jen.Id("current").Dot(f.GoName)),
		))
	}
	return out
}
