package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// This file emits what makes a create happen exactly once: the create's
// client token, the Kind options that tell the runtime what the kind
// offers, and FindCreated, which looks for what a create whose answer was
// lost made.

// createOnceOptions are the Kind options about creating exactly once.
func (m *managerWriter) createOnceOptions() jen.Dict {
	opts := jen.Dict{}
	if m.r.AssignedIdentifier {
		opts[jen.Id("AssignedIdentifier")] = jen.True()
	}
	if m.r.Create.Token != nil {
		opts[jen.Id("ClientToken")] = jen.True()
	}
	if m.r.IdempotentCreate {
		opts[jen.Id("IdempotentCreate")] = jen.True()
	}
	return opts
}

// createToken sets the create input's idempotency token to the runtime's,
// which stays the same when a create is retried; without one the SDK
// fills in a random token, as before.
func (m *managerWriter) createToken(fields jen.Dict) {
	if tok := m.r.Create.Token; tok != nil {
		token := jen.Qual(managedPkg, "ClientToken").Call(jen.Id("ctx"))
		fields[jen.Id(tok.GoName)] = m.c.toSDK(&model.Type{Kind: model.String}, tok.Type, token, true)
	}
}

// findCreated emits FindCreated, the kind's managed.Finder: it pages
// through the list, keeps the elements whose members equal the spec's
// and that were made at or after since, and when exactly one is left
// fills the status identifiers from it.
func (m *managerWriter) findCreated() jen.Code {
	f := m.r.Finder
	list := f.List
	elem := m.svc.Structs[list.Output]
	in := jen.Dict{}
	keep := []jen.Code{}
	var matched []string
	for _, mt := range f.Match {
		field := specField(m.r, mt.Field)
		matched = append(matched, mt.Field)
		if mt.Input != "" {
			mem := inputMember(list, mt.Input)
			in[jen.Id(mem.GoName)] = m.c.toSDK(field.Type, mem.Type, specValue(field), true)
		}
		em := elem.FieldByMember(mt.Element)
		got := m.c.fromSDK(field.Type, em.Type, jen.Id("e").Dot(em.SDKName), true)
		keep = append(keep, jen.Qual(convPkg, "Value").Call(got).Op("==").Qual(convPkg, "Value").Call(specValue(field)))
	}
	if s := f.Since; s != nil {
		since := jen.Op("&").Id("since")
		if s.Type.SDKValue {
			since = jen.Id("since")
		}
		in[jen.Id(s.GoName)] = since
	}
	if f.CreatedAt != "" {
		at := jen.Id("e").Dot(elem.FieldByMember(f.CreatedAt).SDKName)
		notBefore := jen.Op("!").Add(at).Dot("Before").Call(jen.Id("since"))
		if !elem.FieldByMember(f.CreatedAt).Type.SDKValue {
			// An element without a time may be the one; keep it.
			notBefore = jen.Parens(jen.Add(at).Op("==").Nil().Op("||").Add(notBefore))
		}
		keep = append(keep, notBefore)
	}
	var pre []jen.Code
	if tf := f.TagFilters; tf != nil {
		pre = m.tagFilters(tf, in)
		matched = append(matched, "default tags")
	}
	add := jen.Id("found").Op("=").Append(jen.Id("found"), jen.Id("e"))
	if len(keep) > 0 {
		cond := jen.Add(keep[0])
		for _, k := range keep[1:] {
			cond = cond.Op("&&").Add(k)
		}
		add = jen.If(cond).Block(add)
	}
	_, elemType := m.outputType(list)
	page := listPage(list, f.InputToken, f.OutputToken, jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(m.listed(list))).Block(add))
	var sets []jen.Code
	for _, s := range f.Sets {
		field := statusField(m.r, s.Field)
		em := elem.FieldByMember(s.Element)
		sets = append(sets, jen.Id("cr").Dot("Status").Dot(field.GoName).Op("=").Add(
			m.c.fromSDK(field.Type, em.Type, jen.Id("found").Index(jen.Lit(0)).Dot(em.SDKName), true)))
	}
	body := append(pre,
		jen.Id("in").Op(":=").Op("&").Qual(m.c.sdk, list.Name+"Input").Values(in),
	)
	if idx := f.TagIndex; idx != nil {
		body = append(body, m.tagIndexLookup(idx))
	}
	body = append(body,
		jen.Var().Id("found").Index().Add(elemType),
		jen.Err().Op(":=").Qual(managedPkg, "Pages").Call(jen.Id("ctx"), jen.Lit(list.Name),
			jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").Op("*").String()).Params(jen.Op("*").String(), jen.Error()).Block(page...)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(0), jen.Err())),
		jen.If(jen.Len(jen.Id("found")).Op("==").Lit(1)).Block(sets...),
		jen.Return(jen.Len(jen.Id("found")), jen.Nil()),
	)
	when := ", made at or after since"
	if f.CreatedAt == "" && f.Since == nil {
		when = "" // the list says nothing of when
	}
	whose := "spec's"
	if f.TagFilters != nil {
		whose = "object's"
	}
	doc := fmt.Sprintf("FindCreated counts the resources %s lists whose %s equal the %s%s. "+
		"When it finds exactly one it fills the status identifiers from it, so that Observe finds what a create whose answer was lost made.",
		list.Name, strings.Join(matched, " and "), whose, when)
	crType := jen.Op("*").Qual(m.c.api, m.r.Kind)
	out := jen.Comment("The runtime asks a manager that is a Finder what a lost create made.").Line().
		Var().Id("_").Qual(managedPkg, "Finder").Types(crType).Op("=").Parens(jen.Op("*").Id("manager")).Parens(jen.Nil()).Line().Line()
	for _, line := range wrapText(doc, 76) {
		out.Comment(line).Line()
	}
	return out.Add(m.method("FindCreated", []jen.Code{jen.Id("since").Qual("time", "Time")},
		jen.Parens(jen.List(jen.Int(), jen.Error())), body...))
}

// wrapText breaks text into lines of at most width characters, at spaces.
func wrapText(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

func specField(r *model.Resource, member string) *model.Field {
	for _, f := range r.Spec {
		if f.Member == member {
			return f
		}
	}
	panic(fmt.Sprintf("%s has no spec field %s", r.Kind, member))
}

func inputMember(op *model.Operation, name string) *model.Member {
	for _, mem := range op.Input {
		if mem.Name == name {
			return mem
		}
	}
	panic(fmt.Sprintf("%s has no input member %s", op.Name, name))
}

// tagFilters fills the list input's filters with one tag:<key> filter per
// default tag, which name the object (namespace and name): what the
// object's creates made carries them. Without any it cannot tell, and
// says so as a Terminal error rather than report nothing made, which
// would let the runtime create again.
func (m *managerWriter) tagFilters(tf *model.TagFilters, in jen.Dict) []jen.Code {
	s := m.svc.Structs[tf.Shape]
	name, values := s.FieldByMember(tf.Name), s.FieldByMember(tf.Values)
	filter := m.c.types(tf.Shape)
	in[jen.Id(exported(tf.Member))] = jen.Qual(convPkg, "TagList").Call(jen.Id("tags"),
		jen.Func().Params(jen.List(jen.Id("k"), jen.Id("v")).String()).Add(filter.Clone()).Block(
			jen.Return(filter.Clone().Values(jen.Dict{
				jen.Id(name.SDKName):   jen.Qual(convPkg, "Of").Call(jen.Lit("tag:").Op("+").Id("k")),
				jen.Id(values.SDKName): jen.Index().String().Values(jen.Id("v")),
			})),
		))
	return []jen.Code{
		jen.Id("tags").Op(":=").Qual(managedPkg, "DefaultTags").Call(jen.Id("ctx")),
		jen.If(jen.Len(jen.Id("tags")).Op("==").Lit(0)).Block(
			jen.Return(jen.Lit(0), jen.Op("&").Qual(managedPkg, "TerminalError").Values(jen.Dict{
				jen.Id("Reason"): jen.Lit(fmt.Sprintf("the controller has no default tags (resourceTags) to find the %s a lost create made by", m.r.Kind)),
			})),
		),
	}
}
