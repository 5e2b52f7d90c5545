package emit

import (
	"github.com/dave/jennifer/jen"
)

// putWith adds to a sub-resource's put input the spec fields it sends
// with the value (model.SubResource.With), so that a put never clears
// them.
func (m *managerWriter) putWith(s subResource, ids jen.Dict) {
	for _, f := range s.With {
		mem := member(s.Put, f.Member)
		ids[jen.Id(mem.GoName)] = m.c.toSDK(f.Type, mem.Type, specValue(f), true)
	}
}

// changedWith is the condition that the sub-resource's value, or a field
// sent with it, differs from AWS; a field that is a sub-resource of its
// own sends its own put.
func changedWith(s subResource) *jen.Statement {
	changed := jen.Id("obs").Dot("Changed").Call(jen.Lit(s.f.JSONName))
	companions := false
	for _, f := range s.With {
		if f.SubResource == nil {
			changed, companions = changed.Op("||").Id("obs").Dot("Changed").Call(jen.Lit(f.JSONName)), true
		}
	}
	if !companions {
		return changed
	}
	return jen.Parens(changed)
}
