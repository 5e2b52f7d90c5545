package infer

import (
	"github.com/kubesmith/kubesmith/generator/smithy"
)

// createdIdentifiers are the members of the delete input that the create
// output returns at its top level: the identifiers AWS assigns, when the
// model names none and the delete requires none. DeleteSecurityGroup
// takes GroupId or GroupName, neither required, and CreateSecurityGroup
// returns GroupId.
func createdIdentifiers(m *smithy.Model, create, del *smithy.Shape) []string {
	if create == nil || del == nil {
		return nil
	}
	out, okOut := m.Shape(create.Output)
	in, okIn := m.Shape(del.Input)
	if !okOut || !okIn {
		return nil
	}
	var names []string
	for _, mem := range in.Members {
		for _, o := range out.Members {
			if o.Name == mem.Name && m.Target(o).Type == smithy.TypeString {
				names = append(names, mem.Name)
			}
		}
	}
	return names
}
