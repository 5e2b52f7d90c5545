package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Actions: a boolean spec field that, true, calls an operation while the
// resource is in some states (a peering's acceptRequest accepts it while
// pending-acceptance). In any other state the field counts as done, so
// it drifts only while there is something to do, and costs no call.

// actions are the spec fields with an action.
func (m *managerWriter) actions() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.Action != nil {
			out = append(out, f)
		}
	}
	return out
}

// observeActions reports each true action field as not done while the
// state calls for it.
func (m *managerWriter) observeActions() []jen.Code {
	var body []jen.Code
	for _, f := range m.actions() {
		a := f.Action
		field := jen.Id("observed").Dot(f.GoName)
		pre, state := m.pendingState(&model.Pending{Field: a.StatePath[0], Path: a.StatePath[1:]})
		body = append(body,
			jen.Comment(f.JSONName+" is done unless the state calls for it."),
			jen.If(jen.Qual(convPkg, "Value").Call(field.Clone())).Block(append(pre,
				jen.If(jen.Qual("slices", "Contains").Call(stringSlice(a.When), state)).Block(
					field.Clone().Op("=").Qual(convPkg, "Of").Call(jen.False()),
				))...),
		)
	}
	return body
}

// updateActions calls each action whose field differs: it is true, and
// the state calls for it.
func (m *managerWriter) updateActions() []jen.Code {
	var body []jen.Code
	for _, f := range m.actions() {
		op := f.Action.Operation
		ids, guards := m.identifiers(op, jen.Return(jen.Nil()))
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Qual(convPkg, "Value").Call(jen.Id("cr").Dot("Spec").Dot(f.GoName))).Block(
			append(guards,
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(ids)),
					jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			)...,
		))
	}
	return body
}
