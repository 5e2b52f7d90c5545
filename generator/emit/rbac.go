package emit

import (
	"slices"
	"strings"

	rbacv1 "k8s.io/api/rbac/v1"
	k8smeta "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"
)

// RBAC emits config/rbac/role.yaml: the cluster role the controller needs
// for its own kinds and the core objects the runtime reads.
func (g *Gen) RBAC() (File, error) {
	svc := g.svc
	var kinds, sub []string
	for _, r := range svc.Resources {
		kinds = append(kinds, r.Plural)
		sub = append(sub, r.Plural+"/status", r.Plural+"/finalizers")
	}
	// Reading the objects that references name; this service's kinds are
	// covered above.
	refs := map[string][]string{}
	for _, r := range svc.Resources {
		for _, f := range r.Spec {
			if ref := f.Reference; ref != nil && ref.Group != svc.Group && !slices.Contains(refs[ref.Group], ref.Plural) {
				refs[ref.Group] = append(refs[ref.Group], ref.Plural)
			}
		}
	}
	var refRules []rbacv1.PolicyRule
	for _, group := range sortedKeys(refs) {
		slices.Sort(refs[group])
		refRules = append(refRules, rbacv1.PolicyRule{APIGroups: []string{group}, Resources: refs[group], Verbs: []string{"get"}})
	}
	role := rbacv1.ClusterRole{
		TypeMeta:   k8smeta.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "ClusterRole"},
		ObjectMeta: k8smeta.ObjectMeta{Name: svc.Name + "-controller"},
		Rules: []rbacv1.PolicyRule{
			{APIGroups: []string{svc.Group}, Resources: kinds, Verbs: []string{"get", "list", "watch", "create", "update", "patch", "delete"}},
			{APIGroups: []string{svc.Group}, Resources: sub, Verbs: []string{"get", "update", "patch"}},
			{APIGroups: []string{""}, Resources: []string{"namespaces", "configmaps", "secrets"}, Verbs: []string{"get", "list", "watch"}},
			{APIGroups: []string{"", "events.k8s.io"}, Resources: []string{"events"}, Verbs: []string{"create", "patch"}},
		},
	}
	role.Rules = append(role.Rules, refRules...)
	data, err := yaml.Marshal(role)
	if err != nil {
		return File{}, err
	}
	data = []byte(strings.Replace(string(data), "  creationTimestamp: null\n", "", 1))
	return File{Path: "config/rbac/role.yaml", Data: append([]byte("# "+Header+"\n"), data...)}, nil
}
