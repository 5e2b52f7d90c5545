package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// A collection read with the resource (model.SubResource.EntryInPut) is a
// spec list whose entries the resource's own read returns, each made by
// one call taking the entry's members (EC2's CreateRoute), changed in
// place by another where its key stays (ReplaceRoute), and deleted by the
// members that name it (DeleteRoute by the destination). Observe costs no
// call beyond the read; the entries AWS makes itself (the local route)
// are dropped before they are compared.

// keyedCollection reports whether f compares as a set by key.
func keyedCollection(f *model.Field) bool {
	return f.Move != nil || f.SubResource != nil && (f.SubResource.List != nil || f.SubResource.EntryInPut || f.SubResource.Changes != nil && len(f.SubResource.EntryKeys) > 0)
}

// collectionKey is the key name and key function of a keyed collection's
// entries. An entry read with the resource is named by whichever key
// members it sets, so the key says which: name=value.
func (g *Gen) collectionKey(f *model.Field) (string, jen.Code) {
	if f.Move != nil {
		return g.moveKey(f)
	}
	if !f.SubResource.EntryInPut && f.SubResource.Changes == nil {
		_, key := g.entry(f)
		return key.JSONName, g.keyFunc(f)
	}
	elem := g.svc.Structs[f.Type.Elem.Shape]
	var names, values []jen.Code
	for _, k := range f.SubResource.EntryKeys {
		kf := elem.FieldByMember(k)
		names = append(names, jen.Lit(kf.JSONName))
		v := jen.Id("e").Dot(kf.GoName)
		if kf.Type.Kind == model.Int || kf.Type.Kind == model.Bool {
			v = jen.Qual(comparePkg, "Text").Call(v)
		}
		values = append(values, v)
	}
	api := jen.Qual(g.APIPackage(), g.apiType(f.Type.Elem.Shape))
	return "", jen.Func().Params(jen.Id("e").Op("*").Add(api)).String().Block(
		jen.Return(jen.Qual(comparePkg, "MemberKey").Call(append([]jen.Code{jen.Index().String().Values(names...)}, values...)...)),
	)
}

// skipAWSOwned is the SDK list x without the entries AWS made itself.
func (m *managerWriter) skipAWSOwned(own *model.Match, list *model.Field, x jen.Code) jen.Code {
	elem := m.svc.Structs[list.Type.Elem.Shape]
	mem := elem.FieldByMember(own.Member)
	value := jen.Qual(convPkg, "Value").Call(jen.Id("e").Dot(mem.SDKName))
	switch {
	case mem.Type.Kind == model.Enum:
		value = jen.String().Call(jen.Id("e").Dot(mem.SDKName))
	case mem.Type.Kind != model.String && mem.Type.SDKValue:
		value = jen.Qual("fmt", "Sprint").Call(jen.Id("e").Dot(mem.SDKName))
	case mem.Type.Kind != model.String:
		value = jen.Qual("fmt", "Sprint").Call(value)
	}
	return jen.Qual("slices", "DeleteFunc").Call(jen.Qual("slices", "Clone").Call(x),
		jen.Func().Params(jen.Id("e").Add(m.c.types(elem.Shape))).Bool().Block(
			jen.Return(jen.Qual("slices", "Contains").Call(stringSlice(own.Values), value)),
		))
}

// updateReadCollection removes the entries the spec lacks, changes those
// that differ, and makes the new ones.
func (m *managerWriter) updateReadCollection(s subResource) []jen.Code {
	api, _ := m.entryType(s.f)
	_, key := m.collectionKey(s.f)
	differs := jen.Func().Params(jen.List(jen.Id("d"), jen.Id("o")).Op("*").Add(api)).Bool().Block(
		jen.Return(jen.Len(jen.Id(m.d.structFunc(s.f.Type.Elem.Shape)).Call(jen.Lit(""), jen.Id("d"), jen.Id("o"))).Op(">").Lit(0)),
	)
	change := append(m.entryCall(s, s.Delete, true), m.entryCall(s, s.Put, false)...)
	if s.Replace != nil {
		change = m.entryCall(s, s.Replace, false)
	}
	return []jen.Code{
		jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
		jen.List(jen.Id("add"), jen.Id("change"), jen.Id("remove")).Op(":=").Qual(comparePkg, "KeyedPlan").Call(
			jen.Id("cr").Dot("Spec").Dot(s.f.GoName), jen.Id("observed").Dot(s.f.GoName), key, differs),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("remove")).Block(m.entryCall(s, s.Delete, true)...),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("change")).Block(change...),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("add")).Block(m.entryCall(s, s.Put, false)...),
	}
}

// entryType is the API type of a collection's entries.
func (g *Gen) entryType(f *model.Field) (jen.Code, *model.Struct) {
	return jen.Qual(g.APIPackage(), g.apiType(f.Type.Elem.Shape)), g.svc.Structs[f.Type.Elem.Shape]
}

// entryCall calls op for the entry e with the resource's identifiers and
// the entry's members op takes: only the key members for a delete.
func (m *managerWriter) entryCall(s subResource, op *model.Operation, keysOnly bool) []jen.Code {
	_, elem := m.entryType(s.f)
	var members []string
	for _, f := range elem.Fields {
		members = append(members, f.Member)
	}
	ids, guards := m.identifiers(entryOp(op, members...), jen.Return(jen.Nil()))
	for _, in := range op.Input {
		f := elem.FieldByMember(in.Name)
		if f == nil || (keysOnly && !slices.Contains(s.EntryKeys, in.Name)) {
			continue
		}
		ids[jen.Id(in.GoName)] = m.c.toSDK(f.Type, in.Type, jen.Id("e").Dot(f.GoName), true)
	}
	return append(guards, m.putCall(op, ids, false)...)
}
