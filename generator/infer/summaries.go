package infer

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// summaryPath finds a create input member that the read output reports
// under a summary name rather than its own: member X as XSummary.X
// (DynamoDB's TableClassSummary.TableClass), or a structure XSpecification
// (or X) as XDescription, which shares some of its members
// (SSEDescription for SSESpecification). AWS leaves such a summary out
// when the value is its default, so an absent one proves nothing. It
// returns nil when there is no such summary.
func (st *state) summaryPath(out *model.Struct, member string, t *model.Type) []string {
	if s := st.structMember(out, member+"Summary"); s != nil {
		if sf := s.FieldByMember(member); sf != nil && compatibleKinds(t, sf.Type) {
			return []string{member + "Summary", member}
		}
	}
	if t.Kind != model.Structure {
		return nil
	}
	value := st.svc.Structs[t.Shape]
	stem := strings.TrimSuffix(member, "Specification")
	for _, name := range []string{stem + "Description", member + "Description"} {
		if s := st.structMember(out, name); s != nil && value != nil && sharesMembers(value, s) {
			return []string{name}
		}
	}
	return nil
}

// structMember returns the structure that member name of s holds, or nil.
func (st *state) structMember(s *model.Struct, name string) *model.Struct {
	f := s.FieldByMember(name)
	if f == nil || f.Type.Kind != model.Structure {
		return nil
	}
	return st.svc.Structs[f.Type.Shape]
}

// sharesMembers reports whether b has a member of a's of a compatible
// kind: the emitted conversion copies those, and keeps the spec's value
// for the rest.
func sharesMembers(a, b *model.Struct) bool {
	for _, f := range a.Fields {
		if g := b.FieldByMember(f.Member); g != nil && compatibleKinds(f.Type, g.Type) {
			return true
		}
	}
	return false
}
