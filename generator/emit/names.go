package emit

import (
	"go/token"
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// apiTypeNames names the API type of every struct the API uses. A struct
// whose name is taken by a kind's own types (Glue's Table shape beside the
// Table kind) gets the suffix the incumbent uses, _SDK.
func apiTypeNames(svc *model.Service) map[string]string {
	taken := map[string]bool{"GroupVersion": true, "AddToScheme": true}
	for _, r := range svc.Resources {
		for _, suffix := range []string{"", "Spec", "Status", "List"} {
			taken[r.Kind+suffix] = true
		}
	}
	names := map[string]string{}
	for _, shape := range sortedKeys(svc.Structs) {
		s := svc.Structs[shape]
		if !s.InAPI {
			continue
		}
		name := exported(s.GoName)
		for taken[name] {
			name += "_SDK"
		}
		taken[name] = true
		names[shape] = name
	}
	return names
}

// apiType is the API type name of a struct shape.
func (g *Gen) apiType(shape string) string {
	if n, ok := g.typeNames[shape]; ok {
		return n
	}
	panic("no API type for struct " + shape)
}

// packageName is the Go package of a kind's manager: its lower-case name,
// with a suffix when that is a Go keyword (a kind named Select).
func packageName(kind string) string {
	p := strings.ToLower(kind)
	if token.IsKeyword(p) {
		p += "kind"
	}
	return p
}

// exported capitalises a name, as the SDK does for shapes and members that
// start in lower case.
func exported(name string) string {
	if name == "" {
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// refNames are the Go and JSON names of the field that lets f be given as
// a reference, the incumbent's way: kmsKeyID is set by kmsKeyRef,
// subnetIDs by subnetRefs, roleARN by roleRef.
func refNames(f *model.Field) (goName, jsonName string) {
	if f.Type.Kind == model.List {
		// routeTables, a list named by its elements, is set by routeTableRefs.
		return singular(trimIdentity(f.GoName)) + "Refs", singular(trimIdentity(f.JSONName)) + "Refs"
	}
	return trimIdentity(f.GoName) + "Ref", trimIdentity(f.JSONName) + "Ref"
}

// singular drops the plural s of a name that trimIdentity left whole, and
// makes -ies -y (policies, policyRefs).
func singular(name string) string {
	if trimmed, ok := strings.CutSuffix(name, "ies"); ok && trimmed != "" {
		return trimmed + "y"
	}
	if trimmed, ok := strings.CutSuffix(name, "s"); ok && trimmed != "" {
		return trimmed
	}
	return name
}

// trimIdentity strips the ID, ARN or Name a field name ends in.
func trimIdentity(name string) string {
	for _, s := range []string{"IDs", "Ids", "ARNs", "Arns", "Names", "ID", "Id", "ARN", "Arn", "Name"} {
		if trimmed, ok := strings.CutSuffix(name, s); ok && trimmed != "" {
			return trimmed
		}
	}
	return name
}
