package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Versioned documents: a document AWS keeps in versions, one of them the
// default (an IAM policy's). A resync reads the default version the read
// names, only while the field is set or the resource is not owned yet; a
// change makes a new default version, deleting the oldest other one first
// when the most AWS keeps exist; the delete removes every other version
// before the resource, which AWS requires.

// versioned are the spec fields with Versions.
func (m *managerWriter) versioned() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.Versions != nil {
			out = append(out, f)
		}
	}
	return out
}

// versionsID is the resource's identifier the version operations take.
func (m *managerWriter) versionsID(v *model.Versions) jen.Code {
	_, x := m.source(&model.Member{Name: v.IDMember})
	return x
}

// plainValue is x, an SDK member of type t, as a Go value.
func plainValue(t *model.Type, x jen.Code) jen.Code {
	if t.SDKValue {
		return x
	}
	return jen.Qual(convPkg, "Value").Call(x)
}

// observeVersions reads the default version's document into observed.
func (m *managerWriter) observeVersions(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, f := range m.versioned() {
		v := f.Versions
		id := m.versionsID(v)
		def := jen.Id("desc").Dot(m.svc.Structs[m.r.Read.Output].FieldByMember(v.DefaultVersion).SDKName)
		doc := jen.Id("out")
		top := m.svc.Structs[v.Get.Output]
		s := top
		for i, p := range v.ObservedAt {
			mem := s.FieldByMember(p)
			doc = doc.Dot(mem.SDKName)
			if i < len(v.ObservedAt)-1 {
				s = m.svc.Structs[mem.Type.Shape]
			}
		}
		in := jen.Op("&").Qual(m.c.sdk, v.Get.Name+"Input").Values(jen.Dict{
			jen.Id(member(v.Get, v.IDMember).GoName):      id,
			jen.Id(member(v.Get, v.VersionMember).GoName): def.Clone(),
		})
		body = append(body,
			jen.Comment(v.Get.Name+" reads the default version's "+f.JSONName+"; one call, made only while the answer matters."),
			jen.If(jen.Parens(jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil().Op("||").Op("!").Qual(managedPkg, "Owned").Call(jen.Id("cr"))).
				Op("&&").Add(def.Clone()).Op("!=").Nil()).Block(
				jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(v.Get.Name).Call(jen.Id("ctx"), in),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
				jen.If(jen.Id("out").Dot(top.FieldByMember(v.ObservedAt[0]).SDKName).Op("!=").Nil()).Block(
					jen.Id("observed").Dot(f.GoName).Op("=").Add(doc),
				),
			),
		)
	}
	return body
}

// listVersionsName is the method listing f's versions.
func listVersionsName(f *model.Field) string { return "list" + f.GoName + "Versions" }

// listVersionsFuncs are the methods listing each versioned field's
// versions.
func (m *managerWriter) listVersionsFuncs() []jen.Code {
	var out []jen.Code
	for _, f := range m.versioned() {
		v := f.Versions
		listed := m.svc.Structs[v.List.Output].FieldByMember(v.Listed)
		elem := m.svc.Structs[listed.Type.Elem.Shape]
		id, def, created := elem.FieldByMember(v.ListedID), elem.FieldByMember(v.ListedDefault), elem.FieldByMember(v.ListedCreated)
		in := jen.Op("&").Qual(m.c.sdk, v.List.Name+"Input").Values(jen.Dict{
			jen.Id(member(v.List, v.IDMember).GoName): jen.Id("id"),
		})
		out = append(out, jen.Line(),
			jen.Comment(listVersionsName(f)+" lists the versions of the resource id's "+f.JSONName+", by "+v.List.Name+": one page, which holds the most AWS keeps.").Line().
				Func().Params(jen.Id("m").Op("*").Id("manager")).Id(listVersionsName(f)).Params(
				jen.Id("ctx").Qual("context", "Context"), jen.Id("id").Op("*").String(),
			).Params(jen.Index().Qual(managedPkg, "Version"), jen.Error()).Block(
				jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(v.List.Name).Call(jen.Id("ctx"), in),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Var().Id("versions").Index().Qual(managedPkg, "Version"),
				jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("out").Dot(listed.SDKName)).Block(
					jen.Id("versions").Op("=").Append(jen.Id("versions"), jen.Qual(managedPkg, "Version").Values(jen.Dict{
						jen.Id("ID"):      plainValue(id.Type, jen.Id("v").Dot(id.SDKName)),
						jen.Id("Default"): plainValue(def.Type, jen.Id("v").Dot(def.SDKName)),
						jen.Id("Created"): plainValue(created.Type, jen.Id("v").Dot(created.SDKName)),
					})),
				),
				jen.Return(jen.Id("versions"), jen.Nil()),
			))
	}
	return out
}

// deleteVersionCall deletes the version named by the string expression
// name, returning the error.
func (m *managerWriter) deleteVersionCall(v *model.Versions, id, name jen.Code) jen.Code {
	return jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(v.Delete.Name).Call(jen.Id("ctx"),
		jen.Op("&").Qual(m.c.sdk, v.Delete.Name+"Input").Values(jen.Dict{
			jen.Id(member(v.Delete, v.IDMember).GoName):      id,
			jen.Id(member(v.Delete, v.VersionMember).GoName): jen.Op("&").Add(name),
		})), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
}

// updateVersions makes the spec's document the new default version,
// deleting the oldest other version first when the most AWS keeps exist.
func (m *managerWriter) updateVersions() []jen.Code {
	var body []jen.Code
	for _, f := range m.versioned() {
		v := f.Versions
		id := m.versionsID(v)
		setDefault := member(v.Create, v.DefaultMember)
		var yes jen.Code = jen.True()
		if !setDefault.Type.SDKValue {
			yes = jen.Qual(convPkg, "Of").Call(jen.True())
		}
		create := jen.Op("&").Qual(m.c.sdk, v.Create.Name+"Input").Values(jen.Dict{
			jen.Id(member(v.Create, v.IDMember).GoName):       id,
			jen.Id(member(v.Create, v.DocumentMember).GoName): jen.Id("cr").Dot("Spec").Dot(f.GoName),
			jen.Id(setDefault.GoName):                         yes,
		})
		body = append(body,
			jen.Comment("A new "+f.JSONName+" is a new default version; AWS keeps at most "+strconv.Itoa(v.Max)+"."),
			jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil().Op("&&").Add(id).Op("!=").Nil()).Block(
				jen.List(jen.Id("versions"), jen.Err()).Op(":=").Id("m").Dot(listVersionsName(f)).Call(jen.Id("ctx"), id),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.If(jen.List(jen.Id("old"), jen.Id("ok")).Op(":=").Qual(managedPkg, "Prunable").Call(jen.Id("versions"), jen.Lit(v.Max)), jen.Id("ok")).Block(
					m.deleteVersionCall(v, id, jen.Id("old")),
				),
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(v.Create.Name).Call(jen.Id("ctx"), create),
					jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
		)
	}
	return body
}

// deleteAllVersions deletes every version but the default before the
// resource's delete, which AWS refuses while others exist. A resource
// already gone leaves nothing to delete.
func (m *managerWriter) deleteAllVersions() []jen.Code {
	var body []jen.Code
	for _, f := range m.versioned() {
		v := f.Versions
		id := m.versionsID(v)
		gone := jen.Null()
		if len(m.r.NotFoundCodes) > 0 {
			codes := []jen.Code{jen.Err()}
			for _, c := range m.r.NotFoundCodes {
				codes = append(codes, jen.Lit(c))
			}
			gone = jen.If(jen.Qual(managedPkg, "HasErrorCode").Call(codes...)).Block(jen.Return(jen.Nil()))
		}
		body = append(body,
			jen.Comment("AWS deletes the resource only once its other versions are gone."),
			jen.If(jen.Add(id).Op("!=").Nil()).Block(
				jen.List(jen.Id("versions"), jen.Err()).Op(":=").Id("m").Dot(listVersionsName(f)).Call(jen.Id("ctx"), id),
				gone,
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.For(jen.List(jen.Id("_"), jen.Id("old")).Op(":=").Range().Qual(managedPkg, "NonDefault").Call(jen.Id("versions"))).Block(
					m.deleteVersionCall(v, id, jen.Id("old")),
				),
			),
		)
	}
	return body
}
