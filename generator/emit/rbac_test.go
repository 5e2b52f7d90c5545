package emit

import (
	"slices"
	"strings"
	"testing"

	rbacv1 "k8s.io/api/rbac/v1"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/generator/model"
)

// TestRBACRules: the controller may do what its kinds need and no more.
func TestRBACRules(t *testing.T) {
	str := &model.Type{Kind: model.String}
	password := &model.Field{Member: "Password", GoName: "Password", JSONName: "password", Secret: true, Class: model.ClassSecret, Type: str}
	role := &model.Reference{Service: "iam", Group: "iam.services.k8s.aws", Kind: "Role", Plural: "roles"}
	table := &model.Reference{Group: "x.services.k8s.aws", Kind: "Table", Plural: "tables"}
	cases := []struct {
		reason string
		spec   []*model.Field
		others []*model.Resource // the service's other kinds
		want   []string          // "group resource verb" the watched namespaces allow
		absent []string          // ... and must not allow
		bytes  []*model.BytesFrom
	}{
		{
			reason: "a kind without secret fields or references: its own objects, by patch, and events",
			want: []string{"x.services.k8s.aws backups get", "x.services.k8s.aws backups watch", "x.services.k8s.aws backups patch",
				"x.services.k8s.aws backups/status patch", "events.k8s.io events create"},
			absent: []string{" secrets get", "x.services.k8s.aws backups create", "x.services.k8s.aws backups delete",
				"x.services.k8s.aws backups update", " configmaps get", " configmaps list"},
		},
		{
			reason: "a secret field: get on Secrets, never list or watch",
			spec:   []*model.Field{password},
			want:   []string{" secrets get"},
			absent: []string{" secrets list", " secrets watch"},
		},
		{
			reason: "a bytes member from a ConfigMap or Secret key, read every pass: get, list and watch on ConfigMaps (the cache), get on Secrets",
			bytes:  []*model.BytesFrom{{Field: "Code", Member: "ZipFile", HashedAs: "CodeSha256"}},
			want:   []string{" configmaps get", " configmaps list", " configmaps watch", " secrets get"},
			absent: []string{" secrets list", " secrets watch"},
		},
		{
			reason: "a reference to another service's kind: get on it; this service's kinds are covered already",
			spec:   []*model.Field{refField("RoleArn", false, false, role), refField("TableName", true, false, table)},
			others: []*model.Resource{{Kind: "Table", Plural: "tables"}},
			want:   []string{"iam.services.k8s.aws roles get", "x.services.k8s.aws tables watch"},
		},
		{
			reason: "a reference to a kind of this service that it does not generate (another engineer's, not merged yet): get on it, as no rule of its own covers it",
			spec:   []*model.Field{refField("TableName", true, false, table)},
			want:   []string{"x.services.k8s.aws tables get"},
			absent: []string{"x.services.k8s.aws tables watch"},
		},
	}
	for _, c := range cases {
		svc := &model.Service{Name: "x", Group: "x.services.k8s.aws", Version: "v1alpha1",
			Resources: append([]*model.Resource{{Kind: "Backup", Plural: "backups", Spec: c.spec, BytesFrom: c.bytes}}, c.others...)}
		rules := New(svc, "example.com/x").RBACRules()
		got := grants(rules.Watched)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: watched namespaces do not allow %q: %v", c.reason, w, got)
			}
		}
		for _, a := range c.absent {
			if slices.Contains(got, a) {
				t.Errorf("%s: watched namespaces allow %q: %v", c.reason, a, got)
			}
		}
		if want := []string{" namespaces list", " namespaces watch"}; !slices.Equal(grants(rules.Cluster), want) {
			t.Errorf("%s: cluster-wide grants %v, want %v", c.reason, grants(rules.Cluster), want)
		}
		if len(rules.CARM) != 1 || !slices.Equal(rules.CARM[0].ResourceNames, []string{"ack-role-account-map"}) || !slices.Equal(rules.CARM[0].Verbs, []string{"get"}) {
			t.Errorf("%s: the cross-account rule is %+v, want get on the ConfigMap ack-role-account-map only", c.reason, rules.CARM)
		}
	}
}

// TestRBACFiles: config/rbac holds the same rules the chart gets, as a
// ClusterRole and a Role for the controller's own namespace.
func TestRBACFiles(t *testing.T) {
	svc := &model.Service{Name: "x", Group: "x.services.k8s.aws", Version: "v1alpha1",
		Resources: []*model.Resource{{Kind: "Backup", Plural: "backups"}}}
	g := New(svc, "example.com/x")
	files, err := g.RBAC()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != "config/rbac/role.yaml" || files[1].Path != "config/rbac/controller-namespace-role.yaml" {
		t.Fatalf("files %v", files)
	}
	var cluster rbacv1.ClusterRole
	var own rbacv1.Role
	if err := yaml.UnmarshalStrict(files[0].Data, &cluster); err != nil {
		t.Fatal(err)
	}
	if err := yaml.UnmarshalStrict(files[1].Data, &own); err != nil {
		t.Fatal(err)
	}
	rules := g.RBACRules()
	if got, want := grants(cluster.Rules), grants(slices.Concat(rules.Watched, rules.Cluster)); !slices.Equal(got, want) {
		t.Errorf("ClusterRole grants %v, want %v", got, want)
	}
	if got, want := grants(own.Rules), grants(slices.Concat(rules.CARM, rules.LeaderElection)); !slices.Equal(got, want) {
		t.Errorf("Role grants %v, want %v", got, want)
	}
	for _, f := range files {
		if !strings.HasPrefix(string(f.Data), "# "+Header+"\n") {
			t.Errorf("%s lacks the generated header", f.Path)
		}
	}
}

// grants flattens rules to "group resource verb" strings.
func grants(rules []rbacv1.PolicyRule) []string {
	var out []string
	for _, r := range rules {
		for _, g := range r.APIGroups {
			for _, res := range r.Resources {
				for _, v := range r.Verbs {
					out = append(out, g+" "+res+" "+v)
				}
			}
		}
	}
	return out
}
