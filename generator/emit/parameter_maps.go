package emit

import (
	"fmt"

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
		if f.ParameterMap.Entries != nil {
			out = append(out, jen.Line(), m.desiredEntriesFunc(f))
		}
		if f.ParameterMap.Choice != nil {
			out = append(out, jen.Line(), m.readChoicesFunc(f))
		}
	}
	return out
}

// desiredEntriesFunc returns the map the spec asks for: the field, or
// while it is unset the names and values of its list of structures.
func (m *managerWriter) desiredEntriesFunc(f *model.Field) jen.Code {
	p := f.ParameterMap
	elem := m.svc.Structs[p.Elem]
	name, value := elem.FieldByMember(p.NameMember), elem.FieldByMember(p.ValueMember)
	spec := jen.Id("spec").Dot(f.GoName)
	list := jen.Id("spec").Dot(p.Entries.GoName)
	return jen.Comment(desiredEntriesName(f)+" is the "+f.JSONName+" the spec asks for: the field, or while it is unset the "+p.Entries.JSONName+"' names and values.").Line().
		Func().Id(desiredEntriesName(f)).Params(jen.Id("spec").Op("*").Qual(m.c.api, m.r.Kind+"Spec")).Map(jen.String()).String().Block(
		jen.If(spec.Clone().Op("!=").Nil().Op("||").Add(list.Clone()).Op("==").Nil()).Block(jen.Return(spec.Clone())),
		jen.Id("values").Op(":=").Map(jen.String()).String().Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(list.Clone())).Block(
			jen.If(jen.Id("e").Dot(name.GoName).Op("!=").Nil().Op("&&").Id("e").Dot(value.GoName).Op("!=").Nil()).Block(
				jen.Id("values").Index(jen.Op("*").Id("e").Dot(name.GoName)).Op("=").Op("*").Id("e").Dot(value.GoName),
			),
		),
		jen.Return(jen.Id("values")),
	)
}

func desiredEntriesName(f *model.Field) string { return "desired" + f.GoName }

// desiredEntries is the map the spec of cr asks for.
func desiredEntries(f *model.Field) *jen.Statement {
	if f.ParameterMap.Entries == nil {
		return jen.Id("cr").Dot("Spec").Dot(f.GoName)
	}
	return jen.Id(desiredEntriesName(f)).Call(jen.Op("&").Id("cr").Dot("Spec"))
}

// observeParameterLists adds each list of entries to the diff when its
// names and values differ from the map read: diffSpec compares the map
// only.
func (m *managerWriter) observeParameterLists() []jen.Code {
	var body []jen.Code
	for _, f := range m.parameterMaps() {
		e := f.ParameterMap.Entries
		if e == nil {
			continue
		}
		body = append(body, jen.If(jen.Id("cr").Dot("Spec").Dot(e.GoName).Op("!=").Nil().Op("&&").Op("!").Qual("maps", "Equal").Call(
			desiredEntries(f), jen.Id("observed").Dot(f.GoName))).Block(
			jen.Id("obs").Dot("Diff").Op("=").Append(jen.Id("obs").Dot("Diff"), jen.Lit(e.JSONName)),
		))
	}
	return body
}

// parameterListRules let a spec set a map or its list of entries, not
// both: neither would say which wins.
func parameterListRules(r *model.Resource) []string {
	var rules []string
	for _, f := range r.Spec {
		if p := f.ParameterMap; p != nil && p.Entries != nil {
			rules = append(rules, fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="!(has(self.%s) && has(self.%s))",message="set at most one of %s and %s (its deprecated form)"`,
				celName(f.JSONName), celName(p.Entries.JSONName), f.JSONName, p.Entries.JSONName))
		}
	}
	return rules
}

func (m *managerWriter) readParametersFunc(f *model.Field) jen.Code {
	p := f.ParameterMap
	body := m.listNameMap(p, p.ValueMember, true)
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
		set := jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil()
		if e := f.ParameterMap.Entries; e != nil {
			set = set.Op("||").Id("cr").Dot("Spec").Dot(e.GoName).Op("!=").Nil()
		}
		cond := jen.Parens(set.Op("||").Op("!").Qual(managedPkg, "Owned").Call(jen.Id("cr")))
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
		changed := jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))
		if e := p.Entries; e != nil {
			changed = jen.Parens(changed.Op("||").Id("obs").Dot("Changed").Call(jen.Lit(e.JSONName)))
		}
		body = append(body, jen.If(changed.Op("&&").Add(id).Op("!=").Nil()).Block(
			jen.Comment("Observe read them for this pass."),
			jen.List(jen.Id("have"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			jen.Id("want").Op(":=").Add(desiredEntries(f)),
			jen.List(jen.Id("put"), jen.Id("remove")).Op(":=").Qual(comparePkg, "MapChanges").Call(jen.Id("want"), jen.Id("have").Dot(f.GoName), jen.Qual(comparePkg, "SameText")),
			m.batchCalls(f, p.Reset, "remove", id, false),
			m.readChoices(f, id),
			m.batchCalls(f, p.Modify, "put", id, true),
		))
	}
	return body
}

// readChoices reads what the choice of an element member goes by, once
// per update that sets entries.
func (m *managerWriter) readChoices(f *model.Field, id jen.Code) jen.Code {
	if f.ParameterMap.Choice == nil {
		return jen.Null()
	}
	return jen.Add(
		jen.Var().Id("choices").Map(jen.String()).String(), jen.Line(),
		jen.If(jen.Len(jen.Id("put")).Op(">").Lit(0)).Block(
			jen.Var().Err().Error(),
			jen.If(jen.List(jen.Id("choices"), jen.Err()).Op("=").Id("m").Dot(readChoicesName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		),
	)
}

// batchCalls calls op for the named keys, Batch per call; withValue sends
// each key's spec value too.
func (m *managerWriter) batchCalls(f *model.Field, op *model.Operation, keys string, id jen.Code, withValue bool) jen.Code {
	p := f.ParameterMap
	elem := m.svc.Structs[p.Elem]
	fields := jen.Dict{jen.Id(elem.FieldByMember(p.NameMember).SDKName): jen.Qual(convPkg, "Of").Call(jen.Id("k"))}
	if withValue {
		fields[jen.Id(elem.FieldByMember(p.ValueMember).SDKName)] = jen.Qual(convPkg, "Of").Call(jen.Id("want").Index(jen.Id("k")))
	}
	for _, a := range p.ElementInputs {
		mem := elem.FieldByMember(a.Member)
		value := jen.Code(jen.Lit(a.Value))
		if c := p.Choice; c != nil && withValue && c.Member == a.Member {
			value = m.choiceValue(c)
		}
		if mem.Type.Kind == model.Enum {
			fields[jen.Id(mem.SDKName)] = m.c.types(mem.Type.Shape).Call(value)
		} else {
			fields[jen.Id(mem.SDKName)] = jen.Qual(convPkg, "Of").Call(value)
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

func readChoicesName(f *model.Field) string { return "read" + f.GoName + "Choices" }

// readChoicesFunc reads, for every entry the resource could hold, the
// member the choice goes by: the list without its constant inputs (RDS:
// without Source=user, so a parameter never set is listed too).
func (m *managerWriter) readChoicesFunc(f *model.Field) jen.Code {
	p := f.ParameterMap
	body := m.listNameMap(p, p.Choice.From, false)
	return jen.Comment(readChoicesName(f)+" reads the "+p.Choice.From+" of every entry the resource id could hold, listed by "+p.List.Name+" without its constant inputs.").Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id(readChoicesName(f)).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("id").String(),
	).Parens(jen.List(jen.Map(jen.String()).String(), jen.Error())).Block(body...)
}

// choiceValue is the value of the chosen member for the entry k: Values
// by what choices holds for k, else the default.
func (m *managerWriter) choiceValue(c *model.ElementChoice) jen.Code {
	cases := []jen.Code{}
	for _, v := range c.Values {
		cases = append(cases, jen.Case(jen.Lit(v.Member)).Block(jen.Return(jen.Lit(v.Value))))
	}
	return jen.Func().Params().String().Block(
		jen.Switch(jen.Id("choices").Index(jen.Id("k"))).Block(cases...),
		jen.Return(jen.Lit(c.Default)),
	).Call()
}

// listNameMap is the body of a function of ctx and id that lists the
// entries of resource id (paged when the list is) and returns a map of
// each entry's name to its member valueMember; withConst adds the list's
// constant inputs (Source=user).
func (m *managerWriter) listNameMap(p *model.ParameterMap, valueMember string, withConst bool) []jen.Code {
	elem := m.svc.Structs[p.Elem]
	name, value := elem.FieldByMember(p.NameMember), elem.FieldByMember(valueMember)
	listed := m.svc.Structs[p.List.Output].FieldByMember(p.ListMember)
	in := jen.Dict{jen.Id(inputMember(p.List, p.IDMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("id"))}
	if withConst {
		m.addConstInputs(p.List, in)
	}
	collect := jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("out").Dot(listed.SDKName)).Block(
		jen.If(jen.Id("e").Dot(name.SDKName).Op("!=").Nil().Op("&&").Id("e").Dot(value.SDKName).Op("!=").Nil()).Block(
			jen.Id("values").Index(jen.Op("*").Id("e").Dot(name.SDKName)).Op("=").Op("*").Id("e").Dot(value.SDKName),
		),
	)
	call := []jen.Code{
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(p.List.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, p.List.Name+"Input").Values(in)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		collect,
	}
	body := []jen.Code{jen.Id("values").Op(":=").Map(jen.String()).String().Values()}
	if p.Paged {
		in[jen.Id("Marker")] = jen.Id("token")
		page := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").Op("*").String()).Params(jen.Op("*").String(), jen.Error()).Block(
			append(call, jen.Return(jen.Id("out").Dot("Marker"), jen.Nil()))...,
		)
		body = append(body, jen.If(jen.Err().Op(":=").Qual(managedPkg, "Pages").Call(jen.Id("ctx"), jen.Lit(p.List.Name), page), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		))
	} else {
		body = append(body, call...)
	}
	return append(body, jen.Return(jen.Id("values"), jen.Nil()))
}
