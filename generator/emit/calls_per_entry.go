package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Collections changed one entry per call and listed by this resource's
// identifier: attached sets (an IAM role's managed policy ARNs, attached
// and detached one per call) and string maps (its inline policies, put
// and deleted one name per call, each read by a get). They are read only
// while the field is set or the resource is not owned yet (adoption sees
// all); an update changes the entries that differ from that read, and the
// delete empties both first, since AWS refuses to delete the resource
// otherwise.

// perEntry are the spec fields with AttachedSet or StringMap.
func (m *managerWriter) perEntry() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.AttachedSet != nil || f.StringMap != nil {
			out = append(out, f)
		}
	}
	return out
}

// perEntryID is the resource's identifier the field's operations take.
func (m *managerWriter) perEntryID(f *model.Field) jen.Code {
	id := f.StringMap.IDMemberOr(f.AttachedSet)
	_, x := m.source(&model.Member{Name: id})
	return x
}

// readEntriesName is the method reading f's entries.
func readEntriesName(f *model.Field) string { return "read" + f.GoName }

// perEntryFuncs are the methods reading each field's entries.
func (m *managerWriter) perEntryFuncs() []jen.Code {
	var out []jen.Code
	for _, f := range m.perEntry() {
		out = append(out, jen.Line(), m.readEntriesFunc(f))
	}
	return out
}

// listPages is the paged call of list for id, running collect on each
// page's out.
func (m *managerWriter) listPages(list *model.Operation, idMember string, paged bool, collect jen.Code, ret jen.Code) []jen.Code {
	in := jen.Dict{jen.Id(member(list, idMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("id"))}
	call := func(in jen.Dict) jen.Code {
		return jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(list.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, list.Name+"Input").Values(in))
	}
	if !paged {
		return []jen.Code{
			call(in),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			collect,
		}
	}
	in[jen.Id("Marker")] = jen.Id("token")
	next := []jen.Code{}
	if f := m.svc.Structs[list.Output].FieldByMember("IsTruncated"); f != nil {
		truncated := jen.Id("out").Dot(f.SDKName)
		if !f.Type.SDKValue {
			truncated = jen.Qual(convPkg, "Value").Call(truncated)
		}
		next = append(next, jen.If(jen.Op("!").Add(truncated)).Block(jen.Return(jen.Nil(), jen.Nil())))
	}
	next = append(next, jen.Return(jen.Id("out").Dot("Marker"), jen.Nil()))
	page := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").Op("*").String()).Params(jen.Op("*").String(), jen.Error()).Block(
		append([]jen.Code{call(in), jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())), collect}, next...)...,
	)
	return []jen.Code{
		jen.If(jen.Err().Op(":=").Qual(managedPkg, "Pages").Call(jen.Id("ctx"), jen.Lit(list.Name), page), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
	}
}

func (m *managerWriter) readEntriesFunc(f *model.Field) jen.Code {
	var body []jen.Code
	var results jen.Code
	doc := readEntriesName(f) + " reads the " + f.JSONName + " of the resource id"
	if s := f.AttachedSet; s != nil {
		doc += ", listed by " + s.List.Name + ", sorted."
		results = jen.Parens(jen.List(jen.Index().String(), jen.Error()))
		body = append(body, jen.Id("values").Op(":=").Index().String().Values())
		body = append(body, m.listPages(s.List, s.IDMember, s.Paged, m.collectStrings(s.List, s.ObservedAt), nil)...)
		body = append(body, jen.Qual("slices", "Sort").Call(jen.Id("values")), jen.Return(jen.Id("values"), jen.Nil()))
	} else {
		s := f.StringMap
		doc += ": the keys listed by " + s.List.Name + ", each value read by " + s.Get.Name + "."
		results = jen.Parens(jen.List(jen.Map(jen.String()).String(), jen.Error()))
		keys := m.svc.Structs[s.List.Output].FieldByMember(s.Keys)
		body = append(body, jen.Var().Id("keys").Index().String())
		body = append(body, m.listPages(s.List, s.IDMember, s.Paged,
			jen.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("out").Dot(keys.SDKName).Op("...")), nil)...)
		value := m.svc.Structs[s.Get.Output].FieldByMember(s.ValueMember)
		get := jen.Op("&").Qual(m.c.sdk, s.Get.Name+"Input").Values(jen.Dict{
			jen.Id(member(s.Get, s.IDMember).GoName):  jen.Qual(convPkg, "Of").Call(jen.Id("id")),
			jen.Id(member(s.Get, s.KeyMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("k")),
		})
		body = append(body,
			jen.Id("values").Op(":=").Map(jen.String()).String().Values(),
			jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("keys")).Block(
				jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.Get.Name).Call(jen.Id("ctx"), get),
				jen.If(m.notFound()).Block(jen.Comment("Deleted since the list."), jen.Continue()),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Id("values").Index(jen.Id("k")).Op("=").Qual(convPkg, "Value").Call(jen.Id("out").Dot(value.SDKName)),
			),
			jen.Return(jen.Id("values"), jen.Nil()),
		)
	}
	return jen.Comment(doc).Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id(readEntriesName(f)).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("id").String(),
	).Add(results).Block(body...)
}

// collectStrings appends to values the strings at path in op's output
// out: lists of structures, then a string member.
func (m *managerWriter) collectStrings(op *model.Operation, path []string) jen.Code {
	st := m.svc.Structs[op.Output]
	x := jen.Id("out")
	var loops []func(jen.Code) jen.Code
	for i, p := range path[:len(path)-1] {
		mem := st.FieldByMember(p)
		v := jen.Id("x" + string(rune('0'+i)))
		src := x.Clone().Dot(mem.SDKName)
		loops = append(loops, func(inner jen.Code) jen.Code {
			return jen.For(jen.List(jen.Id("_"), v.Clone()).Op(":=").Range().Add(src)).Block(inner)
		})
		x, st = v, m.svc.Structs[mem.Type.Elem.Shape]
	}
	value := x.Clone().Dot(st.FieldByMember(path[len(path)-1]).SDKName)
	var body jen.Code = jen.If(value.Clone().Op("!=").Nil()).Block(
		jen.Id("values").Op("=").Append(jen.Id("values"), jen.Op("*").Add(value.Clone())),
	)
	for i := len(loops) - 1; i >= 0; i-- {
		body = loops[i](body)
	}
	return body
}

// observePerEntry reads each field into observed when its answer
// matters.
func (m *managerWriter) observePerEntry(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, f := range m.perEntry() {
		id := m.perEntryID(f)
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

// updatePerEntry changes, one call per entry, what differs between the
// spec and the observation's read: removals first, so a changed entry of
// a set never counts twice against a quota.
func (m *managerWriter) updatePerEntry() []jen.Code {
	var body []jen.Code
	for _, f := range m.perEntry() {
		id := m.perEntryID(f)
		spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
		have := jen.Id("have").Dot(f.GoName)
		var calls []jen.Code
		if s := f.AttachedSet; s != nil {
			calls = []jen.Code{
				jen.List(jen.Id("add"), jen.Id("remove")).Op(":=").Qual(comparePkg, "SetChanges").Call(spec.Clone(), have),
				m.eachCall(s.Detach, "remove", jen.Dict{
					jen.Id(member(s.Detach, s.IDMember).GoName):    id,
					jen.Id(member(s.Detach, s.ValueMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("v")),
				}),
				m.eachCall(s.Attach, "add", jen.Dict{
					jen.Id(member(s.Attach, s.IDMember).GoName):    id,
					jen.Id(member(s.Attach, s.ValueMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("v")),
				}),
			}
		} else {
			s := f.StringMap
			calls = []jen.Code{
				jen.List(jen.Id("put"), jen.Id("remove")).Op(":=").Qual(comparePkg, "MapChanges").Call(spec.Clone(), have, sameValue(s)),
				m.eachCall(s.Delete, "remove", jen.Dict{
					jen.Id(member(s.Delete, s.IDMember).GoName):  id,
					jen.Id(member(s.Delete, s.KeyMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("v")),
				}),
				m.eachCall(s.Put, "put", jen.Dict{
					jen.Id(member(s.Put, s.IDMember).GoName):    id,
					jen.Id(member(s.Put, s.KeyMember).GoName):   jen.Qual(convPkg, "Of").Call(jen.Id("v")),
					jen.Id(member(s.Put, s.ValueMember).GoName): jen.Qual(convPkg, "Of").Call(spec.Clone().Index(jen.Id("v"))),
				}),
			}
		}
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(id).Op("!=").Nil()).Block(
			append([]jen.Code{
				jen.Comment("Observe read them for this pass."),
				jen.List(jen.Id("have"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			}, calls...)...,
		))
	}
	return body
}

// eachCall calls op for every v in the named list, returning its error.
func (m *managerWriter) eachCall(op *model.Operation, list string, in jen.Dict) jen.Code {
	return jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id(list)).Block(
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(in)),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	)
}

// sameValue is the comparison of a string map's values: as policies or
// JSON documents where the value member's name says so.
func sameValue(s *model.StringMap) jen.Code {
	switch docKind(&model.Field{Member: s.ValueMember}) {
	case "policy":
		return jen.Qual(comparePkg, "Policy")
	case "json":
		return jen.Qual(comparePkg, "JSON")
	}
	return jen.Qual(comparePkg, "SameText")
}

// emptyPerEntry detaches and deletes, before the resource's delete, every
// entry AWS lists, set in the spec or not: AWS refuses to delete a
// resource that still holds them. A resource already gone has none.
func (m *managerWriter) emptyPerEntry() []jen.Code {
	var body []jen.Code
	for _, f := range m.perEntry() {
		id := m.perEntryID(f)
		var calls jen.Code
		if s := f.AttachedSet; s != nil {
			calls = m.eachCall(s.Detach, "have", jen.Dict{
				jen.Id(member(s.Detach, s.IDMember).GoName):    id,
				jen.Id(member(s.Detach, s.ValueMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("v")),
			})
		} else {
			s := f.StringMap
			calls = jen.For(jen.Id("v").Op(":=").Range().Id("have")).Block(
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.Delete.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, s.Delete.Name+"Input").Values(jen.Dict{
					jen.Id(member(s.Delete, s.IDMember).GoName):  id,
					jen.Id(member(s.Delete, s.KeyMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("v")),
				})), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			)
		}
		body = append(body,
			jen.Comment("AWS refuses to delete the resource while it holds "+f.JSONName+"."),
			jen.If(id.(*jen.Statement).Clone().Op("!=").Nil()).Block(
				jen.List(jen.Id("have"), jen.Err()).Op(":=").Id("m").Dot(readEntriesName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id)),
				jen.If(jen.Err().Op("!=").Nil().Op("&&").Op("!").Add(m.notFound())).Block(jen.Return(jen.Err())),
				calls,
			),
		)
	}
	return body
}

// notFound is the condition that err is one of the kind's not-found codes.
func (m *managerWriter) notFound() jen.Code {
	codes := []jen.Code{jen.Err()}
	for _, c := range m.r.NotFoundCodes {
		codes = append(codes, jen.Lit(c))
	}
	return jen.Qual(managedPkg, "HasErrorCode").Call(codes...)
}
