package harness

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

func TestKube(t *testing.T) {
	start := time.Now()
	kube := StartKube(t, WithCRDs("tests/harness/testdata/crds"))
	t.Logf("StartKube took %s", time.Since(start))

	cm := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: "harness-probe", Namespace: "default"},
		Data:       map[string]string{"k": "v"},
	}
	if err := kube.Client.Create(t.Context(), cm); err != nil {
		t.Fatal(err)
	}

	// A separate process with only the kubeconfig file, as the controller will be.
	kubeconfig := kube.WriteKubeconfig(t)
	kubectl := filepath.Join(RepoRoot(t), "bin", "kubectl")
	out, err := exec.Command(kubectl, "--kubeconfig", kubeconfig, "get", "configmaps", "-A").CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "harness-probe") {
		t.Fatalf("kubectl does not list the ConfigMap:\n%s", out)
	}
	out, err = exec.Command(kubectl, "--kubeconfig", kubeconfig, "auth", "whoami", "-o", "jsonpath={.status.userInfo.groups}").CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl auth whoami: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "system:masters") {
		t.Fatalf("kubeconfig user groups %s, want system:masters", out)
	}

	// WithCRDs installed the Widget CRD before StartKube returned.
	widget := &unstructured.Unstructured{}
	widget.SetAPIVersion("harness.kubesmith.io/v1")
	widget.SetKind("Widget")
	widget.SetNamespace("default")
	widget.SetName("w1")
	if err := kube.Client.Create(t.Context(), widget); err != nil {
		t.Fatalf("create Widget: %v", err)
	}
	out, err = exec.Command(kubectl, "--kubeconfig", kubeconfig, "get", "widgets", "-A", "-o", "name").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "widget.harness.kubesmith.io/w1") {
		t.Fatalf("kubectl get widgets: %v\n%s", err, out)
	}
}
