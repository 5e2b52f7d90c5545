package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// This file emits a kind's lookup (generator.yaml's lookup): while the
// status identifier AWS assigned is unknown (before a create, after one
// whose answer was lost, for an object adopting by name) Observe finds it
// from the spec with one call instead of reporting nothing.

// lookupOrBail is the body of Observe's guard on an unknown status
// identifier: bail when the kind has no lookup, else look the identifier
// up and bail only when AWS has no such resource.
func (m *managerWriter) lookupOrBail(bail jen.Code) jen.Code {
	if m.r.Lookup == nil {
		return bail
	}
	obs := jen.Qual(managedPkg, "Observation")
	return jen.If(
		jen.List(jen.Id("found"), jen.Err()).Op(":=").Id("m").Dot("lookup").Call(jen.Id("ctx"), jen.Id("cr")),
		jen.Err().Op("!=").Nil().Op("||").Op("!").Id("found"),
	).Block(jen.Return(obs.Values(), jen.Err()))
}

// lookupFunc emits lookup, which fills the status identifiers from the
// lookup operation's answer to the spec's values.
func (m *managerWriter) lookupFunc() jen.Code {
	l := m.r.Lookup
	op := l.Op
	out := m.svc.Structs[op.Output]
	in := jen.Dict{}
	for _, mem := range op.Input {
		for _, f := range m.r.Spec {
			if f.Member == mem.Name {
				in[jen.Id(mem.GoName)] = m.c.toSDK(f.Type, mem.Type, specValue(f), true)
			}
		}
	}
	body := []jen.Code{
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(
			jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(in)),
	}
	if codes := m.r.NotFoundCodes; len(codes) > 0 {
		args := []jen.Code{jen.Err()}
		for _, c := range codes {
			args = append(args, jen.Lit(c))
		}
		body = append(body, jen.If(jen.Qual(managedPkg, "HasErrorCode").Call(args...)).Block(jen.Return(jen.False(), jen.Nil())))
	}
	body = append(body, jen.If(jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.False(), jen.Qual("fmt", "Errorf").Call(jen.Lit(fmt.Sprintf("looking up the %s by its spec with %s: %%w", m.r.Kind, op.Name)), jen.Err())),
	))
	var names []string
	for _, s := range l.Sets {
		field := statusField(m.r, s.Field)
		em := out.FieldByMember(s.Element)
		names = append(names, "status."+field.JSONName)
		body = append(body, jen.Id("cr").Dot("Status").Dot(field.GoName).Op("=").Add(
			m.c.fromSDK(field.Type, em.Type, jen.Id("out").Dot(em.SDKName), true)))
	}
	body = append(body, jen.Return(jen.True(), jen.Nil()))
	doc := fmt.Sprintf("lookup fills %s from %s, which finds the %s by its spec; false when AWS has no such %s.", joinAnd(names), op.Name, m.r.Kind, m.r.Kind)
	code := jen.Null()
	for _, line := range wrapText(doc, 76) {
		code.Comment(line).Line()
	}
	return code.Add(m.method("lookup", nil, jen.Parens(jen.List(jen.Bool(), jen.Error())), body...))
}

// joinAnd joins names with commas and a final "and".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	s := names[0]
	for _, n := range names[1 : len(names)-1] {
		s += ", " + n
	}
	return s + " and " + names[len(names)-1]
}
