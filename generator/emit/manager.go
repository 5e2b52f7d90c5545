package emit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Manager emits resources/<kind>/: manager.go with the kind's Observe,
// Create, Update and Delete against aws-sdk-go-v2, convert.go with the
// mapping between API and SDK types, and compare.go with the typed drift
// check.
func (g *Gen) Manager(r *model.Resource) ([]File, error) {
	pkg := packageName(r.Kind)
	m := &managerWriter{Gen: g, r: r, c: g.newConverter(), d: g.newDiffer()}
	m.d.attrs = r.Attributes
	crType := jen.Op("*").Qual(m.c.api, r.Kind)

	f := newFile(pkg)
	f.Comment(fmt.Sprintf("Kind describes %s to the shared runtime.", r.Kind))
	f.Func().Id("Kind").Params().Qual(managedPkg, "Kind").Types(crType).Block(
		jen.Return(jen.Qual(managedPkg, "Kind").Types(crType).Values(dict(jen.Dict{
			jen.Id("Name"): jen.Lit(r.Kind),
			jen.Id("New"): jen.Func().Params().Add(crType).Block(
				jen.Return(jen.Op("&").Qual(m.c.api, r.Kind).Values()),
			),
			jen.Id("Connect"): m.connect(crType),
		}, m.kindOptions(), m.createOnceOptions()))),
	)
	f.Line()
	f.Add(m.managerType())
	for _, code := range []jen.Code{m.observe(), m.create(), m.update(), m.delete()} {
		f.Line()
		f.Add(code)
	}
	if api := m.tagAPI(); api != nil && api.List != nil {
		f.Line()
		f.Add(m.listTagsFunc())
	}
	if m.tagsSub() != nil {
		f.Line()
		f.Add(m.putTagsFunc())
	}
	if r.Finder != nil {
		f.Line()
		f.Add(m.findCreated())
		if idx := r.Finder.TagIndex; idx != nil {
			f.Line()
			f.Add(m.taggedIDsFunc(idx))
		}
	}
	if r.Lookup != nil {
		f.Line()
		f.Add(m.lookupFunc())
	}
	for _, code := range m.moveFuncs() {
		f.Add(code)
	}
	if r.BatchSize > 0 {
		f.Line()
		f.Add(m.batchReadFuncs()...)
	}
	for _, code := range slices.Concat(m.listLinksFuncs(), m.keepEmptyFuncs(), m.listSetFuncs(), m.perEntryFuncs(), m.parameterMapFuncs(), m.createVariantFuncs(), m.listVersionsFuncs()) {
		f.Add(code)
	}

	// Built before the conversions are written out, which they use.
	var updates []jen.Code
	for _, uf := range m.elementUpdates() {
		updates = append(updates, m.updatesFunc(uf), jen.Line())
	}
	createOnly := m.diffCreateOnly()

	conv := newFile(pkg)
	conv.Add(m.observedSpec())
	conv.Line()
	if m.tagsField() != nil {
		conv.Comment("specTags reads the spec's tags as a map.")
		conv.Add(m.specTagsFunc())
		conv.Line()
	}
	if m.tagsSub() != nil {
		conv.Add(m.subTagsFuncs())
		conv.Line()
	}
	for _, op := range m.statusSources() {
		conv.Add(m.fillStatus(op))
		conv.Line()
	}
	if names := m.attributeNamesFunc(); names != nil {
		conv.Add(names)
		conv.Line()
	}
	for _, fn := range m.c.funcs() {
		conv.Add(fn)
	}

	cmp := newFile(pkg)
	cmp.Comment("diffSpec lists the JSON paths of the spec fields whose desired value")
	cmp.Comment("differs from what AWS reports. Unset desired fields are not compared.")
	cmp.Add(m.d.diffSpec(r, m.compared(), m.removableFields()))
	cmp.Line()
	cmp.Comment("diffCreateOnly lists the JSON paths of the spec that differ from AWS")
	cmp.Comment("where no update can change them; the runtime refuses such a spec.")
	cmp.Add(createOnly)
	cmp.Line()
	if dropped := m.droppedAttributesFunc(); dropped != nil {
		cmp.Add(dropped)
		cmp.Line()
	}
	cmp.Add(updates...)
	for _, fn := range m.d.funcs() {
		cmp.Add(fn)
	}

	dir := "resources/" + pkg + "/"
	var out []File
	for _, part := range []struct {
		name string
		f    *jen.File
	}{{"manager.go", f}, {"convert.go", conv}, {"compare.go", cmp}} {
		file, err := render(dir+part.name, part.f)
		if err != nil {
			return nil, err
		}
		out = append(out, file)
	}
	return out, nil
}

type managerWriter struct {
	*Gen
	r *model.Resource
	c *converter
	d *differ
}

// compared are the spec fields whose drift is detected and corrected,
// sub-resources with a get among them.
func (m *managerWriter) compared() []*model.Field {
	subs := map[string]bool{}
	for _, s := range m.subResources() {
		subs[s.f.Member] = s.compared()
	}
	var out []*model.Field
	tags := m.tagsField()
	for _, f := range m.r.Spec {
		if f == tags && m.tagsOwned() || m.isTagsSub(f) {
			continue // compared as tags, by observeTags, observeTagsByID or observeSubTags
		}
		if topSecret(f) {
			continue // AWS's value never reaches the observed spec
		}
		if isSub, ok := subs[f.Member]; (ok && isSub) || (!ok && f.Compared()) {
			out = append(out, f)
		}
	}
	return out
}

// kindOptions are the runtime features the kind switches on, left out
// when unused so that the Kind literal stays short.
func (m *managerWriter) kindOptions() jen.Dict {
	opts := jen.Dict{}
	if len(m.r.TerminalCodes) > 0 {
		opts[jen.Id("TerminalCodes")] = stringSlice(m.r.TerminalCodes)
	}
	if len(m.r.RecoverableCodes) > 0 {
		opts[jen.Id("RecoverableCodes")] = stringSlice(m.r.RecoverableCodes)
	}
	if len(m.r.AlreadyExistsCodes) > 0 {
		opts[jen.Id("AlreadyExistsCodes")] = stringSlice(m.r.AlreadyExistsCodes)
	}
	var late []string
	var refs []jen.Code
	for _, f := range m.r.Spec {
		if topSecret(f) {
			continue // the runtime fills neither from AWS nor from a reference
		}
		if f.LateInitialize {
			late = append(late, f.JSONName)
		}
		if ref := f.Reference; ref != nil {
			_, refJSON := refNames(f)
			refs = append(refs, m.referenceEntry(f.JSONName, refJSON, ref, f.Required))
		}
		for _, n := range m.nestedReferences(f, "", map[string]bool{}) {
			refs = append(refs, m.referenceEntry(n.field, n.refField, n.ref, false))
		}
	}
	if len(late) > 0 {
		opts[jen.Id("LateInitFields")] = stringSlice(late)
	}
	if len(refs) > 0 {
		opts[jen.Id("References")] = jen.Index().Qual(managedPkg, "Reference").Values(refs...)
	}
	if paths := m.bytesPaths(); len(paths) > 0 {
		opts[jen.Id("ByteSources")] = stringSlice(paths)
	}
	keys, maps := m.secretPaths(m.r)
	if len(keys) > 0 {
		opts[jen.Id("SecretFields")] = stringSlice(keys)
	}
	if len(maps) > 0 {
		opts[jen.Id("SecretMapFields")] = stringSlice(maps)
	}
	if m.r.BatchSize > 0 {
		opts[jen.Id("BatchSize")] = jen.Lit(m.r.BatchSize)
	}
	if m.svc.Global {
		opts[jen.Id("Global")] = jen.True()
	}
	if applied := m.appliedFields(); applied != nil {
		opts[jen.Id("AppliedFields")] = applied
	}
	return opts
}

// dict merges jennifer dictionaries.
func dict(d jen.Dict, more ...jen.Dict) jen.Dict {
	for _, m := range more {
		for k, v := range m {
			d[k] = v
		}
	}
	return d
}

func stringSlice(values []string) jen.Code {
	if len(values) == 0 {
		return jen.Nil()
	}
	items := make([]jen.Code, len(values))
	for i, v := range values {
		items[i] = jen.Lit(v)
	}
	return jen.Index().String().Values(items...)
}

func (m *managerWriter) method(name string, params []jen.Code, results jen.Code, body ...jen.Code) jen.Code {
	all := append([]jen.Code{
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("cr").Op("*").Qual(m.c.api, m.r.Kind),
	}, params...)
	return jen.Func().Params(jen.Id("m").Op("*").Id("manager")).Id(name).Params(all...).Add(results).Block(body...)
}

// source finds where an operation input member's value comes from: the
// spec field of the same name, else the status field.
func (m *managerWriter) source(mem *model.Member) (*model.Field, jen.Code) {
	name := mem.Name
	if f, x := m.arnSource(mem); f != nil {
		return f, x
	}
	for _, id := range m.r.Identifiers {
		if id.Member == mem.Name && id.Field != "" {
			name = id.Field
		}
	}
	for _, f := range m.r.Spec {
		if f.Member == name && !secretRef(f) {
			if m.recorded(name) {
				// The reference may no longer resolve: the status keeps it.
				return f, jen.Qual(convPkg, "Either").Call(jen.Id("cr").Dot("Spec").Dot(f.GoName), jen.Id("cr").Dot("Status").Dot(f.GoName))
			}
			return f, jen.Id("cr").Dot("Spec").Dot(f.GoName)
		}
	}
	for _, f := range m.r.Status {
		if f.Member == name {
			return f, jen.Id("cr").Dot("Status").Dot(f.GoName)
		}
	}
	return nil, nil
}

// identifiers sets the required members of an operation's input, and
// returns a guard that bails out when one read from status is not known
// yet. A read that lists resources also gets its filter.
func (m *managerWriter) identifiers(op *model.Operation, bail jen.Code) (jen.Dict, []jen.Code) {
	fields := jen.Dict{}
	var guards []jen.Code
	for _, mem := range op.Input {
		filter := op.Filter != nil && op.Filter.Member == mem.Name
		if !mem.Required && !filter && !m.isIdentifier(mem.Name) && !m.isScopeID(mem) {
			continue
		}
		src := mem
		if filter {
			src = &model.Member{Name: op.Filter.Identifier}
		}
		f, x := m.source(src)
		if f == nil || (!filter && !compatible(f.Type, mem.Type)) {
			continue
		}
		if f.SubResource != nil {
			continue // a sub-resource's value never names the resource: its put sets it
		}
		switch {
		case filter && op.Filter.List && mem.Type.Kind == model.List && mem.Type.Elem.Kind == model.String && f.Type.Kind == model.String:
			fields[jen.Id(mem.GoName)] = jen.Index().String().Values(jen.Qual(convPkg, "Value").Call(x))
		case filter && !compatible(f.Type, mem.Type):
			continue
		default:
			fields[jen.Id(mem.GoName)] = m.c.toSDK(f.Type, mem.Type, x, true)
		}
		if f.Class == model.ClassStatus {
			guards = append(guards, jen.If(jen.Add(x).Op("==").Nil()).Block(bail))
		}
	}
	m.addConstInputs(op, fields)
	return fields, guards
}

// isIdentifier reports whether an input member is one of the resource's
// identifiers, which an operation takes though it may not require it:
// DeleteSecurityGroup takes GroupId or GroupName.
func (m *managerWriter) isIdentifier(member string) bool {
	for _, id := range m.r.Identifiers {
		if id.Member == member && id.Field != "" {
			return true
		}
	}
	return false
}

// unwrap descends an operation's output path to the resource description.
func unwrap(op *model.Operation) *jen.Statement {
	x := jen.Id("out")
	for _, p := range op.OutputPath {
		x = x.Dot(p)
	}
	return x
}

func (m *managerWriter) observe() jen.Code {
	r := m.r
	obs := jen.Qual(managedPkg, "Observation")
	ids, guards := m.identifiers(r.Read, m.lookupOrBail(jen.Return(obs.Clone().Values(), jen.Nil())))
	m.attributeNames(ids)
	body := append(guards,
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(r.Read.Name).Call(
			jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, r.Read.Name+"Input").Values(ids)),
	)
	if r.Read.Scan != nil {
		body = m.scanRead(obs.Clone().Values())
	}
	if len(r.NotFoundCodes) > 0 && r.Read.Scan == nil {
		codes := []jen.Code{jen.Err()}
		for _, c := range r.NotFoundCodes {
			codes = append(codes, jen.Lit(c))
		}
		body = append(body, jen.If(jen.Qual(managedPkg, "HasErrorCode").Call(codes...)).Block(
			jen.Return(obs.Clone().Values(), jen.Nil()),
		))
	}
	if r.Read.Scan == nil {
		body = append(body, jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obs.Clone().Values(), jen.Err())))
	}
	switch {
	case r.Read.Scan != nil:
	case r.Read.Many:
		body = append(body,
			jen.Comment(r.Read.Name+" lists resources; the filter leaves at most ours."),
			jen.Id("found").Op(":=").Add(m.named(r.Read, m.listed(r.Read))),
			jen.If(jen.Len(jen.Id("found")).Op("==").Lit(0)).Block(jen.Return(obs.Clone().Values(), jen.Nil())),
			jen.Id("desc").Op(":=").Op("&").Id("found").Index(jen.Lit(0)),
		)
	case len(r.Read.OutputPath) > 0:
		body = append(body,
			jen.Id("desc").Op(":=").Add(unwrap(r.Read)),
			jen.If(jen.Id("desc").Op("==").Nil()).Block(jen.Return(obs.Clone().Values(), jen.Nil())),
		)
	default:
		body = append(body, jen.Id("desc").Op(":=").Add(unwrap(r.Read)))
	}
	// A batched kind's Observe hands the description to observed, which
	// ObserveFrom shares.
	head := body
	if r.BatchSize > 0 {
		body = nil
	}
	result := jen.Dict{
		jen.Id("Exists"): jen.True(),
		jen.Id("Diff"): jen.Id("diffSpec").Call(
			jen.Op("&").Id("cr").Dot("Spec"), jen.Op("&").Id("observed")),
		jen.Id("Observed"): jen.Id("observed"),
		jen.Id("Immutable"): jen.Id("diffCreateOnly").Call(
			jen.Op("&").Id("cr").Dot("Spec"), jen.Op("&").Id("observed")),
	}
	var arnExpr jen.Code
	if r.ARNMember != "" {
		arn := m.svc.Structs[r.Read.Output].FieldByMember(r.ARNMember)
		arnExpr = m.c.fromSDK(&model.Type{Kind: model.String}, arn.Type, jen.Id("desc").Dot(arn.SDKName), true)
		result[jen.Id("ARN")] = arnExpr
	} else if arn := m.attributesARN(); arn != nil {
		arnExpr = arn
		result[jen.Id("ARN")] = arnExpr
	}
	body = append(body,
		jen.Id(m.fillStatusName(r.Read)).Call(jen.Op("&").Id("cr").Dot("Status"), jen.Id("desc")),
	)
	body = append(body, m.keepFromSpec()...)
	var state jen.Code
	if p := r.Pending; p != nil {
		var pre []jen.Code
		pre, state = m.pendingState(p)
		body = append(body, pre...)
	}
	if p := r.Pending; p != nil && len(p.Gone) > 0 {
		body = append(body,
			jen.Comment("AWS still lists the resource a while in these states, but it is gone."),
			jen.If(jen.Qual("slices", "Contains").Call(stringSlice(p.Gone), state)).Block(
				jen.Return(obs.Clone().Values(), jen.Nil()),
			),
		)
	}
	body = append(body, m.goneWhenSet(obs.Clone().Values())...)
	body = append(body,
		jen.Id("observed").Op(":=").Id("observedSpec").Call(jen.Id("cr"), jen.Id("desc")),
	)
	body = append(body, m.observeSubResources(obs.Clone().Values())...)
	body = append(body, m.observeLinks(obs.Clone().Values())...)
	body = append(body, m.observeKeptEmpty(obs.Clone().Values())...)
	body = append(body, m.observeAddRemoveSets(obs.Clone().Values())...)
	body = append(body, m.observePerEntry(obs.Clone().Values())...)
	body = append(body, m.observeParameterMaps(obs.Clone().Values())...)
	body = append(body, m.observeToggles(obs.Clone().Values())...)
	body = append(body, m.observeVersions(obs.Clone().Values())...)
	body = append(body, m.observeFrom(obs.Clone().Values())...)
	body = append(body, jen.Id("obs").Op(":=").Add(obs.Clone().Values(result)))
	body = append(body, m.observeDroppedAttributes()...)
	body = append(body, m.observeParameterLists()...)
	body = append(body, m.observeTags(obs.Clone().Values(), arnExpr)...)
	body = append(body, m.observeSubTags()...)
	body = append(body, m.observeTagsByID()...)
	if p := r.Pending; p != nil && len(p.Values) > 0 {
		values := make([]jen.Code, len(p.Values))
		for i, v := range p.Values {
			values[i] = jen.Lit(v)
		}
		body = append(body,
			jen.Comment("AWS is still working on the resource while it reports one of these."),
			jen.If(jen.Id("v").Op(":=").Add(state),
				jen.Qual("slices", "Contains").Call(jen.Index().String().Values(values...), jen.Id("v"))).Block(
				jen.Id("obs").Dot("Pending").Op("=").Id("v"),
			),
		)
	}
	body = append(body, observeFailed(r.Pending, state)...)
	body = append(body, m.observePendingAlso()...)
	body = append(body, m.observeExpected()...)
	body = append(body, m.observeBytes()...)
	body = append(body, jen.Return(jen.Id("obs"), jen.Nil()))
	results := jen.Parens(jen.List(obs.Clone(), jen.Error()))
	if r.BatchSize == 0 {
		return m.method("Observe", nil, results, body...)
	}
	_, desc := m.outputType(r.Read)
	head = append(head, jen.Return(jen.Id("m").Dot("observed").Call(jen.Id("ctx"), jen.Id("cr"), jen.Id("desc"))))
	return jen.Add(
		m.method("Observe", nil, results, head...), jen.Line(), jen.Line(),
		jen.Comment("observed compares a description of the resource with the spec."), jen.Line(),
		m.method("observed", []jen.Code{jen.Id("desc").Op("*").Add(desc)}, results, body...),
	)
}

func statusField(r *model.Resource, member string) *model.Field {
	for _, f := range r.Status {
		if f.Member == member {
			return f
		}
	}
	panic(fmt.Sprintf("%s has no status field %s", r.Kind, member))
}

func (m *managerWriter) create() jen.Code {
	return m.method("Create", nil, jen.Error(), append(m.createVariantCalls(), m.createBody(m.r.Create)...)...)
}

// createBody calls op, a create or a create variant, with the spec's
// values, and fills the status from its answer.
func (m *managerWriter) createBody(op *model.Operation) []jen.Code {
	r := m.r
	fields := jen.Dict{}
	tags := m.tagsField()
	var secrets []*model.Field
	nested := false
	for _, mem := range op.Input {
		if attrs := m.createAttributes(mem); attrs != nil {
			fields[jen.Id(mem.GoName)] = attrs
			continue
		}
		if tags != nil && mem.Name == tags.Member && compatible(tags.Type, mem.Type) {
			// The controller's default tags go with the spec's.
			fields[jen.Id(mem.GoName)] = m.tagsToSDK(mem.Type, desiredTags())
			continue
		}
		if by := m.tagsByID(); by != nil && mem.Name == by.SpecMember {
			fields[jen.Id(mem.GoName)] = m.tagSpecifications(mem)
			continue
		}
		for _, f := range r.Spec {
			if f.Member == mem.Name && compatible(f.Type, mem.Type) {
				fields[jen.Id(mem.GoName)] = m.c.toSDK(f.Type, mem.Type, specValue(f), true)
				if secretRef(f) {
					secrets = append(secrets, f)
				}
				nested = nested || m.needsSecrets(f)
			}
		}
	}
	if op == r.Create {
		m.createToken(fields)
	}
	pre := readSecrets(secrets, func(err jen.Code) jen.Code { return jen.Return(err) })
	in := jen.Op("&").Qual(m.c.sdk, op.Name+"Input").Values(fields)
	if nested {
		// Build the input first: a secret the runtime did not resolve
		// stops the call.
		pre = append(append(pre, readSecretsInto(), jen.Id("in").Op(":=").Add(in)), checkSecrets())
		in = jen.Id("in")
	}
	if fills := m.regionFills(); len(fills) > 0 && op == r.Create {
		if !nested {
			pre = append(pre, jen.Id("in").Op(":=").Add(in))
			in = jen.Id("in")
		}
		pre = append(pre, fills...)
	}
	if fills := m.bytesFills(op); len(fills) > 0 {
		if !nested && !(len(m.regionFills()) > 0 && op == r.Create) {
			pre = append(pre, jen.Id("in").Op(":=").Add(in))
			in = jen.Id("in")
		}
		pre = append(pre, fills...)
	}
	call := jen.Id("m").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), in, m.singleAttempt())
	out := jen.Id("out")
	if op.Output == "" {
		out = jen.Id("_")
	}
	// Reading a secret declared err already.
	assign := ":="
	if len(secrets) > 0 && op.Output == "" {
		assign = "="
	}
	if op.Output == "" {
		return append(pre,
			jen.List(jen.Id("_"), jen.Err()).Op(assign).Add(call),
			jen.Return(jen.Err()),
		)
	}
	body := append(append(pre,
		jen.List(out, jen.Err()).Op(assign).Add(call)),
		unsuccessful(op)...)
	body = append(body, jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
	if op.Output != "" {
		pre, desc := m.described(op)
		fill := jen.Id(m.fillStatusName(op)).Call(jen.Op("&").Id("cr").Dot("Status"), desc)
		if len(op.OutputPath) > 0 {
			fill = jen.If(jen.Add(desc).Op("!=").Nil()).Block(fill)
		}
		body = append(append(append(body, pre...), fill), m.recordARN(desc)...)
	}
	if a := op.Assigns; a != nil {
		list := jen.Id("out").Dot(a.Member)
		body = append(body,
			jen.Comment(op.Name+" lists the identifier it assigned instead of describing the resource."),
			jen.If(jen.Len(list).Op(">").Lit(0)).Block(
				jen.Id("cr").Dot("Status").Dot(statusField(r, a.Identifier).GoName).Op("=").Qual(convPkg, "Of").Call(list.Clone().Index(jen.Lit(0))),
			))
	}
	return append(body, jen.Return(jen.Nil()))
}

// connect builds the kind's client for one region and account. A service
// whose endpoint rules can address by path takes the controller's choice.
func (m *managerWriter) connect(crType jen.Code) jen.Code {
	opts := jen.Id("_")
	args := []jen.Code{jen.Id("cfg")}
	if m.svc.PathStyle {
		opts = jen.Id("opts")
		args = append(args, jen.Func().Params(jen.Id("o").Op("*").Qual(m.c.sdk, "Options")).Block(
			jen.Id("o").Dot("UsePathStyle").Op("=").Id("opts").Dot("PathStyle"),
		))
	}
	fields := jen.Dict{jen.Id("client"): jen.Qual(m.c.sdk, "NewFromConfig").Call(args...)}
	if len(m.r.RegionFills) > 0 {
		fields[jen.Id("region")] = jen.Id("cfg").Dot("Region")
	}
	return jen.Func().Params(jen.Id("cfg").Qual(awsPkg, "Config"), opts.Qual(managedPkg, "ClientOptions")).Qual(managedPkg, "External").Types(crType).Block(
		jen.Return(jen.Op("&").Id("manager").Values(fields)),
	)
}

// managerType is the kind's client; it knows its region when the create
// fills members from it.
func (m *managerWriter) managerType() jen.Code {
	fields := []jen.Code{jen.Id("client").Op("*").Qual(m.c.sdk, "Client")}
	if len(m.r.RegionFills) > 0 {
		fields = append(fields, jen.Comment("region is the region the client calls, which the object resolved to."), jen.Id("region").String())
	}
	return jen.Type().Id("manager").Struct(fields...)
}

// singleAttempt is the option that stops the SDK from sending a create
// again after a lost answer (a reset connection, a 5xx), which would make a
// second resource or report the first as someone else's. The runtime
// settles a lost answer itself, from its create-pending record.
func (m *managerWriter) singleAttempt() jen.Code {
	return jen.Func().Params(jen.Id("o").Op("*").Qual(m.c.sdk, "Options")).Block(
		jen.Comment("A lost answer is settled by the runtime, never by resending."),
		jen.Id("o").Dot("RetryMaxAttempts").Op("=").Lit(1),
	)
}

// fieldUpdates are the calls that change what the update operation does
// not take: sub-resources, associations, attachments, links, moves,
// actions, kept-empty collections, add/remove sets and versioned documents,
// in that order.
func (m *managerWriter) fieldUpdates() []jen.Code {
	return slices.Concat(m.updateSubResources(), m.updateAssociations(), m.updateAttachments(), m.updateLinks(),
		m.updateMoves(), m.updateActions(), m.updateToggles(), m.updateKeptEmpty(), m.updateAddRemoveSets(), m.updateElementCalls(), m.updatePerEntry(), m.updateParameterMaps(), m.updateAttributes(), m.updateVersions())
}

func (m *managerWriter) update() jen.Code {
	r := m.r
	params := []jen.Code{jen.Id("obs").Qual(managedPkg, "Observation")}
	tags := append(m.updateTags(), m.updateTagsByID()...)
	fields := m.fieldUpdates()
	subs := slices.Concat(tags, fields)
	if r.Update == nil {
		if len(subs) > 0 {
			return m.method("Update", params, jen.Error(), append(subs, jen.Return(jen.Nil()))...)
		}
		return m.method("Update", params, jen.Error(),
			jen.Comment("AWS offers no update; every spec field is immutable."),
			jen.Return(jen.Nil()),
		)
	}
	ids, guards := m.identifiers(r.Update, jen.Return(jen.Nil()))
	in := jen.Id("in").Op(":=").Op("&").Qual(m.c.sdk, r.Update.Name+"Input").Values(ids)
	// A Put replaces the whole configuration, so it gets every field; any
	// other update gets only the fields that drifted. A secret, never
	// compared, goes to a Put, as a required member, or when the runtime
	// lists it in the diff because its Secret or reference changed.
	replace := strings.HasPrefix(r.Update.Name, "Put")
	var sets []jen.Code
	if replace {
		sets = append(sets, jen.Comment(r.Update.Name+" replaces the whole configuration, so it gets every field."))
	}
	var secrets []*model.Field
	nested := false
	for _, mem := range r.Update.Input {
		for _, f := range r.Spec {
			if f.Member != mem.Name || !f.Updatable || !compatible(f.Type, mem.Type) {
				continue
			}
			if mem.Required && !topSecret(f) {
				// identifiers put it in the input, reading any secrets it holds.
				nested = nested || m.needsSecrets(f)
				continue
			}
			set := jen.Id("in").Dot(mem.GoName).Op("=").Add(m.c.toSDK(f.Type, mem.Type, specValue(f), true))
			sends := replace || mem.Required || topSecret(f) || f.Compared() || m.needsSecrets(f)
			nested = nested || (sends && m.needsSecrets(f))
			if secretRef(f) {
				secrets = append(secrets, f)
			}
			switch {
			case topSecret(f) && (replace || mem.Required):
				sets = append(sets, set)
			case topSecret(f):
				// The runtime lists it in the diff when its Secret changed.
				sets = append(sets, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(set))
			case replace:
				sets = append(sets, set)
			case f.Compared() || f.LastApplied || m.needsSecrets(f):
				// The runtime lists a field holding secrets when they changed,
				// even one AWS does not report.
				cond := jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))
				for _, with := range f.SendWith {
					cond = cond.Op("||").Id("obs").Dot("Changed").Call(jen.Lit(with))
				}
				sets = append(sets, jen.If(cond).Block(set))
			}
		}
	}
	sets = append(append(sets, m.updateElements()...), m.updateAddRemove()...)
	pre := readSecrets(secrets, func(err jen.Code) jen.Code { return jen.Return(err) })
	if nested {
		pre = append(pre, readSecretsInto())
	}
	body := append(append(append(guards, pre...), in), sets...)
	if nested {
		// A secret the runtime did not resolve stops the call.
		body = append(body, checkSecrets())
	}
	// Reading a secret declared err already.
	assign := ":="
	if len(secrets) > 0 {
		assign = "="
	}
	call := jen.Id("m").Dot("client").Dot(r.Update.Name).Call(jen.Id("ctx"), jen.Id("in"))
	switch {
	case len(subs) == 0:
		body = append(body, jen.List(jen.Id("_"), jen.Err()).Op(assign).Add(call), jen.Return(jen.Err()))
	default:
		// Tags and sub-resources change through their own operations; the
		// update proper runs only when something else differs.
		body = append(body, jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
		body = append(body, m.endPass(m.updateSent())...)
		if cond := m.otherThanOwned(); cond != nil {
			body = []jen.Code{jen.If(cond).Block(body...)}
		}
		body = slices.Concat(tags, body, fields, []jen.Code{jen.Return(jen.Nil())})
	}
	return m.method("Update", params, jen.Error(), body...)
}

func (m *managerWriter) delete() jen.Code {
	r := m.r
	ids, guards := m.identifiers(r.Delete, jen.Return(jen.Nil()))
	out := jen.Id("_")
	if r.Delete.Unsuccessful != "" {
		out = jen.Id("out")
	}
	// Links go before attachments: an internet gateway's route table
	// associations name it while it is attached to the VPC.
	body := slices.Concat(m.unlinkAll(), m.detachAll(), m.moveAllHome(), m.emptyPerEntry(), m.deleteAllVersions(), guards, m.removeAllElements(ids))
	body = append(body, m.deleteFlags(ids)...)
	body = append(body,
		jen.List(out, jen.Err()).Op(":=").Id("m").Dot("client").Dot(r.Delete.Name).Call(
			jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, r.Delete.Name+"Input").Values(ids)),
	)
	body = append(body, unsuccessful(r.Delete)...)
	if len(r.NotFoundCodes) > 0 {
		codes := []jen.Code{jen.Err()}
		for _, c := range r.NotFoundCodes {
			codes = append(codes, jen.Lit(c))
		}
		body = append(body, jen.If(jen.Qual(managedPkg, "HasErrorCode").Call(codes...)).Block(
			jen.Comment("Already gone is what we wanted."),
			jen.Return(jen.Nil()),
		))
	}
	body = append(body, jen.Return(jen.Err()))
	return m.method("Delete", nil, jen.Error(), body...)
}

// observedSpec builds the spec as AWS reports it: the desired spec with
// every field the read returns replaced by AWS's value. The runtime adopts
// and late-initializes from it; diffSpec compares only the fields an
// update can correct.
func (m *managerWriter) observedSpec() jen.Code {
	r := m.r
	out := m.svc.Structs[r.Read.Output]
	body := []jen.Code{jen.Id("observed").Op(":=").Op("*").Id("cr").Dot("Spec").Dot("DeepCopy").Call()}
	for _, f := range r.Spec {
		if f.ObservedEach != nil {
			body = append(body, m.observeEach(f, out))
			continue
		}
		// A secret keeps its reference: AWS's value must not reach the
		// observed spec, which adoption would copy into the object.
		if f.ObservedPath != nil && (f.SubResource == nil || f.SubResource.ReadWithResource) && f.Links == nil && f.Action == nil && f.Toggle == nil && f.KeepsEmpty == nil && f.AddRemoveSet == nil && f.AttachedSet == nil && f.StringMap == nil && f.ParameterMap == nil && f.Versions == nil && !topSecret(f) && !r.Attributes.Holds(f) {
			body = append(body, m.assignObserved(f, out, jen.Id("desc"), f.ObservedPath))
			body = append(body, m.keepUnreported(f, out)...)
			body = append(body, m.zeroIsUnset(f)...)
			body = append(body, m.observeAssociations(f)...)
			body = append(body, m.observeAttachment(f)...)
		}
	}
	body = append(body, m.observeActions()...)
	body = append(body, m.observeAttributes()...)
	body = append(body, m.observePendingValues()...)
	body = append(body, jen.Return(jen.Id("observed")))
	_, typ := m.outputType(r.Read)
	return jen.Func().Id("observedSpec").Params(
		jen.Id("cr").Op("*").Qual(m.c.api, r.Kind),
		jen.Id("desc").Op("*").Add(typ),
	).Qual(m.c.api, r.Kind+"Spec").Block(body...)
}

// assignObserved sets observed.<field> from the value at path below x,
// checking each struct on the way for nil.
func (m *managerWriter) assignObserved(f *model.Field, in *model.Struct, x *jen.Statement, path []string) jen.Code {
	mem := in.FieldByMember(path[0])
	next := x.Clone().Dot(mem.SDKName)
	if len(path) == 1 {
		if !compatible(f.Type, mem.Type) {
			return jen.Null()
		}
		var value jen.Code = next
		if s := f.SubResource; s != nil && s.AWSOwned != nil {
			value = m.skipAWSOwned(s.AWSOwned, mem, next)
		}
		return jen.Id("observed").Dot(f.GoName).Op("=").Add(m.c.fromSDK(f.Type, mem.Type, value, true))
	}
	return jen.If(next.Clone().Op("!=").Nil()).Block(
		m.assignObserved(f, m.svc.Structs[mem.Type.Shape], next, path[1:]),
	).Else().Block(jen.Id("observed").Dot(f.GoName).Op("=").Nil())
}

// outputType is the SDK type an operation's output path ends at: the
// operation's own <Op>Output, or a struct of the types package. The SDK
// declares an output type per operation even where the model shares one
// shape (Lambda's GetAlias and CreateAlias both return AliasConfiguration).
func (m *managerWriter) outputType(op *model.Operation) (string, *jen.Statement) {
	if len(op.OutputPath) == 0 {
		return op.Name + "Output", jen.Qual(m.c.sdk, op.Name+"Output")
	}
	return exported(op.Output), jen.Qual(m.c.sdk+"/types", exported(op.Output))
}

// statusSources are the operations whose output fills status: the read,
// and the create when it returns the resource.
func (m *managerWriter) statusSources() []*model.Operation {
	ops := []*model.Operation{m.r.Read}
	if c := m.r.Create; c.Output != "" && m.fillStatusName(c) != m.fillStatusName(m.r.Read) {
		ops = append(ops, c)
	}
	return ops
}

func (m *managerWriter) fillStatusName(op *model.Operation) string {
	name, _ := m.outputType(op)
	return "fillStatusFrom" + name
}

// fillStatus copies every status field an operation's output holds.
func (m *managerWriter) fillStatus(op *model.Operation) jen.Code {
	out := m.svc.Structs[op.Output]
	_, typ := m.outputType(op)
	var body []jen.Code
	for _, f := range statusFields(m.r) {
		mem := out.FieldByMember(f.Member)
		if mem == nil || !compatible(f.Type, mem.Type) || f.From != nil {
			continue
		}
		body = append(body, jen.Id("status").Dot(f.GoName).Op("=").Add(m.c.fromSDK(f.Type, mem.Type, jen.Id("in").Dot(mem.SDKName), true)))
	}
	body = append(body, m.fillAttributeStatus(op)...)
	return jen.Func().Id(m.fillStatusName(op)).Params(
		jen.Id("status").Op("*").Qual(m.c.api, m.r.Kind+"Status"),
		jen.Id("in").Op("*").Add(typ),
	).Block(body...)
}

// zeroIsUnset maps AWS's way of saying "unset" for a numeric struct, all
// zeros, to nil: DynamoDB reports ProvisionedThroughput {0, 0} for an
// on-demand table. A struct qualifies when every field is a number and
// one has a minimum above zero, so that all zeros is a value the CRD
// itself rejects and cannot be a setting; adopting it would write a spec
// the API server refuses.
func (m *managerWriter) zeroIsUnset(f *model.Field) []jen.Code {
	if f.Type.Kind != model.Structure {
		return nil
	}
	s := m.svc.Structs[f.Type.Shape]
	if s == nil || len(s.Fields) == 0 {
		return nil
	}
	bounded := false
	var zero []jen.Code
	for _, sf := range s.Fields {
		if sf.Type.Kind != model.Int && sf.Type.Kind != model.Float {
			return nil
		}
		if min := sf.Validation.Minimum; min != nil && *min > 0 {
			bounded = true
		}
		zero = append(zero, jen.Qual(convPkg, "Value").Call(jen.Id("p").Dot(sf.GoName)).Op("==").Lit(0))
	}
	if !bounded {
		return nil
	}
	cond := jen.Id("p").Op("!=").Nil()
	for _, z := range zero {
		cond = cond.Op("&&").Add(z)
	}
	return []jen.Code{
		jen.Comment("All zeros is below the CRD's minimum: AWS's way of saying unset."),
		jen.If(jen.Id("p").Op(":=").Id("observed").Dot(f.GoName), cond).Block(
			jen.Id("observed").Dot(f.GoName).Op("=").Nil(),
		),
	}
}
