package harness

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	authenticationv1 "k8s.io/api/authentication/v1"
	k8smeta "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// accessKinds are the chart objects that decide what the controller may do.
// The Deployment and Services stay out: the test runs the binary itself.
var accessKinds = []string{"ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"}

// Chart is a Helm chart rendered for one release.
type Chart struct {
	Objects []*unstructured.Unstructured
}

// RenderChart runs `helm template` (from <repo>/bin, built by make tools) on
// the chart folder (relative to the repo root) with a values file's text.
func RenderChart(t testing.TB, chartDir, release, namespace, values string) *Chart {
	t.Helper()
	root := RepoRoot(t)
	helm := filepath.Join(root, "bin", "helm")
	if err := missingTool(helm); err != nil {
		t.Fatal(err)
	}
	valuesFile := filepath.Join(t.TempDir(), "values.yaml")
	if err := os.WriteFile(valuesFile, []byte(values), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(helm, "template", release, filepath.Join(root, chartDir), "--namespace", namespace, "-f", valuesFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("helm template %s: %v\n%s", chartDir, err, stderr.Bytes())
	}
	objs, err := decodeManifests(out)
	if err != nil {
		t.Fatalf("helm template %s: %v", chartDir, err)
	}
	return &Chart{Objects: objs}
}

func decodeManifests(data []byte) ([]*unstructured.Unstructured, error) {
	dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), 4096)
	var out []*unstructured.Unstructured
	for {
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			return nil, fmt.Errorf("decoding manifests: %w", err)
		}
		if obj != nil {
			out = append(out, &unstructured.Unstructured{Object: obj})
		}
	}
}

// InstallAccess creates the chart's ServiceAccount and RBAC objects, as
// `helm install` would, and leaves everything else out.
func (k *Kube) InstallAccess(t testing.TB, c *Chart) {
	t.Helper()
	for _, o := range c.Objects {
		if !slices.Contains(accessKinds, o.GetKind()) {
			continue
		}
		if err := k.Client.Create(context.Background(), o); err != nil {
			t.Fatalf("creating %s %s/%s from the chart: %v", o.GetKind(), o.GetNamespace(), o.GetName(), err)
		}
	}
}

// ServiceAccountName is the name of the chart's one ServiceAccount.
func (c *Chart) ServiceAccountName(t testing.TB) string {
	t.Helper()
	var names []string
	for _, o := range c.Objects {
		if o.GetKind() == "ServiceAccount" {
			names = append(names, o.GetName())
		}
	}
	if len(names) != 1 {
		t.Fatalf("the chart renders ServiceAccounts %v, want exactly one", names)
	}
	return names[0]
}

// ServiceAccountKubeconfig writes a kubeconfig that authenticates as the
// ServiceAccount namespace/name with a token from the TokenRequest API, the
// way a pod's projected token does, and returns its path. The process using
// it has exactly the RBAC bound to that ServiceAccount.
func (k *Kube) ServiceAccountKubeconfig(t testing.TB, namespace, name string) string {
	t.Helper()
	cs, err := kubernetes.NewForConfig(k.Config)
	if err != nil {
		t.Fatal(err)
	}
	hour := int64(3600)
	tr, err := cs.CoreV1().ServiceAccounts(namespace).CreateToken(context.Background(), name,
		&authenticationv1.TokenRequest{Spec: authenticationv1.TokenRequestSpec{ExpirationSeconds: &hour}}, k8smeta.CreateOptions{})
	if err != nil {
		t.Fatalf("token for ServiceAccount %s/%s: %v", namespace, name, err)
	}
	user := "system:serviceaccount:" + namespace + ":" + name
	cfg := clientcmdapi.Config{
		Clusters:       map[string]*clientcmdapi.Cluster{"envtest": {Server: k.Config.Host, CertificateAuthorityData: k.Config.CAData}},
		AuthInfos:      map[string]*clientcmdapi.AuthInfo{user: {Token: tr.Status.Token}},
		Contexts:       map[string]*clientcmdapi.Context{"envtest": {Cluster: "envtest", AuthInfo: user}},
		CurrentContext: "envtest",
	}
	data, err := clientcmd.Write(cfg)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), strings.ReplaceAll(namespace+"-"+name, "/", "-")+".kubeconfig")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// ControllerArgs are the arguments of the chart Deployment's one container:
// the flags the chart's values turn into.
func (c *Chart) ControllerArgs(t testing.TB) []string {
	t.Helper()
	var found [][]any
	for _, o := range c.Objects {
		if o.GetKind() != "Deployment" {
			continue
		}
		containers, _, _ := unstructured.NestedSlice(o.Object, "spec", "template", "spec", "containers")
		for _, ct := range containers {
			args, _ := ct.(map[string]any)["args"].([]any)
			found = append(found, args)
		}
	}
	if len(found) != 1 {
		t.Fatalf("the chart renders %d controller containers, want one", len(found))
	}
	out := make([]string, 0, len(found[0]))
	for _, a := range found[0] {
		out = append(out, fmt.Sprint(a))
	}
	return out
}
