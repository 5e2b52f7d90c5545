package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// createOnlyCompared are the create-only fields the read returns: a spec
// that moves away from AWS's value in one of them asks for a change no
// update can make, which the runtime refuses.
func (m *managerWriter) createOnlyCompared() []*model.Field {
	var out []*model.Field
	tags := m.tagsField()
	for _, f := range m.r.Spec {
		// Tags are left out: AWS holds the controller's default tags too.
		if f.CreateOnly && f.ObservedPath != nil && !f.LastApplied && !f.CompareIgnore && f.SubResource == nil && !secretRef(f) && f != tags {
			out = append(out, f)
		}
	}
	return out
}

// diffCreateOnly emits the function listing the spec paths that differ
// from AWS and that no update can change: create-only fields, and
// elements whose change no element action makes.
func (m *managerWriter) diffCreateOnly() jen.Code {
	body := []jen.Code{jen.Var().Id("diff").Index().String()}
	for _, f := range m.createOnlyCompared() {
		body = append(body, m.d.field(f, jen.Lit(f.JSONName)))
	}
	body = append(body, m.keptMembers()...)
	for _, f := range m.elementUpdates() {
		des, obs := jen.Id("desired").Dot(f.GoName), jen.Id("observed").Dot(f.GoName)
		body = append(body, jen.If(des.Clone().Op("!=").Nil()).Block(
			jen.List(jen.Id("_"), jen.Id("refused")).Op(":=").Id(updatesFuncName(f)).Call(des, obs),
			jen.Id("diff").Op("=").Append(jen.Id("diff"), jen.Id("refused").Op("...")),
		))
	}
	body = append(body, jen.Return(jen.Id("diff")))
	specType := jen.Op("*").Qual(m.c.api, m.r.Kind+"Spec")
	return jen.Func().Id("diffCreateOnly").Params(jen.List(jen.Id("desired"), jen.Id("observed")).Add(specType)).Index().String().Block(body...)
}

// appliedFields tells the runtime which fields it records the last
// applied value of (model.Field.LastApplied), and which sub-resources it
// records as applied, so that Observe reads a removable one the spec
// dropped, once, to delete it.
func (m *managerWriter) appliedFields() jen.Code {
	var items []jen.Code
	for _, f := range m.r.Spec {
		if !f.LastApplied {
			continue
		}
		d := jen.Dict{jen.Id("Field"): jen.Lit(f.JSONName)}
		if f.CreateOnly {
			d[jen.Id("CreateOnly")] = jen.True()
		}
		items = append(items, jen.Values(d))
	}
	for _, f := range append(m.removableFields(), m.defaultedAttributes()...) {
		items = append(items, jen.Values(jen.Dict{jen.Id("Field"): jen.Lit(f.JSONName), jen.Id("Observed"): jen.True()}))
	}
	if len(items) == 0 {
		return nil
	}
	return jen.Index().Qual(managedPkg, "AppliedField").Values(items...)
}

// keepUnreported keeps the spec's value of the members of a struct field
// that the observed structure lacks (SSEDescription reports SSEType but
// not Enabled or KMSMasterKeyId of SSESpecification): AWS says nothing
// about them, which is no difference.
func (m *managerWriter) keepUnreported(f *model.Field, out *model.Struct) []jen.Code {
	if f.Type.Kind != model.Structure {
		return nil
	}
	s := out
	var last *model.Field
	for _, p := range f.ObservedPath {
		if s == nil {
			return nil
		}
		last = s.FieldByMember(p)
		if last == nil || last.Type.Kind != model.Structure {
			return nil
		}
		s = m.svc.Structs[last.Type.Shape]
	}
	if s == nil || last.Type.Shape == f.Type.Shape {
		return nil
	}
	var keep []jen.Code
	var missing []string
	for _, sf := range m.svc.Structs[f.Type.Shape].Fields {
		if of := s.FieldByMember(sf.Member); of != nil && compatible(sf.Type, of.Type) {
			continue
		}
		missing = append(missing, sf.JSONName)
		keep = append(keep, jen.Id("observed").Dot(f.GoName).Dot(sf.GoName).Op("=").Id("cr").Dot("Spec").Dot(f.GoName).Dot(sf.GoName))
	}
	if len(keep) == 0 {
		return nil
	}
	return []jen.Code{
		jen.Comment(fmt.Sprintf("%s does not report %s: the spec's values stand.", last.Member, strings.Join(missing, ", "))),
		jen.If(jen.Id("observed").Dot(f.GoName).Op("!=").Nil().Op("&&").Id("cr").Dot("Spec").Dot(f.GoName).Op("!=").Nil()).Block(keep...),
	}
}

// additionRules keep an optional create-only field from being set once
// the controller has started on the AWS resource (status records where it
// lives): AWS takes the field only at create, so a later value would
// never reach it. A late-initialized field is exempt, since the controller
// itself fills it. Before then, the spec is still free to change.
func additionRules(r *model.Resource) []string {
	var rules []string
	for _, f := range r.Spec {
		if !f.CreateOnly || required(f) || f.LateInitialize {
			continue
		}
		name := celName(f.JSONName)
		rules = append(rules, fmt.Sprintf(`+kubebuilder:validation:XValidation:rule="!has(oldSelf.status) || !has(oldSelf.status.ackResourceMetadata) || (has(oldSelf.spec) && has(oldSelf.spec.%s)) || !has(self.spec) || !has(self.spec.%s)",message="spec.%s cannot be added once the %s exists in AWS: AWS takes it only at create"`, name, name, f.JSONName, r.Kind))
	}
	return rules
}
