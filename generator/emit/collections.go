package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// A keyed collection (model.SubResource with a List) is a spec list of
// entries that AWS keeps apart, each put and deleted by its key. Observe
// reads them all with one paged list call, diffSpec compares them as a
// set by key, and Update puts only the entries that are new or differ
// and deletes by key those the spec lacks.

// entry describes the element structure of the collection f: its API
// type and its key field.
func (g *Gen) entry(f *model.Field) (api jen.Code, key *model.Field) {
	elem := g.svc.Structs[f.Type.Elem.Shape]
	return jen.Qual(g.APIPackage(), g.apiType(f.Type.Elem.Shape)), elem.FieldByMember(f.SubResource.Key)
}

// keyFunc is the function literal that returns an entry's key.
func (g *Gen) keyFunc(f *model.Field) jen.Code {
	api, key := g.entry(f)
	return jen.Func().Params(jen.Id("e").Op("*").Add(api)).String().Block(
		jen.Return(jen.Qual(convPkg, "Value").Call(jen.Id("e").Dot(key.GoName))),
	)
}

// listPage is the body of one page of a paged list call on in: set the
// page token, call, take the page's elements with each, and return the
// next token (nil when the list is not paged).
func listPage(list *model.Operation, inToken, outToken string, each jen.Code) []jen.Code {
	var page []jen.Code
	if inToken != "" {
		page = append(page, jen.Id("in").Dot(exported(inToken)).Op("=").Id("token"))
	}
	next := jen.Nil()
	if outToken != "" {
		next = jen.Id("out").Dot(exported(outToken))
	}
	return append(page,
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(list.Name).Call(jen.Id("ctx"), jen.Id("in")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		each,
		jen.Return(next, jen.Nil()),
	)
}

// listCollection reads every entry with the list operation, page by page,
// into observed.
func (m *managerWriter) listCollection(s subResource, obsZero jen.Code) []jen.Code {
	list := s.List
	ids, guards := m.identifiers(list, jen.Return(obsZero, jen.Nil()))
	_, elemType := m.outputType(list)
	page := listPage(list, s.InputToken, s.OutputToken, jen.Id("listed").Op("=").Append(jen.Id("listed"), m.listed(list).Op("...")))
	sdkList := &model.Type{Kind: model.List, Elem: &model.Type{Kind: model.Structure, Shape: list.Output}}
	return append(guards,
		jen.Id("in").Op(":=").Op("&").Qual(m.c.sdk, list.Name+"Input").Values(ids),
		jen.Var().Id("listed").Index().Add(elemType),
		jen.If(jen.Err().Op(":=").Qual(managedPkg, "Pages").Call(jen.Id("ctx"), jen.Lit(list.Name),
			jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").Op("*").String()).Params(jen.Op("*").String(), jen.Error()).Block(page...),
		), jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
		jen.Id("observed").Dot(s.f.GoName).Op("=").Add(m.c.fromSDK(s.f.Type, sdkList, jen.Id("listed"), true)),
	)
}

// putEntry puts the entry e.
func (m *managerWriter) putEntry(s subResource) []jen.Code {
	ids, guards := m.identifiers(entryOp(s.Put, s.PutMember, s.Key), jen.Return(jen.Nil()))
	_, key := m.entry(s.f)
	for _, in := range s.Put.Input {
		switch in.Name {
		case s.Key:
			ids[jen.Id(in.GoName)] = m.c.toSDK(key.Type, in.Type, jen.Id("e").Dot(key.GoName), true)
		case s.PutMember:
			ids[jen.Id(in.GoName)] = m.c.toSDK(s.f.Type.Elem, in.Type, jen.Op("&").Id("e"), true)
		}
	}
	return append(guards, m.putCall(s.Put, ids, m.hasSecrets(s.f.Type))...)
}

// entryOp is op without the input members that an entry fills, so that a
// spec field of the same name never sets one as an identifier too.
func entryOp(op *model.Operation, members ...string) *model.Operation {
	o := *op
	o.Input = slices.DeleteFunc(slices.Clone(op.Input), func(in *model.Member) bool { return slices.Contains(members, in.Name) })
	return &o
}

// deleteEntry deletes the entry keyed k; already gone (HTTP 404) is what
// was wanted.
func (m *managerWriter) deleteEntry(s subResource) []jen.Code {
	ids, guards := m.identifiers(entryOp(s.Delete, s.Key), jen.Return(jen.Nil()))
	for _, in := range s.Delete.Input {
		if in.Name == s.Key {
			ids[jen.Id(in.GoName)] = m.c.toSDK(&model.Type{Kind: model.String}, in.Type, jen.Op("&").Id("k"), true)
		}
	}
	return append(guards,
		jen.If(
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.Delete.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, s.Delete.Name+"Input").Values(ids)),
			jen.Err().Op("!=").Nil().Op("&&").Qual(managedPkg, "HTTPStatus").Call(jen.Err()).Op("!=").Qual("net/http", "StatusNotFound"),
		).Block(jen.Return(jen.Err())),
	)
}

// updateCollection puts the entries that are new or differ, and deletes
// the ones the spec lacks where the collection has a delete.
func (m *managerWriter) updateCollection(s subResource) []jen.Code {
	if s.EntryInPut {
		return m.updateReadCollection(s)
	}
	api, _ := m.entry(s.f)
	differs := jen.Func().Params(jen.List(jen.Id("d"), jen.Id("o")).Op("*").Add(api)).Bool().Block(
		jen.Return(jen.Len(jen.Id(m.d.structFunc(s.f.Type.Elem.Shape)).Call(jen.Lit(""), jen.Id("d"), jen.Id("o"))).Op(">").Lit(0)),
	)
	remove := jen.Id("_")
	if s.removable() {
		remove = jen.Id("remove")
	}
	body := []jen.Code{
		jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
		jen.List(jen.Id("put"), remove).Op(":=").Qual(comparePkg, "KeyedChanges").Call(
			jen.Id("cr").Dot("Spec").Dot(s.f.GoName), jen.Id("observed").Dot(s.f.GoName), m.keyFunc(s.f), differs),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("put")).Block(m.putEntry(s)...),
	}
	if s.removable() {
		body = append(body, jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("remove")).Block(m.deleteEntry(s)...))
	}
	return body
}

// keyedField compares a collection in diffSpec as a set by key. Where
// removing an entry deletes it, an unset field is the empty collection;
// elsewhere it is no opinion.
func (d *differ) keyedField(f *model.Field, removable bool) jen.Code {
	keyName, keyFunc := d.collectionKey(f)
	des, obs := jen.Id("desired").Dot(f.GoName), jen.Id("observed").Dot(f.GoName)
	add := jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Qual(comparePkg, "Keyed").Call(
		jen.Lit(f.JSONName), jen.Lit(keyName), des, obs, keyFunc, jen.Id(d.structFunc(f.Type.Elem.Shape)),
	).Op("..."))
	if removable {
		return add
	}
	return jen.If(des.Clone().Op("!=").Nil()).Block(add)
}
