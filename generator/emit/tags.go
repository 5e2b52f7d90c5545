package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Default tags. A kind whose tags are one top-level spec field gets the
// controller's default tags at create (managed.DesiredTags). Where the
// service has tag operations taking the ARN, the manager also reads the
// tags on every observation, reports "tags" in the diff when they differ
// (aws: tags aside, managed.TagsDiffer), and corrects them through the tag
// and untag operations: a second read per resync, and writes only on a
// difference.

// tagsField is the spec field holding the tags, or nil when the kind has
// none the manager can handle.
func (m *managerWriter) tagsField() *model.Field {
	t := m.r.Tags
	if t == nil || len(t.Path) != 1 {
		return nil
	}
	for _, f := range m.r.Spec {
		if f.Member == t.Path[0] && f.SubResource == nil {
			return f
		}
	}
	return nil
}

// tagAPI is the tag operations the manager calls, or nil.
func (m *managerWriter) tagAPI() *model.TagAPI {
	if m.tagsField() == nil {
		return nil
	}
	return m.r.Tags.API
}

// desiredTags is the expression of the tags the resource should carry.
func desiredTags() jen.Code {
	return jen.Qual(managedPkg, "DesiredTags").Call(jen.Id("ctx"), jen.Id("specTags").Call(jen.Id("cr")))
}

// specTagsFunc reads the spec's tags as a map.
func (m *managerWriter) specTagsFunc() jen.Code {
	f := m.tagsField()
	x := jen.Id("cr").Dot("Spec").Dot(f.GoName)
	var body jen.Code
	if f.Type.Kind == model.Map {
		body = jen.Return(x)
	} else {
		defer inShape(f.Type.Elem.Shape)
		key, value := m.svc.Structs[f.Type.Elem.Shape].TagMembers()
		body = jen.Return(jen.Qual(convPkg, "TagMap").Call(x, jen.Func().Params(jen.Id("t").Qual(m.c.api, m.apiType(f.Type.Elem.Shape))).Params(jen.String(), jen.String()).Block(
			jen.Return(jen.Qual(convPkg, "Value").Call(jen.Id("t").Dot(key.GoName)), jen.Qual(convPkg, "Value").Call(jen.Id("t").Dot(value.GoName))),
		)))
	}
	return jen.Func().Id("specTags").Params(jen.Id("cr").Op("*").Qual(m.c.api, m.r.Kind)).Map(jen.String()).String().Block(body)
}

// tagsToSDK converts a tag map to the SDK type t: the map itself, or a
// list of key-value structures.
func (m *managerWriter) tagsToSDK(t *model.Type, x jen.Code) jen.Code {
	if t.Kind == model.Map {
		return x
	}
	defer inShape(t.Elem.Shape)
	key, value := m.svc.Structs[t.Elem.Shape].TagMembers()
	ref := func(f *model.Field, v string) jen.Code {
		if f.Type.SDKValue {
			return jen.Id(v)
		}
		return jen.Op("&").Id(v)
	}
	elem := m.c.types(t.Elem.Shape)
	return jen.Qual(convPkg, "TagList").Call(x, jen.Func().Params(jen.List(jen.Id("k"), jen.Id("v")).String()).Add(elem.Clone()).Block(
		jen.Return(elem.Clone().Values(jen.Dict{
			jen.Id(key.SDKName):   ref(key, "k"),
			jen.Id(value.SDKName): ref(value, "v"),
		})),
	))
}

// tagsFromSDK converts the SDK's tags of type t at x to a map.
func (m *managerWriter) tagsFromSDK(t *model.Type, x jen.Code) jen.Code {
	if t.Kind == model.Map {
		return x
	}
	defer inShape(t.Elem.Shape)
	key, value := m.svc.Structs[t.Elem.Shape].TagMembers()
	get := func(f *model.Field) jen.Code {
		if f.Type.SDKValue {
			return jen.Id("t").Dot(f.SDKName)
		}
		return jen.Qual(convPkg, "Value").Call(jen.Id("t").Dot(f.SDKName))
	}
	return jen.Qual(convPkg, "TagMap").Call(x, jen.Func().Params(jen.Id("t").Add(m.c.types(t.Elem.Shape))).Params(jen.String(), jen.String()).Block(
		jen.Return(get(key), get(value)),
	))
}

// member finds an operation input member by name.
func member(op *model.Operation, name string) *model.Member {
	for _, mem := range op.Input {
		if mem.Name == name {
			return mem
		}
	}
	return nil
}

// listTagsFunc reads every tag of the resource, page by page through
// managed.Pages, which stops on a repeated token or at its page limit.
func (m *managerWriter) listTagsFunc() jen.Code {
	api := m.tagAPI()
	list := api.List
	out := m.svc.Structs[list.Output].FieldByMember(api.ListMember)
	input := jen.Dict{jen.Id(member(list, api.ListARN).GoName): jen.Id("arn")}
	if api.Paginated {
		input[jen.Id(member(list, api.PageToken).GoName)] = jen.Id("token")
	}
	read := []jen.Code{
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(list.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, list.Name+"Input").Values(input)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Qual("maps", "Copy").Call(jen.Id("tags"), m.tagsFromSDK(out.Type, jen.Id("out").Dot(out.SDKName))),
	}
	var body []jen.Code
	if api.Paginated {
		page := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").Op("*").String()).Params(jen.Op("*").String(), jen.Error()).Block(
			append(read, jen.Return(jen.Id("out").Dot(m.svc.Structs[list.Output].FieldByMember(api.NextPageToken).SDKName), jen.Nil()))...,
		)
		body = []jen.Code{
			jen.Err().Op(":=").Qual(managedPkg, "Pages").Call(jen.Id("ctx"), jen.Lit(list.Name), page),
			jen.Return(jen.Id("tags"), jen.Err()),
		}
	} else {
		body = append(read, jen.Return(jen.Id("tags"), jen.Nil()))
	}
	return jen.Comment("listTags reads the resource's tags through "+list.Name+".").Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id("listTags").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("arn").Op("*").String(),
	).Params(jen.Map(jen.String()).String(), jen.Error()).Block(
		append([]jen.Code{jen.Id("tags").Op(":=").Map(jen.String()).String().Values()}, body...)...,
	)
}

// observeTags reads the tags after the resource's read and adds the tags
// field to the diff when they differ from the desired ones.
func (m *managerWriter) observeTags(obsZero jen.Code, arn jen.Code) []jen.Code {
	if api := m.tagAPI(); api != nil && api.FromRead {
		return m.observeTagsRead()
	}
	if api := m.tagAPI(); api != nil && api.ReadMember != "" {
		return m.observeTagsWithRead(api.ReadMember)
	}
	if api := m.tagAPI(); api != nil && api.Identifier != "" {
		_, arn = m.source(&model.Member{Name: api.Identifier})
	}
	if m.tagAPI() == nil || arn == nil {
		return nil
	}
	f := m.tagsField()
	return []jen.Code{
		jen.Comment("The tags are read apart from the resource; aws: tags never count."),
		jen.If(jen.Id("arn").Op(":=").Add(arn), jen.Id("arn").Op("!=").Nil()).Block(
			jen.List(jen.Id("tags"), jen.Err()).Op(":=").Id("m").Dot("listTags").Call(jen.Id("ctx"), jen.Id("arn")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
			jen.If(jen.Qual(managedPkg, "TagsDiffer").Call(desiredTags(), jen.Id("tags"))).Block(
				jen.Id("obs").Dot("Diff").Op("=").Append(jen.Id("obs").Dot("Diff"), jen.Lit(f.JSONName)),
			),
		),
	}
}

// updateTags applies the tag changes, when the tags differ: the ARN is in
// the status by the time the runtime updates. It untags before it tags,
// and managed.TagChanges untags a key whose value changes, so an API that
// appends instead of overwriting never holds a key twice.
func (m *managerWriter) updateTags() []jen.Code {
	api := m.tagAPI()
	if api == nil {
		return nil
	}
	if api.FromRead {
		return m.updateTagsByIdentifier()
	}
	f := m.tagsField()
	arn := jen.Id("cr").Dot("Status").Dot("ACKResourceMetadata").Dot("ARN")
	known := jen.Id("cr").Dot("Status").Dot("ACKResourceMetadata").Op("!=").Nil()
	if api.Identifier != "" {
		_, x := m.source(&model.Member{Name: api.Identifier})
		arn, known = jen.Add(x), jen.Add(x).Op("!=").Nil()
	}
	tagMem, keysMem := member(api.Tag, api.TagMember), member(api.Untag, api.KeysMember)
	return []jen.Code{
		jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(known)).Block(
			jen.List(jen.Id("observed"), jen.Err()).Op(":=").Id("m").Dot("listTags").Call(jen.Id("ctx"), arn.Clone()),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.List(jen.Id("set"), jen.Id("remove")).Op(":=").Qual(managedPkg, "TagChanges").Call(desiredTags(), jen.Id("observed")),
			jen.If(jen.Len(jen.Id("remove")).Op(">").Lit(0)).Block(
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(api.Untag.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, api.Untag.Name+"Input").Values(jen.Dict{
					jen.Id(member(api.Untag, api.UntagARN).GoName): arn.Clone(),
					jen.Id(keysMem.GoName):                         jen.Id("remove"),
				})), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
			jen.If(jen.Len(jen.Id("set")).Op(">").Lit(0)).Block(
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(api.Tag.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, api.Tag.Name+"Input").Values(jen.Dict{
					jen.Id(member(api.Tag, api.TagARN).GoName): arn.Clone(),
					jen.Id(tagMem.GoName):                      m.tagsToSDK(tagMem.Type, jen.Id("set")),
				})), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
		),
	}
}

// otherThanTags is the condition that the diff holds more than the tags,
// so the resource's own update has something to send.
func (m *managerWriter) otherThanTags() jen.Code {
	return jen.Qual("slices", "ContainsFunc").Call(jen.Id("obs").Dot("Diff"), jen.Func().Params(jen.Id("p").String()).Bool().Block(
		jen.Return(jen.Id("p").Op("!=").Lit(m.tagsField().JSONName)),
	))
}
