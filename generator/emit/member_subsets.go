package emit

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// A sub-resource whose put takes some of its structure's members
// (model.SubResource.Sent: UpdateClusterConfig takes accessConfig's
// authenticationMode alone) is compared in two parts: diffSpec compares
// the members the put sends, which an update corrects, and
// diffCreateOnly the others, which only a new resource could change.
// Comparing them all as drift would send, every pass, a put that cannot
// change what differs. A read that leaves the structure out says nothing
// of it, so neither part compares then: AWS always returns accessConfig,
// and moto 5.2.1, which keeps none, would otherwise get an update every
// pass that it ignores.

// sentMembers compares the members of f the put sends.
func (d *differ) sentMembers(f *model.Field) jen.Code {
	des, obs := jen.Id("desired").Dot(f.GoName), jen.Id("observed").Dot(f.GoName)
	fn := d.membersFunc(f.Type.Shape, "Sent", func(m string) bool { return slices.Contains(f.SubResource.Sent, m) })
	return jen.If(des.Clone().Op("!=").Nil().Op("&&").Add(obs.Clone()).Op("!=").Nil()).Block(
		jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Id(fn).Call(jen.Lit(f.JSONName), des, obs).Op("...")),
	)
}

// keptMembers compares, for diffCreateOnly, the members of each such
// sub-resource that its put does not send.
func (m *managerWriter) keptMembers() []jen.Code {
	var body []jen.Code
	for _, s := range m.subResources() {
		if s.Sent == nil || !s.compared() {
			continue
		}
		des, obs := jen.Id("desired").Dot(s.f.GoName), jen.Id("observed").Dot(s.f.GoName)
		fn := m.d.membersFunc(s.f.Type.Shape, "Kept", func(mem string) bool { return !slices.Contains(s.Sent, mem) })
		body = append(body, jen.If(des.Clone().Op("!=").Nil().Op("&&").Add(obs.Clone()).Op("!=").Nil()).Block(
			jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Id(fn).Call(jen.Lit(s.f.JSONName), des, obs).Op("...")),
		))
	}
	return body
}

// membersFunc names (and queues) the comparison of the members of one API
// struct that keep says, as structFunc compares them all; observed is
// never nil here.
func (d *differ) membersFunc(shape, suffix string, keep func(member string) bool) string {
	name := "diff" + strings.ReplaceAll(d.apiType(shape), "_", "") + suffix
	if d.done[name] {
		return name
	}
	d.done[name] = true
	d.queued = append(d.queued, func() jen.Code {
		typ := jen.Qual(d.api, d.apiType(shape))
		body := []jen.Code{jen.Var().Id("diff").Index().String()}
		for _, f := range d.svc.Structs[shape].Fields {
			if keep(f.Member) && !f.Secret && !f.CompareIgnore {
				body = append(body, d.field(f, jen.Id("path").Op("+").Lit("."+f.JSONName)))
			}
		}
		body = append(body, jen.Return(jen.Id("diff")))
		return jen.Func().Id(name).Params(
			jen.Id("path").String(),
			jen.List(jen.Id("desired"), jen.Id("observed")).Op("*").Add(typ),
		).Index().String().Block(body...)
	})
	return name
}
