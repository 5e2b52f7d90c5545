package emit

import (
	"github.com/dave/jennifer/jen"
)

// sendWith adds to a sub-resource's put the spec fields it carries too
// (model.SubResource.SendWith): EKS's UpdateNodegroupVersion sends the
// node group's version with its release version, whichever differs.
func (m *managerWriter) sendWith(s subResource, ids jen.Dict) {
	for _, with := range s.SendWith {
		mem := member(s.Put, with)
		for _, f := range m.r.Spec {
			if f.Member == with && mem != nil && compatible(f.Type, mem.Type) {
				ids[jen.Id(mem.GoName)] = m.c.toSDK(f.Type, mem.Type, specValue(f), true)
			}
		}
	}
}
