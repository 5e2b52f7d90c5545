package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Attachments: a spec field of one value that no create takes and
// operations of its own attach and detach (an internet gateway's VPC).
// The read lists the attachments, so comparing costs no call; one going
// or gone does not count. A changed value is detached, then the new one
// attached; the delete detaches first, since AWS refuses to delete what
// is still attached.

// attached are the spec fields with attachments.
func (m *managerWriter) attached() []*model.Field { return attachmentFields(m.r) }

// observeAttachment sets the observed field to the value of the first
// attachment the read lists that is not going.
func (m *managerWriter) observeAttachment(f *model.Field) []jen.Code {
	a := f.Attachment
	if a == nil {
		return nil
	}
	list := m.svc.Structs[m.r.Read.Output].FieldByMember(a.ObservedAt)
	elem := m.svc.Structs[list.Type.Elem.Shape]
	value := elem.FieldByMember(a.ValueMember)
	field := jen.Id("observed").Dot(f.GoName)
	cond := jen.Id("a").Dot(value.SDKName).Op("!=").Nil()
	if a.State != "" && len(a.Gone) > 0 {
		state := jen.String().Call(jen.Id("a").Dot(elem.FieldByMember(a.State).SDKName))
		cond = cond.Op("&&").Op("!").Qual("slices", "Contains").Call(stringSlice(a.Gone), state)
	}
	return []jen.Code{
		jen.Comment(a.ObservedAt + " lists what " + f.JSONName + " is attached to."),
		field.Clone().Op("=").Nil(),
		jen.For(jen.List(jen.Id("_"), jen.Id("a")).Op(":=").Range().Id("desc").Dot(list.SDKName)).Block(
			jen.If(cond).Block(
				field.Clone().Op("=").Add(m.c.fromSDK(f.Type, value.Type, jen.Id("a").Dot(value.SDKName), true)),
				jen.Break(),
			),
		),
	}
}

// attachmentCall calls op (attach or detach) with the resource's
// identifiers and the value v, a *string.
func (m *managerWriter) attachmentCall(a *model.Attachment, op *model.Operation, v jen.Code) jen.Code {
	// The identifiers come from the resource; the value is v, whatever
	// the spec holds.
	idsOnly := *op
	idsOnly.Input = slices.DeleteFunc(slices.Clone(op.Input), func(mem *model.Member) bool { return mem.Name == a.ValueMember })
	ids, guards := m.identifiers(&idsOnly, jen.Return(jen.Nil()))
	ids[jen.Id(member(op, a.ValueMember).GoName)] = v
	return jen.Block(append(guards,
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(ids)),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	)...)
}

// updateAttachments detaches the value AWS has and attaches the spec's,
// when they differ.
func (m *managerWriter) updateAttachments() []jen.Code {
	var body []jen.Code
	for _, f := range m.attached() {
		a := f.Attachment
		spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
		body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(
			jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec")),
			jen.If(jen.Id("observed").Dot(f.GoName).Op("!=").Nil()).Block(
				m.attachmentCall(a, a.Detach, jen.Id("observed").Dot(f.GoName)),
			),
			jen.If(spec.Clone().Op("!=").Nil()).Block(m.attachmentCall(a, a.Attach, spec.Clone())),
		))
	}
	return body
}

// detachAll detaches every attachment the status lists that is not going,
// before the delete.
func (m *managerWriter) detachAll() []jen.Code {
	var body []jen.Code
	for _, f := range m.attached() {
		a := f.Attachment
		status := statusField(m.r, a.ObservedAt)
		elem := m.svc.Structs[status.Type.Elem.Shape]
		value := elem.FieldByMember(a.ValueMember)
		cond := jen.Id("a").Dot(value.GoName).Op("!=").Nil()
		if a.State != "" && len(a.Gone) > 0 {
			state := jen.Qual(convPkg, "Value").Call(jen.Id("a").Dot(elem.FieldByMember(a.State).GoName))
			cond = cond.Op("&&").Op("!").Qual("slices", "Contains").Call(stringSlice(a.Gone), state)
		}
		body = append(body,
			jen.Comment("AWS refuses to delete what is still attached."),
			jen.For(jen.List(jen.Id("_"), jen.Id("a")).Op(":=").Range().Id("cr").Dot("Status").Dot(status.GoName)).Block(
				jen.If(cond).Block(m.attachmentCall(a, a.Detach, jen.Id("a").Dot(value.GoName))),
			),
		)
	}
	return body
}
