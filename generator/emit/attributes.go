package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// Attribute operations set and read one attribute per call (EC2's
// ModifyVpcAttribute and DescribeVpcAttribute): a sub-resource whose value
// sits in a one-member wrapper ({Value: true}) and whose get names the
// attribute with a constant. Such a get runs only while the spec sets the
// attribute: with no delete, an unset one is never compared.

// attribute reports whether a sub-resource is an attribute of that kind.
func (s subResource) attribute() bool { return s.ValueMember != "" || len(s.GetArgs) > 0 }

// wrapValue is the put input member's value for the spec field: the SDK
// wrapper structure holding the converted value in its one member.
func (m *managerWriter) wrapValue(s subResource, mem *model.Member) (jen.Code, bool) {
	spec := specValue(s.f)
	if s.ValueMember == "" {
		return m.c.toSDK(s.f.Type, mem.Type, spec, true), compatible(s.f.Type, mem.Type)
	}
	wrapper := m.svc.Structs[mem.Type.Shape]
	if mem.Type.Kind != model.Structure || wrapper == nil {
		return nil, false
	}
	inner := wrapper.FieldByMember(s.ValueMember)
	if inner == nil || !compatible(s.f.Type, inner.Type) {
		return nil, false
	}
	return jen.Op("&").Add(m.c.types(mem.Type.Shape)).Values(jen.Dict{
		jen.Id(inner.SDKName): m.c.toSDK(s.f.Type, inner.Type, spec, true),
	}), true
}

// addGetArgs sets the get input's constant members.
func (m *managerWriter) addGetArgs(s subResource, ids jen.Dict) {
	for _, a := range s.GetArgs {
		mem := member(s.Get, a.Member)
		if mem.Type.Kind == model.Enum {
			ids[jen.Id(mem.GoName)] = m.c.types(mem.Type.Shape).Call(jen.Lit(a.Value))
			continue
		}
		ids[jen.Id(mem.GoName)] = jen.Qual(convPkg, "Of").Call(jen.Lit(a.Value))
	}
}

// unwrapGuard is the condition that the wrapper holding an attribute's
// value is in the get output at got, nil when the value is not wrapped.
func (m *managerWriter) unwrapGuard(s subResource) jen.Code {
	if s.ValueMember == "" || len(s.ObservedPath) < 2 {
		return nil
	}
	x := jen.Id("got")
	for _, p := range m.sdkPath(m.svc.Structs[s.Get.Output], s.ObservedPath[:len(s.ObservedPath)-1]) {
		x = x.Dot(p)
	}
	return x.Op("!=").Nil()
}
