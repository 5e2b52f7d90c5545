package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Sub-resources are spec fields with their own put and get operations
// (an S3 bucket's versioning). Observe reads each the spec sets with its
// get, and Update puts those that differ. Create leaves them to the Update
// that follows: a put AWS refuses there would read as a failed create of a
// resource that exists, which the object would then disown. One with a
// delete is removed when the spec drops it: Observe reads it while the
// runtime's record says the controller applied it, and reports it changed
// only while AWS still reports it set. A configuration the spec never set
// costs no call: it is no opinion. One the resource's own read returns
// (ReadWithResource) is observed with the rest of the spec and only put.

// subResources pairs each sub-resource with its spec field.
func (m *managerWriter) subResources() []subResource {
	var out []subResource
	for _, sub := range m.r.SubResources {
		for _, f := range m.r.Spec {
			if f.Member == sub.Field && sub.Put != nil {
				out = append(out, subResource{sub, f})
			}
		}
	}
	return out
}

type subResource struct {
	*model.SubResource
	f *model.Field
}

// compared reports whether the sub-resource's drift is detected.
func (s subResource) compared() bool {
	return (s.Get != nil || s.List != nil || s.ReadWithResource) && !s.f.CompareIgnore
}

// collection reports whether the sub-resource is a keyed collection.
func (s subResource) collection() bool { return s.List != nil || s.EntryInPut }

// removable reports whether dropping the field from the spec deletes the
// configuration: only a get can tell that AWS has one to delete, and
// where AWS reports a default when nothing is set (S3 encryption), the
// delete would leave the default and run again on every resync.
func (s subResource) removable() bool {
	return s.compared() && s.Delete != nil && !s.ReportsDefault && !s.Elements
}

// removableFields are the spec fields of removable sub-resources.
func (m *managerWriter) removableFields() []*model.Field {
	var out []*model.Field
	for _, s := range m.subResources() {
		if s.removable() && !m.isTagsSub(s.f) {
			out = append(out, s.f)
		}
	}
	return out
}

// observeSubResources reads each sub-resource into observed. A get that
// fails with HTTP 404 means the configuration is unset.
func (m *managerWriter) observeSubResources(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, s := range m.subResources() {
		switch {
		case s.List != nil:
			body = append(body, jen.Comment(s.List.Name+" lists "+s.f.JSONName+", whose entries "+s.Put.Name+" sets one by one."))
			body = append(body, m.whenWanted(s, m.listCollection(s, obsZero)))
		case s.Statements != nil:
			body = append(body, jen.Comment(s.Get.Name+" reads "+s.f.JSONName+" as the statements of its policy document, which "+s.Put.Name+" adds one by one."))
			body = append(body, m.whenWanted(s, m.getStatements(s, obsZero)))
		case s.Get != nil:
			body = append(body, jen.Comment(s.Get.Name+" reads "+s.f.JSONName+", which "+s.Put.Name+" sets."))
			body = append(body, m.whenWanted(s, m.getSubResource(s, obsZero)))
		}
	}
	return body
}

// whenWanted runs read only where its answer matters: the spec sets the
// field; or the controller applied it and the spec dropped it since, so
// the removal can still delete it (the runtime's record, for removable
// ones); or the object does not own the resource yet, and adoption or a
// read-only view wants all AWS has. A late-initialized field is always
// read, and so are tags, whose default tags the spec never needs to name.
// Otherwise an unset field is no opinion and costs no call.
func (m *managerWriter) whenWanted(s subResource, read []jen.Code) jen.Code {
	cond := m.needed(s)
	if cond == nil {
		return jen.Block(read...)
	}
	return jen.If(jen.Add(cond).Op("||").Op("!").Qual(managedPkg, "Owned").Call(jen.Id("cr"))).Block(read...)
}

// needed is the condition under which a sub-resource's answer decides
// what the controller does: the spec sets it, or (removable) the
// controller applied it; nil where it always does (late-initialized,
// tags). Otherwise only an adoption wants it, and a failed read there
// leaves the field out of the adopted spec rather than failing the
// pass: an unset field is no opinion, and an API the endpoint lacks
// (an emulator, a partition without the feature) stops no adoption.
func (m *managerWriter) needed(s subResource) *jen.Statement {
	if s.f.LateInitialize || m.isTagsSub(s.f) {
		return nil
	}
	cond := jen.Id("cr").Dot("Spec").Dot(s.f.GoName).Op("!=").Nil()
	if s.removable() {
		cond = cond.Op("||").Qual(managedPkg, "Applied").Call(jen.Id("cr"), jen.Lit(s.f.JSONName))
	}
	return cond
}

// failedRead returns the error of a sub-resource's read where its answer
// is needed, and otherwise leaves the field unobserved (see needed).
func (m *managerWriter) failedRead(s subResource, obsZero jen.Code, read *jen.Statement) *jen.Statement {
	field := jen.Id("observed").Dot(s.f.GoName)
	cond := m.needed(s)
	if cond == nil {
		return read.Else().If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err()))
	}
	return read.Else().If(jen.Err().Op("!=").Nil().Op("&&").Parens(cond)).Block(
		jen.Return(obsZero, jen.Err()),
	).Else().If(jen.Err().Op("!=").Nil()).Block(
		jen.Comment("Read for an adoption alone: what AWS did not tell stays out of the spec."),
		jen.Add(field).Op("=").Nil(),
	)
}

// getSubResource reads one sub-resource with its get.
func (m *managerWriter) getSubResource(s subResource, obsZero jen.Code) []jen.Code {
	ids, guards := m.identifiers(s.Get, jen.Return(obsZero, jen.Nil()))
	m.addGetArgs(s, ids)
	x := jen.Id("got")
	for _, p := range m.sdkPath(m.svc.Structs[s.Get.Output], s.ObservedPath) {
		x = x.Dot(p)
	}
	field := jen.Id("observed").Dot(s.f.GoName)
	set := jen.Add(field.Clone()).Op("=").Add(m.subValue(s, x))
	if guard := m.unwrapGuard(s); guard != nil {
		set = jen.Add(field.Clone()).Op("=").Nil().Line().If(guard).Block(set)
	}
	if s.Observed != nil {
		set = m.observeDescribed(s)
	}
	if s.WholeInput {
		set = jen.Add(set).Line().Add(m.keepUnread(s))
	}
	read := jen.If(
		jen.List(jen.Id("got"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.Get.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, s.Get.Name+"Input").Values(ids)),
		absent(s),
	).Block(
		jen.Add(field.Clone()).Op("=").Nil(),
	)
	return append(guards, m.failedRead(s, obsZero, read).Else().Block(set))
}

// subValue converts the get output at x to the spec field's type.
func (m *managerWriter) subValue(s subResource, x *jen.Statement) jen.Code {
	out := m.svc.Structs[s.Get.Output]
	if len(s.ObservedPath) == 0 {
		// The get output is the value, as a struct of the client package.
		return jen.Qual(convPkg, "Of").Call(jen.Id(m.c.outputFunc(s.f.Type.Shape, s.Get)).Call(jen.Op("*").Id("got")))
	}
	typ := &model.Type{Kind: model.Structure, Shape: s.Get.Output}
	for _, p := range s.ObservedPath {
		mem := out.FieldByMember(p)
		if mem == nil {
			return jen.Nil()
		}
		typ = mem.Type
		if mem.Type.Kind == model.Structure {
			out = m.svc.Structs[mem.Type.Shape]
		}
	}
	if !compatible(s.f.Type, typ) {
		return jen.Nil()
	}
	return m.c.fromSDK(s.f.Type, typ, x, true)
}

// putSubResource sets one sub-resource from the spec.
func (m *managerWriter) putSubResource(s subResource) []jen.Code {
	if s.WholeInput {
		return m.putWholeInput(s)
	}
	if s.Changes != nil {
		return m.putChanges(s)
	}
	// The value's member is set from the field below, never as an
	// identifier, though a spec field of its name matches it.
	idOp := *s.Put
	idOp.Input = slices.DeleteFunc(slices.Clone(s.Put.Input), func(in *model.Member) bool { return in.Name == s.PutMember })
	ids, guards := m.identifiers(&idOp, jen.Return(jen.Nil()))
	var mem *model.Member
	for _, in := range s.Put.Input {
		if in.Name == s.PutMember {
			mem = in
		}
	}
	value, ok := jen.Code(nil), false
	if mem != nil {
		value, ok = m.wrapValue(s, mem)
	}
	if !ok {
		return []jen.Code{jen.Comment(s.Put.Name + " has no member for " + s.f.JSONName + " that the generator can fill.")}
	}
	var pre []jen.Code
	if secretRef(s.f) {
		pre = readSecrets([]*model.Field{s.f}, func(err jen.Code) jen.Code { return jen.Return(err) })
	}
	ids[jen.Id(mem.GoName)] = value
	m.putWith(s, ids)
	return append(append(guards, pre...), m.putCall(s.Put, ids, m.hasSecrets(s.f.Type))...)
}

// putCall calls a put with the input fields. Where the value holds
// secrets nested in it, the reader the conversion uses comes first, and
// a secret it could not read stops the call.
func (m *managerWriter) putCall(op *model.Operation, fields jen.Dict, secrets bool) []jen.Code {
	in := jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(fields)
	var out []jen.Code
	if secrets {
		out = append(out, readSecretsInto(), jen.Id("in").Op(":=").Add(in), checkSecrets())
		in = jen.Id("in")
	}
	return append(out, jen.If(
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), in),
		jen.Err().Op("!=").Nil(),
	).Block(jen.Return(jen.Err())))
}

// deleteSubResource removes one sub-resource; already gone (HTTP 404) is
// what was wanted.
func (m *managerWriter) deleteSubResource(s subResource) []jen.Code {
	ids, guards := m.identifiers(s.Delete, jen.Return(jen.Nil()))
	return append(guards,
		jen.If(
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(s.Delete.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, s.Delete.Name+"Input").Values(ids)),
			jen.Err().Op("!=").Nil().Op("&&").Add(notAbsent(s)),
		).Block(jen.Return(jen.Err())),
	)
}

// updateSubResources puts the sub-resources that drifted, and deletes
// the removable ones the spec no longer sets.
func (m *managerWriter) updateSubResources() []jen.Code {
	var body []jen.Code
	for _, s := range m.subResources() {
		if !s.compared() && !s.Recorded {
			continue
		}
		if s.Elements {
			body = append(body, m.updateElementSet(s))
			continue
		}
		if s.collection() {
			body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(s.f.JSONName))).Block(m.updateCollection(s)...))
			continue
		}
		if m.isTagsSub(s.f) {
			body = append(body, m.updateSubTags(s))
			continue
		}
		if s.removable() {
			body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(s.f.JSONName))).Block(
				jen.If(jen.Id("cr").Dot("Spec").Dot(s.f.GoName).Op("!=").Nil()).Block(append(m.putSubResource(s), m.endPass(m.putSent(s))...)...).
					Else().Block(append([]jen.Code{jen.Comment("Removed from the spec, and AWS still has it.")}, m.deleteSubResource(s)...)...),
			))
			continue
		}
		body = append(body, jen.If(
			jen.Add(changedWith(s)).Op("&&").Id("cr").Dot("Spec").Dot(s.f.GoName).Op("!=").Nil(),
		).Block(append(m.putSubResource(s), m.endPass(m.putSent(s))...)...))
	}
	return body
}

// otherThanOwned is the condition that the diff holds a field that the
// update proper sets, not only ones with operations of their own; nil
// when there are none such.
func (m *managerWriter) otherThanOwned() jen.Code {
	var owned []jen.Code
	for _, f := range m.ownedFields() {
		owned = append(owned, jen.Lit(f))
	}
	switch {
	case len(owned) == 0:
		return nil // nothing else to tell apart: every diff needs the update
	case len(owned) == 1 && m.tagAPI() != nil:
		return m.otherThanTags()
	}
	return jen.Id("obs").Dot("ChangedOtherThan").Call(owned...)
}

// ownedFields are the JSON names of the top-level fields that change
// through operations of their own rather than the update proper.
func (m *managerWriter) ownedFields() []string {
	var owned []string
	if m.tagsOwned() {
		owned = append(owned, m.tagsField().JSONName)
	}
	for _, s := range m.subResources() {
		if s.compared() || s.Recorded {
			owned = append(owned, s.f.JSONName)
			for _, f := range s.With {
				owned = append(owned, f.JSONName)
			}
		}
	}
	for _, f := range slices.Concat(m.associated(), m.attached(), m.linked(), m.moved(), m.actions(), m.toggles(), m.keptEmpty(), m.addRemoveSets(), m.perEntry()) {
		owned = append(owned, f.JSONName)
	}
	return owned
}

// observeFrom fills the status fields that other operations' outputs hold.
func (m *managerWriter) observeFrom(obsZero jen.Code) []jen.Code {
	var body []jen.Code
	for _, f := range statusFields(m.r) {
		src := f.From
		if src == nil || src.Operation == nil || len(src.Path) == 0 {
			continue
		}
		ids, guards := m.identifiers(src.Operation, jen.Return(obsZero, jen.Nil()))
		out := m.svc.Structs[src.Operation.Output]
		x := jen.Id("from")
		var typ *model.Type
		var checks []jen.Code
		for i, p := range src.Path {
			if out == nil {
				break
			}
			mem := out.FieldByMember(p)
			if mem == nil {
				typ = nil
				break
			}
			x = x.Clone().Dot(mem.SDKName)
			typ = mem.Type
			if i < len(src.Path)-1 {
				checks = append(checks, jen.Add(x.Clone()).Op("!=").Nil())
				out = m.svc.Structs[mem.Type.Shape]
			}
		}
		if typ == nil || !compatible(f.Type, typ) {
			continue
		}
		set := jen.Id("cr").Dot("Status").Dot(f.GoName).Op("=").Add(m.c.fromSDK(f.Type, typ, x, true))
		if len(checks) > 0 {
			cond := checks[0]
			for _, c := range checks[1:] {
				cond = jen.Add(cond).Op("&&").Add(c)
			}
			set = jen.If(cond).Block(set)
		}
		body = append(body, jen.Comment(f.JSONName+" comes from "+src.Operation.Name+"."))
		body = append(body, guards...)
		body = append(body, jen.Block(
			jen.List(jen.Id("from"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(src.Operation.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, src.Operation.Name+"Input").Values(ids)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obsZero, jen.Err())),
			set,
		))
	}
	return body
}
