package infer

import (
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// keyBesideStruct reports whether a keyed collection's put takes the
// entry's key beside a structure rather than inside it, so the entry is
// the put input's members, as for a flat collection: EKS's
// AssociateAccessPolicy takes policyArn and an accessScope structure, and
// DisassociateAccessPolicy takes policyArn alone. It holds where the
// delete shares a string member with the put (no field or identifier of
// the resource) that the put's one structure member lacks.
func (st *state) keyBesideStruct(w *work, putIn, del *smithy.Shape) bool {
	if del == nil {
		return false
	}
	delIn := st.m.Shapes[del.Input]
	var structs []*smithy.Shape
	var keys []string
	for _, mem := range putIn.Members {
		if mem.Traits.HTTPPayload {
			return false
		}
		if fieldByMember(w.r, mem.Name) != nil || isIdentifier(w.r, mem.Name) {
			continue
		}
		switch t := st.m.Target(mem); t.Type {
		case smithy.TypeStructure:
			structs = append(structs, t)
		case smithy.TypeString:
			if delIn != nil && delIn.MemberByName(mem.Name) != nil {
				keys = append(keys, mem.Name)
			}
		}
	}
	if len(structs) != 1 || len(keys) != 1 {
		return false
	}
	return structs[0].MemberByName(keys[0]) == nil
}
