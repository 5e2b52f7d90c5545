package emit

import (
	"slices"
	"strings"

	rbacv1 "k8s.io/api/rbac/v1"
	k8smeta "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generator/emit/rbac"
	"github.com/kubesmith/kubesmith/generator/model"
)

// RBACRules are the service's controller permissions, from what its kinds
// use: Secrets only when a kind has secret fields, and a get on each other
// group's kind that a reference names. config/rbac and the Helm chart are
// both written from them.
func (g *Gen) RBACRules() rbac.Rules {
	svc := g.svc
	var kinds []rbac.Kind
	var targets []rbac.Target
	for _, r := range svc.Resources {
		keys, maps := g.secretPaths(r)
		kinds = append(kinds, rbac.Kind{Plural: r.Plural, Secrets: len(keys)+len(maps) > 0, Bytes: len(r.BytesFrom) > 0})
		for _, f := range r.Spec {
			for _, ref := range g.references(f) {
				// The kinds this service generates are covered by the rules on them.
				if ref.Group != svc.Group || !g.generates(ref.Kind) {
					targets = append(targets, rbac.Target{Group: ref.Group, Plural: ref.Plural})
				}
			}
		}
	}
	slices.SortFunc(kinds, func(a, b rbac.Kind) int { return strings.Compare(a.Plural, b.Plural) })
	slices.SortFunc(targets, func(a, b rbac.Target) int {
		return strings.Compare(a.Group+"/"+a.Plural, b.Group+"/"+b.Plural)
	})
	return rbac.For(svc.Group, kinds, slices.Compact(targets))
}

// references are the references of the spec field f and of the members
// below it.
func (g *Gen) references(f *model.Field) []*model.Reference {
	var out []*model.Reference
	if f.Reference != nil {
		out = append(out, f.Reference)
	}
	for _, n := range g.nestedReferences(f, "", map[string]bool{}) {
		out = append(out, n.ref)
	}
	return out
}

// generates reports whether the service has the kind.
func (g *Gen) generates(kind string) bool {
	return slices.ContainsFunc(g.svc.Resources, func(r *model.Resource) bool { return r.Kind == kind })
}

// RBAC emits config/rbac: the ClusterRole for the watched namespaces and
// the namespace list, and the Role the controller needs in its own
// namespace (cross-account role map, leader election).
func (g *Gen) RBAC() ([]File, error) {
	rules := g.RBACRules()
	name := g.svc.Name + "-controller"
	cluster := rbacv1.ClusterRole{
		TypeMeta:   k8smeta.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "ClusterRole"},
		ObjectMeta: k8smeta.ObjectMeta{Name: name},
		Rules:      slices.Concat(rules.Watched, rules.Cluster),
	}
	own := rbacv1.Role{
		TypeMeta:   k8smeta.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "Role"},
		ObjectMeta: k8smeta.ObjectMeta{Name: name},
		Rules:      slices.Concat(rules.CARM, rules.LeaderElection),
	}
	var files []File
	for _, o := range []struct {
		path string
		obj  any
	}{{"config/rbac/role.yaml", cluster}, {"config/rbac/controller-namespace-role.yaml", own}} {
		data, err := yaml.Marshal(o.obj)
		if err != nil {
			return nil, err
		}
		data = []byte(strings.Replace(string(data), "  creationTimestamp: null\n", "", 1))
		files = append(files, File{Path: o.path, Data: append([]byte("# "+Header+"\n"), data...)})
	}
	return files, nil
}
