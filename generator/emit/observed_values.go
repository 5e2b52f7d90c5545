package emit

import (
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// observeDescribed sets the sub-resource's observed field from a get that
// describes the value in other terms than the put takes it: members of
// the same name convert as usual, the mapped ones through their values,
// and a described value the mapping lacks reads as unset. A description
// missing from the answer leaves the field unset.
func (m *managerWriter) observeDescribed(s subResource) *jen.Statement {
	field := jen.Id("observed").Dot(s.f.GoName)
	out := m.svc.Structs[s.Get.Output]
	x := jen.Id("got")
	var guards []*jen.Statement
	for i, p := range s.ObservedPath {
		f := out.FieldByMember(p)
		x = jen.Add(x).Dot(f.SDKName)
		if f.Type.Kind != model.Structure {
			break
		}
		v := jen.Id("d" + strconv.Itoa(i))
		guards = append(guards, jen.If(jen.Add(v).Op(":=").Add(x), jen.Add(v).Op("!=").Nil()))
		x, out = v, m.svc.Structs[f.Type.Shape]
	}
	var set jen.Code
	if s.Observed.Values != nil {
		last := m.svc.Structs[s.Get.Output]
		for _, p := range s.ObservedPath[:len(s.ObservedPath)-1] {
			last = m.svc.Structs[last.FieldByMember(p).Type.Shape]
		}
		from := last.FieldByMember(s.ObservedPath[len(s.ObservedPath)-1])
		set = jen.Add(field.Clone()).Op("=").Add(mapped(from, x, s.Observed.Values, s.f.Type))
	} else {
		spec := m.svc.Structs[s.f.Type.Shape]
		fields := jen.Dict{}
		for _, f := range spec.Fields {
			if om, ok := s.Observed.Members[f.Member]; ok && len(om.Values) == 0 {
				from := out.FieldByMember(om.From)
				fields[jen.Id(f.GoName)] = m.c.fromSDK(f.Type, from.Type, jen.Add(x).Dot(from.SDKName), true)
			} else if ok {
				fields[jen.Id(f.GoName)] = mapped(out.FieldByMember(om.From), jen.Add(x).Dot(out.FieldByMember(om.From).SDKName), om.Values, f.Type)
			} else if d := out.FieldByMember(f.Member); d != nil && compatible(f.Type, d.Type) && !f.Secret {
				fields[jen.Id(f.GoName)] = m.c.fromSDK(f.Type, d.Type, jen.Add(x).Dot(d.SDKName), true)
			}
		}
		set = jen.Add(field.Clone()).Op("=").Op("&").Qual(m.c.api, m.c.apiType(s.f.Type.Shape)).Values(fields)
	}
	if len(guards) == 0 {
		return jen.Add(set)
	}
	for _, g := range slices.Backward(guards) {
		set = g.Block(set)
	}
	return jen.Add(field.Clone()).Op("=").Nil().Line().Add(set)
}

// mapped converts the described member from, at x, to the spec's type t
// through values: conv.Mapped gives nil for a value not listed.
func mapped(from *model.Field, x jen.Code, values map[string]string, t *model.Type) jen.Code {
	str := jen.Qual(convPkg, "Value").Call(x)
	if from.Type.Kind == model.Enum || from.Type.SDKValue {
		str = jen.String().Call(x)
	}
	var elem jen.Code
	dict := jen.Dict{}
	for _, k := range sortedKeys(values) {
		v := values[k]
		switch t.Kind {
		case model.Bool:
			b, _ := strconv.ParseBool(v)
			elem, dict[jen.Lit(k)] = jen.Bool(), jen.Lit(b)
		case model.Int:
			n, _ := strconv.ParseInt(v, 10, 64)
			elem, dict[jen.Lit(k)] = jen.Int64(), jen.Lit(n)
		default:
			elem, dict[jen.Lit(k)] = jen.String(), jen.Lit(v)
		}
	}
	return jen.Qual(convPkg, "Mapped").Call(str, jen.Map(jen.String()).Add(elem).Values(dict))
}
