package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Manager emits resources/<kind>/manager.go: the kind's Observe, Create,
// Update and Delete against aws-sdk-go-v2, and the conversions they need.
func Manager(svc *model.Service, r *model.Resource) (File, error) {
	pkg := strings.ToLower(r.Kind)
	f := newFile(pkg)
	m := &managerWriter{svc: svc, r: r, c: newConverter(svc)}
	crType := jen.Op("*").Qual(m.c.api, r.Kind)

	f.Comment(fmt.Sprintf("Kind describes %s to the shared runtime.", r.Kind))
	f.Func().Id("Kind").Params().Qual(managedPkg, "Kind").Types(crType).Block(
		jen.Return(jen.Qual(managedPkg, "Kind").Types(crType).Values(jen.Dict{
			jen.Id("Name"): jen.Lit(r.Kind),
			jen.Id("New"): jen.Func().Params().Add(crType).Block(
				jen.Return(jen.Op("&").Qual(m.c.api, r.Kind).Values()),
			),
			jen.Id("Connect"): jen.Func().Params(jen.Id("cfg").Qual(awsPkg, "Config")).Qual(managedPkg, "External").Types(crType).Block(
				jen.Return(jen.Op("&").Id("manager").Values(jen.Dict{
					jen.Id("client"): jen.Qual(m.c.sdk, "NewFromConfig").Call(jen.Id("cfg")),
				})),
			),
			jen.Id("TerminalCodes"): stringSlice(r.TerminalCodes),
		})),
	)
	f.Line()
	f.Type().Id("manager").Struct(jen.Id("client").Op("*").Qual(m.c.sdk, "Client"))
	f.Line()
	f.Add(m.observe())
	f.Line()
	f.Add(m.create())
	f.Line()
	f.Add(m.update())
	f.Line()
	f.Add(m.delete())
	f.Line()
	f.Add(m.observedSpec())
	f.Line()
	for _, shape := range m.statusShapes() {
		f.Add(m.fillStatus(shape))
		f.Line()
	}
	for _, fn := range m.c.funcs() {
		f.Add(fn)
	}
	return render(fmt.Sprintf("resources/%s/manager.go", pkg), f)
}

type managerWriter struct {
	svc *model.Service
	r   *model.Resource
	c   *converter
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
	for _, f := range m.r.Spec {
		if f.Member == mem.Name {
			return f, jen.Id("cr").Dot("Spec").Dot(f.GoName)
		}
	}
	for _, f := range m.r.Status {
		if f.Member == mem.Name {
			return f, jen.Id("cr").Dot("Status").Dot(f.GoName)
		}
	}
	return nil, nil
}

// identifiers sets the required members of an operation's input, and
// returns a guard that bails out when one read from status is not known yet.
func (m *managerWriter) identifiers(op *model.Operation, bail jen.Code) (jen.Dict, []jen.Code) {
	fields := jen.Dict{}
	var guards []jen.Code
	for _, mem := range op.Input {
		if !mem.Required {
			continue
		}
		f, x := m.source(mem)
		if f == nil {
			continue
		}
		fields[jen.Id(mem.GoName)] = m.c.toSDK(f.Type, mem.Type, x, true)
		if f.Class == "status" {
			guards = append(guards, jen.If(jen.Add(x).Op("==").Nil()).Block(bail))
		}
	}
	return fields, guards
}

func (m *managerWriter) errReturn(zero jen.Code) jen.Code {
	if zero == nil {
		return jen.Return(jen.Err())
	}
	return jen.Return(zero, jen.Err())
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
	ids, guards := m.identifiers(r.Read, jen.Return(obs.Clone().Values(), jen.Nil()))
	body := append(guards,
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(r.Read.Name).Call(
			jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, r.Read.Name+"Input").Values(ids)),
	)
	if len(r.NotFoundCodes) > 0 {
		codes := []jen.Code{jen.Err()}
		for _, c := range r.NotFoundCodes {
			codes = append(codes, jen.Lit(c))
		}
		body = append(body, jen.If(jen.Qual(managedPkg, "HasErrorCode").Call(codes...)).Block(
			jen.Return(obs.Clone().Values(), jen.Nil()),
		))
	}
	body = append(body,
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(obs.Clone().Values(), jen.Err())),
		jen.Id("desc").Op(":=").Add(unwrap(r.Read)),
	)
	if len(r.Read.OutputPath) > 0 {
		body = append(body, jen.If(jen.Id("desc").Op("==").Nil()).Block(jen.Return(obs.Clone().Values(), jen.Nil())))
	}
	result := jen.Dict{
		jen.Id("Exists"): jen.True(),
		jen.Id("Diff"): jen.Qual(comparePkg, "Diff").Call(
			jen.Id("cr").Dot("Spec"), jen.Id("observedSpec").Call(jen.Id("cr"), jen.Id("desc"))),
	}
	if r.ARNMember != "" {
		arn := m.svc.Structs[r.Read.Output].FieldByMember(r.ARNMember)
		result[jen.Id("ARN")] = m.c.fromSDK(&model.Type{Kind: model.String}, arn.Type, jen.Id("desc").Dot(arn.SDKName), true)
	}
	body = append(body,
		jen.Id(fillStatusName(r.Read.Output)).Call(jen.Op("&").Id("cr").Dot("Status"), jen.Id("desc")),
		jen.Id("obs").Op(":=").Add(obs.Clone().Values(result)),
	)
	if p := r.Pending; p != nil {
		f := statusField(r, p.Field)
		values := make([]jen.Code, len(p.Values))
		for i, v := range p.Values {
			values[i] = jen.Lit(v)
		}
		body = append(body,
			jen.Comment("AWS is still working on the resource while it reports one of these."),
			jen.If(jen.Id("v").Op(":=").Qual(convPkg, "Value").Call(jen.Id("cr").Dot("Status").Dot(f.GoName)),
				jen.Qual("slices", "Contains").Call(jen.Index().String().Values(values...), jen.Id("v"))).Block(
				jen.Id("obs").Dot("Pending").Op("=").Id("v"),
			),
		)
	}
	body = append(body, jen.Return(jen.Id("obs"), jen.Nil()))
	return m.method("Observe", nil, jen.Parens(jen.List(obs.Clone(), jen.Error())), body...)
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
	r := m.r
	fields := jen.Dict{}
	for _, mem := range r.Create.Input {
		for _, f := range r.Spec {
			if f.Member == mem.Name && compatible(f.Type, mem.Type) {
				fields[jen.Id(mem.GoName)] = m.c.toSDK(f.Type, mem.Type, jen.Id("cr").Dot("Spec").Dot(f.GoName), true)
			}
		}
	}
	call := jen.Id("m").Dot("client").Dot(r.Create.Name).Call(jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, r.Create.Name+"Input").Values(fields))
	if r.Create.Output == "" {
		return m.method("Create", nil, jen.Error(),
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call),
			jen.Return(jen.Err()),
		)
	}
	body := []jen.Code{
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Add(call),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}
	fill := jen.Id(fillStatusName(r.Create.Output)).Call(jen.Op("&").Id("cr").Dot("Status"), unwrap(r.Create))
	if len(r.Create.OutputPath) > 0 {
		fill = jen.If(unwrap(r.Create).Op("!=").Nil()).Block(fill)
	}
	body = append(body, fill, jen.Return(jen.Nil()))
	return m.method("Create", nil, jen.Error(), body...)
}

func (m *managerWriter) update() jen.Code {
	r := m.r
	params := []jen.Code{jen.Id("obs").Qual(managedPkg, "Observation")}
	if r.Update == nil {
		return m.method("Update", params, jen.Error(),
			jen.Comment("AWS offers no update; every spec field is immutable."),
			jen.Return(jen.Nil()),
		)
	}
	ids, guards := m.identifiers(r.Update, jen.Return(jen.Nil()))
	body := append(guards, jen.Id("in").Op(":=").Op("&").Qual(m.c.sdk, r.Update.Name+"Input").Values(ids))
	for _, mem := range r.Update.Input {
		if mem.Required {
			continue
		}
		for _, f := range r.Spec {
			if f.Member == mem.Name && f.Compared() && compatible(f.Type, mem.Type) {
				body = append(body, jen.If(jen.Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName))).Block(
					jen.Id("in").Dot(mem.GoName).Op("=").Add(m.c.toSDK(f.Type, mem.Type, jen.Id("cr").Dot("Spec").Dot(f.GoName), true)),
				))
			}
		}
	}
	body = append(body,
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(r.Update.Name).Call(jen.Id("ctx"), jen.Id("in")),
		jen.Return(jen.Err()),
	)
	return m.method("Update", params, jen.Error(), body...)
}

func (m *managerWriter) delete() jen.Code {
	r := m.r
	ids, guards := m.identifiers(r.Delete, jen.Return(jen.Nil()))
	body := append(guards,
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("m").Dot("client").Dot(r.Delete.Name).Call(
			jen.Id("ctx"), jen.Op("&").Qual(m.c.sdk, r.Delete.Name+"Input").Values(ids)),
	)
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

// observedSpec builds the spec as AWS reports it. Fields that AWS does not
// return, or that no update can change, keep their desired value so that
// they never show up as drift.
func (m *managerWriter) observedSpec() jen.Code {
	r := m.r
	out := m.svc.Structs[r.Read.Output]
	body := []jen.Code{jen.Id("observed").Op(":=").Op("*").Id("cr").Dot("Spec").Dot("DeepCopy").Call()}
	for _, f := range r.Spec {
		if !f.Compared() {
			continue
		}
		body = append(body, m.assignObserved(f, out, jen.Id("desc"), f.ObservedPath))
	}
	body = append(body, jen.Return(jen.Id("observed")))
	return jen.Func().Id("observedSpec").Params(
		jen.Id("cr").Op("*").Qual(m.c.api, r.Kind),
		jen.Id("desc").Op("*").Add(m.c.types(r.Read.Output)),
	).Qual(m.c.api, r.Kind+"Spec").Block(body...)
}

// assignObserved sets observed.<field> from the value at path below x,
// checking each struct on the way for nil.
func (m *managerWriter) assignObserved(f *model.Field, in *model.Struct, x *jen.Statement, path []string) jen.Code {
	mem := in.FieldByMember(path[0])
	next := x.Clone().Dot(mem.SDKName)
	if len(path) == 1 {
		return jen.Id("observed").Dot(f.GoName).Op("=").Add(m.c.fromSDK(f.Type, mem.Type, next, true))
	}
	return jen.If(next.Clone().Op("!=").Nil()).Block(
		m.assignObserved(f, m.svc.Structs[mem.Type.Shape], next, path[1:]),
	).Else().Block(jen.Id("observed").Dot(f.GoName).Op("=").Nil())
}

// statusShapes are the output shapes status is filled from.
func (m *managerWriter) statusShapes() []string {
	shapes := []string{m.r.Read.Output}
	if o := m.r.Create.Output; o != "" && o != m.r.Read.Output {
		shapes = append(shapes, o)
	}
	return shapes
}

func fillStatusName(shape string) string { return "fillStatusFrom" + shape }

// fillStatus copies every status field an output shape holds.
func (m *managerWriter) fillStatus(shape string) jen.Code {
	out := m.svc.Structs[shape]
	var body []jen.Code
	for _, f := range m.r.Status {
		mem := out.FieldByMember(f.Member)
		if mem == nil || !compatible(f.Type, mem.Type) {
			continue
		}
		body = append(body, jen.Id("status").Dot(f.GoName).Op("=").Add(m.c.fromSDK(f.Type, mem.Type, jen.Id("in").Dot(mem.SDKName), true)))
	}
	return jen.Func().Id(fillStatusName(shape)).Params(
		jen.Id("status").Op("*").Qual(m.c.api, m.r.Kind+"Status"),
		jen.Id("in").Op("*").Add(m.c.types(shape)),
	).Block(body...)
}
