package harness

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// TestServiceAccountKubeconfig: the kubeconfig acts as the ServiceAccount,
// so it may do what a Role binds to it and nothing else.
func TestServiceAccountKubeconfig(t *testing.T) {
	kube := StartKube(t)
	ctx := t.Context()
	obj := func(apiVersion, kind, name string, fields map[string]any) *unstructured.Unstructured {
		m := map[string]any{"apiVersion": apiVersion, "kind": kind, "metadata": map[string]any{"name": name, "namespace": "default"}}
		for k, v := range fields {
			m[k] = v
		}
		return &unstructured.Unstructured{Object: m}
	}
	chart := Chart{Objects: []*unstructured.Unstructured{
		obj("v1", "ServiceAccount", "ctl", nil),
		obj("rbac.authorization.k8s.io/v1", "Role", "read-cm", map[string]any{"rules": []any{map[string]any{
			"apiGroups": []any{""}, "resources": []any{"configmaps"}, "verbs": []any{"list"},
		}}}),
		obj("rbac.authorization.k8s.io/v1", "RoleBinding", "read-cm", map[string]any{
			"roleRef":  map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "read-cm"},
			"subjects": []any{map[string]any{"kind": "ServiceAccount", "name": "ctl", "namespace": "default"}},
		}),
		// Not created: the test runs the controller itself.
		obj("apps/v1", "Deployment", "x", nil),
	}}
	kube.InstallAccess(t, &chart)
	if got := chart.ServiceAccountName(t); got != "ctl" {
		t.Errorf("ServiceAccountName = %q", got)
	}

	kubeconfig := kube.ServiceAccountKubeconfig(t, "default", "ctl")
	kubectl := filepath.Join(RepoRoot(t), "bin", "kubectl")
	cases := []struct {
		reason string
		args   []string
		want   string
	}{
		{"it authenticates as the ServiceAccount", []string{"auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"}, "system:serviceaccount:default:ctl"},
		{"the Role allows listing ConfigMaps in its namespace", []string{"auth", "can-i", "list", "configmaps", "-n", "default"}, "yes"},
		{"nothing allows reading Secrets", []string{"auth", "can-i", "get", "secrets", "-n", "default"}, "no"},
		{"the Role does not reach other namespaces", []string{"auth", "can-i", "list", "configmaps", "-n", "kube-system"}, "no"},
	}
	for _, c := range cases {
		out, _ := exec.CommandContext(ctx, kubectl, append([]string{"--kubeconfig", kubeconfig}, c.args...)...).CombinedOutput()
		if got := strings.TrimSpace(string(out)); got != c.want {
			t.Errorf("%s: kubectl %v says %q, want %q", c.reason, c.args, got, c.want)
		}
	}
	var deployments unstructured.UnstructuredList
	deployments.SetAPIVersion("apps/v1")
	deployments.SetKind("DeploymentList")
	if err := kube.Client.List(ctx, &deployments); err != nil || len(deployments.Items) != 0 {
		t.Errorf("InstallAccess created a Deployment (%d, %v); it must create only access objects", len(deployments.Items), err)
	}
}
