package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Links: a list of other resources' identifiers, each associated with
// the resource by a call of its own (a subnet's route tables). The
// resource's read does not list them; another resource's list operation
// does, filtered on this one's identifier, so they are read only while
// the field is set or the resource is not owned yet (adoption sees all).
// An update disassociates first, since a subnet takes one route table.

// linked are the spec fields with links.
func (m *managerWriter) linked() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.Links != nil {
			out = append(out, f)
		}
	}
	return out
}

// linkID is the resource's identifier the associations name.
func (m *managerWriter) linkID(l *model.Links) jen.Code {
	_, x := m.source(&model.Member{Name: l.Identifier})
	return x
}

// disassociateCall disassociates the element v, whose association's
// identifier is assoc: by the association's identifier, or by the
// element and the fixed identifier value that undoes an association.
func (m *managerWriter) disassociateCall(l *model.Links) jen.Code {
	var in jen.Dict
	if l.DisassociateID == "" {
		in = jen.Dict{jen.Id(member(l.Disassociate, l.DisassociateMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("assoc"))}
	} else {
		in = jen.Dict{
			jen.Id(member(l.Disassociate, l.ValueMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("v")),
			jen.Id(member(l.Disassociate, l.IDMember).GoName):    jen.Qual(convPkg, "Of").Call(jen.Lit(l.DisassociateID)),
		}
	}
	return jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(l.Disassociate.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, l.Disassociate.Name+"Input").Values(in)),
		jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
}

// rangeLinks ranges over the listed associations, naming the element v
// and the association's identifier assoc only where the disassociate
// uses each.
func rangeLinks(l *model.Links, needV bool) *jen.Statement {
	if l.DisassociateID != "" {
		return jen.For(jen.Id("v").Op(":=").Range().Id("links"))
	}
	v := jen.Id("_")
	if needV {
		v = jen.Id("v")
	}
	return jen.For(jen.List(v, jen.Id("assoc")).Op(":=").Range().Id("links"))
}

// listLinksName is the method listing f's associations.
func listLinksName(f *model.Field) string { return "list" + f.GoName }

// listLinksFuncs are the methods listing each linked field's associations
// as a map from element to association identifier.
func (m *managerWriter) listLinksFuncs() []jen.Code {
	var out []jen.Code
	for _, f := range m.linked() {
		out = append(out, jen.Line(), m.listLinksFunc(f))
	}
	return out
}

func (m *managerWriter) listLinksFunc(f *model.Field) jen.Code {
	l := f.Links
	tf := l.Filters
	fs := m.svc.Structs[tf.Shape]
	filter := m.c.types(tf.Shape).Values(jen.Dict{
		jen.Id(fs.FieldByMember(tf.Name).SDKName):   jen.Qual(convPkg, "Of").Call(jen.Lit(l.Filter)),
		jen.Id(fs.FieldByMember(tf.Values).SDKName): jen.Index().String().Values(jen.Id("id")),
	})
	in := jen.Op("&").Qual(m.c.sdk, l.List.Name+"Input").Values(jen.Dict{
		jen.Id(exported(tf.Member)): jen.Index().Add(m.c.types(tf.Shape)).Values(filter),
	})
	// Nested loops down the path of lists to the associations.
	s := m.svc.Structs[l.List.Output]
	x := jen.Id("out")
	var loops []func(jen.Code) jen.Code
	for i, p := range l.ObservedAt {
		mem := s.FieldByMember(p)
		v := jen.Id("x" + string(rune('0'+i)))
		src := x.Clone().Dot(mem.SDKName)
		loops = append(loops, func(inner jen.Code) jen.Code {
			return jen.For(jen.List(jen.Id("_"), v.Clone()).Op(":=").Range().Add(src)).Block(inner)
		})
		x, s = v, m.svc.Structs[mem.Type.Elem.Shape]
	}
	value, id := s.FieldByMember(l.ValueMember), s.FieldByMember(l.IDMember)
	// Without an association identifier the element alone undoes it.
	assoc := jen.Lit("")
	if l.DisassociateID == "" {
		assoc = jen.Qual(convPkg, "Value").Call(x.Clone().Dot(s.FieldByMember(l.AssociationID).SDKName))
	}
	var body jen.Code = jen.If(
		jen.Qual(convPkg, "Value").Call(x.Clone().Dot(id.SDKName)).Op("==").Id("id").Op("&&").Add(x.Clone().Dot(value.SDKName)).Op("!=").Nil(),
	).Block(
		jen.Id("links").Index(jen.Op("*").Add(x.Clone().Dot(value.SDKName))).Op("=").Add(assoc),
	)
	for i := len(loops) - 1; i >= 0; i-- {
		body = loops[i](body)
	}
	each := ", each with its association's identifier."
	if l.DisassociateID != "" {
		each = "; none has an identifier of its own."
	}
	return jen.Comment(listLinksName(f)+" lists the "+f.JSONName+" the resource id is associated with, by "+l.List.Name+" filtered on "+l.Filter+each).Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id(listLinksName(f)).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("id").String(),
	).Params(jen.Map(jen.String()).String(), jen.Error()).Block(
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(l.List.Name).Call(jen.Id("ctx"), in),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("links").Op(":=").Map(jen.String()).String().Values(),
		body,
		jen.Return(jen.Id("links"), jen.Nil()),
	)
}

// observeLinks reads each linked field into observed, sorted, when its
// answer matters.
func (m *managerWriter) observeLinks(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, f := range m.linked() {
		field := jen.Id("observed").Dot(f.GoName)
		id := m.linkID(f.Links)
		cond := jen.Parens(jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil().
			Op("||").Op("!").Qual(managedPkg, "Owned").Call(jen.Id("cr")))
		body = append(body,
			jen.Comment(f.Links.List.Name+" lists the "+f.JSONName+"; one call, made only while the answer matters."),
			jen.If(cond.Op("&&").Add(id).Op("!=").Nil()).Block(
				jen.List(jen.Id("links"), jen.Err()).Op(":=").Id("m").Dot(listLinksName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id)),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
				field.Clone().Op("=").Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("links"))),
				jen.If(field.Clone().Op("==").Nil()).Block(field.Clone().Op("=").Index().String().Values()),
			),
		)
	}
	return body
}

// updateLinks lists the associations again for their identifiers, when
// the field differs, disassociates those the spec lacks, then associates
// those AWS lacks.
func (m *managerWriter) updateLinks() []jen.Code {
	var body []jen.Code
	for _, f := range m.linked() {
		l := f.Links
		id := m.linkID(l)
		spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
		associate := jen.Op("&").Qual(m.c.sdk, l.Associate.Name+"Input").Values(jen.Dict{
			jen.Id(member(l.Associate, l.ValueMember).GoName): jen.Qual(convPkg, "Of").Call(jen.Id("v")),
			jen.Id(member(l.Associate, l.IDMember).GoName):    id,
		})
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(id).Op("!=").Nil()).Block(
			jen.List(jen.Id("links"), jen.Err()).Op(":=").Id("m").Dot(listLinksName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			rangeLinks(l, true).Block(
				jen.If(jen.Op("!").Qual("slices", "Contains").Call(spec.Clone(), jen.Id("v"))).Block(m.disassociateCall(l)),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(spec.Clone())).Block(
				jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("links").Index(jen.Id("v")), jen.Op("!").Id("ok")).Block(
					jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(l.Associate.Name).Call(jen.Id("ctx"), associate),
						jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				),
			),
		))
	}
	return body
}

// unlinkAll disassociates, before the delete, every association of the
// linked fields the spec sets, by value or by reference: AWS may keep a
// deleted subnet's route table association (moto does), which then stops
// the table's delete.
func (m *managerWriter) unlinkAll() []jen.Code {
	var body []jen.Code
	for _, f := range m.linked() {
		l := f.Links
		id := m.linkID(l)
		// A spec naming them by reference counts, resolved or not: the
		// targets may be going too when the whole stack is deleted.
		set := jen.Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil()
		if f.Reference != nil {
			refGo, _ := refNames(f)
			set = jen.Parens(set.Op("||").Id("cr").Dot("Spec").Dot(refGo).Op("!=").Nil())
		}
		body = append(body,
			jen.Comment("The "+f.JSONName+" associations must not outlive the resource."),
			jen.If(set.Op("&&").Add(id).Op("!=").Nil()).Block(
				jen.List(jen.Id("links"), jen.Err()).Op(":=").Id("m").Dot(listLinksName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id)),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				rangeLinks(l, false).Block(m.disassociateCall(l)),
			),
		)
	}
	return body
}
