package emit

import (
	"strings"

	"github.com/kubesmith/kubesmith/generator/model"
)

// isScopeID reports whether an optional input member is the ID of what
// holds the resource (ECR's registryId): given once in a create-only spec
// field of its name and taken by the read as well, so every call that
// takes it must send it too, or AWS looks in the caller's own registry or
// account instead. A create-only ID the read does not take (a VPC's IPAM
// pool) only shapes the create.
func (m *managerWriter) isScopeID(mem *model.Member) bool {
	if !strings.HasSuffix(strings.ToLower(mem.Name), "id") || mem.Type.Kind != model.String || !takes(m.r.Read, mem.Name) {
		return false
	}
	for _, f := range m.r.Spec {
		if f.Member == mem.Name && f.CreateOnly && f.Type.Kind == model.String && f.SubResource == nil && f.Reference == nil {
			return true
		}
	}
	return false
}
