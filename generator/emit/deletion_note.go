package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// deletionNote says, for a kind's README section and reference doc, what
// deleting an object does to AWS where that is more than a delete call:
// the constants the delete sends (KMS's 7-day pending window), and the
// states in which AWS still reports the resource although it counts as
// gone. "" when there is nothing to say.
func deletionNote(r *model.Resource) string {
	var parts []string
	if args := r.Inputs[r.Delete.Name]; len(args) > 0 {
		var sent []string
		for _, a := range args {
			sent = append(sent, fmt.Sprintf("`%s: %s`", a.Member, a.Value))
		}
		parts = append(parts, fmt.Sprintf("Deleting the object calls `%s` with %s.", r.Delete.Name, strings.Join(sent, ", ")))
	}
	for _, f := range r.DeleteFlags {
		parts = append(parts, deleteFlagNote(r, f))
	}
	if p := r.Pending; p != nil && len(p.Gone) > 0 {
		field := strings.Join(append([]string{p.Field}, p.Path...), ".")
		parts = append(parts, fmt.Sprintf("AWS keeps reporting a deleted resource, with `%s` `%s`, and removes it later by itself: "+
			"the object goes as soon as AWS reports that state, so the resource is not gone from AWS at once.", field, strings.Join(p.Gone, "` or `")))
	}
	return strings.Join(parts, " ")
}

// recorded reports whether the spec field of this member is an identifier
// that the status keeps too (model.Identifier.Recorded).
func (m *managerWriter) recorded(member string) bool {
	for _, id := range m.r.Identifiers {
		if id.Field == member && id.Recorded {
			return true
		}
	}
	return false
}

// deleteFlagNote says which annotation sets a delete input member.
func deleteFlagNote(r *model.Resource, f model.DeleteFlag) string {
	if f.IntBits > 0 {
		return fmt.Sprintf("The annotation `%s` sets `%s` to its number.", f.Annotation, f.Member)
	}
	return fmt.Sprintf("The annotation `%s: \"true\"` sends `%s` true with `%s`.", f.Annotation, f.Member, r.Delete.Name)
}

// keepFromSpec copies into status the referenced identifiers the read
// does not report (model.Identifier.KeptFromSpec), as their references
// resolved, so a delete after the referenced object is gone finds them.
func (m *managerWriter) keepFromSpec() []jen.Code {
	var out []jen.Code
	for _, id := range m.r.Identifiers {
		if !id.KeptFromSpec {
			continue
		}
		for _, f := range m.r.Spec {
			if f.Member == id.Field {
				spec := jen.Id("cr").Dot("Spec").Dot(f.GoName)
				out = append(out, jen.If(spec.Clone().Op("!=").Nil()).Block(jen.Id("cr").Dot("Status").Dot(f.GoName).Op("=").Add(spec)))
			}
		}
	}
	return out
}
