package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Keep-empty fields: a boolean that, when true, requires collections held
// by related resources to be empty (a VPC's default security group's
// rules). Another operation lists the related resources, filtered on this
// one's identifier; it is called only while the field is true, so false or
// unset, which is no opinion, costs nothing.

// keptEmpty are the spec fields with KeepsEmpty.
func (m *managerWriter) keptEmpty() []*model.Field {
	var out []*model.Field
	for _, f := range m.r.Spec {
		if f.KeepsEmpty != nil {
			out = append(out, f)
		}
	}
	return out
}

// keepEmptyName is the method that checks, and with remove empties, f's
// collections.
func keepEmptyName(f *model.Field) string { return "keepEmpty" + f.GoName }

// keepEmptyFuncs are the methods of each keep-empty field.
func (m *managerWriter) keepEmptyFuncs() []jen.Code {
	var out []jen.Code
	for _, f := range m.keptEmpty() {
		out = append(out, jen.Line(), m.keepEmptyFunc(f))
	}
	return out
}

func (m *managerWriter) keepEmptyFunc(f *model.Field) jen.Code {
	k := f.KeepsEmpty
	tf := k.Filters
	fs := m.svc.Structs[tf.Shape]
	filter := func(name, value jen.Code) jen.Code {
		return m.c.types(tf.Shape).Values(jen.Dict{
			jen.Id(fs.FieldByMember(tf.Name).SDKName):   jen.Qual(convPkg, "Of").Call(name),
			jen.Id(fs.FieldByMember(tf.Values).SDKName): jen.Index().String().Values(value),
		})
	}
	filters := []jen.Code{filter(jen.Lit(k.Filter), jen.Id("id"))}
	for _, x := range k.Fixed {
		filters = append(filters, filter(jen.Lit(x.Name), jen.Lit(x.Value)))
	}
	in := jen.Op("&").Qual(m.c.sdk, k.List.Name+"Input").Values(jen.Dict{
		jen.Id(exported(tf.Member)): jen.Index().Add(m.c.types(tf.Shape)).Values(filters...),
	})
	// Nested loops down the path of lists to the related resources.
	s := m.svc.Structs[k.List.Output]
	x := jen.Id("out")
	var loops []func(...jen.Code) jen.Code
	for i, p := range k.ObservedAt {
		mem := s.FieldByMember(p)
		v := jen.Id("x" + string(rune('0'+i)))
		src := x.Clone().Dot(mem.SDKName)
		loops = append(loops, func(inner ...jen.Code) jen.Code {
			return jen.For(jen.List(jen.Id("_"), v.Clone()).Op(":=").Range().Add(src)).Block(inner...)
		})
		x, s = v, m.svc.Structs[mem.Type.Elem.Shape]
	}
	var checks []jen.Code
	for _, c := range k.Collections {
		list := x.Clone().Dot(s.FieldByMember(c.Member).SDKName)
		del := jen.Op("&").Qual(m.c.sdk, c.Delete.Name+"Input").Values(jen.Dict{
			jen.Id(member(c.Delete, c.IDMember).GoName):   x.Clone().Dot(s.FieldByMember(c.IDMember).SDKName),
			jen.Id(member(c.Delete, c.ListMember).GoName): list.Clone(),
		})
		checks = append(checks, jen.If(jen.Len(list.Clone()).Op(">").Lit(0)).Block(
			jen.If(jen.Op("!").Id("remove")).Block(jen.Return(jen.False(), jen.Nil())),
			jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(c.Delete.Name).Call(jen.Id("ctx"), del),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Err())),
		))
	}
	body := checks
	for i := len(loops) - 1; i >= 0; i-- {
		body = []jen.Code{loops[i](body...)}
	}
	return jen.Comment(keepEmptyName(f)+" reports whether what "+f.JSONName+" keeps empty is empty, by "+k.List.Name+" filtered on "+k.Filter+"; with remove it empties it.").Line().
		Func().Params(jen.Id("m").Op("*").Id("manager")).Id(keepEmptyName(f)).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("id").String(), jen.Id("remove").Bool(),
	).Params(jen.Bool(), jen.Error()).Block(append(append([]jen.Code{
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(k.List.Name).Call(jen.Id("ctx"), in),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Err())),
	}, body...), jen.Return(jen.True(), jen.Nil()))...)
}

// whileTrue is the condition under which f's collections are read: the
// field is true and the resource's identifier known.
func (m *managerWriter) whileTrue(f *model.Field) (jen.Code, jen.Code) {
	_, id := m.source(&model.Member{Name: f.KeepsEmpty.IDMember})
	spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
	return spec.Clone().Op("!=").Nil().Op("&&").Op("*").Add(spec.Clone()).Op("&&").Add(id).Op("!=").Nil(), id
}

// observeKeptEmpty reads whether each keep-empty field's collections are
// empty into observed, only while the field is true; otherwise observed
// keeps the spec's value, which is no difference.
func (m *managerWriter) observeKeptEmpty(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, f := range m.keptEmpty() {
		cond, id := m.whileTrue(f)
		body = append(body,
			jen.Comment(f.KeepsEmpty.List.Name+" reads what "+f.JSONName+" keeps empty; one call, made only while it is true."),
			jen.If(cond).Block(
				jen.List(jen.Id("empty"), jen.Err()).Op(":=").Id("m").Dot(keepEmptyName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id), jen.False()),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
				jen.Id("observed").Dot(f.GoName).Op("=").Op("&").Id("empty"),
			),
		)
	}
	return body
}

// updateKeptEmpty empties each keep-empty field's collections when the
// field is true and differs.
func (m *managerWriter) updateKeptEmpty() []jen.Code {
	var body []jen.Code
	for _, f := range m.keptEmpty() {
		cond, id := m.whileTrue(f)
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)).Op("&&").Add(cond)).Block(
			jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot(keepEmptyName(f)).Call(jen.Id("ctx"), jen.Op("*").Add(id), jen.True()),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		))
	}
	return body
}
