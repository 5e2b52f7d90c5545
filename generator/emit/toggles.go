package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Toggles: a boolean spec field that one operation turns on and another
// off (a KMS key's enableKeyRotation), read by a get of its own. The get
// is called only while the spec sets the field, or the object owns
// nothing yet (adoption sees all); a difference costs one call.

// toggles are the spec fields with a Toggle.
func (m *managerWriter) toggles() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.Toggle != nil {
			out = append(out, f)
		}
	}
	return out
}

// observeToggles reads each toggle the spec sets into observed.
func (m *managerWriter) observeToggles(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, f := range m.toggles() {
		t := f.Toggle
		ids, guards := m.identifiers(t.Get, jen.Return(obsZero, jen.Nil()))
		got := jen.Id("got")
		for _, p := range t.ObservedPath {
			got = got.Dot(p)
		}
		mem := m.svc.Structs[t.Get.Output].FieldByMember(t.ObservedPath[len(t.ObservedPath)-1])
		read := append(guards,
			jen.List(jen.Id("got"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(t.Get.Name).Call(
				jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, t.Get.Name+"Input").Values(ids)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
			jen.Id("observed").Dot(f.GoName).Op("=").Add(m.c.fromSDK(f.Type, mem.Type, got, true)),
		)
		cond := jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil().Op("||").Op("!").Qual(managedPkg, "Owned").Call(jen.Id("cr"))
		body = append(body,
			jen.Comment(t.Get.Name+" reads "+f.JSONName+", which "+t.Enable.Name+" and "+t.Disable.Name+" set."),
			jen.If(cond).Block(read...),
		)
	}
	return body
}

// updateToggles calls the enable or the disable of each toggle that
// differs, as the spec says.
func (m *managerWriter) updateToggles() []jen.Code {
	var body []jen.Code
	for _, f := range m.toggles() {
		t := f.Toggle
		call := func(op *model.Operation) []jen.Code {
			ids, guards := m.identifiers(op, jen.Return(jen.Nil()))
			return append(guards,
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(ids)),
					jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
		}
		spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(spec.Clone()).Op("!=").Nil()).Block(
			jen.If(jen.Op("*").Add(spec.Clone())).Block(call(t.Enable)...).Else().Block(call(t.Disable)...),
		))
	}
	return body
}

// addConstInputs sets the input members generator.yaml's inputs: sends
// with a constant on every call of op.
func (m *managerWriter) addConstInputs(op *model.Operation, fields jen.Dict) {
	for _, a := range m.r.Inputs[op.Name] {
		mem := member(op, a.Member)
		var v jen.Code
		switch mem.Type.Kind {
		case model.Enum:
			fields[jen.Id(mem.GoName)] = m.c.types(mem.Type.Shape).Call(jen.Lit(a.Value))
			continue
		case model.Int:
			n, _ := strconv.ParseInt(a.Value, 10, 64) // checked by inference
			v = jen.Id("int" + strconv.Itoa(mem.Type.Bits)).Call(jen.Lit(int(n)))
		case model.Bool:
			b, _ := strconv.ParseBool(a.Value) // checked by inference
			v = jen.Lit(b)
		default:
			v = jen.Lit(a.Value)
		}
		if mem.Type.SDKValue {
			fields[jen.Id(mem.GoName)] = v
			continue
		}
		fields[jen.Id(mem.GoName)] = jen.Qual(convPkg, "Of").Call(v)
	}
}
