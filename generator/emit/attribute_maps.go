package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Attribute maps (model.AttributeMap): settings kept in one string map,
// each a string field of its own. The read asks for every field by name
// (an empty list of names would return nothing, and every pass would see
// drift), each field compares on its own like any spec field, the create
// sends those the spec sets, and an update sets only those that differ:
// in one call where the set takes a map, else one call per attribute.

// attributeNames adds the read input's list of the attribute names.
func (m *managerWriter) attributeNames(ids jen.Dict) {
	a := m.r.Attributes
	if a == nil || a.Names == "" {
		return
	}
	ids[jen.Id(member(m.r.Read, a.Names).GoName)] = jen.Id("attributeNames").Call(jen.Id("cr"))
}

// attributeNamesFunc lists the names the read asks for: the read-only
// attributes and those the spec sets, never one it leaves unset (no
// opinion, as for any field; moto refuses some names AWS knows); every
// one while the object owns nothing, so that adoption and a read-only
// object see all.
func (m *managerWriter) attributeNamesFunc() jen.Code {
	a := m.r.Attributes
	if a == nil || a.Names == "" {
		return nil
	}
	elem := jen.String()
	if a.NamesEnum != "" {
		elem = m.c.types(a.NamesEnum)
	}
	var fixed []jen.Code
	for _, f := range a.Status {
		fixed = append(fixed, jen.Lit(f.Member))
	}
	owned := jen.Qual(managedPkg, "Owned").Call(jen.Id("cr"))
	body := []jen.Code{jen.Id("names").Op(":=").Index().Add(elem.Clone()).Values(fixed...)}
	all := jen.Id("all").Op("||")
	if a.All != "" {
		body = append([]jen.Code{jen.If(jen.Op("!").Add(owned)).Block(jen.Return(jen.Index().Add(elem.Clone()).Values(jen.Lit(a.All))))}, body...)
		all = jen.Null()
	} else {
		body = append(body, jen.Id("all").Op(":=").Op("!").Add(owned))
	}
	for _, f := range a.Spec {
		wanted := jen.Add(all.Clone()).Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil()
		if _, ok := a.Default(f); ok {
			// Dropped from the spec, it is read until set back to its default.
			wanted.Op("||").Qual(managedPkg, "Applied").Call(jen.Id("cr"), jen.Lit(f.JSONName))
		}
		body = append(body, jen.If(wanted).Block(
			jen.Id("names").Op("=").Append(jen.Id("names"), jen.Lit(f.Member)),
		))
	}
	body = append(body, jen.Return(jen.Id("names")))
	return jen.Comment("attributeNames are the attributes " + m.r.Read.Name + " asks for: the read-only ones and those the").Line().
		Comment("spec sets; all of them while the object owns nothing, for adoption.").Line().
		Func().Id("attributeNames").Params(jen.Id("cr").Op("*").Qual(m.c.api, m.r.Kind)).Index().Add(elem).Block(body...)
}

// attributeMap is the read output's map at x.
func (m *managerWriter) attributeMap(x *jen.Statement) *jen.Statement {
	return x.Dot(m.svc.Structs[m.r.Read.Output].FieldByMember(m.r.Attributes.Map).SDKName)
}

// observeAttributes sets the observed spec's attribute fields from the
// read's map in desc.
func (m *managerWriter) observeAttributes() []jen.Code {
	a := m.r.Attributes
	if a == nil {
		return nil
	}
	var out []jen.Code
	for _, f := range a.Spec {
		out = append(out, jen.Id("observed").Dot(f.GoName).Op("=").Qual(convPkg, "Attribute").Call(m.attributeMap(jen.Id("desc")), jen.Lit(f.Member)))
	}
	return out
}

// fillAttributeStatus copies the read-only attributes of the read's map
// in into status.
func (m *managerWriter) fillAttributeStatus(op *model.Operation) []jen.Code {
	a := m.r.Attributes
	if a == nil || op != m.r.Read {
		return nil
	}
	var out []jen.Code
	for _, f := range a.Status {
		out = append(out, jen.Id("status").Dot(f.GoName).Op("=").Qual(convPkg, "Attribute").Call(m.attributeMap(jen.Id("in")), jen.Lit(f.Member)))
	}
	return out
}

// attributesARN is the read-only attribute holding the resource's ARN,
// for a kind whose read has no ARN member of its own.
func (m *managerWriter) attributesARN() jen.Code {
	a := m.r.Attributes
	if a == nil || m.r.ARNMember != "" || a.ARN == "" {
		return nil
	}
	return jen.Qual(convPkg, "Attribute").Call(m.attributeMap(jen.Id("desc")), jen.Lit(a.ARN))
}

// createAttributes is the create input's map: every attribute the spec
// sets; nil when mem is not the map.
func (m *managerWriter) createAttributes(mem *model.Member) jen.Code {
	a := m.r.Attributes
	if a == nil || mem.Name != a.Map {
		return nil
	}
	values := jen.Dict{}
	for _, f := range a.Spec {
		values[jen.Lit(f.Member)] = jen.Id("cr").Dot("Spec").Dot(f.GoName)
	}
	return jen.Qual(convPkg, "Attributes").Call(jen.Map(jen.String()).Op("*").String().Values(values))
}

// updateAttributes sets the updatable attributes the diff lists, to the
// spec's values.
func (m *managerWriter) updateAttributes() []jen.Code {
	a := m.r.Attributes
	if a == nil {
		return nil
	}
	changed := []jen.Code{jen.Id("changed").Op(":=").Map(jen.String()).Op("*").String().Values()}
	for _, f := range a.Spec {
		if f.Updatable {
			value := jen.Id("cr").Dot("Spec").Dot(f.GoName)
			if def, ok := a.Default(f); ok {
				// Unset in a diff, it was dropped from the spec: AWS's default comes back.
				value = jen.Qual(convPkg, "Either").Call(value, jen.Qual(convPkg, "Of").Call(jen.Lit(def)))
			}
			changed = append(changed, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(
				jen.Id("changed").Index(jen.Lit(f.Member)).Op("=").Add(value),
			))
		}
	}
	ids, guards := m.identifiers(a.Set, jen.Return(jen.Nil()))
	call := func(in jen.Dict) jen.Code {
		return jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(a.Set.Name).Call(
			jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, a.Set.Name+"Input").Values(in)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
	var set jen.Code
	if a.SetMap != "" {
		ids[jen.Id(member(a.Set, a.SetMap).GoName)] = jen.Id("attrs")
		set = call(ids)
	} else {
		ids[jen.Id(member(a.Set, a.SetName).GoName)] = m.stringArg(member(a.Set, a.SetName), jen.Id("name"))
		ids[jen.Id(member(a.Set, a.SetValue).GoName)] = m.stringArg(member(a.Set, a.SetValue), jen.Id("attrs").Index(jen.Id("name")))
		set = jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("attrs")))).Block(call(ids))
	}
	body := append(guards, set)
	return append(changed,
		jen.Comment(a.Set.Name+" gets only the attributes that differ."),
		jen.If(jen.Id("attrs").Op(":=").Qual(convPkg, "Attributes").Call(jen.Id("changed")), jen.Len(jen.Id("attrs")).Op(">").Lit(0)).Block(body...),
	)
}

// stringArg is a string value as the SDK holds the input member.
func (m *managerWriter) stringArg(mem *model.Member, x jen.Code) jen.Code {
	if mem.Type.SDKValue {
		return x
	}
	return jen.Qual(convPkg, "Of").Call(x)
}

// defaultedAttributes are the updatable attribute fields with a default:
// the runtime records applying them, so that one the spec drops is set
// back to AWS's default once.
func (m *managerWriter) defaultedAttributes() []*model.Field {
	a := m.r.Attributes
	if a == nil {
		return nil
	}
	var out []*model.Field
	for _, f := range a.Spec {
		if _, ok := a.Default(f); ok {
			out = append(out, f)
		}
	}
	return out
}

// droppedAttributesFunc lists the defaulted attributes the spec dropped
// after the controller applied them, and which AWS still holds at
// another value than the default; nil for a kind with none.
func (m *managerWriter) droppedAttributesFunc() jen.Code {
	fields := m.defaultedAttributes()
	if len(fields) == 0 {
		return nil
	}
	body := []jen.Code{jen.Var().Id("diff").Index().String()}
	for _, f := range fields {
		def, _ := m.r.Attributes.Default(f)
		body = append(body, jen.If(
			jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("==").Nil().
				Op("&&").Qual(managedPkg, "Applied").Call(jen.Id("cr"), jen.Lit(f.JSONName)).
				Op("&&").Op("!").Qual(comparePkg, "Attribute").Call(jen.Lit(def), jen.Qual(convPkg, "Value").Call(jen.Id("observed").Dot(f.GoName))),
		).Block(jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Lit(f.JSONName))))
	}
	body = append(body, jen.Return(jen.Id("diff")))
	return jen.Comment("droppedAttributes lists the attributes the spec dropped after they were applied, where AWS").Line().
		Comment("holds another value than its default: an update sets the default back.").Line().
		Func().Id("droppedAttributes").Params(jen.Id("cr").Op("*").Qual(m.c.api, m.r.Kind), jen.Id("observed").Op("*").Qual(m.c.api, m.r.Kind+"Spec")).Index().String().Block(body...)
}

// observeDroppedAttributes adds the dropped attributes to the diff.
func (m *managerWriter) observeDroppedAttributes() []jen.Code {
	if len(m.defaultedAttributes()) == 0 {
		return nil
	}
	return []jen.Code{jen.Id("obs").Dot("Diff").Op("=").Append(jen.Id("obs").Dot("Diff"),
		jen.Id("droppedAttributes").Call(jen.Id("cr"), jen.Op("&").Id("observed")).Op("..."))}
}
