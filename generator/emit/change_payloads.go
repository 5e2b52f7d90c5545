package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// A sub-resource with Changes is put as the difference between the spec
// and what the read reported (obs.Observed), in one structure of the put
// input: the entries to add or update, and what to remove. A map is
// planned by compare.MapPlan, a list by compare.KeyedPlan on its entry
// keys; drift itself costs no call, the read returning the field.

// putChanges sends one sub-resource's changes.
func (m *managerWriter) putChanges(s subResource) []jen.Code {
	idOp := *s.Put
	idOp.Input = slices.DeleteFunc(slices.Clone(s.Put.Input), func(in *model.Member) bool { return in.Name == s.PutMember })
	ids, guards := m.identifiers(&idOp, jen.Return(jen.Nil()))
	mem := member(s.Put, s.PutMember)
	plan, payload := m.changesPlan(s)
	ids[jen.Id(mem.GoName)] = jen.Op("&").Add(m.c.types(mem.Type.Shape)).Values(payload)
	observed := jen.List(jen.Id("observed"), jen.Id("_")).Op(":=").Id("obs").Dot("Observed").Assert(jen.Qual(m.c.api, m.r.Kind+"Spec"))
	return slices.Concat(guards, []jen.Code{observed}, plan, m.putCall(s.Put, ids, false))
}

// changesPlan computes the changes from observed to the spec, and the
// put member structure's fields carrying them.
func (m *managerWriter) changesPlan(s subResource) ([]jen.Code, jen.Dict) {
	ch := s.Changes
	des, obs := jen.Id("cr").Dot("Spec").Dot(s.f.GoName), jen.Id("observed").Dot(s.f.GoName)
	if s.f.Type.Kind == model.Map {
		return []jen.Code{
				jen.List(jen.Id("set"), jen.Id("remove")).Op(":=").Qual(comparePkg, "MapPlan").Call(des, obs),
			}, jen.Dict{
				jen.Id(ch.Add.SDKName):    m.c.toSDK(s.f.Type, ch.Add.Type, jen.Id("set"), true),
				jen.Id(ch.Remove.SDKName): jen.Id("remove"),
			}
	}
	api := jen.Qual(m.c.api, m.apiType(s.f.Type.Elem.Shape))
	_, key := m.collectionKey(s.f)
	differs := jen.Func().Params(jen.List(jen.Id("d"), jen.Id("o")).Op("*").Add(api.Clone())).Bool().Block(
		jen.Return(jen.Len(jen.Id(m.d.structFunc(s.f.Type.Elem.Shape)).Call(jen.Lit(""), jen.Id("d"), jen.Id("o"))).Op(">").Lit(0)),
	)
	plan := jen.List(jen.Id("add"), jen.Id("change"), jen.Id("remove")).Op(":=").Qual(comparePkg, "KeyedPlan").Call(des, obs, key, differs)
	removed := m.c.toSDK(s.f.Type, ch.Remove.Type, jen.Id("remove"), true)
	if !ch.RemoveWhole {
		k := m.svc.Structs[s.f.Type.Elem.Shape].FieldByMember(s.EntryKeys[0])
		removed = jen.Qual(convPkg, "Slice").Call(jen.Id("remove"), jen.Func().Params(jen.Id("e").Add(api.Clone())).String().Block(
			jen.Return(jen.Qual(convPkg, "Value").Call(jen.Id("e").Dot(k.GoName))),
		))
	}
	return []jen.Code{plan}, jen.Dict{
		jen.Id(ch.Add.SDKName):    m.c.toSDK(s.f.Type, ch.Add.Type, jen.Append(jen.Id("add"), jen.Id("change").Op("...")), true),
		jen.Id(ch.Remove.SDKName): removed,
	}
}
