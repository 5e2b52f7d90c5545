package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"
)

// endPass ends the update after a put where the resource takes one update
// at a time (oneUpdatePerPass): the runtime requeues, the next pass waits
// while AWS reports the resource pending, and then sends the next put that
// differs. managed.Partial names what this pass did not send, so the
// runtime records only the sent fields as applied.
func (m *managerWriter) endPass(sent []string) []jen.Code {
	if !m.r.OneUpdatePerPass {
		return nil
	}
	args := []jen.Code{jen.Id("obs")}
	for _, f := range sent {
		args = append(args, jen.Lit(f))
	}
	return []jen.Code{
		jen.Comment("One update at a time: the next pass sends the next, once AWS is done with this one."),
		jen.Return(jen.Qual(managedPkg, "Partial").Call(args...)),
	}
}

// putSent are the fields a pass sent when it ends after a sub-resource's
// put: the tags, which go first, and the put's own fields.
func (m *managerWriter) putSent(s subResource) []string {
	var sent []string
	if m.tagsOwned() {
		sent = append(sent, m.tagsField().JSONName)
	}
	sent = append(sent, s.f.JSONName)
	for _, f := range s.With {
		sent = append(sent, f.JSONName)
	}
	return sent
}

// updateSent are the fields a pass sent when it ends after the update
// proper: every field but those with operations of their own, and the
// tags, which go first.
func (m *managerWriter) updateSent() []string {
	owned := m.ownedFields()
	var sent []string
	if m.tagsOwned() {
		sent = append(sent, m.tagsField().JSONName)
	}
	for _, f := range m.r.Spec {
		if !slices.Contains(owned, f.JSONName) {
			sent = append(sent, f.JSONName)
		}
	}
	return sent
}
