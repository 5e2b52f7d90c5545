package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Parameter maps: a map of settings (an RDS parameter group's
// parameterOverrides) that one operation sets in batches of name-value
// structures, another resets by name, and a third lists. The list is read
// only while the field is set or the object owns nothing yet (adoption
// sees all); an update sets the entries that differ and resets those the
// spec drops, Batch per call.

// parameterMaps are the spec fields with a ParameterMap.
func (m *managerWriter) parameterMaps() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.ParameterMap != nil {
			out = append(out, f)
		}
	}
	return out
}

// parameterMapFuncs are the methods reading each field's entries.
func (m *managerWriter) parameterMapFuncs() []jen.Code {
	var out []jen.Code
	for _, f := range m.parameterMaps() {
		out = append(out, jen.Line(), m.readParametersFunc(f))
	}
	return out
}

func (m *managerWriter) readParametersFunc(f *model.Field) jen.Code {
	p := f.ParameterMap
	elem := m.svc.Structs[p.Elem]
	name, value := elem.FieldByMember(p.NameMember), elem.FieldByMember(p.ValueMember)
	listed := m.svc.Structs[p.List.Output].FieldByMember(p.ListMember)
	in := jen.Dict{jen.Id(inputMember(p.List, p.IDMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("id"))}
	m.addConstInputs(p.List, in)
	collect := jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("out").Dot(listed.SDKName)).Block(
		jen.If(jen.Id("e").Dot(name.SDKName).Op("!=").Nil().Op("&&").Id("e").Dot(value.SDKName).Op("!=").Nil()).Block(
			jen.Id("values").Index(jen.Op("*").Id("e").Dot(name.SDKName)).Op("=").Op("*").Id("e").Dot(value.SDKName),
		),
	)
	call := func(in jen.Dict) []jen.Code {
		return []jen.Code{
			jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(p.List.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, p.List.Name+"Input").Values(in)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			collect,
		}
	}
	body := []jen.Code{jen.Id("values").Op(":=").Map(jen.String()).String().Values()}
	if p.Paged {
		in[jen.Id("Marker")] = jen.Id("token")
		page := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").Op("*").String()).Params(jen.Op("*").String(), jen.Error()).Block(
			append(call(in), jen.Return(jen.Id("out").Dot("Marker"), jen.Nil()))...,
		)
		body = append(body, jen.If(jen.Err().Op(":=").Qual(managedPkg, "Pages").Call(jen.Id("ctx"), jen.Lit(p.List.Name), page), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		))
	} else {
		body = append(body, call(in)...)
	}
	body = append(body, jen.Return(jen.Id("values"), jen.Nil()))
	return jen.Comment(readEntriesName(f)+" reads the "+f.JSONName+" of the resource id, listed by "+p.List.Name+".").Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id(readEntriesName(f)).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("id").String(),
	).Parens(jen.List(jen.Map(jen.String()).String(), jen.Error())).Block(body...)
}

// observeParameterMaps reads each field into observed when its answer
// matters.
func (m *managerWriter) observeParameterMaps(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, f := range m.parameterMaps() {
		_, id := m.source(&model.Member{Name: f.ParameterMap.IDMember})
		cond := jen.Parens(jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil().
			Op("||").Op("!").Qual(managedPkg, "Owned").Call(jen.Id("cr")))
		body = append(body,
			jen.Comment("The "+f.JSONName+" are read only while the answer matters."),
			jen.If(cond.Op("&&").Add(id).Op("!=").Nil()).Block(
				jen.List(jen.Id("values"), jen.Err()).Op(":=").Id("m").Dot(readEntriesName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id)),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
				jen.Id("observed").Dot(f.GoName).Op("=").Id("values"),
			),
		)
	}
	return body
}

// updateParameterMaps resets the entries the spec drops, then sets those
// that differ from the observation's read, Batch per call.
func (m *managerWriter) updateParameterMaps() []jen.Code {
	var body []jen.Code
	for _, f := range m.parameterMaps() {
		p := f.ParameterMap
		_, id := m.source(&model.Member{Name: p.IDMember})
		spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(id).Op("!=").Nil()).Block(
			jen.Comment("Observe read them for this pass."),
			jen.List(jen.Id("have"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			jen.List(jen.Id("put"), jen.Id("remove")).Op(":=").Qual(comparePkg, "MapChanges").Call(spec.Clone(), jen.Id("have").Dot(f.GoName), jen.Qual(comparePkg, "SameText")),
			m.batchCalls(f, p.Reset, "remove", id, false),
			m.batchCalls(f, p.Modify, "put", id, true),
		))
	}
	return body
}

// batchCalls calls op for the named keys, Batch per call; withValue sends
// each key's spec value too.
func (m *managerWriter) batchCalls(f *model.Field, op *model.Operation, keys string, id jen.Code, withValue bool) jen.Code {
	p := f.ParameterMap
	elem := m.svc.Structs[p.Elem]
	fields := jen.Dict{jen.Id(elem.FieldByMember(p.NameMember).SDKName): jen.Qual(convPkg, "Of").Call(jen.Id("k"))}
	if withValue {
		fields[jen.Id(elem.FieldByMember(p.ValueMember).SDKName)] = jen.Qual(convPkg, "Of").Call(jen.Id("cr").Dot("Spec").Dot(f.GoName).Index(jen.Id("k")))
	}
	for _, a := range p.ElementInputs {
		mem := elem.FieldByMember(a.Member)
		if mem.Type.Kind == model.Enum {
			fields[jen.Id(mem.SDKName)] = m.c.types(mem.Type.Shape).Call(jen.Lit(a.Value))
		} else {
			fields[jen.Id(mem.SDKName)] = jen.Qual(convPkg, "Of").Call(jen.Lit(a.Value))
		}
	}
	in := jen.Dict{
		jen.Id(inputMember(op, p.IDMember).GoName):   id,
		jen.Id(inputMember(op, p.ListMember).GoName): jen.Id("batch"),
	}
	m.addConstInputs(op, in)
	return jen.For(jen.Id("chunk").Op(":=").Range().Qual("slices", "Chunk").Call(jen.Id(keys), jen.Lit(p.Batch))).Block(
		jen.Var().Id("batch").Index().Add(m.c.types(p.Elem)),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("chunk")).Block(
			jen.Id("batch").Op("=").Append(jen.Id("batch"), m.c.types(p.Elem).Values(fields)),
		),
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(in)),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	)
}
