package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/kubesmith/kubesmith/generator/model"
)

// referenceEntry is the runtime's managed.Reference for a field path and
// its reference's path (JSON names, dot separated, [] for every element
// of a list); required when AWS needs the field to create the resource.
func (m *managerWriter) referenceEntry(field, refField string, ref *model.Reference, required bool) jen.Code {
	group := ref.Group
	if group == "" {
		group = m.svc.Group
	}
	entry := jen.Dict{
		jen.Id("Field"):    jen.Lit(field),
		jen.Id("RefField"): jen.Lit(refField),
		jen.Id("Target"): jen.Qual("k8s.io/apimachinery/pkg/runtime/schema", "GroupVersionKind").Values(jen.Dict{
			jen.Id("Group"): jen.Lit(group), jen.Id("Version"): jen.Lit(m.svc.Version), jen.Id("Kind"): jen.Lit(ref.Kind),
		}),
		// The runtime's paths start at the object, with no leading dot.
		jen.Id("Path"): jen.Lit(strings.TrimPrefix(ref.Path, ".")),
	}
	if required {
		entry[jen.Id("Required")] = jen.True()
	}
	return jen.Values(entry)
}

// nestedReference is a reference on a member inside a spec field's
// structures or list elements.
type nestedReference struct {
	field, refField string
	ref             *model.Reference
}

// nestedReferences are the references of members inside f's structures
// and list elements, at paths such as ingressRules[].userIDGroupPairs[].groupID;
// seen stops a structure that contains itself.
func (g *Gen) nestedReferences(f *model.Field, prefix string, seen map[string]bool) []nestedReference {
	t := f.Type
	at := prefix + f.JSONName
	if t.Kind == model.List {
		t, at = t.Elem, at+"[]"
	}
	if t.Kind != model.Structure || seen[t.Shape] {
		return nil
	}
	seen[t.Shape] = true
	defer delete(seen, t.Shape)
	var out []nestedReference
	for _, sf := range g.svc.Structs[t.Shape].Fields {
		if sf.Reference != nil {
			_, refJSON := refNames(sf)
			out = append(out, nestedReference{at + "." + sf.JSONName, at + "." + refJSON, sf.Reference})
		}
		out = append(out, g.nestedReferences(sf, at+".", seen)...)
	}
	return out
}
