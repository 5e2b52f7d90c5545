package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// A whole-input sub-resource (model.SubResource.WholeInput) is a spec
// structure holding the put input's own members (Lambda's
// PutFunctionEventInvokeConfig: FunctionName, Qualifier and the
// settings). The resource's identifiers fill the members they name, so
// the value cannot point the put at another resource; the get output's
// members of the same names read it back.

// putWholeInput puts the spec's value, member by member.
func (m *managerWriter) putWholeInput(s subResource) []jen.Code {
	ids, guards := m.identifiers(s.Put, jen.Return(jen.Nil()))
	value := m.svc.Structs[s.f.Type.Shape]
	for _, in := range s.Put.Input {
		f := value.FieldByMember(in.Name)
		if f == nil || m.fillsIdentifier(s.Put, in) {
			continue
		}
		ids[jen.Id(in.GoName)] = m.bytesValue(s, f, m.c.toSDK(f.Type, in.Type, jen.Id("cr").Dot("Spec").Dot(s.f.GoName).Dot(f.GoName), true))
	}
	return append(guards, m.putCall(s.Put, ids, false)...)
}

// fillsIdentifier reports whether the resource's identifiers give op's
// input member in.
func (m *managerWriter) fillsIdentifier(op *model.Operation, in *model.Member) bool {
	// Unnamed, the one-member operation takes no constant inputs.
	one := model.Operation{Input: []*model.Member{in}}
	ids, _ := m.identifiers(&one, jen.Return(jen.Nil()))
	return len(ids) > 0
}

// keepUnread copies into observed the value's members the get output
// lacks (Lambda's GetFunctionEventInvokeConfig returns no Qualifier):
// they cannot drift, and comparing them would find a change every pass.
func (m *managerWriter) keepUnread(s subResource) jen.Code {
	out := m.svc.Structs[s.Get.Output]
	field := jen.Id("observed").Dot(s.f.GoName)
	var body []jen.Code
	for _, f := range m.svc.Structs[s.f.Type.Shape].Fields {
		if !described(s, f.Member) && out.FieldByMember(f.Member) == nil {
			body = append(body, jen.Add(field.Clone()).Dot(f.GoName).Op("=").Id("cr").Dot("Spec").Dot(s.f.GoName).Dot(f.GoName))
		}
	}
	if len(body) == 0 {
		return jen.Null()
	}
	return jen.If(jen.Add(field.Clone()).Op("!=").Nil().Op("&&").Id("cr").Dot("Spec").Dot(s.f.GoName).Op("!=").Nil()).Block(body...)
}

// described reports whether observed: reads the value's member from
// another member of the get output.
func described(s subResource, member string) bool {
	if s.Observed == nil {
		return false
	}
	_, ok := s.Observed.Members[member]
	return ok
}
