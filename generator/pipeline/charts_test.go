package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/envtest"
	"sigs.k8s.io/yaml"

	"github.com/kubesmith/kubesmith/tests/harness"
)

// TestCharts lints and renders every generated chart, those of the
// services under generated/ and those of the golden fixtures, and installs
// each one's CRDs, RBAC and other objects into a real API server, which
// checks every CRD schema and CEL rule as a cluster would.
func TestCharts(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an API server")
	}
	root := repoRoot(t)
	helm := filepath.Join(root, "bin", "helm")
	if _, err := os.Stat(helm); err != nil {
		t.Skipf("%s is missing; make tools builds it", helm)
	}
	charts, err := filepath.Glob(filepath.Join(root, "generated", "*", "helm"))
	if err != nil {
		t.Fatal(err)
	}
	golden, err := filepath.Glob(filepath.Join("testdata", "golden", "*", "helm"))
	if err != nil {
		t.Fatal(err)
	}
	charts = append(charts, golden...)
	kube := harness.StartKube(t)
	for _, chart := range charts {
		svc := filepath.Base(filepath.Dir(chart))
		t.Run(svc, func(t *testing.T) {
			run(t, helm, "lint", "--strict", chart)
			out := run(t, helm, "template", svc, chart, "--namespace", svc+"-system")
			if _, err := envtest.InstallCRDs(kube.Config, envtest.CRDInstallOptions{
				Paths: []string{filepath.Join(chart, "crds")}, ErrorIfPathMissing: true,
			}); err != nil {
				t.Fatalf("installing the CRDs: %v", err)
			}
			objs := decodeAll(t, out)
			rbacFiles, err := filepath.Glob(filepath.Join(chart, "..", "config", "rbac", "*.yaml"))
			if err != nil || len(rbacFiles) == 0 {
				t.Fatalf("no config/rbac files next to %s: %v", chart, err)
			}
			for _, f := range rbacFiles {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range decodeAll(t, data) {
					if o.GetKind() == "Role" {
						o.SetNamespace(svc + "-system") // config/rbac leaves the controller's namespace to the installer
					}
					objs = append(objs, o)
				}
			}
			ns := &unstructured.Unstructured{Object: map[string]any{"apiVersion": "v1", "kind": "Namespace", "metadata": map[string]any{"name": svc + "-system"}}}
			for _, o := range append([]*unstructured.Unstructured{ns}, objs...) {
				if err := kube.Client.Create(context.Background(), o); err != nil {
					t.Errorf("creating %s %s: %v", o.GetKind(), o.GetName(), err)
				}
			}
		})
	}
}

func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, out, stderr.Bytes())
	}
	return out
}

// decodeAll splits a YAML stream into objects, skipping empty documents.
func decodeAll(t *testing.T, stream []byte) []*unstructured.Unstructured {
	t.Helper()
	var objs []*unstructured.Unstructured
	for _, doc := range bytes.Split(stream, []byte("\n---")) {
		var m map[string]any
		if err := yaml.Unmarshal(doc, &m); err != nil {
			t.Fatal(err)
		}
		if len(m) > 0 {
			objs = append(objs, &unstructured.Unstructured{Object: m})
		}
	}
	return objs
}

// TestCreateOnlyRules checks the CEL rules of create-only fields in a real
// API server: setting an unset field passes (late initialization does
// it), changing or removing a set one fails.
func TestCreateOnlyRules(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an API server")
	}
	kube := harness.StartKube(t, harness.WithCRDs(filepath.Join(repoRoot(t), "generator", "pipeline", "testdata", "golden", "widgets", "config", "crd")))
	ctx := context.Background()
	w := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "widgets.services.k8s.aws/v1alpha1",
		"kind":       "Widget",
		"metadata":   map[string]any{"name": "w", "namespace": "default"},
		"spec":       map[string]any{"widgetName": "w"},
	}}
	if err := kube.Client.Create(ctx, w); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		reason  string
		edit    func(spec map[string]any)
		allowed bool
	}{
		{"late initialization sets an unset create-only field", func(s map[string]any) { s["color"] = "red" }, true},
		{"an updatable field changes freely", func(s map[string]any) { s["size"] = int64(3) }, true},
		{"a set create-only field cannot change", func(s map[string]any) { s["color"] = "blue" }, false},
		{"a set create-only field cannot be removed", func(s map[string]any) { delete(s, "color") }, false},
		{"the identifier cannot change", func(s map[string]any) { s["widgetName"] = "v" }, false},
	}
	for _, c := range cases {
		obj := &unstructured.Unstructured{}
		obj.SetGroupVersionKind(w.GroupVersionKind())
		if err := kube.Client.Get(ctx, client.ObjectKeyFromObject(w), obj); err != nil {
			t.Fatal(err)
		}
		spec, _ := obj.Object["spec"].(map[string]any)
		c.edit(spec)
		err := kube.Client.Update(ctx, obj)
		if c.allowed && err != nil {
			t.Errorf("%s: the API server refused: %v", c.reason, err)
		}
		if !c.allowed && err == nil {
			t.Errorf("%s: the API server accepted it", c.reason)
		}
		if !c.allowed && err != nil && !strings.Contains(err.Error(), "once set") {
			t.Errorf("%s: refused for another reason: %v", c.reason, errors.Unwrap(err))
		}
	}
}

// TestCreateOnlyAdditionRule checks in a real API server that an optional
// create-only field can be added before the controller starts on the AWS
// resource, and not after: AWS would never receive it.
func TestCreateOnlyAdditionRule(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an API server")
	}
	kube := harness.StartKube(t, harness.WithCRDs(filepath.Join(repoRoot(t), "generator", "pipeline", "testdata", "golden", "widgets", "config", "crd")))
	ctx := context.Background()
	add := func(name string, pinned bool) error {
		w := &unstructured.Unstructured{Object: map[string]any{
			"apiVersion": "widgets.services.k8s.aws/v1alpha1",
			"kind":       "Widget",
			"metadata":   map[string]any{"name": name, "namespace": "default"},
			"spec":       map[string]any{"widgetName": name},
		}}
		if err := kube.Client.Create(ctx, w); err != nil {
			t.Fatal(err)
		}
		if pinned {
			w.Object["status"] = map[string]any{"ackResourceMetadata": map[string]any{"region": "us-west-2"}}
			if err := kube.Client.Status().Update(ctx, w); err != nil {
				t.Fatal(err)
			}
		}
		spec, _ := w.Object["spec"].(map[string]any)
		spec["color"] = "red"
		return kube.Client.Update(ctx, w)
	}
	if err := add("before", false); err != nil {
		t.Errorf("adding a create-only field before the resource exists in AWS: refused: %v", err)
	}
	err := add("after", true)
	if err == nil || !strings.Contains(err.Error(), "spec.color cannot be added once the Widget exists in AWS") {
		t.Errorf("adding a create-only field once the status pins the resource: error %v, want the CRD rule's refusal", err)
	}
}
